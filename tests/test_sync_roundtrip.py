"""Two stations and a county on USB sticks: what arrives, what is refused, what is set aside."""

from __future__ import annotations

import shutil
from datetime import timedelta

import pytest
from sync_support import (
    T0,
    add_entry_story,
    county_db,  # noqa: F401 - fixture
    county_public,
    exchange_keys,
    export,
    forge,
    import_at,
    make_county,
    make_station,
    read_body,
    table_state,
)

from firstask_desktop.domain.errors import RefusedError


@pytest.fixture
def sites(tmp_path, county_db):  # noqa: F811 - the fixture above
    county = make_county(tmp_path / "县公司", county_db)
    a = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=4)
    b = make_station(tmp_path / "金崖所", "GS0102", "金崖供电所", entries=2)
    exchange_keys(county, a, b, usb=tmp_path / "U盘")
    return county, a, b, tmp_path / "U盘"


def _entries(site):
    from firstask_desktop.services.queries import entry_details
    from firstask_desktop.store.models import Entry

    with site.use():
        rows = {}
        for entry in Entry.select().order_by(Entry.serial):
            data = entry_details(entry)
            data.pop("timeline")  # the county's own audit log tells its own story
            data.pop("due_state")
            rows[entry.serial] = data
        return rows


def test_round_trip_county_holds_what_the_stations_registered(sites):
    county, a, b, usb = sites
    from firstask_desktop.store.integrity import check_database
    from firstask_desktop.store.models import AuditEvent, Staff, StationAuditEvent

    first_a = export(a, usb)
    first_b = export(b, usb)
    assert first_a.path.name == "GS0101-000001.fasync" and first_a.seq == 1 and first_a.full
    result = import_at(county, first_a.path, accept_new_station=True)
    assert result.status == "imported" and result.counts["inserted"] > 0
    import_at(county, first_b.path, accept_new_station=True)

    station_a, station_b, merged = _entries(a), _entries(b), _entries(county)
    assert merged == {**station_a, **station_b}
    serial = "GS0101-2026-00001"
    assert merged[serial]["transfers"][0]["department"] == "配电运维班"
    assert merged[serial]["follow_ups"][0]["satisfaction"] == "satisfied"
    with a.use():
        # Every event up to the export; the export's own bookkeeping event goes in the next file.
        station_events = AuditEvent.select().count() - 1
    assert first_a.counts["audit_event"] == station_events
    with county.use():
        # Staff travel without their passwords: nobody logs in at the county as a clerk.
        assert {s.password_hash for s in Staff.select().where(Staff.station == "GS0101")} == {""}
        assert (
            StationAuditEvent.select().where(StationAuditEvent.source == "GS0101").count()
            == station_events
        )
        # The county's own chain and every row still agree (each merged row has its event).
        assert check_database() == []
        # The stations' rules and people are there, but the county's lists stay its own.
        from firstask_desktop.services.rules import rule_rows
        from firstask_desktop.services.station import list_staff, station_head

        assert {r.station for r in rule_rows()} == {"YZ00"}
        assert {s.name for s in list_staff()} == {"县管理员"} and station_head() is None


def test_incremental_export_carries_only_what_changed(sites):
    county, a, _b, usb = sites
    from firstask_desktop.services import entries as svc
    from firstask_desktop.store.models import Entry, Staff

    import_at(county, export(a, usb).path, accept_new_station=True)
    with a.use():
        clerk = Staff.get(Staff.name == "李娜")
        new = add_entry_story(9, at=T0 + timedelta(days=2))
        svc.record_contact(clerk, "GS0101-2026-00004", "已联系", now=T0 + timedelta(days=2))
    second = export(a, usb)
    assert second.seq == 2 and not second.full
    header, records = read_body(second.path, county)
    sent = {(t, d.get("serial")) for t, d in records if t == "entry"}
    assert sent == {("entry", new.serial), ("entry", "GS0101-2026-00004")}
    assert header["prev_hash"] == export_hash(a, 1)
    result = import_at(county, second.path)
    assert result.status == "imported" and result.warnings == []
    with county.use():
        assert Entry.get(Entry.serial == new.serial).matter == "第9件事：电压偏低"
        assert (
            Entry.get(Entry.serial == "GS0101-2026-00004").revision
            == _entries(a)["GS0101-2026-00004"]["revision"]
        )


def export_hash(site, seq):
    from firstask_desktop.store.models import SyncLog

    with site.use():
        return SyncLog.get((SyncLog.seq == seq) & (SyncLog.direction == "out")).file_hash


def test_importing_the_same_file_twice_changes_nothing(sites):
    county, a, _b, usb = sites
    path = export(a, usb).path
    import_at(county, path, accept_new_station=True)
    with county.use():
        before = table_state()
    again = import_at(county, path)
    with county.use():
        after = table_state()
    assert again.status == "already" and "已经导入过" in again.message
    assert after == before


def test_a_gap_is_imported_with_a_warning_and_the_late_file_refused(sites):
    county, a, _b, usb = sites
    from firstask_desktop.services.county import station_overview

    files = []
    for n in range(3):
        with a.use():
            add_entry_story(20 + n, at=T0 + timedelta(days=3 + n))
        files.append(export(a, usb))
    import_at(county, files[0].path, accept_new_station=True)
    result = import_at(county, files[2].path)
    assert result.status == "imported"
    assert any("第 2 号" in w for w in result.warnings)
    with county.use():
        row = next(r for r in station_overview() if r["station"] == "GS0101")
        assert row["last_seq"] == 3 and row["missing"] == [2]
        before = table_state()
    # The missing file turns up later: it is older than the last one, so it is refused.
    with pytest.raises(RefusedError, match="早于已导入的第 3 号"):
        import_at(county, files[1].path)
    with county.use():
        assert table_state() == before
    # A full export closes the gap.
    full = export(a, usb, full=True)
    assert import_at(county, full.path).warnings == []
    with county.use():
        assert next(r for r in station_overview() if r["station"] == "GS0101")["missing"] == []


def test_replaying_an_old_file_changes_nothing(sites):
    county, a, _b, usb = sites
    first = export(a, usb)
    with a.use():
        add_entry_story(30, at=T0 + timedelta(days=5))
    second = export(a, usb)
    import_at(county, first.path, accept_new_station=True)
    import_at(county, second.path)
    with county.use():
        before = table_state()
    assert import_at(county, first.path).status == "already"
    with county.use():
        assert table_state() == before


def test_same_number_with_other_content_is_quarantined(sites, tmp_path):
    """A station restored from a backup exports its number 2 again, with different records."""
    county, a, _b, usb = sites
    from firstask_desktop.store.models import Entry, SyncLog

    import_at(county, export(a, usb).path, accept_new_station=True)
    backup = tmp_path / "备份"
    shutil.copytree(a.folder, backup)
    with a.use():
        add_entry_story(40, at=T0 + timedelta(days=6))
    import_at(county, export(a, usb / "第一次").path)
    shutil.rmtree(a.folder)
    shutil.copytree(backup, a.folder)
    with a.use():
        add_entry_story(41, at=T0 + timedelta(days=7))
    other = export(a, usb / "第二次")
    assert other.seq == 2
    with county.use():
        entries_before = Entry.select().count()
    result = import_at(county, other.path)
    assert result.status == "quarantined" and "内容不同" in result.message
    with county.use():
        assert Entry.select().count() == entries_before
        log = SyncLog.get(SyncLog.status == "quarantined")
        assert log.seq == 2 and log.station == "GS0101"
        assert (county.folder / "quarantine").exists()


def test_same_revision_with_other_content_waits_for_a_person(sites, tmp_path):
    county, a, _b, usb = sites
    from firstask_desktop.services.county import quarantined_records, resolve_quarantined
    from firstask_desktop.store.integrity import check_database
    from firstask_desktop.store.models import Entry, QuarantinedRecord

    first = export(a, usb)
    import_at(county, first.path, accept_new_station=True)
    header, records = read_body(first.path, county)
    changed = []
    for table, data in records:
        if table == "entry" and data["serial"] == "GS0101-2026-00003":
            data = dict(data, matter="被改过的事由")
        changed.append((table, data))
    forged = forge(
        tmp_path / "GS0101-000002.fasync",
        dict(header, seq=2, full=True, prev_hash=first.file_hash),
        changed,
        signing_folder=a.folder,
        recipient_public=county_public(county),
    )
    result = import_at(county, forged)
    assert result.status == "imported" and result.counts["quarantined"] == 1
    with county.use():
        assert Entry.get(Entry.serial == "GS0101-2026-00003").matter != "被改过的事由"
        waiting = quarantined_records()
        assert len(waiting) == 1 and waiting[0]["incoming"]["matter"] == "被改过的事由"
        assert "同一版本" in waiting[0]["reason"]
        resolve_quarantined(waiting[0]["id"], take_incoming=True, actor="县管理员")
        assert Entry.get(Entry.serial == "GS0101-2026-00003").matter == "被改过的事由"
        assert QuarantinedRecord.get().resolution == "took_incoming"
        assert check_database() == []


def test_a_second_pc_claiming_a_registered_code_is_refused(sites, tmp_path):
    county, a, _b, usb = sites
    import_at(county, export(a, usb).path, accept_new_station=True)
    impostor = make_station(tmp_path / "冒充", "GS0101", "城关供电所", entries=1)
    exchange_keys(county, impostor, usb=usb)
    path = export(impostor, usb / "冒充").path
    with county.use():
        before = table_state()
    with pytest.raises(RefusedError, match="两者不同"):
        import_at(county, path, accept_new_station=True)
    with county.use():
        assert table_state() == before


def test_a_station_sending_under_another_stations_code_is_refused(sites, tmp_path):
    county, a, b, usb = sites
    import_at(county, export(a, usb).path, accept_new_station=True)
    import_at(county, export(b, usb).path, accept_new_station=True)
    header, records = read_body(export(b, usb / "b2").path, county)
    with county.use():
        before = table_state()
    # Station B signs a file that says it comes from station A ...
    forged = forge(
        tmp_path / "GS0101-000002.fasync",
        dict(header, station="GS0101", station_name="城关供电所", seq=2),
        records,
        signing_folder=b.folder,
        recipient_public=county_public(county),
    )
    with pytest.raises(RefusedError, match="两者不同"):
        import_at(county, forged, accept_new_station=True)
    # ... or from a station the county has never heard of.
    forged = forge(
        tmp_path / "GS0109-000001.fasync",
        dict(header, station="GS0109", station_name="新来的所", seq=1),
        records,
        signing_folder=b.folder,
        recipient_public=county_public(county),
    )
    with pytest.raises(RefusedError, match="已登记给 GS0102"):
        import_at(county, forged, accept_new_station=True)
    with county.use():
        assert table_state() == before


def test_an_unknown_station_is_refused_naming_its_fingerprint(sites):
    county, a, _b, usb = sites
    from firstask_desktop.sync.county_import import UnknownStationKey

    path = export(a, usb).path
    with county.use():
        before = table_state()
    with pytest.raises(UnknownStationKey) as refused:
        import_at(county, path)
    with a.use():
        from firstask_desktop.sync.trust import local_public_info

        fingerprint = local_public_info().fingerprint
    assert fingerprint in str(refused.value)
    with county.use():
        assert table_state() == before


def test_county_package_round_trip(sites, tmp_path):
    county, a, _b, usb = sites
    from datetime import date

    from firstask_desktop.services.rules import update_rule
    from firstask_desktop.services.station import find_department, list_staff
    from firstask_desktop.store import db
    from firstask_desktop.store.audit import save_audited
    from firstask_desktop.store.integrity import check_database
    from firstask_desktop.store.models import DeadlineRuleRow, Department, HolidayDay, Staff
    from firstask_desktop.sync.package import write_package

    import_at(county, export(a, usb).path, accept_new_station=True)
    with county.use():
        admin = Staff.get(Staff.name == "县管理员")
        with db.transaction():
            save_audited(
                Department(
                    station="YZ00", name="县客服中心", phone="0931-5220000", place="县公司一楼"
                ),
                actor=admin,
                action="add_department",
            )
        rule = DeadlineRuleRow.get(
            (DeadlineRuleRow.station == "YZ00")
            & (DeadlineRuleRow.category == "complaint")
            & (DeadlineRuleRow.clock == "reply")
        )
        update_rule(admin, rule.id, unit="calendar_days", amount=3, now=T0)
        HolidayDay.create(
            day=date(T0.year, 6, 2), kind="holiday", name="县里的假日", source="县公司"
        )
        package, counts = write_package(usb, now=T0)
    assert package.name == "YZ00-package-000001.fasync" and counts["staff"] >= 5
    result = import_at(a, package)
    assert result.status == "imported" and result.counts["rules_changed"] == 1
    with a.use():
        before = table_state()
        assert Department.get(Department.name == "县客服中心").station == "YZ00"
        own_rule = DeadlineRuleRow.get(
            (DeadlineRuleRow.station == "GS0101")
            & (DeadlineRuleRow.category == "complaint")
            & (DeadlineRuleRow.clock == "reply")
        )
        assert own_rule.amount == 3
        assert HolidayDay.get(HolidayDay.day == date(T0.year, 6, 2)).name == "县里的假日"
        # The county's people are a directory here, not this station's staff.
        assert "县管理员" not in {s.name for s in list_staff()}
        assert find_department("营业班").station == "GS0101"
        assert check_database() == []
    assert import_at(a, package).status == "already"
    with a.use():
        assert table_state() == before


def test_acknowledgement_tells_the_station_what_arrived(sites):
    county, a, b, usb = sites
    from firstask_desktop.sync.status import station_sync_status

    first = export(a, usb)
    with a.use():
        add_entry_story(50, at=T0 + timedelta(days=8))
    second = export(a, usb)
    with a.use():
        assert station_sync_status()["unacknowledged"] == [1, 2]
    result = import_at(county, first.path, accept_new_station=True)
    assert result.ack_path.name == "GS0101-000001-ack.fasync"
    acked = import_at(a, result.ack_path)
    assert acked.status == "acknowledged" and "第 1 号" in acked.message
    with a.use():
        assert station_sync_status()["unacknowledged"] == [2]
    ack2 = import_at(county, second.path).ack_path
    import_at(a, ack2)
    assert import_at(a, ack2).status == "already"
    with a.use():
        status = station_sync_status()
        assert status["acknowledged_seq"] == 2 and status["unacknowledged"] == []
    # Another station's receipt is not this station's business.
    with pytest.raises(RefusedError, match="给供电所 GS0101 的回执"):
        import_at(b, ack2)


def test_a_number_kept_unverified_stays_marked_at_the_county(sites):
    county, a, _b, usb = sites
    from firstask_desktop.services.entries import register_entry
    from firstask_desktop.store.models import Entry, Staff

    with a.use():
        clerk = Staff.select().where(Staff.role == "clerk").first()
        kept = register_entry(
            clerk,
            channel="来电",
            category="咨询",
            visitor="李四",
            phone="0300-1234567",
            matter="咨询电价",
            phone_unverified=True,
        ).serial
    import_at(county, export(a, usb).path, accept_new_station=True)
    with county.use():
        marked = {e.serial for e in Entry.select().where(Entry.phone_unverified == True)}  # noqa: E712
        assert marked == {kept}
        assert Entry.get(Entry.serial == kept).phone == "0300-1234567"
