"""Python's cyclic garbage is collected on the GUI thread, never on a worker.

Python starts a collection on whichever thread happens to allocate past the threshold. A worker
reading the register (``tasks.run_task``) allocates a great deal, so the collection that frees a
closed dialog, a finished task's relay or any other Qt object caught in a reference cycle ran on
that worker: Qt objects destroyed off their thread, and the process died in a segmentation fault
("Garbage-collecting", inside a worker's query). The automatic collector is therefore switched
off and a timer on the GUI thread collects instead, generation by generation, when the counts
pass the thresholds the automatic collector would have used: the same amount of work, on the one
thread Qt allows (the well-known PyQt "GarbageCollector" recipe).

Objects that are not in a cycle are still freed at once by reference counting, as before.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

# Often enough that a worker's garbage never piles up for long (a large import makes about a
# million container objects a minute), rarely enough to cost nothing when idle.
INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start()

    def collect_due(self) -> int | None:
        return collect_due(self.thresholds)


def collect_due(thresholds: tuple[int, ...]) -> int | None:
    """Collect the oldest generation whose count has passed its threshold, as the automatic
    collector would have; the generation collected, or None when nothing was due."""
    generation = None
    for gen, (count, threshold) in enumerate(zip(gc.get_count(), thresholds, strict=False)):
        if threshold <= 0 or count <= threshold:
            break
        generation = gen
    if generation is not None:
        gc.collect(generation)
    return generation


def install(app: QCoreApplication) -> GuiThreadCollector:
    """Once per application; the collector lives as long as ``app``."""
    collector = app.findChild(GuiThreadCollector)
    if collector is None:
        collector = GuiThreadCollector(app)
    return collector
