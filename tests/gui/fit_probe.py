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

from PySide6.QtCore import QMargins  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from firstask_desktop.gui import tasks  # noqa: E402
from firstask_desktop.gui.app import apply_look, create_application  # noqa: E402
from firstask_desktop.gui.screen_fit import frame_margins, usable_area  # noqa: E402
from firstask_desktop.store import db  # noqa: E402
from firstask_desktop.store.storage import open_store  # noqa: E402

PASSWORD = "secret123"
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
        }
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.out.flush()
        if self.shots is not None:
            self.count += 1
            path = self.shots / f"{self.count:03d}-{self.config}-{name}.png"
            window.screen().grabWindow(0).save(str(path))


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
    db.close()
    return states


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
        for page in ("register", "todo", "follow_up", "customers", "stats", "assess", "sync"):
            window.show_page(page)
            probe.measure(f"main-{page}-{who}", window)
        window.show_page("settings")
        settings = window.page["settings"]
        for index in range(settings.tabs.count()):
            settings.tabs.setCurrentIndex(index)
            probe.measure(f"settings-{index}-{who}", window)
        window.show_page("register")
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
