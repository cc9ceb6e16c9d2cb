"""Many entries at once: for benchmarks and the large demo (hundreds of thousands of matters).

The per-entry services take a few milliseconds each (validation, one transaction per step); ten
years of a busy station would take hours that way. This writes the same kind of rows — customers,
entries at every status, transfers and follow-ups — with deadlines from the stored rule table and
holiday calendar, and the audit events the services would have written (registered, then the
final step), so ``check`` passes on the result. Rows are inserted in batches through
``bulk_write``; one transaction per batch.

Call on an initialised station that has its staff (:func:`new_station`, or
``demo.build_demo(entries=0)``).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from itertools import accumulate
from types import SimpleNamespace

from peewee import fn

from firstask_desktop.demo.demo_data import (
    ADMIN,
    CATEGORY_WEIGHTS,
    CHANNEL_WEIGHTS,
    DEMO_PASSWORD,
    GIVEN,
    MATTERS,
    RESULTS,
    STATION,
    SURNAMES,
    UNITS,
    VILLAGES,
    add_demo_customers,
    add_demo_staff,
    mobile_number,
)
from firstask_desktop.domain.deadlines import promised_due
from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.domain.search_text import pinyin_initials
from firstask_desktop.services.rules import DeadlineBook
from firstask_desktop.services.station import init_station, local_station
from firstask_desktop.store import db
from firstask_desktop.store.bulk_write import (
    ChainWriter,
    IdBlock,
    chain_end,
    fast_uuid,
    field_defaults,
    fix_sequences,
    insert_rows,
    reseed_uuids,
    row_view,
    snapshot_json,
)
from firstask_desktop.store.models import (
    AuditEvent,
    Customer,
    Entry,
    Escalation,
    FollowUp,
    SerialCounter,
    Staff,
    Station,
    Transfer,
    Void,
)
from firstask_desktop.store.models import Department as DepartmentModel

# Final states and how often they occur in a register that has run for years.
FATES = {
    "closed": 62,
    "followed_up": 12,
    "replied": 8,
    "unresolved": 3,
    "transferred": 4,
    "in_progress": 3,
    "registered": 4,
    "void": 4,
}
FINAL_ACTION = {
    "closed": "close",
    "followed_up": "follow_up",
    "replied": "reply",
    "unresolved": "unresolved",
    "transferred": "transfer",
    "in_progress": "start",
    "void": "void",
}
TRANSFER_TO = {"repair": "抢修班", "complaint": "营业班", "report": "营业班", "business": "营业班"}
# A station serves the same villages for years: most matters come from households it knows.
RETURNING_SHARE = 0.6
# How matters received long ago ended (``settled_after``): answered, followed up and closed, a few
# escalated or voided; none still waiting for a clerk.
SETTLED_FATES = {"closed": 88, "followed_up": 6, "unresolved": 2, "void": 4}
# Some customers tell a long story: the matter as written down runs on.
MATTER_DETAILS = [
    "，客户反映此问题已持续一周以上，多次拨打95598未能解决，要求供电所派人到现场查看，"
    "并在处理完毕后电话告知处理结果",
    "，客户称家中老人行动不便，希望尽快上门处理，并留下了儿子的联系电话以便沟通",
    "，同村另有多户反映类似情况，客户代表村民一并提出，请核实是否为线路老化所致",
]


def _initials(visitor: str, unit: str) -> str:
    """``pinyin_initials(visitor, unit)``, each text looked up once (names and units repeat)."""
    return " ".join(part for part in (_initials_of(visitor), _initials_of(unit)) if part)


@cache
def _initials_of(text: str) -> str:
    return pinyin_initials(text)


def pick_weighted(rng: random.Random, weights: dict[str, int]) -> str:
    keys, cumulative = _cumulative(tuple(weights.items()))
    return rng.choices(keys, cum_weights=cumulative)[0]


@cache
def _cumulative(items: tuple) -> tuple[list[str], list[int]]:
    """(choices, their cumulative weights), for ``Random.choices``: the same draw, summed once."""
    return [key for key, _ in items], list(accumulate(weight for _, weight in items))


class _Writer:
    """Collects one batch of records and their audit events.

    Records are plain dicts (every field by name, foreign keys as ids): building peewee model
    instances would run every field default for each of hundreds of thousands of rows. A record
    is stored in its final state, the state the last of its audit events describes.
    """

    def __init__(self, blocks: dict):
        self.records: dict[type, list[dict]] = {}
        self.blocks = blocks  # model → IdBlock, shared by the batches of one run
        self.templates: dict[type, dict] = {}

    def new(self, model, **values) -> dict:
        """A record of ``model``: its defaults, a fresh uuid and id, then ``values``."""
        template = self.templates.get(model)
        if template is None:
            template = self.templates[model] = field_defaults(model)
        record = dict(template, id=self.blocks[model].take(), uuid=fast_uuid(), **values)
        self.records.setdefault(model, []).append(record)
        return record

    def add(
        self,
        chain: ChainWriter,
        model,
        record: dict,
        *,
        action: str,
        actor: Staff,
        at: datetime,
        before: str | None = None,
    ) -> str:
        """The audit event of ``record`` as it is now; returns its snapshot (as JSON text)."""
        return chain.add(
            row_view(model, record),
            before,
            action=action,
            actor=actor.name,
            at=at,
            actor_uuid=actor.uuid,
            after=snapshot_json(model, record),
        )


def new_station(
    code: str, name: str, *, now: datetime, seed: int = 1, password: str = DEMO_PASSWORD
) -> None:
    """Initialise an empty data folder as a station with the demo's staff and customers."""
    init_station(
        admin_name=ADMIN, admin_password=password, now=now, **dict(STATION, code=code, name=name)
    )
    admin = Staff.get((Staff.name == ADMIN) & (Staff.station == code))
    add_demo_staff(admin, now)
    add_demo_customers(random.Random(seed), {s.name: s for s in Staff.select()}, now)


def add_entries(
    count: int,
    *,
    seed: int = 1,
    now: datetime | None = None,
    years: float = 3.0,
    batch: int = 2000,
    on_progress: Callable[[int, int], None] | None = None,
    times: list[datetime] | None = None,
    settled_after: timedelta | None = None,
    in_parallel: bool = False,
    station_code: str | None = None,
) -> int:
    """Add ``count`` entries received over the last ``years`` before ``now``; returns count.

    ``times``: the moments they were received instead (in order; ``count`` is then their
    number). ``settled_after``: matters received longer ago than this have ended (closed,
    followed up, escalated or voided), as in a register clerks keep up to date.
    ``in_parallel``: generate in a second process while this one writes (the two halves of the
    work take about as long; nothing else may write to the database meanwhile). A frozen
    program (the Windows bundle) generates in this process all the same.
    ``station_code``: a county's database, entries of that station (its staff and departments
    came with its sync files) instead of the local station's.
    """
    station = local_station()
    if station_code is not None:
        station = Station.get_or_none(Station.code == station_code)
    if station is None:
        raise RefusedError("数据文件夹还没有初始化：请先运行 init 或 demo。")
    clerks = list(
        Staff.select().where(
            (Staff.station == station.code) & Staff.role.in_(("clerk", "manager", "head"))
        )
    )
    if not clerks:
        raise RefusedError("还没有营业员：请先添加人员（或用 demo 生成演示供电所）。")
    rng = random.Random(seed)
    now = (now or datetime.now()).replace(second=0, microsecond=0)
    span = timedelta(days=365 * years)
    if times is None:
        times = sorted(
            now - timedelta(minutes=rng.randint(60, int(span.total_seconds() // 60)))
            for _ in range(count)
        )
    start = _Start(
        code=station.code,
        clerks=[SimpleNamespace(id=s.id, name=s.name, uuid=s.uuid, role=s.role) for s in clerks],
        departments={
            d.name: d.id
            for d in DepartmentModel.select().where(DepartmentModel.station == station.code)
        },
        book=DeadlineBook(station.area),
        serials=dict(
            SerialCounter.select(SerialCounter.year, SerialCounter.last)
            .where(SerialCounter.station == station.code)
            .tuples()
        ),
        ids={model.__name__: IdBlock(model).take() for model in WRITTEN},
        chain=chain_end(),
        rng=rng.getstate(),
    )
    work = (start, times, now, batch, settled_after)
    batches = _in_child(*work) if in_parallel and not getattr(sys, "frozen", False) else None
    done = 0
    for records, events, serials in batches or _generate(*work):
        with db.transaction():
            for model in WRITTEN:
                insert_rows(model, records[model.__name__])
            insert_rows(AuditEvent, events)
            for year, last in serials.items():
                SerialCounter.insert(station=station.code, year=year, last=last).on_conflict(
                    conflict_target=[SerialCounter.station, SerialCounter.year],
                    update={SerialCounter.last: last},
                ).execute()
        done += len(records["Entry"])
        if on_progress is not None:
            on_progress(done, len(times))
    with db.transaction():
        # PostgreSQL hands out ids from sequences, which the ids written here did not move.
        fix_sequences([*WRITTEN, AuditEvent])
    return done


# The tables add_entries writes (its audit events beside them).
WRITTEN = (Customer, Entry, Transfer, FollowUp, Escalation, Void)


@dataclass
class _Start:
    """What generating entries needs from the database, as plain data: the generator may run in
    another process, which never opens the database."""

    code: str
    clerks: list[SimpleNamespace]  # id, name, uuid, role
    departments: dict[str, int]
    book: DeadlineBook
    serials: dict[int, int]  # year → last serial number given
    ids: dict[str, int]  # model name → the next id
    chain: tuple[str, int]  # the audit chain's last hash, the next sequence number
    rng: tuple  # random.Random state


def _generate(start: _Start, times, now, batch, settled_after):
    """Batches of (records by model name, audit events, serial counters) for ``times``."""
    rng = random.Random()
    rng.setstate(start.rng)
    head = next((c for c in start.clerks if c.role == "head"), None)
    blocks = {model: IdBlock(model, start.ids[model.__name__]) for model in WRITTEN}
    events: list[dict] = []
    chain = ChainWriter(batch=5000, end=start.chain, sink=events.extend)
    serials = dict(start.serials)
    customers: list[dict] = []
    for first in range(0, len(times), batch):
        writer = _Writer(blocks)
        for received in times[first : first + batch]:
            _one(
                rng,
                start.code,
                received,
                now,
                start.clerks,
                head,
                start.departments,
                start.book,
                serials,
                customers,
                writer,
                chain,
                settled_after,
            )
        chain.flush()
        yield {m.__name__: writer.records.get(m, []) for m in WRITTEN}, events[:], dict(serials)
        events.clear()


def _in_child(*work):
    """``_generate(*work)`` run in a second process, its batches handed over as they come."""
    import multiprocessing

    context = multiprocessing.get_context()
    queue = context.Queue(maxsize=2)  # at most two batches waiting: memory stays bounded
    child = context.Process(target=_produce, args=(queue, work), daemon=True)
    child.start()
    try:
        while True:
            item = queue.get()
            if item is None:
                return
            if isinstance(item, str):
                raise RuntimeError(f"生成登记的子进程出错：{item}")
            yield item
    finally:
        child.join(timeout=5)
        if child.is_alive():
            child.terminate()


def _produce(queue, work) -> None:
    reseed_uuids()
    try:
        for item in _generate(*work):
            queue.put(item)
        queue.put(None)
    except BaseException:  # noqa: BLE001 - every failure goes back to the writing process
        import traceback

        queue.put(traceback.format_exc())


def _one(
    rng,
    code,
    received,
    now,
    clerks,
    head,
    departments,
    book,
    serials,
    customers,
    writer,
    chain,
    settled_after=None,
) -> None:
    clerk = rng.choice(clerks)
    category = pick_weighted(rng, CATEGORY_WEIGHTS)
    channel = pick_weighted(rng, CHANNEL_WEIGHTS)
    registered = received + timedelta(minutes=2)
    if customers and rng.random() < RETURNING_SHARE:
        customer = rng.choice(customers)
    else:
        customer = writer.new(
            Customer,
            station=code,
            name=rng.choice(SURNAMES) + rng.choice(GIVEN),
            unit=rng.choice(UNITS),
            address=f"榆中县城关镇{rng.choice(VILLAGES)}{rng.randint(1, 9)}组{rng.randint(1, 80)}号",
            phone=mobile_number(rng),
            account_no=str(rng.randint(10**9, 10**10 - 1)) if rng.random() < 0.5 else "",
            created_at=registered,
            updated_at=registered,
        )
        writer.add(chain, Customer, customer, action="add_customer", actor=clerk, at=registered)
        customers.append(customer)
        if len(customers) > 50_000:
            customers.pop(rng.randrange(len(customers)))
    serials[received.year] = serials.get(received.year, 0) + 1
    deadlines = book.for_entry(category, received)
    matter = rng.choice(MATTERS[category])
    if rng.random() < 0.05:
        matter += rng.choice(MATTER_DETAILS)
    entry = writer.new(
        Entry,
        station=code,
        serial=f"{code}-{received.year}-{serials[received.year]:05d}",
        received_at=received,
        channel=channel,
        category=category,
        visitor=customer["name"],
        unit=customer["unit"],
        address=customer["address"],
        phone=customer["phone"],
        account_no=customer["account_no"],
        customer=customer["id"],
        matter=matter,
        responder=clerk.id,
        created_by=clerk.id,
        status="registered",
        due_at=promised_due(deadlines),
        contact_due_at=deadlines.get("contact"),
        arrive_due_at=deadlines.get("arrive"),
        restore_due_at=deadlines.get("restore"),
        missing_documents="[]",
        search_initials=_initials(customer["name"], customer["unit"]),
        wo_number=f"95598{received:%y%m%d}{rng.randint(1000, 9999)}"
        if channel == "hotline_95598"
        else "",
        created_at=registered,
        updated_at=registered,
    )
    first = writer.add(chain, Entry, entry, action="register", actor=clerk, at=registered)
    if settled_after is not None and now - received > settled_after:
        fate = pick_weighted(rng, SETTLED_FATES)
    else:
        fate = pick_weighted(rng, FATES)
    if now - received < timedelta(days=3) and fate in ("closed", "followed_up"):
        fate = "in_progress"
    if fate == "registered":
        return
    done_at = min(now - timedelta(minutes=1), received + timedelta(hours=rng.randint(1, 72)))
    if (
        fate in ("transferred", "closed", "followed_up")
        and category in TRANSFER_TO
        and rng.random() < 0.5
    ):
        transfer = writer.new(
            Transfer,
            station=code,
            entry=entry["id"],
            department=departments[TRANSFER_TO[category]],
            note="请按时限办理并回复",
            transferred_at=registered,
            due_at=entry["due_at"],
            created_by=clerk.id,
            done_at=None if fate == "transferred" else done_at,
            created_at=registered,
            updated_at=done_at,
        )
        writer.add(chain, Transfer, transfer, action="transfer", actor=clerk, at=registered)
    if fate in ("replied", "followed_up", "closed"):
        entry["result"] = RESULTS[category]
        entry["replied_at"] = entry["contacted_at"] = done_at
        entry["follow_up_due_at"] = book.follow_up(done_at)
    if fate in ("followed_up", "closed"):
        follow_at = done_at + timedelta(days=1)
        satisfaction = rng.choices(["satisfied", "basic"], weights=[85, 15])[0]
        follow_up = writer.new(
            FollowUp,
            station=code,
            entry=entry["id"],
            at=follow_at,
            by=clerk.id,
            method="phone",
            outcome="reached",
            satisfaction=satisfaction,
            note="客户表示认可",
            created_at=follow_at,
            updated_at=follow_at,
        )
        writer.add(chain, FollowUp, follow_up, action="follow_up", actor=clerk, at=follow_at)
        done_at = follow_at
    if fate == "closed":
        entry["closed_at"] = done_at
    if fate == "unresolved":
        entry["unresolved_reason"] = "涉及线路改造，需列入农网改造计划，本所无法单独解决"
        entry["contacted_at"] = done_at
        escalation = writer.new(
            Escalation,
            station=code,
            entry=entry["id"],
            reason=entry["unresolved_reason"],
            to_staff=head.id if head else None,
            at=done_at,
            by=clerk.id,
            created_at=done_at,
            updated_at=done_at,
        )
        writer.add(chain, Escalation, escalation, action="escalate", actor=clerk, at=done_at)
    if fate == "void":
        void = writer.new(
            Void,
            station=code,
            entry=entry["id"],
            reason="重复登记，同一事项已由他人受理",
            at=done_at,
            by=clerk.id,
            previous_status="registered",
            created_at=done_at,
            updated_at=done_at,
        )
        writer.add(chain, Void, void, action="void", actor=clerk, at=done_at)
    entry["status"] = fate
    entry["revision"] = 2
    entry["updated_at"] = done_at
    writer.add(
        chain, Entry, entry, action=FINAL_ACTION[fate], actor=clerk, at=done_at, before=first
    )


def entry_count() -> int:
    return Entry.select(fn.COUNT(Entry.id)).scalar() or 0
