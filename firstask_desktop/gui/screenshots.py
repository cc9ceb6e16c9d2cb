"""``python main.py screenshots --out DIR``: every main screen and dialog, offscreen, with the
demo station in a temporary data folder, saved as PNG (for the README and for review)."""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date
from pathlib import Path

# Offscreen unless a display was asked for explicitly.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from firstask_desktop.store import db  # noqa: E402
from firstask_desktop.store.storage import open_store  # noqa: E402

from . import tasks  # noqa: E402

# The client area of a maximised window on a 1366×768 screen (taskbar and title bar taken off).
SCREEN = (1366, 700)
DEMO_ENTRIES = 300


def settle(timeout: float = 60.0) -> None:
    """Let background reads finish and their results reach the widgets."""
    app = QApplication.instance()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if not tasks.busy():
            break
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def _rendered(preview: QWidget, timeout: float = 10.0):
    """A PDF preview once its page is drawn: QPdfView renders in the background, and a grab
    right after showing it was a blank page."""
    app = QApplication.instance()
    deadline = time.monotonic() + timeout
    image = preview.grab()
    while time.monotonic() < deadline:
        app.processEvents()
        image = preview.grab()
        if has_ink(preview.view.grab().toImage()):
            break
        time.sleep(0.05)
    return image


def has_ink(image) -> bool:
    """Any dark pixel on a sparse grid: text or lines drawn, not only the white page."""
    step = max(1, min(image.width(), image.height()) // 60)
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            if image.pixelColor(x, y).lightness() < 100:
                return True
    return False


class Shooter:
    def __init__(self, out: Path):
        self.out = out
        self.files: list[Path] = []
        out.mkdir(parents=True, exist_ok=True)

    def shot(self, name: str, widget: QWidget, size: tuple[int, int] | None = None) -> Path:
        if size is not None:
            widget.resize(*size)
        widget.show()
        settle()
        path = self.out / f"{len(self.files) + 1:02d}-{name}.png"
        image = widget.grab()
        from .pdf_preview import PdfPreview

        if isinstance(widget, PdfPreview):  # its page is drawn in the background
            image = _rendered(widget)
        image.save(str(path))
        self.files.append(path)
        return path


def render_all(out: Path) -> list[Path]:
    from .app import apply_look, create_application

    app = create_application()
    shooter = Shooter(out)
    with tempfile.TemporaryDirectory(prefix="firstask-shots-") as tmp:
        folder = Path(tmp) / "数据"
        open_store(folder)
        try:
            from .session import Session

            session = Session(folder)
            apply_look(app, session.prefs)
            _first_run(shooter, session)
            from firstask_desktop.demo.demo_station import build_demo

            build_demo(entries=DEMO_ENTRIES, seed=1)
            _screens(app, shooter, session)
            _county_screens(app, shooter, Path(tmp), station=folder)
        finally:
            tasks.wait_for_workers()
            for widget in QApplication.topLevelWidgets():
                widget.hide()
                widget.deleteLater()
            QCoreApplication.processEvents()
            db.close()
    return shooter.files


def _first_run(shooter: Shooter, session) -> None:
    from .wizard import PAGE_ADMIN, PAGE_STATION, SetupWizard

    wizard = SetupWizard()
    shooter.shot("wizard-welcome", wizard)
    wizard.next()
    page = wizard.page(PAGE_STATION)
    page.code.setText("GS0102")
    page.name.setText("金崖供电所")
    page.county.setText("榆中县供电公司")
    shooter.shot("wizard-station", wizard)
    wizard.next()
    admin = wizard.page(PAGE_ADMIN)
    admin.name.setText("管理员")
    admin.password.setText("123")
    admin.repeat.setText("456")
    wizard.next()  # refused: shows the field errors beside the fields
    shooter.shot("wizard-admin-errors", wizard)
    wizard.hide()
    wizard.deleteLater()


def _screens(app, shooter: Shooter, session) -> None:
    from firstask_desktop.store.models import Staff

    from ..services.station import local_station
    from .app import open_main_window
    from .login import LoginDialog

    session.station = local_station()
    login = LoginDialog(session.station.name, "李娜")
    shooter.shot("login", login)
    login.hide()
    session.set_actor(Staff.get(Staff.name == "李娜"))
    _repeat_complaints(session.actor)
    window = open_main_window(app, session)
    window.notifier.timer.stop()
    window.help.show_welcome()
    shooter.shot("welcome", window.help.welcome)
    window.help.welcome.close()
    for name in ("register", "todo", "follow_up", "customers", "stats", "sync", "settings"):
        window.show_page(name)
        if name == "customers":
            window.page[name].table.selectRow(0)
        shooter.shot(f"main-{name}", window, SCREEN)
        if name == "todo":
            window.page[name].show_bucket("transfers_due")
            shooter.shot("main-todo-transfers", window, SCREEN)
            window.page[name].show_bucket("overdue")
    settings = window.page["settings"]
    for index, name in enumerate(("departments", "staff", "rules", "clauses", "holidays"), start=1):
        settings.tabs.setCurrentIndex(index)
        if name == "clauses":
            settings.clauses.table.selectRow(2)
        shooter.shot(f"settings-{name}", window, SCREEN)
    settings.tabs.setCurrentIndex(0)
    _assessment(shooter, window)
    window.show_page("register")
    _entry_form(shooter, window)
    _entry_detail(shooter, window)
    _attachments(shooter, window)
    window.lock()
    shooter.shot("lock-screen", window, SCREEN)
    window.lock_screen.show_switch()
    shooter.shot("lock-switch-person", window, SCREEN)
    window.unlock(True)
    session.prefs.language = "en"
    session.prefs_changed.emit("language")
    window.show_page("register")
    shooter.shot("main-register-english", window, SCREEN)
    session.prefs.language = "zh_CN"
    session.prefs_changed.emit("language")
    session.prefs.text_size = "large"
    session.prefs_changed.emit("text_size")
    shooter.shot("main-register-large-text", window, SCREEN)
    session.prefs.text_size = "medium"
    session.prefs_changed.emit("text_size")
    window.idle.stop()
    window.hide()


def _county_screens(app, shooter: Shooter, tmp: Path, station: Path) -> None:
    """The county office that took in the demo station's files, two of its records waiting in
    quarantine: the 同步 page with its 隔离记录 line, and the window to decide on them."""
    from firstask_desktop.demo.demo_county import COUNTY_ADMIN, build_county_demo
    from firstask_desktop.store.models import Staff

    from ..services.station import local_station
    from .app import open_main_window
    from .session import Session

    tasks.wait_for_workers()
    build_county_demo(tmp / "县公司", station, tmp / "U盘")
    session = Session(tmp / "县公司")
    session.station = local_station()
    session.set_actor(Staff.get(Staff.name == COUNTY_ADMIN))
    window = open_main_window(app, session)
    window.notifier.timer.stop()
    window.show_page("sync")
    shooter.shot("main-sync-county", window, SCREEN)
    page = window.page["sync"]
    page.open_quarantine()
    settle()
    shooter.shot("dialog-quarantine", page.quarantine_window)
    page.quarantine_window.show_resolved.setChecked(True)
    settle()
    page.quarantine_window.records.selectRow(0)
    shooter.shot("dialog-quarantine-resolved", page.quarantine_window)
    page.quarantine_window.close()
    # The county enters next year's holidays from the State Council's notice.
    window.show_page("settings")
    settings = window.page["settings"]
    settings.tabs.setCurrentWidget(settings.holidays)
    settle()
    shooter.shot("settings-holidays-county", window, SCREEN)
    from .holiday_year_dialog import HolidayYearDialog

    editor = HolidayYearDialog(session, date.today().year + 1, window)
    settle()
    editor.show_preview()
    settle()
    shooter.shot("dialog-holiday-year", editor)
    editor.close()
    _county_assessor(shooter, window)
    window.idle.stop()
    window.hide()


def _county_assessor(shooter: Shooter, window) -> None:
    """The county assessor's 考核 page: every station's proposals, the heads' own among them."""
    from firstask_desktop.demo.demo_data import DEMO_PASSWORD
    from firstask_desktop.store.models import Staff

    from ..services.station import add_staff

    admin = window.session.actor
    add_staff(admin, name="赵考核", role="county_assessor", password=DEMO_PASSWORD)
    window.session.set_actor(Staff.get(Staff.name == "赵考核"))
    window.show_page("assess")
    settle()
    shooter.shot("main-assess-county", window, SCREEN)


def _entry_form(shooter: Shooter, window) -> None:
    from firstask_desktop.store.models import Customer

    window.new_entry()
    form = window.entry_form
    shooter.shot("entry-form-empty", form)
    gold = Customer.select().where(Customer.tier == "gold").first()
    form.ui.channel.set_value("phone")
    form.ui.category.set_value("complaint")
    form.ui.phone.setText(gold.phone)
    form.lookup_customer()
    settle()
    form.fill_customer()
    form.ui.matter.setPlainText("厂区电压偏低，烘干设备无法启动")
    form.update_deadline()
    shooter.shot("entry-form-known-customer", form)
    form.ui.phone.clear()
    form.ui.channel.set_value("hotline_95598")
    form.save()
    settle()
    shooter.shot("entry-form-errors", form)
    form.discard()


def _entry_detail(shooter: Shooter, window) -> None:
    """An open entry of the clerk's own with each step's dialog, then a replied one."""
    from firstask_desktop.domain.vocab import OPEN_STATUSES
    from firstask_desktop.store.models import Entry

    from ..services import entries as svc

    actor = window.session.actor
    mine = Entry.responder == actor.id  # her own: shown unmasked, printable
    open_entry = (
        Entry.select()
        .where(mine & Entry.status.in_(OPEN_STATUSES))
        .order_by(Entry.status.desc(), Entry.id)
        .first()
    )
    if open_entry is not None and open_entry.status != "transferred":
        # Transferred, so that the supervision (督办) dialog has something to chase.
        svc.transfer_entry(actor, open_entry.serial, department="抢修班", note="请今天到现场处理")
        open_entry = svc.get_entry(open_entry.serial)
    replied = Entry.select().where(mine & (Entry.status == "replied")).order_by(Entry.id).first()
    if replied is None:
        # The demo's month may leave her nothing awaiting a 回访: answer one of hers now.
        other = (
            Entry.select()
            .where(mine & Entry.status.in_(OPEN_STATUSES) & (Entry.id != open_entry.id))
            .order_by(Entry.id)
            .first()
            if open_entry is not None
            else None
        )
        if other is not None:
            replied = svc.reply_entry(actor, other.serial, "已按客户要求办理完毕")
    shown_receipt = False
    for entry, steps in (
        (
            open_entry,
            ("transfer", "supervise", "reply", "unresolved", "edit", "void", "duplicate"),
        ),
        (replied, ("follow_up",)),
    ):
        if entry is None:
            continue
        window.open_entry(entry.serial)
        detail = window.detail_windows[entry.serial]
        settle()
        shooter.shot(f"entry-detail-{entry.status}", detail)
        for step in steps:
            if step not in detail.step_buttons:
                continue
            detail.start_step(step)
            settle()
            if step == "duplicate":
                # The entry kept: typed by its last digits, shown before the copy is voided.
                kept = replied or Entry.select().where(Entry.id != entry.id).first()
                detail.current_dialog.original.setText(str(int(kept.serial[-5:])))
                detail.current_dialog.look_up()
                settle()
            shooter.shot(f"dialog-{step}", detail.current_dialog)
            detail.current_dialog.reject()
        if not shown_receipt and "receipt" in detail.print_buttons:
            detail.print_document("receipt")
            settle()
            if detail.preview is not None:
                shooter.shot("receipt-preview", detail.preview)
                detail.preview.close()
                shown_receipt = True
        detail.close()


def _attachments(shooter: Shooter, window) -> None:
    """An entry with a letter, a photo of the fallen pole and the customer's ID card (her own
    entry: she sees it), then the viewer on the photo and on the letter's second page."""
    from firstask_desktop.domain.vocab import OPEN_STATUSES
    from firstask_desktop.store.models import Entry

    from ..services.attachments import add_attachment

    actor = window.session.actor
    entry = (
        Entry.select()
        .where((Entry.responder == actor.id) & Entry.status.in_(OPEN_STATUSES))
        .order_by(Entry.id)
        .first()
    )
    if entry is None:
        return
    for data, name, kind, note in _demo_attachments():
        add_attachment(actor, entry.serial, data, file_name=name, kind=kind, note=note)
    window.open_entry(entry.serial)
    detail = window.detail_windows[entry.serial]
    settle()
    detail.resize(1200, 760)
    shooter.shot("entry-detail-attachments", detail)
    panel = detail.attachments
    for row, name in ((1, "attachment-viewer-photo"), (0, "attachment-viewer-pdf")):
        panel.tiles.setCurrentRow(row)
        panel.open_selected()
        settle()
        if panel.viewer is None:
            continue
        if row == 0:
            panel.viewer.next_page()
        shooter.shot(name, panel.viewer)
        panel.viewer.close()
        panel.viewer = None
    detail.close()


def _demo_attachments() -> list[tuple[bytes, str, str, str]]:
    """A scanned letter (two pages), a phone photo and an ID card, drawn here: no files shipped."""
    import io

    from PIL import Image, ImageDraw

    def picture(size, paint) -> Image.Image:
        image = Image.new("RGB", size, "white")
        paint(ImageDraw.Draw(image), size)
        return image

    def pole(draw, size):
        w, h = size
        draw.rectangle((0, 0, w, h * 2 // 3), fill=(150, 190, 230))
        draw.rectangle((0, h * 2 // 3, w, h), fill=(110, 150, 80))
        draw.line((w * 0.3, h * 0.9, w * 0.75, h * 0.45), fill=(90, 80, 70), width=w // 40)
        draw.line((0, h * 0.3, w, h * 0.55), fill=(30, 30, 30), width=3)

    def card(draw, size):
        w, h = size
        draw.rounded_rectangle((4, 4, w - 4, h - 4), 24, fill=(225, 235, 245), outline="gray")
        draw.rectangle((w * 0.66, h * 0.2, w * 0.92, h * 0.75), fill=(180, 180, 190))
        for n in range(5):
            draw.rectangle(
                (w * 0.08, h * (0.2 + n * 0.12), w * 0.55, h * (0.25 + n * 0.12)), fill="gray"
            )

    def page(draw, size):
        w, h = size
        for n in range(18):
            draw.rectangle(
                (w * 0.12, h * (0.1 + n * 0.045), w * 0.85, h * (0.115 + n * 0.045)),
                fill=(60, 60, 60),
            )

    def encoded(image: Image.Image, fmt: str, **options) -> bytes:
        out = io.BytesIO()
        image.save(out, fmt, **options)
        return out.getvalue()

    pages = [picture((850, 1100), page) for _ in range(2)]
    letter = encoded(pages[0], "PDF", save_all=True, append_images=pages[1:], resolution=100)
    return [
        (letter, "来信.pdf", "letter", "客户来信原件，共2页"),
        (encoded(picture((1600, 1200), pole), "JPEG"), "IMG_2041.jpg", "photo", "倒杆现场"),
        (encoded(picture((856, 540), card), "PNG"), "身份证.png", "id_document", ""),
    ]


def _assessment(shooter: Shooter, window) -> None:
    """The 考核 page as the station head sees it after the day's check (a few decided), the
    dismiss dialog, and the page as the clerk sees it: her own, read-only."""
    from firstask_desktop.services import assessment
    from firstask_desktop.store.models import Staff, Violation

    session = window.session
    clerk = session.actor
    head = Staff.get(Staff.role == "head")
    assessment.scan()
    # The latest deadlines: this month's sheet, the one the page opens on.
    proposed = list(assessment.violations("proposed").order_by(Violation.deadline.desc()).limit(3))
    for violation in proposed[:2]:
        assessment.confirm(head, violation.id)
    if len(proposed) > 2:
        assessment.dismiss(head, proposed[2].id, "客户要求改期上门，有通话录音为证")
    session.set_actor(head)
    page = window.page["assess"]
    window.show_page("assess")
    settle()
    page.proposed.selectRow(0)
    shooter.shot("main-assess", window, SCREEN)
    page.tabs.setCurrentIndex(3)
    shooter.shot("main-assess-summary", window, SCREEN)
    page.tabs.setCurrentIndex(0)
    page.dismiss_selected()
    settle()
    shooter.shot("dialog-dismiss", page.dialog)
    page.dialog.reject()
    page.record_breach()
    settle()
    shooter.shot("dialog-manual-breach", page.dialog)
    page.dialog.reject()
    _head_steps(shooter, window, head)
    own = assessment.violations("proposed", responder=clerk).first()
    if own is not None:
        assessment.confirm(head, own.id)
    session.set_actor(clerk)
    settle()
    shooter.shot("main-assess-clerk", window, SCREEN)
    page.appeal()
    settle()
    shooter.shot("dialog-appeal", page.dialog)
    page.dialog.reject()


def _head_steps(shooter: Shooter, window, head) -> None:
    """The head's own steps on an entry: his decision on a reported matter, and 改派."""
    from firstask_desktop.domain.vocab import OPEN_STATUSES
    from firstask_desktop.store.models import Entry

    from ..services import entries as svc

    reported = Entry.select().where(Entry.status == "unresolved").order_by(Entry.id.desc()).first()
    if reported is None:
        still = Entry.select().where(Entry.status.in_(OPEN_STATUSES)).order_by(Entry.id).first()
        if still is None:
            return
        svc.mark_unresolved(still.responder, still.serial, "涉及线路改造，本所无法单独解决")
        reported = svc.get_entry(still.serial)
    window.open_entry(reported.serial)
    detail = window.detail_windows[reported.serial]
    settle()
    for step in ("decide", "reassign"):
        if step in detail.step_buttons:
            detail.start_step(step)
            settle()
            shooter.shot(f"dialog-{step}", detail.current_dialog)
            detail.current_dialog.reject()
    detail.close()


def _repeat_complaints(clerk) -> None:
    """The gold customer of the entry form's picture complained three times this month: the
    form's repeat flag and the statistics' list of repeat complainants have something to show."""
    from datetime import datetime, timedelta

    from firstask_desktop.store.models import Customer

    from ..services import entries as svc

    gold = Customer.select().where(Customer.tier == "gold").first()
    if gold is None:
        return
    now = datetime.now().replace(second=0, microsecond=0)
    for days, matter in (
        (20, "电压偏低，烘干设备无法启动"),
        (9, "电压仍然偏低"),
        (2, "再次反映电压低"),
    ):
        when = now - timedelta(days=days)
        svc.register_entry(
            clerk,
            channel="来电",
            category="投诉",
            visitor=gold.name,
            unit=gold.unit,
            address=gold.address,
            phone=gold.phone,
            matter=matter,
            received_at=when,
            now=when,
        )
