"""The desktop app measured from inside, offscreen, one process per measurement (bench/run.py).

    python bench/gui_probe.py bare                       # the baseline: a bare PySide6 window
    python bench/gui_probe.py app --data-dir D           # the app as after a login
    python bench/gui_probe.py scroll --data-dir D        # ... then scroll its busiest month

Each prints ``ready`` as soon as its window is shown and filled (the register's first page is in
and painted), then one JSON line: the resident memory (VmRSS) at that moment and, for ``scroll``,
the longest time the GUI thread was busy without coming back to its event loop (a "frame": one
key press, or one pass of the loop delivering a page of rows and painting) while the month was
scrolled page by page to its end and, loaded afresh, jumped to its end (Ctrl+End). Frames are
timed by the thread's CPU time (what the app does), and by the wall clock (what a clerk would
see on a machine other programs keep busy).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

READY = "ready"
WIDTH, HEIGHT = 1366, 700  # a 1366×768 screen less the taskbar
STEP_MS = 30  # a clerk holding PageDown: about 30 pages a second at most
TIMEOUT_S = 180


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def wait_until(app, condition, timeout: float = TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for the window")
        app.processEvents()
        time.sleep(0.001)


def bare() -> dict:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication([])
    view = QTableView()
    view.setModel(QStandardItemModel(0, 11))
    view.resize(WIDTH, HEIGHT)
    view.show()
    app.processEvents()
    view.repaint()
    print(READY, flush=True)
    return {"rss_mib": rss_mib()}


def open_app(folder: Path, acting: str):
    """The main window as ``gui.app`` opens it after a login, with its register filled."""
    from firstask_desktop.gui.app import apply_look, create_application, open_main_window
    from firstask_desktop.gui.session import Session
    from firstask_desktop.services.station import local_station
    from firstask_desktop.store.models import Staff
    from firstask_desktop.store.storage import open_store

    app = create_application()
    open_store(folder)
    session = Session(folder)
    apply_look(app, session.prefs)
    session.station = local_station()
    session.set_actor(Staff.get(Staff.name == acting))
    window = open_main_window(app, session)
    window.resize(WIDTH, HEIGHT)
    window.show()
    register = window.page["register"]
    model = register.table.model
    wait_until(app, lambda: model.total is not None and not model.is_loading())
    app.processEvents()
    window.repaint()
    return app, window, register


def scroll(app, register) -> dict:
    """Scroll the busiest month page by page to its end, then load it afresh and jump there."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from firstask_desktop.services.queries import entries_per_month

    per_month = entries_per_month()
    month = max(per_month, key=per_month.get)
    table, model = register.table, register.table.model
    view = table.view
    wait_until(app, lambda: register.month.findData(month) >= 0)
    register.month.setCurrentIndex(register.month.findData(month))  # as a clerk picks it
    wait_until(app, lambda: model.total is not None and not model.is_loading())
    bar = view.verticalScrollBar()

    longest = [0.0, 0.0]  # [wall clock, the GUI thread's own CPU time]

    def frame(work) -> None:
        """One frame: ``work`` on the GUI thread, timed by the clock on the wall and by the
        thread's CPU time (the second leaves out other programs taking the processor)."""
        wall, cpu = time.perf_counter(), time.thread_time()
        work()
        longest[0] = max(longest[0], time.perf_counter() - wall)
        longest[1] = max(longest[1], time.thread_time() - cpu)

    def settle(seconds: float) -> None:
        """Let the window work for ``seconds``; each pass of its event loop is one frame."""
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            frame(app.processEvents)
            time.sleep(0.001)

    def at_end() -> bool:
        return not model.canFetchMore() and not model.is_loading() and bar.value() == bar.maximum()

    def timed(step) -> None:
        frame(step)
        settle(STEP_MS / 1000)

    steps = 0
    while not at_end():
        timed(lambda: bar.setValue(bar.value() + bar.pageStep()))  # PageDown
        steps += 1
    scrolled = [t * 1000 for t in longest]
    longest[:] = [0.0, 0.0]
    rows = model.rowCount()

    table.reload()  # the month afresh, then Ctrl+End until its last row shows
    wait_until(app, lambda: model.total is not None and not model.is_loading())
    view.setFocus()
    presses = 0
    while not at_end() or model.rowCount() < model.total:
        timed(lambda: QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier))
        presses += 1
    jumped = [t * 1000 for t in longest]
    return {
        "month": month,
        "rows": rows,
        "total": model.total,
        "page_steps": steps,
        "end_presses": presses,
        "longest_frame_scroll_ms": round(scrolled[1], 1),
        "longest_frame_jump_ms": round(jumped[1], 1),
        "longest_frame_ms": round(max(scrolled[1], jumped[1]), 1),
        "longest_frame_wall_ms": round(max(scrolled[0], jumped[0]), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("bare", "app", "scroll"))
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--as", dest="acting", default="李娜", help="a clerk of the demo")
    args = parser.parse_args(argv)
    if args.mode == "bare":
        print(json.dumps(bare()), flush=True)
        return 0
    app, window, register = open_app(args.data_dir, args.acting)
    print(READY, flush=True)
    result = {"rss_mib": rss_mib()}
    if args.mode == "scroll":
        result.update(scroll(app, register))
        result["rss_after_scroll_mib"] = rss_mib()
    print(json.dumps(result), flush=True)
    from firstask_desktop.gui import tasks
    from firstask_desktop.store import db

    window.close()
    tasks.wait_for_workers()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
