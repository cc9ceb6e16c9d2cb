"""The app's look: a few rules on top of the platform style (big choices, a clear rail)."""

STYLE_SHEET = """
QListWidget#navRail { background: #e9eff6; border: none; border-right: 1px solid #c9d3de;
    padding-top: 6px; }
QListWidget#navRail::item { color: #1b1b1b; border-radius: 6px; margin: 2px; }
QListWidget#navRail::item:selected { background: #f2b705; color: #1b1b1b; font-weight: bold; }
QListWidget#navRail::item:hover:!selected { background: #d5e2f0; }
QPushButton#primaryButton { background: #1f6fd1; color: white; border: 1px solid #1856a3;
    border-radius: 4px; padding: 5px 14px; font-weight: bold; }
QPushButton#primaryButton:disabled { background: #9bb7dc; }
QPushButton#bigButton { font-size: 14pt; font-weight: bold; }
QToolButton#choiceButton { border: 1px solid #9aa7b5; border-radius: 5px; background: #f6f8fa;
    padding: 4px 6px; }
QToolButton#choiceButton:checked { background: #1f6fd1; color: white; border-color: #1856a3;
    font-weight: bold; }
QToolButton#bucketButton { border: 1px solid #9aa7b5; border-radius: 6px; background: #f6f8fa;
    padding: 4px 10px; }
QToolButton#bucketButton:checked { background: #1f4e79; color: white; font-weight: bold; }
QLabel#pageHeading, QLabel#lockTitle { font-weight: bold; }
QLabel#lockTitle { font-size: 18pt; }
QLabel#statTile { border: 1px solid #c9d3de; border-radius: 6px; background: #f7fafc;
    padding: 6px; }
QLabel#deadlineLabel { color: #1f4e79; }
"""
