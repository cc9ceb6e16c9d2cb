"""The register as a Qt table model over SQL pages.

Rows arrive a page at a time from a background read (``canFetchMore``/``fetchMore``), so a
station with 200,000 entries opens as fast as one with 20 and never holds them all. Filtering and
sorting happen in SQL (services.queries.list_entries); a new filter or sort resets the model and
a generation number drops the pages of the previous one if they arrive late.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ..services.queries import DUE_STATE_LABELS, EntryFilter
from . import operations, tasks
from .labels import label

COL_SERIAL = 0
COL_RECEIVED = 1
COL_CHANNEL = 2
COL_CATEGORY = 3
COL_VISITOR = 4
COL_PHONE = 5
COL_MATTER = 6
COL_RESPONDER = 7
COL_STATUS = 8
COL_DUE = 9
COL_DUE_STATE = 10
COL_STATION = 11  # the county's register only (entry_table hides it elsewhere)
COLUMN_COUNT = 12

# Marked for lupdate; translated when shown (headerData).
HEADERS = (
    QT_TRANSLATE_NOOP("RegisterModel", "受理编号"),
    QT_TRANSLATE_NOOP("RegisterModel", "受理时间"),
    QT_TRANSLATE_NOOP("RegisterModel", "渠道"),
    QT_TRANSLATE_NOOP("RegisterModel", "类别"),
    QT_TRANSLATE_NOOP("RegisterModel", "来访人"),
    QT_TRANSLATE_NOOP("RegisterModel", "联系方式"),
    QT_TRANSLATE_NOOP("RegisterModel", "事由"),
    QT_TRANSLATE_NOOP("RegisterModel", "首问责任人"),
    QT_TRANSLATE_NOOP("RegisterModel", "状态"),
    QT_TRANSLATE_NOOP("RegisterModel", "承诺时限"),
    QT_TRANSLATE_NOOP("RegisterModel", "时限情况"),
    QT_TRANSLATE_NOOP("RegisterModel", "供电所"),
)
# The column → the SQL sort key of list_entries; other columns do not sort.
SORT_KEYS = {
    COL_SERIAL: "serial",
    COL_RECEIVED: "received_at",
    COL_CATEGORY: "category",
    COL_VISITOR: "visitor",
    COL_STATUS: "status",
    COL_DUE: "due_at",
    COL_DUE_STATE: "due_at",
}

SerialRole = Qt.ItemDataRole.UserRole + 1
DueStateRole = Qt.ItemDataRole.UserRole + 2
EntryRole = Qt.ItemDataRole.UserRole + 3  # the whole row as a dict (queries.entry_to_dict)
StatusRole = Qt.ItemDataRole.UserRole + 4

# Colour backs up the written state, never replaces it (colour-blind clerks, grey printers).
DUE_COLOURS = {
    "overdue": (QColor("#fde0e0"), QColor("#a00000")),
    "due_today": (QColor("#fff1c2"), QColor("#7a5200")),
    "on_time": (None, QColor("#1e6b2f")),
}
PAGE_SIZE = 200
# The matter column shows the start of a long text (its tooltip shows it whole): the view lays
# out the whole string to elide it, for every cell of every paint (docs/benchmarks.md).
MATTER_SHOWN = 120
ROOT = QModelIndex()  # the (only) parent of a table's rows


_ROLES = frozenset(
    (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        SerialRole,
        DueStateRole,
        EntryRole,
        StatusRole,
    )
)


@cache
def _brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


@cache
def _due_brushes(due_state: str) -> tuple[QBrush | None, QBrush | None]:
    colours = DUE_COLOURS.get(due_state, (None, None))
    return tuple(QBrush(c) if c is not None else None for c in colours)


@cache
def _bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def _short_time(iso: str | None) -> str:
    return iso.replace("T", " ") if iso else ""


class RegisterModel(QAbstractTableModel):
    sig_loading = Signal(bool)
    sig_total = Signal(int)
    sig_failed = Signal(object)

    def __init__(self, parent=None, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self.page_size = page_size
        self.filter = EntryFilter()
        self.sort_key = "received_at"
        self.descending = True
        self.total: int | None = None
        self.now: datetime | None = None  # fixed clock for tests; None = the real time
        self.session = None  # the rows are read as session.actor may see them (保密)
        self.viewer = None  # … or as this staff member, without a session
        self.station_names: dict[str, str] = {}  # the county: code → name, for COL_STATION
        self._rows: list[dict] = []
        self._looks: dict[int, tuple] = {}  # row → its texts and colours, when first painted
        self._exhausted = False
        self._loading = False
        self._generation = 0
        self._task = None
        self._count_task = None

    # --- loading ----------------------------------------------------------------------------

    def set_filter(self, flt: EntryFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        """Start again from the first page (after a filter, a sort, or a change of data)."""
        self._generation += 1
        for task in (self._task, self._count_task):
            if task is not None:
                task.cancel()
        self.beginResetModel()
        self._rows = []
        self._looks = {}
        self._exhausted = False
        self._loading = False
        self.total = None
        self.endResetModel()
        self._load_page()

    def canFetchMore(self, parent=ROOT) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent=ROOT) -> None:
        if self.canFetchMore(parent):
            self._load_page()

    def is_loading(self) -> bool:
        return self._loading

    def _load_page(self) -> None:
        self._loading = True
        self.sig_loading.emit(True)
        generation = self._generation
        if not self._rows:
            # The number of matches is read beside the first page (two readers): counting a
            # large register takes longer than its first 200 rows, which need not wait for it.
            self._count_task = tasks.run_task(
                operations.register_count,
                self.filter,
                now=self.now,
                viewer=self.session.actor if self.session is not None else self.viewer,
                on_success=lambda total: self._total_arrived(generation, total),
                on_error=lambda error: self._page_failed(generation, error),
                owner=self,
            )
        self._task = tasks.run_task(
            operations.register_page,
            self.filter,
            sort=self.sort_key,
            descending=self.descending,
            offset=len(self._rows),
            limit=self.page_size,
            viewer=self.session.actor if self.session is not None else self.viewer,
            now=self.now,
            on_success=lambda rows: self._page_arrived(generation, rows),
            on_error=lambda error: self._page_failed(generation, error),
            owner=self,
        )

    def _page_arrived(self, generation: int, rows: list) -> None:
        if generation != self._generation:
            return  # a page of an older filter
        self._loading = False
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        if len(rows) < self.page_size:
            self._exhausted = True
        self.sig_loading.emit(False)

    def _total_arrived(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return
        self.total = total
        self.sig_total.emit(total)

    def _page_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = True
        self.sig_loading.emit(False)
        self.sig_failed.emit(error)

    # --- sorting (SQL) ----------------------------------------------------------------------

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending):
            return
        self.sort_key, self.descending = key, descending
        self.reload()

    # --- the table ----------------------------------------------------------------------------

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("RegisterModel", HEADERS[section])
        return None

    def row(self, row: int) -> dict:
        return self._rows[row]

    def serial_at(self, row: int) -> str:
        return self._rows[row]["serial"]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        # The view asks seven roles of every visible cell on every paint; most are not ours
        # (alignment, check state, icon) and those that are come from the row's look, worked
        # out once: a page scrolls within a frame.
        if role not in _ROLES:
            return None
        row = index.row()
        if not index.isValid() or row >= len(self._rows):
            return None
        look = self._looks.get(row)
        if look is None:
            look = self._looks[row] = _look(self._rows[row])
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_STATION:
                code = self._rows[row]["station"]
                return self.station_names.get(code, code)
            return _shown(look[0], column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return look[1] if column in _DUE_COLUMNS else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return look[2] if column in _DUE_COLUMNS else look[3]
        if role == Qt.ItemDataRole.FontRole:
            return look[4] if column == COL_DUE_STATE else None
        entry = self._rows[row]
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_MATTER, COL_VISITOR):
            return entry["matter"] if column == COL_MATTER else entry["visitor"]
        if role == SerialRole:
            return entry["serial"]
        if role == DueStateRole:
            return entry["due_state"]
        if role == StatusRole:
            return entry["status"]
        if role == EntryRole:
            return entry
        return None


_DUE_COLUMNS = frozenset((COL_DUE, COL_DUE_STATE))


def _look(entry) -> tuple:
    """(cell texts, the due columns' background and foreground, the other columns' foreground,
    the due state's font) of a row. Colour backs up the written state, never replaces it."""
    background, foreground = _due_brushes(entry["due_state"])
    return (
        _texts(entry),
        background,
        foreground,
        _brush("#888888") if entry["status"] == "void" else None,
        _bold_font() if entry["due_state"] == "overdue" else None,
    )


# Columns whose text is a label of the core's vocabulary, translated when shown (the language can
# change while the rows are on screen).
_LABELLED = frozenset((COL_CHANNEL, COL_CATEGORY, COL_STATUS, COL_DUE_STATE))


def _texts(entry) -> tuple:
    """A row's cell texts, worked out once (a page scrolls past in one frame); labels untranslated,
    the due column as (time, is a follow-up)."""
    follow_up = entry["status"] in ("replied", "unresolved") and entry["follow_up_due_at"]
    return (
        entry["serial"],
        _short_time(entry["received_at"]),
        entry["channel_label"],
        entry["category_label"],
        entry["visitor"],
        (entry["phone"], entry["phone_unverified"]),
        entry["matter"][:MATTER_SHOWN].replace("\n", " "),
        entry["responder"],
        entry["status_label"],
        (_short_time(entry["follow_up_due_at"]), True)
        if follow_up
        else (_short_time(entry["due_at"]), False),
        DUE_STATE_LABELS[entry["due_state"]],
        entry["station"],
    )


def _shown(texts: tuple, column: int) -> str:
    text = texts[column]
    if column in _LABELLED:
        return label(text)
    if column == COL_DUE:
        time, follow_up = text
        if follow_up:
            return QCoreApplication.translate("RegisterModel", "回访 {0}").format(time)
        return time
    if column == COL_PHONE:
        # Who calls back sees that the number could not be verified before dialling it.
        phone, unverified = text
        if unverified:
            return QCoreApplication.translate("RegisterModel", "{0}（号码未经核实）").format(phone)
        return phone
    return text
