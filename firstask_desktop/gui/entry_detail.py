"""One entry: its fields, everything that happened (from the audit log), and the next steps the
status machine allows — each a small dialog — plus the receipt and one-time notice to print."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from firstask_desktop.domain import status_machine

from ..services.queries import DUE_STATE_LABELS
from . import operations, tasks
from .attachments_panel import AttachmentsPanel
from .flow_layout import FlowLayout, flow_widget
from .labels import label
from .messages import confirm, core_text, error_text
from .style import styled
from .widgets import Retranslating, set_error

# The order of the step buttons; which are offered, and why one is disabled, is the core's
# (details["steps"]: services/step_rules.available_steps, the check the services refuse by).
STEP_ORDER = (
    "start",
    "contact",
    "transfer",
    "supervise",
    "finish_transfer",
    "withdraw_transfer",
    "reply",
    "unresolved",
    "follow_up",
    "close",
    "decide",
    "reassign",
    "edit",
    "void",
)
DUE_STYLE = {
    "overdue": "color:#a00000;font-weight:bold",
    "due_today": "color:#7a5200",
    "on_time": "color:#1e6b2f",
    "done": "",
}


def _t(iso: str | None) -> str:
    return iso.replace("T", " ") if iso else ""


class EntryDetail(Retranslating, QDialog):
    sig_closed = Signal()
    sig_open_entry = Signal(str)  # a linked entry (the duplicate's original, or its copies)

    def __init__(self, session, serial: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.serial = serial
        self.details: dict | None = None
        self.current_dialog: QDialog | None = None
        self.preview = None
        self._pending_action = ""
        self._printable: list[str] = []
        self.setWindowTitle(serial)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.heading = QLabel()
        self.heading.setObjectName("detailHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.fields = QTextBrowser()
        self.fields.setOpenLinks(False)
        self.fields.anchorClicked.connect(self._link_clicked)
        self.timeline = QTreeWidget()
        self.timeline.setRootIsDecorated(False)
        self.timeline.setColumnCount(3)
        self.error = QLabel()
        set_error(self.error, "")
        # The step buttons (up to a dozen) and the print buttons wrap onto more lines rather
        # than widen the window past the screen.
        steps_holder, self.steps_bar = flow_widget()
        print_holder, self.print_bar = flow_widget()
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        self.timeline_label = QLabel()
        right_box.addWidget(self.timeline_label)
        right_box.addWidget(self.timeline, 1)
        self.attachments = AttachmentsPanel(session, serial)  # 附件: thumbnails, add, view
        right_box.addWidget(self.attachments, 1)
        splitter = QSplitter()
        splitter.addWidget(self.fields)
        splitter.addWidget(right)
        splitter.setSizes([560, 380])
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(print_holder, 1)
        bottom.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addWidget(steps_holder)
        layout.addLayout(bottom)
        self.resize(1000, 620)
        self.retranslate()
        self.reload()
        tasks.run_task(operations.printable_kinds, on_success=self._set_printable, owner=self)

    def retranslate(self) -> None:
        self.timeline.setHeaderLabels([self.tr("时间"), self.tr("人员"), self.tr("经过")])
        self._timeline_caption()
        self.close_button.setText(self.tr("关闭"))
        if self.details is not None:
            self.show_details(self.details)

    def _timeline_caption(self) -> None:
        at_county = self.details is not None and self.details.get("station_timeline") is not None
        self.timeline_label.setText(
            self.tr("办理经过（供电所的审计记录）")
            if at_county
            else self.tr("办理经过（审计记录）")
        )

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        tasks.run_task(
            operations.entry_details,
            self.serial,
            self.session.actor,
            on_success=self.show_details,
            on_error=lambda err: set_error(self.error, error_text(err)),
            owner=self,
        )

    def run_when_loaded(self, action: str) -> None:
        if self.details is None:
            self._pending_action = action
        elif action in self.allowed_steps() and self.step_refusal(action) is None:
            self.start_step(action)
        elif action in self.allowed_steps():
            set_error(self.error, self.step_refusal(action))

    def allowed_steps(self) -> list[str]:
        """The steps of this stage of the entry, offered as buttons (some disabled: see
        ``step_refusal``)."""
        if self.details is None or self.details.get("read_only"):
            return []  # the county reads a station's record; the station works it
        steps = self.details.get("steps", {})
        return [step for step in STEP_ORDER if step in steps]

    def step_refusal(self, step: str) -> str | None:
        """Why this person may not take ``step`` now (None: they may), as the core says."""
        refused = (self.details or {}).get("steps", {}).get(step)
        return None if refused is None else core_text(refused)

    def show_details(self, details: dict) -> None:
        self.details = details
        set_error(self.error, "")
        self._timeline_caption()
        d = details
        due_state = d["due_state"]
        self.heading.setText(
            f"<h2>{html.escape(d['serial'])}　{html.escape(label(d['category_label']))}　"
            f"<span>{html.escape(label(d['status_label']))}</span>　"
            f"<span style='{DUE_STYLE[due_state]}'>{html.escape(label(DUE_STATE_LABELS[due_state]))}"
            f"</span></h2>"
        )
        self.fields.setHtml(self._fields_html(d))
        self.timeline.clear()
        # At the county: what the station itself recorded, not the county's imports of it.
        for event in d.get("station_timeline") or d["timeline"]:
            self.timeline.addTopLevelItem(
                QTreeWidgetItem([_t(event["at"]), event["actor"], label(event["label"])])
            )
        self.timeline.resizeColumnToContents(0)
        self._make_step_buttons()
        self._make_print_buttons()
        if self._pending_action:
            action, self._pending_action = self._pending_action, ""
            self.run_when_loaded(action)

    def _fields_html(self, d: dict) -> str:
        estimated = set(d.get("estimated", ()))
        mark = self.tr("（按工作日估算：该年节假日尚未由县公司确认）")

        def due(field: str) -> str:
            value = _t(d[field])
            return value + mark if value and field in estimated else value

        station = d.get("station_name")
        rows = [
            (
                self.tr("供电所"),
                self.tr("{0}（电话 {1}）").format(station, d["station_phone"])
                if station and d.get("station_phone")
                else station or "",
            ),
            (self.tr("受理时间"), _t(d["received_at"])),
            (self.tr("渠道"), label(d["channel_label"])),
            (self.tr("来访人姓名"), d["visitor"]),
            (self.tr("单位"), d["unit"]),
            (self.tr("地址"), d["address"]),
            (
                self.tr("联系方式"),
                self.tr("{0}（号码未经核实）").format(d["phone"])
                if d["phone_unverified"]
                else d["phone"],
            ),
            (self.tr("户号"), d["account_no"]),
            (self.tr("事由"), d["matter"]),
            (self.tr("首问责任人"), d["responder"]),
            (self.tr("承诺时限"), due("due_at")),
            (self.tr("首次联系时限"), due("contact_due_at")),
            (self.tr("到达现场时限"), due("arrive_due_at")),
            (self.tr("恢复供电时限"), due("restore_due_at")),
            (self.tr("95598工单号"), d["wo_number"]),
            (self.tr("工单时限"), _t(d["wo_due_at"])),
            (self.tr("办理结果"), d["result"]),
            (self.tr("未办结原因"), d["unresolved_reason"]),
            (self.tr("接待情况"), d["reception_notes"]),
            (self.tr("一次性告知"), "、".join(d["missing_documents"])),
            (self.tr("回访时限"), due("follow_up_due_at")),
            (self.tr("作废原因"), d.get("void_reason", "")),
        ]
        out = [self._links_html(d), "<table cellspacing='0' cellpadding='3'>"]
        for caption, value in rows:
            if value:
                text = html.escape(value).replace("\n", "<br>")
                out.append(f"<tr><td style='color:#555'>{caption}</td><td>{text}</td></tr>")
        out.append("</table>")
        if d["transfers"]:
            out.append(f"<h4>{self.tr('转办')}</h4><ul>")
            for t in d["transfers"]:
                out.append("<li>" + self._transfer_html(t))
                if t["note"]:
                    out.append("<br>" + html.escape(t["note"]).replace("\n", "<br>"))
                out.append("</li>")
            out.append("</ul>")
        if d["supervisions"]:
            out.append(f"<h4>{self.tr('督办')}</h4><ul>")
            out += [
                f"<li>{html.escape(_t(s['at']))} {html.escape(s['by'])}："
                f"{html.escape(s['note'])}</li>"
                for s in d["supervisions"]
            ]
            out.append("</ul>")
        if d["escalations"]:
            out.append(f"<h4>{self.tr('上报')}</h4><ul>")
            out += [
                f"<li>{html.escape(_t(e['at']))} {html.escape(e['by'])} → "
                f"{html.escape(e['to'])}：{html.escape(e['reason'])}</li>"
                for e in d["escalations"]
            ]
            out.append("</ul>")
        if d["follow_ups"]:
            out.append(f"<h4>{self.tr('回访')}</h4><ul>")
            for f in d["follow_ups"]:
                parts = [_t(f["at"]), f["by"], label(f["method_label"]), label(f["outcome_label"])]
                if f["satisfaction_label"]:
                    parts.append(label(f["satisfaction_label"]))
                if f["note"]:
                    parts.append(f["note"])
                out.append("<li>" + html.escape("　".join(parts)) + "</li>")
            out.append("</ul>")
        return "".join(out)

    def _transfer_html(self, t: dict) -> str:
        """One transfer: to whom, the department's phone to chase it, its own deadline."""
        where = html.escape(f"{_t(t['transferred_at'])} → {t['department']} {t['to_staff']}")
        phone = html.escape(
            self.tr("部门电话 {0}").format(t["department_phone"])
            if t["department_phone"]
            else self.tr("部门电话未登记（请在“设置 → 部门”中补上）")
        )
        due = html.escape(self.tr("转办时限 {0}").format(_t(t["due_at"]) or "—"))
        if t.get("withdrawn_at"):
            state = html.escape(
                self.tr("已撤回 {0}：{1}").format(_t(t["withdrawn_at"]), t["withdraw_reason"])
            )
        elif t["done_at"]:
            state = html.escape(self.tr("已办完 {0}").format(_t(t["done_at"])))
        elif t["due_at"] and datetime.fromisoformat(t["due_at"]) < datetime.now():
            late = html.escape(self.tr("已超过转办时限"))
            state = f"<b style='{DUE_STYLE['overdue']}'>{late}</b>"
        else:
            state = html.escape(self.tr("办理中"))
        return f"{where}<br>{phone}　<b>{due}</b>　{state}"

    def _links_html(self, d: dict) -> str:
        """A duplicate points to the entry kept; the kept one lists its duplicates."""
        parts = []
        original = d.get("duplicate_of")
        if original:
            link = f"<a href='entry:{html.escape(original)}'>{html.escape(original)}</a>"
            parts.append(self.tr("重复登记，见 {0}").format(link))
        copies = d.get("duplicates") or []
        if copies:
            links = "、".join(
                f"<a href='entry:{html.escape(c)}'>{html.escape(c)}</a>" for c in copies
            )
            parts.append(self.tr("重复的登记：{0}").format(links))
        if not parts:
            return ""
        return "<p style='background:#fff3cd;padding:4px'><b>" + "<br>".join(parts) + "</b></p>"

    def _link_clicked(self, url) -> None:
        target = url.toString()
        if target.startswith("entry:"):
            self.sig_open_entry.emit(target.removeprefix("entry:"))

    # --- steps -----------------------------------------------------------------------------------

    def _clear(self, bar: FlowLayout) -> None:
        while bar.count():
            widget = bar.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()

    def _make_step_buttons(self) -> None:
        self._clear(self.steps_bar)
        self.step_buttons: dict[str, QPushButton] = {}
        if self.details is not None and self.details.get("read_only"):
            note = QLabel(self.tr("县公司只查看：这条登记由供电所在本所办理。"))
            note.setObjectName("readOnlyNote")
            self.steps_bar.addWidget(note)
            return
        for step in self.allowed_steps():
            button = QPushButton(label(status_machine.ACTION_LABELS[step]))
            if step in ("reply", "follow_up", "transfer"):
                styled(button, "primaryButton")
            button.clicked.connect(lambda _c=False, s=step: self.start_step(s))
            self.steps_bar.addWidget(button)
            self.step_buttons[step] = button
        if "void" in self.step_buttons:
            # A copy of a matter another clerk registered too: void it, linked to the one kept.
            button = QPushButton(self.tr("标记为重复登记…"))
            button.clicked.connect(lambda _c=False: self.start_step("duplicate"))
            self.steps_bar.addWidget(button)
            self.step_buttons["duplicate"] = button
        for step, button in self.step_buttons.items():
            refused = self.step_refusal(step)
            button.setEnabled(refused is None)
            button.setToolTip(refused or "")

    def start_step(self, step: str) -> None:
        details = self.details
        if step == "start":
            self._run_step("start")
            return
        if step == "close":
            if confirm(
                self,
                self.tr("办结"),
                self.tr("{0} 已回访，确定办结吗？办结后不能再办理。").format(self.serial),
            ):
                self._run_step("close")
            return
        if step == "transfer":
            from .transfer_dialog import TransferDialog

            dialog = TransferDialog(self.session, details, self)
        elif step == "edit":
            from .edit_dialog import EditDialog

            dialog = EditDialog(self.session, details, self)
        elif step == "follow_up":
            from .follow_up_dialog import FollowUpDialog

            dialog = FollowUpDialog(self.session, details, self)
        elif step == "duplicate":
            from .duplicate_dialog import DuplicateDialog

            dialog = DuplicateDialog(self.session, details, self)
        elif step in ("reassign", "decide", "void"):
            from . import accountability_dialogs as dialogs

            kind = {
                "reassign": dialogs.ReassignDialog,
                "decide": dialogs.DecideDialog,
                "void": dialogs.VoidDialog,
            }[step]
            dialog = kind(self.session, details, self)
        else:
            from .note_dialog import NoteDialog

            dialog = NoteDialog(self.session, details, step, self)
        dialog.sig_done.connect(self._step_done)
        self.current_dialog = dialog
        dialog.open()

    def _run_step(self, step: str) -> None:
        set_error(self.error, "")
        tasks.run_task(
            operations.entry_step,
            self.session.actor,
            step,
            self.serial,
            on_success=self._step_done,
            on_error=lambda err: set_error(self.error, error_text(err)),
            owner=self,
        )

    def _step_done(self, details: dict) -> None:
        self.show_details(details)
        self.session.data_changed.emit()

    # --- printing ---------------------------------------------------------------------------------

    def _set_printable(self, kinds: list[str]) -> None:
        self._printable = kinds
        if self.details is not None:
            self._make_print_buttons()

    def _make_print_buttons(self) -> None:
        self._clear(self.print_bar)
        self.print_buttons: dict[str, QPushButton] = {}
        if not (self.details and self.details.get("may_print")):
            return
        offer = [("receipt", self.tr("打印回执"))]
        if self.details and self.details["missing_documents"]:
            offer.append(("notice", self.tr("打印一次性告知单")))
        if self.details and self.details["transfers"]:
            offer.append(("supervision", self.tr("打印督办单")))
        for kind, text in offer:
            if kind in self._printable:
                button = QPushButton(text)
                button.clicked.connect(lambda _c=False, k=kind: self.print_document(k))
                self.print_bar.addWidget(button)
                self.print_buttons[kind] = button

    def print_document(self, kind: str) -> None:
        set_error(self.error, "")
        for button in self.print_buttons.values():
            button.setEnabled(False)
        tasks.run_task(
            operations.build_document,
            kind,
            self.serial,
            owner=self,
            on_success=lambda data: self._show_pdf(kind, data),
            on_error=self._print_failed,
        )

    def _print_failed(self, error: BaseException) -> None:
        for button in self.print_buttons.values():
            button.setEnabled(True)
        set_error(self.error, error_text(error))

    def _show_pdf(self, kind: str, data: bytes) -> None:
        from .pdf_preview import PdfPreview

        for button in self.print_buttons.values():
            button.setEnabled(True)
        titles = {
            "receipt": self.tr("受理回执"),
            "notice": self.tr("一次性告知单"),
            "supervision": self.tr("督办单"),
        }
        self.preview = PdfPreview(
            data,
            f"{titles[kind]} {self.serial}",
            f"{titles[kind]}-{self.serial}.pdf",
            self,
            copies=1 if kind == "supervision" else self.session.prefs.receipt_copies,
        )
        self.preview.show()

    def closeEvent(self, event) -> None:
        self.sig_closed.emit()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.sig_closed.emit()
        super().done(result)
