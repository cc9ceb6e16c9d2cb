"""The app's look: a few rules on top of the platform style (big choices, a clear rail).

Each rule is set on the widgets it is for (``styled``), not on the whole application: with an
application-wide style sheet every widget is drawn through Qt's style-sheet engine, which cost
the register window about 0.1 s of its start and slowed every paint of the table
(docs/benchmarks.md). The rest of the window is drawn by the platform style directly.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

RULES = {
    "navRail": """
QListWidget#navRail { background: #e9eff6; border: none; border-right: 1px solid #c9d3de;
    padding-top: 6px; }
QListWidget#navRail::item { color: #1b1b1b; border-radius: 6px; margin: 2px; }
QListWidget#navRail::item:selected { background: #f2b705; color: #1b1b1b; font-weight: bold; }
QListWidget#navRail::item:hover:!selected { background: #d5e2f0; }""",
    "primaryButton": """
QPushButton#primaryButton { background: #1f6fd1; color: white; border: 1px solid #1856a3;
    border-radius: 4px; padding: 5px 14px; font-weight: bold; }
QPushButton#primaryButton:disabled { background: #9bb7dc; }""",
    "bigButton": "QPushButton#bigButton { font-size: 14pt; font-weight: bold; }",
    "choiceButton": """
QToolButton#choiceButton { border: 1px solid #9aa7b5; border-radius: 5px; background: #f6f8fa;
    padding: 4px 6px; }
QToolButton#choiceButton:checked { background: #1f6fd1; color: white; border-color: #1856a3;
    font-weight: bold; }""",
    "bucketButton": """
QToolButton#bucketButton { border: 1px solid #9aa7b5; border-radius: 6px; background: #f6f8fa;
    padding: 4px 10px; }
QToolButton#bucketButton:checked { background: #1f4e79; color: white; font-weight: bold; }""",
    "pageHeading": "QLabel#pageHeading { font-weight: bold; }",
    "lockTitle": "QLabel#lockTitle { font-weight: bold; font-size: 18pt; }",
    "statTile": """
QLabel#statTile { border: 1px solid #c9d3de; border-radius: 6px; background: #f7fafc;
    padding: 6px; }""",
    "deadlineLabel": "QLabel#deadlineLabel { color: #1f4e79; }",
    "noticeBanner": """
        QLabel#noticeBanner { background: #fff4ce; color: #5c3c00; border: 1px solid #e0b84c;
                              padding: 6px; }""",
}


def styled(widget: QWidget, name: str) -> QWidget:
    """Give ``widget`` the look called ``name`` (its object name too, for tests and tools)."""
    widget.setObjectName(name)
    widget.setStyleSheet(RULES[name])
    return widget


def restyle(widgets) -> None:
    """Widgets with a style sheet of their own keep the old font until they are polished again:
    setting their sheet anew makes a text-size change show at once."""
    for widget in widgets:
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)
