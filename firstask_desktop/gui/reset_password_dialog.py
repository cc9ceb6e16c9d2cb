"""重置密码: an administrator sets a new password for a colleague who forgot theirs or is locked
out (the core's ``reset_password`` also lifts the lock)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from firstask_desktop.domain.errors import ValidationError

from . import operations, tasks
from .messages import error_text
from .widgets import set_error


class ResetPasswordDialog(QDialog):
    def __init__(self, session, name: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.name = name
        self.setWindowTitle(self.tr("重置密码 — {0}").format(name))
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        for field in (self.new, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = QLabel(
            self.tr("为 {0} 设置一个新密码（至少6位）。设置后请当面告诉本人。").format(name)
        )
        self.hint.setWordWrap(True)
        self.error = QLabel()
        set_error(self.error, "")
        form = QFormLayout()
        form.addRow(self.tr("新密码(&N)"), self.new)
        form.addRow(self.tr("再输一次(&R)"), self.repeat)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def submit(self) -> None:
        set_error(self.error, "")
        if self.new.text() != self.repeat.text():
            set_error(self.error, self.tr("两次输入的新密码不一样，请重新输入。"))
            return
        self.buttons.setEnabled(False)
        tasks.run_task(
            operations.reset_password,
            self.session.actor,
            self.name,
            self.new.text(),
            owner=self,
            on_success=lambda _r: self.accept(),
            on_error=self._refused,
        )

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError):
            set_error(self.error, self.tr("新密码：{0}").format(error.message))
        else:
            set_error(self.error, error_text(error))
