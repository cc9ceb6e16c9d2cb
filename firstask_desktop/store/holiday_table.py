"""The stored holiday calendar: its days (``holiday_day``) and each year's status.

A year's status ("official" / "provisional", holiday_year.py) is kept in the ``setting`` table
under one key; a year stored without a status predates the marks and came from a published notice
(the chinese-calendar data of the first versions), so it counts as official. Every change chains the
digests of both tables into the audit log, so ``check`` reports an edit made outside the app.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from firstask_desktop.domain.deadlines import (
    CLOCK_LABELS,
    DeadlineRule,
    compute_deadlines,
    follow_up_due,
    promised_due,
)
from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.domain.holiday_year import YearPlan, validate
from firstask_desktop.domain.vocab import OPEN_STATUSES
from firstask_desktop.domain.workdays import HolidayCalendar, load_seed_days, load_seed_status
from firstask_desktop.store import db
from firstask_desktop.store.audit import (
    last_table_state,
    record_table_state,
    save_audited,
    table_state,
)
from firstask_desktop.store.local_station import local_station
from firstask_desktop.store.models import (
    DeadlineRuleRow,
    Entry,
    FollowUp,
    HolidayDay,
    Setting,
    Station,
)

YEAR_STATUS_KEY = "holidays.year_status"
SHIPPED = "随程序提供"

# Which stored deadline each clock fills (the promised due_at is the reply, or for a repair the
# restore / arrive clock: deadlines.promised_due).
CLOCK_FIELDS = (
    ("contact", "contact_due_at"),
    ("arrive", "arrive_due_at"),
    ("restore", "restore_due_at"),
)
FIELD_LABELS = {
    "due_at": "承诺时限",
    "contact_due_at": CLOCK_LABELS["contact"] + "时限",
    "arrive_due_at": CLOCK_LABELS["arrive"] + "时限",
    "restore_due_at": CLOCK_LABELS["restore"] + "时限",
    "follow_up_due_at": "回访时限",
}


@dataclass(frozen=True)
class DeadlineChange:
    serial: str
    field: str  # an Entry column, e.g. due_at
    old: datetime
    new: datetime

    @property
    def label(self) -> str:
        return FIELD_LABELS[self.field]

    def as_dict(self) -> dict:
        return {
            "serial": self.serial,
            "field": self.field,
            "label": self.label,
            "old": self.old.isoformat(sep=" "),
            "new": self.new.isoformat(sep=" "),
        }


def _local() -> Station:
    station = local_station()
    if station is None:
        raise RefusedError("数据文件夹还没有初始化：请先运行 init。")
    return station


def _stored_calendar() -> HolidayCalendar:
    rows = HolidayDay.select(HolidayDay.day, HolidayDay.kind).tuples()
    return HolidayCalendar.from_days(rows, provisional_years())


def _marks() -> dict[str, str]:
    """The stored marks; a value edited outside the app into nonsense reads as none (``check``
    reports the edit itself)."""
    row = Setting.get_or_none(Setting.key == YEAR_STATUS_KEY)
    try:
        marks = json.loads(row.value) if row is not None and row.value else {}
    except ValueError:
        return {}
    if not isinstance(marks, dict):
        return {}
    return {str(y): s for y, s in marks.items() if isinstance(s, str)}


def _untouched(*models) -> bool:
    """True when each table still has the digest the app last chained: a top-up must never
    chain (and so hide) a change made outside the app."""
    for model in models:
        last = last_table_state(model)
        if last is not None and last[1] != table_state(model):
            return False
    return True


def year_status() -> dict[int, str]:
    """Every stored year and its status."""
    marks = _marks()
    years = {
        (d if isinstance(d, date) else date.fromisoformat(str(d))).year
        for (d,) in db.database.execute_sql("SELECT day FROM holiday_day").fetchall()
    }
    return {y: marks.get(str(y), "official") for y in sorted(years)}


def provisional_years() -> list[int]:
    """Years marked provisional (one small read: the calendar is read again after every save)."""
    return sorted(int(y) for y, status in _marks().items() if status != "official")


def _put_status(changes: dict[int, str]) -> None:
    marks = _marks()
    marks.update({str(y): s for y, s in changes.items()})
    value = json.dumps(dict(sorted(marks.items())), ensure_ascii=False)
    Setting.insert(key=YEAR_STATUS_KEY, value=value).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: value}
    ).execute()


def _year_clause(year: int):
    return (HolidayDay.day >= date(year, 1, 1)) & (HolidayDay.day <= date(year, 12, 31))


def days_of_year(year: int) -> list[tuple[date, str, str]]:
    return [
        (d.day, d.kind, d.name)
        for d in HolidayDay.select().where(_year_clause(year)).order_by(HolidayDay.day)
    ]


def replace_years(plans: list[YearPlan], *, source: str, station: str, actor, at: datetime) -> None:
    """Each plan's year replaces what is stored for that year (inside the caller's transaction)."""
    for plan in plans:
        HolidayDay.delete().where(_year_clause(plan.year)).execute()
        rows = [
            {"day": d, "kind": k, "name": n, "source": (plan.source or source)[:60]}
            for d, k, n in plan.days()
        ]
        for start in range(0, len(rows), 200):
            HolidayDay.insert_many(rows[start : start + 200]).execute()
    _put_status({plan.year: plan.status for plan in plans})
    record_table_state(HolidayDay, station=station, actor=actor, at=at)
    record_table_state(Setting, station=station, actor=actor, at=at)


def top_up_shipped_years(now: datetime | None = None, *, actor: str = "程序升级") -> list[int]:
    """Add the years this version ships that the register lacks (a station set up with an older
    version stops at the year its table ended). Years already stored — the county's above all —
    are never touched. Returns the years added; nothing happens before ``init``."""
    station = local_station()
    if station is None:
        return []
    stored = set(year_status())
    shipped = load_seed_status()
    missing = sorted(y for y in shipped if y not in stored)
    if not missing or not _untouched(HolidayDay, Setting):
        return []
    by_year: dict[int, list] = {y: [] for y in missing}
    for d in load_seed_days():
        day = date.fromisoformat(d["day"])
        if day.year in by_year:
            by_year[day.year].append((day, d["kind"], d.get("name", "")))
    years = [y for y in missing if by_year[y]]
    at = (now or datetime.now()).replace(microsecond=0)
    with db.transaction():
        for year in years:
            rows = [
                {"day": d, "kind": k, "name": n, "source": SHIPPED} for d, k, n in by_year[year]
            ]
            for start in range(0, len(rows), 200):
                HolidayDay.insert_many(rows[start : start + 200]).on_conflict_ignore().execute()
        _put_status({year: shipped[year] for year in years})
        record_table_state(HolidayDay, station=station.code, actor=actor, at=at)
        record_table_state(Setting, station=station.code, actor=actor, at=at)
    return years


# --- what a change does to open entries ----------------------------------------------------------


def _calendar_with(plans: list[YearPlan]) -> HolidayCalendar:
    """The stored calendar with ``plans`` in place of their years."""
    now = _stored_calendar()
    replaced = {p.year for p in plans}
    days = [(d, "holiday") for d in now.holidays if d.year not in replaced]
    days += [(d, "workday") for d in now.workdays if d.year not in replaced]
    for plan in plans:
        days += [(d, kind) for d, kind, _name in plan.days()]
    provisional = {y for y in now.provisional if y not in replaced}
    provisional |= {p.year for p in plans if p.status != "official"}
    return HolidayCalendar.from_days(days, provisional)


def deadline_changes(plans: list[YearPlan], now: datetime) -> list[tuple[Entry, DeadlineChange]]:
    """Deadlines of open entries that the new calendar moves: only those not yet passed, and
    never to a moment already past (a clerk cannot be late for a deadline set after the fact)."""
    station = _local()
    years = {p.year for p in plans}
    rules = [
        DeadlineRule(r.category, r.clock, r.unit, r.amount, r.area, r.basis)
        for r in DeadlineRuleRow.select()
        .where(DeadlineRuleRow.station == station.code)
        .order_by(DeadlineRuleRow.id)
    ]
    calendar = _calendar_with(plans)
    first = date(min(years) - 1, 1, 1)  # a deadline in the year may come from a December entry
    query = Entry.select().where(
        (Entry.station == station.code)
        & (Entry.status.in_((*OPEN_STATUSES, "replied")))
        & (Entry.received_at >= first)
    )
    changes = []
    for entry in query.order_by(Entry.id):
        wanted: dict[str, datetime | None] = {}
        if entry.status in OPEN_STATUSES:
            deadlines = compute_deadlines(
                entry.category, entry.received_at, station.area, rules, calendar
            )
            promised = deadlines
            if entry.reopened_count:
                # An unsatisfied 回访 reopened it: its reply clock restarted then (entries._reopen).
                reopened = (
                    FollowUp.select()
                    .where((FollowUp.entry == entry) & (FollowUp.satisfaction == "unsatisfied"))
                    .order_by(FollowUp.at.desc())
                    .first()
                )
                start = reopened.at if reopened else entry.received_at
                promised = compute_deadlines(entry.category, start, station.area, rules, calendar)
            wanted["due_at"] = promised_due(promised)
            for clock, field in CLOCK_FIELDS:
                wanted[field] = deadlines.get(clock)
        elif entry.replied_at is not None:
            wanted["follow_up_due_at"] = follow_up_due(
                entry.replied_at, station.area, rules, calendar
            )
        for field, new in wanted.items():
            old = getattr(entry, field)
            if old is None or new is None or old == new:
                continue
            if old.year not in years and new.year not in years:
                continue
            if old <= now or new <= now:
                continue
            changes.append((entry, DeadlineChange(entry.serial, field, old, new)))
    return changes


def apply_years(
    plans: list[YearPlan], *, actor, source: str, now: datetime | None = None
) -> list[DeadlineChange]:
    """Store ``plans`` and move the open deadlines they change, in one transaction (each entry's
    change audited as ``recompute_deadline``). The caller has checked who may do it."""
    station = _local()
    now = (now or datetime.now()).replace(microsecond=0)
    for plan in plans:
        validate(plan)
    with db.transaction():
        changes = deadline_changes(plans, now)
        replace_years(plans, source=source, station=station.code, actor=actor, at=now)
        moved: dict[int, Entry] = {}
        for entry, change in changes:
            entry = moved.setdefault(entry.id, entry)
            setattr(entry, change.field, change.new)
        for entry in moved.values():
            save_audited(entry, actor=actor, action="recompute_deadline", at=now)
    return [c for _e, c in changes]
