"""A county office of many stations and years of entries, for the county benchmark and the
county's scale tests (bench/county_bench.py, tests/test_county_scale.py).

Each station is real: its own data folder (SQLite) with the demo's staff and customers, the
county's key taken in, its first full sync file signed, encrypted and imported at the county,
so that the county knows the station's key, people and departments as after a real first
import. The years of entries then go straight into the county's database by the bulk path
(bulk_demo, their county audit events chained as an import writes them): importing millions of
entries file by file would take hours. Those years end before ``bulk_until``, so the stations'
own later entries (and their serial numbers) never meet them: a station's next monthly file is
an ordinary import into the full county.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from firstask_desktop.demo import bulk_demo as bulk
from firstask_desktop.demo.demo_station import ADMIN, DEMO_PASSWORD
from firstask_desktop.services.station import init_station
from firstask_desktop.store import bulk_write, db
from firstask_desktop.store.models import AuditEvent
from firstask_desktop.store.storage import open_store
from firstask_desktop.sync.importing import import_file
from firstask_desktop.sync.station_export import export_file
from firstask_desktop.sync.trust import export_key_file, import_key_file

COUNTY_CODE = "YZ00"
COUNTY_ADMIN = "县管理员"


@dataclass
class LargeCounty:
    folder: Path
    url: str | None  # None: the county stays on SQLite
    stick: Path
    stations: dict[str, Path] = field(default_factory=dict)  # code → the station's folder

    def open(self) -> None:
        open_store(self.folder, self.url)


def station_code(number: int) -> str:
    return f"GS{number + 1:04d}"


def build_large_county(
    work: Path,
    url: str | None,
    *,
    stations: int,
    entries: int,
    bulk_until: datetime,
    years: float,
    seed: int = 1,
    on_progress: Callable[[str], None] | None = None,
    drop_indexes: bool = True,
    in_parallel: bool = False,
) -> LargeCounty:
    """A county in ``work`` (its database on ``url``, else SQLite) with ``stations`` stations of
    ``entries`` entries each, received over ``years`` before ``bulk_until``. Leaves it closed.
    ``in_parallel``: generate the entries in a second process while this one writes."""
    say = on_progress or (lambda _text: None)
    county = LargeCounty(work / "county", url, work / "stick")
    county.stick.mkdir(parents=True, exist_ok=True)
    county.open()
    init_station(
        code=COUNTY_CODE,
        name="榆中县供电公司",
        county="榆中县供电公司",
        mode="county",
        admin_name=COUNTY_ADMIN,
        admin_password=DEMO_PASSWORD,
        now=bulk_until,
    )
    county_key, _info = export_key_file(county.stick)
    db.close()
    for number in range(stations):
        code = station_code(number)
        folder = work / "stations" / code
        open_store(folder)
        bulk.new_station(code, f"第{number + 1}供电所", now=bulk_until, seed=seed + number)
        import_key_file(county_key, accepted_by=ADMIN, now=bulk_until)
        (county.stick / code).mkdir(exist_ok=True)
        first = export_file(county.stick / code, full=True, actor=ADMIN, now=bulk_until)
        db.close()
        county.open()
        import_file(first.path, actor=COUNTY_ADMIN, accept_new_station=True, now=bulk_until)
        db.close()
        county.stations[code] = folder
    # Every station known first, then all their years at once: the indexes of the tables the
    # bulk path writes are dropped once and built once over the whole county at the end
    # (``drop_indexes``; kept current row by row otherwise, hours instead of minutes at 3 million).
    county.open()
    try:
        with (
            bulk_write.loading((*bulk.WRITTEN, AuditEvent))
            if drop_indexes
            else contextlib.nullcontext()
        ):
            for number, code in enumerate(county.stations):
                bulk.add_entries(
                    entries,
                    seed=seed + number,
                    now=bulk_until,
                    years=years,
                    batch=5000,
                    station_code=code,
                    in_parallel=in_parallel,
                )
                say(f"{code}: {entries:,} entries")
            if drop_indexes:
                say("building the indexes")
    finally:
        db.close()
    return county
