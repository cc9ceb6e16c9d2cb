"""Printing from the windows: the receipt and the wall register come from the core's reports,
are previewed, saved as PDF (verified) or sent to a printer."""

from __future__ import annotations

from gui_helpers import settle
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from firstask_desktop.gui.entry_detail import EntryDetail
from firstask_desktop.gui.register_view import RegisterPage
from firstask_desktop.services import entries as svc


def test_receipt_preview_saves_a_checked_pdf_and_prints(
    session, complaint, qtbot, tmp_path, answers
):
    detail = EntryDetail(session, complaint)
    qtbot.addWidget(detail)
    detail.show()
    settle(qtbot)
    assert "receipt" in detail.print_buttons
    assert "notice" not in detail.print_buttons  # nothing missing, nothing to notify
    detail.print_buttons["receipt"].click()
    settle(qtbot)
    preview = detail.preview
    assert preview is not None and preview.document.pageCount() >= 1
    target = tmp_path / "回执"
    preview.save_to(str(target))
    settle(qtbot)
    saved = tmp_path / "回执.pdf"
    assert saved.exists() and len(PdfReader(str(saved)).pages) >= 1
    assert answers.shown and "可以安全拔出" in answers.shown[-1][1]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    preview.print_to(printer)
    assert printed.exists() and len(PdfReader(str(printed)).pages) == preview.document.pageCount()


def test_one_time_notice_is_offered_when_documents_are_missing(session, people, qtbot):
    entry = svc.register_entry(
        people["李娜"],
        channel="来访",
        category="业务办理",
        visitor="张三",
        phone="13812345678",
        matter="新装",
        missing_documents=["房产证明", "户口本"],
    )
    detail = EntryDetail(session, entry.serial)
    qtbot.addWidget(detail)
    detail.show()
    settle(qtbot)
    detail.print_buttons["notice"].click()
    settle(qtbot)
    assert detail.preview.document.pageCount() >= 1


def test_wall_register_is_built_in_the_background_with_progress(session, people, qtbot):
    from datetime import date

    svc.register_entry(
        people["李娜"],
        channel="来访",
        category="咨询",
        visitor="张三",
        phone="13812345678",
        matter="电价",
        result="已讲解",
    )
    page = RegisterPage(session)
    qtbot.addWidget(page)
    page.set_printable(["register"])
    page.show()
    settle(qtbot)
    page.print_register()
    assert page.progress is not None
    settle(qtbot, timeout=30000)
    assert page.progress is None
    assert page.preview is not None and date.today().strftime("%Y-%m") in page.preview.windowTitle()
    assert page.preview.document.pageCount() >= 1
    # Small print on a small screen: the preview zooms, from the fitted width.
    from PySide6.QtPdfWidgets import QPdfView

    preview = page.preview
    preview.show()
    settle(qtbot)
    preview.zoom_in_button.click()
    first = preview.view.zoomFactor()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    preview.zoom_in_button.click()
    assert preview.view.zoomFactor() > first
    preview.zoom_out_button.click()
    preview.zoom_out_button.click()
    assert preview.view.zoomFactor() < first
    preview.fit_button.click()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_no_receipt_for_who_may_not_see_the_customer(session, people, qtbot):
    entry = svc.register_entry(
        people["张伟"],
        channel="来访",
        category="投诉",
        visitor="张三",
        phone="13812345678",
        matter="电压偏低",
    )
    detail = EntryDetail(session, entry.serial)  # 李娜 looks at 张伟's entry
    qtbot.addWidget(detail)
    detail.show()
    settle(qtbot)
    assert detail.details["visitor"] == "张*"
    assert detail.print_buttons == {}


def test_the_month_statistics_print_to_a_preview_titled_with_the_month(session, people, qtbot):
    from firstask_desktop.gui.stats_view import StatsPage

    svc.register_entry(
        people["李娜"],
        channel="来访",
        category="咨询",
        visitor="张三",
        phone="13812345678",
        matter="电价",
        result="已讲解",
    )
    page = StatsPage(session)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot)
    month = page.month.currentData()
    assert month and page.print_button.isVisible()
    page.print_stats()
    assert not page.print_button.isEnabled()  # waits while the document is built
    settle(qtbot, timeout=30000)
    assert page.print_button.isEnabled()
    assert page.preview is not None and month in page.preview.windowTitle()
    assert page.preview.document.pageCount() >= 1
