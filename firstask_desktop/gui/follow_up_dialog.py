"""回访: one attempt to reach the customer (reached or not), how, and their satisfaction."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from firstask_desktop.domain.vocab import FOLLOW_UP_METHODS, FOLLOW_UP_OUTCOMES, SATISFACTION

from .action_dialog import ActionDialog
from .labels import choices


def _radio_row(table: dict[str, str]) -> tuple[QWidget, QButtonGroup, dict[str, QRadioButton]]:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    group = QButtonGroup(box)
    buttons = {}
    for code, text in choices(table):
        button = QRadioButton(text)
        group.addButton(button)
        row.addWidget(button)
        buttons[code] = button
    row.addStretch(1)
    return box, group, buttons


class FollowUpDialog(ActionDialog):
    def __init__(self, session, details: dict, parent=None):
        super().__init__(session, details, "follow_up", parent)
        attempts = len(details.get("follow_ups", []))
        self.setWindowTitle(self.tr("第 {0} 次回访 — {1}").format(attempts + 1, self.serial))
        self.method = QComboBox()
        for code, text in choices(FOLLOW_UP_METHODS):
            self.method.addItem(text, code)
        outcome_box, _group, self.outcomes = _radio_row(FOLLOW_UP_OUTCOMES)
        self.outcomes["reached"].setChecked(True)
        satisfaction_box, _sgroup, self.satisfaction = _radio_row(SATISFACTION)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(80)
        self.note.setPlaceholderText(self.tr("客户的意见，如：客户表示问题已解决"))
        self.add_field("method", self.tr("回访方式(&M)"), self.method)
        self.add_field("outcome", self.tr("是否联系上"), outcome_box)
        self.add_field("satisfaction", self.tr("客户满意度"), satisfaction_box)
        self.add_field("note", self.tr("回访记录(&N)"), self.note)
        self.satisfaction_box = satisfaction_box
        for button in self.outcomes.values():
            button.toggled.connect(self._outcome_changed)
        if details.get("phone"):
            self.summary.setText(
                self.summary.text() + self.tr("\n联系电话：{0}").format(details["phone"])
            )
        self.method.setFocus()

    def _outcome_changed(self, _checked: bool) -> None:
        # Satisfaction only from a customer actually reached (the core refuses it otherwise).
        self.satisfaction_box.setEnabled(self.outcome() == "reached")

    def outcome(self) -> str:
        return next(code for code, button in self.outcomes.items() if button.isChecked())

    def values(self) -> dict:
        outcome = self.outcome()
        chosen = next((c for c, b in self.satisfaction.items() if b.isChecked()), "")
        return {
            "method": self.method.currentData(),
            "outcome": outcome,
            "satisfaction": chosen if outcome == "reached" else "",
            "note": self.note.toPlainText(),
        }
