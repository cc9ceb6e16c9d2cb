"""Offer only what may be done: ``available_steps`` says, for each stage of an entry and each
person, which steps are offered and why the others are not; the services refuse with the same
words, so what a screen offers is never refused after the dialog has been filled in."""

from __future__ import annotations

import pytest
from support import T0

from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.domain.vocab import STATUSES
from firstask_desktop.services import entries as svc
from firstask_desktop.services.entry_steps import STEPS, available_steps, run_step
from firstask_desktop.store.models import AuditEvent, Entry

OWNER = "李娜"
# who asks → (role, whether they own the entry)
ASKING = {
    "李娜": ("clerk", True),
    "张伟": ("clerk", False),
    "陈静": ("manager", False),
    "王建国": ("head", False),
    "管理员": ("admin", False),
}
# The requirement, by hand: the steps of each stage of a matter (DESIGN.md §1).
OPEN_STEPS = {"contact", "transfer", "reply", "unresolved", "edit", "void", "duplicate", "reassign"}
# fmt: off
STAGE = {
    "registered":  OPEN_STEPS | {"start"},
    "in_progress": OPEN_STEPS,
    "transferred": OPEN_STEPS | {"supervise", "finish_transfer", "withdraw_transfer"},
    "unresolved":  {"reply", "decide", "edit", "void", "duplicate", "reassign"},
    "replied":     {"follow_up", "edit", "void", "duplicate", "reassign"},
    "followed_up": {"close", "edit", "void", "duplicate", "reassign"},
    "closed":      {"edit", "void", "duplicate"},
    "void":        set(),
}
# fmt: on
ANSWERED = {"unresolved", "replied", "followed_up", "closed"}


def may(step: str, status: str, role: str, owner: bool) -> bool | None:
    """Who may take the step, written a second time by hand (docs/permissions.md): True, False
    (offered disabled: another person holds the entry), None (never this role's: not offered)."""
    chief = role in ("head", "admin")
    if step == "reply":
        return owner  # the answer to the customer is the responder's own
    if step == "decide":
        return True if role == "head" else None
    if step == "reassign":
        return True if chief else None
    if step in ("void", "duplicate"):
        return True  # station staff; someone else's takes the head's approval in the dialog
    if step == "edit" and status in ANSWERED:
        return True if chief else None  # edit_after_reply
    return owner or chief


def bring_to(people, status: str) -> Entry:
    li, admin = people[OWNER], people["管理员"]
    answered = status in ("replied", "followed_up", "closed")
    entry = svc.register_entry(
        li, channel="来信", category="咨询", visitor="张三", phone="13812345678",
        matter="咨询电价", result="已书面答复" if answered else "", received_at=T0, now=T0,
    )  # fmt: skip
    serial = entry.serial
    if status == "in_progress":
        svc.start_entry(li, serial, now=T0)
    elif status == "transferred":
        svc.transfer_entry(li, serial, department="营业班", note="请核实", now=T0)
    elif status == "unresolved":
        svc.mark_unresolved(li, serial, "需列入农网改造", now=T0)
    elif status in ("followed_up", "closed"):
        svc.record_follow_up(li, serial, method="phone", satisfaction="satisfied", now=T0)
        if status == "closed":
            svc.close_entry(admin, serial, now=T0)
    elif status == "void":
        svc.void_entry(li, serial, "登记错误", now=T0)
    entry = Entry.get(Entry.serial == serial)
    assert entry.status == status
    return entry


FIELDS = {
    "start": {},
    "contact": {"note": "已联系"},
    "transfer": {"department": "营业班", "note": "请核实"},
    "supervise": {"note": "电话督办"},
    "finish_transfer": {"note": "已办完"},
    "withdraw_transfer": {"reason": "转错了"},
    "reply": {"result": "已答复客户"},
    "unresolved": {"reason": "需列入农网改造"},
    "follow_up": {"method": "phone", "satisfaction": "satisfied"},
    "close": {},
    "void": {"reason": "登记错误"},
    "edit": {"matter": "咨询电价（更正）"},
}


@pytest.mark.parametrize("status", list(STATUSES))
def test_each_stage_offers_its_steps_to_whom_may_take_them(people, status):
    entry = bring_to(people, status)
    for name, (role, owner) in ASKING.items():
        offered = available_steps(people[name], entry)
        shown = {step for step in STAGE[status] if may(step, status, role, owner) is not None}
        assert set(offered) == shown, (status, name)
        allowed = {step for step, reason in offered.items() if reason is None}
        expected = {step for step in STAGE[status] if may(step, status, role, owner)}
        assert allowed == expected, (status, name)
        for reason in offered.values():  # a stage's step is refused for who asks, nothing else
            assert reason is None or "只有" in reason, reason


@pytest.mark.parametrize("status", ["registered", "transferred", "unresolved", "replied"])
def test_a_step_offered_disabled_is_refused_by_the_service_in_the_same_words(people, status):
    entry = bring_to(people, status)
    for name in ASKING:
        for step, reason in available_steps(people[name], entry).items():
            if reason is None or step not in STEPS:
                continue
            events = AuditEvent.select().count()
            with pytest.raises(RefusedError) as refused:
                run_step(people[name], step, entry.serial, **FIELDS[step])
            assert str(refused.value) == reason
            assert AuditEvent.select().count() == events


def test_the_head_is_offered_his_decision_not_the_reply_on_a_reported_matter(people):
    entry = bring_to(people, "unresolved")
    offered = available_steps(people["王建国"], entry)
    assert offered["decide"] is None
    assert offered["reply"] == f"{entry.serial} 的首问责任人是 李娜：只有本人可以办理这一步。"


def test_closing_without_a_result_and_reporting_without_a_head_are_not_offered(people, station):
    entry = bring_to(people, "followed_up")
    Entry.update(result="").where(Entry.id == entry.id).execute()
    entry = Entry.get_by_id(entry.id)
    assert "没有记录最终处理结果" in available_steps(people[OWNER], entry)["close"]
    fresh = bring_to(people, "registered")
    people["王建国"].active = False
    people["王建国"].save()
    assert "还没有登记在岗的所长" in available_steps(people[OWNER], fresh)["unresolved"]


def test_a_step_never_offered_to_a_role_is_refused_by_the_service(people):
    from firstask_desktop.services.responsibility import reassign_entry

    entry = bring_to(people, "replied")
    assert "reassign" not in available_steps(people["张伟"], entry)
    assert "edit" not in available_steps(people[OWNER], entry)  # answered: edit_after_reply
    with pytest.raises(RefusedError, match="营业员无权改派首问责任人"):
        reassign_entry(people["张伟"], entry.serial, "陈静", "休假")
    with pytest.raises(RefusedError, match="营业员无权修改已答复的登记"):
        run_step(people[OWNER], "edit", entry.serial, matter="改")
