"""Every signed artefact of the sync, well formed but signed wrongly: by another key than the one
it names, by a key this PC never registered, or by the right key for another station.

Random bit flips (test_sync_badfiles.py) break the signature and the structure at once; these
files are perfect but for who signed them, so only the signature and trust checks can stop them.
"""

from __future__ import annotations

import json

import pytest
from sync_support import (
    T0,
    Site,
    exchange_keys,
    export,
    forge,
    import_at,
    make_county,
    make_station,
    read_body,
    table_state,
)

from firstask_desktop.domain.errors import NotAllowedError, RefusedError
from firstask_desktop.store import db, keys


@pytest.fixture
def sites(tmp_path):
    county = make_county(tmp_path / "县公司")
    station = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=2)
    exchange_keys(county, station, usb=tmp_path / "U盘")
    return county, station, tmp_path / "U盘"


def _impostor_county(tmp_path) -> Site:
    """Another PC set up as the same county (same code YZ00): its own, unregistered key."""
    return make_county(tmp_path / "冒充的县公司")


def _refused_with_nothing_changed(site: Site, path, match: str, **options):
    with site.use():
        before = table_state()
    with pytest.raises(RefusedError, match=match):
        import_at(site, path, **options)
    with site.use():
        assert table_state() == before


def _resign_with(path, signer_folder, target):
    """The same header (still naming its own signer) and body, signed by another key."""
    from firstask_desktop.sync.container import MAGIC, SIGNATURE_CONTEXT, SIGNATURE_LENGTH

    data = path.read_bytes()
    unsigned = data[:-SIGNATURE_LENGTH]
    header_length = int.from_bytes(data[len(MAGIC) : len(MAGIC) + 4], "big")
    assert json.loads(data[len(MAGIC) + 4 : len(MAGIC) + 4 + header_length])["signer_public"]
    import hashlib

    other = keys.load_or_create_signing_key(signer_folder)
    signature = other.sign(SIGNATURE_CONTEXT + hashlib.sha256(unsigned).digest())
    target.write_bytes(unsigned + signature)
    return target


def test_a_station_file_signed_by_another_key_than_it_names_is_refused(sites, tmp_path):
    county, station, usb = sites
    good = export(station, usb).path
    other = make_station(tmp_path / "别的所", "GS0102", "金崖供电所", entries=0)
    bad = _resign_with(good, other.folder, tmp_path / good.name)
    assert len(bad.read_bytes()) == len(good.read_bytes())  # well formed, only the signature
    _refused_with_nothing_changed(county, bad, "签名与内容不符", accept_new_station=True)
    import_at(county, good, accept_new_station=True)  # the file as signed imports


def test_a_county_package_signed_by_another_key_than_it_names_is_refused(sites, tmp_path):
    from firstask_desktop.sync.package import write_package

    county, station, usb = sites
    with county.use():
        package, _ = write_package(usb, now=T0)
    bad = _resign_with(package, station.folder, tmp_path / package.name)
    _refused_with_nothing_changed(station, bad, "签名与内容不符")


def test_a_package_from_another_pc_using_the_countys_code_is_refused(sites, tmp_path):
    from firstask_desktop.sync.package import write_package

    county, station, usb = sites
    impostor = _impostor_county(tmp_path)
    with impostor.use():
        package, _ = write_package(tmp_path, now=T0)
    _refused_with_nothing_changed(station, package, "签名不是本机登记的县公司密钥")
    with county.use():
        real, _ = write_package(usb, now=T0)
    assert import_at(station, real).status == "imported"


def test_an_acknowledgement_from_another_pc_using_the_countys_code_is_refused(sites, tmp_path):
    from firstask_desktop.sync.package import write_ack

    county, station, usb = sites
    impostor = _impostor_county(tmp_path)
    result = import_at(county, export(station, usb).path, accept_new_station=True)
    with impostor.use():  # the same receipt, written and signed on the other PC
        fake_ack = write_ack(result, tmp_path, now=T0, folder=impostor.folder)
    _refused_with_nothing_changed(station, fake_ack, "签名不是本机登记的县公司密钥")
    assert import_at(station, result.ack_path).status == "acknowledged"


def test_the_countys_own_key_signing_for_another_county_code_is_refused(sites, tmp_path):
    from firstask_desktop.sync.container import iter_records, open_sync_file
    from firstask_desktop.sync.package import write_package

    county, station, usb = sites
    with county.use():
        package, _ = write_package(usb, now=T0)
        opened = open_sync_file(package)
        header, records = opened.header, list(iter_records(opened, None))
    forged = forge(
        tmp_path / "YZ09-package-000001.fasync",
        dict(header, station="YZ09", station_name="别的县公司"),
        records,
        signing_folder=county.folder,
        recipient_public=None,
    )
    _refused_with_nothing_changed(station, forged, "签名不是本机登记的县公司密钥")


def test_a_known_stations_file_signed_by_another_stations_key_is_refused(sites, tmp_path):
    county, station, usb = sites
    import_at(county, export(station, usb).path, accept_new_station=True)
    header, records = read_body(export(station, usb / "2").path, county)
    other = make_station(tmp_path / "别的所", "GS0102", "金崖供电所", entries=0)
    from sync_support import county_public

    forged = forge(
        tmp_path / "GS0101-000002.fasync",
        header,
        records,
        signing_folder=other.folder,
        recipient_public=county_public(county),
    )
    _refused_with_nothing_changed(county, forged, "两者不同", accept_new_station=True)


def _county_head(county: Site):
    """A 所长-like role at the county: may import sync files, may not manage keys."""
    from firstask_desktop.store.audit import save_audited
    from firstask_desktop.store.models import Staff

    admin = Staff.get(Staff.name == "县管理员")
    head = Staff(station="YZ00", name="县所长", role="head", password_hash=admin.password_hash)
    with db.transaction():
        save_audited(head, actor="测试", action="add_staff", at=T0)
    return head


def test_accepting_a_new_stations_key_needs_manage_keys(sites):
    from firstask_desktop.sync.importing import import_file

    county, station, usb = sites
    path = export(station, usb).path
    with county.use():
        head = _county_head(county)
        before = table_state()
        with pytest.raises(NotAllowedError, match="所长无权管理密钥"):
            import_file(path, accept_new_station=True, actor=head)
        assert table_state() == before
        admin_result = import_file(
            path, accept_new_station=True, actor=_staff("县管理员"), ack_dir=usb
        )
        assert admin_result.status == "imported"
    # Once the key is registered, the head imports the station's next files.
    second = export(station, usb / "2").path
    with county.use():
        assert import_file(second, actor=_staff("县所长"), ack_dir=usb).status == "imported"


def _staff(name):
    from firstask_desktop.store.models import Staff

    return Staff.get(Staff.name == name)


def test_a_key_file_self_signed_by_another_key_is_refused(sites, tmp_path):
    from firstask_desktop.sync.trust import KEY_FILE_CONTEXT, export_key_file, read_key_file

    county, station, usb = sites
    with station.use():
        path, _info = export_key_file(tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    body = {k: v for k, v in document.items() if k != "self_signature"}
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    other = keys.load_or_create_signing_key(county.folder)
    document["self_signature"] = keys.b64(other.sign(KEY_FILE_CONTEXT + canonical.encode()))
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RefusedError, match="已损坏或被改动"):
        read_key_file(path)


def test_a_stations_key_file_relabelled_as_another_station_is_refused(sites, tmp_path):
    from firstask_desktop.sync.trust import (
        KEY_FILE_CONTEXT,
        export_key_file,
        import_key_file,
        registered,
    )

    county, station, usb = sites
    import_at(county, export(station, usb).path, accept_new_station=True)
    with station.use():
        path, _ = export_key_file(tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["station"] == "GS0101"
    # Re-signed by the station's own key: a perfect file, the right key, the wrong station.
    document["station"] = "GS0109"
    body = {k: v for k, v in document.items() if k != "self_signature"}
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    signing = keys.load_or_create_signing_key(station.folder)
    document["self_signature"] = keys.b64(signing.sign(KEY_FILE_CONTEXT + canonical.encode()))
    relabelled = tmp_path / "GS0109-public-key.json"
    relabelled.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with county.use():
        with pytest.raises(RefusedError, match="已登记给 GS0101"):
            import_key_file(relabelled, accepted_by=_staff("县管理员"), now=T0)
        assert registered("station", "GS0109") is None


def test_importing_a_key_file_needs_manage_keys_before_anything_is_read(sites, tmp_path):
    from firstask_desktop.sync.trust import export_key_file, import_key_file, registered

    county, station, usb = sites
    with station.use():
        path, _ = export_key_file(tmp_path)
    with county.use():
        head = _county_head(county)
        with pytest.raises(NotAllowedError, match="无权管理密钥"):
            import_key_file(path, accepted_by=head, now=T0)
        assert registered("station", "GS0101") is None
        info, new = import_key_file(path, accepted_by=_staff("县管理员"), now=T0)
        assert new and registered("station", "GS0101").key_id == info.key_id


def test_a_signed_holiday_file_from_another_key_is_refused(sites, tmp_path):
    from firstask_desktop.services import holidays

    county, station, usb = sites
    impostor = _impostor_county(tmp_path)
    with impostor.use():
        fake = holidays.export_year(_staff("县管理员"), 2026, tmp_path / "fake.json")
    with county.use():
        real = holidays.export_year(_staff("县管理员"), 2026, tmp_path / "real.json")
    with station.use():
        admin = _staff("管理员")
        before = table_state()
        with pytest.raises(RefusedError, match="没有县公司的有效签名"):
            holidays.import_year(admin, fake)
        # The same file naming the registered county key as its signer: the signature fails.
        document = json.loads(fake.read_text(encoding="utf-8"))
        real_signer = json.loads(real.read_text(encoding="utf-8"))["signature"]["signer_public"]
        document["signature"]["signer_public"] = real_signer
        fake.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(RefusedError, match="没有县公司的有效签名"):
            holidays.import_year(admin, fake)
        assert table_state() == before
        holidays.import_year(admin, real)
