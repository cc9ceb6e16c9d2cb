"""The entry detail offers exactly what the core's available_steps allows, a disabled step saying
why; the transfer dialog asks for a department and a note; a transfer can be withdrawn; 督办
names the transfer it chases."""

from __future__ import annotations

import pytest
from gui_helpers import open_detail, settle, type_text
from PySide6.QtWidgets import QMessageBox

from firstask_desktop.services import entries as svc
from firstask_desktop.services.entry_steps import available_steps
from firstask_desktop.store.models import Entry, Supervision, Transfer


def _entry(people, **kw) -> str:
    return svc.register_entry(
        people["李娜"], channel="来信", category="业务办理", visitor="张三",
        phone="13812345678", matter="申请增容", **kw,
    ).serial  # fmt: skip


def _open(detail, step, qtbot):
    detail.step_buttons[step].click()
    settle(qtbot)
    return detail.current_dialog


def _submit(dialog, qtbot) -> None:
    dialog.ok_button.click()
    settle(qtbot)


@pytest.mark.parametrize("who", ["李娜", "张伟", "王建国", "管理员"])
@pytest.mark.parametrize("status", ["registered", "transferred", "unresolved", "replied"])
def test_the_buttons_are_the_cores_answer(session, people, qtbot, who, status):
    serial = _entry(people, result="已答复" if status == "replied" else "")
    li = people["李娜"]
    if status == "transferred":
        svc.transfer_entry(li, serial, department="抢修班", note="请到现场")
    elif status == "unresolved":
        svc.mark_unresolved(li, serial, "需列入改造计划")
    session.set_actor(people[who])
    detail = open_detail(session, serial, qtbot)
    answer = available_steps(people[who], Entry.get(Entry.serial == serial))
    assert set(detail.step_buttons) == set(answer)
    for step, button in detail.step_buttons.items():
        assert button.isEnabled() == (answer[step] is None), step
        assert button.toolTip() == (answer[step] or ""), step


def test_the_transfer_dialog_asks_for_the_department_and_a_note_at_once(
    session, people, qtbot, answers
):
    serial = _entry(people)
    detail = open_detail(session, serial, qtbot)
    dialog = _open(detail, "transfer", qtbot)
    assert dialog.department.currentData() == ""  # nothing chosen for the clerk
    _submit(dialog, qtbot)
    assert dialog.isVisible()
    assert dialog.errors["department"].text() and dialog.errors["note"].text()
    assert Entry.get(Entry.serial == serial).status == "registered"
    # 营业班 is 李娜's own department: asked first; No keeps the dialog and what was typed.
    dialog.department.setCurrentIndex(dialog.department.findData("营业班"))
    type_text(dialog.note, "请核实用电容量")
    answers.reply = QMessageBox.StandardButton.No
    _submit(dialog, qtbot)
    assert answers.asked and "营业班是您自己的部门" in answers.asked[-1][1]
    assert dialog.isVisible() and dialog.note.toPlainText() == "请核实用电容量"
    assert Entry.get(Entry.serial == serial).status == "registered"
    answers.reply = QMessageBox.StandardButton.Yes
    _submit(dialog, qtbot)
    assert not dialog.isVisible()
    assert Transfer.get().note == "请核实用电容量"


def test_a_mistaken_transfer_is_withdrawn_from_the_detail(session, people, qtbot):
    serial = _entry(people)
    svc.transfer_entry(people["李娜"], serial, department="抢修班", note="请到现场")
    detail = open_detail(session, serial, qtbot)
    dialog = _open(detail, "withdraw_transfer", qtbot)
    assert "抢修班" in dialog.transfer.currentText()  # the transfer it acts on, named
    _submit(dialog, qtbot)
    assert dialog.isVisible() and dialog.errors["reason"].text()
    type_text(dialog.text, "转错了，本应营业班")
    _submit(dialog, qtbot)
    assert not dialog.isVisible()
    assert Transfer.get().withdraw_reason == "转错了，本应营业班"
    assert detail.details["status"] == "in_progress"
    assert "已撤回" in detail.fields.toPlainText()
    assert "withdraw_transfer" not in detail.step_buttons


def test_supervision_names_the_transfer_and_chases_the_one_picked(session, people, qtbot):
    serial = _entry(people)
    li = people["李娜"]
    first = svc.transfer_entry(li, serial, department="抢修班", note="请到现场")
    second = svc.transfer_entry(li, serial, department="营业班", note="请核实容量")
    detail = open_detail(session, serial, qtbot)
    dialog = _open(detail, "supervise", qtbot)
    names = [dialog.transfer.itemText(i) for i in range(dialog.transfer.count())]
    assert len(names) == 2 and "营业班" in names[0] and "抢修班" in names[1]  # newest first
    dialog.transfer.setCurrentIndex(1)
    type_text(dialog.text, "电话催抢修班")
    _submit(dialog, qtbot)
    assert not dialog.isVisible()
    assert Supervision.get().transfer_id == first.id != second.id
