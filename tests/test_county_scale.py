"""The county office on PostgreSQL at scale: the schema step that needs pg_trgm, the register's
filters over every station read from indexes, the county statistics of every station, and a
province that sees the county through PostgreSQL's logical replication (docs/scale.md)."""

from __future__ import annotations

import contextlib
import re
import time
from datetime import datetime

import psycopg2
import pytest
from sync_support import ThrowawayPostgres, fresh_postgres_database

from firstask_desktop.demo import bulk_demo as bulk
from firstask_desktop.demo.large_county import build_large_county
from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.services.month_stats import month_stats
from firstask_desktop.services.queries import EntryFilter, search_condition
from firstask_desktop.store import db, schema, search_pg
from firstask_desktop.store.models import Entry
from firstask_desktop.store.storage import open_store
from firstask_desktop.sync.records import TABLE_ORDER

NOW = datetime(2026, 11, 20, 16, 0)


def _admin(url: str):
    connection = psycopg2.connect(url)
    connection.autocommit = True
    return contextlib.closing(connection)


def _run(url: str, *statements: str) -> list:
    with _admin(url) as connection, connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
        return cursor.fetchall() if cursor.description else []


@pytest.fixture
def county_login(postgres_server):
    """(URL as the database's owner, URL as a county login that may create tables in it but
    not extensions: no CREATE on the database, as a DBA would set up a county's account)."""
    role = "county_clerk"
    _run(postgres_server, f"DROP ROLE IF EXISTS {role}", f"CREATE ROLE {role} LOGIN")
    try:
        with fresh_postgres_database(postgres_server) as owner_url:
            _run(owner_url, f"GRANT USAGE, CREATE ON SCHEMA public TO {role}")
            yield owner_url, owner_url.replace("postgres@", f"{role}@", 1)
            _run(owner_url, f"DROP OWNED BY {role}")
    finally:
        _run(postgres_server, f"DROP ROLE IF EXISTS {role}")


def test_a_new_county_database_without_pg_trgm_is_refused_with_the_sql_for_the_dba(
    county_login, tmp_path
):
    owner_url, clerk_url = county_login
    with pytest.raises(RefusedError) as refused:
        open_store(tmp_path / "county", clerk_url)
    db.close()
    message = str(refused.value)
    assert "pg_trgm" in message and search_pg.EXTENSION_SQL in message
    assert "数据库管理员" in message and "没有改动" in message
    # Nothing half-made: the tables of the new county were rolled back with it.
    assert _run(owner_url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'") == []

    _run(owner_url, search_pg.EXTENSION_SQL)  # what the DBA is asked to do
    open_store(tmp_path / "county", clerk_url)
    try:
        assert schema.user_version(db.database.obj) == schema.LATEST_VERSION
    finally:
        db.close()


def test_an_older_county_database_stays_at_its_version_until_the_dba_adds_pg_trgm(
    county_login, tmp_path
):
    owner_url, clerk_url = county_login
    database = owner_url.rsplit("/", 1)[1]
    # A county set up by the previous version: its login could still create what it needed.
    _run(owner_url, f'GRANT CREATE ON DATABASE "{database}" TO county_clerk')
    open_store(tmp_path / "county", clerk_url)
    bulk.new_station("GS0101", "城关供电所", now=datetime(2025, 11, 1), seed=5)
    bulk.add_entries(50, seed=5, now=NOW, years=1.0)
    db.close()
    # As before the county's search step (and the index of characters and pairs after it).
    previous = schema.MIGRATIONS.index(schema._county_search_and_filters) + 1
    _run(
        owner_url,
        "DROP EXTENSION pg_trgm CASCADE",
        f"DROP INDEX {search_pg.GRAMS_INDEX}, entry_station_received_at",
        f"DROP FUNCTION {search_pg.GRAMS_FUNCTION}",
        f"UPDATE schema_version SET version = {previous}",
        f'REVOKE CREATE ON DATABASE "{database}" FROM county_clerk',
    )

    with pytest.raises(RefusedError, match="CREATE EXTENSION IF NOT EXISTS pg_trgm"):
        open_store(tmp_path / "county", clerk_url)
    db.close()
    assert _run(owner_url, "SELECT version FROM schema_version") == [(previous,)]
    indexes = _run(owner_url, "SELECT indexname FROM pg_indexes WHERE tablename = 'entry'")
    assert not {search_pg.CHARS_INDEX, search_pg.GRAMS_INDEX} & {name for (name,) in indexes}

    _run(owner_url, search_pg.EXTENSION_SQL)
    open_store(tmp_path / "county", clerk_url)
    try:
        assert schema.user_version(db.database.obj) == schema.LATEST_VERSION
        indexes = _run(owner_url, "SELECT indexname FROM pg_indexes WHERE tablename = 'entry'")
        names = {name for (name,) in indexes}
        assert search_pg.GRAMS_INDEX in names and search_pg.CHARS_INDEX not in names
        visitor = Entry.select().first().visitor
        assert Entry.select().where(search_condition(visitor)).count() >= 1
    finally:
        db.close()


# --- the county register over every station ----------------------------------------------------


@pytest.fixture(scope="module")
def county(postgres_server, tmp_path_factory):
    """A county database of three stations with 300 entries each (the benchmark's path)."""
    with fresh_postgres_database(postgres_server, ctype="C.UTF-8") as url:
        built = build_large_county(
            tmp_path_factory.mktemp("county"),
            url,
            stations=3,
            entries=300,
            bulk_until=NOW,
            years=2.0,
        )
        built.open()
        db.database.execute_sql("ANALYZE")
        yield built
        db.close()


def _index_definitions() -> dict[str, str]:
    rows = db.database.execute_sql(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
    ).fetchall()
    return dict(rows)


def _what_a_county_shows(county) -> dict:
    """Counts of every table, what searches and filters find, and the indexes: what must not
    depend on how the county was built."""
    from firstask_desktop.services.queries import list_entries
    from firstask_desktop.store.models import ALL_MODELS

    county.open()
    try:
        shown = {m._meta.table_name: m.select().count() for m in ALL_MODELS}
        # Two letters of someone's pinyin initials, as a clerk types them (zs for 张三).
        letters = Entry.select().order_by(Entry.serial).first().search_initials[:2]
        shown["letters"] = letters
        for typed in ["张", "城关", "5组", letters, "咨询", "GS0002-2026", "1380"]:
            found = list_entries(EntryFilter(search=typed), now=NOW)
            shown[typed] = sorted(e.serial for e in found)
        for flt in [EntryFilter(month="2026-10", status="open"), EntryFilter(station="GS0001")]:
            shown[repr(flt)] = sorted(e.serial for e in list_entries(flt, now=NOW))
        shown["indexes"] = _index_definitions()
        return shown
    finally:
        db.close()


def test_a_county_built_with_its_indexes_dropped_is_the_county_built_row_by_row(
    postgres_server, tmp_path
):
    """The bulk path of a large county drops the indexes of the tables it fills and builds them
    once at the end (hours become minutes at 3 million): the same county as with the indexes
    kept current on every insert, its audit chain whole."""
    from firstask_desktop.store.audit import verify_chain, verify_rows

    shown = []
    for drop in (False, True):
        with fresh_postgres_database(postgres_server, ctype="C.UTF-8") as url:
            county = build_large_county(
                tmp_path / str(drop), url, stations=2, entries=150, bulk_until=NOW, years=2.0,
                drop_indexes=drop,
            )  # fmt: skip
            shown.append(_what_a_county_shows(county))
            county.open()
            try:
                assert verify_chain() == [] and verify_rows() == []
            finally:
                db.close()
    slow, fast = shown
    assert fast["entry"] == slow["entry"] == 300
    assert fast["张"] and fast[fast["letters"]] and fast["城关"]  # something found to compare
    assert fast == slow


def _plan(query) -> str:
    sql, params = query.sql()
    with db.database.atomic():
        db.database.execute_sql("SET LOCAL enable_seqscan = off")
        rows = db.database.execute_sql("EXPLAIN " + sql, params).fetchall()
    return "\n".join(r[0] for r in rows)


@pytest.mark.parametrize(
    "flt",
    [
        EntryFilter(month="2026-10", station="GS0002"),
        EntryFilter(month="2026-10", category="complaint"),
        EntryFilter(month="2026-10", status="closed"),
        EntryFilter(month="2026-10", responder="李娜"),
        EntryFilter(station="GS0003"),
    ],
    ids=["station", "category", "status", "responder", "station-all-months"],
)
def test_the_county_register_filters_are_read_from_indexes(county, flt):
    from firstask_desktop.services.queries import list_entries

    plan = _plan(list_entries(flt, now=NOW, descending=True).limit(200))
    assert "Seq Scan on entry" not in plan, plan
    # An index on the filter's column (with received_at for the month and the order; at a
    # few hundred rows the planner may take the column's own index, at millions the pair).
    for attribute in ("station", "category", "status"):
        if getattr(flt, attribute):
            assert re.search(f"(using|on) entry_{attribute}", plan), plan
    if flt.responder:
        assert re.search("(using|on) entry_responder_id_received_at", plan), plan


def test_the_county_month_statistics_count_every_station_once(county):

    everyone = month_stats("2026-10", NOW, with_previous=False)
    per_station = {row["code"]: row["total"] for row in everyone["stations"]}
    assert set(per_station) == {"GS0001", "GS0002", "GS0003"}
    assert sum(per_station.values()) == everyone["total"] > 0
    for code, total in per_station.items():
        alone = month_stats("2026-10", NOW, station=code, with_previous=False)
        assert alone["total"] == total
        assert alone["reply"]["on_time"] <= everyone["reply"]["on_time"]
    live = Entry.select().where(
        (Entry.received_at >= datetime(2026, 10, 1))
        & (Entry.received_at < datetime(2026, 11, 1))
        & (Entry.status != "void")
    )
    assert everyone["total"] == live.count()


def test_the_county_monthly_excel_holds_every_station_s_entries(county, tmp_path):
    from openpyxl import load_workbook

    from firstask_desktop.demo.large_county import COUNTY_ADMIN
    from firstask_desktop.services.export_excel import export_register
    from firstask_desktop.store.models import Staff

    admin = Staff.get(Staff.name == COUNTY_ADMIN)
    done = export_register(admin, tmp_path / "county.xlsx", month="2026-10")
    month = Entry.select().where(
        (Entry.received_at >= datetime(2026, 10, 1)) & (Entry.received_at < datetime(2026, 11, 1))
    )
    assert done.rows == month.count() > 0
    book = load_workbook(done.path, read_only=True)
    serials = {row[0] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)}
    book.close()
    assert {s[:6] for s in serials} == {"GS0001", "GS0002", "GS0003"}


# --- a province that sees the county (docs/scale.md) ------------------------------------------

# The merged register and what tells where it came from: the stations' records, their own audit
# chains and the log of their files. Not the county's settings, keys, quarantine or its own
# audit chain, which are the county's business.
PUBLISHED = [*TABLE_ORDER, "station_audit_event", "sync_log"]


def _wait_for(url: str, sql: str, expected, seconds: float = 20.0):
    deadline = time.monotonic() + seconds
    while True:
        found = _run(url, sql)
        if found == expected or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def _new_database(server: str, name: str) -> str:
    _run(server, f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8'")
    return f"{server.rpartition('/')[0]}/{name}"


def test_a_province_subscribed_to_the_county_runs_the_county_statistics(tmp_path):
    county_server = ThrowawayPostgres().start("wal_level=logical")
    province_server = ThrowawayPostgres().start()
    try:
        # Both servers are thrown away whole at the end: no database to drop one by one.
        county_url = _new_database(county_server.url, "county")
        province_url = _new_database(province_server.url, "province")
        county = build_large_county(
            tmp_path, county_url, stations=2, entries=150, bulk_until=NOW, years=1.0
        )
        _run(county_url, f"CREATE PUBLICATION county_yz00 FOR TABLE {', '.join(PUBLISHED)}")
        # The province's copy has the same schema (the program made it), empty.
        open_store(tmp_path / "province", province_url)
        db.close()
        host, name = county_url.split("@", 1)[1].split("/")
        address, port = host.split(":")
        _run(
            province_url,
            f"CREATE SUBSCRIPTION county_yz00 CONNECTION 'host={address} port={port} "
            f"user=postgres dbname={name}' PUBLICATION county_yz00",
        )
        copied = "SELECT count(*) FROM pg_subscription_rel WHERE srsubstate <> 'r'"
        assert _wait_for(province_url, copied, [(0,)]) == [(0,)]

        # A change at the county (a station's next file, here new entries) follows.
        county.open()
        bulk.add_entries(20, seed=9, now=NOW, years=0.05, station_code="GS0002")
        expected = Entry.select().count()
        before = month_stats("2026-11", NOW, with_previous=False)
        db.close()
        entries = "SELECT count(*) FROM entry"
        assert _wait_for(province_url, entries, [(expected,)]) == [(expected,)]

        # The province's owner opens its copy once: the program adds what a county keeps
        # for itself and does not publish (the holiday calendar shipped with it).
        open_store(tmp_path / "province", province_url)
        db.close()
        # Read-only at the province: its readers may select, never write.
        _run(
            province_url,
            "DROP ROLE IF EXISTS province_reader",
            "CREATE ROLE province_reader LOGIN",
            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO province_reader",
        )
        reader_url = province_url.replace("postgres@", "province_reader@", 1)
        open_store(tmp_path / "province", reader_url)
        try:
            after = month_stats("2026-11", NOW, with_previous=False)
            with pytest.raises(Exception, match="permission denied"):
                Entry.update(matter="改").where(Entry.id == 1).execute()
        finally:
            db.close()
        for key in ("total", "void", "reply", "follow_up", "satisfaction", "stations"):
            assert after[key] == before[key], key
        assert [s["code"] for s in after["stations"]] == ["GS0001", "GS0002"]
    finally:
        db.close()
        province_server.stop()
        county_server.stop()
