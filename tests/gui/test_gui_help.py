"""帮助: F1 opens the manual at the chapter of the page in front of the clerk; the wall card
prints from the menu; the welcome of a first start, until the clerk says not again."""

from __future__ import annotations

from gui_helpers import settle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from firstask_desktop.gui.main_window import PAGES, MainWindow
from firstask_desktop.reports.guide import chapter_for_page


def _press_f1(window, qtbot):
    window.help.preview = None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.pages.currentWidget(), Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help.preview is not None, timeout=60000)
    return window.help.preview


def test_f1_opens_the_manual_at_the_chapter_of_each_page(window, qtbot):
    window.help.welcome.close()
    for page in PAGES:
        window.show_page(page)
        settle(qtbot)
        preview = _press_f1(window, qtbot)
        guide = window.help.guides["zh_CN"]
        chapter_page = guide.chapter_pages[chapter_for_page(page)]
        navigator = preview.view.pageNavigator()
        qtbot.waitUntil(lambda n=navigator, p=chapter_page: n.currentPage() == p - 1)
        assert preview.view.verticalScrollBar().value() > 0  # scrolled there, not only told
        assert preview.document.pageCount() > chapter_page
        preview.close()


def test_the_wall_card_prints_from_the_help_menu(window, qtbot):
    window.help.welcome.close()
    window.help.card_action.trigger()
    qtbot.waitUntil(lambda: window.help.preview is not None, timeout=30000)
    assert window.help.preview.document.pageCount() == 1
    assert "上墙卡" in window.help.preview.windowTitle()


def test_the_welcome_shows_until_dismissed_for_good(window, session, qtbot):
    welcome = window.help.welcome
    assert (
        welcome.isVisible() and "李娜" in welcome.windowTitle() + welcome.findChild(QLabel).text()
    )
    welcome.go_buttons["todo"].click()
    assert not welcome.isVisible() and window.pages.currentWidget() is window.page["todo"]
    assert not session.prefs.welcome_dismissed("李娜")  # not ticked: shown again next start

    window.help.show_welcome()
    welcome = window.help.welcome
    welcome.never_again.setChecked(True)
    welcome.close_button.click()
    assert session.prefs.welcome_dismissed("李娜")
    assert not session.prefs.welcome_dismissed("张伟")  # each clerk of a shared PC once

    again = MainWindow(session)
    qtbot.addWidget(again)
    again.help.welcome = None
    again.sig_started.emit()
    assert again.help.welcome is None
