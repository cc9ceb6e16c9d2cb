"""What a person sees of a quarantined record (services.quarantine_review): labels a clerk
knows, both versions field by field, the differences marked even where the mask hides them."""

from __future__ import annotations

import re
import uuid

import pytest
from sync_support import (
    PASSWORD,
    exchange_keys,
    export,
    import_at,
    make_county,
    make_station,
    read_body,
    second_file,
)

SERIAL = "GS0101-2026-00003"
VISITOR = "张娜一"  # add_entry_story(2)'s visitor
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def sites(tmp_path):
    county = make_county(tmp_path / "县公司")
    station = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=4)
    exchange_keys(county, station, usb=tmp_path / "U盘")
    first = export(station, tmp_path / "U盘")
    import_at(county, first.path, accept_new_station=True)
    return county, station, first


def _second_file(sites, tmp_path, change=lambda table, data: data, extra=()):
    """The station's number 2: its records with ``change(table, record)`` applied, and
    ``extra`` (table, record) pairs added before the audit events (which come last)."""
    county, station, first = sites
    return second_file(county, station, first, tmp_path, change, extra)


def test_every_field_of_every_synced_table_has_a_chinese_label():
    from firstask_desktop.services.quarantine_review import field_label, table_label
    from firstask_desktop.sync.records import SPECS

    for spec in SPECS:
        assert CJK.search(table_label(spec.name)), spec.name
        for f in spec.fields:
            assert CJK.search(field_label(spec.name, f.name)), (spec.name, f.name)
    assert field_label("station", "name") == "供电所名称"
    assert field_label("deadline_rule", "unit") == "时限单位"


def test_a_difference_the_mask_hides_is_still_marked(sites, tmp_path):
    from firstask_desktop.services.quarantine_review import review_list, review_record
    from firstask_desktop.services.station import add_staff
    from firstask_desktop.store.models import Staff

    county = sites[0]
    forged = _second_file(
        sites,
        tmp_path,
        lambda t, d: dict(d, visitor="张娜二") if t == "entry" and d["serial"] == SERIAL else d,
    )
    assert import_at(county, forged).counts["quarantined"] == 1
    with county.use():
        admin = Staff.get(Staff.name == "县管理员")
        head = add_staff(admin, name="马丽", role="head", password=PASSWORD)
        listing = review_list(admin)
        (row,) = listing["records"]
        assert (row["table_label"], row["label"], row["station_name"]) == (
            "登记",
            SERIAL,
            "城关供电所",
        )
        assert listing["may_resolve"] and listing["masked"]  # county_admin: no personal data

        masked = review_record(admin, row["id"])
        (visitor,) = [f for f in masked["fields"] if f["field"] == "visitor"]
        assert visitor["differs"] and visitor["existing"] == visitor["incoming"] == "张*"
        assert masked["differing"] == ["来访人姓名"]
        initials = next(f for f in masked["fields"] if f["field"] == "search_initials")
        assert initials["kind"] == "hidden"  # the pinyin initials would spell the name

        plain = review_record(head, row["id"])
        (visitor,) = [f for f in plain["fields"] if f["field"] == "visitor"]
        assert (visitor["existing"], visitor["incoming"]) == (VISITOR, "张娜二")
        assert not plain["masked"]


def test_a_serial_number_taken_says_so_in_chinese(sites, tmp_path):
    from firstask_desktop.services.quarantine_review import review_list, review_record
    from firstask_desktop.store.models import Staff

    county = sites[0]
    _header, records = read_body(sites[2].path, county)
    original = next(d for t, d in records if t == "entry" and d["serial"] == SERIAL)
    copy = dict(original, uuid=str(uuid.uuid4()), matter="另一件事")
    forged = _second_file(sites, tmp_path, extra=[("entry", copy)])
    assert import_at(county, forged).counts["quarantined"] == 1
    with county.use():
        admin = Staff.get(Staff.name == "县管理员")
        (row,) = review_list(admin)["records"]
        assert row["reason"].startswith("受理编号与本库中的记录 ")
        detail = review_record(admin, row["id"])
        assert not detail["has_existing"] and detail["differing"] == []


def test_the_county_demo_has_records_waiting_and_one_decided(tmp_path):
    from firstask_desktop.demo.demo_county import COUNTY_ADMIN, build_county_demo
    from firstask_desktop.services.quarantine_review import pending_count, review_list
    from firstask_desktop.store import db
    from firstask_desktop.store.models import Entry, Staff

    try:
        made = build_county_demo(
            tmp_path / "县公司", tmp_path / "城关所", tmp_path / "U盘", entries=12
        )
        assert made["quarantined"] == 3
        assert pending_count() == 2
        admin = Staff.get(Staff.name == COUNTY_ADMIN)
        rows = review_list(admin, include_resolved=True)["records"]
        assert [r["resolution"] for r in rows].count("kept_existing") == 1
        waiting = [r for r in rows if not r["resolved_at"]]
        assert {r["table_label"] for r in waiting} == {"登记"}
        assert {r["label"] for r in waiting} <= {e.serial for e in Entry.select()}
    finally:
        db.close()
