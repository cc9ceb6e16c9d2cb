"""Small shared widget helpers: error labels beside fields, section headings."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

ERROR_STYLE = "color: #b00020;"
FIELD_ERROR_STYLE = "border: 2px solid #b00020;"


def set_error(label: QLabel, text: str) -> None:
    """Show (or hide, when empty) a red error message; hidden labels take no room."""
    label.setText(text)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setVisible(bool(text))


def mark_field(widget: QWidget, bad: bool) -> None:
    """A red frame around a field in error, beside its message (colour is not the only signal)."""
    widget.setStyleSheet(FIELD_ERROR_STYLE if bad else "")
