"""督办 and repeat matters on screen: a transfer's own deadline and the department's phone, the
督办单, transfers nearing their deadline on 待办 and in the reminder, the repeat-complaint flag
on the entry form and in the statistics, duplicates linked through the dialog, and printing
that does not render pages at the printer's full resolution."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from gui_helpers import open_detail, settle, type_text

from firstask_desktop.services import entries as svc
from firstask_desktop.services.station import add_department
from firstask_desktop.store.models import Entry

PHONE = "0931-5221299"


def _complaint(people, who="李娜", phone="13812345678", days=0, visitor="张三"):
    when = datetime.now().replace(microsecond=0) - timedelta(days=days)
    return svc.register_entry(
        people[who],
        channel="来访",
        category="投诉",
        visitor=visitor,
        phone=phone,
        matter=f"电压偏低，请联系{visitor} {phone}",
        received_at=when,
        now=when,
    )


@pytest.fixture
def transferred(people):
    """李娜's complaint transferred to 供电服务班 (with a phone), due in three hours."""
    add_department(people["管理员"], name="供电服务班", phone=PHONE, place="营业厅")
    entry = _complaint(people)
    due = datetime.now().replace(second=0, microsecond=0) + timedelta(hours=3)
    svc.transfer_entry(
        people["李娜"],
        entry.serial,
        department="供电服务班",
        due_at=due,
        note="请今天到现场测量电压",
    )
    return entry.serial, due


def test_a_transfer_shows_its_own_deadline_and_phone_and_prints_a_supervision_slip(
    session, transferred, qtbot, tmp_path, answers
):
    from pypdf import PdfReader

    serial, due = transferred
    detail = open_detail(session, serial, qtbot)
    text = detail.fields.toPlainText()
    assert f"部门电话 {PHONE}" in text
    assert f"转办时限 {due:%Y-%m-%d %H:%M}" in text
    detail.print_buttons["supervision"].click()
    settle(qtbot)
    preview = detail.preview
    assert preview is not None and "督办单" in preview.windowTitle()
    preview.save_to(str(tmp_path / "督办单.pdf"))
    settle(qtbot)
    page_text = PdfReader(str(tmp_path / "督办单.pdf")).pages[0].extract_text()
    assert "督办单" in page_text and "供电服务班" in page_text and serial in page_text


def test_no_supervision_slip_without_a_transfer(session, people, qtbot):
    detail = open_detail(session, _complaint(people).serial, qtbot)
    assert "supervision" not in detail.print_buttons


def test_transfers_due_soon_on_the_todo_page_and_in_the_reminder(
    window, people, transferred, qtbot
):
    from firstask_desktop.gui.notifier import summary_text

    serial, _due = transferred
    other = _complaint(people, who="张伟", phone="13900001111", visitor="李四")
    svc.transfer_entry(
        people["张伟"],
        other.serial,
        department="抢修班",
        note="请核实办理",
        due_at=datetime.now().replace(microsecond=0) + timedelta(days=3),
    )
    window.refresh_all()
    settle(qtbot)
    todo = window.page["todo"]
    assert todo.buttons["transfers_due"].text().endswith("\n1")
    assert "转办将到期 1" in window.counts_label.text()
    todo.buttons["transfers_due"].click()
    settle(qtbot)
    table = todo.transfers.table
    assert todo.lists.currentWidget() is todo.transfers
    assert table.rowCount() == 1  # the one due in three days is not near yet
    assert table.item(0, 0).text() == serial and table.item(0, 3).text() == PHONE
    assert "13812345678" in table.item(0, 7).text()  # her own customer: unmasked
    table.cellDoubleClicked.emit(0, 0)
    settle(qtbot)
    assert serial in window.detail_windows
    window.detail_windows[serial].close()
    assert "转办即将到期 1 条" in summary_text(window.counts)
    window.notifier.tray = None
    window.notifier.check()
    settle(qtbot)
    assert "转办即将到期 1 条" in window.statusBar().currentMessage()


def test_a_colleagues_transfer_on_todo_is_masked(window, people, qtbot):
    add_department(people["管理员"], name="供电服务班", phone=PHONE)
    entry = _complaint(people, who="张伟")
    svc.transfer_entry(
        people["张伟"],
        entry.serial,
        department="供电服务班",
        note="请核实办理",
        due_at=datetime.now().replace(microsecond=0) + timedelta(hours=2),
    )
    todo = window.page["todo"]
    todo.show_bucket("transfers_due")
    settle(qtbot)
    assert "13812345678" not in todo.transfers.table.item(0, 7).text()
    assert "138****5678" in todo.transfers.table.item(0, 7).text()


# --- repeat complaints ----------------------------------------------------------------------------


def test_the_repeat_complaint_flag_appears_at_the_third_complaint(session, people, qtbot):
    from firstask_desktop.gui.entry_form import EntryForm

    _complaint(people, days=40)
    _complaint(people, days=10)
    form = EntryForm(session)
    qtbot.addWidget(form)
    form.show()
    form.ui.phone.setText("13812345678")
    form.lookup_customer()
    settle(qtbot)
    assert form.ui.customerBox.isVisible()
    assert not form.ui.repeatFlag.isVisible()
    assert "近90天投诉过 2 次" in form.ui.customerHint.text()

    _complaint(people, days=1)
    form.lookup_customer()
    settle(qtbot)
    assert form.ui.repeatFlag.isVisible()
    assert "该客户90天内已投诉3次（重复投诉）" in form.ui.repeatFlag.text()
    form.ui.phone.setText("13900001111")  # another customer: the flag goes
    form.lookup_customer()
    settle(qtbot)
    assert not form.ui.repeatFlag.isVisible()
    form.discard()


def test_repeat_complainants_in_the_statistics_masked_for_a_clerk(window, people, qtbot):
    for days in (50, 20, 3):
        _complaint(people, who="张伟", days=days)
    _complaint(people, days=100, phone="13900001111")  # too long ago to count
    window.show_page("stats")
    page = window.page["stats"]
    page.load_repeat()
    settle(qtbot)
    assert page.repeat.isVisible() and page.repeat.rowCount() == 1
    assert page.repeat.item(0, 0).text() == "张*"
    assert page.repeat.item(0, 1).text() == "电话 138****5678"
    assert page.repeat.item(0, 2).text() == "3"
    window.session.set_actor(people["王建国"])
    page.load_repeat()
    settle(qtbot)
    assert page.repeat.item(0, 1).text() == "电话 13812345678"


# --- duplicates -------------------------------------------------------------------------------------


def test_a_duplicate_is_linked_through_the_dialog(session, people, qtbot):
    kept = _complaint(people, who="张伟")
    copy = _complaint(people)
    detail = open_detail(session, copy.serial, qtbot)
    detail.step_buttons["duplicate"].click()
    settle(qtbot)
    dialog = detail.current_dialog
    type_text(dialog.original, "99999")
    dialog.ok_button.click()
    settle(qtbot)
    assert dialog.isVisible() and dialog.errors["original"].isVisible()
    assert "没有受理编号" in dialog.errors["original"].text()
    assert Entry.get(Entry.serial == copy.serial).status == "registered"

    dialog.original.setText(str(int(kept.serial[-5:])))  # the last digits are enough
    dialog.look_up()
    settle(qtbot)
    assert kept.serial in dialog.found.text()
    dialog.ok_button.click()
    settle(qtbot)
    assert not dialog.isVisible()
    assert Entry.get(Entry.serial == copy.serial).status == "void"
    assert f"重复登记，见 {kept.serial}" in detail.fields.toPlainText()
    opened = []
    detail.sig_open_entry.connect(opened.append)
    from PySide6.QtCore import QUrl

    detail.fields.anchorClicked.emit(QUrl(f"entry:{kept.serial}"))
    assert opened == [kept.serial]
    original = open_detail(session, kept.serial, qtbot)
    assert f"重复的登记：{copy.serial}" in original.fields.toPlainText()


def test_the_duplicate_dialog_refuses_the_entry_itself(session, people, qtbot):
    copy = _complaint(people)
    detail = open_detail(session, copy.serial, qtbot)
    detail.step_buttons["duplicate"].click()
    dialog = detail.current_dialog
    dialog.original.setText(copy.serial)
    dialog.ok_button.click()
    settle(qtbot)
    assert "不同的受理编号" in dialog.errors["original"].text()
    assert Entry.get(Entry.serial == copy.serial).status == "registered"


# --- printing memory -------------------------------------------------------------------------------


def test_printing_renders_pages_at_most_at_300_dpi(session, people, qtbot, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from firstask_desktop.gui.pdf_preview import MAX_PRINT_DPI, render_size

    detail = open_detail(session, _complaint(people).serial, qtbot)
    detail.print_buttons["receipt"].click()
    settle(qtbot)
    preview = detail.preview
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert printer.resolution() >= 1200
    sizes = []
    real_render = preview.document.render

    def recording_render(page, size, *args):
        sizes.append((size.width(), size.height()))
        return real_render(page, size, *args)

    preview.document.render = recording_render
    preview.print_to(printer)
    assert sizes and len(PdfReader(str(tmp_path / "printed.pdf")).pages) == len(sizes)
    # A4 at 300 dpi is 2480 × 3508 pixels (≈ 35 MB), not 9921 × 14031 (≈ 556 MB) at 1200 dpi.
    for width, height in sizes:
        assert width <= 8.27 * MAX_PRINT_DPI + 1 and height <= 11.7 * MAX_PRINT_DPI + 1
        assert width * height * 4 < 40 * 1024 * 1024
    from PySide6.QtCore import QSize

    assert render_size(QSize(1000, 1400), 200) == QSize(1000, 1400)  # a coarse printer: as is
