"""Dialogs of accountability: 改派 (reassign), 所长处理上报 (the head's decision), 作废 with the
head's approval, 人工登记违规 (a breach seen, not scanned) and 申诉 (appeal).

Like every step dialog they stay open until the core accepts, showing a refusal beside the field
it names; what the core decides is the core's (accountability_ops → services)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
)

from . import operations, tasks
from .action_dialog import ActionDialog, FormDialog
from .entry_form import from_qt, to_qt
from .operations import accountability_ops as ops
from .widgets import set_error


def _text_box(placeholder: str, height: int = 90) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMaximumHeight(height)
    box.setPlaceholderText(placeholder)
    return box


def _note(text: str) -> QLabel:
    note = QLabel(text)
    note.setWordWrap(True)
    return note


def _moment(default) -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setDateTime(to_qt(default))
    return edit


class ReassignDialog(ActionDialog):
    def __init__(self, session, details: dict, parent=None):
        super().__init__(session, details, "reassign", parent)
        self.to_staff = QComboBox()
        self.reason = _text_box(self.tr("如：李娜休产假，由张伟接手"))
        self.add_field("to_staff", self.tr("新的首问责任人(&P)"), self.to_staff)
        self.add_field("reason", self.tr("改派原因(&R)"), self.reason)
        self.form.addRow(
            _note(
                self.tr(
                    "现在的首问责任人：{0}。改派后原责任人和新责任人都保留；今天起到期的考核记在新责任人名下。"
                ).format(details["responder"])
            )
        )
        tasks.run_task(ops.breach_choices, on_success=self._set_staff, owner=self)

    def _set_staff(self, choices: dict) -> None:
        for name in choices["people"]:  # those who may be a first responder
            if name != self.details["responder"]:
                self.to_staff.addItem(name, name)

    def call(self):
        return (
            ops.reassign,
            (self.session.actor, self.serial, self.to_staff.currentData() or ""),
            {"reason": self.reason.toPlainText()},
        )


class DecideDialog(ActionDialog):
    """The head's decision on a reported matter: 协调指派 or 亲自答复."""

    def __init__(self, session, details: dict, parent=None):
        super().__init__(session, details, "decide", parent)
        reason = (details.get("escalations") or [{}])[-1].get("reason", "")
        self.form.addRow(_note(self.tr("上报原因：{0}").format(reason)))
        self.assign = QRadioButton(self.tr("协调指派：交部门或人员办理"))
        self.answer = QRadioButton(self.tr("亲自答复客户"))
        self.assign.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.assign)
        group.addButton(self.answer)
        self.form.addRow(self.assign)
        self.department = QComboBox()
        self.department.addItem(self.tr("（不指定部门）"), "")
        self.to_staff = QComboBox()
        self.to_staff.addItem(self.tr("（不指定人员）"), "")
        self.instruction = _text_box(self.tr("如：请配电运维班会同邻村电工3天内处理完毕"))
        promised = details.get("due_at")
        from datetime import datetime

        soon = ops.now() + timedelta(days=1)
        if promised and datetime.fromisoformat(promised) > ops.now():
            soon = min(soon, datetime.fromisoformat(promised))
        self.due_at = _moment(soon)
        self.add_field("department", self.tr("承办部门(&D)"), self.department)
        self.add_field("to_staff", self.tr("承办人(&P)"), self.to_staff)
        self.add_field("instruction", self.tr("指示(&I)"), self.instruction)
        self.add_field("due_at", self.tr("办理时限(&T)"), self.due_at)
        self.form.addRow(self.answer)
        self.result = _text_box(self.tr("告诉客户的结果或原因"))
        self.add_field("result", self.tr("答复内容(&A)"), self.result)
        self.assign.toggled.connect(self._mode)
        self._mode(True)
        tasks.run_task(operations.departments, on_success=self._set_departments, owner=self)
        tasks.run_task(operations.staff_names, on_success=self._set_staff, owner=self)

    def _mode(self, assigning: bool) -> None:
        for widget in (self.department, self.to_staff, self.instruction, self.due_at):
            widget.setEnabled(assigning)
        self.result.setEnabled(not assigning)

    def _set_departments(self, departments: list[dict]) -> None:
        for dep in departments:
            self.department.addItem(dep["name"], dep["name"])

    def _set_staff(self, names: list[str]) -> None:
        for name in names:
            self.to_staff.addItem(name, name)

    def call(self):
        if self.answer.isChecked():
            fields = {"result": self.result.toPlainText()}
            decision = "answer"
        else:
            fields = {
                "department": self.department.currentData() or "",
                "to_staff": self.to_staff.currentData() or "",
                "instruction": self.instruction.toPlainText(),
                "due_at": from_qt(self.due_at.dateTime()),
            }
            decision = "assign"
        return ops.decide, (self.session.actor, self.serial, decision), fields


class VoidDialog(ActionDialog):
    """作废, with the head's name and password when the entry is overdue or someone else's."""

    def __init__(self, session, details: dict, parent=None):
        super().__init__(session, details, "void", parent)
        self.text = _text_box(self.tr("如：重复登记，同一事项已由他人受理"))
        self.add_field("reason", self.tr("作废原因(&R)"), self.text)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.form.addRow(self.why)
        self.approver = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_field("approver", self.tr("批准人（所长）(&A)"), self.approver)
        self.add_field("password", self.tr("批准人密码(&W)"), self.password)
        self.form.addRow(
            _note(self.tr("作废后登记仍保留，受理编号不再使用；已发生的超期考核不会撤销。"))
        )
        self._needs([])
        tasks.run_task(
            ops.void_needs_approval,
            session.actor,
            self.serial,
            on_success=self._needs,
            owner=self,
        )
        self.text.setFocus()

    def _needs(self, why: list[str]) -> None:
        self.why.setText(self.tr("须经所长批准：{0}").format("；".join(why)) if why else "")
        self.why.setVisible(bool(why))
        for widget in (self.approver, self.password):
            widget.setEnabled(bool(why))
        self.adjustSize()

    def call(self):
        return (
            ops.void,
            (self.session.actor, self.serial, self.text.toPlainText()),
            {"approver": self.approver.text(), "password": self.password.text()},
        )


class ManualBreachDialog(FormDialog):
    """人工登记违规: the clause, the person, the entry (none for 拒绝登记), what happened."""

    def __init__(self, session, parent=None):
        super().__init__(self.tr("人工登记违规"), self.tr("登记"), parent)
        self.setMinimumWidth(520)
        self.session = session
        self.clause = self.add_field("clause", self.tr("条款(&C)"), QComboBox())
        self.person = self.add_field("person", self.tr("违规人员(&P)"), QComboBox())
        self.serial = self.add_field("serial", self.tr("受理编号(&S)"), QLineEdit())
        self.serial.setPlaceholderText(self.tr("拒绝登记等没有登记的，不填"))
        self.occurred_at = self.add_field(
            "occurred_at", self.tr("发生时间(&T)"), _moment(ops.now())
        )
        self.what = self.add_field(
            "what", self.tr("经过(&W)"), _text_box(self.tr("如：接待时语气生硬，未使用文明用语"))
        )
        self.evidence = self.add_field(
            "evidence", self.tr("证据说明(&E)"), _text_box(self.tr("如：客户当面反映，有录音"), 70)
        )
        self.form.addRow(
            _note(
                self.tr(
                    "登记后与自动发现的一样，待所长确认或驳回；针对所长本人的由县公司考核员决定。"
                )
            )
        )
        tasks.run_task(ops.breach_choices, on_success=self._choices, owner=self)

    def _choices(self, choices: dict) -> None:
        from firstask_desktop.services.assessment import yuan

        for c in choices["clauses"]:
            self.clause.addItem(
                f"§{c['code']} {c['title']}（{yuan(c['amount_fen'])}元）", c["code"]
            )
        for name in choices["people"]:
            self.person.addItem(name, name)

    def call(self):
        return (
            ops.record_breach,
            (self.session.actor,),
            {
                "clause": self.clause.currentData() or "",
                "person": self.person.currentData() or "",
                "serial": self.serial.text(),
                "occurred_at": from_qt(self.occurred_at.dateTime()),
                "what": self.what.toPlainText(),
                "evidence": self.evidence.toPlainText(),
            },
        )


class AppealDialog(FormDialog):
    """申诉: one of my confirmed breaches, once, with a reason; the county assessor decides."""

    def __init__(self, session, parent=None):
        super().__init__(self.tr("申诉"), self.tr("提交申诉"), parent)
        self.setMinimumWidth(520)
        self.session = session
        self.violation = self.add_field("violation", self.tr("考核记录(&V)"), QComboBox())
        self.reason = self.add_field(
            "reason", self.tr("申诉理由(&R)"), _text_box(self.tr("如：客户书面要求延期，有签字"))
        )
        self.form.addRow(_note(self.tr("每条已确认的考核只能申诉一次，由县公司考核员裁决。")))
        tasks.run_task(ops.my_confirmed, session.actor, on_success=self._rows, owner=self)

    def _rows(self, rows: list[dict]) -> None:
        for r in rows:
            self.violation.addItem(
                f"[{r['id']}] {r['serial'] or '—'} §{r['clause']} {r['rule_label']}", r["id"]
            )
        if not rows:
            set_error(self.error, self.tr("您没有可以申诉的已确认考核。"))
            self.ok_button.setEnabled(False)

    def call(self):
        return (
            ops.appeal,
            (self.session.actor, self.violation.currentData() or 0),
            {"reason": self.reason.toPlainText()},
        )
