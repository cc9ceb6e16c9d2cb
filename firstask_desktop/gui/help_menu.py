"""帮助: the manual at the chapter of the page in front of the clerk (F1), printing the manual
and the wall card, and the welcome of a first start.

The manual is built by the core (reports/guide.py) in the background the first time it is asked
for, then kept: a second F1 opens at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from . import operations, tasks
from .messages import error_text


class HelpMenu(QObject):
    """The 帮助 menu of ``window`` (a MainWindow, whose navigation rail lists ``pages`` in order)
    and its F1 shortcut."""

    def __init__(self, window, pages: tuple[str, ...]):
        super().__init__(window)
        self.window = window
        self.pages = pages
        self.guides: dict = {}  # language → reports.guide.Guide, built once
        self.preview = None
        self.menu = window.menuBar().addMenu("")
        self.guide_action = QAction(window)
        self.guide_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.guide_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.guide_action.triggered.connect(lambda: self.open_guide(at_page=True))
        self.print_guide_action = QAction(window)
        self.print_guide_action.triggered.connect(lambda: self.open_guide(at_page=False))
        self.card_action = QAction(window)
        self.card_action.triggered.connect(self.open_card)
        self.welcome_action = QAction(window)
        self.welcome_action.triggered.connect(self.show_welcome)
        for action in (self.guide_action, self.print_guide_action, self.card_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.welcome_action)
        window.addAction(self.guide_action)
        window.sig_started.connect(self._welcome_first_start)
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("帮助(&H)"))
        self.guide_action.setText(self.tr("本页的使用说明 (F1)"))
        self.print_guide_action.setText(self.tr("打印用户手册…"))
        self.card_action.setText(self.tr("打印制度上墙卡…"))
        self.welcome_action.setText(self.tr("欢迎页"))

    def _language(self) -> str:
        return self.window.session.prefs.language

    def current_page(self) -> str:
        return self.pages[max(0, self.window.rail.currentRow())]

    # --- the manual -----------------------------------------------------------------------------

    def open_guide(self, at_page: bool = True) -> None:
        """The manual in the preview, at the chapter of the current page (F1) or its cover."""
        page = self.current_page() if at_page else ""
        language = self._language()
        guide = self.guides.get(language)
        if guide is not None:
            self._show_guide(guide, page, language)
            return
        self.window.statusBar().showMessage(self.tr("正在生成用户手册……"), 30000)
        tasks.run_task(
            operations.build_guide,
            language,
            owner=self,
            on_success=lambda built: self._guide_built(built, page, language),
            on_error=self._failed,
        )

    def _guide_built(self, guide, page: str, language: str) -> None:
        self.guides[language] = guide
        self.window.statusBar().clearMessage()
        self._show_guide(guide, page, language)

    def _show_guide(self, guide, page: str, language: str) -> None:
        from .pdf_preview import PdfPreview

        start = guide.page_for(page, language) - 1 if page else 0
        self.preview = PdfPreview(
            guide.data,
            self.tr("首问登记 用户手册"),
            self.tr("首问登记用户手册.pdf"),
            self.window,
            start_page=start,
        )
        self.preview.show()

    # --- the wall card --------------------------------------------------------------------------

    def open_card(self) -> None:
        tasks.run_task(
            operations.build_document,
            "card",
            "",
            owner=self,
            on_success=self._show_card,
            on_error=self._failed,
        )

    def _show_card(self, data: bytes) -> None:
        from .pdf_preview import PdfPreview

        self.preview = PdfPreview(
            data, self.tr("制度上墙卡"), self.tr("制度上墙卡.pdf"), self.window
        )
        self.preview.show()

    def _failed(self, error: BaseException) -> None:
        self.window.statusBar().showMessage(error_text(error), 30000)

    # --- the welcome ----------------------------------------------------------------------------

    def _welcome_first_start(self) -> None:
        actor = self.window.session.actor
        if actor is not None and not self.window.session.prefs.welcome_dismissed(actor.name):
            self.show_welcome()

    def show_welcome(self) -> None:
        from .welcome_dialog import WelcomeDialog

        self.welcome = WelcomeDialog(self.window.session, self.window)
        self.welcome.sig_go.connect(self._go)
        self.welcome.show()

    def _go(self, where: str) -> None:
        if self.window.is_locked():
            return  # the welcome was left open when the screen locked
        if where == "guide":
            self.open_guide(at_page=False)
        elif where == "new_entry":
            self.window.new_entry()
        else:
            self.window.show_page(where)
