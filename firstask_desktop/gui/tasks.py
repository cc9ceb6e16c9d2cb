"""Background work: one helper runs a function off the GUI thread and hands its result or its
error back on the GUI thread (Picard's ``run_task``; Anki's single collection writer).

- ``run_task(fn, ...)`` runs ``fn`` in a small reading pool, or on the one writing thread when
  the operation declares it writes (``operations.writes``), so database writes never race each
  other. The operation says where it runs, once; the widget calling it never chooses.
- Callbacks always run on the GUI thread (a relay object living there receives a queued signal);
  a worker never touches a widget.
- Every exception raised in a worker reaches ``on_error`` (default: a message box), never lost.
- ``owner``: a widget whose destruction cancels the delivery (a closed dialog gets no callback).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a worker by ``progress(...)`` once the user pressed cancel."""


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, the queued connection delivers here."""

    delivered = Signal(object, object)  # result, error
    progressed = Signal(int, int, str)

    def __init__(self, task: Task):
        super().__init__()
        self.task = task
        self.delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.progressed.connect(self._progress, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def _deliver(self, result, error) -> None:
        task = self.task
        try:
            if task.cancelled or not task.owner_alive():
                return
            if error is not None:
                (task.on_error or report_error)(error)
            elif task.on_success is not None:
                task.on_success(result)
        finally:
            task.delivered = True
            # Drop our reference only after this slot has returned (it runs on the relay).
            QTimer.singleShot(0, lambda: _running.discard(task))

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, text: str) -> None:
        if self.task.on_progress is not None and not self.task.cancelled:
            self.task.on_progress(done, total, text)


class Task(QRunnable):
    def __init__(
        self,
        fn: Callable,
        args,
        kwargs,
        *,
        on_success=None,
        on_error=None,
        on_progress=None,
        owner: QObject | None = None,
        with_progress=False,
    ):
        super().__init__()
        self.setAutoDelete(False)  # the Python object owns it; Qt must not delete it as well
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.on_success, self.on_error, self.on_progress = on_success, on_error, on_progress
        self.owner = owner
        self.with_progress = with_progress
        self._cancel = threading.Event()
        self.delivered = False
        self.relay = _Relay(self)
        if owner is not None:
            owner.destroyed.connect(self.cancel)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self, *_args) -> None:
        self._cancel.set()

    def owner_alive(self) -> bool:
        return self.owner is None or shiboken6.isValid(self.owner)

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        """Called by the worker function; stops it (raises Cancelled) once cancel was pressed."""
        if self.cancelled:
            raise Cancelled()
        self.relay.progressed.emit(int(done), int(total), str(text))

    def run(self) -> None:
        result, error = None, None
        try:
            kwargs = dict(self.kwargs)
            if self.with_progress:
                kwargs["progress"] = self.progress
            result = self.fn(*self.args, **kwargs)
        except Cancelled:
            self._cancel.set()
        except BaseException as err:  # noqa: BLE001 - every failure must reach the GUI
            if not isinstance(err, _expected_errors()):
                log.error("background task failed:\n%s", traceback.format_exc())
            error = err
        try:
            self.relay.delivered.emit(result, error)
        except RuntimeError:
            pass  # the relay is gone (the app is shutting down): nobody is left to tell


def _expected_errors() -> tuple[type, ...]:
    from firstask_desktop.domain.errors import RefusedError

    return (RefusedError,)


_pools: dict[str, QThreadPool] = {}
_running: set[Task] = set()


def _pool(write: bool) -> QThreadPool:
    key = "write" if write else "read"
    pool = _pools.get(key)
    if pool is None:
        pool = QThreadPool()
        if write:
            # One writer, kept alive: its SQLite connection stays open between writes.
            pool.setMaxThreadCount(1)
            pool.setExpiryTimeout(-1)
        else:
            pool.setMaxThreadCount(2)
        _pools[key] = pool
    return pool


def run_task(
    fn: Callable,
    *args,
    on_success: Callable | None = None,
    on_error: Callable | None = None,
    on_progress: Callable | None = None,
    owner: QObject | None = None,
    with_progress: bool = False,
    **kwargs,
) -> Task:
    """Run ``fn(*args, **kwargs)`` in the background; callbacks come back on the GUI thread.

    With ``with_progress`` the function gets ``progress=task.progress`` to report and to notice
    cancel. Returns the task (``.cancel()`` drops its callbacks and stops a progress-aware fn).
    """
    task = Task(
        fn,
        args,
        kwargs,
        on_success=on_success,
        on_error=on_error,
        on_progress=on_progress,
        owner=owner,
        with_progress=with_progress,
    )
    _running.add(task)
    _pool(getattr(fn, "writes", False)).start(task)
    return task


# What a window reads for its side panels (counts, filter choices) waits this long after its
# first page of rows: those reads would otherwise share the processor and Python's lock with
# the first paint of the rows (docs/benchmarks.md, cold start).
AFTER_FIRST_PAINT_MS = 300


_waiting: set[QTimer] = set()


def after_first_paint(owner: QObject, fn: Callable[[], None]) -> None:
    """Call ``fn`` on the GUI thread once the rows just received have been painted (not at all
    if ``owner`` is gone by then). Until then the app counts as ``busy``."""
    timer = QTimer(owner, singleShot=True, interval=AFTER_FIRST_PAINT_MS)
    _waiting.add(timer)

    def fire() -> None:
        _waiting.discard(timer)
        timer.deleteLater()
        fn()

    timer.timeout.connect(fire)
    timer.destroyed.connect(lambda _obj=None: _waiting.discard(timer))
    timer.start()


def busy() -> bool:
    """True while any task has not yet delivered its result, or waits to start (tests wait on
    this)."""
    return bool(_waiting) or any(not task.delivered for task in _running)


def wait_for_workers(msecs: int = 30000) -> None:
    """Let running workers finish (at exit, and between tests that switch databases)."""
    for pool in _pools.values():
        pool.waitForDone(msecs)


def report_error(error: BaseException, parent=None) -> None:
    """The default ``on_error``: a refusal as it is, anything else with what to do next."""
    from .messages import show_error

    show_error(parent, error)
