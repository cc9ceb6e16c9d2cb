"""隔离记录: the records a sync import set aside because they clash with the stored copy (same
revision, other content; a serial number taken ...), for a person to decide on, one at a time.

The list shows where each came from and why; selecting one shows the stored version beside the
file's, field by field, the differing fields marked. 保留现有 keeps the stored record, 采用文件中的
版本 replaces it (both asked once more, both audited, neither undone). Only who may import sync
files (``export_import``) decides; anyone else reads, with customers' personal data masked as in
the register (保密). The rules are the core's (services.quarantine_review, services.county).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from . import operations, tasks
from .labels import label, record_label
from .messages import confirm, error_text
from .style import styled
from .widgets import Retranslating, fill_rows, row_table, set_error

COL_ID, COL_STATION, COL_TABLE, COL_LABEL, COL_REASON, COL_AT, COL_STATE = range(7)
DIFF_FIELD, DIFF_EXISTING, DIFF_INCOMING = range(3)
DIFFERS_ROLE = Qt.ItemDataRole.UserRole + 1  # True on the cells of a field that differs
DIFF_BACKGROUND = QColor("#ffe7a3")
WINDOW_SIZE = (1180, 660)  # inside a 1366×768 screen with its taskbar


def _when(iso: str | None) -> str:
    return (iso or "").replace("T", " ")


class QuarantineWindow(Retranslating, QDialog):
    sig_resolved = Signal()  # a record was decided: counts and the register change

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.listing: dict | None = None
        self.detail: dict | None = None
        self._wanted_id: int | None = None  # the record whose details are being read
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.heading = QLabel()
        styled(self.heading, "pageHeading")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.show_resolved = QCheckBox()
        self.show_resolved.toggled.connect(self.load)
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.show_resolved)
        top.addStretch(1)
        top.addWidget(self.count)

        self.records = row_table(7)
        self.records.itemSelectionChanged.connect(self._selection_changed)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.diff = QTableWidget(0, 3)
        self.diff.verticalHeader().setVisible(False)
        self.diff.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diff.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.diff.setWordWrap(True)
        diff_header = self.diff.horizontalHeader()
        diff_header.setSectionResizeMode(DIFF_FIELD, QHeaderView.ResizeMode.ResizeToContents)
        diff_header.setSectionResizeMode(DIFF_EXISTING, QHeaderView.ResizeMode.Stretch)
        diff_header.setSectionResizeMode(DIFF_INCOMING, QHeaderView.ResizeMode.Stretch)

        self.keep_button = QPushButton()
        self.keep_button.clicked.connect(self.keep_existing)
        self.take_button = QPushButton()
        self.take_button.clicked.connect(self.take_incoming)
        self.error = QLabel()
        set_error(self.error, "")
        self.status = QLabel()
        self.status.setWordWrap(True)
        decide = QHBoxLayout()
        decide.setContentsMargins(0, 0, 0, 0)
        decide.addWidget(self.keep_button)
        decide.addWidget(self.take_button)
        decide.addWidget(self.error, 3)
        decide.addStretch(1)
        self.decide_bar = QWidget()
        self.decide_bar.setLayout(decide)
        self.read_only = QLabel()
        self.read_only.setWordWrap(True)
        self.read_only.setVisible(False)

        lower = QWidget()
        box = QVBoxLayout(lower)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.summary)
        box.addWidget(self.diff, 1)
        box.addWidget(self.decide_bar)
        box.addWidget(self.read_only)
        box.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.records)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.resize(*WINDOW_SIZE)
        self.retranslate()
        self._show_record(None)
        session.actor_changed.connect(self.load)
        self.load()

    # --- words -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("隔离记录"))
        self.heading.setText(self.tr("隔离记录：同步时与本库不一致、等待人工决定的记录"))
        self.note.setText(
            self.tr(
                "导入供电所的同步文件时，这些记录与本库已存的版本冲突（例如同一版本的内容不同），"
                "没有合并。请选中一条，核对两个版本（不同的字段已标出），再决定：“保留现有”不采用"
                "文件中的版本；“采用文件中的版本”用它替换本库中的记录。决定会记下处理人和时间，"
                "不能撤销；拿不准时请先打电话问供电所。"
            )
        )
        self.show_resolved.setText(self.tr("显示已处理的"))
        self.keep_button.setText(self.tr("保留现有"))
        self.take_button.setText(self.tr("采用文件中的版本"))
        self.records.setHorizontalHeaderLabels(
            [
                self.tr("编号"),
                self.tr("供电所"),
                self.tr("类别"),
                self.tr("受理编号/名称"),
                self.tr("隔离原因"),
                self.tr("隔离时间"),
                self.tr("处理情况"),
            ]
        )
        self.diff.setHorizontalHeaderLabels(
            [self.tr("字段"), self.tr("本库现有的版本"), self.tr("文件中的版本")]
        )
        self.read_only.setText(
            self.tr(
                "您可以查看隔离记录，但不能处理：请由有“导出和导入”权限的人员"
                "（所长、管理员或县公司管理员）处理。"
            )
        )
        if self.listing is not None:
            self._show_list(self.listing)
        if self.detail is not None:
            self._show_record(self.detail)

    def _resolution_text(self, row: dict) -> str:
        if not row["resolved_at"]:
            return self.tr("待处理")
        decided = (
            self.tr("采用了文件中的版本")
            if row["resolution"] == "took_incoming"
            else self.tr("保留现有")
        )
        return self.tr("{0}（{1}，{2}）").format(
            decided, row["resolved_by"], _when(row["resolved_at"])
        )

    # --- the list --------------------------------------------------------------------------------

    def load(self, *_args) -> None:
        if self.session.actor is None:
            return
        tasks.run_task(
            operations.quarantine_list,
            self.session.actor,
            include_resolved=self.show_resolved.isChecked(),
            owner=self,
            on_success=self._show_list,
            on_error=lambda err: set_error(self.error, error_text(err)),
        )

    def _show_list(self, listing: dict) -> None:
        chosen = self.selected_id()
        self.listing = listing
        rows = listing["records"]
        pending = sum(1 for r in rows if not r["resolved_at"])
        count = self.tr("待处理 {0} 条").format(pending)
        if listing["total"] > len(rows):
            count += self.tr("（共 {0} 条，先列出最早的 {1} 条）").format(
                listing["total"], len(rows)
            )
        self.count.setText(count)
        self.records.blockSignals(True)
        fill_rows(
            self.records,
            [
                [
                    r["id"],
                    f"{r['station_name']}（{r['station']}）" if r["station_name"] else r["station"],
                    record_label(r["table_label"]),
                    r["label"],
                    r["reason"],
                    _when(r["at"]),
                    self._resolution_text(r),
                ]
                for r in rows
            ],
            tooltips=True,
        )
        self.records.blockSignals(False)
        self.records.setColumnWidth(COL_REASON, min(self.records.columnWidth(COL_REASON), 360))
        again = next((i for i, r in enumerate(rows) if r["id"] == chosen), None)
        if again is None and rows:
            again = 0  # the next one to decide
        if again is not None:
            self.records.selectRow(again)
        self._selection_changed()

    def selected_row(self) -> dict | None:
        chosen = self.records.selectionModel().selectedRows()
        rows = (self.listing or {}).get("records", [])
        if not chosen or chosen[0].row() >= len(rows):
            return None
        return rows[chosen[0].row()]

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row["id"] if row is not None else None

    def _selection_changed(self) -> None:
        row = self.selected_row()
        if row is None:
            self._wanted_id = None
            self._show_record(None)
            return
        if self.detail is not None and self.detail["id"] == row["id"]:
            if self.detail["resolved_at"] == row["resolved_at"]:
                return  # already shown, unchanged
        self._wanted_id = row["id"]
        tasks.run_task(
            operations.quarantine_record,
            self.session.actor,
            row["id"],
            owner=self,
            on_success=self._record_read,
            on_error=lambda err: set_error(self.error, error_text(err)),
        )

    def _record_read(self, detail: dict) -> None:
        if detail["id"] == self._wanted_id:  # not an answer to an earlier click
            self._show_record(detail)

    # --- one record ------------------------------------------------------------------------------

    def _show_record(self, detail: dict | None) -> None:
        self.detail = detail
        self.diff.setRowCount(0)
        if detail is None:
            self.summary.setText(self.tr("在上面的列表中选中一条记录，这里会并排显示两个版本。"))
            self._show_decision(None)
            return
        lines = [
            self.tr("第 {0} 号隔离记录：{1} {2}，来自 {3}（{4}），文件中的版本号 {5}。").format(
                detail["id"],
                record_label(detail["table_label"]),
                detail["label"] or "—",
                detail["station_name"] or detail["station"],
                detail["station"],
                detail["revision"],
            ),
            self.tr("隔离原因：{0}").format(detail["reason"]),
        ]
        if not detail["has_existing"]:
            lines.append(self.tr("本库中没有这条记录：采用文件中的版本会新增它。"))
        elif detail["differing"]:
            lines.append(
                self.tr("有 {0} 处不同（已标出）：{1}").format(
                    len(detail["differing"]),
                    "、".join(record_label(f) for f in detail["differing"]),
                )
            )
        else:
            lines.append(self.tr("两个版本的内容相同。"))
        if detail["masked"]:
            lines.append(self.tr("客户的个人信息已按保密规定隐去；不同之处仍会标出。"))
        if detail["resolved_at"]:
            lines.append(self.tr("已处理：{0}。").format(self._resolution_text(detail)))
        self.summary.setText("\n".join(lines))
        bold = QFont(self.diff.font())
        bold.setBold(True)
        self.diff.setRowCount(len(detail["fields"]))
        for r, f in enumerate(detail["fields"]):
            cells = [
                ("● " if f["differs"] else "") + record_label(f["label"]),
                self._value_text(f, f["existing"]),
                self._value_text(f, f["incoming"]),
            ]
            if not detail["has_existing"]:
                cells[DIFF_EXISTING] = ""
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(DIFFERS_ROLE, f["differs"])
                item.setToolTip(text)
                if f["differs"]:
                    item.setBackground(QBrush(DIFF_BACKGROUND))
                    item.setFont(bold)
                self.diff.setItem(r, c, item)
        self.diff.resizeRowsToContents()
        self._show_decision(detail)

    def _value_text(self, field: dict, text: str) -> str:
        if field["kind"] == "hidden":
            return self.tr("（已隐去）")
        if field["kind"] == "vocab":
            return label(text)
        return text

    def _show_decision(self, detail: dict | None) -> None:
        may = bool(detail and detail["may_resolve"])
        self.decide_bar.setVisible(detail is None or may or bool(self.error.text()))
        self.read_only.setVisible(detail is not None and not may)
        pending = bool(detail) and not detail["resolved_at"]
        self.keep_button.setVisible(detail is None or may)
        self.take_button.setVisible(detail is None or may)
        self.keep_button.setEnabled(may and pending)
        self.take_button.setEnabled(may and pending and detail["may_take_incoming"])
        self.take_button.setToolTip(
            ""
            if detail is None or detail["may_take_incoming"]
            else self.tr("审计记录不能替换：县公司保留已存的版本。")
        )

    # --- deciding --------------------------------------------------------------------------------

    def keep_existing(self) -> None:
        self._decide(take_incoming=False)

    def take_incoming(self) -> None:
        self._decide(take_incoming=True)

    def _decide(self, *, take_incoming: bool) -> None:
        d = self.detail
        if d is None:
            return
        what = f"{record_label(d['table_label'])} {d['label']}".strip()
        if take_incoming:
            title = self.tr("采用文件中的版本")
            question = self.tr(
                "用{0}（{1}）文件中的版本替换本库中的{2}？\n本库中的版本会被覆盖（审计记录里"
                "留有原样），此决定不能撤销。"
            ).format(d["station_name"] or d["station"], d["station"], what)
        else:
            title = self.tr("保留现有")
            question = self.tr(
                "保留本库中的{0}，不采用{1}（{2}）文件中的版本？\n此决定不能撤销；"
                "供电所那边的版本不会被改动。"
            ).format(what, d["station_name"] or d["station"], d["station"])
        if not confirm(self, title, question):
            return
        set_error(self.error, "")
        self.status.setText("")
        self.keep_button.setEnabled(False)
        self.take_button.setEnabled(False)
        tasks.run_task(
            operations.resolve_quarantine,
            self.session.actor,
            d["id"],
            take_incoming=take_incoming,
            owner=self,
            on_success=self._resolved,
            on_error=self._refused,
        )

    def _resolved(self, done: dict) -> None:
        self.status.setText(
            self.tr("第 {0} 号隔离记录已处理：采用了文件中的版本。").format(done["id"])
            if done["resolution"] == "took_incoming"
            else self.tr("第 {0} 号隔离记录已处理：保留现有版本。").format(done["id"])
        )
        self.sig_resolved.emit()
        self.load()

    def _refused(self, error: BaseException) -> None:
        set_error(self.error, error_text(error))
        self.decide_bar.setVisible(True)
        self.load()  # what changed meanwhile (someone else decided it) shows in the list
