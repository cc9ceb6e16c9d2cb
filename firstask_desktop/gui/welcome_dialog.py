"""The welcome of a first start: three pointers (register, 待办, 同步) and the manual, until the
clerk ticks 不再显示 (kept per person in the preferences; 帮助 → 欢迎页 shows it again)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from .icons import icon


class WelcomeDialog(QDialog):
    # Where the clerk chose to go: "new_entry", a page of the main window, or "guide".
    sig_go = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("欢迎使用首问登记"))
        name = session.actor.name if session.actor is not None else ""
        heading = QLabel(self.tr("{0}，您好！三件事，马上上手：").format(name))
        heading.setWordWrap(True)
        pointers = (
            (
                "register",
                "new_entry",
                self.tr("登记 (Ctrl+N)"),
                self.tr(
                    "客户来访、来电或95598工单：点“新登记”，填好按 Ctrl+S 保存，回执随即可打印。"
                ),
            ),
            (
                "todo",
                "todo",
                self.tr("待办"),
                self.tr("每天先看“待办”：已超期、今日到期和转办快到期的事，逐条办结。"),
            ),
            (
                "sync",
                "sync",
                self.tr("同步"),
                self.tr("每月用U盘把登记带到县公司：“同步”页，插上U盘，点“导出到U盘”。"),
            ),
        )
        grid = QGridLayout()
        self.go_buttons: dict[str, QPushButton] = {}
        for row, (icon_name, where, title, text) in enumerate(pointers):
            button = QPushButton(icon(icon_name), title)
            button.clicked.connect(lambda _=False, w=where: self._go(w))
            label = QLabel(text)
            label.setWordWrap(True)
            grid.addWidget(button, row, 0)
            grid.addWidget(label, row, 1)
            self.go_buttons[where] = button
        help_line = QLabel(self.tr("在任何一页按 F1，都会打开用户手册中讲这一页的章节。"))
        help_line.setWordWrap(True)
        self.never_again = QCheckBox(self.tr("以后不再显示（可在“帮助 → 欢迎页”再次打开）"))
        buttons = QDialogButtonBox()
        self.guide_button = buttons.addButton(
            self.tr("打开用户手册"), QDialogButtonBox.ButtonRole.HelpRole
        )
        self.guide_button.clicked.connect(lambda: self._go("guide"))
        self.close_button = buttons.addButton(
            self.tr("知道了"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addWidget(help_line)
        layout.addWidget(self.never_again)
        layout.addWidget(buttons)
        # The three buttons equally wide, none narrower than its title (a fixed 130 px cut
        # "Register (Ctrl+N)"); the dialog as high as its wrapped lines need at its width (a
        # fixed height cut them at the top and bottom in English and at 大).
        widest = max(button.sizeHint().width() for button in self.go_buttons.values())
        for button in self.go_buttons.values():
            button.setMinimumWidth(max(130, widest))
        width = 600
        self.resize(width, max(300, layout.totalHeightForWidth(width)))

    def _go(self, where: str) -> None:
        self.accept()
        self.sig_go.emit(where)

    def done(self, result: int) -> None:
        if self.never_again.isChecked() and self.session.actor is not None:
            self.session.prefs.dismiss_welcome(self.session.actor.name)
        super().done(result)
