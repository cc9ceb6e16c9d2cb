"""考核: breaches the checks proposed from the register, for the station head to confirm or
dismiss (with a reason); the month's confirmed and dismissed ones, and a line per responder
with the printable 月度考核表. Everyone else sees only their own, read-only (seed §十, §十二)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from firstask_desktop.services.assessment import yuan

from . import operations, tasks
from .document_preview import preview_document
from .messages import confirm, error_text
from .station_filter import StationFilter
from .stats_view import pct
from .style import styled
from .widgets import Retranslating, fill_rows, row_table, set_error

TAB_PROPOSED, TAB_CONFIRMED, TAB_DISMISSED, TAB_PEOPLE = range(4)


def _amount(row: dict) -> str:
    return yuan(row["amount_fen"]) + (f" + {row['sanction']}" if row.get("sanction") else "")


class AssessPage(Retranslating, QWidget):
    sig_open_entry = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.overview: dict | None = None
        self.preview = None
        self.dialog = None
        self.heading = QLabel()
        styled(self.heading, "pageHeading")
        self.month = QComboBox()
        self.month.setMinimumWidth(110)
        self.month.currentIndexChanged.connect(self.load)
        self.station = StationFilter()  # the county: one station's breaches
        self.station.sig_changed.connect(self.load)
        self.scan_button = QPushButton()
        self.scan_button.setVisible(False)
        self.scan_button.clicked.connect(self.scan)
        self.print_button = QPushButton()
        self.print_button.setVisible(False)
        self.print_button.clicked.connect(self.print_sheet)
        # A breach no scan sees (文明用语, 推诿, 答复不实), and an appeal against a confirmed one.
        self.record_button = QPushButton()
        self.record_button.setVisible(False)
        self.record_button.clicked.connect(self.record_breach)
        self.appeal_button = QPushButton()
        self.appeal_button.clicked.connect(self.appeal)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.month)
        top.addWidget(self.station)
        top.addStretch(1)
        top.addWidget(self.scan_button)
        top.addWidget(self.record_button)
        top.addWidget(self.appeal_button)
        top.addWidget(self.print_button)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = QLabel()
        set_error(self.error, "")

        self.proposed = row_table(7)
        self.proposed.itemSelectionChanged.connect(self._selection_changed)
        self.confirm_button = QPushButton()
        styled(self.confirm_button, "primaryButton")
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.dismiss_button = QPushButton()
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        decide = QHBoxLayout()
        decide.addWidget(self.confirm_button)
        decide.addWidget(self.dismiss_button)
        decide.addStretch(1)
        self.decide_bar = QWidget()
        self.decide_bar.setLayout(decide)
        self.decide_bar.setVisible(False)
        proposed_tab = QWidget()
        box = QVBoxLayout(proposed_tab)
        box.addWidget(self.proposed, 1)
        box.addWidget(self.decide_bar)
        self.confirmed = row_table(8)
        self.dismissed = row_table(7)
        self.people = row_table(6)
        self.total = QLabel()
        people_tab = QWidget()
        box = QVBoxLayout(people_tab)
        box.addWidget(self.people, 1)
        box.addWidget(self.total)
        self.tabs = QTabWidget()
        for tab in (proposed_tab, self.confirmed, self.dismissed, people_tab):
            self.tabs.addTab(tab, "")
        for table in (self.proposed, self.confirmed, self.dismissed):
            table.cellDoubleClicked.connect(lambda row, _col, t=table: self._open(t, row))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self._selection_changed()
        session.actor_changed.connect(self.load)
        tasks.run_task(operations.assessment_months, on_success=self._set_months, owner=self)

    # --- words -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("考核："))
        self.scan_button.setText(self.tr("立即检查"))
        self.scan_button.setToolTip(
            self.tr("按制度检查登记簿，提出新的考核建议（每天开机后也会自动检查一次）")
        )
        self.print_button.setText(self.tr("打印月度考核表…"))
        self.record_button.setText(self.tr("人工登记违规…"))
        self.appeal_button.setText(self.tr("申诉…"))
        self.confirm_button.setText(self.tr("确认"))
        self.dismiss_button.setText(self.tr("驳回…"))
        number, serial, responder, clause, rule = (
            self.tr("编号"),
            self.tr("受理编号"),
            self.tr("首问责任人"),
            self.tr("条款"),
            self.tr("违反情形"),
        )
        amount, evidence = self.tr("金额(元)"), self.tr("依据")
        self.proposed.setHorizontalHeaderLabels(
            [number, serial, responder, clause, rule, amount, evidence]
        )
        self.confirmed.setHorizontalHeaderLabels(
            [number, serial, responder, clause, rule, amount, self.tr("确认人"), evidence]
        )
        self.dismissed.setHorizontalHeaderLabels(
            [number, serial, responder, clause, rule, self.tr("驳回人"), self.tr("驳回理由")]
        )
        self.people.setHorizontalHeaderLabels(
            [
                responder,
                self.tr("确认条数"),
                self.tr("罚款合计(元)"),
                self.tr("通报"),
                self.tr("答复及时率"),
                self.tr("满意率"),
            ]
        )
        if self.overview is not None:
            self.show_overview(self.overview)
        else:
            self._tab_titles()

    def _tab_titles(self) -> None:
        o = self.overview or {}
        counts = [o.get("proposed_total", 0)] + [
            len(o.get(key, [])) for key in ("confirmed", "dismissed")
        ]
        month = o.get("month", "")
        titles = (
            self.tr("待确认（{0}）"),
            self.tr("{1} 已确认（{0}）"),
            self.tr("{1} 已驳回（{0}）"),
        )
        for index, (title, count) in enumerate(zip(titles, counts, strict=True)):
            self.tabs.setTabText(index, title.format(count, month))
        self.tabs.setTabText(TAB_PEOPLE, self.tr("按首问责任人汇总"))

    def _note_text(self, o: dict) -> str:
        if o["may_decide"]:
            return self.tr(
                "系统按《供电服务首问责任制实施办法》从登记记录提出考核建议，不会自动处罚："
                "请逐条核实后确认或驳回（驳回须写明理由）。双击一行打开该登记。"
            )
        if o.get("at_county"):
            return self.tr(
                "这里可以查看各供电所的考核记录：员工的考核由各所所长确认或驳回，"
                "所长本人的考核和申诉由县公司考核员办理。双击一行打开该登记。"
            )
        if o["everyone"]:
            return self.tr("这里可以查看全所的考核记录；确认和驳回由所长办理。双击一行打开该登记。")
        return self.tr(
            "这里只列出您本人的考核记录（只读）。对考核建议有异议，请在所长确认前向所长说明。"
        )

    # --- loading ---------------------------------------------------------------------------------

    def _set_months(self, months: list[str]) -> None:
        self.month.blockSignals(True)
        self.month.clear()
        for month in months:
            self.month.addItem(month, month)
        self.month.blockSignals(False)
        self.load()

    def load(self, *_args) -> None:
        month = self.month.currentData()
        if not month or self.session.actor is None:
            return
        set_error(self.error, "")
        tasks.run_task(
            operations.assessment_overview,
            self.session.actor,
            month,
            station=self.station.code(),
            owner=self,
            on_success=self.show_overview,
            on_error=lambda err: set_error(self.error, error_text(err)),
        )

    def refresh(self) -> None:
        self.load()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.load()  # decisions and checks may have happened elsewhere since

    def show_overview(self, o: dict) -> None:
        self.overview = o
        note = self._note_text(o)
        if o["proposed_total"] > len(o["proposed"]):
            note += self.tr(
                "待确认共 {0} 条，这里先列出最早的 {1} 条，处理后再显示后面的。"
            ).format(o["proposed_total"], len(o["proposed"]))
        self.note.setText(note)
        self.scan_button.setVisible(o["may_scan"])
        self.record_button.setVisible(o.get("may_record", False))
        self.decide_bar.setVisible(o["may_decide"])
        self.print_button.setVisible(o["may_print"])
        fill_rows(
            self.proposed,
            [
                [
                    r["id"],
                    r["serial"],
                    r["responder"],
                    f"§{r['clause']}",
                    r["rule_label"],
                    _amount(r),
                    r["evidence"],
                ]
                for r in o["proposed"]
            ],
            tooltips=True,
        )
        fill_rows(
            self.confirmed,
            [
                [
                    r["id"],
                    r["serial"],
                    r["responder"],
                    f"§{r['clause']}",
                    r["rule_label"],
                    _amount(r),
                    r["decided_by"] or "",
                    r["evidence"],
                ]
                for r in o["confirmed"]
            ],
            tooltips=True,
        )
        fill_rows(
            self.dismissed,
            [
                [
                    r["id"],
                    r["serial"],
                    r["responder"],
                    f"§{r['clause']}",
                    r["rule_label"],
                    r["decided_by"] or "",
                    r["dismiss_reason"],
                ]
                for r in o["dismissed"]
            ],
            tooltips=True,
        )
        fill_rows(
            self.people,
            [
                [
                    p["name"],
                    p["count"],
                    yuan(p["amount_fen"]),
                    "、".join(p["sanctions"]) or "—",
                    pct(p["reply_rate"]),
                    pct(p["satisfaction_rate"]),
                ]
                for p in o["people"]
            ],
        )
        self.total.setText(
            self.tr("{0} 月确认考核 {1} 条，罚款合计 {2} 元。").format(
                o["month"], len(o["confirmed"]), yuan(o["total_fen"])
            )
        )
        self._tab_titles()
        self._selection_changed()

    # --- rows ------------------------------------------------------------------------------------

    def _rows_of(self, table: QTableWidget) -> list[dict]:
        o = self.overview or {}
        key = {id(self.proposed): "proposed", id(self.confirmed): "confirmed"}.get(
            id(table), "dismissed"
        )
        return o.get(key, [])

    def _open(self, table: QTableWidget, row: int) -> None:
        rows = self._rows_of(table)
        if 0 <= row < len(rows):
            self.sig_open_entry.emit(rows[row]["serial"])

    def selected_proposal(self) -> dict | None:
        chosen = self.proposed.selectionModel().selectedRows()
        rows = self._rows_of(self.proposed)
        if not chosen or chosen[0].row() >= len(rows):
            return None
        return rows[chosen[0].row()]

    def _selection_changed(self) -> None:
        chosen = self.selected_proposal() is not None
        self.confirm_button.setEnabled(chosen)
        self.dismiss_button.setEnabled(chosen)

    # --- the head's decisions --------------------------------------------------------------------

    def confirm_selected(self) -> None:
        v = self.selected_proposal()
        if v is None:
            return
        fine = (
            self.tr("罚款 {0} 元，并{1}").format(yuan(v["amount_fen"]), v["sanction"])
            if v.get("sanction")
            else self.tr("罚款 {0} 元").format(yuan(v["amount_fen"]))
        )
        question = self.tr(
            "确认考核 {0}：{1} §{2} {3}，{4}？\n"
            "确认后计入 {1} {5} 月的考核表（按超期的月份，不是今天的月份），不能撤销。"
        ).format(v["serial"], v["responder"], v["clause"], v["rule_label"], fine, v["month"])
        if not confirm(self, self.tr("确认考核"), question):
            return
        set_error(self.error, "")
        tasks.run_task(
            operations.confirm_violation,
            self.session.actor,
            v["id"],
            owner=self,
            on_success=lambda done: self._decided(
                self.tr("已确认考核记录 {0}（{1}，{2} 元），记在 {3} 月的考核表。").format(
                    done["id"], done["responder"], yuan(done["amount_fen"]), done["month"]
                ),
                done["month"],
            ),
            on_error=lambda err: set_error(self.error, error_text(err)),
        )

    def dismiss_selected(self) -> None:
        v = self.selected_proposal()
        if v is None:
            return
        from .dismiss_dialog import DismissDialog

        self.dialog = DismissDialog(self.session, v, self)
        self.dialog.sig_done.connect(
            lambda done: self._decided(
                self.tr("已驳回考核记录 {0}，理由已记录，列在 {1} 月的“已驳回”中。").format(
                    done["id"], done["month"]
                ),
                done["month"],
            )
        )
        self.dialog.open()

    def _decided(self, text: str, month: str = "") -> None:
        """Say where the decision is filed and show that month: a breach is filed under the
        month of its deadline, which the head would otherwise have to guess."""
        self.status.setText(text)
        if month and month != self.month.currentData():
            if self.month.findData(month) < 0:
                self.month.addItem(month, month)
            self.month.setCurrentIndex(self.month.findData(month))  # loads it
            return
        self.load()

    def scan(self) -> None:
        self.scan_button.setEnabled(False)
        self.status.setText(self.tr("正在检查登记簿……"))
        set_error(self.error, "")
        tasks.run_task(
            operations.assessment_scan,
            owner=self,
            on_success=self._scanned,
            on_error=self._scan_failed,
        )

    def _scanned(self, new: int) -> None:
        self.scan_button.setEnabled(True)
        self.status.setText(
            self.tr("检查完成：新发现 {0} 条考核建议。").format(new)
            if new
            else self.tr("检查完成：没有新的考核建议。")
        )
        self.tabs.setCurrentIndex(TAB_PROPOSED)
        self.load()

    def _scan_failed(self, error: BaseException) -> None:
        self.scan_button.setEnabled(True)
        self.status.setText("")
        set_error(self.error, error_text(error))

    def _open_dialog(self, dialog, done_text: str) -> None:
        dialog.sig_done.connect(lambda _r: self._decided(done_text))
        self.dialog = dialog
        dialog.open()

    def record_breach(self) -> None:
        from .accountability_dialogs import ManualBreachDialog

        self._open_dialog(ManualBreachDialog(self.session, self), self.tr("已登记，待确认。"))

    def appeal(self) -> None:
        from .accountability_dialogs import AppealDialog

        self._open_dialog(
            AppealDialog(self.session, self), self.tr("申诉已提交，由县公司考核员裁决。")
        )

    # --- the monthly sheet ---------------------------------------------------------------------

    def print_sheet(self) -> None:
        month = self.month.currentData()
        if month:
            preview_document(
                self,
                self.print_button,
                self.error,
                "assessment",
                month,
                title=self.tr("月度考核表 {0}").format(month),
                filename=f"月度考核表-{month}.pdf",
                station=self.station.code(),
            )
