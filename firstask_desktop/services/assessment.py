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
from datetime import datetime, timedelta
from decimal import Decimal

from peewee import JOIN, fn

from firstask_desktop.domain import permissions, vocab
from firstask_desktop.domain.deadlines import contact_at_receipt
from firstask_desktop.domain.errors import (
    IllegalStepError,
    NotAllowedError,
    NotFoundError,
    RefusedError,
    ValidationError,
)
from firstask_desktop.domain.validation import clean_text
from firstask_desktop.services.station import require_station
from firstask_desktop.store import db
from firstask_desktop.store.audit import save_audited
from firstask_desktop.store.models import (
    Clause,
    Entry,
    Escalation,
    FollowUp,
    Reassignment,
    Staff,
    Supervision,
    Transfer,
    Violation,
    Void,
)

SYSTEM = "系统考核"
CLOCK_SKEW = timedelta(minutes=5)  # an as-of this far ahead of the PC clock is a typo


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
    "transfer_overdue": ("九.2-3", "转办接收人未在转办时限内办完"),
    "no_follow_up": ("九.4-5", "未按时回访或未记录满意度"),
    "unresolved_unreported": ("八", "未办结事项未说明原因"),
    "closed_without_result": ("八", "办结未注明最终处理结果"),
    "repair_not_dispatched": ("九.2-3", "报修未在到达时限内转达抢修"),
    "manual": ("", "人工登记的违规"),
}
STATES = vocab.VIOLATION_STATES


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
#
# Lateness is a fact of the history, not of the current status: a deadline that passed before
# the step it asked for is a breach whatever happened later (marked unresolved, voided,
# transferred, closed). Only a void before the deadline ends the clock: nothing was owed after.


@dataclass(frozen=True)
class Finding:
    entry: Entry
    rule: str
    deadline: datetime | None
    evidence: str
    person_id: int  # the one seed §十 names: 首问责任人 (十.1–2) or the 当事人 (十.3–4)


class History:
    """One entry's steps, loaded once per scan: who held it when, and what was done when."""

    def __init__(self, entry: Entry, rows: dict):
        self.entry = entry
        self.transfers = rows["transfers"].get(entry.id, [])
        self.supervisions = rows["supervisions"].get(entry.id, [])
        self.follow_ups = rows["follow_ups"].get(entry.id, [])
        self.escalations = rows["escalations"].get(entry.id, [])
        self.reassignments = rows["reassignments"].get(entry.id, [])
        voids = rows["voids"].get(entry.id, [])
        self.voided_at = voids[-1].at if entry.status == "void" and voids else None

    def responder_at(self, moment: datetime | None) -> int:
        """The 首问责任人 at ``moment``: the one reassigned to it last before then."""
        holder = (
            self.reassignments[0].from_staff_id if self.reassignments else self.entry.responder_id
        )
        for r in self.reassignments:
            if moment is None or r.at <= moment:
                holder = r.to_staff_id
        return holder

    def open_transfer_at(self, moment: datetime) -> Transfer | None:
        for t in reversed(self.transfers):
            if t.transferred_at <= moment and (t.done_at is None or t.done_at > moment):
                if t.returned_at is None or t.returned_at > moment:
                    return t
        return None

    def holder_at(self, moment: datetime) -> int:
        """The 当事人 of a step due at ``moment``: a colleague it was transferred to and who
        had it then, else the responder."""
        transfer = self.open_transfer_at(moment)
        if transfer is not None and transfer.to_staff_id:
            return transfer.to_staff_id
        return self.responder_at(moment)

    def missed(self, due: datetime | None, done: datetime | None, as_of: datetime) -> bool:
        """Was the step due at ``due`` late: done after it, or not done before the moment the
        clock stopped (now, or a void that came after the deadline)?"""
        if due is None:
            return False
        if done is not None:
            return done > due
        stop = min(as_of, self.voided_at) if self.voided_at else as_of
        return due < stop


def _late_text(done: datetime | None, what: str, as_of: datetime, h, missing: str = "") -> str:
    missing = missing or what
    if done is not None:
        return f"实际于 {_fmt(done)} 才{what}"
    if h.voided_at is not None and h.voided_at < as_of:
        return f"期限已过仍未{missing}，{_fmt(h.voided_at)} 作废（作废不免除已发生的超期）"
    return f"至 {_fmt(as_of)} 仍未{missing}"


def find_reply_overdue(h: History, as_of: datetime) -> list[Finding]:
    e = h.entry
    if e.status == "closed" and e.replied_at is None:
        return []  # left to closed_without_result: one breach, one clause
    if not h.missed(e.due_at, e.replied_at, as_of):
        return []
    text = f"承诺时限 {_fmt(e.due_at)}，" + _late_text(
        e.replied_at, "答复客户", as_of, h, "办结答复"
    )
    if h.escalations and h.escalations[0].at > e.due_at:
        text += f"；{_fmt(h.escalations[0].at)} 才标记未办结上报（上报不是答复）"
    elif h.escalations:
        text += f"；{_fmt(h.escalations[0].at)} 已上报，但未告知客户原因或结果"
    transfer = h.open_transfer_at(e.due_at)
    if transfer is not None and transfer.to_staff_id:
        text += f"；到期时事项在转办接收人 {transfer.to_staff.name} 手中"
    return [Finding(e, "reply_overdue", e.due_at, text, h.holder_at(e.due_at))]


def find_complaint_not_contacted(h: History, as_of: datetime) -> list[Finding]:
    e = h.entry
    if e.category != "complaint" or contact_at_receipt(e.channel):
        return []  # a walk-in or a caller registered before the clock was dropped for them
    if not h.missed(e.contact_due_at, e.contacted_at, as_of):
        return []
    text = f"投诉应于 {_fmt(e.contact_due_at)} 前联系客户，" + _late_text(
        e.contacted_at, "联系客户", as_of, h
    )
    return [
        Finding(
            e, "complaint_not_contacted", e.contact_due_at, text, h.responder_at(e.contact_due_at)
        )
    ]


def _target(t: Transfer) -> str:
    return t.to_staff.name if t.to_staff_id else (t.department.name if t.department_id else "")


def find_transfer_unsupervised(h: History, as_of: datetime) -> list[Finding]:
    for t in h.transfers:
        if t.due_at is None or not h.missed(t.due_at, t.done_at or t.returned_at, as_of):
            continue
        chased = any(
            s.transfer_id == t.id and t.transferred_at <= s.at <= t.due_at for s in h.supervisions
        )
        if chased:
            continue
        done = f"，{_fmt(t.done_at)} 才办完" if t.done_at else "，到期仍未办完"
        text = (
            f"{_fmt(t.transferred_at)} 转办{_target(t)}，转办时限 {_fmt(t.due_at)}{done}，"
            "期间无督办记录"
        )
        return [Finding(h.entry, "transfer_unsupervised", t.due_at, text, h.responder_at(t.due_at))]
    return []


def find_transfer_overdue(h: History, as_of: datetime) -> list[Finding]:
    """A colleague a transfer went to did not finish it in its time: the 当事人 is the colleague."""
    found = []
    for t in h.transfers:
        if not t.to_staff_id or t.due_at is None:
            continue
        if not h.missed(t.due_at, t.done_at or t.returned_at, as_of):
            continue
        text = f"{_fmt(t.transferred_at)} 转办给 {t.to_staff.name}，转办时限 {_fmt(t.due_at)}，" + (
            _late_text(t.done_at or t.returned_at, "办完", as_of, h)
        )
        found.append(Finding(h.entry, "transfer_overdue", t.due_at, text, t.to_staff_id))
    return found


def find_no_follow_up(h: History, as_of: datetime) -> list[Finding]:
    e = h.entry
    due = e.follow_up_due_at
    reached = [f for f in h.follow_ups if f.outcome == "reached" and f.satisfaction]
    done = reached[0].at if reached else None
    if not h.missed(due, done, as_of):
        return []
    text = f"应于 {_fmt(due)} 前回访，" + _late_text(done, "回访并记录满意度", as_of, h)
    return [Finding(e, "no_follow_up", due, text, h.responder_at(due))]


def find_unresolved_unreported(h: History, as_of: datetime) -> list[Finding]:
    e = h.entry
    if e.status != "unresolved" or e.unresolved_reason.strip():
        return []
    at = h.escalations[0].at if h.escalations else None
    return [
        Finding(
            e, "unresolved_unreported", None, "标记为未办结，但没有写明原因", h.responder_at(at)
        )
    ]


def find_closed_without_result(h: History, as_of: datetime) -> list[Finding]:
    e = h.entry
    if e.status != "closed" or e.result.strip():
        return []
    text = f"{_fmt(e.closed_at)} 办结，但没有注明最终处理结果"
    return [Finding(e, "closed_without_result", None, text, h.responder_at(e.closed_at))]


def find_repair_not_dispatched(h: History, as_of: datetime) -> list[Finding]:
    e = h.entry
    if e.category != "repair" or e.arrive_due_at is None:
        return []
    sent = [t.transferred_at for t in h.transfers]
    done = min([*sent, *([e.replied_at] if e.replied_at else [])], default=None)
    if not h.missed(e.arrive_due_at, done, as_of):
        return []
    text = f"{_fmt(e.received_at)} 受理报修，应于 {_fmt(e.arrive_due_at)} 前转达抢修到达现场，" + (
        f"实际于 {_fmt(done)} 才转办抢修" if done else "期间无转办抢修记录"
    )
    return [
        Finding(e, "repair_not_dispatched", e.arrive_due_at, text, h.responder_at(e.arrive_due_at))
    ]


DETECTORS = (
    find_reply_overdue,
    find_complaint_not_contacted,
    find_transfer_unsupervised,
    find_transfer_overdue,
    find_no_follow_up,
    find_unresolved_unreported,
    find_closed_without_result,
    find_repair_not_dispatched,
)


def assessment_window_start(as_of: datetime) -> datetime:
    """The first day of the month before ``as_of``: assessment is monthly, and the first scan of
    a register with years of history must not hand the head thousands of settled old breaches."""
    first = as_of.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return first.replace(year=first.year - (first.month == 1), month=(first.month - 2) % 12 + 1)


def _candidates(since: datetime) -> list[Entry]:
    """Entries with any clock in the window (or, without clocks, received in it)."""
    in_window = (
        (Entry.received_at >= since)
        | (Entry.due_at >= since)
        | (Entry.contact_due_at >= since)
        | (Entry.arrive_due_at >= since)
        | (Entry.follow_up_due_at >= since)
        | Entry.id.in_(Transfer.select(Transfer.entry).where(Transfer.due_at >= since))
    )
    return list(Entry.select().where(in_window).order_by(Entry.id))


def _rows_by_entry(ids: list[int]) -> dict:
    found = {}
    for name, model in (
        ("transfers", Transfer),
        ("supervisions", Supervision),
        ("follow_ups", FollowUp),
        ("escalations", Escalation),
        ("reassignments", Reassignment),
        ("voids", Void),
    ):
        rows: dict[int, list] = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            for row in model.select().where(model.entry.in_(part)).order_by(model.id):
                rows.setdefault(row.entry_id, []).append(row)
        found[name] = rows
    return found


def findings_for(entry: Entry, as_of: datetime) -> list[Finding]:
    """The breaches one entry carries as of ``as_of`` (whatever the window)."""
    history = History(entry, _rows_by_entry([entry.id]))
    return [f for rule_finder in DETECTORS for f in rule_finder(history, as_of)]


def detect(as_of: datetime, since: datetime) -> list[Finding]:
    """Every breach as of ``as_of`` whose deadline (or, without one, the entry's registration)
    is on or after ``since``."""
    entries = _candidates(since)
    rows = _rows_by_entry([e.id for e in entries])
    findings = []
    for entry in entries:
        history = History(entry, rows)
        for rule_finder in DETECTORS:
            findings += [
                f for f in rule_finder(history, as_of) if (f.deadline or entry.received_at) >= since
            ]
    return findings


def _evidence_line(rule: str, evidence: str) -> str:
    return f"【{RULES[rule][1]}】{evidence}"


def scan(
    as_of: datetime | None = None, since: datetime | None = None, now: datetime | None = None
) -> list[Violation]:
    """Propose every breach found as of ``as_of`` whose deadline (or, without one, whose
    registration) is on or after ``since`` — by default the start of the previous month.

    One proposal per entry, clause and person (seed §十: 一次处罚): a second late step of the
    same clause adds its evidence to the proposal while it awaits a decision. Returns the new
    proposals. A scan as of a moment still to come is refused: it would propose breaches that
    have not happened and stamp the audit trail with a time not yet reached.
    """
    now = (now or datetime.now()).replace(microsecond=0)
    as_of = (as_of or now).replace(microsecond=0)
    if as_of > now + CLOCK_SKEW:
        raise RefusedError(
            f"检查时间 {_fmt(as_of)} 晚于当前时间 {_fmt(now)}：考核只能检查已经发生的事，"
            "请去掉 --as-of 或填写不晚于现在的时间（也请核对电脑时钟）。"
        )
    if require_station().mode == "county":
        # The stations scan their own registers; their proposals come in their sync files (a
        # county scan would propose each breach a second time under another record).
        raise RefusedError(
            "县公司不运行考核检查：各供电所检查自己的登记簿，考核建议随同步文件报送县公司。"
        )
    since = since if since is not None else assessment_window_start(as_of)
    table = clauses()
    findings = detect(as_of, since)
    entry_ids = sorted({f.entry.id for f in findings})
    existing: dict[tuple, Violation] = {}
    for chunk in range(0, len(entry_ids), 500):
        for v in Violation.select().where(Violation.entry.in_(entry_ids[chunk : chunk + 500])):
            existing.setdefault((v.entry_id, v.clause_id, v.responder_id), v)
    grouped: dict[tuple, list[Finding]] = {}
    for f in findings:
        clause = table[RULES[f.rule][0]]
        if clause.active:
            grouped.setdefault((f.entry.id, clause.id, f.person_id), []).append(f)
    created = []
    with db.transaction():
        for key, group in grouped.items():
            violation = existing.get(key)
            if violation is None:
                first = group[0]
                clause = table[RULES[first.rule][0]]
                violation = Violation(
                    station=first.entry.station,
                    entry=first.entry,
                    responder=first.person_id,
                    clause=clause,
                    rule=first.rule,
                    evidence="\n".join(_evidence_line(f.rule, f.evidence) for f in group),
                    deadline=first.deadline,
                    detected_at=as_of,
                    amount_fen=clause.amount_fen,
                )
                save_audited(violation, actor=SYSTEM, action="propose_violation", at=as_of)
                created.append(violation)
                continue
            if violation.state != "proposed":
                continue  # decided: one fine, and the decision stands
            new_lines = [
                _evidence_line(f.rule, f.evidence)
                for f in group
                if f"【{RULES[f.rule][1]}】" not in violation.evidence
            ]
            if new_lines:
                violation.evidence = "\n".join([violation.evidence, *new_lines])
                save_audited(violation, actor=SYSTEM, action="add_evidence", at=as_of)
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


def require_decider(actor: Staff, violation: Violation) -> None:
    """Nobody judges their own breach: the head's go to the county assessor (县公司考核员)."""
    permissions.require(actor, "assess")
    if violation.responder_id == actor.id:
        raise NotAllowedError(
            f"考核记录 {violation.id} 针对的是您本人：须由县公司考核员决定。它随本所的同步文件"
            "报送县公司，县公司的决定随县公司数据包带回。"
        )


def _decide(actor: Staff, violation_id, state: str, reason: str, now: datetime | None):
    permissions.require(actor, "assess")
    violation = get_violation(violation_id)
    require_decider(actor, violation)
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
        .join(Entry, JOIN.LEFT_OUTER)
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


def violation_dicts(query) -> list[dict]:
    """``violation_to_dict`` of each breach of ``query`` (from :func:`violations`), read as a
    stream: a county's list of thirty stations' breaches never held twice over in memory."""
    return [violation_to_dict(v) for v in db.stream(query)]


def filed_month(v: Violation) -> str:
    """The month whose 考核表 carries the breach, as ``month_sheet`` files it: the month of its
    deadline (a manual one: when it happened; else when it was found), not of the decision."""
    return f"{(v.deadline or v.occurred_at or v.detected_at):%Y-%m}"


def violation_to_dict(v: Violation) -> dict:
    return {
        "month": filed_month(v),
        "id": v.id,
        "serial": v.entry.serial if v.entry_id else "",
        "responder": v.responder.name,
        "responder_uuid": v.responder.uuid,
        "responder_station": v.responder.station,
        "clause": v.clause.code,
        "clause_title": v.clause.title,
        "rule": v.rule,
        "rule_label": RULES.get(v.rule, ("", v.rule))[1],
        "kind": v.kind,
        "amount_fen": v.amount_fen,
        "sanction": v.clause.sanction,
        "evidence": v.evidence,
        "deadline": v.deadline.isoformat(timespec="minutes") if v.deadline else None,
        "detected_at": v.detected_at.isoformat(timespec="minutes"),
        "state": v.state,
        "state_label": STATES[v.state],
        "decided_by": v.decided_by.name if v.decided_by else None,
        "dismiss_reason": v.dismiss_reason,
        "occurred_at": v.occurred_at.isoformat(timespec="minutes") if v.occurred_at else None,
    }


# --- 通报批评 ----------------------------------------------------------------------------------


def bulletin_data(violation_id, now: datetime | None = None) -> dict:
    """The one-page 通报 of a confirmed breach whose clause carries one (全局通报批评, 通报全局):
    the station's letterhead, the person, the clause, what happened; the customer masked (the
    notice is posted for all staff)."""
    from firstask_desktop.domain.masking import mask_name, mask_text_phones
    from firstask_desktop.services.month_stats import station_heading

    violation = get_violation(violation_id)
    if violation.state != "confirmed":
        raise IllegalStepError(
            f"考核记录 {violation.id} {STATES[violation.state]}：只有已确认的考核才印发通报。"
        )
    if not violation.clause.sanction.strip():
        raise RefusedError(
            f"考核记录 {violation.id} 的条款 §{violation.clause.code} 不带通报：不需要印发通报。"
        )
    entry = violation.entry
    return {
        "id": violation.id,
        "station": station_heading(violation.station),
        "person": violation.responder.name,
        "clause": violation.clause.code,
        "clause_title": violation.clause.title,
        "clause_text": violation.clause.description,
        "sanction": violation.clause.sanction,
        "amount_fen": violation.amount_fen,
        "rule_label": RULES.get(violation.rule, ("", violation.rule))[1],
        "evidence": mask_text_phones(violation.evidence),
        "serial": entry.serial if entry else "",
        "customer": mask_name(entry.visitor) if entry else "",
        "received_at": entry.received_at if entry else violation.occurred_at,
        "decided_by": violation.decided_by.name if violation.decided_by_id else "",
        "decided_at": violation.decided_at,
        "as_of": (now or datetime.now()).replace(microsecond=0),
    }


def bulletins(rows: list[dict]) -> list[dict]:
    """The confirmed rows of a month sheet that carry a 通报."""
    return [r for r in rows if r["sanction"]]


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
    from firstask_desktop.services.station_names import PersonLabels

    start, end = month_range(month)
    # In SQL what filed_month says of one breach: a decision is filed under this month.
    when = fn.COALESCE(Violation.deadline, Violation.occurred_at, Violation.detected_at)
    query = violations().where((when >= start) & (when < end))
    if station:
        query = query.where(Violation.station == station.strip().upper())
    labels = PersonLabels()
    # A stream (a server-side cursor on PostgreSQL): a county's month of thirty stations'
    # breaches is read a batch at a time, each row only as the plain data the sheet keeps.
    rows = [
        violation_to_dict(v)
        | {"station": v.station}
        | {"responder": labels.label(v.responder.name, v.responder.station)}
        for v in db.stream(query)
    ]
    confirmed = [r for r in rows if r["state"] == "confirmed"]
    # A person is their staff record: two 张伟 of two stations are two lines.
    people: dict[str, dict] = {}
    for r in confirmed:
        person = people.setdefault(
            r["responder_uuid"],
            {
                "station": r["station"],
                "key": r["responder_uuid"],
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
    rates = {p["key"]: p for p in stats["responders"]}
    by_person = []
    for person in sorted(
        people.values(), key=lambda p: (p["station"], -p["amount_fen"], p["name"])
    ):
        rate = rates.get(person["key"], {})
        person["reply_rate"] = rate.get("reply_rate")
        person["satisfaction_rate"] = rate.get("satisfaction_rate")
        by_person.append(person)
    return {
        "month": f"{start:%Y-%m}",
        "start": start,
        "station": stats["station"],
        "as_of": (now or datetime.now()).replace(microsecond=0),
        "confirmed": confirmed,
        "bulletins": bulletins(confirmed),
        "dismissed": [r for r in rows if r["state"] == "dismissed"],
        "pending": [r for r in rows if r["state"] == "proposed"],
        "by_person": by_person,
        "total_fen": sum(r["amount_fen"] for r in confirmed),
        "responders": stats["responders"],
        "stations": sorted({r["station"] for r in rows}),
    }
