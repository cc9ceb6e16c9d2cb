"""待办: what needs doing — overdue, due today, due this week, escalations for the head."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ..services.queries import EntryFilter
from .entry_table import EntryTable

# bucket → (the count's key in queries.counts, the filter that lists it)
BUCKETS = {
    "overdue": ("overdue", EntryFilter(overdue=True)),
    "due_today": ("due_today", EntryFilter(due_today=True)),
    "due_week": ("due_week", EntryFilter(due_week=True)),
    "follow_up_due": ("follow_up_due", EntryFilter(follow_up_due=True)),
    "escalated": ("escalated", EntryFilter(status="unresolved")),
}


class BucketPage(QWidget):
    """Big buttons with counts on top; the entries of the chosen one below."""

    sig_open_entry = Signal(str)
    bucket_names: tuple[str, ...] = ()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.buttons: dict[str, QToolButton] = {}
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        row = QHBoxLayout()
        for name in self.bucket_names:
            button = QToolButton()
            button.setCheckable(True)
            button.setObjectName("bucketButton")
            button.setMinimumSize(150, 56)
            button.clicked.connect(lambda _checked=False, n=name: self.show_bucket(n))
            self.group.addButton(button)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        self.table = EntryTable(session, self)
        self.table.sig_open_entry.connect(self.sig_open_entry)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.counts: dict[str, int] = {}
        self.current = self.bucket_names[0]
        self.retranslate()
        self.show_bucket(self.current)

    def bucket_title(self, name: str) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        for name, button in self.buttons.items():
            count = self.counts.get(BUCKETS[name][0])
            title = self.bucket_title(name)
            button.setText(f"{title}\n{count}" if count is not None else title)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_bucket(self, name: str) -> None:
        self.current = name
        self.buttons[name].setChecked(True)
        self.table.set_filter(BUCKETS[name][1])

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.retranslate()

    def refresh(self) -> None:
        self.table.reload()


class TodoPage(BucketPage):
    bucket_names = ("overdue", "due_today", "due_week", "escalated")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("待办：超期和即将到期的登记，以及等待所长处理的上报"))
        super().retranslate()

    def bucket_title(self, name: str) -> str:
        return {
            "overdue": self.tr("已超期"),
            "due_today": self.tr("今日到期"),
            "due_week": self.tr("本周到期"),
            "escalated": self.tr("上报待所长处理"),
        }[name]
