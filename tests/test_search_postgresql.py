"""The register's search at a county on PostgreSQL, checked against the same brute-force filter
as the station's (test_search.py): whatever is typed and whichever filters are set, the entries
found are exactly those a look at every row finds, by each route (pg_trgm, the index of characters),
in a database whose locale lets pg_trgm see Chinese characters (C.UTF-8) and in one where it
cannot (C)."""

from __future__ import annotations

from datetime import datetime

import pytest
import test_search as base
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_support import fresh_postgres_database

from firstask_desktop.demo import bulk_demo as bulk
from firstask_desktop.services import entries as svc
from firstask_desktop.store import db, search_pg
from firstask_desktop.store.models import Staff
from firstask_desktop.store.storage import open_store

NOW = base.NOW


@pytest.fixture(scope="module", params=["C.UTF-8", "C"])
def register(request, tmp_path_factory, postgres_server):
    with fresh_postgres_database(postgres_server, ctype=request.param) as url:
        open_store(tmp_path_factory.mktemp("county-search"), url)
        bulk.new_station("GS0101", "城关供电所", now=datetime(2025, 11, 1), seed=3)
        bulk.add_entries(400, seed=3, now=NOW, years=1.0)
        clerk = Staff.get(Staff.name == "李娜")
        for number, fields in enumerate(base.HAND_MADE):
            svc.register_entry(
                clerk,
                channel="来访",
                received_at=NOW.replace(day=1 + number),
                now=NOW.replace(day=1 + number),
                **fields,
            )
        yield base.all_rows()
        db.close()


def test_pg_trgm_sees_chinese_only_where_the_locale_classifies_it(register, request):
    sees = db.database.execute_sql("SELECT show_trgm('供电所') <> '{}'").fetchone()[0]
    assert sees == (request.node.callspec.params["register"] == "C.UTF-8")


# Each route, forced: as the database allows, trigrams, characters (each through the indexes
# however many rows they find), and the exact condition alone (a fragment found everywhere).
ROUTES = {
    "as-allowed": (None, search_pg.BROAD_SHARE),
    "trgm": (True, 2.0),
    "characters": (False, 2.0),
    "exact": (None, -1.0),
}


@pytest.mark.parametrize("route", ROUTES)
def test_every_kind_of_needle_finds_what_a_look_at_every_row_finds(register, route, monkeypatch):
    trigrams, broad = ROUTES[route]
    monkeypatch.setattr(search_pg, "USE_TRIGRAMS", trigrams)
    monkeypatch.setattr(search_pg, "BROAD_SHARE", broad)
    for flt in base.FILTERS:
        for needle in base._samples(register):
            assert base.found(needle, flt) == base.brute_force(register, needle, flt), (
                needle,
                flt,
            )


def test_what_clerks_type_finds_the_entry_they_mean(register):
    base.test_what_clerks_type_finds_the_entry_they_mean(register)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_fragment_of_any_column_matches_the_brute_force(register, data):
    row = data.draw(st.sampled_from(register))
    column = data.draw(st.sampled_from(base.TEXT + ("phone", "account_no", "search_initials")))
    text = row[column] or "无"
    start = data.draw(st.integers(0, max(0, len(text) - 1)))
    needle = text[start : start + data.draw(st.integers(1, 6))]
    flt = data.draw(st.sampled_from(base.FILTERS))
    assert base.found(needle, flt) == base.brute_force(register, needle, flt)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(needle=st.text(alphabet=base.ALPHABET + "ＡａÀàΣσ\x1f", min_size=1, max_size=6))
def test_any_typed_text_matches_the_brute_force(register, needle):
    # Full-width and accented letters are not folded (only ASCII is, as on the station); the
    # search text's column separator typed finds only what the columns hold.
    if needle.strip():
        assert base.found(needle) == base.brute_force(register, needle)


def _plan(sql: str, params) -> str:
    """The plan PostgreSQL picks when reading every row is ruled out (a register of a few
    hundred rows is read whole faster than through any index)."""
    db.database.execute_sql("ANALYZE entry")
    with db.database.atomic():
        db.database.execute_sql("SET LOCAL enable_seqscan = off")
        rows = db.database.execute_sql("EXPLAIN " + sql, params).fetchall()
    return "\n".join(r[0] for r in rows)


@pytest.mark.parametrize("needle", ["张", "城关村", "5678", "zs"])
def test_a_search_is_answered_from_the_search_indexes(register, needle, request, monkeypatch):
    from firstask_desktop.services.queries import search_condition
    from firstask_desktop.store.models import Entry

    monkeypatch.setattr(search_pg, "BROAD_SHARE", 2.0)  # 张 is in a good share of 400 rows

    sql, params = Entry.select(Entry.id).where(search_condition(needle)).sql()
    plan = _plan(sql, params)
    chinese_trigrams = request.node.callspec.params["register"] == "C.UTF-8"
    uses_trgm = len(needle) >= 3 and (needle.isascii() or chinese_trigrams)
    index = search_pg.TRGM_INDEX if uses_trgm else search_pg.GRAMS_INDEX
    assert index in plan, plan
