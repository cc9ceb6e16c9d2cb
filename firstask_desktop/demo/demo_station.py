"""A realistic demo station, so that every screen and printout has something true to show.

Everything is made through the same services a clerk uses, with the clock of each step set to
when it would have happened, so deadlines, audit events and states are all genuine.

A large demo (more than ``BULK_FROM`` entries: ten years of a busy station) would take hours
that way; its history up to the last week is written by ``bulk_demo.add_entries`` instead (the same
rows and hash-chained audit events, in batches), and only the last week goes through the
services, so the 待办, overdue and follow-up screens still have live matters on them.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from firstask_desktop.demo import bulk_demo
from firstask_desktop.demo.demo_data import (
    ADMIN,
    CATEGORY_WEIGHTS,
    CHANNEL_WEIGHTS,
    DEMO_PASSWORD,
    DOCS,
    MATTERS,
    RESULTS,
    STAFF,
    STATION,
    UNITS,
    VILLAGES,
    add_demo_customers,
    add_demo_staff,
    pick_weighted,
    random_name,
    random_phone,
)
from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.domain.vocab import ROLES
from firstask_desktop.services import entries as svc
from firstask_desktop.services.station import init_station, local_station
from firstask_desktop.store.models import Customer, Entry, Staff


def _received_times(rng: random.Random, count: int, now: datetime) -> list[datetime]:
    """Working-hours arrivals over the past months, more in summer and winter peaks."""
    span_days = max(30, min(3650, count // 3))
    times = []
    while len(times) < count:
        day = now - timedelta(days=rng.randint(0, span_days))
        peak = day.month in (1, 2, 7, 8, 12)
        if day.weekday() >= 5 and rng.random() < 0.7:
            continue
        if not peak and rng.random() < 0.25:
            continue
        moment = day.replace(
            hour=rng.randint(8, 17), minute=rng.randint(0, 59), second=0, microsecond=0
        )
        if moment < now - timedelta(minutes=10):
            times.append(moment)
    return sorted(times)


BULK_FROM = 5000  # more entries than this: the history is written in bulk
RECENT_DAYS = 7  # ... all but the last week, which goes through the services
SETTLED_DAYS = 30  # matters older than this have all ended in the bulk-written history


def build_demo(
    entries: int = 300,
    seed: int = 1,
    now: datetime | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> dict:
    """Fill an empty data folder with the demo station (refused if it has one already).

    ``on_progress(done, total)`` is called now and then while a large demo is written."""
    if local_station() is not None:
        raise RefusedError("数据文件夹里已经有供电所的数据：演示数据只能生成在空的数据文件夹中。")
    if not 0 <= entries <= 1_000_000:
        raise RefusedError("演示登记条数应在 0 到 1000000 之间。")
    rng = random.Random(seed)
    now = (now or datetime.now()).replace(second=0, microsecond=0)
    start = now - timedelta(days=max(30, min(3650, entries // 3)) + 2)
    init_station(admin_name=ADMIN, admin_password=DEMO_PASSWORD, now=start, **STATION)
    admin = Staff.get(Staff.name == ADMIN)
    add_demo_staff(admin, start)
    staff = {s.name: s for s in Staff.select()}
    clerks = [staff[n] for n, role, _ in STAFF if role in ("clerk", "manager")]
    add_demo_customers(rng, staff, start)
    times = _received_times(rng, entries, now)
    if entries > BULK_FROM:
        recent = now - timedelta(days=RECENT_DAYS)
        history = [t for t in times if t < recent]
        times = times[len(history) :]
        _write_history(history, seed, now, entries, on_progress)
    for number, received in enumerate(times, start=entries - len(times) + 1):
        _one_entry(rng, rng.choice(clerks), received, now)
        if on_progress is not None and number % 100 == 0:
            on_progress(number, entries)
    return {
        "station": f"{STATION['name']}（{STATION['code']}）",
        "entries": Entry.select().count(),
        "staff": Staff.select().count(),
        # Who to log in as: name and role (营业员, 所长, 管理员 …), in the login list's order.
        "people": [
            (s.name, ROLES.get(s.role, s.role))
            for s in Staff.select().order_by(Staff.role, Staff.name)
        ],
        "password": DEMO_PASSWORD,
    }


def _write_history(
    times: list[datetime],
    seed: int,
    now: datetime,
    total: int,
    on_progress: Callable[[int, int], None] | None,
) -> None:
    """Years of matters in bulk: those of the last month still moving, the rest long ended."""
    from firstask_desktop.store.bulk_write import loading
    from firstask_desktop.store.models import AuditEvent, Escalation, FollowUp, Transfer, Void

    def report(done: int, _count: int) -> None:
        if on_progress is not None:
            on_progress(done, total)

    with loading((Customer, Entry, Transfer, FollowUp, Escalation, Void, AuditEvent)):
        bulk_demo.add_entries(
            len(times),
            seed=seed,
            now=now,
            times=times,
            batch=5000,
            settled_after=timedelta(days=SETTLED_DAYS),
            on_progress=report,
            in_parallel=True,
        )


def _within(
    rng: random.Random, start: datetime, deadline: datetime | None, punctual: bool
) -> datetime:
    """When a step is done: before its deadline for a punctual clerk, some hours late if not."""
    if deadline is None or deadline <= start:
        return start + timedelta(minutes=rng.randint(20, 600))
    if punctual:
        span = (deadline - start).total_seconds()
        return start + timedelta(seconds=max(300, int(span * rng.uniform(0.1, 0.8))))
    return deadline + timedelta(hours=rng.randint(2, 72))


def _one_entry(rng: random.Random, clerk: Staff, received: datetime, now: datetime) -> None:
    category = pick_weighted(rng, CATEGORY_WEIGHTS)
    channel = pick_weighted(rng, CHANNEL_WEIGHTS)
    returning = rng.random() < 0.15 and Customer.select().count() > 10
    if returning:
        customer = (
            Customer.select()
            .order_by(Customer.id)
            .offset(rng.randint(0, Customer.select().count() - 1))
            .first()
        )
        visitor, phone, unit = customer.name, customer.phone, customer.unit
        address, account = customer.address, customer.account_no
    else:
        visitor, phone, unit = random_name(rng), random_phone(rng), rng.choice(UNITS)
        address = f"榆中县城关镇{rng.choice(VILLAGES)}{rng.randint(1, 9)}组{rng.randint(1, 80)}号"
        account = str(rng.randint(10**9, 10**10 - 1)) if rng.random() < 0.5 else ""
    on_the_spot = category in ("consult", "query") and rng.random() < 0.6
    registered_at = received + timedelta(minutes=2)
    entry = svc.register_entry(
        clerk,
        channel=channel,
        category=category,
        visitor=visitor,
        unit=unit,
        address=address,
        phone=phone,
        account_no=account,
        matter=rng.choice(MATTERS[category]),
        received_at=received,
        now=registered_at,
        wo_number=f"95598{received:%y%m%d}{rng.randint(1000, 9999)}"
        if channel == "hotline_95598"
        else "",
        missing_documents=rng.sample(DOCS, rng.randint(1, 3))
        if category == "business" and rng.random() < 0.4
        else None,
        result=RESULTS[category] if on_the_spot else "",
        reception_notes="客户情绪激动，已安抚"
        if category == "complaint" and rng.random() < 0.3
        else "",
    )
    owner = entry.responder
    punctual = rng.random() < 0.9  # most clerks keep their promises; the rest show in 考核
    if entry.status in ("replied", "closed"):
        _follow_up(rng, owner, entry, punctual, now)
        return
    fate = rng.random()
    recent = now - received < timedelta(days=10)  # only recent matters are still on the desk
    if fate < 0.03:
        svc.void_entry(
            owner,
            entry.serial,
            "重复登记，同一事项已由他人受理",
            now=registered_at + timedelta(minutes=10),
        )
        return
    step = registered_at
    if category == "complaint":
        step = _within(rng, step, entry.contact_due_at, punctual)
        if step > now:
            return
        svc.record_contact(owner, entry.serial, "已电话联系客户，说明处理安排", now=step)
    if category in ("repair", "complaint", "report", "business") and rng.random() < 0.8:
        department = {
            "repair": "抢修班",
            "complaint": "营业班",
            "report": "用电检查班",
            "business": "营业班",
        }[category]
        soon = entry.arrive_due_at if category == "repair" else step + timedelta(hours=4)
        step = _within(rng, step, soon, punctual)
        if step > now:
            return
        svc.transfer_entry(
            owner, entry.serial, department=department, note="请按时限办理并回复", now=step
        )
        transfer_due = svc.get_entry(entry.serial).due_at
        if fate < 0.08 and recent:
            return  # still with the department: supervision to do
        if category != "repair" or not punctual:
            step = _within(rng, step, transfer_due, punctual)
            if step > now:
                return
            svc.record_supervision(owner, entry.serial, "电话督办，部门答复正在处理", now=step)
    step = _within(rng, step, entry.due_at, punctual)
    if step > now or (fate < 0.12 and recent):
        return  # still open (and, past its deadline, overdue)
    if fate < 0.16:
        svc.mark_unresolved(
            owner, entry.serial, "涉及线路改造，需列入明年农网改造计划，本所无法单独解决", now=step
        )
        if fate < 0.14:
            return  # on the head's desk, the customer not yet told
        # Reported, and the customer told why (告知原因): that is the answer they are owed.
        svc.reply_entry(owner, entry.serial, "已告知客户：需列入明年农网改造计划", now=step)
    else:
        svc.reply_entry(owner, entry.serial, RESULTS[category], now=step)
    _follow_up(rng, owner, svc.get_entry(entry.serial), punctual, now)


def _follow_up(rng, owner: Staff, entry: Entry, punctual: bool, now: datetime) -> None:
    if entry.status != "replied":
        return
    start = entry.replied_at
    at = _within(rng, start, entry.follow_up_due_at, punctual)
    if at > now:
        return  # follow-up still to do
    if rng.random() < 0.15:
        svc.record_follow_up(
            owner,
            entry.serial,
            method="phone",
            outcome="no_answer",
            now=at - timedelta(hours=2) if at - timedelta(hours=2) > start else at,
        )
    satisfaction = rng.choices(["satisfied", "basic", "unsatisfied"], weights=[82, 14, 4])[0]
    svc.record_follow_up(
        owner,
        entry.serial,
        method=rng.choice(["phone", "phone", "visit", "sms"]),
        satisfaction=satisfaction,
        note="客户表示认可" if satisfaction != "unsatisfied" else "客户认为问题未彻底解决",
        now=at,
    )
    if satisfaction == "unsatisfied":
        return  # reopened: back on the responder's desk
    if at + timedelta(days=1) <= now and rng.random() < 0.85:
        svc.close_entry(owner, entry.serial, now=at + timedelta(days=1))
