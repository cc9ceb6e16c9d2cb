"""重置密码: an administrator sets a new password for a colleague who forgot theirs or is locked
out (the core's ``reset_password`` also lifts the lock)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from . import operations
from .new_password_dialog import NewPasswordDialog


class ResetPasswordDialog(NewPasswordDialog):
    def __init__(self, session, name: str, parent=None):
        super().__init__(session, parent)
        self.name = name
        self.setWindowTitle(self.tr("重置密码 — {0}").format(name))
        self.hint = QLabel(
            self.tr("为 {0} 设置一个新密码（至少6位）。设置后请当面告诉本人。").format(name)
        )
        self.hint.setWordWrap(True)
        self.lay_out(hint=self.hint)
        self.setMinimumWidth(420)

    def save_task(self) -> tuple:
        return (operations.reset_password, self.session.actor, self.name, self.new.text())
