"""督办与考核: proposing breaches of the seed's rules from the register, for the head to decide.

The clause table (seed 供电服务首问责任制实施办法 §十) is data an administrator edits. A scan looks
at the register as of a moment and proposes a breach per entry and rule, naming the responder,
the clause and the evidence (times). Nothing is fined automatically: the station head confirms or
dismisses each proposal with a reason, and dismissals are kept.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from peewee import JOIN, fn

from firstask_desktop.domain import permissions
from firstask_desktop.domain.errors import IllegalStepError, NotFoundError, ValidationError
from firstask_desktop.domain.validation import clean_text
from firstask_desktop.services.station import require_station
from firstask_desktop.store import db
from firstask_desktop.store.audit import save_audited
from firstask_desktop.store.models import (
    Clause,
    Entry,
    Escalation,
    FollowUp,
    Staff,
    Supervision,
    Transfer,
    Violation,
)

SYSTEM = "系统考核"


@dataclass(frozen=True)
class ClauseSeed:
    code: str
    title: str
    description: str
    amount_fen: int
    sanction: str = ""


# Seed §十 处理办法, clause by clause.
DEFAULT_CLAUSES = (
    ClauseSeed(
        "八",
        "首问负责人职责",
        "未对客户进行从接待到回访的全过程服务，或未记录办理结果、未说明不能解决的原因并向主管领导汇报",
        20000,
    ),
    ClauseSeed(
        "九.1",
        "不能当场答复未记录转交督促",
        "不能当场答复或解决的，未详细记录并及时转交相关人员、督促落实、告知客户处理结果",
        20000,
        "全局通报批评",
    ),
    ClauseSeed(
        "九.2-3",
        "推诿拖延、报修未及时转达",
        "推诿、拒绝或拖延处理时间；报修未快速转达相关人员并在规定时间内处理，致使问题不能及时处理",
        50000,
        "通报全局",
    ),
    ClauseSeed(
        "九.4-5",
        "答复不实、未回访",
        "答复不实事求是；未对客户进行回访、了解满意程度并做好记录",
        20000,
    ),
)

# detector → (clause code, Chinese name of the breach)
RULES = {
    "reply_overdue": ("九.2-3", "超过承诺时限未办结答复"),
    "complaint_not_contacted": ("九.1", "投诉未在时限内联系客户"),
    "transfer_unsupervised": ("九.1", "转办到期前未督办"),
    "no_follow_up": ("九.4-5", "未按时回访或未记录满意度"),
    "unresolved_unreported": ("八", "未办结事项未说明原因或未上报"),
    "repair_not_dispatched": ("九.2-3", "报修未在到达时限内转达抢修"),
}
STATES = {"proposed": "待确认", "confirmed": "已确认", "dismissed": "已驳回"}


def _fmt(moment: datetime | None) -> str:
    return f"{moment:%Y-%m-%d %H:%M}" if moment else "—"


def yuan(amount_fen: int) -> str:
    """Integer fen as 元 for print: 20000 → "200.00"."""
    return f"{amount_fen // 100}.{amount_fen % 100:02d}"


_YUAN = re.compile(r"^(\d{1,6})(?:\.(\d{1,2}))?$")


def parse_yuan(text: str) -> int:
    """An amount typed in 元 (up to two decimals) as integer fen: "200.5" → 20050. Parsed as
    text with Decimal, never through a float; full-width digits from an IME are accepted."""
    typed = unicodedata.normalize("NFKC", str(text or "")).strip().removesuffix("元").strip()
    if not _YUAN.match(typed):
        raise ValidationError(
            "fine", f"“{text}”不是金额：请填写元，最多两位小数（如 200 或 200.50）"
        )
    fen = int(Decimal(typed) * 100)
    if fen > 10_000_000:
        raise ValidationError("fine", "不能超过 100000 元，请核对")
    return fen


def sees_every_responder(viewer) -> bool:
    """The station head decides on everyone's proposals and administrators check them; everyone
    else sees only the breaches proposed against themselves."""
    return permissions.can(viewer, "assess") or permissions.can(viewer, "edit_settings")


def ensure_clauses(now: datetime | None = None) -> None:
    """Seed the clause table once (new stations, and databases from before schema v3)."""
    station = require_station()
    if Clause.select().exists():
        return
    with db.transaction():
        for seed in DEFAULT_CLAUSES:
            clause = Clause(
                station=station.code,
                code=seed.code,
                title=seed.title,
                description=seed.description,
                amount_fen=seed.amount_fen,
                sanction=seed.sanction,
            )
            save_audited(clause, actor=SYSTEM, action="seed_clause", at=now)


def clauses() -> dict[str, Clause]:
    ensure_clauses()
    return {c.code: c for c in Clause.select().order_by(Clause.id)}


def update_clause(
    actor: Staff,
    code: str,
    *,
    amount_fen: int | None = None,
    sanction: str | None = None,
    title: str | None = None,
    now: datetime | None = None,
) -> Clause:
    """An administrator edits a clause (amounts in integer fen); every change is audited."""
    permissions.require(actor, "edit_rules")
    clause = clauses().get(code)
    if clause is None:
        raise NotFoundError(f"没有条款“{code}”：现有条款 {'、'.join(clauses())}。")
    if amount_fen is not None:
        if (
            isinstance(amount_fen, bool)
            or not isinstance(amount_fen, int)
            or not 0 <= amount_fen <= 10_000_000
        ):
            raise ValidationError("fine", "应为 0 到 100000 元之间的整数分")
        clause.amount_fen = amount_fen
    if sanction is not None:
        clause.sanction = clean_text(sanction, "note", max_len=60, multiline=False)
    if title is not None:
        clause.title = clean_text(title, "note", max_len=100, required=True, multiline=False)
    with db.transaction():
        save_audited(clause, actor=actor, action="edit_clause", at=now)
    return clause


# --- detection --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    entry: Entry
    rule: str
    deadline: datetime | None
    evidence: str


def _not_flagged(rule: str):
    flagged = Violation.select(Violation.entry).where(Violation.rule == rule)
    return Entry.id.not_in(flagged)


def _live():
    return Entry.status != "void"


def find_reply_overdue(as_of: datetime) -> list[Finding]:
    open_late = Entry.status.in_(("registered", "in_progress", "transferred")) & (
        Entry.due_at < as_of
    )
    replied_late = Entry.replied_at.is_null(False) & (Entry.replied_at > Entry.due_at)
    query = Entry.select().where(
        _live()
        & Entry.due_at.is_null(False)
        & (open_late | replied_late)
        & _not_flagged("reply_overdue")
    )
    findings = []
    for e in query:
        if e.replied_at and e.replied_at > e.due_at:
            text = f"承诺时限 {_fmt(e.due_at)}，实际于 {_fmt(e.replied_at)} 才答复客户"
        else:
            text = f"承诺时限 {_fmt(e.due_at)}，至 {_fmt(as_of)} 仍未办结答复"
        findings.append(Finding(e, "reply_overdue", e.due_at, text))
    return findings


def find_complaint_not_contacted(as_of: datetime) -> list[Finding]:
    query = Entry.select().where(
        _live()
        & (Entry.category == "complaint")
        & (Entry.contact_due_at < as_of)
        & (Entry.contacted_at.is_null() | (Entry.contacted_at > Entry.contact_due_at))
        & _not_flagged("complaint_not_contacted")
    )
    return [
        Finding(
            e,
            "complaint_not_contacted",
            e.contact_due_at,
            f"投诉应于 {_fmt(e.contact_due_at)} 前联系客户，"
            + (
                f"实际于 {_fmt(e.contacted_at)} 才联系"
                if e.contacted_at
                else f"至 {_fmt(as_of)} 无联系记录"
            ),
        )
        for e in query
    ]


def find_transfer_unsupervised(as_of: datetime) -> list[Finding]:
    chased = Supervision.select(Supervision.id).where(
        (Supervision.transfer == Transfer.id) & (Supervision.at <= Transfer.due_at)
    )
    query = (
        Transfer.select(Transfer, Entry)
        .join(Entry)
        .where(
            _live()
            & Transfer.due_at.is_null(False)
            & (Transfer.due_at < as_of)
            & (Transfer.done_at.is_null() | (Transfer.done_at > Transfer.due_at))
            & ~fn.EXISTS(chased)
            & _not_flagged("transfer_unsupervised")
        )
        .order_by(Transfer.id)
    )
    findings, seen = [], set()
    for t in query:
        if t.entry_id in seen:
            continue
        seen.add(t.entry_id)
        dep = t.department.name if t.department else (t.to_staff.name if t.to_staff else "")
        done = f"，{_fmt(t.done_at)} 才办完" if t.done_at else "，到期仍未办完"
        findings.append(
            Finding(
                t.entry,
                "transfer_unsupervised",
                t.due_at,
                f"{_fmt(t.transferred_at)} 转办{dep}，转办时限 {_fmt(t.due_at)}{done}，期间无督办记录",
            )
        )
    return findings


def find_no_follow_up(as_of: datetime) -> list[Finding]:
    reached = FollowUp.select(FollowUp.id).where(
        (FollowUp.entry == Entry.id)
        & (FollowUp.outcome == "reached")
        & FollowUp.satisfaction.is_null(False)
        & (FollowUp.at <= Entry.follow_up_due_at)
    )
    query = Entry.select().where(
        _live()
        & Entry.follow_up_due_at.is_null(False)
        & (Entry.follow_up_due_at < as_of)
        & ~fn.EXISTS(reached)
        & _not_flagged("no_follow_up")
    )
    findings = []
    for e in query:
        late = (
            FollowUp.select()
            .where((FollowUp.entry == e) & (FollowUp.outcome == "reached"))
            .order_by(FollowUp.id)
            .first()
        )
        when = f"实际于 {_fmt(late.at)} 才回访" if late else f"至 {_fmt(as_of)} 无回访满意度记录"
        findings.append(
            Finding(
                e,
                "no_follow_up",
                e.follow_up_due_at,
                f"应于 {_fmt(e.follow_up_due_at)} 前回访，{when}",
            )
        )
    return findings


def find_unresolved_unreported(as_of: datetime) -> list[Finding]:
    # Reported means to someone: with no station head on the staff list, nobody was told.
    reported = Escalation.select(Escalation.id).where(
        (Escalation.entry == Entry.id) & Escalation.to_staff.is_null(False)
    )
    query = Entry.select().where(
        (Entry.status == "unresolved")
        & ((fn.TRIM(Entry.unresolved_reason) == "") | ~fn.EXISTS(reported))
        & _not_flagged("unresolved_unreported")
    )
    return [
        Finding(
            e,
            "unresolved_unreported",
            None,
            "标记为未办结，但"
            + (
                "没有写明原因"
                if not e.unresolved_reason.strip()
                else "没有上报所长（所内未登记所长）"
            ),
        )
        for e in query
    ]


def find_repair_not_dispatched(as_of: datetime) -> list[Finding]:
    dispatched = Transfer.select(Transfer.id).where(
        (Transfer.entry == Entry.id) & (Transfer.transferred_at <= Entry.arrive_due_at)
    )
    query = Entry.select().where(
        _live()
        & (Entry.category == "repair")
        & (Entry.arrive_due_at < as_of)
        & ~fn.EXISTS(dispatched)
        & (Entry.replied_at.is_null() | (Entry.replied_at > Entry.arrive_due_at))
        & _not_flagged("repair_not_dispatched")
    )
    return [
        Finding(
            e,
            "repair_not_dispatched",
            e.arrive_due_at,
            f"{_fmt(e.received_at)} 受理报修，应于 {_fmt(e.arrive_due_at)} 前转达抢修到达现场，"
            "期间无转办抢修记录",
        )
        for e in query
    ]


DETECTORS = (
    find_reply_overdue,
    find_complaint_not_contacted,
    find_transfer_unsupervised,
    find_no_follow_up,
    find_unresolved_unreported,
    find_repair_not_dispatched,
)


def assessment_window_start(as_of: datetime) -> datetime:
    """The first day of the month before ``as_of``: assessment is monthly, and the first scan of
    a register with years of history must not hand the head thousands of settled old breaches."""
    first = as_of.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return first.replace(year=first.year - (first.month == 1), month=(first.month - 2) % 12 + 1)


def scan(as_of: datetime | None = None, since: datetime | None = None) -> list[Violation]:
    """Propose every breach found as of ``as_of`` whose deadline (or, without one, whose
    registration) is on or after ``since`` — by default the start of the previous month — and
    that was not proposed before; returns the new ones."""
    as_of = (as_of or datetime.now()).replace(microsecond=0)
    since = since if since is not None else assessment_window_start(as_of)
    table = clauses()
    findings = [
        f
        for detect in DETECTORS
        for f in detect(as_of)
        if (f.deadline or f.entry.received_at) >= since
    ]
    created = []
    with db.transaction():
        for f in findings:
            clause = table[RULES[f.rule][0]]
            if not clause.active:
                continue
            violation = Violation(
                station=f.entry.station,
                entry=f.entry,
                responder=f.entry.responder_id,
                clause=clause,
                rule=f.rule,
                evidence=f.evidence,
                deadline=f.deadline,
                detected_at=as_of,
                amount_fen=clause.amount_fen,
            )
            save_audited(violation, actor=SYSTEM, action="propose_violation", at=as_of)
            created.append(violation)
    return created


# --- decisions --------------------------------------------------------------------------------


def get_violation(violation_id: int | str) -> Violation:
    try:
        number = int(str(violation_id).strip())
    except ValueError:
        number = -1
    found = Violation.get_or_none(Violation.id == number)
    if found is None:
        raise NotFoundError(
            f"没有编号为“{violation_id}”的考核记录：请先运行 assess scan 查看编号。"
        )
    return found


def _decide(actor: Staff, violation_id, state: str, reason: str, now: datetime | None):
    permissions.require(actor, "assess")
    violation = get_violation(violation_id)
    if violation.state != "proposed":
        raise IllegalStepError(
            f"考核记录 {violation.id} 已{STATES[violation.state]}，不能再次处理。"
        )
    violation.state = state
    violation.decided_by = actor
    violation.decided_at = (now or datetime.now()).replace(microsecond=0)
    violation.dismiss_reason = reason
    with db.transaction():
        save_audited(violation, actor=actor, action=f"{state}_violation", at=violation.decided_at)
    return violation


def confirm(actor: Staff, violation_id, now: datetime | None = None) -> Violation:
    return _decide(actor, violation_id, "confirmed", "", now)


def dismiss(actor: Staff, violation_id, reason: str, now: datetime | None = None) -> Violation:
    reason = clean_text(reason, "reason", max_len=500, required=True)
    return _decide(actor, violation_id, "dismissed", reason, now)


def violations(state: str = "", responder: Staff | None = None, month_range=None):
    # Responder and decider in the same query: a row each would be two queries per violation
    # (20 s for the head's list on a register with 28,000 proposals).
    decider = Staff.alias()
    query = (
        Violation.select(Violation, Entry, Clause, Staff, decider)
        .join(Entry)
        .switch(Violation)
        .join(Clause)
        .switch(Violation)
        .join(Staff, JOIN.LEFT_OUTER, on=(Violation.responder == Staff.id), attr="responder")
        .switch(Violation)
        .join(decider, JOIN.LEFT_OUTER, on=(Violation.decided_by == decider.id), attr="decided_by")
    )
    if state:
        query = query.where(Violation.state == state)
    if responder is not None:
        query = query.where(Violation.responder == responder)
    if month_range is not None:
        start, end = month_range
        query = query.where((Violation.detected_at >= start) & (Violation.detected_at < end))
    return query.order_by(Violation.id)


def violation_to_dict(v: Violation) -> dict:
    return {
        "id": v.id,
        "serial": v.entry.serial,
        "responder": v.responder.name,
        "clause": v.clause.code,
        "clause_title": v.clause.title,
        "rule": v.rule,
        "rule_label": RULES.get(v.rule, ("", v.rule))[1],
        "amount_fen": v.amount_fen,
        "sanction": v.clause.sanction,
        "evidence": v.evidence,
        "deadline": v.deadline.isoformat(timespec="minutes") if v.deadline else None,
        "detected_at": v.detected_at.isoformat(timespec="minutes"),
        "state": v.state,
        "state_label": STATES[v.state],
        "decided_by": v.decided_by.name if v.decided_by else None,
        "dismiss_reason": v.dismiss_reason,
    }


# --- chasing and repeats ------------------------------------------------------------------------


def transfers_due_soon(now: datetime | None = None, hours: int = 24) -> list[dict]:
    """Open transfers whose own deadline falls within ``hours`` (or has passed): the reminders
    and the 督办单 list, each with the department's phone to call."""
    from datetime import timedelta

    now = now or datetime.now()
    query = (
        Transfer.select(Transfer, Entry)
        .join(Entry)
        .where(
            Transfer.done_at.is_null()
            & Transfer.due_at.is_null(False)
            & (Transfer.due_at <= now + timedelta(hours=hours))
            & (Entry.status == "transferred")
        )
        .order_by(Transfer.due_at)
    )
    rows = []
    for t in query:
        last = (
            Supervision.select()
            .where(Supervision.transfer == t)
            .order_by(Supervision.id.desc())
            .first()
        )
        rows.append(
            {
                "serial": t.entry.serial,
                "responder": t.entry.responder.name,
                "department": t.department.name if t.department else "",
                "department_phone": t.department.phone if t.department else "",
                "to_staff": t.to_staff.name if t.to_staff else "",
                "matter": t.entry.matter,
                "transferred_at": t.transferred_at,
                "due_at": t.due_at,
                "overdue": t.due_at < now,
                "last_supervision": last.at if last else None,
            }
        )
    return rows


REPEAT_DAYS = 90
REPEAT_COMPLAINTS = 3


def repeat_complainants(
    now: datetime | None = None, days: int = REPEAT_DAYS, threshold: int = REPEAT_COMPLAINTS
) -> list[dict]:
    """Customers (by phone or 户号) with ``threshold`` or more complaints in ``days`` days."""
    from datetime import timedelta

    now = now or datetime.now()
    since = now - timedelta(days=days)
    base = Entry.select().where(
        (Entry.category == "complaint")
        & (Entry.status != "void")
        & (Entry.received_at >= since)
        & (Entry.received_at <= now)
    )
    found: dict[tuple[str, str], dict] = {}
    for column, kind in ((Entry.phone, "phone"), (Entry.account_no, "account_no")):
        groups = (
            base.select(
                column.alias("key"),
                fn.COUNT(Entry.id).alias("n"),
                fn.MAX(Entry.visitor).alias("visitor"),
            )
            .where(column != "")
            .group_by(column)
            .having(fn.COUNT(Entry.id) >= threshold)
        )
        for row in groups.dicts():
            found[(kind, row["key"])] = {
                "kind": kind,
                "key": row["key"],
                "count": row["n"],
                "visitor": row["visitor"],
            }
    return sorted(found.values(), key=lambda r: -r["count"])


# --- the monthly sheet --------------------------------------------------------------------------


def month_sheet(month: str, *, station: str | None = None, now: datetime | None = None) -> dict:
    """The 月度考核表's figures: breaches whose deadline fell in ``month`` (or, without one, that
    were found in it), confirmed ones with amounts by responder, dismissed ones with reasons, and
    each responder's on-time and satisfaction rates from the statistics."""
    from firstask_desktop.services.month_stats import month_stats
    from firstask_desktop.services.queries import month_range

    start, end = month_range(month)
    when = fn.COALESCE(Violation.deadline, Violation.detected_at)
    query = violations().where((when >= start) & (when < end))
    if station:
        query = query.where(Violation.station == station.strip().upper())
    rows = [violation_to_dict(v) | {"station": v.station} for v in query]
    confirmed = [r for r in rows if r["state"] == "confirmed"]
    people: dict[tuple[str, str], dict] = {}
    for r in confirmed:
        person = people.setdefault(
            (r["station"], r["responder"]),
            {
                "station": r["station"],
                "name": r["responder"],
                "count": 0,
                "amount_fen": 0,
                "sanctions": [],
            },
        )
        person["count"] += 1
        person["amount_fen"] += r["amount_fen"]
        if r["sanction"] and r["sanction"] not in person["sanctions"]:
            person["sanctions"].append(r["sanction"])
    stats = month_stats(month, now, station=station, with_previous=False)
    rates = {p["name"]: p for p in stats["responders"]}
    by_person = []
    for key in sorted(people, key=lambda k: (k[0], -people[k]["amount_fen"], k[1])):
        person = people[key]
        rate = rates.get(person["name"], {})
        person["reply_rate"] = rate.get("reply_rate")
        person["satisfaction_rate"] = rate.get("satisfaction_rate")
        by_person.append(person)
    return {
        "month": f"{start:%Y-%m}",
        "start": start,
        "station": stats["station"],
        "as_of": (now or datetime.now()).replace(microsecond=0),
        "confirmed": confirmed,
        "dismissed": [r for r in rows if r["state"] == "dismissed"],
        "pending": [r for r in rows if r["state"] == "proposed"],
        "by_person": by_person,
        "total_fen": sum(r["amount_fen"] for r in confirmed),
        "responders": stats["responders"],
        "stations": sorted({r["station"] for r in rows}),
    }
