"""待办: what needs doing — overdue, due today, due this week, transfers nearing their own
deadline (with the department's phone to chase them), escalations for the head."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..services.queries import EntryFilter
from . import operations, tasks
from .entry_table import EntryTable
from .messages import error_text
from .operations import county_ops
from .register_model import COL_DUE, COL_RECEIVED
from .station_filter import StationFilter
from .style import styled
from .widgets import Retranslating, fill_rows, row_table, set_error

# bucket → (the count's key in queries.counts, the filter that lists it)
BUCKETS = {
    "overdue": ("overdue", EntryFilter(overdue=True)),
    "due_today": ("due_today", EntryFilter(due_today=True)),
    "due_week": ("due_week", EntryFilter(due_week=True)),
    "follow_up_due": ("follow_up_due", EntryFilter(follow_up_due=True)),
    "escalated": ("escalated", EntryFilter(status="unresolved")),
    # not a register filter: the transfers' own deadlines (TransfersTable)
    "transfers_due": ("transfers_due", None),
}


DUE_FIRST = frozenset(("overdue", "due_today", "due_week", "follow_up_due"))


class BucketPage(Retranslating, QWidget):
    """Big buttons with counts on top; the entries of the chosen one below."""

    sig_open_entry = Signal(str)
    bucket_names: tuple[str, ...] = ()
    shows_holiday_notice = False  # 待办 says when next year's holidays are missing

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.heading = QLabel()
        styled(self.heading, "pageHeading")
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        styled(self.banner, "noticeBanner")
        self.banner.hide()
        self.buttons: dict[str, QToolButton] = {}
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        row = QHBoxLayout()
        self.bucket_row = row  # subclasses add their own buttons beside the buckets
        for name in self.bucket_names:
            button = QToolButton()
            button.setCheckable(True)
            styled(button, "bucketButton")
            button.setMinimumSize(150, 56)
            button.clicked.connect(lambda _checked=False, n=name: self.show_bucket(n))
            self.group.addButton(button)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        # The county: one station's matters, and a station column (by name).
        self.station = StationFilter()
        self.station.sig_changed.connect(self._station_chosen)
        self.station.sig_loaded.connect(lambda names: self.table.show_station_column(names))
        row.addWidget(self.station)
        self.table = EntryTable(session, self)
        self.table.sig_open_entry.connect(self.sig_open_entry)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addLayout(row)
        self.lists = QStackedWidget()
        self.lists.addWidget(self.table)
        layout.addWidget(self.lists, 1)
        self.counts: dict[str, int] = {}
        self.all_counts: dict[str, int] = {}  # every station's (the status bar's figures)
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

    def show_bucket(self, name: str) -> None:
        self.current = name
        self.buttons[name].setChecked(True)
        self.lists.setCurrentWidget(self.table)
        # What is due: the longest overdue at the top (the 80-day-old one first); the rest
        # newest first, as the register.
        if name in DUE_FIRST:
            order = (COL_DUE, Qt.SortOrder.AscendingOrder)
        else:
            order = (COL_RECEIVED, Qt.SortOrder.DescendingOrder)
        self.table.set_filter(self.bucket_filter(name), order)

    def bucket_filter(self, name: str):
        """The register filter that lists the bucket ``name``."""
        return replace(BUCKETS[name][1], station=self.station.code())

    def _station_chosen(self, code: str) -> None:
        self.show_bucket(self.current)
        if not code:
            self.set_counts(self.all_counts)
            return
        filters = {
            BUCKETS[name][0]: BUCKETS[name][1]
            for name in self.bucket_names
            if BUCKETS[name][1] is not None
        }
        tasks.run_task(
            county_ops.bucket_counts,
            filters,
            code,
            owner=self,
            on_success=lambda counts: self._show_counts(self.all_counts | counts),
        )

    def set_counts(self, counts: dict) -> None:
        self.all_counts = counts
        if self.station.code():
            self._station_chosen(self.station.code())
        else:
            self._show_counts(counts)

    def _show_counts(self, counts: dict) -> None:
        self.counts = counts
        notice = counts.get("holiday_notice") if self.shows_holiday_notice else ""
        self.banner.setText(notice or "")
        self.banner.setVisible(bool(notice))
        self.retranslate()

    def refresh(self) -> None:
        self.table.reload()


class TransfersTable(Retranslating, QWidget):
    """Open transfers due within a day or already late: whom to call, and by when."""

    sig_open_entry = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.rows: list[dict] = []
        self.table = row_table(8)
        self.table.cellDoubleClicked.connect(self._open)
        self.footer = QLabel()
        self.footer.setWordWrap(True)
        self.error = QLabel()
        set_error(self.error, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.footer)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("受理编号"),
                self.tr("转办时限"),
                self.tr("承办部门"),
                self.tr("部门电话"),
                self.tr("首问责任人"),
                self.tr("最近督办"),
                self.tr("状态"),
                self.tr("事由"),
            ]
        )
        self._show_footer()

    def reload(self) -> None:
        set_error(self.error, "")
        tasks.run_task(
            operations.transfers_due,
            self.session.actor,
            owner=self,
            on_success=self.show_rows,
            on_error=lambda err: set_error(self.error, error_text(err)),
        )

    def show_rows(self, rows: list[dict]) -> None:
        self.rows = rows

        def when(moment: datetime | None) -> str:
            return f"{moment:%Y-%m-%d %H:%M}" if moment else "—"

        fill_rows(
            self.table,
            [
                [
                    r["serial"],
                    when(r["due_at"]),
                    " ".join(x for x in (r["department"], r["to_staff"]) if x),
                    r["department_phone"] or self.tr("未登记"),
                    r["responder"],
                    when(r["last_supervision"]),
                    self._state(r),
                    r["matter"],
                ]
                for r in rows
            ],
            tooltips=True,
        )
        for row, r in enumerate(rows):
            if r["overdue"]:  # red as well as the words: colour is not the only signal
                self.table.item(row, 6).setForeground(QColor("#a00000"))
        self._show_footer()

    def _state(self, r: dict) -> str:
        words = [self.tr("已超过转办时限") if r["overdue"] else self.tr("24小时内到期")]
        if r.get("not_accepted"):
            words = [self.tr("接收人当个工作日未接收")] + (words if r["overdue"] else [])
        return "；".join(words)

    def _show_footer(self) -> None:
        self.footer.setText(
            self.tr("共 {0} 条。请打电话督办承办部门，并在登记里记录督办情况（双击打开）。").format(
                len(self.rows)
            )
            if self.rows
            else self.tr("没有即将到期的转办。")
        )

    def _open(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.rows):
            self.sig_open_entry.emit(self.rows[row]["serial"])


class TodoPage(BucketPage):
    bucket_names = ("overdue", "due_today", "due_week", "transfers_due", "escalated")
    shows_holiday_notice = True

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.transfers = TransfersTable(session)
        self.transfers.sig_open_entry.connect(self.sig_open_entry)
        self.lists.addWidget(self.transfers)
        self.station.sig_loaded.connect(self._county_known)

    def retranslate(self) -> None:
        if self.station.at_county:
            self.heading.setText(
                self.tr(
                    "待办（全县）：各供电所超期和即将到期的登记、即将到期的转办，"
                    "以及各所等待所长处理的上报。由各所办理，县公司电话督促。"
                )
            )
        else:
            self.heading.setText(
                self.tr("待办：超期和即将到期的登记、即将到期的转办，以及等待所长处理的上报")
            )
        super().retranslate()

    def _county_known(self, _names: dict) -> None:
        self.retranslate()  # county wording once the install is known to be the county

    def bucket_title(self, name: str) -> str:
        return {
            "overdue": self.tr("已超期"),
            "due_today": self.tr("今日到期"),
            "due_week": self.tr("本周到期"),
            "transfers_due": self.tr("转办即将到期"),
            "escalated": self.tr("各所上报待所长处理")
            if self.station.at_county
            else self.tr("上报待所长处理"),
        }[name]

    def show_bucket(self, name: str) -> None:
        if name != "transfers_due":
            super().show_bucket(name)
            return
        self.current = name
        self.buttons[name].setChecked(True)
        self.lists.setCurrentWidget(self.transfers)
        self.transfers.reload()

    def refresh(self) -> None:
        if self.current == "transfers_due":
            self.transfers.reload()
        else:
            super().refresh()
