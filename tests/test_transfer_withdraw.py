"""转办 that can be put right: a transfer sent by mistake is withdrawn with a reason (audited)
before its recipient acts; 督办 and 转办完成 act on the transfer the user picks."""

from __future__ import annotations

from datetime import datetime

import pytest
from support import PASSWORD, T0

from firstask_desktop.domain.errors import IllegalStepError, NotAllowedError, ValidationError
from firstask_desktop.services import entries as svc
from firstask_desktop.services import responsibility
from firstask_desktop.services.entry_steps import available_steps
from firstask_desktop.services.queries import entry_details, timeline
from firstask_desktop.store.models import AuditEvent, Entry, Supervision, Transfer

LATER = datetime(2026, 3, 10, 11, 0)


def _entry(people):
    return svc.register_entry(
        people["李娜"], channel="来信", category="业务办理", visitor="张三",
        phone="13812345678", matter="申请增容", received_at=T0, now=T0,
    )  # fmt: skip


def _transfer(people, serial, department="营业班", to_staff="", at=T0):
    return svc.transfer_entry(
        people["李娜"], serial, department=department, to_staff=to_staff, note="请核实", now=at
    )


def test_a_mistaken_transfer_is_withdrawn_with_its_reason_and_stays_on_record(people):
    entry = _entry(people)
    wrong = _transfer(people, entry.serial)
    withdrawn = svc.withdraw_transfer(people["李娜"], entry.serial, "转错了部门", now=LATER)
    assert withdrawn.id == wrong.id
    assert (withdrawn.withdrawn_at, withdrawn.withdraw_reason) == (LATER, "转错了部门")
    assert Entry.get_by_id(entry.id).status == "in_progress"  # the owner's to carry again
    shown = entry_details(Entry.get_by_id(entry.id))["transfers"][0]
    assert shown["withdrawn_at"] == "2026-03-10T11:00" and not shown["withdrawable"]
    assert timeline(Entry.get_by_id(entry.id))[-1]["label"] == "撤回转办"
    event = AuditEvent.select().where(AuditEvent.action == "withdraw_transfer").first()
    assert event is not None and event.actor == "李娜"


def test_a_withdrawal_needs_a_reason_and_writes_nothing_without_one(people):
    entry = _entry(people)
    _transfer(people, entry.serial)
    events = AuditEvent.select().count()
    with pytest.raises(ValidationError):
        svc.withdraw_transfer(people["李娜"], entry.serial, "  ", now=LATER)
    assert AuditEvent.select().count() == events
    assert Entry.get_by_id(entry.id).status == "transferred"


def test_an_accepted_transfer_cannot_be_withdrawn_and_is_not_offered(people):
    entry = _entry(people)
    _transfer(people, entry.serial, to_staff="张伟")
    responsibility.accept_transfer(people["张伟"], entry.serial, now=LATER)
    fresh = Entry.get_by_id(entry.id)
    reason = available_steps(people["李娜"], fresh)["withdraw_transfer"]
    assert reason is not None and "不能撤回" in reason
    with pytest.raises(IllegalStepError, match="不能撤回"):
        svc.withdraw_transfer(people["李娜"], entry.serial, "转错了", now=LATER)


def test_only_the_owner_or_the_head_withdraws(people):
    entry = _entry(people)
    _transfer(people, entry.serial)
    with pytest.raises(NotAllowedError, match="只有本人或所长"):
        svc.withdraw_transfer(people["张伟"], entry.serial, "转错了", now=LATER)
    svc.withdraw_transfer(people["王建国"], entry.serial, "所长纠正：应转抢修班", now=LATER)


def test_with_two_transfers_the_steps_act_on_the_one_picked(people):
    entry = _entry(people)
    first = _transfer(people, entry.serial, "营业班")
    second = _transfer(people, entry.serial, "抢修班", at=datetime(2026, 3, 10, 10, 0))
    li = people["李娜"]
    svc.record_supervision(li, entry.serial, "电话催营业班", now=LATER, transfer=first.uuid)
    assert Supervision.get().transfer_id == first.id
    svc.finish_transfer(li, entry.serial, "营业班已办完", now=LATER, transfer=first.uuid)
    assert Transfer.get_by_id(first.id).done_at == LATER
    assert Transfer.get_by_id(second.id).done_at is None
    assert Entry.get_by_id(entry.id).status == "transferred"  # 抢修班 still has it
    svc.withdraw_transfer(li, entry.serial, "抢修班不管这事", now=LATER, transfer=second.uuid)
    assert Entry.get_by_id(entry.id).status == "in_progress"


def test_a_withdrawn_transfer_cannot_be_picked_again(people):
    entry = _entry(people)
    first = _transfer(people, entry.serial, "营业班")
    _transfer(people, entry.serial, "抢修班")
    svc.withdraw_transfer(people["李娜"], entry.serial, "转错了", now=LATER, transfer=first.uuid)
    with pytest.raises(Exception, match="没有这项正在办理的转办"):
        svc.record_supervision(people["李娜"], entry.serial, "催办", now=LATER, transfer=first.uuid)


def test_withdraw_transfer_on_the_command_line(people, store, monkeypatch, capsys):
    from firstask_desktop.cli.runner import run

    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)
    entry = _entry(people)
    _transfer(people, entry.serial)

    def call(who, *args):
        code = run(["--data-dir", str(store), "--as", who, *args])
        out = capsys.readouterr()
        return code, out.out + out.err

    code, text = call("张伟", "entry", "withdraw-transfer", entry.serial, "--reason", "转错了")
    assert code == 2 and "只有本人或所长" in text
    code, text = call("李娜", "entry", "withdraw-transfer", entry.serial, "--reason", "转错了")
    assert code == 0 and "已撤回转办" in text
    assert Transfer.get().withdraw_reason == "转错了"
    code, text = call("李娜", "entry", "withdraw-transfer", entry.serial, "--reason", "再撤")
    assert code == 2 and "不能撤回转办" in text  # 办理中: nothing left to withdraw
