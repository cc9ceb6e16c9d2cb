"""The lock screen: hides all personal data; the same clerk types their password, or another
clerk switches in with one click."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from . import operations, tasks
from .icons import icon
from .login import LoginPanel
from .messages import password_error_text
from .style import styled
from .widgets import Retranslating, set_error


class LockScreen(Retranslating, QWidget):
    sig_unlocked = Signal(bool)  # True: the same person came back

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.lock_icon = QLabel()
        self.lock_icon.setPixmap(icon("lock").pixmap(QSize(48, 48)))
        self.lock_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel()
        styled(self.title, "lockTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = QLabel()
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.unlock)
        self.unlock_button = QPushButton()
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.switch_button = QPushButton()
        self.switch_button.clicked.connect(self.show_switch)
        self.error = QLabel()
        set_error(self.error, "")

        same = QWidget()
        box = QVBoxLayout(same)
        box.addWidget(self.who)
        box.addWidget(self.password)
        box.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.switch_button)
        box.addLayout(buttons)

        switch = QWidget()
        switch_box = QVBoxLayout(switch)
        self.panel = LoginPanel(switch)
        self.panel.sig_authenticated.connect(self._switched)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.prepare)
        switch_box.addWidget(self.panel)
        switch_box.addWidget(self.back_button)

        self.modes = QStackedWidget()
        self.modes.addWidget(same)
        self.modes.addWidget(switch)
        self.modes.setFixedWidth(380)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(self.lock_icon)
        column.addWidget(self.title)
        column.addWidget(self.modes, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column)
        outer.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("已锁定"))
        self.who.setText(self.tr("{0}，请输入密码解锁：").format(self.session.actor_name))
        self.unlock_button.setText(self.tr("解锁"))
        self.switch_button.setText(self.tr("切换人员"))
        self.back_button.setText(self.tr("返回"))

    def prepare(self) -> None:
        self.retranslate()
        self.password.clear()
        set_error(self.error, "")
        self.modes.setCurrentIndex(0)
        self.password.setFocus()

    def show_switch(self) -> None:
        # Whoever worked here before the locked person is the likeliest to switch in: two
        # clerks at one counter take turns. Never the administrator by default.
        prefs = self.session.prefs
        others = [n for n in (prefs.previous_user, prefs.last_user) if n != self.session.actor_name]
        self.panel.select(others[0] if others else "")
        self.panel.password.clear()
        self.panel.reload()
        self.modes.setCurrentIndex(1)

    def unlock(self) -> None:
        self.unlock_button.setEnabled(False)
        tasks.run_task(
            operations.authenticate,
            self.session.actor_name,
            self.password.text(),
            on_success=self._same_person,
            on_error=self._failed,
            owner=self,
        )

    def _same_person(self, staff) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.session.actor = staff
        self.sig_unlocked.emit(True)

    def _failed(self, error: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        self.password.selectAll()
        set_error(self.error, password_error_text(error))

    def _switched(self, staff) -> None:
        same = staff.name == self.session.actor_name
        self.session.set_actor(staff)
        self.sig_unlocked.emit(same)
