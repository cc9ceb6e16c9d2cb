"""Files signed with a station's real key that still lie: refused, and nothing changes.

A copy of a station's data folder signs whatever it is given. The county must refuse what the
station's program could not have written (another station's staff or serial number, a record no
audit event wrote, text a clerk could not type, a sequence number from nowhere, a decompression
bomb), and a refused file must never change which real files are accepted afterwards.
"""

from __future__ import annotations

import contextlib
import tracemalloc
import uuid as uuidlib
import zlib

import pytest
from sync_support import (
    PASSWORD,
    T0,
    add_entry_story,
    county_db,  # noqa: F401 - fixture
    county_public,
    exchange_keys,
    export,
    forge,
    fresh_postgres_database,
    import_at,
    make_county,
    make_station,
    read_body,
    table_state,
)

from firstask_desktop.domain.errors import RefusedError


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(request, tmp_path_factory):
    """A county holding GS0101's and GS0102's first files; GS0101's second file, not yet sent."""
    base = tmp_path_factory.mktemp(f"forged-{request.param}")
    with contextlib.ExitStack() as stack:
        url = None
        if request.param == "postgresql":
            server = request.getfixturevalue("postgres_server")
            url = stack.enter_context(fresh_postgres_database(server))
        yield from _world(base, url)


def _world(base, url):
    county = make_county(base / "县公司", url)
    station = make_station(base / "城关所", "GS0101", "城关供电所", entries=4)
    other = make_station(base / "金崖所", "GS0102", "金崖供电所", entries=1)
    usb = base / "U盘"
    exchange_keys(county, station, other, usb=usb)
    import_at(county, export(station, usb).path, accept_new_station=True)
    import_at(county, export(other, usb).path, accept_new_station=True)
    with station.use():
        add_entry_story(7, at=T0.replace(day=12))
    good = export(station, usb / "好").path
    yield county, station, other, good, base
    from firstask_desktop.store import db

    db.close()


@pytest.fixture
def small_world(tmp_path, county_db):  # noqa: F811 - the fixture imported above
    """A county that imported one station's first file (for a test that edits the county)."""
    county = make_county(tmp_path / "县公司", county_db)
    station = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=2)
    exchange_keys(county, station, usb=tmp_path / "U盘")
    import_at(county, export(station, tmp_path / "U盘").path, accept_new_station=True)
    return county


def _unsent_seq(county) -> int:
    """A number after a gap: whatever earlier tests imported, the file is judged on its body."""
    from peewee import fn

    from firstask_desktop.store.models import SyncLog

    with county.use():
        last = SyncLog.select(fn.MAX(SyncLog.seq)).where(SyncLog.station == "GS0101").scalar()
    return last + 2


def _forge(world, tmp_path, name, edit=None, **header_changes):
    county, station, _other, good, _base = world
    header, records = read_body(good, county)
    header["seq"] = _unsent_seq(county)
    if edit is not None:
        records = edit(records)
    return forge(
        tmp_path / name,
        dict(header, **header_changes),
        records,
        signing_folder=station.folder,
        recipient_public=county_public(county),
    )


def _refused(county, path) -> str:
    from firstask_desktop.sync.importing import import_file

    with county.use():
        before = table_state()
        with pytest.raises(RefusedError) as refused:
            import_file(path, actor="测试")
        assert table_state() == before, f"{path.name} changed the county's data"
    return str(refused.value)


def _other_staff_uuid(county) -> str:
    from firstask_desktop.store.models import Staff

    with county.use():
        return Staff.get((Staff.station == "GS0102") & (Staff.name == "李娜")).uuid


def _edit_entry(records, **changes):
    out, done = [], False
    for table, data in records:
        if table == "entry" and not done:
            data, done = dict(data, **changes), True
        out.append((table, data))
    return out


def test_another_stations_staff_as_responder_is_refused(world, tmp_path):
    county = world[0]
    other_staff = _other_staff_uuid(county)
    path = _forge(
        world, tmp_path, "responder.fasync", lambda r: _edit_entry(r, responder=other_staff)
    )
    message = _refused(county, path)
    assert "指向了供电所 GS0102 的记录" in message


def test_another_stations_serial_is_refused_and_the_real_entry_still_arrives(world, tmp_path):
    county, _station, other, _good, base = world

    def claim(records):
        return _edit_entry(records, uuid=str(uuidlib.uuid4()), serial="GS0102-2026-00002")

    message = _refused(county, _forge(world, tmp_path, "serial.fasync", claim))
    assert "GS0102-2026-00002 不是供电所 GS0101 的编号" in message
    # GS0102's real second matter takes its number without being quarantined.
    with other.use():
        entry = add_entry_story(1, at=T0.replace(day=13))
    assert entry.serial == "GS0102-2026-00002"
    result = import_at(county, export(other, base / "金崖2").path)
    assert result.status == "imported" and not result.counts.get("quarantined")


def test_an_entry_closed_with_no_audit_event_is_refused(world, tmp_path):
    county = world[0]

    def close(records):
        entry = next(d for t, d in records if t == "entry")
        return _edit_entry(
            records, status="closed", revision=entry["revision"] + 1, result="已处理完毕"
        )

    message = _refused(county, _forge(world, tmp_path, "closed.fasync", close))
    assert "与该所的审计记录不符" in message and "status" in message


def test_sync_verify_and_check_find_a_row_its_last_event_does_not_say(
    small_world, capsys, monkeypatch
):
    """A row at the county that differs from the station's last event, written with a county
    audit event of its own (what a forged file left behind before): the county's own chain is
    fine, and both checks still report the row."""
    county = small_world
    from firstask_desktop.cli.runner import main as cli
    from firstask_desktop.store import db
    from firstask_desktop.store.audit import save_audited
    from firstask_desktop.store.models import Entry

    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)
    args = ["--data-dir", str(county.folder), "--as", "县管理员"]
    if county.database_url:
        args += ["--db", county.database_url]
    assert cli([*args, "sync", "verify"]) == 0 and cli([*args, "check"]) == 0
    capsys.readouterr()
    with county.use():
        entry = Entry.select().where(Entry.station == "GS0101").first()
        entry.status = "closed"
        with db.transaction():
            save_audited(entry, actor="同步导入", action="sync_import")
    assert cli([*args, "sync", "verify"]) == 1
    err = capsys.readouterr().err
    assert f"{entry.serial} 与该所最后一条审计记录不符" in err and "status" in err
    assert cli([*args, "check"]) == 1
    assert entry.serial in capsys.readouterr().err


def test_text_a_clerk_could_not_type_is_refused(world, tmp_path):
    county = world[0]
    cases = {
        "bidi.fasync": ({"matter": "退费\u202e元0001"}, "U+202E"),
        "nul.fasync": ({"visitor": "张\x00三"}, "U+0000"),
        "status.fasync": ({"status": "paid"}, "不是程序认识的选项"),
        "category.fasync": ({"category": "bribe"}, "不是程序认识的选项"),
    }
    for name, (changes, wanted) in cases.items():
        message = _refused(
            county, _forge(world, tmp_path, name, lambda r, c=changes: _edit_entry(r, **c))
        )
        assert wanted in message, (name, message)


def test_a_sequence_number_from_nowhere_is_refused_and_changes_nothing_later(world, tmp_path):
    county, station, _other, _good, base = world
    message = _refused(county, _forge(world, tmp_path, "far.fasync", seq=20_000_000))
    assert "第 20000000 号" in message and "编号跳得不合理" in message
    # The station's real files are still taken: the next one, and a full export.
    assert import_at(county, export(station, base / "真1").path).status == "imported"
    with station.use():
        add_entry_story(9, at=T0.replace(day=14))
    assert import_at(county, export(station, base / "真2", full=True).path).status == "imported"


def test_missing_numbers_walk_the_files_not_the_range(world):
    county = world[0]
    from firstask_desktop.sync.county_import import missing_numbers

    with county.use():
        missing = missing_numbers("GS0102", 10**9)
    assert len(missing) == 1000 and missing == sorted(missing) and missing[0] > 1


def test_a_decompression_bomb_is_refused_within_a_fixed_memory_budget(world, tmp_path):
    """500 lines just under the line limit, each a megabyte of text a few KiB of zlib hold."""
    county, station, _other, good, _base = world
    header, records = read_body(good, county)
    entry = next(d for t, d in records if t == "entry")
    huge = "电" * (300_000)
    bomb = [("entry", dict(entry, uuid=str(uuidlib.uuid4()), matter=huge)) for _ in range(500)]
    path = forge(
        tmp_path / "bomb.fasync",
        dict(header, audit_to=header["audit_from"], seq=_unsent_seq(county)),
        bomb,
        signing_folder=station.folder,
        recipient_public=county_public(county),
    )
    assert path.stat().st_size < 4 * 1024 * 1024
    assert len(zlib.compress(("电" * 300_000).encode())) < 10_000
    from firstask_desktop.sync.importing import import_file

    with county.use():
        tracemalloc.start()
        try:
            with pytest.raises(RefusedError) as refused:
                import_file(path, actor="测试")
            _now, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert "超过 20000 个字" in str(refused.value)
    assert peak < 64 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"


def test_an_unencrypted_station_file_is_refused(world, tmp_path):
    county, station, _other, good, _base = world
    header, records = read_body(good, county)
    header["seq"] = _unsent_seq(county)
    path = forge(
        tmp_path / "plain.fasync",
        header,
        records,
        signing_folder=station.folder,
        recipient_public=None,
    )
    assert "没有加密" in _refused(county, path)


def test_two_exports_at_once_never_share_a_number(world, tmp_path):
    """The second export while the first runs is refused; the first's file is never replaced."""
    _county, station, _other, _good, _base = world
    from firstask_desktop.store.folder_lock import exclusive
    from firstask_desktop.sync.station_export import export_file

    with station.use():
        with exclusive(station.folder, "sync-export", "busy"):  # an export under way elsewhere
            with pytest.raises(RefusedError, match="另一个同步导出正在进行"):
                export_file(tmp_path, actor="测试")
        assert list(tmp_path.iterdir()) == []
        first = export_file(tmp_path, actor="测试")
        second = export_file(tmp_path, actor="测试")
    assert second.seq == first.seq + 1 and first.path.exists() and second.path.exists()
