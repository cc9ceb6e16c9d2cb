"""驳回考核建议: the station head says why a proposed breach is not one; the reason is kept."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit

from . import operations
from .action_dialog import FormDialog


class DismissDialog(FormDialog):
    """OK runs the dismissal; ``sig_done`` carries the violation after the decision."""

    def __init__(self, session, violation: dict, parent=None):
        v = violation
        super().__init__(self.tr("驳回考核建议 {0}").format(v["id"]), self.tr("驳回"), parent)
        self.session = session
        self.violation = violation
        self.summary = QLabel(
            self.tr("{0}　{1}　§{2} {3}\n{4}").format(
                v["serial"], v["responder"], v["clause"], v["rule_label"], v["evidence"]
            )
        )
        self.summary.setWordWrap(True)
        self.layout_.insertWidget(0, self.summary)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(110)
        self.reason.setPlaceholderText(self.tr("如：客户要求延期办理，有书面说明"))
        self.add_field("reason", self.tr("驳回理由(&R)（必填，将打印在月度考核表上）"), self.reason)
        self.setMinimumWidth(520)
        self.reason.setFocus()

    def call(self) -> tuple:
        return (
            operations.dismiss_violation,
            (self.session.actor, self.violation["id"], self.reason.toPlainText()),
            {},
        )
