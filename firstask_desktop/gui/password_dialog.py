"""修改我的密码: the old password once more, the new one twice."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from . import operations
from .new_password_dialog import NewPasswordDialog


class PasswordDialog(NewPasswordDialog):
    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("修改我的密码 — {0}").format(session.actor_name))
        self.old = QLineEdit()
        self.lay_out((self.tr("原密码(&O)"), self.old))

    def save_task(self) -> tuple:
        return (
            operations.change_password,
            self.session.actor,
            self.old.text(),
            self.new.text(),
        )
