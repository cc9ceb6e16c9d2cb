"""Opens every window and dialog in the states that change its size, on a real X server, and
writes one JSON line per window: where it is, with its frame, and the screen area it may use.

Run by test_fit.py in a child process (the screen size and the scale factor are fixed when Qt
starts): ``python fit_probe.py OUT.jsonl [SHOTS_DIR]`` with DISPLAY, QT_QPA_PLATFORM=xcb and
QT_SCALE_FACTOR set. Every combination of text size (中, 大) and language (zh_CN, en) is tried.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/support.py

from PySide6.QtCore import QMargins, Qt  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QApplication,
    QCheckBox,
    QHeaderView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QWidget,
)

from firstask_desktop.gui import tasks  # noqa: E402
from firstask_desktop.gui.app import apply_look, create_application  # noqa: E402
from firstask_desktop.gui.screen_fit import frame_margins, usable_area  # noqa: E402
from firstask_desktop.store import db  # noqa: E402
from firstask_desktop.store.storage import open_store  # noqa: E402

PASSWORD = "secret123"
MIN_LINE_CHARACTERS = 12  # a text box narrower than this many characters is not readable
LONG = (
    "客户反映家中电压长期偏低，晚间用电高峰时段电灯发暗、冰箱无法启动、水泵时常停转，"
    "已持续两周，影响正常生活和养殖场供水，要求尽快派人到现场测量并处理，"
    "并说明原因和预计恢复时间。"
)


def settle(timeout: float = 30.0) -> None:
    app = QApplication.instance()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if not tasks.busy():
            break
        time.sleep(0.01)
    for _ in range(10):
        app.processEvents()
        time.sleep(0.005)


class Probe:
    def __init__(self, out: Path, shots: Path | None):
        self.out = out.open("w", encoding="utf-8")
        self.shots = shots
        self.config = ""
        self.count = 0

    def measure(self, name: str, widget: QWidget) -> None:
        if not widget.isVisible():
            widget.show()
        settle()
        window = widget.window()
        area = usable_area(window.screen())
        frame = frame_margins(window)
        if window.isMaximized():
            # What a window manager does (this X server has none): the whole usable area below
            # the title bar; a window whose minimum is larger stays larger, and fails.
            frame = QMargins(0, frame.top(), 0, 0)
            window.setGeometry(area - frame)
            settle()
        geometry = window.geometry()
        outer = geometry.marginsAdded(frame)
        # The buttons a person must reach: every visible push button lies inside the window.
        cut = [
            button.text()
            for button in window.findChildren(QWidget)
            if button.inherits("QAbstractButton")
            and button.isVisibleTo(window)
            and button.window() is window
            and not _inside(button, window)
        ]
        record = {
            "config": self.config,
            "name": name,
            "outer": [outer.x(), outer.y(), outer.width(), outer.height()],
            "area": [area.x(), area.y(), area.width(), area.height()],
            "inside": area.contains(outer),
            "cut": cut,
            "elided": elided(window),
        }
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.out.flush()
        if self.shots is not None:
            self.count += 1
            path = self.shots / f"{self.count:03d}-{self.config}-{name}.png"
            # What the screen shows of the window (a part past an edge would be missing).
            window.screen().grabWindow(
                0, geometry.x(), geometry.y(), geometry.width(), geometry.height()
            ).save(str(path))


def elided(window: QWidget) -> list[str]:
    """Every text of ``window`` that must be read whole but is cut: a label, a button, a tab
    title, a column header or a navigation item with less room than its text needs."""
    found = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisibleTo(window):
            continue
        problem = None
        if isinstance(widget, QLabel):
            problem = _label_cut(widget)
        elif isinstance(widget, QAbstractButton):
            problem = _button_cut(widget)
        elif isinstance(widget, QTabBar):
            problem = _tabs_cut(widget)
        elif isinstance(widget, QHeaderView):
            problem = _headers_cut(widget)
        elif isinstance(widget, QListView) and widget.viewMode() == QListView.ViewMode.IconMode:
            problem = _items_cut(widget)
        elif isinstance(widget, QPlainTextEdit):
            problem = _text_box_narrow(widget)
        if problem:
            found.append(f"{type(widget).__name__} {problem}")
    return found


def _label_cut(label: QLabel) -> str | None:
    text = label.text()
    if not text.strip():
        return None
    room = label.contentsRect()
    if label.wordWrap():
        # Wrapped: as many lines as its width makes, all of them in its height (the 回访
        # message read 个能 for 不能, its top and bottom cut).
        need = label.heightForWidth(label.width())
        if need > label.height():
            return f"{text[:40]!r}: {label.height()} px high, needs {need}"
        return None
    # One line (or its own line breaks): the text's width and height within the label.
    need = label.sizeHint()
    if label.width() < need.width() or label.height() < need.height():
        return (
            f"{text[:40]!r}: {label.width()}×{label.height()} px, needs "
            f"{need.width()}×{need.height()} (text {room.width()} px of "
            f"{label.fontMetrics().horizontalAdvance(_plain(text))})"
        )
    return None


def _plain(text: str) -> str:
    """A button's or caption's text as drawn: a mnemonic's "&" is not drawn, "&&" is one "&"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _button_cut(button: QAbstractButton) -> str | None:
    text = _plain(button.text())
    if not text.strip():
        return None
    if isinstance(button, (QCheckBox, QRadioButton)):
        # Its box and its text side by side: narrower than that cuts the text's end.
        need = button.sizeHint().width()
        if button.width() < need:
            return f"{text!r}: {button.width()} px, needs {need}"
        return None
    metrics = button.fontMetrics()
    need = max(metrics.horizontalAdvance(line) for line in text.splitlines())
    if not button.icon().isNull():
        need += button.iconSize().width() + 4
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        room = button.style().subElementRect(
            QStyle.SubElement.SE_PushButtonContents, option, button
        )
        room_width = room.width()
    else:
        room_width = button.contentsRect().width() - 4  # the tool button's frame
    if need > room_width:
        return f"{text!r}: text {need} px in {room_width}"
    return None


def _tabs_cut(bar: QTabBar) -> str | None:
    cut = []
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        rect, need = bar.tabRect(index), bar.tabSizeHint(index)
        # Narrower than its title (elided), or pushed behind the scroll arrows.
        if rect.width() < need.width() or not bar.rect().contains(rect):
            cut.append(f"{bar.tabText(index)!r}: {rect.width()} of {need.width()} px")
    return "; ".join(cut) or None


def _headers_cut(header: QHeaderView) -> str | None:
    if header.orientation() != Qt.Orientation.Horizontal or header.model() is None:
        return None
    model, style = header.model(), header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    cut = []
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) == 0:
            continue
        title = model.headerData(section, Qt.Orientation.Horizontal)
        if not title:
            continue
        # The title and the margins either side; the sort arrow only where it is drawn (Qt's
        # own size hint keeps room for it in every section).
        need = header.fontMetrics().horizontalAdvance(str(title)) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            need += arrow + margin
        if header.sectionSize(section) < need:
            cut.append(f"{title!r}: {header.sectionSize(section)} of {need} px")
    return "; ".join(cut) or None


def _items_cut(view: QListView) -> str | None:
    """A navigation rail's titles ("Follow-…", "Assess…" were cut)."""
    model, metrics = view.model(), view.fontMetrics()
    # The item draws its title inside a focus frame's margin on either side.
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    cut = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if view.isRowHidden(row):
            continue
        text = str(model.data(index) or "")
        room = view.visualRect(index).width() - 2 * margin
        if metrics.horizontalAdvance(text) > room:
            cut.append(f"{text!r}: {metrics.horizontalAdvance(text)} px in {room}")
    return "; ".join(cut) or None


def _text_box_narrow(box: QPlainTextEdit) -> str | None:
    """A box for a sentence (事由, a note) holds a readable line: 事由 once had three
    characters' room in English at 大."""
    room = box.viewport().width()
    need = MIN_LINE_CHARACTERS * box.fontMetrics().horizontalAdvance("中")
    if room < need:
        return f"{box.objectName() or box.placeholderText()[:20]!r}: {room} px, needs {need}"
    return None


def _inside(button: QWidget, window: QWidget) -> bool:
    """The button lies wholly inside its window (not past an edge the window was cut at)."""
    top_left = button.mapTo(window, button.rect().topLeft())
    return window.rect().contains(button.rect().translated(top_left))


def build_station(folder: Path) -> dict:
    """A station with a head, clerks and entries in every status; one transferred three times
    with long texts and a one-time notice."""
    from firstask_desktop.services import entries as svc
    from firstask_desktop.services.station import add_department, add_staff, init_station
    from firstask_desktop.store.models import Staff

    open_store(folder)
    now = datetime.now().replace(second=0, microsecond=0)
    start = now - timedelta(days=3)
    init_station(
        code="GS0101",
        name="城关供电所",
        county="榆中县供电公司",
        area="rural",
        admin_name="管理员",
        admin_password=PASSWORD,
        now=start,
    )
    admin = Staff.get(Staff.name == "管理员")
    for name, role in (
        ("王建国", "head"),
        ("李娜", "clerk"),
        ("张伟", "clerk"),
        ("陈静", "manager"),
    ):
        add_staff(admin, name=name, role=role, password=PASSWORD, department="营业班", now=start)
    add_department(admin, name="供电服务班", phone="0931-5221299", place="营业厅二楼", now=start)
    clerk = Staff.get(Staff.name == "李娜")

    def entry(category, channel="来访", **kw):
        return svc.register_entry(
            clerk,
            channel=channel,
            category=category,
            visitor=kw.pop("visitor", "张三"),
            unit=kw.pop("unit", "城关镇东街养殖专业合作社"),
            address=kw.pop("address", "城关镇东街128号院内东侧第三户"),
            phone="13812345678",
            matter=kw.pop("matter", "电压偏低"),
            received_at=start,
            now=start,
            **kw,
        ).serial

    states = {}
    states["registered"] = entry("咨询", matter=LONG)
    s = entry("投诉")
    svc.start_entry(clerk, s, now=start)
    states["in_progress"] = s
    s = entry(
        "业务办理",
        missing_documents=["户口本原件及复印件", "房屋产权证明", "用电申请表（加盖公章）"],
        matter=LONG,
        reception_notes=LONG,
    )
    for dep in ("供电服务班", "抢修班", "计量班"):
        svc.transfer_entry(clerk, s, department=dep, note=LONG[:60], now=start)
        if dep != "计量班":
            svc.finish_transfer(clerk, s, note="已处理完毕", now=start)
    states["transferred"] = s
    s = entry("投诉")
    svc.reply_entry(clerk, s, result=LONG, now=start)
    states["replied"] = s
    s = entry("投诉")
    svc.mark_unresolved(clerk, s, reason=LONG, now=start)
    states["unresolved"] = s
    s = entry("投诉")
    svc.reply_entry(clerk, s, result="已处理", now=start)
    svc.record_follow_up(clerk, s, method="phone", satisfaction="satisfied", now=start)
    states["followed_up"] = s
    from firstask_desktop.services import assessment

    assessment.scan(now)  # the late reply proposed as a breach: 驳回考核建议 has one to show
    _county_keys(start)
    db.close()
    return states


def _county_keys(at: datetime) -> None:
    """The county's key, and the one it replaced when the county changed computers: 公钥 lists
    both."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from firstask_desktop.store import keys
    from firstask_desktop.sync import trust

    for replace in (False, True):
        info = trust.PublicKeyInfo(
            role="county",
            station="YZ00",
            name="榆中县供电公司客户服务中心",
            county="榆中县供电公司",
            signing_public=keys.public_bytes(Ed25519PrivateKey.generate()),
            encryption_public=keys.public_bytes(X25519PrivateKey.generate()),
        )
        with db.transaction():
            trust.register(info, accepted_by="管理员", now=at, replace=replace)


def visit_all(probe: Probe, app, session, states: dict) -> None:
    from firstask_desktop.gui.app import open_main_window
    from firstask_desktop.gui.login import LoginDialog
    from firstask_desktop.gui.wizard import SetupWizard
    from firstask_desktop.store.models import Staff

    wizard = SetupWizard()
    probe.measure("wizard-welcome", wizard)
    wizard.next()
    probe.measure("wizard-station", wizard)
    wizard.next()  # refused: the errors beside the fields
    probe.measure("wizard-station-errors", wizard)
    wizard.hide()
    wizard.deleteLater()

    login = LoginDialog("城关供电所", "李娜")
    probe.measure("login", login)
    login.hide()
    login.deleteLater()

    for who in ("李娜", "王建国", "管理员"):
        session.set_actor(Staff.get(Staff.name == who))
        window = open_main_window(app, session)
        window.notifier.timer.stop()
        window.showMaximized()
        settle()
        for welcome in app.topLevelWidgets():
            if type(welcome).__name__ == "WelcomeDialog" and welcome.isVisible():
                probe.measure(f"welcome-{who}", welcome)
                welcome.reject()
        for page in ("register", "todo", "follow_up", "customers", "stats", "assess", "sync"):
            window.show_page(page)
            probe.measure(f"main-{page}-{who}", window)
        if who == "管理员":
            _keys_dialog(probe, window)
        window.show_page("settings")
        settings = window.page["settings"]
        for index in range(settings.tabs.count()):
            settings.tabs.setCurrentIndex(index)
            probe.measure(f"settings-{index}-{who}", window)
        window.show_page("register")
        _assessment_dialogs(probe, session, who, window)
        if who == "李娜":
            _entry_form(probe, window)
        for state, serial in states.items():
            if who != "李娜" and state not in ("transferred", "unresolved"):
                continue
            window.open_entry(serial)
            settle()
            detail = window.detail_windows[serial]
            probe.measure(f"detail-{state}-{who}", detail)
            if state == "transferred" and who == "李娜":
                _step_dialogs(probe, detail)
            if state == "replied" and who == "李娜":
                _refused_dialogs(probe, detail, ("follow_up",))
            if state == "transferred" and who == "李娜":
                _refused_dialogs(probe, detail, ("transfer", "unresolved"))
            detail.close()
        if who == "李娜":
            window.lock()
            probe.measure("lock", window)
            window.lock_screen.show_switch()
            probe.measure("lock-switch", window)
            window.unlock(True)
        window.idle.stop()
        window.hide()
        window.deleteLater()
        settle()


def _keys_dialog(probe: Probe, window) -> None:
    """已登记的公钥 on the 同步 page: the county key and the one it replaced, one selected."""
    sync = window.page["sync"]
    sync.open_keys()
    dialog = sync.keys_dialog
    settle()
    dialog.table.selectRow(dialog.table.rowCount() - 1)
    probe.measure("dialog-keys", dialog)
    dialog.close()


def _assessment_dialogs(probe: Probe, session, who: str, window) -> None:
    """考核's own dialogs, as opened and as refused when sent empty: the head's 人工登记违规
    and 驳回考核建议 (of the proposed late reply), a clerk's 申诉 (none confirmed to appeal:
    the form says so)."""
    from firstask_desktop.gui.accountability_dialogs import AppealDialog, ManualBreachDialog

    dialogs = {"王建国": ("breach", ManualBreachDialog), "李娜": ("appeal", AppealDialog)}
    if who not in dialogs:
        return
    name, kind = dialogs[who]
    dialog = kind(session)
    dialog.show()
    settle()
    probe.measure(f"dialog-{name}", dialog)
    if dialog.ok_button.isEnabled():
        dialog.submit()
        settle()
        probe.measure(f"dialog-{name}-refused", dialog)
    dialog.reject()
    dialog.deleteLater()
    settle()
    if who == "王建国":
        _dismiss_dialog(probe, window)


def _dismiss_dialog(probe: Probe, window) -> None:
    window.show_page("assess")
    page = window.page["assess"]
    settle()
    page.proposed.selectRow(0)
    assert page.selected_proposal() is not None, "the late reply should be proposed"
    page.dismiss_selected()
    settle()
    dialog = page.dialog
    probe.measure("dialog-dismiss", dialog)
    dialog.submit()
    settle()
    probe.measure("dialog-dismiss-refused", dialog)
    dialog.reject()
    dialog.deleteLater()
    window.show_page("register")
    settle()


def _entry_form(probe: Probe, window) -> None:
    window.new_entry()
    form = window.entry_form
    probe.measure("entry-form", form)
    form.ui.channel.set_value("hotline_95598")
    form.ui.matter.setPlainText(LONG * 3)
    form.save()
    settle()
    probe.measure("entry-form-errors", form)
    form.ui.businessType.setCurrentIndex(1)
    probe.measure("entry-form-documents", form)
    form.discard()
    settle()


def _step_dialogs(probe: Probe, detail) -> None:
    for step in list(detail.step_buttons):
        if step in ("start", "close"):
            continue
        detail.start_step(step)
        settle()
        probe.measure(f"dialog-{step}", detail.current_dialog)
        detail.current_dialog.reject()
        settle()
    if "notice" in getattr(detail, "print_buttons", {}):
        detail.print_document("notice")
        settle()
        if detail.preview is not None:
            probe.measure("preview-notice", detail.preview)
            detail.preview.close()


def _refused_dialogs(probe: Probe, detail, steps) -> None:
    """Step dialogs sent empty: the core's refusal shown beside the field or under the form
    (the 回访 message was cut at its top and bottom)."""
    for step in steps:
        if step not in detail.step_buttons:
            continue
        detail.start_step(step)
        settle()
        dialog = detail.current_dialog
        dialog.submit()
        settle()
        probe.measure(f"dialog-{step}-refused", dialog)
        dialog.reject()
        settle()


def main() -> int:
    out = Path(sys.argv[1])
    shots = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    app = create_application()
    probe = Probe(out, shots)
    from firstask_desktop.gui.session import Session
    from firstask_desktop.services.station import local_station

    with tempfile.TemporaryDirectory(prefix="firstask-fit-") as tmp:
        folder = Path(tmp) / "数据"
        states = build_station(folder)
        open_store(folder)
        try:
            session = Session(folder)
            session.station = local_station()
            for language in ("zh_CN", "en"):
                for size in ("medium", "large"):
                    session.prefs.language = language
                    session.prefs.text_size = size
                    apply_look(app, session.prefs)
                    probe.config = f"{language}-{size}"
                    visit_all(probe, app, session, states)
        finally:
            tasks.wait_for_workers()
            db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
