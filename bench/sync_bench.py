"""Benchmark of USB sync (docs/benchmarks.md, section "Sync").

1. One station with N entries (default 100,000): ``sync export --full`` at the station plus
   ``sync import`` at the county, against a baseline measured in the same run on the same
   machine: the same rows read with plain ``sqlite3``, written as JSON lines, read back and
   inserted with ``sqlite3.executemany`` into an empty database of the same schema. Target:
   (export + import) / baseline ≤ 3.
2. S station files of M entries each (default 50 × 2,000) imported into one county database.

    python bench/sync_bench.py            # the full sizes (several minutes to generate data)
    python bench/sync_bench.py --quick    # 2,000 entries, 5 × 400: for CI
    python bench/sync_bench.py --check    # exit 1 when the ratio is above 3
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from firstask_desktop.demo import bulk_demo as bulk
from firstask_desktop.services.station import init_station  # noqa: E402
from firstask_desktop.store import (
    config,
    db,  # noqa: E402
)
from firstask_desktop.store.storage import open_store  # noqa: E402
from firstask_desktop.sync.importing import import_file  # noqa: E402
from firstask_desktop.sync.records import TABLE_ORDER  # noqa: E402
from firstask_desktop.sync.station_export import export_file  # noqa: E402
from firstask_desktop.sync.trust import export_key_file, import_key_file  # noqa: E402

NOW = datetime(2026, 11, 20, 16, 0)
TARGET_RATIO = 3.0


def make_station(folder: Path, code: str, entries: int, seed: int) -> None:
    """A station with the demo's staff and ``entries`` generated matters."""
    open_store(folder)
    try:
        bulk.new_station(code, f"{code}供电所", now=NOW, seed=seed)
        bulk.add_entries(entries, seed=seed, now=NOW)
    finally:
        db.close()


def make_county(folder: Path, usb: Path) -> Path:
    open_store(folder)
    try:
        init_station(
            code="YZ00",
            name="榆中县供电公司",
            mode="county",
            admin_name="县管理员",
            admin_password="demo123",
            now=NOW,
        )
        return export_key_file(usb)[0]
    finally:
        db.close()


def give_county_key(station: Path, key_file: Path) -> None:
    open_store(station)
    try:
        import_key_file(key_file, accepted_by="基准测试")
    finally:
        db.close()


def timed(func, *args, **kwargs):
    start = time.perf_counter()
    result = func(*args, **kwargs)
    return time.perf_counter() - start, result


def export_at(station: Path, usb: Path) -> Path:
    open_store(station)
    try:
        return export_file(usb, full=True, now=NOW).path
    finally:
        db.close()


def import_at(county: Path, path: Path) -> None:
    open_store(county)
    try:
        import_file(path, accept_new_station=True, actor="基准测试", ack_dir=path.parent, now=NOW)
    finally:
        db.close()


def baseline(station_db: Path, work: Path) -> float:
    """The same rows: SELECT with sqlite3, JSON lines to a file, read back, executemany."""
    tables = TABLE_ORDER + ["audit_event"]
    target = work / "baseline.sqlite3"
    schema = sqlite3.connect(station_db)
    # The same schema: tables and their indexes (unique uuid, serial number ...).
    ddl = [
        sql
        for (_kind, table, sql) in schema.execute(
            "SELECT type, tbl_name, sql FROM sqlite_master WHERE type IN ('table', 'index') "
            "AND sql IS NOT NULL ORDER BY type DESC"
        )
        if table in tables
    ]
    schema.close()
    out = sqlite3.connect(target)
    for sql in ddl:
        out.execute(sql)
    out.commit()
    out.close()
    dump = work / "baseline.jsonl"
    start = time.perf_counter()
    source = sqlite3.connect(station_db)
    with open(dump, "w", encoding="utf-8") as handle:
        for table in tables:
            cursor = source.execute(f'SELECT * FROM "{table}"')
            columns = [c[0] for c in cursor.description]
            handle.write(json.dumps({"table": table, "columns": columns}) + "\n")
            for row in cursor:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    source.close()
    con = sqlite3.connect(target)
    con.execute("PRAGMA journal_mode=wal")
    con.execute("PRAGMA synchronous=FULL")
    with open(dump, encoding="utf-8") as handle:
        table, columns, rows = None, None, []

        def flush():
            if rows:
                marks = ", ".join("?" * len(columns))
                con.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)
                rows.clear()

        for line in handle:
            item = json.loads(line)
            if isinstance(item, dict):
                flush()
                table, columns = item["table"], item["columns"]
            else:
                rows.append(item)
        flush()
    con.commit()
    con.close()
    return time.perf_counter() - start


def one_big_station(work: Path, entries: int) -> dict:
    usb = work / "usb"
    usb.mkdir(parents=True)
    key_file = make_county(work / "county", usb)
    gen, _ = timed(make_station, work / "station", "GS0101", entries, 1)
    give_county_key(work / "station", key_file)
    t_export, path = timed(export_at, work / "station", usb)
    t_import, _ = timed(import_at, work / "county", path)
    t_base = baseline(config.db_path(work / "station"), work)
    ratio = (t_export + t_import) / t_base
    return {
        "entries": entries,
        "generate_s": round(gen, 1),
        "export_s": round(t_export, 2),
        "import_s": round(t_import, 2),
        "baseline_s": round(t_base, 2),
        "ratio": round(ratio, 2),
        "file_mb": round(path.stat().st_size / 1e6, 1),
    }


def many_stations(work: Path, stations: int, per_station: int) -> dict:
    usb = work / "usb-many"
    usb.mkdir(parents=True)
    key_file = make_county(work / "county-many", usb)
    start = time.perf_counter()
    paths = []
    for n in range(stations):
        folder = work / f"station-{n:02d}"
        make_station(folder, f"GS{n + 1:04d}", per_station, 100 + n)
        give_county_key(folder, key_file)
        paths.append(export_at(folder, usb))
    generate = time.perf_counter() - start
    start = time.perf_counter()
    for path in paths:
        import_at(work / "county-many", path)
    total = time.perf_counter() - start
    return {
        "stations": stations,
        "per_station": per_station,
        "generate_s": round(generate, 1),
        "import_s": round(total, 1),
        "per_file_s": round(total / stations, 2),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI")
    parser.add_argument("--entries", type=int)
    parser.add_argument("--stations", type=int)
    parser.add_argument("--per-station", type=int)
    parser.add_argument("--check", action="store_true", help=f"exit 1 if ratio > {TARGET_RATIO}")
    parser.add_argument("--keep", help="keep the generated folders here")
    args = parser.parse_args(argv)
    entries = args.entries or (2000 if args.quick else 100_000)
    stations = args.stations or (5 if args.quick else 50)
    per_station = args.per_station or (400 if args.quick else 2000)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="firstask-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        big = one_big_station(work / "one", entries)
        print(json.dumps({"one_station": big}, ensure_ascii=False), flush=True)
        many = many_stations(work / "many", stations, per_station)
        print(json.dumps({"many_stations": many}, ensure_ascii=False), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if args.check and big["ratio"] > TARGET_RATIO:
        print(f"ratio {big['ratio']} > {TARGET_RATIO}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
