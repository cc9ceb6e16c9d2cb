"""Searching the register the way clerks search, checked against a plain Python filter.

Whatever the clerk types — one or two Chinese characters, a longer fragment, a phone fragment,
a 户号, a serial or pinyin initials — and whichever filters of the register view are set, the
entries found must be exactly those a brute-force look at every row finds, by every route the
search can take (index lookups, LIKE), and the index must follow every change to an entry.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import T0
from sync_support import county_db  # noqa: F401 - the fixture, for the PostgreSQL county

from firstask_desktop.demo import bulk_demo as bulk
from firstask_desktop.domain.vocab import OPEN_STATUSES
from firstask_desktop.services import entries as svc
from firstask_desktop.services.entry_edits import edit_entry
from firstask_desktop.services.queries import (
    EntryFilter,
    count_entries,
    list_entries,
    month_range,
)
from firstask_desktop.store import config, db, search_index
from firstask_desktop.store.models import Entry, Staff
from firstask_desktop.store.storage import open_store

NOW = datetime(2026, 11, 20, 16, 0)
TEXT = ("visitor", "unit", "address", "matter", "result", "serial")


# --- the reference: every row looked at in Python -------------------------------------------------


def _lower(text: str | None) -> str:
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text or "")


def brute_force(rows: list[dict], typed: str, flt: EntryFilter | None = None) -> set[str]:
    """Serials of the rows a clerk expects for ``typed`` under the filters of ``flt``."""
    needle = typed.strip()
    low = _lower(needle)
    number = unicodedata.normalize("NFKC", needle)
    digits = ""
    if re.fullmatch(r"[0-9][0-9 \-]*", number):
        digits = re.sub(r"[^0-9]", "", number)
    found = set()
    for row in rows:
        if flt is not None and not _passes(row, flt):
            continue
        hit = any(low in _lower(row[c]) for c in TEXT)
        if len(digits) >= 3:
            hit |= digits in re.sub(r"[^0-9]", "", row["phone"]) or digits in row["account_no"]
        if needle.isascii() and needle.isalpha():
            hit |= low in _lower(row["search_initials"])
        if hit:
            found.add(row["serial"])
    return found


def _passes(row: dict, flt: EntryFilter) -> bool:
    if flt.month:
        start, end = month_range(flt.month)
        if not start <= row["received_at"] < end:
            return False
    if flt.status == "open" and row["status"] not in OPEN_STATUSES:
        return False
    if flt.status and flt.status != "open" and row["status"] != flt.status:
        return False
    if flt.category and row["category"] != flt.category:
        return False
    if flt.channel and row["channel"] != flt.channel:
        return False
    return not flt.responder or row["responder_name"] == flt.responder


def all_rows() -> list[dict]:
    query = Entry.select(Entry, Staff.name.alias("responder_name")).join(
        Staff, on=(Entry.responder == Staff.id)
    )
    return list(query.dicts())


def found(typed: str, flt: EntryFilter | None = None) -> set[str]:
    flt = EntryFilter(**{**(flt or EntryFilter()).__dict__, "search": typed})
    serials = {e.serial for e in list_entries(flt, now=NOW)}
    assert count_entries(flt, now=NOW) == len(serials), typed
    # The register's footer counts no further than its cap (超过 N 条): exact up to it.
    for cap in (0, 3):
        assert count_entries(flt, now=NOW, cap=cap) == min(len(serials), cap + 1), (typed, cap)
    return serials


# --- a register of a few hundred rows, some of them typed by hand ----------------------------------

HAND_MADE = [
    dict(
        visitor="张三",
        unit="城关村委会",
        phone="13812345678",
        account_no="0123456789",
        matter="家中电压偏低，空调无法启动",
        category="投诉",
    ),
    dict(
        visitor="欧阳娜娜",
        address="榆中县城关镇李家村3组45号",
        phone="0931-5221234",
        matter="咨询峰谷电价如何办理",
        category="咨询",
    ),
    dict(visitor="𠮷祥", phone="15900001111", matter="表箱冒烟，闻到焦糊味", category="报修"),
    dict(
        visitor="阿依古丽·买买提",
        unit="Anna's Farm",
        phone="13900002222",
        matter="申请安装 20 kW 充电桩（Tesla Model 3）",
        category="业务办理",
    ),
    dict(
        visitor="王五",
        phone="18600003333",
        matter="举报有人私拉乱接偷电；100%确认",
        category="举报",
    ),
]


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    folder = tmp_path_factory.mktemp("search") / "data"
    open_store(folder)
    bulk.new_station("GS0101", "城关供电所", now=datetime(2025, 11, 1), seed=3)
    bulk.add_entries(400, seed=3, now=NOW, years=1.0)
    clerk = Staff.get(Staff.name == "李娜")
    for number, fields in enumerate(HAND_MADE):
        svc.register_entry(
            clerk,
            channel="来访",
            received_at=NOW.replace(day=1 + number),
            now=NOW.replace(day=1 + number),
            **fields,
        )
    rows = all_rows()
    yield rows
    db.close()


def _samples(rows: list[dict]) -> list[str]:
    """Needles of every kind, taken from the register itself, plus some that match nothing."""
    sample = rows[::37]
    needles = [
        "张",
        "三",
        "张三",
        "城关村",
        "电压偏低",
        "zs",
        "Z",
        "oynn",
        "𠮷",
        "𠮷祥",
        "丽·买",
        "ANNA",
        "anna's",
        "tesla model",
        "100%",
        "%",
        "_",
        "'",
        '"',
        "·",
        "5678",
        "138 1234",
        "0931-522",
        "０１２３４５",
        "0123456789",
        "gs0101-2026",
        "GS0101",
        "2026-00",
        "12",
        "没有这个人",
        "xyzxyz",
        "、",
        "12 34",
    ]
    for row in sample:
        needles += [
            row["visitor"][:1],
            row["visitor"],
            row["address"][3:5],
            row["matter"][2:6],
            row["serial"],
            row["serial"][-5:],
            row["phone"][-4:],
            row["account_no"][2:9],
            row["search_initials"][:2],
        ]
    return [n for n in needles if n.strip()]


FILTERS = [
    EntryFilter(),
    EntryFilter(month="2026-11"),
    EntryFilter(category="complaint"),
    EntryFilter(status="open"),
    EntryFilter(channel="phone", status="closed"),
    EntryFilter(responder="李娜", month="2026-11"),
]

# Each route the search can take, forced: the matches looked up by id, the list read in its
# order and tested against the matches, and LIKE on every row.
ROUTES = {
    "by_id": {"FEW_MATCHES": 10**9},
    "tested": {"FEW_MATCHES": 0, "BROAD_SHARE": 10.0},
    "like": {"FEW_MATCHES": 0, "BROAD_SHARE": -1.0},
}


@pytest.mark.parametrize("route", ROUTES)
def test_every_kind_of_needle_finds_what_a_look_at_every_row_finds(register, route, monkeypatch):
    for name, value in ROUTES[route].items():
        monkeypatch.setattr(search_index, name, value)
    for flt in FILTERS:
        for needle in _samples(register):
            assert found(needle, flt) == brute_force(register, needle, flt), (needle, flt)


def test_what_clerks_type_finds_the_entry_they_mean(register):
    def serials(typed):
        return {s for s in found(typed) if s in hand}

    names = {f["visitor"] for f in HAND_MADE}
    hand = {
        r["serial"]
        for r in register
        if r["visitor"] in names and r["received_at"] >= NOW.replace(day=1, hour=0)
    }
    by_name = {r["visitor"]: r["serial"] for r in register if r["serial"] in hand}
    assert serials("张三") == {by_name["张三"]}
    assert by_name["张三"] in found("张")  # one character: the surname
    assert serials("zs") >= {by_name["张三"]}  # pinyin initials
    assert serials("欧阳") == {by_name["欧阳娜娜"]}
    assert serials("oynn") == {by_name["欧阳娜娜"]}
    assert serials("𠮷") == {by_name["𠮷祥"]}  # outside the basic plane
    assert serials("138 1234 5678") == {by_name["张三"]}  # typed with spaces
    assert serials("1234-5678") == {by_name["张三"]}
    assert serials("5221234") == {by_name["欧阳娜娜"]}  # the landline's digits
    assert serials("0931-522") == {by_name["欧阳娜娜"]}
    assert serials("４５６７８") == {by_name["张三"]}  # full-width digits from a Chinese IME
    assert serials("0123456789") == {by_name["张三"]}  # 户号
    assert serials("tesla") == {by_name["阿依古丽·买买提"]}  # either case
    assert serials("100%") == {by_name["王五"]}  # % is a character, not a wildcard
    serial = by_name["王五"]
    assert found(serial) == {serial} and found(serial.lower()) == {serial}
    assert serial in found(serial[-5:])


ALPHABET = "张三李四王五城关村家电压偏低峰谷价镇号组0123456789abcgszAZ-·%_ "


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_fragment_of_any_column_matches_the_brute_force(register, data):
    row = data.draw(st.sampled_from(register))
    column = data.draw(st.sampled_from(TEXT + ("phone", "account_no", "search_initials")))
    text = row[column] or "无"
    start = data.draw(st.integers(0, max(0, len(text) - 1)))
    needle = text[start : start + data.draw(st.integers(1, 6))]
    flt = data.draw(st.sampled_from(FILTERS))
    assert found(needle, flt) == brute_force(register, needle, flt)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(needle=st.text(alphabet=ALPHABET, min_size=1, max_size=6))
def test_any_typed_text_matches_the_brute_force(register, needle):
    if needle.strip():
        assert found(needle) == brute_force(register, needle)


# --- the index follows every change --------------------------------------------------------------


def _pending() -> int:
    return db.database.execute_sql(f"SELECT count(*) FROM {search_index.PENDING}").fetchone()[0]


def _register(people, **fields):
    base = dict(
        channel="来电", category="报修", visitor="赵六", matter="入户线烧断", phone="13700001111"
    )
    return svc.register_entry(people["李娜"], now=T0, **{**base, **fields})


def test_a_saved_entry_and_its_reply_are_found_at_once(people):
    entry = _register(people, visitor="张三丰", unit="城关中学")
    assert _pending() == 0  # indexed in the transaction that saved it
    for typed in ("张", "三丰", "张三丰", "zsf", "城关中学", "1111"):
        assert found(typed) == {entry.serial}, typed
    assert found("分接头") == set()
    svc.reply_entry(people["李娜"], entry.serial, "已更换变压器分接头", now=T0)
    assert found("分接头") == {entry.serial} and found("接") == {entry.serial}
    assert _pending() == 0


def test_a_corrected_name_is_found_by_the_new_name_only(people):
    entry = _register(people, visitor="张三丰")
    edit_entry(people["李娜"], entry.serial, now=T0, visitor="李四光")
    for old in ("张三丰", "三丰", "zsf"):
        assert found(old) == set(), old
    for new in ("李四光", "四光", "光", "lsg"):
        assert found(new) == {entry.serial}, new


def test_a_change_made_outside_the_app_is_searched_exactly_until_indexed(people, store):
    entry = _register(people, matter="入户线烧断")
    other = _register(people, matter="电线杆倾斜")
    db.close()
    con = sqlite3.connect(config.db_path(store))
    con.execute("UPDATE entry SET matter = '表箱冒烟' WHERE id = ?", (entry.id,))
    con.commit()
    con.close()
    open_store(store)
    assert _pending() == 1
    assert found("烧断") == set() and found("冒烟") == {entry.serial}
    assert found("烟") == {entry.serial} and found("倾斜") == {other.serial}
    _register(people, matter="咨询电价")  # the next save indexes what is pending
    assert _pending() == 0
    assert found("烧断") == set() and found("冒烟") == {entry.serial}


def test_the_county_on_postgresql_finds_what_a_look_at_every_row_finds(tmp_path, county_db):  # noqa: F811
    open_store(tmp_path / "county", county_db)
    try:
        bulk.new_station("GS0101", "城关供电所", now=datetime(2025, 11, 1), seed=5)
        bulk.add_entries(120, seed=5, now=NOW, years=1.0)
        rows = all_rows()
        for needle in _samples(rows)[:40]:
            assert found(needle) == brute_force(rows, needle), needle
    finally:
        db.close()


def test_grams_are_the_characters_and_neighbouring_pairs_of_each_run():
    tokens = search_index.grams("张三 李家村", "a-b", "张").split(" ")
    assert sorted(tokens) == sorted("张 张三 三 李 李家 家 家村 村 a b".split())
    assert search_index.grams("") == ""
