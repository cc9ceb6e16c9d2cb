"""The life of an entry, one function per step of the 首问负责制."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timedelta

from firstask_desktop.domain import permissions
from firstask_desktop.domain.deadlines import contact_at_receipt, promised_due
from firstask_desktop.domain.errors import (
    IllegalStepError,
    NotAllowedError,
    NotFoundError,
    RefusedError,
    TierResponderError,
    TransferNotNamedError,
    ValidationError,
)
from firstask_desktop.domain.search_text import pinyin_initials
from firstask_desktop.domain.validation import (
    Problems,
    check_time,
    clean_text,
    normalise_account_no,
    normalise_name,
    normalise_phone,
    phone_problem,
)
from firstask_desktop.domain.vocab import (
    CATEGORIES,
    CHANNELS,
    FOLLOW_UP_METHODS,
    FOLLOW_UP_OUTCOMES,
    SATISFACTION,
    TIERS,
    parse_choice,
)
from firstask_desktop.store import chain_head, db, record_sql
from firstask_desktop.store.audit import save_audited
from firstask_desktop.store.models import (
    Customer,
    Entry,
    Escalation,
    FollowUp,
    SerialCounter,
    Staff,
    Supervision,
    Transfer,
    Void,
)

from . import step_rules
from .rules import DeadlineBook, current_rules
from .station import find_department, find_staff, require_station, station_head

MATTER_MAX = 2000
RESULT_MAX = 2000
NOTE_MAX = 1000
NEED_PHONE = "不能当场答复的事项必须记录联系电话，以便告知办理结果和回访"
# The policy has the responder 交待 the matter to whoever takes it on (seed 2.2): the note is
# what the department reads and what 督办 chases, so a new transfer cannot go without one.
TRANSFER_NOTE_NEEDED = "转办须写明要对方办什么、何时办完，如“请今天下班前到现场查看电表”，再转办"
CLOCK_SKEW = timedelta(minutes=5)  # a received time this far ahead of the PC clock is a typo


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).replace(microsecond=0)


def next_serial(station_code: str, year: int) -> str:
    """Take the next serial number of the station's year (inside the caller's transaction)."""
    # Plain SQL written once: this runs on every save (peewee built a SELECT and an UPDATE).
    key = (station_code, year)
    if db.database.execute_sql(record_sql.driver_sql(_SERIAL_STEP), key).rowcount == 0:
        SerialCounter.create(station=station_code, year=year, last=1)  # the year's first entry
        last = 1
    else:
        (last,) = db.database.execute_sql(record_sql.driver_sql(_SERIAL_LAST), key).fetchone()
    folder = chain_head.attached()
    floor = chain_head.serial_floor(folder, station_code, year) if folder else 0
    if last <= floor:
        # The register lost its last commits (chain_head): those numbers were handed out.
        last = floor + 1
        SerialCounter.update(last=last).where(
            (SerialCounter.station == station_code) & (SerialCounter.year == year)
        ).execute()
    return f"{station_code}-{year:04d}-{last:05d}"


_SERIAL_STEP = 'UPDATE "serial_counter" SET "last" = "last" + 1 WHERE "station" = ? AND "year" = ?'
_SERIAL_LAST = 'SELECT "last" FROM "serial_counter" WHERE "station" = ? AND "year" = ?'


def get_entry(serial: str) -> Entry:
    entry = Entry.select().where(Entry.serial == (serial or "").strip().upper()).first()
    if entry is None:
        raise NotFoundError(
            f"没有受理编号为“{serial}”的登记：请检查编号（格式如 GS0101-2026-00001）。"
        )
    return entry


def find_customer(
    phone: str = "", account_no: str = "", name: str = "", address: str = ""
) -> Customer | None:
    """A known customer by 户号 first (unique to a meter), else by any of their phones, else by
    name and address together (a gold customer calling from a new number is still theirs)."""
    # Looked up on every save: SQL written once (record_sql), not built by peewee each time.
    if account_no:
        found = record_sql.first(Customer, '"account_no" = ?', (account_no,))
        if found:
            return found
    if phone:
        found = record_sql.first(Customer, '"phone" = ? OR "phone_alt" = ?', (phone, phone))
        if found:
            return found
    if name and address:
        return record_sql.first(Customer, '"name" = ? AND "address" = ?', (name, address))
    return None


def tier_manager(customer: Customer | None) -> Staff | None:
    """A gold/silver/bronze customer's active customer manager (seed §六: their 首问责任人)."""
    if customer is None or customer.tier not in ("gold", "silver", "bronze"):
        return None
    manager = customer.manager
    return manager if manager is not None and manager.active else None


def missing_documents_list(items: Iterable[str] | None) -> list[str]:
    """The one-time notice list, cleaned, each document once."""
    return _missing_documents(items)


def _missing_documents(items: Iterable[str] | None) -> list[str]:
    docs = []
    for item in items or ():
        text = clean_text(item, "missing_documents", max_len=100, multiline=False)
        if text and text not in docs:
            docs.append(text)
    return docs


def _received_at(value: datetime | None, now: datetime) -> datetime:
    if value is None:
        return now
    value = check_time(value.replace(microsecond=0), "received_at")  # 0226 for 2026: refused
    if value > now + CLOCK_SKEW:
        raise ValidationError(
            "received_at", "不能晚于当前时间，请检查日期和时刻（也请核对电脑时钟）"
        )
    return value


def choose_responder(actor: Staff, customer: Customer | None, responder_name: str = "") -> Staff:
    """Seed §六: a gold/silver/bronze customer's customer manager is their first responder."""
    if responder_name:
        return find_staff(responder_name)
    return tier_manager(customer) or actor


def register_entry(
    actor: Staff,
    *,
    channel: str,
    category: str,
    visitor: str,
    matter: str,
    unit: str = "",
    address: str = "",
    phone: str = "",
    account_no: str = "",
    responder: str = "",
    received_at: datetime | None = None,
    reception_notes: str = "",
    missing_documents: Iterable[str] | None = None,
    wo_number: str = "",
    wo_due_at: datetime | None = None,
    result: str = "",
    phone_unverified: bool = False,
    responder_reason: str = "",
    now: datetime | None = None,
) -> Entry:
    """Register a matter. With ``result`` it was answered on the spot (status 已答复).

    A phone libphonenumber's data does not know is refused (``UnverifiedPhoneError``, saying
    what is wrong) unless ``phone_unverified``: the clerk checked it with the customer, and the
    entry keeps it marked 号码未经核实.

    A tier customer's matter is their customer manager's; someone else takes it only with a
    reason (``responder_reason``), kept on the entry and in the audit trail.
    """
    permissions.require(actor, "register")
    station = require_station()
    now = _now(now)
    # Every field is checked before any is refused: the form marks all its problems at once.
    problems = Problems()
    channel = problems.check(parse_choice, channel, CHANNELS, "channel")
    category = problems.check(parse_choice, category, CATEGORIES, "category")
    received = problems.check(_received_at, received_at, now)
    wo_number = problems.check(clean_text, wo_number, "wo_number", max_len=40, multiline=False)
    if channel == "hotline_95598" and wo_number == "":
        problems.add("wo_number", "95598转办的登记必须填写工单号")
    visitor = problems.check(normalise_name, visitor, "visitor")
    unit = problems.check(clean_text, unit, "unit", max_len=100, multiline=False)
    address = problems.check(clean_text, address, "address", max_len=200, multiline=False)
    typed_phone = (phone or "").strip()
    phone = (
        problems.check(normalise_phone, phone, allow_unverified=phone_unverified)
        if typed_phone
        else ""
    )
    typed_account = (account_no or "").strip()
    account_no = problems.check(normalise_account_no, account_no)
    matter = problems.check(clean_text, matter, "matter", max_len=MATTER_MAX, required=True)
    reception_notes = problems.check(
        clean_text, reception_notes, "reception_notes", max_len=NOTE_MAX
    )
    answered = bool((result or "").strip())
    result = problems.check(clean_text, result, "result", max_len=RESULT_MAX)
    docs = problems.check(_missing_documents, missing_documents)
    if not answered and not typed_phone and not typed_account:
        # Seed 九.1: what cannot be answered on the spot needs a way to tell the customer later.
        problems.add("phone", NEED_PHONE)
    problems.raise_any()
    customer = find_customer(phone, account_no, visitor, address)
    if not phone and customer is not None:
        phone = customer.phone  # a known customer (by 户号) is reached on the number on file
    if not result and not phone:
        raise ValidationError("phone", NEED_PHONE)
    owner = choose_responder(actor, customer, responder)
    responder_reason = clean_text(responder_reason, "responder_reason", max_len=NOTE_MAX)
    manager = tier_manager(customer)
    if manager is not None and owner.id != manager.id and not responder_reason:
        raise TierResponderError(
            f"{customer.name}是{TIERS[customer.tier]}客户，首问责任人应是客户经理"
            f" {manager.name}：请改选 {manager.name}，或写明由他人负责的原因",
            manager.name,
        )
    book = DeadlineBook(station.area, current_rules(station.code))
    deadlines = book.for_entry(category, received, channel)
    due = promised_due(deadlines)
    if owner.id != actor.id and due is not None and due < now and not result:
        if not permissions.can(actor, "act_for_others"):
            # A back-dated entry already past its deadline on a colleague's name would be a
            # fine for them for a matter they never had (seed §十二).
            raise NotAllowedError(
                f"这条登记按受理时间已超过答复时限（{due:%Y-%m-%d %H:%M}），不能记在"
                f"{owner.name}名下：请记在自己名下，或请所长登记。"
            )

    with db.transaction():
        if customer is None:
            customer = Customer(
                station=station.code,
                name=visitor,
                unit=unit,
                address=address,
                phone=phone,
                account_no=account_no,
            )
            save_audited(customer, actor=actor, action="add_customer", at=now)
        entry = Entry(
            station=station.code,
            serial=next_serial(station.code, received.year),
            received_at=received,
            channel=channel,
            category=category,
            visitor=visitor,
            unit=unit,
            address=address,
            phone=phone,
            phone_unverified=bool(phone) and bool(phone_problem(phone)),
            account_no=account_no,
            customer=customer,
            matter=matter,
            responder=owner,
            responder_reason=responder_reason,
            created_by=actor,
            reception_notes=reception_notes,
            missing_documents=json.dumps(docs, ensure_ascii=False),
            wo_number=wo_number,
            wo_due_at=wo_due_at,
            due_at=promised_due(deadlines),
            contact_due_at=deadlines.get("contact"),
            arrive_due_at=deadlines.get("arrive"),
            restore_due_at=deadlines.get("restore"),
            # At the counter or on the line, the registration is the first contact.
            contacted_at=received if contact_at_receipt(channel) else None,
            search_initials=pinyin_initials(visitor, unit),
        )
        if result:
            set_replied(entry, result, now, book)
        save_audited(entry, actor=actor, action="register", at=now)
    return entry


def set_replied(entry: Entry, result: str, now: datetime, book: DeadlineBook) -> None:
    entry.result = result
    entry.replied_at = now
    entry.contacted_at = entry.contacted_at or now
    entry.follow_up_due_at = book.follow_up(now)
    if entry.category == "praise":
        # Nothing to follow up on a thank-you: it is closed once acknowledged.
        entry.status = "closed"
        entry.closed_at = now
        entry.follow_up_due_at = None
    else:
        entry.status = "replied"


def deadline_book() -> DeadlineBook:
    station = require_station()
    return DeadlineBook(station.area, current_rules(station.code))


def start_entry(actor: Staff, serial: str, now: datetime | None = None) -> Entry:
    entry = get_entry(serial)
    step_rules.require(actor, entry, "start")
    entry.status = "in_progress"
    with db.transaction():
        save_audited(entry, actor=actor, action="start", at=_now(now))
    return entry


def record_contact(actor: Staff, serial: str, note: str = "", now: datetime | None = None) -> Entry:
    """The first contact with the customer (complaints must have one within their first clock)."""
    entry = get_entry(serial)
    step_rules.require(actor, entry, "contact")
    note = clean_text(note, "note", max_len=NOTE_MAX)
    now = _now(now)
    if entry.contacted_at is None:
        entry.contacted_at = now
    if note:
        entry.reception_notes = (
            entry.reception_notes + "\n" if entry.reception_notes else ""
        ) + f"{now:%m-%d %H:%M} 联系客户：{note}"
    if entry.status == "registered":
        entry.status = "in_progress"
    with db.transaction():
        save_audited(entry, actor=actor, action="contact", at=now)
    return entry


def transfer_entry(
    actor: Staff,
    serial: str,
    *,
    department: str,
    note: str = "",
    to_staff: str = "",
    due_at: datetime | None = None,
    now: datetime | None = None,
) -> Transfer:
    """转办: hand the work to a department; the responder still owns and chases it (督办)."""
    entry = get_entry(serial)
    step_rules.require(actor, entry, "transfer")
    now = _now(now)
    dep = find_department(department)
    colleague = find_staff(to_staff) if to_staff else None
    note = clean_text(note, "note", max_len=NOTE_MAX)
    if not note:
        raise ValidationError("note", TRANSFER_NOTE_NEEDED)
    if due_at is not None and due_at < now:
        raise ValidationError("due_at", "转办时限不能早于现在")
    transfer = Transfer(
        station=entry.station,
        entry=entry,
        department=dep,
        to_staff=colleague,
        note=note,
        transferred_at=now,
        due_at=due_at or entry.due_at,
        created_by=actor,
    )
    entry.status = "transferred"
    with db.transaction():
        save_audited(transfer, actor=actor, action="transfer", at=now)
        save_audited(entry, actor=actor, action="transfer", at=now)
    return transfer


def open_transfer(entry: Entry) -> Transfer | None:
    """The newest transfer of the entry still being worked on."""
    found = step_rules.open_transfers(entry)
    return found[0] if found else None


def transfer_label(number: int, transfer: Transfer) -> str:
    """A transfer as the user tells it from the others: its number, where, to whom, when."""
    where = "　".join(
        name
        for name in (
            transfer.department.name if transfer.department_id else "",
            transfer.to_staff.name if transfer.to_staff_id else "",
        )
        if name
    )
    return (
        f"第 {number} 项 {where or '（未指定部门）'}（{transfer.transferred_at:%m-%d %H:%M} 转办）"
    )


def _named_transfer(entry: Entry, transfer: str) -> Transfer | None:
    """The transfer named by its number among the entry's transfers, or by its uuid."""
    numbered = step_rules.numbered_transfers(entry)
    key = transfer.strip()
    if key.isdecimal():
        # A number of thousands of digits is no transfer's (and more than int() reads).
        number = int(key) if len(key) <= 6 else 0
        if not 1 <= number <= len(numbered):
            shown = key if len(key) <= 6 else f"{key[:6]}…"
            raise NotFoundError(
                f"{entry.serial} 没有第 {shown} 项转办：它共有 {len(numbered)} 项转办，"
                "按转办先后从 1 编号，请从中选一项。"
            )
        return numbered[number - 1]
    return next((t for t in numbered if t.uuid == key), None)


def chosen_transfer(entry: Entry, transfer: str = "", *, withdrawing: bool = False) -> Transfer:
    """The open transfer a step acts on: the one the user named (its uuid, or its number as the
    entry's transfers are listed), else the only one it can be. With several and none named,
    nothing is guessed: chasing or closing the wrong department's work is a silent mistake, so
    the refusal lists them (the dialogs always name one; the command line may not)."""
    found = step_rules.open_transfers(entry)
    if transfer:
        picked = _named_transfer(entry, transfer)
        if picked is None or picked.id not in {t.id for t in found}:
            raise NotFoundError(
                f"{entry.serial} 没有这项正在办理的转办（可能已办完或已撤回）：请重新打开登记后再选。"
            )
        return picked
    if withdrawing:
        found = [t for t in found if step_rules.withdrawable(t)]
    if len(found) > 1:
        numbers = {t.id: n for n, t in enumerate(step_rules.numbered_transfers(entry), start=1)}
        listed = sorted((numbers[t.id], t) for t in found)
        raise TransferNotNamedError(
            f"{entry.serial} 有 {len(found)} 项正在办理的转办："
            + "；".join(transfer_label(n, t) for n, t in listed)
            + "。请指明是哪一项转办。",
            [n for n, _t in listed],
        )
    return found[0]  # step_rules refused a step that needs one when there is none


def _leave_transferred(entry: Entry) -> None:
    """After one transfer ended: back to 办理中 unless another is still with a department."""
    if not step_rules.open_transfers(entry):
        entry.status = "in_progress"


def record_supervision(
    actor: Staff, serial: str, note: str, now: datetime | None = None, transfer: str = ""
) -> Supervision:
    """督办: a contact chasing the transfer ``transfer`` (its uuid or number; may be left out
    when the entry has one open transfer)."""
    entry = get_entry(serial)
    step_rules.require(actor, entry, "supervise")
    chased = chosen_transfer(entry, transfer)
    note = clean_text(note, "note", max_len=NOTE_MAX, required=True)
    now = _now(now)
    sup = Supervision(
        station=entry.station,
        entry=entry,
        transfer=chased,
        at=now,
        by=actor,
        note=note,
    )
    with db.transaction():
        save_audited(sup, actor=actor, action="supervise", at=now)
    return sup


def finish_transfer(
    actor: Staff, serial: str, note: str = "", now: datetime | None = None, transfer: str = ""
) -> Entry:
    """The department reports back on ``transfer`` (named as for 督办); once none is left
    with a department, the owner tells the customer."""
    entry = get_entry(serial)
    step_rules.require(actor, entry, "finish_transfer")
    finished = chosen_transfer(entry, transfer)
    note = clean_text(note, "note", max_len=NOTE_MAX)
    now = _now(now)
    with db.transaction():
        finished.done_at = now
        if note:
            finished.note = (finished.note + "\n" if finished.note else "") + f"办理情况：{note}"
        save_audited(finished, actor=actor, action="finish_transfer", at=now)
        _leave_transferred(entry)
        save_audited(entry, actor=actor, action="finish_transfer", at=now)
    return entry


def withdraw_transfer(
    actor: Staff, serial: str, reason: str, now: datetime | None = None, transfer: str = ""
) -> Transfer:
    """撤回转办: a transfer sent by mistake (wrong department, wrong matter) is taken back, with
    the reason, while its recipient has not accepted or acted on it. It stays on the entry and
    in the audit trail, marked 已撤回; a deadline it had already missed stays missed."""
    entry = get_entry(serial)
    step_rules.require(actor, entry, "withdraw_transfer")
    mine = chosen_transfer(entry, transfer, withdrawing=True)
    if not step_rules.withdrawable(mine):
        raise IllegalStepError(
            f"{entry.serial} 的这项转办已由接收人接收或办理，不能撤回：请督办，或请接收人退回。"
        )
    reason = clean_text(reason, "reason", max_len=NOTE_MAX, required=True)
    now = _now(now)
    mine.withdrawn_at = now
    mine.withdraw_reason = reason
    mine.done_at = now  # no longer with the department: nothing to chase or finish
    with db.transaction():
        save_audited(mine, actor=actor, action="withdraw_transfer", at=now)
        _leave_transferred(entry)
        save_audited(entry, actor=actor, action="withdraw_transfer", at=now)
    return mine


def reply_entry(actor: Staff, serial: str, result: str, now: datetime | None = None) -> Entry:
    """Tell the customer the result (resolved). Only the first responder does this (督办)."""
    entry = get_entry(serial)
    step_rules.require(actor, entry, "reply")
    result = clean_text(result, "result", max_len=RESULT_MAX, required=True)
    now = _now(now)
    with db.transaction():
        for transfer in step_rules.open_transfers(entry):  # the answer ends every one
            transfer.done_at = now
            save_audited(transfer, actor=actor, action="finish_transfer", at=now)
        set_replied(entry, result, now, deadline_book())
        save_audited(entry, actor=actor, action="reply", at=now)
    return entry


def mark_unresolved(
    actor: Staff, serial: str, reason: str, now: datetime | None = None
) -> Escalation:
    """Cannot be solved: record the reason and report it to the station head (上报).

    A report is not an answer: the customer is still owed one (at least the reason, 告知原因),
    by the same deadline, and the entry cannot be followed up or closed until they have it.
    """
    entry = get_entry(serial)
    step_rules.require(actor, entry, "unresolved")
    reason = clean_text(reason, "reason", max_len=NOTE_MAX, required=True)
    now = _now(now)
    head = station_head()  # there is one: step_rules refuses a report to nobody
    escalation = Escalation(
        station=entry.station, entry=entry, reason=reason, to_staff=head, at=now, by=actor
    )
    entry.status = "unresolved"
    entry.unresolved_reason = reason
    with db.transaction():
        save_audited(escalation, actor=actor, action="escalate", at=now)
        save_audited(entry, actor=actor, action="unresolved", at=now)
    return escalation


def record_follow_up(
    actor: Staff,
    serial: str,
    *,
    method: str,
    outcome: str = "reached",
    satisfaction: str = "",
    note: str = "",
    now: datetime | None = None,
) -> FollowUp:
    """回访. An unreached attempt is kept as such; "unsatisfied" reopens the entry."""
    entry = get_entry(serial)
    step_rules.require(actor, entry, "follow_up")
    method = parse_choice(method, FOLLOW_UP_METHODS, "method")
    outcome = parse_choice(outcome, FOLLOW_UP_OUTCOMES, "outcome")
    note = clean_text(note, "note", max_len=NOTE_MAX)
    if outcome == "reached":
        satisfaction = parse_choice(satisfaction, SATISFACTION, "satisfaction")
    elif satisfaction:
        raise ValidationError("satisfaction", "没有联系上客户时不能记录满意度")
    else:
        satisfaction = None
    now = _now(now)
    follow_up = FollowUp(
        station=entry.station,
        entry=entry,
        at=now,
        by=actor,
        method=method,
        outcome=outcome,
        satisfaction=satisfaction,
        note=note,
    )
    with db.transaction():
        save_audited(follow_up, actor=actor, action="follow_up", at=now)
        if satisfaction in ("satisfied", "basic"):
            entry.status = "followed_up"
            save_audited(entry, actor=actor, action="follow_up", at=now)
        elif satisfaction == "unsatisfied":
            _reopen(entry, now)
            save_audited(entry, actor=actor, action="reopen", at=now)
    return follow_up


def _reopen(entry: Entry, now: datetime) -> None:
    """An unsatisfied customer: the matter is open again, with a fresh reply deadline from now."""
    deadlines = deadline_book().for_entry(entry.category, now)
    entry.status = "in_progress"
    entry.reopened_count += 1
    entry.replied_at = None
    entry.follow_up_due_at = None
    entry.due_at = promised_due(deadlines)


def close_entry(actor: Staff, serial: str, now: datetime | None = None) -> Entry:
    entry = get_entry(serial)
    step_rules.require(actor, entry, "close")  # with its final result (seed 八.2)
    now = _now(now)
    entry.status = "closed"
    entry.closed_at = now
    with db.transaction():
        save_audited(entry, actor=actor, action="close", at=now)
    return entry


def void_approval_needed(actor: Staff, entry: Entry, now: datetime | None = None) -> list[str]:
    """Why voiding ``entry`` needs the head's approval (empty: it does not). A void must not
    become a way to make a late matter disappear, nor to remove a colleague's work."""
    from .assessment import findings_for

    why = []
    if actor.id != entry.responder_id:
        why.append(f"不是本人负责的登记（首问责任人：{entry.responder.name}）")
    late = findings_for(entry, _now(now))
    if late:
        why.append("已有超期：" + "；".join(f.evidence for f in late[:2]))
    return why


def _void_approver(
    actor: Staff, entry: Entry, approver: Staff | None, now: datetime
) -> Staff | None:
    why = void_approval_needed(actor, entry, now)
    if not why:
        return None
    if (
        approver is None
        and actor.id != entry.responder_id
        and permissions.can(actor, "approve_void")
    ):
        approver = actor  # the head voiding a clerk's entry is the second person himself
    if approver is None:
        raise NotAllowedError(
            f"{entry.serial} {'；'.join(why)}，作废须经所长批准：请所长输入姓名和密码批准"
            "（命令行：--approver 所长姓名，密码取自环境变量 FIRSTASK_APPROVER_PASSWORD）。"
            "已发生的超期考核不会因作废而撤销。"
        )
    if not permissions.can(approver, "approve_void") or approver.id == entry.responder_id:
        raise NotAllowedError(
            f"{approver.name}无权批准作废 {entry.serial}：批准人须是所长（所长本人负责的登记由"
            "管理员批准），且不能是这条登记的首问责任人。"
        )
    return approver


def void_entry(
    actor: Staff,
    serial: str,
    reason: str,
    now: datetime | None = None,
    duplicate_of: Entry | None = None,
    approver: Staff | None = None,
) -> Void:
    """作废: the entry stays, marked void, with who and why; its serial is never reused.

    Voiding an entry that is already late, or someone else's, takes the head's approval (a
    second person, kept on the void); the breach already found stays either way."""
    entry = get_entry(serial)
    step_rules.require(actor, entry, "void")
    reason = clean_text(reason, "reason", max_len=NOTE_MAX, required=True)
    now = _now(now)
    # Someone else's entry always needs an approver (void_approval_needed names it).
    approved_by = _void_approver(actor, entry, approver, now)
    void = Void(
        station=entry.station,
        entry=entry,
        reason=reason,
        at=now,
        by=actor,
        previous_status=entry.status,
        duplicate_of=duplicate_of,
        approved_by=approved_by,
    )
    entry.status = "void"
    with db.transaction():
        save_audited(void, actor=actor, action="void", at=now)
        save_audited(entry, actor=actor, action="void", at=now)
    return void


def link_duplicate(
    actor: Staff, duplicate: str, original: str, now: datetime | None = None
) -> Void:
    """Two clerks registered the same matter: void the copy, keeping a link to the original."""
    copy, kept = get_entry(duplicate), get_entry(original)
    if copy.id == kept.id:
        raise RefusedError("重复登记的两条必须是不同的受理编号。")
    if kept.status == "void":
        raise RefusedError(f"{kept.serial} 已作废：请选择保留的那一条作为原登记。")
    void = void_entry(
        actor, copy.serial, f"与 {kept.serial} 重复登记，以该条为准", now=now, duplicate_of=kept
    )
    return void


def set_customer_tier(
    actor: Staff, customer: Customer, tier: str, manager: str = "", now: datetime | None = None
) -> Customer:
    permissions.require(actor, "manage_customers")
    customer.tier = parse_choice(tier, TIERS, "tier")
    customer.manager = find_staff(manager) if manager else None
    if customer.tier != "none" and customer.manager is None:
        raise RefusedError("金、银、铜牌客户必须指定客户经理（他就是首问责任人）。")
    with db.transaction():
        save_audited(customer, actor=actor, action="set_tier", at=_now(now))
    return customer
