"""Reading the register: lists, filters, due states, one entry's whole story.

Filtering and sorting are SQL; callers page through the returned query (``.paginate``) rather
than loading every row.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from peewee import SQL, fn

from firstask_desktop.domain import permissions, status_machine
from firstask_desktop.domain.errors import ValidationError
from firstask_desktop.domain.visibility import mask_entry_dict
from firstask_desktop.domain.vocab import (
    CATEGORIES,
    CHANNELS,
    FOLLOW_UP_METHODS,
    FOLLOW_UP_OUTCOMES,
    OPEN_STATUSES,
    ROLES,
    SATISFACTION,
    STATUSES,
    TIERS,
    parse_choice,
)
from firstask_desktop.store import db, search_index
from firstask_desktop.store.models import (
    AuditEvent,
    Customer,
    Entry,
    Escalation,
    FollowUp,
    Reassignment,
    Staff,
    Supervision,
    Transfer,
    Void,
)

from .step_rules import numbered_transfers, withdrawable

# Listed for 回访 only where it may be done: a reported matter is followed up once answered.
FOLLOW_UP_FROM = tuple(sorted(status_machine.ALLOWED_FROM["follow_up"]))
MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def month_range(month: str) -> tuple[datetime, datetime]:
    """``2026-02`` → [2026-02-01 00:00, 2026-03-01 00:00)."""
    match = MONTH.match((month or "").strip())
    # Year 0 and 9999's December have no month after them a datetime can hold.
    if not match or not 1 <= int(match.group(2)) <= 12 or not 1 <= int(match.group(1)) <= 9998:
        raise ValidationError("month", f"“{month}”不是月份，请写成 年-月（如 2026-02）")
    year, mon = int(match.group(1)), int(match.group(2))
    start = datetime(year, mon, 1)
    end = datetime(year + (mon == 12), mon % 12 + 1, 1)
    return start, end


def _day_end(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59))


def overdue_condition(now: datetime):
    """Not yet answered (open, or reported unresolved: a report is not an answer) and past its
    reply deadline, or replied and past its follow-up deadline."""
    open_overdue = Entry.status.in_((*OPEN_STATUSES, "unresolved")) & (Entry.due_at < now)
    follow_overdue = (Entry.status == "replied") & (Entry.follow_up_due_at < now)
    return open_overdue | follow_overdue


def search_condition(text: str):
    """A fragment of any register text, a phone fragment, a 户号, a serial or pinyin initials
    (search_index.py says exactly what matches, and finds it through an index)."""
    terms = search_index.SearchTerms.parse(text)
    if terms is None:
        return Entry.id.is_null(False)  # nothing typed: every entry
    return search_index.condition(terms)


def matches_as_shown(data: dict, text: str) -> bool:
    """Does the search ``text`` match the entry as shown (``data``, masked or not)?

    Someone who may not see personal data sees 张*, 138****5678, the address up to the village
    and 户号 but for the last digits; a search must find only what they see, or typing one digit
    at a time would recover the hidden ones (the search is then an oracle). The database search
    finds a superset; this keeps the entries whose shown text matches."""
    terms = search_index.SearchTerms.parse(text)
    if terms is None:
        return True
    for key in ("visitor", "unit", "address", "matter", "result", "serial"):
        if terms.text in (data.get(key) or "").translate(search_index.ASCII_LOWER):
            return True
    if terms.digits:
        phone = "".join(ch for ch in data.get("phone") or "" if ch not in "- 转")
        return terms.digits in phone or terms.digits in (data.get("account_no") or "")
    return False


@dataclass
class EntryFilter:
    month: str = ""
    status: str = ""  # a status code, or "open"
    category: str = ""
    channel: str = ""
    responder: str = ""
    search: str = ""
    overdue: bool = False
    due_today: bool = False
    due_week: bool = False  # open, due after today and within 7 days (the 待办 "本周到期")
    customer: str = ""  # a customer's uuid: their matters (the 客户 screen)
    follow_up_due: bool = False
    station: str = ""
    include_void: bool = True


SORTABLE = {
    "received_at": Entry.received_at,
    "serial": Entry.serial,
    "due_at": Entry.due_at,
    "status": Entry.status,
    "category": Entry.category,
    "visitor": Entry.visitor,
}


def list_entries(
    flt: EntryFilter | None = None,
    *,
    now: datetime | None = None,
    sort: str = "received_at",
    descending: bool = False,
):
    """The entries matching ``flt`` as a query (page it; don't list() 200,000 rows)."""
    flt = flt or EntryFilter()
    query = Entry.select(Entry, Staff).join(Staff, on=(Entry.responder == Staff.id))
    query = _filtered(query, flt, now or datetime.now())
    column = SORTABLE.get(sort, Entry.received_at)
    order = column.desc() if descending else column.asc()
    return query.order_by(order, Entry.id.desc() if descending else Entry.id.asc())


# The register's count stops here: beyond it the footer says "more than" (超过 10000 条), as
# counting two million matches of a fragment in every address would take seconds at a county
# of millions, for a number nobody reads to the last digit. The page itself is always exact.
COUNT_CAP = 10_000


def count_entries(
    flt: EntryFilter | None = None,
    *,
    now: datetime | None = None,
    viewer=None,
    cap: int | None = None,
) -> int:
    """How many entries match ``flt`` (the register's footer), without reading their rows
    (but for a search by someone who may not see personal data: see :func:`register_page`).
    ``cap``: count no further than ``cap + 1`` (more than ``cap``: the footer says so)."""
    flt = flt or EntryFilter()
    if _search_as_shown(flt, viewer):
        wanted = None if cap is None else cap + 1
        return len(
            _ids_found_as_shown(flt, viewer, now or datetime.now(), "received_at", True, wanted)
        )
    if flt.search.strip() and flt == EntryFilter(search=flt.search):
        # The search alone: the index knows how many entries it matches.
        found = search_index.count(search_index.SearchTerms.parse(flt.search), cap)
        if found is not None:
            return found
    query = Entry.select(fn.COUNT(Entry.id))
    if flt.responder:
        query = query.join(Staff, on=(Entry.responder == Staff.id))
    query = _filtered(query, flt, now or datetime.now())
    if cap is None:
        return query.scalar()
    # The rows up to the cap, counted: the database stops reading at cap + 1.
    first = query.select(Entry.id).limit(cap + 1)
    return Entry.select(fn.COUNT(SQL("*"))).from_(first.alias("first")).scalar()


def _filtered(query, flt: EntryFilter, now: datetime):
    """``query`` (over Entry, joined to Staff when filtering by responder) narrowed by ``flt``."""
    # Indexes (category|channel|status|responder, received_at) serve these filters with or
    # without a month, in date order (models.Entry.Meta; docs/benchmarks.md).
    if flt.month:
        start, end = month_range(flt.month)
        query = query.where((Entry.received_at >= start) & (Entry.received_at < end))
    if flt.status == "open":
        query = query.where(Entry.status.in_(OPEN_STATUSES))
    elif flt.status:
        query = query.where(Entry.status == parse_choice(flt.status, STATUSES, "status"))
    elif not flt.include_void:
        query = query.where(Entry.status != "void")
    if flt.category:
        query = query.where(Entry.category == parse_choice(flt.category, CATEGORIES, "category"))
    if flt.channel:
        query = query.where(Entry.channel == parse_choice(flt.channel, CHANNELS, "channel"))
    if flt.responder:
        query = query.where(Staff.name == flt.responder.strip())
    if flt.station:
        query = query.where(Entry.station == flt.station.strip().upper())
    if flt.search and flt.search.strip():
        query = query.where(search_condition(flt.search))
    if flt.overdue:
        query = query.where(overdue_condition(now))
    if flt.due_today:
        query = query.where(
            Entry.status.in_(OPEN_STATUSES)
            & (Entry.due_at >= now)
            & (Entry.due_at <= _day_end(now.date()))
        )
    if flt.customer:
        query = query.where(
            Entry.customer.in_(Customer.select(Customer.id).where(Customer.uuid == flt.customer))
        )
    if flt.due_week:
        today_end = _day_end(now.date())
        query = query.where(
            Entry.status.in_(OPEN_STATUSES)
            & (Entry.due_at > today_end)
            & (Entry.due_at <= _day_end(now.date() + timedelta(days=7)))
        )
    if flt.follow_up_due:
        query = query.where(
            Entry.status.in_(FOLLOW_UP_FROM) & (Entry.follow_up_due_at <= _day_end(now.date()))
        )
    return query


# --- the register view, a page at a time -------------------------------------------------------


def register_page(
    flt: EntryFilter | None = None,
    *,
    sort: str = "received_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
    with_total: bool = False,
    viewer=None,
    now: datetime | None = None,
    cap: int | None = None,
):
    """One page of the register as ``viewer`` may see it, and (``with_total``) how many match
    (no more than ``cap + 1``: see :func:`count_entries`).

    The rows are :class:`RegisterRow` mappings: read straight from SQLite's cursor, each turned
    into ``entry_to_dict``'s form and masked (visibility.py) the first time it is read.
    """
    flt = flt or EntryFilter()
    now = now or datetime.now()
    if _search_as_shown(flt, viewer):
        wanted = offset + limit
        if with_total:
            wanted = None if cap is None else max(wanted, cap + 1)
        found = _ids_found_as_shown(flt, viewer, now, sort, descending, wanted)
        total = len(found) if cap is None else min(len(found), cap + 1)
        page = found[offset : offset + limit]
        query = list_entries(flt, now=now).select(*_ENTRY_FIELDS, Staff.name)
        sql, params = query.where(Entry.id.in_(page)).sql() if page else ("", ())
        raws = {raw[_ID_AT]: raw for raw in db.database.execute_sql(sql, params)} if page else {}
        rows = [RegisterRow(raws[entry_id], viewer, now) for entry_id in page]
        return rows, (total if with_total else None)
    query = (
        list_entries(flt, now=now, sort=sort, descending=descending)
        .select(*_ENTRY_FIELDS, Staff.name)
        .offset(offset)
        .limit(limit)
    )
    sql, params = query.sql()
    rows = [RegisterRow(raw, viewer, now) for raw in db.database.execute_sql(sql, params)]
    return rows, (count_entries(flt, now=now, cap=cap) if with_total else None)


_ENTRY_FIELDS = tuple(Entry._meta.sorted_fields)
_ID_AT = _ENTRY_FIELDS.index(Entry._meta.primary_key)


def _search_as_shown(flt: EntryFilter, viewer) -> bool:
    """A search by someone who may not see personal data is matched against what they see.
    (No viewer: a count or a page for the program itself, not for a person.)"""
    return (
        viewer is not None
        and bool(flt.search.strip())
        and not permissions.can(viewer, "see_personal_data")
    )


# The columns a search reads (search_index.py), as ``matches_as_shown`` looks at them.
_SEARCHED = ("visitor", "unit", "address", "matter", "result", "serial", "phone", "account_no")
_TEXT_SEARCHED = _SEARCHED[:6]


def _shown_match(values: dict, terms, typed: str) -> bool:
    """``matches_as_shown`` of a row's searched columns (``values``, as stored) as someone who may
    not see personal data sees them. A mask only hides (张三 → 张*, the address after the village):
    what is found in a shown column is found in the stored one, so only the columns that hold
    what was typed are masked (with the row's own masks) and looked at again; most rows of a
    county's search need one mask, not the whole row made and masked."""
    holding = {
        key: values[key]
        for key in _TEXT_SEARCHED
        if terms.text in (values[key] or "").translate(search_index.ASCII_LOWER)
    }
    if terms.digits:
        holding["phone"], holding["account_no"] = values["phone"], values["account_no"]
    if not holding:
        return False
    # The visitor's name is masked inside free text too: the masks need it.
    return matches_as_shown(mask_entry_dict({"visitor": values["visitor"]} | holding), typed)


def _ids_found_as_shown(
    flt: EntryFilter, viewer, now: datetime, sort: str, descending: bool, wanted: int | None
) -> list[int]:
    """The ids of the entries the search finds as ``viewer`` sees it (masked but for their own
    entries), in the register's order, the first ``wanted`` of them (None: all): the index finds
    a superset, each is then matched as shown (:func:`_shown_match`). Only the searched columns
    are read, as they come (``db.reading``), so that a page or a capped count of a fragment
    found everywhere stops early."""
    fields = [getattr(Entry, name) for name in _SEARCHED]
    query = list_entries(flt, now=now, sort=sort, descending=descending).select(
        Entry.id, Entry.responder, Entry.created_by, *fields
    )
    mine = viewer.id if viewer is not None and viewer.active else None
    terms = search_index.SearchTerms.parse(flt.search)
    found: list[int] = []
    sql, params = query.sql()
    with db.reading(sql, params) as cursor:
        while wanted is None or len(found) < wanted:
            raws = cursor.fetchmany(2000)
            if not raws:
                break
            for entry_id, responder, created_by, *values in raws:
                # Their own entries they see unmasked (visibility.py): found as the index finds.
                if mine in (responder, created_by) or _shown_match(
                    dict(zip(_SEARCHED, values, strict=True)), terms, flt.search
                ):
                    found.append(entry_id)
                    if wanted is not None and len(found) == wanted:
                        break
    return found


class RegisterRow(Mapping):
    """A line of a register page: ``entry_to_dict`` of the entry as the viewer may see it, made
    the first time it is read. A page brings 200 rows and a screen shows some 30, so most are
    never converted nor masked (docs/benchmarks.md)."""

    __slots__ = ("_raw", "_viewer", "_now", "_data")

    def __init__(self, raw: tuple, viewer, now: datetime):
        self._raw, self._viewer, self._now, self._data = raw, viewer, now, None

    def _dict(self) -> dict:
        if self._data is None:
            from firstask_desktop.domain.visibility import entry_dict_for

            raw = self._raw
            entry = Entry(
                __no_default__=True,
                **{
                    field.name: field.python_value(value)
                    for field, value in zip(_ENTRY_FIELDS, raw, strict=False)
                },
            )
            entry.responder = Staff(
                __no_default__=True, id=entry.responder_id, name=raw[len(_ENTRY_FIELDS)]
            )
            self._data = entry_dict_for(self._viewer, entry, entry_to_dict(entry, self._now))
            self._raw = None
        return self._data

    def __getitem__(self, key: str):
        data = self._data  # read on every paint of every cell: kept short
        return (data if data is not None else self._dict())[key]

    def __iter__(self):
        return iter(self._dict())

    def __len__(self) -> int:
        return len(self._dict())


def due_state(entry: Entry, now: datetime | None = None) -> str:
    """on_time | due_today | overdue | done — shown as text beside the colour."""
    now = now or datetime.now()
    if entry.status in OPEN_STATUSES:
        deadline = entry.due_at
    elif entry.status in ("replied", "unresolved"):
        deadline = entry.follow_up_due_at
    else:
        return "done"
    if deadline is None:
        return "on_time"
    if deadline < now:
        return "overdue"
    if deadline.date() == now.date():
        return "due_today"
    return "on_time"


DUE_STATE_LABELS = {"on_time": "未到期", "due_today": "今日到期", "overdue": "已超期", "done": "—"}


def counts(now: datetime | None = None) -> dict[str, int]:
    """The figures of the status bar and the 待办 view."""
    now = now or datetime.now()
    today_end = _day_end(now.date())
    week_end = _day_end(now.date() + timedelta(days=7))
    open_q = Entry.select().where(Entry.status.in_(OPEN_STATUSES))
    return {
        "overdue": Entry.select().where(overdue_condition(now)).count(),
        "due_today": open_q.where((Entry.due_at >= now) & (Entry.due_at <= today_end)).count(),
        "due_week": open_q.where((Entry.due_at > today_end) & (Entry.due_at <= week_end)).count(),
        "follow_up_due": Entry.select()
        .where(Entry.status.in_(FOLLOW_UP_FROM) & (Entry.follow_up_due_at <= today_end))
        .count(),
        "escalated": Entry.select().where(Entry.status == "unresolved").count(),
    }


def _iso(value) -> str | None:
    return value.isoformat(timespec="minutes") if value else None


def staff_to_dict(staff) -> dict:
    """A member of staff as every list shows them (the CLI's JSON, the GUI's tables)."""
    return {
        "name": staff.name,
        "role": staff.role,
        "role_label": ROLES.get(staff.role, staff.role),
        "department": staff.department.name if staff.department else "",
        "phone": staff.phone,
    }


def department_to_dict(department) -> dict:
    return {"name": department.name, "phone": department.phone, "place": department.place}


def customer_to_dict(customer) -> dict:
    """A customer with their service tier and customer manager (unmasked: the caller masks)."""
    return {
        "uuid": customer.uuid,
        "name": customer.name,
        "unit": customer.unit,
        "address": customer.address,
        "phone": customer.phone,
        "account_no": customer.account_no,
        "tier": customer.tier,
        "tier_label": TIERS.get(customer.tier, customer.tier),
        "manager": customer.manager.name if customer.manager else "",
    }


def entry_to_dict(entry: Entry, now: datetime | None = None) -> dict:
    """The JSON form of an entry (the CLI's contract, DESIGN.md §6)."""
    return {
        "serial": entry.serial,
        "uuid": entry.uuid,
        "station": entry.station,
        "received_at": _iso(entry.received_at),
        "channel": entry.channel,
        "channel_label": CHANNELS.get(entry.channel, entry.channel),
        "category": entry.category,
        "category_label": CATEGORIES.get(entry.category, entry.category),
        "visitor": entry.visitor,
        "unit": entry.unit,
        "address": entry.address,
        "phone": entry.phone,
        "phone_unverified": entry.phone_unverified,
        "account_no": entry.account_no,
        "matter": entry.matter,
        "responder": entry.responder.name,
        "responder_reason": entry.responder_reason,
        "status": entry.status,
        "status_label": STATUSES.get(entry.status, entry.status),
        "due_at": _iso(entry.due_at),
        "contact_due_at": _iso(entry.contact_due_at),
        "arrive_due_at": _iso(entry.arrive_due_at),
        "restore_due_at": _iso(entry.restore_due_at),
        "follow_up_due_at": _iso(entry.follow_up_due_at),
        "due_state": due_state(entry, now),
        "result": entry.result,
        "unresolved_reason": entry.unresolved_reason,
        "reception_notes": entry.reception_notes,
        "missing_documents": json.loads(entry.missing_documents or "[]"),
        "wo_number": entry.wo_number,
        "wo_due_at": _iso(entry.wo_due_at),
        "contacted_at": _iso(entry.contacted_at),
        "replied_at": _iso(entry.replied_at),
        "closed_at": _iso(entry.closed_at),
        "revision": entry.revision,
        "created_at": _iso(entry.created_at),
        "updated_at": _iso(entry.updated_at),
    }


def entry_details(entry: Entry, now: datetime | None = None) -> dict:
    """Everything about one entry: the row, its transfers, follow-ups, escalations, timeline."""
    data = entry_to_dict(entry, now)
    data["transfers"] = [
        {
            "department": t.department.name if t.department else "",
            "department_phone": t.department.phone if t.department else "",
            "to_staff": t.to_staff.name if t.to_staff else "",
            "note": t.note,
            "transferred_at": _iso(t.transferred_at),
            "due_at": _iso(t.due_at),
            "done_at": _iso(t.done_at),
            "accepted_at": _iso(t.accepted_at),
            "returned_at": _iso(t.returned_at),
            "return_reason": t.return_reason,
            "withdrawn_at": _iso(t.withdrawn_at),
            "withdraw_reason": t.withdraw_reason,
            # the steps that act on one transfer name it by this (督办, 转办完成, 撤回转办)
            "uuid": t.uuid,
            # or by this on the command line (--transfer N): its place in this list, from 1
            "number": number,
            "withdrawable": withdrawable(t),
            "by": t.created_by.name if t.created_by_id else "",
        }
        for number, t in enumerate(numbered_transfers(entry), start=1)
    ]
    data["supervisions"] = [
        {
            "at": _iso(s.at),
            "by": s.by.name,
            "note": s.note,
            "transfer": s.transfer.uuid if s.transfer_id else "",
        }
        for s in Supervision.select().where(Supervision.entry == entry).order_by(Supervision.id)
    ]
    data["follow_ups"] = [
        {
            "at": _iso(f.at),
            "by": f.by.name,
            "method": f.method,
            "method_label": FOLLOW_UP_METHODS.get(f.method, f.method),
            "outcome": f.outcome,
            "outcome_label": FOLLOW_UP_OUTCOMES.get(f.outcome, f.outcome),
            "satisfaction": f.satisfaction,
            "satisfaction_label": SATISFACTION.get(f.satisfaction or "", ""),
            "note": f.note,
        }
        for f in FollowUp.select().where(FollowUp.entry == entry).order_by(FollowUp.id)
    ]
    data["escalations"] = [
        {
            "at": _iso(e.at),
            "by": e.by.name,
            "to": e.to_staff.name if e.to_staff else "",
            "reason": e.reason,
            "decision": e.decision,
            "decision_note": e.decision_note,
            "decided_at": _iso(e.decided_at),
            "decided_by": e.decided_by.name if e.decided_by_id else "",
        }
        for e in Escalation.select().where(Escalation.entry == entry).order_by(Escalation.id)
    ]
    data["reassignments"] = [
        {
            "at": _iso(r.at),
            "from": r.from_staff.name,
            "to": r.to_staff.name,
            "by": r.by.name,
            "reason": r.reason,
        }
        for r in Reassignment.select().where(Reassignment.entry == entry).order_by(Reassignment.id)
    ]
    void = Void.select().where(Void.entry == entry).order_by(Void.id.desc()).first()
    data["void_reason"] = void.reason if void else ""
    data["void_approved_by"] = void.approved_by.name if void and void.approved_by_id else ""
    data["duplicate_of"] = void.duplicate_of.serial if void and void.duplicate_of else None
    data["duplicates"] = [
        v.entry.serial for v in Void.select().where(Void.duplicate_of == entry).order_by(Void.id)
    ]
    data["timeline"] = timeline(entry)
    return data


ACTION_TEXT = {
    "register": "登记",
    "start": "开始办理",
    "contact": "联系客户",
    "transfer": "转办",
    "supervise": "督办",
    "finish_transfer": "转办完成",
    "reply": "答复客户",
    "escalate": "上报所长",
    "unresolved": "未办结",
    "follow_up": "回访",
    "reopen": "客户不满意，重新办理",
    "close": "办结",
    "void": "作废",
    "edit": "修改登记",
    "amend_notice": "修改一次性告知清单",
    "reassign": "改派首问责任人",
    "decide_escalation": "所长处理上报",
    "assign": "所长指派办理",
    "accept_transfer": "接收转办",
    "return_transfer": "退回转办",
    "withdraw_transfer": "撤回转办",
    # The county's own events about a station's record (sync/upsert.py, services/county.py).
    "sync_import": "县公司导入同步文件",
    "quarantine_take": "县公司采用隔离记录",
}
OTHER_ACTION = "其他操作"  # an action of a newer version: never its code on screen


def entry_record_uuids(entry: Entry) -> list[str]:
    """The entry's uuid and those of its steps' records (transfers, follow-ups, ...)."""
    uuids = [entry.uuid]
    for model in (Transfer, Supervision, FollowUp, Escalation, Reassignment):
        uuids += [r.uuid for r in model.select(model.uuid).where(model.entry == entry)]
    return uuids


def timeline(entry: Entry, events=None) -> list[dict]:
    """What happened to the entry, in order, from the audit log (the evidence, not a copy);
    ``events``: another log's events of the entry (a station's, imported at the county)."""
    if events is None:
        events = (
            AuditEvent.select()
            .where(AuditEvent.record_uuid.in_(entry_record_uuids(entry)))
            .order_by(AuditEvent.seq)
        )
    rows = []
    previous = None
    for event in events:
        key = (event.at, event.actor, event.action)
        # One user action writes its own record, then the entry (transfer + entry): the entry's
        # event right after it, with the same time, person and action, is the same step.
        same_step = previous is not None and previous[0] == key and previous[1] != "entry"
        previous = (key, event.table_name)
        if same_step and event.table_name == "entry":
            continue
        rows.append(
            {
                "at": _iso(event.at),
                "actor": event.actor,
                "action": event.action,
                "label": ACTION_TEXT.get(event.action, OTHER_ACTION),
            }
        )
    return rows


def customer_history(
    phone: str = "", account_no: str = "", *, days: int = 90, now: datetime | None = None
) -> dict:
    """A returning customer's earlier matters; complaints in the last ``days`` flag the form."""
    now = now or datetime.now()
    condition = None
    if phone:
        condition = Entry.phone == phone
    if account_no:
        by_account = Entry.account_no == account_no
        condition = by_account if condition is None else (condition | by_account)
    if condition is None:
        return {"entries": 0, "recent_complaints": 0}
    total = Entry.select().where(condition).count()
    complaints = (
        Entry.select()
        .where(
            condition
            & (Entry.category == "complaint")
            & (Entry.status != "void")
            & (Entry.received_at >= now - timedelta(days=days))
        )
        .count()
    )
    return {"entries": total, "recent_complaints": complaints}


def search_customers(text: str, limit: int = 50) -> list[Customer]:
    needle = (text or "").strip()
    if not needle:
        return list(Customer.select().order_by(Customer.id.desc()).limit(limit))
    digits = re.sub(r"\D", "", needle)
    condition = Customer.name.contains(needle) | Customer.unit.contains(needle)
    if digits:
        condition |= (
            Customer.phone.contains(digits)
            | Customer.phone_alt.contains(digits)
            | Customer.account_no.contains(digits)
        )
    return list(Customer.select().where(condition).order_by(Customer.name).limit(limit))


def months_with_entries() -> list[str]:
    """The months that have entries, newest first (the register's month filter): one index seek
    per month, where counting them (entries_per_month) reads every entry."""
    months: list[str] = []
    sql = f"SELECT max(received_at) FROM entry WHERE received_at < {db.database.param}"
    bound = "9999-12-31"
    while True:
        (last,) = db.database.execute_sql(sql, (bound,)).fetchone()
        if last is None:
            return months
        month = (
            last[:7] if isinstance(last, str) else f"{last:%Y-%m}"
        )  # SQLite text, or a PG datetime
        months.append(month)
        bound = f"{month}-01"


def entries_per_month() -> dict[str, int]:
    month = fn.strftime("%Y-%m", Entry.received_at)
    return {
        m: n
        for m, n in Entry.select(month.alias("m"), fn.COUNT(Entry.id).alias("n"))
        .group_by(month)
        .tuples()
    }
