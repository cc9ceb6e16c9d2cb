"""The monthly figures (月度统计), computed once here for the printed table and the GUI's view.

Definitions (a voided entry counts only under its status 已作废, never in a rate):

- **Reply on time** (答复及时): entries with a promised deadline (``due_at``). The answer is the
  reply to the customer (the result, or for a matter that cannot be solved, its reason). A report
  to the station head (上报) is not an answer: it is counted apart as **escalated** (已上报). On
  time when answered by the deadline; late when answered after it, or still unanswered past it;
  otherwise pending, left out of the rate.
- **Follow-up on time** (回访及时): entries with a follow-up deadline; the follow-up is the first
  attempt that reached the customer. Late and pending as above.
- **Satisfaction** (满意率): the last satisfaction each entry's customer gave; the rate is
  (满意 + 基本满意) / all rated.
- **Overdue** (超期): open past the reply deadline, or answered and past the follow-up deadline,
  as of ``now`` (the same rule as the register's overdue filter).
- **Unresolved** (未办结): reported to the station head and never replied since.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace

from peewee import fn

from firstask_desktop.domain.masking import mask_name, mask_personal_text
from firstask_desktop.domain.vocab import (
    CATEGORIES,
    CHANNELS,
    OPEN_STATUSES,
    SATISFACTION,
    STATUSES,
)
from firstask_desktop.services.queries import month_range, overdue_condition
from firstask_desktop.services.station_names import PersonLabels
from firstask_desktop.store import db
from firstask_desktop.store.models import Entry, Escalation, FollowUp, Staff, Station


def previous_month(month: str) -> str:
    start, _ = month_range(month)
    year, mon = (start.year - 1, 12) if start.month == 1 else (start.year, start.month - 1)
    return f"{year:04d}-{mon:02d}"


def rate(good: int, total: int) -> float | None:
    return good / total if total else None


@dataclass
class _Clock:
    """On time / late / pending tally for one kind of deadline."""

    on_time: int = 0
    late: int = 0
    pending: int = 0

    def add(self, due: datetime | None, done: datetime | None, now: datetime) -> str:
        if due is None:
            return ""
        if done is not None:
            kind = "on_time" if done <= due else "late"
        else:
            kind = "late" if now > due else "pending"
        setattr(self, kind, getattr(self, kind) + 1)
        return kind

    def as_dict(self) -> dict:
        return {
            "on_time": self.on_time,
            "late": self.late,
            "pending": self.pending,
            "rate": rate(self.on_time, self.on_time + self.late),
        }


@dataclass
class _Person:
    name: str
    total: int = 0
    key: str = ""  # a person: their staff uuid (two 张伟 at two stations are two people)
    station: str = ""
    label: str = ""
    reply: _Clock = field(default_factory=_Clock)
    follow_up: _Clock = field(default_factory=_Clock)
    overdue: int = 0
    unresolved: int = 0
    escalated: int = 0
    satisfaction: Counter = field(default_factory=Counter)

    def as_dict(self) -> dict:
        rated = sum(self.satisfaction.values())
        pleased = self.satisfaction["satisfied"] + self.satisfaction["basic"]
        return {
            "name": self.name,
            "key": self.key,
            "station": self.station,
            "label": self.label or self.name,
            "total": self.total,
            "reply_on_time": self.reply.on_time,
            "reply_late": self.reply.late,
            "reply_rate": rate(self.reply.on_time, self.reply.on_time + self.reply.late),
            "follow_up_on_time": self.follow_up.on_time,
            "follow_up_late": self.follow_up.late,
            "follow_up_rate": rate(
                self.follow_up.on_time, self.follow_up.on_time + self.follow_up.late
            ),
            "overdue": self.overdue,
            "unresolved": self.unresolved,
            "escalated": self.escalated,
            "rated": rated,
            "satisfaction_rate": rate(pleased, rated),
        }


def _counts(condition, column, labels: dict[str, str]) -> list[dict]:
    found = dict(
        Entry.select(column, fn.COUNT(Entry.id)).where(condition).group_by(column).tuples()
    )
    rows = [
        {"code": code, "label": label, "count": found.pop(code, 0)}
        for code, label in labels.items()
    ]
    # Codes outside the vocabulary (from a newer version at the county) are still counted.
    rows += [{"code": code, "label": code, "count": n} for code, n in sorted(found.items())]
    return rows


def _first_escalations(entry_ids) -> dict[int, datetime]:
    query = (
        Escalation.select(Escalation.entry, fn.MIN(Escalation.at))
        .where(Escalation.entry.in_(entry_ids))
        .group_by(Escalation.entry)
    )
    return dict(query.tuples())


def _follow_ups(entry_ids) -> tuple[dict[int, datetime], dict[int, str]]:
    """Entry id → when the customer was first reached, and → the last satisfaction said.

    One read of the follow-ups for both: at a county of millions PostgreSQL reads the whole
    table for either (0.4 s each, a month and the month before)."""
    query = (
        FollowUp.select(FollowUp.entry, FollowUp.at, FollowUp.outcome, FollowUp.satisfaction)
        .where(
            FollowUp.entry.in_(entry_ids)
            & ((FollowUp.outcome == "reached") | FollowUp.satisfaction.is_null(False))
        )
        .order_by(FollowUp.at, FollowUp.id)
        .tuples()
    )
    reached: dict[int, datetime] = {}
    satisfaction: dict[int, str] = {}
    for entry_id, at, outcome, said in query:
        if outcome == "reached":
            reached.setdefault(entry_id, at)  # in time order: the first
        if said is not None:
            satisfaction[entry_id] = said  # later rows overwrite earlier ones: the last word
    return reached, satisfaction


def station_heading(code: str | None) -> dict:
    """The code and name a printed page is headed with (this PC's station by default)."""
    return _station(code)


def _station(code: str | None) -> dict:
    query = Station.select()
    query = query.where(Station.code == code) if code else query.where(Station.is_local == True)  # noqa: E712
    found = query.first()
    if found is None:
        return {"code": code or "", "name": code or "全部供电所"}
    return {"code": found.code, "name": found.name}


def month_stats(
    month: str,
    now: datetime | None = None,
    *,
    station: str | None = None,
    with_previous: bool = True,
) -> dict:
    """Every figure of the month's statistics (entries received in ``month``), as of ``now``.

    ``station`` limits a county database to one station; by default every entry counts.
    ``with_previous`` adds the month before's headline figures (``summary``) as "previous".
    """
    now = now or datetime.now()
    result = _figures(month, now, station, detail=True)
    if with_previous:
        before = _figures(previous_month(month), now, station, detail=False)
        result["previous"] = summary(before)
    return result


def _figures(month: str, now: datetime, station: str | None, *, detail: bool) -> dict:
    """The month's figures; without ``detail`` only what ``summary`` reads (the month before
    on the same page): no line per overdue or unresolved entry, no figures per person or
    station, which were half the time of a county's month before (10,818 overdue lines)."""
    start, end = month_range(month)
    in_month = (Entry.received_at >= start) & (Entry.received_at < end)
    if station:
        in_month &= Entry.station == station.strip().upper()
    live = in_month & (Entry.status != "void")

    # Read as a stream (a county's month is every station's): what each entry needs from the
    # other tables comes by subqueries, never as a list of ids (SQLite takes 32,766 at most).
    # The columns used, as plain rows: building an Entry and its Staff per row was most of the
    # time of a county's month (4.3 s for 23,000 entries at a county of 3 million).
    entries = (
        Entry.select(
            *(getattr(Entry, name) for name in _ROW_COLUMNS),
            Staff.uuid.alias("responder_uuid"),
            Staff.name.alias("responder_name"),
            Staff.station.alias("responder_station"),
        )
        .join(Staff, on=(Entry.responder == Staff.id))
        .where(live)
        .order_by(Entry.received_at, Entry.id)
        .namedtuples()
    )
    ids = Entry.select(Entry.id).where(live)
    escalated = _first_escalations(ids)
    reached, satisfaction = _follow_ups(ids)
    overdue_ids = {e.id for e in Entry.select(Entry.id).where(live & overdue_condition(now))}

    reply, follow_up = _Clock(), _Clock()
    labels = PersonLabels()
    people: dict[str, _Person] = {}  # by staff uuid
    stations: dict[str, _Person] = {}  # at the county: one row per station
    overdue_rows, unresolved_rows = [], []
    total = still_open = unresolved = 0
    for entry in db.stream(entries):
        total += 1
        still_open += entry.status in OPEN_STATUSES
        answered = entry.replied_at
        reply.add(entry.due_at, answered, now)
        follow_up.add(entry.follow_up_due_at, reached.get(entry.id), now)
        is_overdue = entry.id in overdue_ids
        is_unresolved = entry.id in escalated and entry.replied_at is None
        unresolved += is_unresolved
        if not detail:
            continue
        key = entry.responder_uuid
        if key not in people:
            people[key] = _Person(
                entry.responder_name,
                key=key,
                station=entry.responder_station,
                label=labels.label(entry.responder_name, entry.responder_station),
            )
        groups = (people[key], stations.setdefault(entry.station, _Person(entry.station)))
        for group in groups:
            group.total += 1
            group.reply.add(entry.due_at, answered, now)
            group.follow_up.add(entry.follow_up_due_at, reached.get(entry.id), now)
            if entry.id in satisfaction:
                group.satisfaction[satisfaction[entry.id]] += 1
            group.overdue += is_overdue
            group.unresolved += is_unresolved
            group.escalated += entry.id in escalated
        if is_overdue:
            overdue_rows.append(overdue_row(_as_entry(entry), now, labels))
        if is_unresolved:
            unresolved_rows.append(_unresolved_row(_as_entry(entry), escalated[entry.id], labels))

    rated = Counter(satisfaction.values())
    total_rated = sum(rated.values())
    headline = {
        "month": f"{start:%Y-%m}",
        "total": total,
        "by_category": _counts(live, Entry.category, CATEGORIES),
        "by_channel": _counts(live, Entry.channel, CHANNELS),
        "reply": reply.as_dict(),
        "follow_up": follow_up.as_dict(),
        "satisfaction": {
            **{code: rated.get(code, 0) for code in SATISFACTION},
            "rated": total_rated,
            "rate": rate(rated.get("satisfied", 0) + rated.get("basic", 0), total_rated),
        },
        "overdue_count": len(overdue_ids),
        "unresolved_count": unresolved,
        "escalated": len(escalated),
    }
    if not detail:
        return headline
    station_names = labels.names
    return headline | {
        "start": start,
        "end": end,
        "as_of": now.replace(microsecond=0),
        "station": _station(station),
        "void": Entry.select().where(in_month & (Entry.status == "void")).count(),
        "by_status": _counts(in_month, Entry.status, STATUSES),
        "open": still_open,
        "overdue": overdue_rows,
        "unresolved": unresolved_rows,
        "responders": [
            p.as_dict()
            for p in sorted(people.values(), key=lambda p: (p.station != labels.local, p.label))
        ],
        "stations": [
            stations[code].as_dict() | {"code": code, "name": station_names.get(code, code)}
            for code in sorted(stations)
        ],
    }


def summary(stats: dict) -> dict:
    """The headline figures of a month, for comparing two months."""
    return {
        "month": stats["month"],
        "total": stats["total"],
        "reply_rate": stats["reply"]["rate"],
        "follow_up_rate": stats["follow_up"]["rate"],
        "satisfaction_rate": stats["satisfaction"]["rate"],
        "overdue": stats["overdue_count"],
        "unresolved": stats["unresolved_count"],
        "escalated": stats.get("escalated", 0),
        "by_category": {row["code"]: row["count"] for row in stats["by_category"]},
        "by_channel": {row["code"]: row["count"] for row in stats["by_channel"]},
    }


_ROW_COLUMNS = (
    "id",
    "serial",
    "station",
    "status",
    "category",
    "visitor",
    "received_at",
    "due_at",
    "replied_at",
    "follow_up_due_at",
    "unresolved_reason",
)


def _as_entry(row) -> SimpleNamespace:
    """A plain row read as the overdue and unresolved lines read an entry (``.responder``)."""
    fields = row._asdict()
    responder = SimpleNamespace(name=fields["responder_name"], station=fields["responder_station"])
    return SimpleNamespace(**fields, responder=responder)


def overdue_row(entry: Entry, now: datetime, labels: PersonLabels) -> dict:
    """A line of an overdue list: which answer is late, since when (the visitor masked: the
    list is printed and handed round)."""
    if entry.status in OPEN_STATUSES or entry.status == "unresolved":
        what, deadline = "答复", entry.due_at
    else:
        what, deadline = "回访", entry.follow_up_due_at
    return {
        "serial": entry.serial,
        "station": entry.station,
        "received_at": entry.received_at,
        "category": CATEGORIES.get(entry.category, entry.category),
        "visitor": mask_name(entry.visitor),
        "responder": labels.label(entry.responder.name, entry.responder.station),
        "responder_name": entry.responder.name,  # on a list of one station's own
        "status": STATUSES.get(entry.status, entry.status),
        "what": what,
        "deadline": deadline,
        "days_over": max(0, (now - deadline).days),
    }


def _unresolved_row(entry: Entry, escalated_at: datetime, labels: PersonLabels) -> dict:
    return {
        "serial": entry.serial,
        "received_at": entry.received_at,
        "category": CATEGORIES.get(entry.category, entry.category),
        "visitor": mask_name(entry.visitor),
        "responder": labels.label(entry.responder.name, entry.responder.station),
        "status": STATUSES.get(entry.status, entry.status),
        "escalated_at": escalated_at,
        "reason": mask_personal_text(entry.unresolved_reason, entry.visitor),
    }
