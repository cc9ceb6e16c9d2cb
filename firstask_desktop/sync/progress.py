"""Progress and cancel for long exports and imports (the GUI runs them in a worker thread).

``on_progress(done, total, stage)`` is called now and then from the worker; ``should_cancel()`` is
polled at the same moments. Cancelling raises :class:`SyncCancelled` before anything is written
(an export leaves no file, an import rolls its transaction back).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from firstask_desktop.domain.errors import RefusedError

ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]

# Stage names passed to on_progress; the GUI shows the Chinese label.
STAGES = {
    "select": "正在挑选要导出的记录",
    "write": "正在写入同步文件",
    "attachments": "正在写入附件",
    "verify": "正在校验写出的文件",
    "check": "正在校验文件签名",
    "import": "正在导入记录",
    "audit": "正在导入审计记录",
}


class SyncCancelled(RefusedError):
    def __init__(self):
        super().__init__("已取消：没有写出同步文件，数据库也没有任何改变。")


class Progress:
    """Throttled reporting: at most every ``interval`` seconds, plus the first and last call."""

    def __init__(
        self,
        on_progress: ProgressCallback | None = None,
        should_cancel: CancelCheck | None = None,
        interval: float = 0.1,
    ):
        self.on_progress = on_progress
        self.should_cancel = should_cancel
        self.interval = interval
        self._last = 0.0

    def __call__(self, done: int, total: int, stage: str, *, force: bool = False) -> None:
        if self.should_cancel is not None and self.should_cancel():
            raise SyncCancelled()
        if self.on_progress is None:
            return
        now = time.monotonic()
        if force or done >= total or now - self._last >= self.interval:
            self._last = now
            self.on_progress(done, total, stage)
