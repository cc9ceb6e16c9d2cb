"""Garbage caught in a reference cycle (a closed dialog, a finished task's relay) is freed on the
GUI thread, even while a worker is the one allocating. Freed on the worker, Qt objects were
destroyed off their thread and the process died in a segmentation fault during a test run."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject

from firstask_desktop.gui import tasks


class _InACycle:
    """A Qt object only the cyclic collector can free; says on which thread it was freed."""

    def __init__(self, freed: list):
        self.me = self
        self.qt_object = QObject()
        self.freed = freed

    def __del__(self):
        self.freed.append(threading.current_thread())


def test_cyclic_garbage_is_freed_on_the_gui_thread_while_a_worker_allocates(qapp, qtbot):
    freed: list = []
    kept: list = []
    worker_done = threading.Event()

    def read_a_lot() -> None:
        # What a register read allocates; kept, so that the count stays past the threshold.
        kept.append([[n] for n in range(50_000)])
        worker_done.set()

    gc.collect()
    _InACycle(freed)
    task = tasks.run_task(read_a_lot)
    # The GUI thread allocates nothing meanwhile: only the worker could start a collection.
    assert worker_done.wait(15)
    assert freed == []  # not on the worker
    qtbot.waitUntil(lambda: task.delivered and bool(freed), timeout=5000)
    assert freed == [threading.main_thread()]
