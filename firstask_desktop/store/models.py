"""The stored records (peewee models).

Every record that leaves the PC in a sync file is a :class:`Record`: a UUID, the code of the station
that created it, a revision that goes up by one with each change, and timestamps. Datetimes are
naive local (China Standard Time) datetimes; every station and the county are in one time zone.
Foreign keys are integer ids inside one database; sync files carry the UUIDs instead.
"""

from __future__ import annotations

import uuid as uuidlib
from datetime import datetime

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    CompositeKey,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from firstask_desktop.store.db import database


def new_uuid() -> str:
    return str(uuidlib.uuid4())


def now_stamp() -> datetime:
    return datetime.now().replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Record(BaseModel):
    uuid = CharField(max_length=36, unique=True, default=new_uuid)
    station = CharField(max_length=16, index=True)
    revision = IntegerField(default=1)
    created_at = DateTimeField(default=now_stamp)
    updated_at = DateTimeField(default=now_stamp)


class Station(Record):
    """A supply station (供电所). A station PC holds its own; the county holds all of them."""

    code = CharField(max_length=16, unique=True)
    name = CharField(max_length=60)
    county = CharField(max_length=60, default="")
    area = CharField(max_length=8, default="rural")  # urban | rural | remote
    mode = CharField(max_length=8, default="station")  # station | county (of this install)
    phone = CharField(max_length=40, default="")
    address = CharField(max_length=120, default="")
    is_local = BooleanField(default=False)  # the station this PC belongs to


class Department(Record):
    """Where a clerk sends a customer or a transfer (seed 2.3: name, phone, place)."""

    name = CharField(max_length=40)
    phone = CharField(max_length=40, default="")
    place = CharField(max_length=80, default="")
    active = BooleanField(default=True)


class Staff(Record):
    name = CharField(max_length=50)
    role = CharField(max_length=16)  # clerk | manager | head | admin | county_admin
    department = ForeignKeyField(Department, null=True, backref="staff", on_delete="RESTRICT")
    phone = CharField(max_length=40, default="")
    password_hash = CharField(max_length=200, default="")
    active = BooleanField(default=True)
    # Login lockout (schema step _login_lockout, lockout.py): this PC's state, not the record's.
    failed_logins = IntegerField(default=0)
    locked_until = DateTimeField(null=True)

    # Columns left out of audit snapshots and sync: a wrong password is not a change to the
    # staff record, and must not bump its revision or travel to the county.
    NOT_AUDITED = ("failed_logins", "locked_until")

    class Meta:
        indexes = ((("station", "name"), True),)


class Customer(Record):
    name = CharField(max_length=50)
    unit = CharField(max_length=100, default="")
    address = CharField(max_length=200, default="")
    phone = CharField(max_length=40, default="", index=True)
    phone_alt = CharField(max_length=40, default="", index=True)
    account_no = CharField(max_length=20, default="", index=True)  # 户号
    tier = CharField(max_length=8, default="none")  # gold | silver | bronze | none
    manager = ForeignKeyField(Staff, null=True, backref="customers", on_delete="RESTRICT")

    class Meta:
        # A customer is also recognised by name and address (a tier customer on a new phone),
        # looked up on every save that matched no phone or 户号.
        indexes = ((("name", "address"), False),)


class Entry(Record):
    """One registered matter: a line of the paper register and everything that follows from it."""

    serial = CharField(max_length=32, unique=True)  # <station>-<year>-<5 digits>
    received_at = DateTimeField(index=True)
    channel = CharField(max_length=16)
    category = CharField(max_length=16)  # indexed with received_at (Meta.indexes)
    visitor = CharField(max_length=50, index=True)  # the register sorts by it (schema step)
    unit = CharField(max_length=100, default="")
    address = CharField(max_length=200, default="")
    phone = CharField(max_length=40, default="", index=True)
    # 号码未经核实: libphonenumber's data does not know the phone, and the clerk kept it (schema
    # step _phone_marks marked the ones stored before). Never a reason to change the number.
    phone_unverified = BooleanField(default=False)
    account_no = CharField(max_length=20, default="", index=True)
    customer = ForeignKeyField(Customer, null=True, backref="entries", on_delete="RESTRICT")
    matter = TextField()
    # Indexed with received_at (Meta.indexes), which serves every lookup by responder too.
    responder = ForeignKeyField(Staff, backref="entries", on_delete="RESTRICT", index=False)
    created_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    reception_notes = TextField(default="")
    result = TextField(default="")
    unresolved_reason = TextField(default="")
    status = CharField(max_length=16, default="registered")  # indexed with received_at
    due_at = DateTimeField(null=True, index=True)  # reply to the customer
    contact_due_at = DateTimeField(null=True)  # complaints: first contact
    arrive_due_at = DateTimeField(null=True)  # repairs: arrive on site
    restore_due_at = DateTimeField(null=True)  # repairs: power restored
    follow_up_due_at = DateTimeField(null=True, index=True)
    missing_documents = TextField(default="[]")  # JSON list: the one-time notice (一次性告知)
    wo_number = CharField(max_length=40, default="")  # 95598 work-order number
    wo_due_at = DateTimeField(null=True)  # the 95598 work order's own deadline
    contacted_at = DateTimeField(null=True)
    replied_at = DateTimeField(null=True)
    closed_at = DateTimeField(null=True)
    # Why someone other than a tier customer's manager took it (seed §六), shown on the entry.
    responder_reason = TextField(default="")
    reopened_count = IntegerField(default=0)
    search_initials = CharField(max_length=200, default="")  # pinyin initials, schema v2

    class Meta:
        # The register view's filters, read in date order at 200,000 entries (schema step
        # _register_indexes; docs/benchmarks.md).
        indexes = (
            (("category", "received_at"), False),
            (("channel", "received_at"), False),
            (("status", "received_at"), False),
            (("responder", "received_at"), False),
        )


class SerialCounter(BaseModel):
    """The last serial number handed out per station and year; numbers are never reused."""

    station = CharField(max_length=16)
    year = IntegerField()
    last = IntegerField(default=0)

    class Meta:
        primary_key = CompositeKey("station", "year")


class Transfer(Record):
    """转办: handed to a department (or a colleague); the entry stays the responder's (督办)."""

    entry = ForeignKeyField(Entry, backref="transfers", on_delete="RESTRICT")
    department = ForeignKeyField(Department, null=True, on_delete="RESTRICT")
    to_staff = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    note = TextField(default="")
    transferred_at = DateTimeField()
    due_at = DateTimeField(null=True)
    accepted_at = DateTimeField(null=True)
    done_at = DateTimeField(null=True)
    created_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT", backref="+")
    # A colleague who cannot take it hands it back with a reason (接收 or 退回).
    returned_at = DateTimeField(null=True)
    return_reason = TextField(default="")
    # Sent by mistake and taken back by its owner before the recipient acted (撤回转办).
    withdrawn_at = DateTimeField(null=True)
    withdraw_reason = TextField(default="")


class Supervision(Record):
    """督办: one contact chasing a transfer or an open matter."""

    entry = ForeignKeyField(Entry, backref="supervisions", on_delete="RESTRICT")
    transfer = ForeignKeyField(Transfer, null=True, backref="supervisions", on_delete="RESTRICT")
    at = DateTimeField()
    by = ForeignKeyField(Staff, on_delete="RESTRICT")
    note = TextField(default="")


class FollowUp(Record):
    """回访: one attempt to reach the customer; satisfaction only when reached."""

    entry = ForeignKeyField(Entry, backref="follow_ups", on_delete="RESTRICT")
    at = DateTimeField()
    by = ForeignKeyField(Staff, on_delete="RESTRICT")
    method = CharField(max_length=8)  # phone | visit | sms
    outcome = CharField(max_length=16)  # reached | no_answer | busy | wrong_number
    satisfaction = CharField(max_length=16, null=True)  # satisfied | basic | unsatisfied
    note = TextField(default="")


class Escalation(Record):
    """上报: a matter that cannot be solved, reported to the station head with its reason."""

    entry = ForeignKeyField(Entry, backref="escalations", on_delete="RESTRICT")
    reason = TextField()
    to_staff = ForeignKeyField(Staff, null=True, on_delete="RESTRICT", backref="+")
    at = DateTimeField()
    by = ForeignKeyField(Staff, on_delete="RESTRICT", backref="+")
    # The head's decision (实施办法 §八.2, 县分公司 二.3): assign (协调/指派) or answer himself.
    decision = CharField(max_length=8, default="")  # "" | assign | answer
    decision_note = TextField(default="")
    decided_at = DateTimeField(null=True)
    decided_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT", backref="+")
    transfer = ForeignKeyField(Transfer, null=True, on_delete="RESTRICT", backref="+")


class Reassignment(Record):
    """改派: the head hands an entry to another responder; proposals from that day name them."""

    entry = ForeignKeyField(Entry, backref="reassignments", on_delete="RESTRICT")
    from_staff = ForeignKeyField(Staff, on_delete="RESTRICT", backref="+")
    to_staff = ForeignKeyField(Staff, on_delete="RESTRICT", backref="+")
    reason = TextField()
    at = DateTimeField()
    by = ForeignKeyField(Staff, on_delete="RESTRICT", backref="+")


class Void(Record):
    """作废: nothing is hard-deleted; a void keeps the record and says who and why."""

    entry = ForeignKeyField(Entry, backref="voids", on_delete="RESTRICT")
    reason = TextField()
    at = DateTimeField()
    by = ForeignKeyField(Staff, on_delete="RESTRICT")
    previous_status = CharField(max_length=16)
    # A matter registered twice by two clerks: the voided copy points at the one kept.
    duplicate_of = ForeignKeyField(Entry, null=True, backref="duplicates", on_delete="RESTRICT")
    # Voiding an overdue entry, or someone else's, takes the head's approval (a second person).
    approved_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT", backref="+")


class DeadlineRuleRow(Record):
    """A row of the deadline rule table (data an administrator edits, see deadlines.py)."""

    category = CharField(max_length=16)
    clock = CharField(max_length=16)
    unit = CharField(max_length=16)
    amount = IntegerField()
    area = CharField(max_length=8, default="*")
    basis = CharField(max_length=200, default="")

    class Meta:
        table_name = "deadline_rule"
        indexes = ((("station", "category", "clock", "area"), True),)


class HolidayDay(BaseModel):
    """A day that breaks the Mon–Fri rule: a public holiday, or a 调休 make-up workday."""

    day = DateField(primary_key=True)
    kind = CharField(max_length=8)  # holiday | workday
    name = CharField(max_length=40, default="")
    source = CharField(max_length=60, default="")


class Setting(BaseModel):
    key = CharField(max_length=60, primary_key=True)
    value = TextField(default="")


class AuditEvent(BaseModel):
    """Append-only and hash-chained: each event carries the SHA-256 of the one before."""

    seq = AutoField()
    uuid = CharField(max_length=36, unique=True, default=new_uuid)
    station = CharField(max_length=16)
    at = DateTimeField()
    actor = CharField(max_length=50)
    actor_uuid = CharField(max_length=36, default="")
    action = CharField(max_length=32)
    table_name = CharField(max_length=32)
    record_uuid = CharField(max_length=36, index=True)
    before = TextField(null=True)  # JSON snapshot, None when created
    after = TextField(null=True)
    prev_hash = CharField(max_length=64)
    hash = CharField(max_length=64)


class Clause(Record):
    """A clause of the assessment rules (seed 实施办法 §十) with its fine, as editable data."""

    code = CharField(max_length=16)  # 八, 九.1, 九.2-3, 九.4-5
    title = CharField(max_length=100)
    description = TextField(default="")
    amount_fen = IntegerField()  # money is integer fen, never float
    sanction = CharField(max_length=60, default="")  # e.g. 全局通报批评
    active = BooleanField(default=True)

    class Meta:
        indexes = ((("station", "code"), True),)


class Violation(Record):
    """考核记录: a proposed breach (found by a scan, or recorded by hand); the station head
    confirms or dismisses it, or the county assessor when it names the head."""

    # None for a breach with no entry (拒绝登记: the customer was turned away unregistered).
    entry = ForeignKeyField(Entry, null=True, backref="violations", on_delete="RESTRICT")
    # The person named (seed §十: the 首问责任人, or the 当事人 who held the late step).
    responder = ForeignKeyField(Staff, on_delete="RESTRICT", backref="violations")
    clause = ForeignKeyField(Clause, on_delete="RESTRICT")
    rule = CharField(max_length=32)  # the detector that proposed it
    evidence = TextField()
    deadline = DateTimeField(null=True)
    detected_at = DateTimeField()
    state = CharField(max_length=12, default="proposed")  # proposed | confirmed | dismissed
    amount_fen = IntegerField()  # the clause's amount when proposed
    decided_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT", backref="+")
    decided_at = DateTimeField(null=True)
    dismiss_reason = TextField(default="")
    kind = CharField(max_length=8, default="detected")  # detected | manual
    reported_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT", backref="+")
    occurred_at = DateTimeField(null=True)  # a manual breach: when it happened

    class Meta:
        # One proposal per entry, clause and person (一次处罚): kept by the scan, not a key.
        indexes = ((("entry", "clause", "responder"), False),)


class Appeal(Record):
    """申诉: the person named asks once, with a reason, for a confirmed breach to be reviewed by
    the next level up (the head for staff, the county assessor for the head)."""

    violation = ForeignKeyField(Violation, backref="appeals", on_delete="RESTRICT")
    by = ForeignKeyField(Staff, on_delete="RESTRICT", backref="+")
    reason = TextField()
    at = DateTimeField()
    outcome = CharField(max_length=12, default="")  # "" | upheld | overturned
    note = TextField(default="")
    decided_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT", backref="+")
    decided_at = DateTimeField(null=True)


class Attachment(Record):
    """附件: a file kept with an entry (a letter, a photo, the customer's papers, a signed
    receipt). The bytes live in the data folder under their SHA-256 (attachment_files.py); the
    row carries the hash, so the audit chain vouches for the file. Removing one marks the row;
    the file stays until the next backup has copied it."""

    entry = ForeignKeyField(Entry, backref="attachments", on_delete="RESTRICT")
    sha256 = CharField(max_length=64, index=True)
    size = IntegerField()
    media_type = CharField(max_length=32)  # image/jpeg | application/pdf
    kind = CharField(max_length=16)  # vocab.ATTACHMENT_KINDS
    note = TextField(default="")
    file_name = CharField(max_length=200, default="")  # as the clerk picked it, for people
    added_at = DateTimeField()
    added_by = ForeignKeyField(Staff, on_delete="RESTRICT", backref="+")
    removed_at = DateTimeField(null=True)
    removed_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT", backref="+")
    remove_reason = TextField(default="")


class AttachmentSent(BaseModel):
    """This station's note of the attachment files its sync files have carried (by hash), so
    that each file travels to the county once; a full export sends them all again."""

    sha256 = CharField(max_length=64, primary_key=True)
    seq = IntegerField()  # the export that carried it


class KnownKey(BaseModel):
    """A public key this PC trusts (schema v5): the county's at a station, stations' at the county.

    Registered only after a person compared the fingerprint (``keys import``, or the first import
    with ``--accept-new-station``). One key per station code and role; a different key for a known
    code is refused, never swapped in silently.
    """

    role = CharField(max_length=8)  # station | county
    station = CharField(max_length=16)  # the code of the station (or county install) it belongs to
    name = CharField(max_length=60, default="")
    signing_public = CharField(max_length=64)  # Ed25519, raw, urlsafe base64
    encryption_public = CharField(max_length=64, default="")  # X25519 (county only)
    key_id = CharField(max_length=16, unique=True)
    fingerprint = CharField(max_length=48)
    accepted_at = DateTimeField()
    accepted_by = CharField(max_length=50)

    class Meta:
        indexes = ((("role", "station"), True),)


class RetiredKey(BaseModel):
    """A key that was registered here and then replaced (``keys import --replace``): what it
    signed while it was the registered key (receipts customers still hold, sealed backups on
    sticks) still checks out after the station's new PC is registered, unless the replacement
    said the old PC was lost or stolen (``revoked``): then nothing it signed is trusted."""

    role = CharField(max_length=8)
    station = CharField(max_length=16, index=True)
    name = CharField(max_length=60, default="")
    signing_public = CharField(max_length=64)
    key_id = CharField(max_length=16)
    fingerprint = CharField(max_length=48)
    accepted_at = DateTimeField()
    accepted_by = CharField(max_length=50)
    retired_at = DateTimeField()
    retired_by = CharField(max_length=50)
    revoked = BooleanField(default=False)


class SyncLog(BaseModel):
    """Every sync file made here or taken in here (schema v5), and those quarantined."""

    kind = CharField(max_length=16)  # station_export | county_package | county_ack
    direction = CharField(max_length=8)  # out | in
    station = CharField(max_length=16, index=True)  # the sender's code
    seq = IntegerField()
    file_hash = CharField(max_length=64, index=True)
    prev_hash = CharField(max_length=64, default="")
    full = BooleanField(default=False)
    status = CharField(max_length=12)  # exported | imported | quarantined
    file_name = CharField(max_length=255, default="")
    at = DateTimeField()
    by = CharField(max_length=50, default="")
    counts = TextField(default="{}")  # JSON: table -> records in the file
    note = TextField(default="")  # Chinese: gaps warned about, why quarantined
    # The key that signed a station's file taken in (key_id): a record it left in quarantine is
    # not taken once that key is revoked (its PC lost or stolen).
    signer = CharField(max_length=16, default="")


class QuarantinedRecord(BaseModel):
    """A record from a sync file that clashes with what is stored, kept for a person to decide."""

    sync_log = ForeignKeyField(SyncLog, backref="quarantined", on_delete="RESTRICT")
    station = CharField(max_length=16)
    table_name = CharField(max_length=32)
    record_uuid = CharField(max_length=36, index=True)
    revision = IntegerField(default=0)
    incoming = TextField()  # the record as the file carries it (JSON)
    existing = TextField(default="")  # the stored record in the same form (JSON)
    reason = TextField()
    at = DateTimeField()
    resolved_at = DateTimeField(null=True)
    resolved_by = CharField(max_length=50, default="")
    resolution = CharField(max_length=16, default="")  # kept_existing | took_incoming


class StationAuditEvent(BaseModel):
    """A station's own audit event as imported at the county (schema v5).

    Kept apart from ``AuditEvent`` so that the county's chain stays the county's; each station's
    chain is stored whole here, with the station's own sequence numbers and hashes.
    """

    source = CharField(max_length=16)  # the station whose chain this is
    seq = IntegerField()
    uuid = CharField(max_length=36)
    station = CharField(max_length=16)
    at = DateTimeField()
    actor = CharField(max_length=50)
    actor_uuid = CharField(max_length=36, default="")
    action = CharField(max_length=32)
    table_name = CharField(max_length=32)
    record_uuid = CharField(max_length=36, index=True)
    before = TextField(null=True)
    after = TextField(null=True)
    prev_hash = CharField(max_length=64)
    hash = CharField(max_length=64)

    class Meta:
        indexes = ((("source", "seq"), True),)


# Audited tables: every change to a row here goes through audit.save_audited().
AUDITED = (
    Station,
    Department,
    Staff,
    Customer,
    Entry,
    Transfer,
    Supervision,
    FollowUp,
    Escalation,
    Reassignment,
    Void,
    DeadlineRuleRow,
    Clause,
    Violation,
    Appeal,
    Attachment,
)
SYNC_MODELS = (KnownKey, SyncLog, QuarantinedRecord, StationAuditEvent)
ALL_MODELS = (
    AUDITED
    + (SerialCounter, HolidayDay, Setting, AuditEvent)
    + SYNC_MODELS
    + (AttachmentSent, RetiredKey)
)
