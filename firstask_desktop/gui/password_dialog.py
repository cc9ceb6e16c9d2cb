"""修改我的密码: the old password once more, the new one twice."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from firstask_desktop.domain.errors import ValidationError

from . import operations, tasks
from .messages import error_text
from .widgets import set_error


class PasswordDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("修改我的密码 — {0}").format(session.actor_name))
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        for field in (self.old, self.new, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        set_error(self.error, "")
        form = QFormLayout()
        form.addRow(self.tr("原密码(&O)"), self.old)
        form.addRow(self.tr("新密码(&N)"), self.new)
        form.addRow(self.tr("再输一次(&R)"), self.repeat)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        set_error(self.error, "")
        if self.new.text() != self.repeat.text():
            set_error(self.error, self.tr("两次输入的新密码不一样，请重新输入。"))
            return
        self.buttons.setEnabled(False)
        tasks.run_task(
            operations.change_password,
            self.session.actor,
            self.old.text(),
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
