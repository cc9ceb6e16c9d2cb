"""新登记: the entry form, a Qt Designer form (ui/entry_form.ui) mirroring the paper register.

Keyboard first: the tab order is the paper's column order, Ctrl+S saves, Esc cancels (asking
when something was typed). Everything the clerk typed stays on screen when the core refuses;
the refusal is shown beside the field it names (``ValidationError.field``).
"""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QDateTime, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidgetItem,
    QStyle,
    QWidget,
)

from firstask_desktop.domain.deadlines import describe_rule, pick_rule
from firstask_desktop.domain.errors import FieldErrors, TierResponderError, ValidationError
from firstask_desktop.domain.validation import UnverifiedPhoneError
from firstask_desktop.domain.vocab import CATEGORIES, CHANNELS
from firstask_desktop.services.documents import BUSINESS_DOCUMENTS

from . import operations, tasks
from .flow_layout import FlowLayout
from .forms.ui_entry_form import Ui_EntryForm
from .labels import choices
from .messages import confirm, error_text, keep_unverified_phone, responder_reason
from .problem_text import problem_text
from .screen_fit import scroll_body
from .style import styled
from .widgets import mark_field, set_error

LOOKUP_DELAY_MS = 600
# The field a core ValidationError names → (the widget's name, its error label's name).
FIELDS = {
    "channel": ("channel", "channelError"),
    "category": ("category", "categoryError"),
    "received_at": ("receivedAt", "receivedAtError"),
    "wo_number": ("woNumber", "woNumberError"),
    "visitor": ("visitor", "visitorError"),
    "unit": ("unit", "unitError"),
    "address": ("address", "addressError"),
    "phone": ("phone", "phoneError"),
    "account_no": ("accountNo", "accountNoError"),
    "matter": ("matter", "matterError"),
    "responder": ("responder", "responderError"),
    "result": ("result", "resultError"),
    "reception_notes": ("receptionNotes", "receptionNotesError"),
    "missing_documents": ("docsExtra", "missingDocumentsError"),
}
# Always required; the phone is required too unless the matter is answered on the spot, and
# the 95598 work-order number when the matter came from 95598.
REQUIRED = ("channel", "category", "visitor", "matter")
REQUIRED_MARK = " *"
DOC_SEPARATORS = re.compile(r"[、，,；;\n]+")


def _wrap_work_order_row(ui: Ui_EntryForm) -> None:
    """The 95598 number and its 工单时限 side by side where there is room, one under the other
    where there is not: in one fixed row they made the left column so wide (English, 大, 150 %)
    that 事由 was left three characters."""
    old = ui.woFields.layout()
    for widget in (ui.woNumber, ui.woDueAtLabel, ui.woDueAt):
        old.removeWidget(widget)
    QWidget().setLayout(old)  # the old row goes with a throw-away owner
    due = QWidget(ui.woFields)
    row = QHBoxLayout(due)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(ui.woDueAtLabel)
    row.addWidget(ui.woDueAt)
    flow = FlowLayout(ui.woFields, spacing=6)
    flow.addWidget(ui.woNumber)
    flow.addWidget(due)
    QWidget.setTabOrder(ui.woNumber, ui.woDueAt)
    QWidget.setTabOrder(ui.woDueAt, ui.visitor)


def to_qt(value: datetime) -> QDateTime:
    return QDateTime(value.year, value.month, value.day, value.hour, value.minute, 0)


def from_qt(value: QDateTime) -> datetime:
    date, time = value.date(), value.time()
    return datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())


class EntryForm(QDialog):
    sig_entry_saved = Signal(dict)  # queries.entry_to_dict of the new entry

    def __init__(self, session, parent=None, now: datetime | None = None):
        super().__init__(parent)
        self.session = session
        self.ui = Ui_EntryForm()
        self.ui.setupUi(self)
        # The fields scroll inside; the form's error and 保存/取消 stay in view (150 % scaling).
        self.body = scroll_body(self, self.ui.mainLayout, keep=2)
        _wrap_work_order_row(self.ui)
        styled(self.ui.deadlineLabel, "deadlineLabel")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.book = None
        self.found: dict | None = None
        self._responder_touched = False
        self._saving = False
        self._discarding = False
        ui = self.ui
        ui.channel.set_choices(choices(CHANNELS))
        ui.category.set_choices(choices(CATEGORIES))
        ui.channel.set_value("visit")
        received = (now or datetime.now()).replace(second=0, microsecond=0)
        ui.receivedAt.setDateTime(to_qt(received))
        ui.receivedAt.setMaximumDateTime(to_qt(received.replace(hour=23, minute=59)))
        # The 95598 deadline is optional: its minimum shows as "not given".
        ui.woDueAt.setMinimumDateTime(to_qt(datetime(2000, 1, 1)))
        ui.woDueAt.setSpecialValueText(self.tr("（未填）"))
        ui.woDueAt.setDateTime(ui.woDueAt.minimumDateTime())
        self._fill_business_types()
        ui.responder.addItem(session.actor_name, session.actor_name)

        save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("保存 (Ctrl+S)"))
        save.setToolTip(self.tr("保存登记。Ctrl+P：保存并打印回执。"))
        # The customer at the counter waits for the receipt: one key saves and opens the print
        # dialog (whether or not the receipt is offered after every save).
        self.print_button = ui.buttonBox.addButton(
            self.tr("保存并打印回执 (Ctrl+P)"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.setToolTip(self.tr("保存登记，随即打开回执的打印对话框。"))
        self.print_button.clicked.connect(self.save_and_print)
        self.print_receipt = False  # asked with this save: the main window prints the receipt
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消 (Esc)"))
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.save_and_print)

        ui.channel.sig_changed.connect(self._channel_changed)
        ui.channel.sig_changed.connect(self.update_deadline)  # 来访/来电 need no contact clock
        ui.category.sig_changed.connect(self.update_deadline)
        ui.receivedAt.dateTimeChanged.connect(self.update_deadline)
        ui.result.textChanged.connect(self.update_deadline)
        ui.result.textChanged.connect(self.mark_required)
        ui.responder.activated.connect(self._responder_chosen)
        ui.businessType.currentIndexChanged.connect(self._business_type_changed)
        ui.fillButton.clicked.connect(self.fill_customer)
        self._lookup_timer = QTimer(self, singleShot=True, interval=LOOKUP_DELAY_MS)
        self._lookup_timer.timeout.connect(self.lookup_customer)
        ui.phone.textEdited.connect(lambda _t: self._lookup_timer.start())
        ui.accountNo.textEdited.connect(lambda _t: self._lookup_timer.start())
        ui.phone.editingFinished.connect(self.lookup_customer)
        ui.accountNo.editingFinished.connect(self.lookup_customer)

        self._channel_changed(ui.channel.value())
        self.mark_required()
        self.update_deadline()
        tasks.run_task(operations.deadline_book, on_success=self._book_loaded, owner=self)
        tasks.run_task(operations.staff_names, on_success=self._staff_loaded, owner=self)
        self._initial = self.values()
        ui.channel.setFocus()
        self._widened = False

    # --- filling in ---------------------------------------------------------------------------

    def _fill_business_types(self) -> None:
        self.ui.businessType.addItem(self.tr("（选择业务类型，勾选缺少的材料）"), "")
        for name in BUSINESS_DOCUMENTS:
            self.ui.businessType.addItem(name, name)

    def _business_type_changed(self, _index: int) -> None:
        checked = set(self.checked_documents())
        self.ui.docsList.clear()
        for document in BUSINESS_DOCUMENTS.get(self.ui.businessType.currentData() or "", ()):
            item = QListWidgetItem(document)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if document in checked else Qt.CheckState.Unchecked
            )
            self.ui.docsList.addItem(item)

    def checked_documents(self) -> list[str]:
        docs = self.ui.docsList
        return [
            docs.item(i).text()
            for i in range(docs.count())
            if docs.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _staff_loaded(self, names: list[str]) -> None:
        combo = self.ui.responder
        current = combo.currentData()
        combo.clear()
        for name in names:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def _responder_chosen(self, _index: int) -> None:
        self._responder_touched = True
        self.ui.responderHint.setVisible(False)

    def _channel_changed(self, code: str) -> None:
        is_95598 = code == "hotline_95598"
        self.ui.woNumberLabel.setVisible(is_95598)
        self.ui.woFields.setVisible(is_95598)
        if not is_95598:
            self._show_error("wo_number", "")
        self.mark_required()
        if self.isVisible():
            QTimer.singleShot(0, self._widen)  # the 95598 row asks for more room

    def required_fields(self) -> list[str]:
        """The fields that must be filled in now (the core's rules, shown before saving)."""
        fields = list(REQUIRED)
        if not self.ui.result.toPlainText().strip():
            fields.append("phone")
        if self.ui.channel.value() == "hotline_95598":
            fields.append("wo_number")
        return fields

    def mark_required(self, *_args) -> None:
        """A "*" after each required field's caption, and "必填" told to screen readers."""
        required = self.required_fields()
        for field in ("channel", "category", "visitor", "matter", "phone", "wo_number"):
            widget_name, _error = FIELDS[field]
            caption = getattr(self.ui, widget_name + "Label")
            text = caption.text().removesuffix(REQUIRED_MARK)
            caption.setText(text + REQUIRED_MARK if field in required else text)
            name = re.sub(r"\(&.\)|&", "", text).strip("：: ")
            widget = getattr(self.ui, widget_name)
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(self.tr("必填") if field in required else "")

    def _book_loaded(self, book) -> None:
        self.book = book
        self.update_deadline()

    def update_deadline(self, *_args) -> None:
        """The promise the clerk makes, live from the core rule table."""
        category = self.ui.category.value()
        if not category:
            self.ui.deadlineLabel.setText(self.tr("承诺时限：选择类别后显示。"))
            return
        if self.book is None:
            self.ui.deadlineLabel.setText(self.tr("承诺时限：正在读取时限规则……"))
            return
        received = from_qt(self.ui.receivedAt.dateTime())
        deadlines = self.book.for_entry(category, received, self.ui.channel.value())
        parts = []
        for clock, due in deadlines.items():
            rule = pick_rule(self.book.rules, category, clock, self.book.area)
            parts.append(
                self.tr("{0}（{1} 前）").format(describe_rule(rule), due.strftime("%Y-%m-%d %H:%M"))
            )
        if not parts:
            text = self.tr("承诺时限：此类别没有时限规则（当场办结或按规定办理）。")
        else:
            text = self.tr("承诺时限：") + "；".join(parts)
        if self.ui.result.toPlainText().strip():
            text += self.tr("<br>已填写办理结果：保存后按“当场答复”登记，进入回访。")
        self.ui.deadlineLabel.setText(f"<b>{text}</b>")

    # --- the known customer ------------------------------------------------------------------

    def lookup_customer(self) -> None:
        self._lookup_timer.stop()
        phone, account = self.ui.phone.text().strip(), self.ui.accountNo.text().strip()
        if len(re.sub(r"\D", "", phone)) < 7 and len(account) < 5:
            return
        tasks.run_task(
            operations.lookup_customer,
            self.session.actor,
            phone,
            account,
            on_success=self._customer_found,
            on_error=lambda _e: None,
            owner=self,
        )

    def _customer_found(self, found: dict | None) -> None:
        self.found = found
        ui = self.ui
        if not found:
            ui.customerBox.setVisible(False)
            ui.repeatFlag.setVisible(False)
            return
        lines = []
        customer = found["customer"]
        if customer:
            known = "，".join(x for x in (customer["unit"], customer["address"]) if x)
            lines.append(
                self.tr("老客户：<b>{0}</b>{1}").format(
                    customer["name"], f"，{known}" if known else ""
                )
            )
            if customer["tier"] in ("gold", "silver", "bronze") and customer["manager"]:
                lines.append(
                    self.tr("<b>{0}客户</b>：客户经理 {1} 是首问责任人。").format(
                        customer["tier_label"], customer["manager"]
                    )
                )
        history = found["history"]
        if history["entries"]:
            lines.append(self.tr("以前登记过 {0} 次。").format(history["entries"]))
        complaints = history["recent_complaints"]
        # Three or more complaints in 90 days is a repeat complaint (重复投诉): a banner of its
        # own, not one line among the others.
        repeat = bool(history.get("repeat"))
        ui.repeatFlag.setText(
            self.tr(
                "⚠ 该客户90天内已投诉{0}次（重复投诉）：请所长关注，办理情况及时告知所长。"
            ).format(complaints)
            if repeat
            else ""
        )
        ui.repeatFlag.setVisible(repeat)
        if complaints and not repeat:
            lines.append(
                self.tr(
                    '<b style="color:#b00020">⚠ 近90天投诉过 {0} 次：请耐心接待，'
                    "办理情况及时告知所长。</b>"
                ).format(complaints)
            )
        ui.customerHint.setText("<br>".join(lines))
        ui.fillButton.setVisible(customer is not None)
        ui.customerBox.setVisible(True)
        if not self._responder_touched and found["responder"]:
            combo = ui.responder
            if combo.findData(found["responder"]) < 0:
                combo.addItem(found["responder"], found["responder"])
            combo.setCurrentIndex(combo.findData(found["responder"]))
            manager_rules = found["responder"] != self.session.actor_name
            ui.responderHint.setText(self.tr("按客户等级自动选定（可改）") if manager_rules else "")
            ui.responderHint.setVisible(manager_rules)

    def fill_customer(self) -> None:
        customer = (self.found or {}).get("customer")
        if not customer:
            return
        self.ui.visitor.setText(customer["name"])
        self.ui.unit.setText(customer["unit"])
        self.ui.address.setText(customer["address"])
        if not self.ui.accountNo.text().strip():
            self.ui.accountNo.setText(customer["account_no"])
        self.ui.matter.setFocus()

    # --- saving ----------------------------------------------------------------------------------

    def missing_documents(self) -> list[str]:
        typed = [d.strip() for d in DOC_SEPARATORS.split(self.ui.docsExtra.text()) if d.strip()]
        return self.checked_documents() + typed

    def values(self) -> dict:
        """What the clerk entered, as register_entry's keyword arguments."""
        ui = self.ui
        is_95598 = ui.channel.value() == "hotline_95598"
        wo_due = ui.woDueAt.dateTime()
        return {
            "channel": ui.channel.value(),
            "category": ui.category.value(),
            "received_at": from_qt(ui.receivedAt.dateTime()),
            "visitor": ui.visitor.text(),
            "unit": ui.unit.text(),
            "address": ui.address.text(),
            "phone": ui.phone.text(),
            "account_no": ui.accountNo.text(),
            "matter": ui.matter.toPlainText(),
            # Untouched: let the core choose (a gold customer's manager, else the clerk).
            "responder": (ui.responder.currentData() or "") if self._responder_touched else "",
            "result": ui.result.toPlainText(),
            "reception_notes": ui.receptionNotes.toPlainText(),
            "missing_documents": self.missing_documents(),
            "wo_number": ui.woNumber.text() if is_95598 else "",
            "wo_due_at": from_qt(wo_due)
            if is_95598 and wo_due != ui.woDueAt.minimumDateTime()
            else None,
        }

    def is_dirty(self) -> bool:
        return self.values() != self._initial

    def _show_error(self, field: str, message: str) -> None:
        widget_name, label_name = FIELDS[field]
        set_error(getattr(self.ui, label_name), message)
        widget = getattr(self.ui, widget_name)
        if widget_name not in ("channel", "category"):
            mark_field(widget, bool(message))

    def clear_errors(self) -> None:
        for field in FIELDS:
            self._show_error(field, "")
        set_error(self.ui.formError, "")

    def save(self) -> None:
        self.print_receipt = False
        self._submit(phone_unverified=False)

    def save_and_print(self) -> None:
        self.print_receipt = True
        self._submit(phone_unverified=False)

    def _submit(self, phone_unverified: bool, responder_reason: str = "") -> None:
        if self._saving:
            return
        self._saving = True
        self._phone_kept = phone_unverified  # asked once: a retry for another reason keeps it
        self.clear_errors()
        self.ui.buttonBox.setEnabled(False)
        tasks.run_task(
            operations.register_entry,
            self.session.actor,
            **self.values(),
            phone_unverified=phone_unverified,
            responder_reason=responder_reason,
            on_success=self._saved,
            on_error=self._refused,
            owner=self,
        )

    def _saved(self, entry: dict) -> None:
        self._saving = False
        self._initial = self.values()
        self.sig_entry_saved.emit(entry)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._saving = False
        self.ui.buttonBox.setEnabled(True)
        if isinstance(error, UnverifiedPhoneError) and keep_unverified_phone(self, error):
            self._submit(phone_unverified=True)
            return
        if isinstance(error, TierResponderError):
            reason = responder_reason(self, error)
            if reason:
                self._submit(phone_unverified=self._phone_kept, responder_reason=reason)
                return
        if isinstance(error, FieldErrors):
            problems = list(error.problems.values())
        elif isinstance(error, ValidationError):
            problems = [error]
        else:
            set_error(self.ui.formError, error_text(error))
            return
        # Every problem beside its own field at once; the cursor goes to the first.
        elsewhere = []
        first = None
        for problem in problems:
            if problem.field not in FIELDS:
                elsewhere.append(problem)
                continue
            self._show_error(problem.field, problem_text(problem))
            widget = getattr(self.ui, FIELDS[problem.field][0])
            if not widget.isVisible():
                elsewhere.append(problem)
            first = first or widget
        if elsewhere:
            set_error(self.ui.formError, "\n".join(error_text(p) for p in elsewhere))
        if first is not None:
            first.setFocus()

    # --- leaving -------------------------------------------------------------------------------

    def reject(self) -> None:
        if (
            not self._discarding
            and self.is_dirty()
            and not confirm(
                self,
                self.tr("放弃这条登记？"),
                self.tr(
                    "已填写的内容还没有保存。确定放弃吗？\n"
                    "（选“否”回到表单继续填写，按 Ctrl+S 保存。）"
                ),
            )
        ):
            return
        super().reject()

    def discard(self) -> None:
        """Close without asking (another clerk took over at the lock screen)."""
        self._discarding = True
        self.reject()

    def closeEvent(self, event) -> None:
        if (
            not self._discarding
            and self.isVisible()  # a hidden form has nothing left to lose
            and self.result() != QDialog.DialogCode.Accepted
            and self.is_dirty()
            and not confirm(
                self, self.tr("放弃这条登记？"), self.tr("已填写的内容还没有保存。确定放弃吗？")
            )
        ):
            event.ignore()
            return
        self._discarding = True
        super().closeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._widened:
            self._widened = True
            QTimer.singleShot(0, self._widen)  # once shown: a resize during the show is lost

    def _widen(self) -> None:
        """As wide as the fields ask (English, 大) where the screen has room, once their fonts
        are known; the screen fit trims what it has not."""
        margins = self.layout().contentsMargins()
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        body = self.body.widget().sizeHint().width() + scroll_bar
        wanted = body + margins.left() + margins.right()
        if wanted > self.width():
            self.resize(wanted, self.height())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.mark_required()
        super().changeEvent(event)
