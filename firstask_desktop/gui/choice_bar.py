"""Big, obvious one-of-N choices (渠道, 类别) that are one stop in the tab order.

A row of checkable buttons. With the keyboard: Tab reaches the bar once; ←/→ move the choice;
digits 1–9 pick directly (each button shows its digit). Used in ui/entry_form.ui as a promoted
widget.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QSizePolicy, QToolButton, QWidget

from .flow_layout import FlowLayout
from .style import styled


class ChoiceBar(QWidget):
    sig_changed = Signal(str)  # the code of the new choice

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._codes: list[str] = []
        # Wraps onto a second line in a narrow window (large text, 150 %, English).
        self._layout = FlowLayout(self, spacing=4)
        self._layout.setContentsMargins(2, 2, 2, 2)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._group.idClicked.connect(self._clicked)

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        """(code, label) pairs; keeps the current choice if it is still offered."""
        current = self.value()
        for button in self._group.buttons():
            self._group.removeButton(button)
            button.deleteLater()
        self._codes = []
        for number, (code, text) in enumerate(choices):
            button = QToolButton(self)
            shown = f"{number + 1} {text}" if number < 9 else text
            button.setText(shown)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the bar, not each button, takes Tab
            button.setMinimumHeight(34)
            styled(button, "choiceButton")
            self._group.addButton(button, number)
            self._layout.addWidget(button)
            self._codes.append(code)
        if current in self._codes:
            self._group.button(self._codes.index(current)).setChecked(True)

    def value(self) -> str:
        checked = self._group.checkedId()
        return self._codes[checked] if 0 <= checked < len(self._codes) else ""

    def set_value(self, code: str) -> None:
        if code == self.value():
            return
        if code in self._codes:
            self._group.button(self._codes.index(code)).setChecked(True)
        else:
            # Nothing chosen: an exclusive group needs to be opened up to uncheck.
            self._group.setExclusive(False)
            for button in self._group.buttons():
                button.setChecked(False)
            self._group.setExclusive(True)
        self.sig_changed.emit(self.value())

    def codes(self) -> list[str]:
        return list(self._codes)

    def button_for(self, code: str) -> QToolButton:
        return self._group.button(self._codes.index(code))

    def _clicked(self, number: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.sig_changed.emit(self._codes[number])

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            number = key - Qt.Key.Key_1
            if number < len(self._codes):
                self.set_value(self._codes[number])
                return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self._codes:
            step = 1 if key == Qt.Key.Key_Right else -1
            current = self._group.checkedId()
            start = 0 if current < 0 and step > 0 else current
            self.set_value(
                self._codes[(start + step) % len(self._codes)] if current >= 0 else self._codes[0]
            )
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.update()
        super().focusOutEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            # The focus frame: the bar is one tab stop, so show where the keyboard is.
            from PySide6.QtGui import QColor, QPainter, QPen

            painter = QPainter(self)
            painter.setPen(QPen(QColor("#1f6fd1"), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
