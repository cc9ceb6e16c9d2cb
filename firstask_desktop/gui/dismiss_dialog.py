"""驳回考核建议: the station head says why a proposed breach is not one; the reason is kept."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from firstask_desktop.domain.errors import ValidationError

from . import operations, tasks
from .messages import error_text
from .widgets import mark_field, set_error


class DismissDialog(QDialog):
    sig_done = Signal(dict)  # the violation after the decision

    def __init__(self, session, violation: dict, parent=None):
        super().__init__(parent)
        self.session = session
        self.violation = violation
        v = violation
        self.setWindowTitle(self.tr("驳回考核建议 {0}").format(v["id"]))
        self.summary = QLabel(
            self.tr("{0}　{1}　§{2} {3}\n{4}").format(
                v["serial"], v["responder"], v["clause"], v["rule_label"], v["evidence"]
            )
        )
        self.summary.setWordWrap(True)
        self.caption = QLabel(self.tr("驳回理由(&R)（必填，将打印在月度考核表上）"))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(110)
        self.reason.setPlaceholderText(self.tr("如：客户要求延期办理，有书面说明"))
        self.caption.setBuddy(self.reason)
        self.error = QLabel()
        set_error(self.error, "")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("驳回"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.caption)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.reason.setFocus()

    def submit(self) -> None:
        set_error(self.error, "")
        mark_field(self.reason, False)
        self.ok_button.setEnabled(False)
        tasks.run_task(
            operations.dismiss_violation,
            self.session.actor,
            self.violation["id"],
            self.reason.toPlainText(),
            owner=self,
            on_success=self._done,
            on_error=self._refused,
        )

    def _done(self, violation: dict) -> None:
        self.sig_done.emit(violation)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        set_error(self.error, error_text(error))
        if isinstance(error, ValidationError) and error.field == "reason":
            mark_field(self.reason, True)
            self.reason.setFocus()
