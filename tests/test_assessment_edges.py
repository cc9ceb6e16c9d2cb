"""Each detector of the assessment at its edge: never done, done on time by one minute, done at
the deadline, done late by one minute, with deadlines that run across the 2026 Spring Festival.

A late action is not an action done: a clerk who calls a complaining customer a minute after the
deadline has still broken the rule, and the head must see the proposal.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from firstask_desktop.services import assessment
from firstask_desktop.services import entries as svc
from firstask_desktop.store.models import Violation

MINUTE = timedelta(minutes=1)
SINCE = datetime(2026, 1, 1)  # the scan looks at every deadline of the year
FESTIVAL_SATURDAY = datetime(2026, 2, 14, 10, 0)  # the 调休 working Saturday before 春节
SPRING_FESTIVAL = datetime(2026, 2, 17, 10, 0)  # 初一: a holiday


def _register(people, category, at, **kw):
    return svc.register_entry(
        people["李娜"], channel="letter", category=category, visitor="张三",
        phone="13812345678", matter="电压偏低", received_at=at, now=at, **kw,
    )  # fmt: skip


def proposed_for(rule: str) -> list[str]:
    """The entries proposed for ``rule``: one proposal per entry, clause and person carries every
    finding under that clause in its evidence, each headed 【its title】."""
    title = f"【{assessment.RULES[rule][1]}】"
    return [
        v.entry.serial
        for v in Violation.select().order_by(Violation.id)
        if v.rule == rule or title in v.evidence
    ]


# detector → (prepare(people) -> (serial, deadline written by hand), action(people, serial, at))
def _complaint(people):
    entry = _register(people, "complaint", FESTIVAL_SATURDAY)
    # One working day would end after the holiday (02-24), but the call serves the reply, due
    # five calendar days after receipt: never later than that (deadlines.clamp_to_served).
    return entry.serial, datetime(2026, 2, 19, 23, 59, 59)


def _contact(people, serial, at):
    svc.record_contact(people["李娜"], serial, "已电话联系", now=at)


TRANSFER_DUE = datetime(2026, 2, 24, 17, 0)


def _transferred(people):
    entry = _register(people, "business", datetime(2026, 2, 13, 16, 0))
    svc.transfer_entry(
        people["李娜"], entry.serial, department="营业班", note="请核实办理", due_at=TRANSFER_DUE,
        now=datetime(2026, 2, 13, 16, 30),
    )  # fmt: skip
    return entry.serial, TRANSFER_DUE


def _supervise(people, serial, at):
    svc.record_supervision(people["李娜"], serial, "电话督办", now=at)


def _finish(people, serial, at):
    svc.finish_transfer(people["李娜"], serial, "已办完", now=at)


def _repair(people):
    entry = _register(people, "repair", SPRING_FESTIVAL)  # minutes run through the holiday
    return entry.serial, datetime(2026, 2, 17, 11, 30)  # rural: arrive within 90 minutes


def _dispatch(people, serial, at):
    svc.transfer_entry(people["李娜"], serial, department="抢修班", note="速去", now=at)


def _reply(people, serial, at):
    svc.reply_entry(people["李娜"], serial, "已修复", now=at)


def _answered(people):
    entry = _register(people, "consult", FESTIVAL_SATURDAY, result="已当场答复")
    return entry.serial, datetime(2026, 2, 26, 23, 59, 59)  # three working days after 春节


def _follow_up(people, serial, at):
    svc.record_follow_up(people["李娜"], serial, method="phone", satisfaction="satisfied", now=at)


def _consult(people):
    entry = _register(people, "consult", FESTIVAL_SATURDAY)
    return entry.serial, datetime(2026, 2, 24, 23, 59, 59)  # next working day: after 春节


CASES = {
    "complaint_not_contacted/contact": ("complaint_not_contacted", _complaint, _contact),
    "transfer_unsupervised/supervise": ("transfer_unsupervised", _transferred, _supervise),
    "transfer_unsupervised/finish": ("transfer_unsupervised", _transferred, _finish),
    "repair_not_dispatched/dispatch": ("repair_not_dispatched", _repair, _dispatch),
    "repair_not_dispatched/reply": ("repair_not_dispatched", _repair, _reply),
    "no_follow_up/follow_up": ("no_follow_up", _answered, _follow_up),
    "reply_overdue/reply": ("reply_overdue", _consult, _reply),
}
# when the action is done, relative to the deadline → whether a breach is proposed
WHEN = {
    "never": (None, True),
    "on time by one minute": (-MINUTE, False),
    "at the deadline": (timedelta(0), False),
    "late by one minute": (MINUTE, True),
}


@pytest.mark.parametrize("when", WHEN)
@pytest.mark.parametrize("case", CASES)
def test_a_late_action_is_a_breach_and_an_action_in_time_is_not(people, case, when):
    rule, prepare, act = CASES[case]
    serial, deadline = prepare(people)
    offset, breach = WHEN[when]
    if offset is not None:
        act(people, serial, deadline + offset)
    assessment.scan(deadline + timedelta(days=2), since=SINCE)
    assert proposed_for(rule) == ([serial] if breach else []), f"{case}, {when}"


@pytest.mark.parametrize("case", CASES)
def test_nothing_is_proposed_before_the_deadline_has_passed(people, case):
    rule, prepare, _act = CASES[case]
    serial, deadline = prepare(people)
    assessment.scan(deadline, since=SINCE)
    assert proposed_for(rule) == []
    assessment.scan(deadline + MINUTE, since=SINCE)
    assert proposed_for(rule) == [serial]
