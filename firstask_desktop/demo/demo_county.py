"""A demo county office (县公司) that took in a demo station's USB sync files, with some of the
station's records waiting in quarantine (隔离记录) for a person to decide: the county's screens
(``screenshots``) and their tests have something true to show.

Everything goes through the real path: keys exchanged, the station's signed and encrypted
export imported at the county. The conflict is the one the county meets when a station's
records were changed outside the program (a technician "repairing" rows with a database tool,
or a partial restore): the same revision with other content. The station's next full export
carries those rows, and the county sets them aside instead of overwriting its copy.

Two data folders are used in turn (the models are bound to one database at a time); the
county's is left open.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from firstask_desktop.demo.demo_station import ADMIN, DEMO_PASSWORD, build_demo
from firstask_desktop.services.county import quarantined_records, resolve_quarantined
from firstask_desktop.services.station import init_station, local_station
from firstask_desktop.store import db
from firstask_desktop.store.models import Customer, Entry, Staff
from firstask_desktop.store.storage import open_store
from firstask_desktop.sync.importing import import_file
from firstask_desktop.sync.station_export import export_file
from firstask_desktop.sync.trust import export_key_file, import_key_file

COUNTY = {"code": "YZ00", "name": "榆中县供电公司", "county": "榆中县供电公司"}
COUNTY_ADMIN = "县管理员"


def build_county_demo(
    county: Path,
    station: Path,
    stick: Path,
    *,
    entries: int = 40,
    seed: int = 1,
    now: datetime | None = None,
) -> dict:
    """Fill the empty folder ``county`` with a county install that imported the station in
    ``station`` (a demo station is made there first if it is empty) twice, the second time with
    three of its records changed behind the program's back: two wait in quarantine, one was
    decided (kept as stored). ``stick`` is the USB stick the files travel on."""
    stick.mkdir(parents=True, exist_ok=True)
    open_store(station)
    if local_station() is None:
        build_demo(entries=entries, seed=seed, now=now)
    db.close()

    open_store(county)
    init_station(
        code=COUNTY["code"],
        name=COUNTY["name"],
        county=COUNTY["county"],
        mode="county",
        admin_name=COUNTY_ADMIN,
        admin_password=DEMO_PASSWORD,
        now=now,
    )
    county_key, _info = export_key_file(stick)
    db.close()

    open_store(station)
    import_key_file(county_key, accepted_by=ADMIN, now=now)
    first = export_file(stick, full=True, actor=ADMIN, now=now)
    db.close()

    open_store(county)
    import_file(first.path, actor=COUNTY_ADMIN, accept_new_station=True, now=now)
    db.close()

    open_store(station)
    changed = _change_behind_the_programs_back()
    (stick / "第二次").mkdir(exist_ok=True)  # the first file stays on the stick too
    second = export_file(stick / "第二次", full=True, actor=ADMIN, now=now)
    db.close()

    open_store(county)
    result = import_file(second.path, actor=COUNTY_ADMIN, now=now)
    waiting = quarantined_records()
    customer = next((q for q in waiting if q["table"] == "customer"), None)
    if customer is not None:
        admin = Staff.get(Staff.name == COUNTY_ADMIN)
        resolve_quarantined(customer["id"], take_incoming=False, actor=admin, now=now)
    return {
        "county": f"{COUNTY['name']}（{COUNTY['code']}）",
        "changed": changed,
        "quarantined": result.counts.get("quarantined", 0),
        "password": DEMO_PASSWORD,
    }


def _change_behind_the_programs_back() -> list[str]:
    """Rows edited with plain SQL (no new revision, no audit event): what the county must not
    take silently. Returns the 受理编号 or name of each."""
    changed = []
    replied = Entry.select().where(Entry.result != "").order_by(Entry.id).first()
    if replied is not None:
        Entry.update(result=replied.result + "（已上门复核，表计接线正常）").where(
            Entry.id == replied.id
        ).execute()
        changed.append(replied.serial)
    mobiles = (
        Entry.select()
        .where(Entry.phone.startswith("1") & (Entry.id != (replied.id if replied else 0)))
        .order_by(Entry.id.desc())
    )
    other = next((e for e in mobiles.limit(20) if e.phone[-4:].isdigit()), None)
    if other is not None:
        phone = other.phone[:-4] + f"{(int(other.phone[-4:]) + 1111) % 10000:04d}"
        Entry.update(phone=phone, matter=other.matter + "（客户更正了电话）").where(
            Entry.id == other.id
        ).execute()
        changed.append(other.serial)
    customer = Customer.select().where(Customer.address != "").order_by(Customer.id).first()
    if customer is not None:
        Customer.update(address=customer.address + "（新址）").where(
            Customer.id == customer.id
        ).execute()
        changed.append(customer.name)
    return changed
