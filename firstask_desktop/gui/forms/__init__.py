# generated — do not edit: modules here are compiled from ui/*.ui by tools/build_forms.py
