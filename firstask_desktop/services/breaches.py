"""Breaches recorded by hand, and appeals (申诉).

No scan sees rudeness (§九.1 文明用语), 推诿/拒绝 (§九.2) or 刁难/答复不实 (§九.4): the station
head, or the county assessor, records them — clause, person, the entry if there is one (a
customer turned away has none), what happened and the evidence — and they go through the same
confirm/dismiss as a detected one. A confirmed breach may be appealed once by the person named,
with a reason; the county assessor (the level above the station) decides, and the outcome is
kept beside the breach.
"""

from __future__ import annotations

from datetime import datetime

from firstask_desktop.domain import permissions
from firstask_desktop.domain.errors import (
    IllegalStepError,
    NotAllowedError,
    NotFoundError,
    RefusedError,
    ValidationError,
)
from firstask_desktop.domain.validation import clean_text
from firstask_desktop.store import db
from firstask_desktop.store.audit import save_audited
from firstask_desktop.store.models import Appeal, Staff, Violation

from .assessment import clauses, get_violation
from .entries import get_entry
from .station import find_staff, require_station

CLOCK_SKEW_MINUTES = 5
OUTCOMES = {"upheld": "维持原决定", "overturned": "撤销处罚"}


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).replace(microsecond=0)


def record_breach(
    actor: Staff,
    *,
    clause: str,
    person: str,
    what: str,
    evidence: str = "",
    serial: str = "",
    occurred_at: datetime | None = None,
    now: datetime | None = None,
) -> Violation:
    """A breach seen, not scanned: proposed like a detected one, for a decision by someone who
    is not the person named (the head's own go to the county assessor)."""
    permissions.require(actor, "record_breach")
    station = require_station()
    now = _now(now)
    table = clauses()
    found = table.get((clause or "").strip().lstrip("§"))
    if found is None:
        raise ValidationError("clause", f"请从条款表中选择：{'、'.join(table)}")
    if not (person or "").strip():
        raise ValidationError("person", "请选择违规的人员")
    named = find_staff(person, active_only=False)
    what = clean_text(what, "what", max_len=1000, required=True)
    evidence = clean_text(evidence, "evidence", max_len=1000)
    entry = get_entry(serial) if (serial or "").strip() else None
    occurred_at = (occurred_at or now).replace(microsecond=0)
    if (occurred_at - now).total_seconds() > CLOCK_SKEW_MINUTES * 60:
        raise ValidationError("occurred_at", "发生时间不能晚于现在")
    if entry is not None:
        same = (
            Violation.select()
            .where(
                (Violation.entry == entry)
                & (Violation.clause == found)
                & (Violation.responder == named)
                & (Violation.state != "dismissed")
            )
            .first()
        )
        if same is not None:
            raise RefusedError(
                f"{entry.serial} 已有 {named.name} 违反 §{found.code} 的考核记录 {same.id}"
                "（一次处罚）：请在那一条中处理。"
            )
    text = what + (f"\n证据：{evidence}" if evidence else "")
    violation = Violation(
        station=entry.station if entry else station.code,
        entry=entry,
        responder=named,
        clause=found,
        rule="manual",
        kind="manual",
        evidence=text,
        deadline=None,
        occurred_at=occurred_at,
        detected_at=now,
        amount_fen=found.amount_fen,
        reported_by=actor,
    )
    with db.transaction():
        save_audited(violation, actor=actor, action="record_breach", at=now)
    return violation


def appeal(actor: Staff, violation_id, reason: str, now: datetime | None = None) -> Appeal:
    """申诉: once, by the person named, against a confirmed breach, with a reason."""
    violation = get_violation(violation_id)
    if violation.responder_id != actor.id:
        raise NotAllowedError(f"考核记录 {violation.id} 不是针对您的：只有被考核人本人可以申诉。")
    if violation.state != "confirmed":
        raise IllegalStepError(f"考核记录 {violation.id} 尚未确认，不需要申诉：请等所长决定。")
    if Appeal.select().where(Appeal.violation == violation).exists():
        raise IllegalStepError(f"考核记录 {violation.id} 已经申诉过一次，不能再次申诉。")
    reason = clean_text(reason, "reason", max_len=1000, required=True)
    now = _now(now)
    record = Appeal(station=violation.station, violation=violation, by=actor, reason=reason, at=now)
    with db.transaction():
        save_audited(record, actor=actor, action="appeal", at=now)
    return record


def get_appeal(appeal_id) -> Appeal:
    try:
        number = int(str(appeal_id).strip())
    except ValueError:
        number = -1
    found = Appeal.get_or_none(Appeal.id == number)
    if found is None:
        raise NotFoundError(f"没有编号为“{appeal_id}”的申诉：请先用 assess appeals 查看编号。")
    return found


def decide_appeal(
    actor: Staff, appeal_id, outcome: str, note: str, now: datetime | None = None
) -> Appeal:
    """The county assessor decides: ``upheld`` keeps the fine, ``overturned`` sets it aside
    (the breach then reads 申诉撤销 and leaves the monthly sheet). Not by whoever confirmed it."""
    permissions.require(actor, "decide_appeal")
    record = get_appeal(appeal_id)
    if record.outcome:
        raise IllegalStepError(f"申诉 {record.id} 已裁决：{OUTCOMES[record.outcome]}。")
    if outcome not in OUTCOMES:
        raise ValidationError("outcome", "请选择“维持原决定”或“撤销处罚”")
    violation = record.violation
    if violation.decided_by_id == actor.id or violation.responder_id == actor.id:
        raise NotAllowedError("申诉须由原决定人和被考核人以外的考核员裁决。")
    note = clean_text(note, "note", max_len=1000, required=True)
    now = _now(now)
    record.outcome, record.note, record.decided_by, record.decided_at = outcome, note, actor, now
    with db.transaction():
        save_audited(record, actor=actor, action="decide_appeal", at=now)
        if outcome == "overturned":
            violation.state = "overturned"
            save_audited(violation, actor=actor, action="overturn_violation", at=now)
    return record


def appeals(pending_only: bool = False) -> list[dict]:
    query = Appeal.select().order_by(Appeal.id)
    if pending_only:
        query = query.where(Appeal.outcome == "")
    return [
        {
            "id": a.id,
            "violation": a.violation_id,
            "by": a.by.name,
            "reason": a.reason,
            "at": a.at.isoformat(timespec="minutes"),
            "outcome": a.outcome,
            "outcome_label": OUTCOMES.get(a.outcome, "待裁决"),
            "note": a.note,
            "decided_by": a.decided_by.name if a.decided_by_id else None,
        }
        for a in query
    ]
