"""Start-up pieces: the bundled CJK font, the translations, the vocabulary labels, the reminder,
the CLI staying Qt-free, and the screenshots command."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from gui_helpers import settle
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from firstask_desktop.domain import deadlines, status_machine, vocab
from firstask_desktop.gui import fonts, i18n
from firstask_desktop.gui.app import apply_look
from firstask_desktop.gui.labels import marked_labels
from firstask_desktop.gui.notifier import summary_text
from firstask_desktop.services.queries import ACTION_TEXT, DUE_STATE_LABELS

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "firstask_en.ts"


def test_the_bundled_font_is_registered_and_draws_chinese(qapp):
    files = fonts.cjk_font_files()
    assert files and files[0].parent.name == "fonts"  # the bundled one comes first
    family = fonts.register_cjk_font()
    assert family and "WenQuanYi" in family
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


def test_language_and_text_size_follow_the_settings(session, qapp):
    try:
        session.prefs.language = "en"
        session.prefs.text_size = "large"
        apply_look(qapp, session.prefs)
        assert QApplication.translate("MainWindow", "登记簿") == "Register"
        assert QApplication.translate("vocab", "投诉") == "Complaint"
        assert qapp.font().pointSize() == fonts.TEXT_SIZES["large"]
        assert "WenQuanYi" in qapp.font().family()
    finally:
        session.prefs.language = "zh_CN"
        session.prefs.text_size = "medium"
        apply_look(qapp, session.prefs)
    assert QApplication.translate("MainWindow", "登记簿") == "登记簿"


def test_the_main_window_retranslates_at_once(window, qtbot):
    window.session.prefs.language = "en"
    try:
        window.session.prefs_changed.emit("language")
        settle(qtbot)
        assert window.rail.item(0).text() == "Register"
        assert window.page["register"].new_button.text() == "New entry (Ctrl+N)"
        assert (
            window.page["register"].table.model.headerData(0, Qt.Orientation.Horizontal)
            == "Serial no."
        )
    finally:
        window.session.prefs.language = "zh_CN"
        window.session.prefs_changed.emit("language")
        settle(qtbot)  # LanguageChange events are posted, not sent
    assert window.rail.item(0).text() == "登记簿"


def test_every_vocabulary_label_is_marked_for_translation():
    labels = set()
    for table in (
        vocab.CHANNELS,
        vocab.CATEGORIES,
        vocab.STATUSES,
        vocab.ROLES,
        vocab.AREAS,
        vocab.MODES,
        vocab.TIERS,
        vocab.FOLLOW_UP_METHODS,
        vocab.FOLLOW_UP_OUTCOMES,
        vocab.SATISFACTION,
        DUE_STATE_LABELS,
        status_machine.ACTION_LABELS,
        ACTION_TEXT,
        deadlines.CLOCK_LABELS,
        deadlines.UNIT_LABELS,
    ):
        labels |= set(table.values())
    assert labels - marked_labels() == set()


def test_the_english_translation_is_complete_and_compiled(tmp_path):
    """Every string on screen has a finished English translation, and the .qm is up to date."""
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in sorted((ROOT / "firstask_desktop" / "gui").glob("*.py"))]
    sources += [str(p) for p in sorted((ROOT / "ui").glob("*.ui"))]
    subprocess.run(
        ["pyside6-lupdate", *sources, "-ts", str(fresh)], check=True, capture_output=True
    )

    def messages(path: Path, finished_only: bool) -> set[tuple[str, str]]:
        found = set()
        for context in ET.parse(path).getroot():
            name = context.findtext("name")
            for message in context.findall("message"):
                translation = message.find("translation")
                if finished_only and (translation.get("type") or not translation.text):
                    continue
                found.add((name, message.findtext("source")))
        return found

    assert messages(fresh, False) - messages(TS, True) == set()
    compiled = tmp_path / "firstask_en.qm"
    subprocess.run(
        ["pyside6-lrelease", str(TS), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert compiled.read_bytes() == (TS.with_suffix(".qm")).read_bytes()


def test_qt_own_strings_come_in_the_chosen_language(qapp):
    assert i18n.set_language(qapp, "en")
    i18n.set_language(qapp, "zh_CN")
    assert QApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_the_reminder_summarises_what_is_due():
    assert summary_text({"overdue": 0, "due_today": 0, "follow_up_due": 0, "escalated": 0}) == ""
    text = summary_text({"overdue": 3, "due_today": 1, "follow_up_due": 0, "escalated": 2})
    assert text == "已超期 3 条，今日到期 1 条，上报待所长处理 2 条"


def test_the_reminder_falls_back_to_the_status_bar(window):
    window.notifier.tray = None
    window.notifier.notify({"overdue": 2, "due_today": 0, "follow_up_due": 1, "escalated": 0})
    assert "已超期 2 条" in window.statusBar().currentMessage()


def test_registering_the_screenshots_command_loads_no_qt():
    code = (
        "import sys\nfrom firstask_desktop.__main__ import wire\n"
        "from firstask_desktop.cli.runner import build_parser\n"
        "wire()\n"
        "build_parser().parse_args(['screenshots', '--out', 'x'])\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


def test_a_larger_text_size_widens_the_register_columns_at_once(window, session, qapp, qtbot):
    from firstask_desktop.gui.entry_table import COL_SERIAL, MATTER_MIN_SAMPLE
    from firstask_desktop.gui.register_model import COL_MATTER

    view = window.page["register"].table.view
    try:
        session.prefs.text_size = "large"
        session.prefs_changed.emit("text_size")
        settle(qtbot)
        metrics = view.fontMetrics()
        assert view.font().pointSize() == fonts.TEXT_SIZES["large"]
        # A whole serial still fits its column, and the matter keeps a few characters.
        assert view.columnWidth(COL_SERIAL) > metrics.horizontalAdvance("GS0101-2026-00000")
        assert view.columnWidth(COL_MATTER) > metrics.horizontalAdvance(MATTER_MIN_SAMPLE)
    finally:
        session.prefs.text_size = "medium"
        session.prefs_changed.emit("text_size")
        settle(qtbot)


def test_large_text_is_really_large_and_the_register_keeps_matter_and_deadline(
    window, session, qapp, qtbot
):
    from firstask_desktop.gui.entry_table import MATTER_READABLE
    from firstask_desktop.gui.register_model import (
        COL_CHANNEL,
        COL_DUE_STATE,
        COL_MATTER,
        COL_STATION,
        COL_STATUS,
    )

    view = window.page["register"].table.view
    # 1366×768 at 中: every column shown (but the station's, shown at the county only).
    apply_look(qapp, session.prefs)
    session.prefs_changed.emit("text_size")
    window.resize(1366, 700)
    settle(qtbot)
    shown = [c for c in range(view.model().columnCount()) if c != COL_STATION]
    assert not any(view.isColumnHidden(column) for column in shown), [
        c for c in shown if view.isColumnHidden(c)
    ]
    assert view.isColumnHidden(COL_STATION)
    try:
        session.prefs.text_size = "large"
        apply_look(qapp, session.prefs)
        session.prefs_changed.emit("text_size")
        assert qapp.font().pointSize() >= 14
        # 1280×720 logical (150 %): the window as large as it gets.
        window.resize(1280, 700)
        settle(qtbot)
        metrics = view.fontMetrics()
        assert view.columnWidth(COL_MATTER) >= metrics.horizontalAdvance(MATTER_READABLE)
        for column in (COL_MATTER, COL_STATUS, COL_DUE_STATE):
            assert not view.isColumnHidden(column)
        right = view.columnViewportPosition(COL_DUE_STATE) + view.columnWidth(COL_DUE_STATE)
        assert right <= view.viewport().width()  # 时限情况 on screen, not scrolled off
        assert view.isColumnHidden(COL_CHANNEL)  # a secondary column made the room
    finally:
        session.prefs.text_size = "medium"
        apply_look(qapp, session.prefs)
        session.prefs_changed.emit("text_size")


def test_the_rail_shows_whole_english_titles(window, session, qapp, qtbot):
    rail = window.rail
    try:
        session.prefs.language = "en"
        session.prefs.text_size = "large"
        apply_look(qapp, session.prefs)
        session.prefs_changed.emit("text_size")
        settle(qtbot)
        qtbot.wait(10)
        metrics = rail.fontMetrics()
        titles = [rail.item(row).text() for row in range(rail.count())]
        assert "Follow-ups" in titles and "Assessment" in titles
        for title in titles:
            assert metrics.horizontalAdvance(title) <= rail.gridSize().width(), title
    finally:
        session.prefs.language = "zh_CN"
        session.prefs.text_size = "medium"
        apply_look(qapp, session.prefs)
        session.prefs_changed.emit("text_size")
