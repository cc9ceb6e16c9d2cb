"""A date-time field that Tab leaves in one press.

QDateTimeEdit moves Tab through its own sections (year, month, day, …); on a form that is filled
with the keyboard in paper order this traps the clerk for five presses. Sections are still
reachable with the arrow keys and the mouse.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDateTimeEdit, QWidget


class DateTimeEdit(QDateTimeEdit):
    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt's name
        return QWidget.focusNextPrevChild(self, forward)
