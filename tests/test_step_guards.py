"""Every step that refuses, generated from the tables the core keeps, through the services.

Who may take a step: every step of ``services/entry_steps.STEPS`` × every role × owner or not
owner, on an entry in a status the step allows. Which statuses a step may start from: every
pair of action × status the status machine refuses, through the same services. A new step or a
new status is covered by construction; what each one expects is written here a second time, by
hand, as the requirement (a change to the rule that is not also made here fails).
"""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from support import PASSWORD, T0

from firstask_desktop.domain import status_machine
from firstask_desktop.domain.errors import IllegalStepError, NotAllowedError
from firstask_desktop.domain.vocab import ROLES, STATUSES
from firstask_desktop.services import entries as svc
from firstask_desktop.services.entry_steps import STEPS, run_step
from firstask_desktop.store import db
from firstask_desktop.store.audit import save_audited
from firstask_desktop.store.models import AuditEvent, Entry, Staff
from firstask_desktop.store.storage import open_store

ACTOR = {
    "clerk": "李娜",
    "manager": "陈静",
    "head": "王建国",
    "admin": "管理员",
    "county_admin": "周县",
    "county_assessor": "赵考核",
}
OTHER_OWNER = "刘芳"  # a clerk who owns the entries the actors act on when they are not owner
CHIEFS = {"head", "admin"}  # the station head chases everything; the administrator too
STATION_STAFF = {"clerk", "manager", "head", "admin"}

# The requirement, by hand: who may take each step (owner: the entry's 首问责任人).
# fmt: off
WHO_MAY = {
    "start":           "owner or chief",
    "contact":         "owner or chief",
    "transfer":        "owner or chief",
    "supervise":       "owner or chief",
    "finish_transfer": "owner or chief",
    "withdraw_transfer": "owner or chief",
    "reply":           "owner",  # the answer to the customer is the responder's own (首问负责)
    "unresolved":      "owner or chief",
    "follow_up":       "owner or chief",
    "close":           "owner or chief",
    "void":            "station staff, owner or chief",
    "duplicate":       "station staff, owner or chief",
    "edit":            "owner or chief",
}
# The requirement, by hand: the statuses each action may start from (DESIGN.md §1).
OPEN = {"registered", "in_progress", "transferred"}
EXPECTED_FROM = {
    "start":           {"registered"},
    "edit":            OPEN,
    "contact":         OPEN,
    "transfer":        OPEN,
    "supervise":       {"transferred"},
    "finish_transfer": {"transferred"},
    "withdraw_transfer": {"transferred"},
    "reply":           OPEN | {"unresolved"},
    "unresolved":      OPEN,
    # An escalation is not an answer: the customer is told first, then followed up (§十二).
    "follow_up":       {"replied"},
    "close":           {"followed_up"},
    "decide":          {"unresolved"},  # the head's decision on a reported matter
    "void":            set(STATUSES) - {"void"},
    "reassign":        set(STATUSES) - {"void", "closed"},  # 改派 while the matter is carried
}
# fmt: on

# What each step is given, and the status the entry is brought to first (one the step allows).
FIELDS = {
    "start": {},
    "contact": {"note": "已电话联系"},
    "transfer": {"department": "营业班", "note": "请核实"},
    "supervise": {"note": "电话督办"},
    "finish_transfer": {"note": "已办完"},
    "withdraw_transfer": {"reason": "转错了部门"},
    "reply": {"result": "已答复客户"},
    "unresolved": {"reason": "需列入农网改造"},
    "follow_up": {"method": "phone", "satisfaction": "satisfied"},
    "close": {},
    "void": {"reason": "登记错误"},
    "duplicate": {},  # original: filled in by the test
    "edit": {"matter": "咨询电价（更正）"},
}
START_STATUS = {
    "start": "registered",
    "contact": "registered",
    "transfer": "registered",
    "supervise": "transferred",
    "finish_transfer": "transferred",
    "withdraw_transfer": "transferred",
    "reply": "registered",
    "unresolved": "registered",
    "follow_up": "replied",
    "close": "followed_up",
    "void": "registered",
    "duplicate": "registered",
    "edit": "registered",
}


def expected_allowed(step: str, role: str, owner: bool) -> bool:
    rule = WHO_MAY[step]
    if rule == "owner":
        return owner
    if rule.startswith("station staff") and role not in STATION_STAFF:
        return False
    return owner or role in CHIEFS


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    from firstask_desktop.services.station import add_staff, init_station

    folder = tmp_path_factory.mktemp("steps") / "data"
    open_store(folder)
    init_station(
        code="GS0101", name="城关供电所", area="rural", admin_name="管理员",
        admin_password=PASSWORD, now=T0,
    )  # fmt: skip
    admin = Staff.get(Staff.name == "管理员")
    for name, role in [("李娜", "clerk"), ("陈静", "manager"), ("王建国", "head")]:
        add_staff(admin, name=name, role=role, password=PASSWORD, department="营业班", now=T0)
    add_staff(admin, name=OTHER_OWNER, role="clerk", password=PASSWORD, now=T0)
    # County roles exist only on county installs; the rules look at the role alone.
    for name, role in [("周县", "county_admin"), ("赵考核", "county_assessor")]:
        with db.transaction():
            save_audited(
                Staff(station="GS0101", name=name, role=role,
                      password_hash=Staff.get(Staff.name == "李娜").password_hash),
                actor="测试", action="add_staff", at=T0,
            )  # fmt: skip
    db.close()
    return folder


@pytest.fixture
def station_copy(template, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(template, folder)
    open_store(folder)
    yield folder
    db.close()


def bring_to(status: str, responder: str, matter: str = "咨询电价") -> str:
    """An entry owned by ``responder`` in ``status``, driven there by the administrator (the
    responder answers, since nobody else may)."""
    admin = Staff.get(Staff.name == "管理员")
    owner = Staff.get(Staff.name == responder)
    answered = status in ("replied", "followed_up", "closed")
    entry = svc.register_entry(
        admin, channel="visit", category="consult", visitor="张三", phone="13812345678",
        matter=matter, responder=responder, result="当场答复" if answered else "", now=T0,
    )  # fmt: skip
    serial = entry.serial
    if status == "in_progress":
        svc.start_entry(admin, serial, now=T0)
    elif status == "transferred":
        svc.transfer_entry(admin, serial, department="营业班", note="请核实办理", now=T0)
    elif status == "unresolved":
        svc.mark_unresolved(admin, serial, "需列入农网改造", now=T0)
    elif status in ("followed_up", "closed"):
        svc.record_follow_up(admin, serial, method="phone", satisfaction="satisfied", now=T0)
        if status == "closed":
            svc.close_entry(owner, serial, now=T0)
    elif status == "void":
        svc.void_entry(admin, serial, "登记错误", now=T0)
    assert Entry.get(Entry.serial == serial).status == status
    return serial


def test_every_step_has_its_requirement_written_here():
    missing = set(STEPS) - set(WHO_MAY) - set(FIELDS) - set(START_STATUS)
    assert not missing, f"a new step needs WHO_MAY, FIELDS and START_STATUS here: {missing}"
    assert set(STEPS) == set(WHO_MAY) == set(FIELDS) == set(START_STATUS)
    assert set(ACTOR) == set(ROLES)


CASES = [(step, role, owner) for step in WHO_MAY for role in ACTOR for owner in (True, False)]


@pytest.mark.parametrize(
    "step, role, owner",
    CASES,
    ids=[f"{s}-{r}-{'owner' if o else 'other'}" for s, r, o in CASES],
)
def test_who_may_take_each_step(station_copy, step, role, owner):
    actor = Staff.get(Staff.name == ACTOR[role])
    serial = bring_to(START_STATUS[step], ACTOR[role] if owner else OTHER_OWNER)
    fields = dict(FIELDS[step])
    if step == "duplicate":
        fields["original"] = bring_to("registered", OTHER_OWNER, matter="同一件事")
    events = AuditEvent.select().count()
    status = Entry.get(Entry.serial == serial).status
    # On the day of registration: a late entry's void needs the head's approval (another rule,
    # tested in test_accountability.py).
    with time_machine.travel(T0 + timedelta(minutes=5), tick=False):
        if expected_allowed(step, role, owner):
            run_step(actor, step, serial, **fields)
            assert AuditEvent.select().count() > events, "an allowed step writes its audit event"
            return
        # Voiding someone else's entry without a head's approval: refused as not one's own.
        with pytest.raises(NotAllowedError, match="无权|只有|不是本人负责"):
            run_step(actor, step, serial, **fields)
    assert AuditEvent.select().count() == events, "a refused step writes nothing"
    assert Entry.get(Entry.serial == serial).status == status


def test_the_status_table_is_the_written_table():
    assert {a: set(s) for a, s in status_machine.ALLOWED_FROM.items()} == EXPECTED_FROM


ILLEGAL = [(a, s) for a in EXPECTED_FROM for s in STATUSES if s not in EXPECTED_FROM[a]]


@pytest.mark.parametrize("action, status", ILLEGAL, ids=[f"{a}-{s}" for a, s in ILLEGAL])
def test_every_illegal_pair_is_refused_by_the_core(action, status):
    # The refusal says what may be done instead: the written table's actions from this status.
    possible = [status_machine.ACTION_LABELS[a] for a, s in EXPECTED_FROM.items() if status in s]
    with pytest.raises(IllegalStepError) as refused:
        status_machine.require(action, status, "GS0101-2026-00001")
    assert str(refused.value) == (
        f"GS0101-2026-00001 当前状态为“{STATUSES[status]}”，"
        f"不能{status_machine.ACTION_LABELS[action]}。此状态下可以：{'、'.join(possible) or '无'}。"
    )
    with pytest.raises(IllegalStepError, match="^当前状态为"):
        status_machine.require(action, status)
    assert action not in status_machine.allowed_actions(status)


# Through the services, as the administrator who owns the entry (so only the status can refuse).
# ``edit`` of an answered entry is a permission (edit_after_reply), not a status: only void.
# 处理上报 and 改派 have commands of their own (services/responsibility.py, test_accountability.py).
SERVICE_ILLEGAL = [(a, s) for a, s in ILLEGAL if a in STEPS and (a != "edit" or s == "void")]


@pytest.mark.parametrize(
    "action, status", SERVICE_ILLEGAL, ids=[f"{a}-{s}" for a, s in SERVICE_ILLEGAL]
)
def test_every_illegal_pair_is_refused_by_the_service(station_copy, action, status):
    admin = Staff.get(Staff.name == "管理员")
    serial = bring_to(status, "管理员")
    events = AuditEvent.select().count()
    with pytest.raises(IllegalStepError, match=f"“{STATUSES[status]}”，不能"):
        run_step(admin, action, serial, **FIELDS[action])
    assert AuditEvent.select().count() == events
    assert Entry.get(Entry.serial == serial).status == status
