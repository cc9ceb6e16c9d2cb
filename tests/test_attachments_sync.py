"""Attachments travel station → county: in part files beside the sync file, each file once."""

from __future__ import annotations

import pytest
from sync_support import (
    county_db,  # noqa: F401 - fixture
    exchange_keys,
    export,
    import_at,
    make_county,
    make_station,
)
from test_attachments import a_pdf, photo

from firstask_desktop.domain.errors import RefusedError


@pytest.fixture
def pair(tmp_path):
    county = make_county(tmp_path / "县公司")
    station = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=2)
    exchange_keys(county, station, usb=tmp_path / "U盘")
    return county, station, tmp_path / "U盘"


def _attach(station, data: bytes, name: str, kind: str) -> tuple[str, str]:
    from firstask_desktop.services.attachments import add_attachment
    from firstask_desktop.store.models import Entry, Staff

    with station.use():
        entry = Entry.select().order_by(Entry.id).first()
        admin = Staff.get(Staff.name == "管理员")  # may edit an answered entry too
        item = add_attachment(admin, entry.serial, data, file_name=name, kind=kind)
        return entry.serial, item.sha256


def _county_file(county, sha: str) -> bytes | None:
    from firstask_desktop.store import attachment_files

    return attachment_files.read(county.folder, sha)


def test_the_county_gets_each_file_once_and_shows_it_with_the_entry(tmp_path, county_db):  # noqa: F811
    county = make_county(tmp_path / "县公司", county_db)
    station = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=2)
    usb = tmp_path / "U盘"
    exchange_keys(county, station, usb=usb)
    letter = a_pdf()
    serial, letter_sha = _attach(station, letter, "来信.pdf", "letter")
    first = export(station, usb)
    assert [p.name for p in first.parts] == ["GS0101-000001-att-001.fasync"]
    assert first.attachment_files == 1 and "一起交给县公司" in first.message
    # Encrypted like the rest: the PDF's text is nowhere on the stick.
    assert b"letter page 1" not in first.parts[0].read_bytes()

    result = import_at(county, first.path, accept_new_station=True)
    assert result.counts["attachment_files"] == 1 and "附件文件 1 个" in result.message
    assert _county_file(county, letter_sha) == letter
    from firstask_desktop.services.attachments import list_attachments
    from firstask_desktop.store.integrity import check_database
    from firstask_desktop.store.models import Staff

    with county.use():
        admin = Staff.get(Staff.name == "县管理员")
        (shown,) = list_attachments(admin, serial)
        # The county sees customers masked: the letter is there, by its kind, not opened.
        assert (shown["kind_label"], shown["visible"], shown["file_name"]) == (
            "来信原件",
            False,
            "",
        )
        assert check_database() == []

    # The next export carries only the new photo; the letter the county has stays behind.
    _serial, photo_sha = _attach(station, photo((800, 600)), "杆.jpg", "photo")
    second = export(station, usb)
    assert second.attachment_files == 1
    import_at(county, second.path)
    assert _county_file(county, photo_sha) is not None
    # A full export sends them all again (the county may have lost them).
    assert export(station, usb, full=True).attachment_files == 2


def test_a_big_export_is_split_into_parts_and_read_whole(pair):
    county, station, usb = pair
    files = {}
    for n in range(3):
        serial, sha = _attach(station, photo((700, 500), noise=True), f"p{n}.jpg", "photo")
        files[sha] = serial
    done = export(station, usb, part_size=160 * 1024)
    assert len(done.parts) >= 3
    assert all(p.stat().st_size <= 160 * 1024 for p in done.parts)
    assert [p.name for p in done.parts][:2] == [
        "GS0101-000001-att-001.fasync",
        "GS0101-000001-att-002.fasync",
    ]
    result = import_at(county, done.path, accept_new_station=True)
    assert result.counts["attachment_files"] == 3
    assert all(_county_file(county, sha) is not None for sha in files)


def test_a_missing_or_damaged_part_refuses_the_whole_file(pair):
    from firstask_desktop.store.models import Attachment, Entry

    county, station, usb = pair
    for n in range(2):
        _attach(station, photo((700, 500), noise=True), f"p{n}.jpg", "photo")
    done = export(station, usb, part_size=160 * 1024)
    second = done.parts[1]
    kept = second.read_bytes()
    second.unlink()
    with pytest.raises(RefusedError, match="附件第 2 部分.*不在"):
        import_at(county, done.path, accept_new_station=True)
    second.write_bytes(kept[:-100])
    with pytest.raises(RefusedError, match="附件第 2 部分.*已损坏或不完整"):
        import_at(county, done.path, accept_new_station=True)
    with county.use():
        assert Entry.select().count() == 0 and Attachment.select().count() == 0
    # A part given on its own says which file to import; the whole stick imports fine.
    second.write_bytes(kept)
    with pytest.raises(RefusedError, match="附件部分文件"):
        import_at(county, second, accept_new_station=True)
    from firstask_desktop.sync.importing import import_files

    with county.use():
        outcomes = import_files(
            sorted(usb.glob("GS0101-*.fasync")), actor="测试", accept_new_station=True
        )
    assert [o.error for o in outcomes] == [None] and outcomes[0].result.status == "imported"


def test_a_file_the_station_lost_travels_without_its_bytes_and_check_names_it(pair):
    from firstask_desktop.store import attachment_files
    from firstask_desktop.store.integrity import check_database

    county, station, usb = pair
    serial, sha = _attach(station, a_pdf(), "信.pdf", "letter")
    attachment_files.path_for(station.folder, sha).unlink()
    done = export(station, usb)
    assert done.parts == []
    import_at(county, done.path, accept_new_station=True)
    with county.use():
        problems = check_database()
    assert len(problems) == 1 and serial in problems[0] and "不见了" in problems[0]


def test_a_version_2_file_without_attachments_is_still_read(pair, tmp_path):
    """What a station's program wrote before attachments: no attachment table, no parts."""
    from sync_support import county_public, forge, read_body

    from firstask_desktop.store.models import Entry

    county, station, usb = pair
    done = export(station, usb)
    header, records = read_body(done.path, county)
    assert header["version"] == 3 and header["attachment_parts"] == []
    old = {k: v for k, v in header.items() if k != "attachment_parts"}
    counts = {t: n for t, n in header["counts"].items() if t != "attachment"}
    forged = forge(
        tmp_path / done.path.name,
        dict(old, version=2, counts=counts),
        [(t, d) for t, d in records if t != "attachment"],
        counts=counts,
        signing_folder=station.folder,
        recipient_public=county_public(county),
    )
    result = import_at(county, forged, accept_new_station=True)
    assert result.status == "imported" and "attachment_files" not in result.counts
    with county.use():
        assert Entry.select().count() == 2


def test_a_file_name_with_hidden_characters_is_kept_without_them_and_still_travels(pair):
    # A name that turns itself around on screen (“发票‮gpj.exe” shows as 发票exe.jpg) and a
    # bell character: Windows lets both into a file name. The county refuses any record with
    # such characters, so kept as picked they stopped every later file of the station.
    from firstask_desktop.services.attachments import list_attachments
    from firstask_desktop.store.models import Staff

    county, station, usb = pair
    serial, sha = _attach(station, a_pdf(), "发票\u202egpj.exe\x07.pdf", "letter")
    with station.use():
        (kept,) = list_attachments(Staff.get(Staff.name == "管理员"), serial)
    assert kept["file_name"] == "发票gpj.exe.pdf"
    result = import_at(county, export(station, usb).path, accept_new_station=True)
    assert result.status == "imported" and _county_file(county, sha) is not None


@pytest.mark.parametrize("sha", ["../../../../keys/county-encryption.pem", "AB" * 32, "0" * 63])
def test_an_attachment_row_whose_hash_is_no_hash_is_refused(pair, sha):
    # A copy of a station's data folder signs whatever it is given, audit events included:
    # here an attachment row whose hash is a path or not one at all, written as the program
    # writes rows. Taken in, it made the county's check and the entry's thumbnails fail.
    from firstask_desktop.store import db
    from firstask_desktop.store.audit import save_audited
    from firstask_desktop.store.models import Attachment

    county, station, usb = pair
    _serial, real = _attach(station, a_pdf(), "来信.pdf", "letter")
    with station.use():
        item = Attachment.get(Attachment.sha256 == real)
        item.sha256 = sha
        with db.transaction():
            save_audited(item, actor="管理员", action="attach")
    # The export sends no bytes for it (there is no such file) and the row as it is.
    with pytest.raises(RefusedError, match="不是文件的 SHA-256 校验值"):
        import_at(county, export(station, usb).path, accept_new_station=True)
    with county.use():
        assert Attachment.select().count() == 0
