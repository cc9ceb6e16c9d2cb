"""A station's PC dies and its new PC's key replaces the old one at the county: the receipts
customers hold and the USB backups made on the old PC still check out there, unless the old PC
was reported lost or stolen. The key registry itself is chained in the audit log."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, timedelta

import pytest
from support import T0
from sync_support import (
    PASSWORD,
    Site,
    exchange_keys,
    export,
    import_at,
    make_county,
    make_station,
)

from firstask_desktop.cli.runner import main as cli
from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.services import backup
from firstask_desktop.store import config, keys, receipt_codes
from firstask_desktop.store.integrity import check_database
from firstask_desktop.store.models import Entry, Staff
from firstask_desktop.sync import trust
from firstask_desktop.sync.package import write_package
from firstask_desktop.sync.trust import export_key_file, import_key_file


@pytest.fixture
def replaced(tmp_path):
    """The county knows 城关所's old PC; a USB backup and a receipt were made on it; then a new
    PC of 城关所 made its own key. Returns what a test needs, before the replacement."""
    county = make_county(tmp_path / "县公司")
    old_pc = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=2)
    exchange_keys(county, old_pc, usb=tmp_path / "钥匙")
    import_at(county, export(old_pc, tmp_path / "同步").path, accept_new_station=True)
    stick = tmp_path / "U盘"
    stick.mkdir()
    with old_pc.use():
        sealed = backup.backup_to(old_pc.folder, stick, Staff.get(Staff.name == "管理员"), now=T0)
        entry = Entry.select().first()
        receipt = receipt_codes.entry_code(entry, keys.load_or_create_signing_key(old_pc.folder))
    new_pc = make_station(tmp_path / "新电脑", "GS0101", "城关供电所", entries=0)
    with new_pc.use():
        new_key_file, _info = export_key_file(tmp_path / "新钥匙")
    out = tmp_path / "县公司解密"
    out.mkdir()
    return county, sealed, receipt, new_key_file, out


def test_the_old_pcs_backup_and_receipt_still_check_after_its_new_key_is_registered(replaced):
    county, sealed, receipt, new_key_file, out = replaced
    with county.use():
        _info, new = import_key_file(new_key_file, accepted_by="县管理员", replace=True)
        assert new
        assert receipt_codes.verify_code(receipt, county.folder).genuine
        assert backup.open_sealed(county.folder, sealed, out).is_file()


def test_a_lost_pcs_key_is_trusted_no_more(replaced):
    county, sealed, receipt, new_key_file, out = replaced
    with county.use():
        import_key_file(new_key_file, accepted_by="县管理员", replace=True, old_key_lost=True)
        assert not receipt_codes.verify_code(receipt, county.folder).genuine
        with pytest.raises(RefusedError, match="不是用供电所 GS0101 登记的密钥签名的"):
            backup.open_sealed(county.folder, sealed, out)
    assert list(out.iterdir()) == []


def test_the_command_line_replaces_keeps_and_lists_the_old_key(replaced, monkeypatch, capsys):
    county, _sealed, _receipt, new_key_file, _out = replaced
    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)
    login = ["--data-dir", str(county.folder), "--as", "县管理员"]
    # --old-key-lost says something of a key being replaced: alone it is refused, nothing done.
    assert cli([*login, "keys", "import", str(new_key_file), "--old-key-lost"]) == 2
    assert "只能与 --replace 一起使用" in capsys.readouterr().err
    assert cli([*login, "keys", "list", "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert before["retired"] == []
    old_fingerprint = before["known"][0]["fingerprint"]

    assert cli([*login, "keys", "import", str(new_key_file), "--replace", "--old-key-lost"]) == 0
    capsys.readouterr()
    assert cli([*login, "keys", "list", "--json"]) == 0
    after = json.loads(capsys.readouterr().out)
    assert [k["fingerprint"] for k in after["known"]] != [old_fingerprint]
    (retired,) = after["retired"]
    assert retired["station"] == "GS0101" and retired["fingerprint"] == old_fingerprint
    assert retired["lost"] is True and retired["retired_by"] == "县管理员"
    assert cli([*login, "keys", "list"]) == 0
    assert "旧电脑已丢失：不再信任" in capsys.readouterr().out


def test_an_old_key_of_one_station_cannot_become_anothers(replaced, tmp_path):
    """A retired key still vouches for what its station signed before: registered for another
    station code it would vouch for that station's receipts too."""
    county, _sealed, _receipt, new_key_file, _out = replaced
    with county.use():
        import_key_file(new_key_file, accepted_by="县管理员", replace=True)
    # The old PC relabelled as 金崖所 (GS0102): its own key, another code.
    relabelled = make_station(tmp_path / "金崖所", "GS0102", "金崖供电所", entries=0)
    source = keys.keys_dir(tmp_path / "城关所") / keys.SIGNING_KEY_FILE
    (keys.keys_dir(relabelled.folder) / keys.SIGNING_KEY_FILE).write_bytes(source.read_bytes())
    with relabelled.use():
        forged_file, _info = export_key_file(tmp_path / "金崖钥匙")
    with county.use(), pytest.raises(RefusedError, match="一台电脑只能代表一个供电所"):
        import_key_file(forged_file, accepted_by="县管理员")


def test_a_key_written_into_the_database_behind_the_apps_back_is_reported(replaced):
    county, _sealed, _receipt, new_key_file, _out = replaced
    with county.use():
        import_key_file(new_key_file, accepted_by="县管理员", replace=True)
        assert check_database() == []
    assert _forged_key_is_reported(county, "station", "GS0199")


@pytest.mark.parametrize("lost", [False, True], ids=["old-pc-broken", "old-pc-stolen"])
def test_the_new_pc_checks_the_old_pcs_receipts_once_the_countys_package_is_in(
    replaced, tmp_path, lost
):
    """A customer brings a receipt printed on the station's old PC to the counter: the new PC
    learns the old key from the county's signed package (not from the customer or the stick),
    and checks it, unless the old PC was reported stolen."""
    county, _sealed, receipt, new_key_file, _out = replaced
    new_pc = Site(tmp_path / "新电脑")
    exchange_keys(county, new_pc, usb=tmp_path / "县公司钥匙")
    usb = tmp_path / "资料包"
    usb.mkdir()
    with county.use():
        import_key_file(new_key_file, accepted_by="县管理员", replace=True, old_key_lost=lost)
        package, _counts = write_package(usb, actor=Staff.get(Staff.name == "县管理员"), now=T0)
    with new_pc.use():
        assert not receipt_codes.verify_code(receipt, new_pc.folder).genuine

    result = import_at(new_pc, package)
    with new_pc.use():
        assert receipt_codes.verify_code(receipt, new_pc.folder).genuine is not lost
        (kept,) = trust.retired_keys()
        assert (kept["station"], kept["lost"]) == ("GS0101", lost)
        assert check_database() == []  # the registry's change is chained
    said = "丢失电脑的旧密钥已作废" if lost else "旧电脑开出的回执在本机仍可核验"
    assert said in result.message

    # The next package changes nothing more.
    with county.use():
        again, _counts = write_package(usb, actor=Staff.get(Staff.name == "县管理员"), now=T0)
    second = import_at(new_pc, again)
    assert "旧密钥" not in second.message
    with new_pc.use():
        assert len(trust.retired_keys()) == 1


def _old_pcs_key_file(tmp_path):
    old_pc = Site(tmp_path / "城关所")
    with old_pc.use():
        path, _info = export_key_file(tmp_path / "旧钥匙")
    return path


def test_a_lost_pcs_key_is_never_registered_again(replaced, tmp_path):
    """Whoever holds the stolen PC reads its fingerprint out over the phone as "our reinstalled
    PC": the key stays revoked, for its station and for any other."""
    county, _sealed, receipt, new_key_file, _out = replaced
    old_key_file = _old_pcs_key_file(tmp_path)
    with county.use():
        import_key_file(new_key_file, accepted_by="县管理员", replace=True, old_key_lost=True)
        with pytest.raises(RefusedError, match="登记为丢失或被盗的电脑，已作废"):
            import_key_file(old_key_file, accepted_by="县管理员", replace=True)
        assert not receipt_codes.verify_code(receipt, county.folder).genuine
        assert [k["lost"] for k in trust.retired_keys()] == [True]


def test_an_old_pc_found_stolen_after_its_replacement_is_revoked(replaced, monkeypatch, capsys):
    county, sealed, receipt, new_key_file, out = replaced
    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)
    login = ["--data-dir", str(county.folder), "--as", "县管理员"]
    assert cli([*login, "keys", "import", str(new_key_file), "--replace"]) == 0
    # --old-key-lost again, with the key registered now: nothing to revoke, refused, not a no-op.
    assert cli([*login, "keys", "import", str(new_key_file), "--replace", "--old-key-lost"]) == 2
    assert "没有被替换的旧密钥可以作废" in capsys.readouterr().err
    assert cli([*login, "keys", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    (old,) = listed["retired"]
    current = listed["known"][0]["fingerprint"]

    # The key registered now cannot be revoked alone: the station would have no key at all.
    assert cli([*login, "keys", "revoke", current]) == 2
    assert "现在登记的密钥，不能直接作废" in capsys.readouterr().err
    assert cli([*login, "keys", "revoke", "0000 1111"]) == 2
    assert "没有指纹为" in capsys.readouterr().err
    with county.use():
        assert receipt_codes.verify_code(receipt, county.folder).genuine

    # Typed without spaces, in small letters: the same fingerprint.
    typed = old["fingerprint"].replace(" ", "").lower()
    assert cli([*login, "keys", "revoke", typed]) == 0
    assert "已作废" in capsys.readouterr().err
    assert cli([*login, "keys", "revoke", typed]) == 0
    assert "早已作废" in capsys.readouterr().err
    with county.use():
        assert not receipt_codes.verify_code(receipt, county.folder).genuine
        with pytest.raises(RefusedError, match="不是用供电所 GS0101 登记的密钥签名的"):
            backup.open_sealed(county.folder, sealed, out)
        assert check_database() == []  # the revocation is chained


def test_a_retired_key_vouches_only_up_to_its_retirement(replaced, tmp_path):
    """The replaced PC is still somewhere: what it signs dated after the replacement is not the
    station's word (a receipt of next year, a backup made after)."""
    county, _sealed, _receipt, new_key_file, out = replaced
    old_pc = Site(tmp_path / "城关所")
    retired_at = T0 + timedelta(days=30)
    with county.use():
        import_key_file(new_key_file, accepted_by="县管理员", replace=True, now=retired_at)
    old_key = keys.load_or_create_signing_key(old_pc.folder)
    before = receipt_codes.sign_receipt(
        old_key, "GS0101-2026-00998", retired_at - timedelta(days=1), "consult", "张三"
    )
    after = receipt_codes.sign_receipt(
        old_key, "GS0101-2026-00999", retired_at + timedelta(days=1), "consult", "张三"
    )
    stick = tmp_path / "U盘2"
    stick.mkdir()
    with old_pc.use():
        late_backup = backup.backup_to(
            old_pc.folder, stick, Staff.get(Staff.name == "管理员"), now=retired_at + timedelta(1)
        )
    with county.use():
        assert receipt_codes.verify_code(before, county.folder).genuine
        check = receipt_codes.verify_code(after, county.folder)
        assert not check.genuine and "已停用的旧密钥" in check.message
        with pytest.raises(RefusedError, match="不是用供电所 GS0101 登记的密钥签名的"):
            backup.open_sealed(county.folder, late_backup, out)


def test_records_a_stolen_pc_left_in_quarantine_are_not_taken_once_its_key_is_revoked(tmp_path):
    from sync_support import second_file

    from firstask_desktop.services.county import quarantined_records, resolve_quarantined

    county = make_county(tmp_path / "县公司")
    old_pc = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=2)
    exchange_keys(county, old_pc, usb=tmp_path / "钥匙")
    first = export(old_pc, tmp_path / "同步")
    import_at(county, first.path, accept_new_station=True)
    # A second file from the same PC changes both entries at the same revision: quarantined.
    second = second_file(
        county, old_pc, first, tmp_path, lambda t, d: dict(d, matter="改过") if t == "entry" else d
    )
    assert import_at(county, second).counts["quarantined"] == 2
    with county.use():
        taken, left = quarantined_records()
        resolve_quarantined(taken["id"], take_incoming=True, actor="县管理员")  # trusted still

    new_pc = make_station(tmp_path / "新电脑", "GS0101", "城关供电所", entries=0)
    with new_pc.use():
        new_key_file, _info = export_key_file(tmp_path / "新钥匙")
    with county.use():
        import_key_file(new_key_file, accepted_by="县管理员", replace=True, old_key_lost=True)
        with pytest.raises(RefusedError, match="签这个文件的密钥已作废"):
            resolve_quarantined(left["id"], take_incoming=True, actor="县管理员")
        kept = resolve_quarantined(left["id"], take_incoming=False, actor="县管理员")
        assert kept.resolution == "kept_existing"
        assert Entry.get(Entry.uuid == left["record_uuid"]).matter != "改过"


def test_a_key_written_in_before_any_key_import_is_reported(tmp_path):
    """The registry is chained from the station's set-up: the county's key forged into a new
    station's register, before it imported any, is reported too."""
    station = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=0)
    with station.use():
        assert check_database() == []
    assert _forged_key_is_reported(station, "county", "YZ99")


def _forged_key_is_reported(site, role: str, code: str) -> bool:
    """A key row written into ``site``'s register with sqlite3, as a tool would: named by
    check as changed outside the program?"""
    database = sqlite3.connect(config.db_path(site.folder))
    with database:
        database.execute(
            "INSERT INTO known_key (role, station, name, signing_public, encryption_public, "
            "key_id, fingerprint, accepted_at, accepted_by) VALUES (?, ?, '冒名', 'AAAA', '', "
            "'forged', 'F', '2026-12-01 09:00:00', '某人')",
            (role, code),
        )
    database.close()
    with site.use():
        problems = check_database()
    return any("known_key" in p and "在程序外被改动过" in p for p in problems)


def test_an_old_key_registered_again_is_in_use_and_cannot_be_revoked(replaced, tmp_path):
    """The old PC comes back from repair and its key is imported again: it is the station's key
    in use, not also a replaced one that 作废 would revoke under the station's feet."""
    county, _sealed, receipt, new_key_file, _out = replaced
    old_key_file = _old_pcs_key_file(tmp_path)
    with county.use():
        import_key_file(new_key_file, accepted_by="县管理员", replace=True)
        old_fingerprint = trust.retired_keys()[0]["fingerprint"]
        import_key_file(old_key_file, accepted_by="县管理员", replace=True)
        assert trust.registered("station", "GS0101").fingerprint == old_fingerprint
        assert [k["fingerprint"] for k in trust.retired_keys()] != [old_fingerprint]
        with pytest.raises(RefusedError, match="现在登记的密钥，不能直接作废"):
            trust.revoke_retired(old_fingerprint, by="县管理员")
        assert receipt_codes.verify_code(receipt, county.folder).genuine


def test_a_quarantined_record_logged_before_signers_were_named_follows_the_revocation(tmp_path):
    """A county upgraded with records in quarantine: their file's log names no signer. The key
    registered for the station when the file came was later revoked: not taken either."""
    from sync_support import second_file

    from firstask_desktop.services.county import quarantined_records, resolve_quarantined
    from firstask_desktop.store.models import SyncLog

    county = make_county(tmp_path / "县公司")
    old_pc = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=1)
    exchange_keys(county, old_pc, usb=tmp_path / "钥匙")
    first = export(old_pc, tmp_path / "同步")
    import_at(county, first.path, accept_new_station=True)
    changed = second_file(
        county, old_pc, first, tmp_path, lambda t, d: dict(d, matter="改过") if t == "entry" else d
    )
    assert import_at(county, changed).counts["quarantined"] == 1
    new_pc = make_station(tmp_path / "新电脑", "GS0101", "城关供电所", entries=0)
    with new_pc.use():
        new_key_file, _info = export_key_file(tmp_path / "新钥匙")
    with county.use():
        SyncLog.update(signer="").execute()  # as logged before the upgrade
        import_key_file(new_key_file, accepted_by="县管理员", replace=True, old_key_lost=True)
        (item,) = quarantined_records()
        with pytest.raises(RefusedError, match="签这个文件的密钥已作废"):
            resolve_quarantined(item["id"], take_incoming=True, actor="县管理员")


def test_times_with_an_offset_are_refused_not_crashing(replaced, tmp_path):
    """A sealed backup's made_at and a package's retired_at are local times the program wrote;
    one with a UTC offset (a hand-made file) is refused like any unknown time, never an error."""

    county, _sealed, _receipt, new_key_file, out = replaced
    old_pc = Site(tmp_path / "城关所")
    with county.use():
        import_key_file(new_key_file, accepted_by="县管理员", replace=True, now=T0 + timedelta(30))
    stick = tmp_path / "U盘3"
    stick.mkdir()
    aware = (T0 + timedelta(days=1)).replace(tzinfo=UTC)
    with old_pc.use():
        offset_backup = backup.backup_to(
            old_pc.folder, stick, Staff.get(Staff.name == "管理员"), now=aware
        )
    with county.use(), pytest.raises(RefusedError, match="不是用供电所 GS0101 登记的密钥签名的"):
        backup.open_sealed(county.folder, offset_backup, out)

    new_pc = Site(tmp_path / "新电脑")
    old_raw = keys.public_bytes(keys.load_or_create_signing_key(old_pc.folder))
    listed = {
        "GS0101": [
            {"signing_public": keys.b64(old_raw), "retired_at": aware.isoformat(), "revoked": False}
        ]
    }
    with new_pc.use():
        assert trust.take_own_retired_keys(listed, by="资料包", at=T0) == (0, 0)
        assert trust.retired_keys() == []


def test_a_package_carries_every_revocation_first(tmp_path):
    """A station whose PC was replaced many times: its revoked keys reach it whatever their age,
    and the header stays within its budget however many stations the county has."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from firstask_desktop.store.models import RetiredKey

    county = make_county(tmp_path / "县公司")
    with county.use():
        for n in range(8):
            raw = keys.public_bytes(Ed25519PrivateKey.generate())
            RetiredKey.create(
                role="station",
                station="GS0101",
                signing_public=keys.b64(raw),
                key_id=keys.key_id(raw),
                fingerprint=keys.fingerprint(raw),
                accepted_at=T0,
                accepted_by="县管理员",
                retired_at=T0 + timedelta(days=n),
                retired_by="县管理员",
                revoked=n == 0,  # the oldest, found stolen
            )
        listed = trust.retired_station_keys()["GS0101"]
        assert [k["revoked"] for k in listed] == [True] + [False] * trust.PACKAGE_KEYS_PER_STATION
        for n in range(1500):  # a province's worth of stations, each with one old key
            raw = keys.public_bytes(Ed25519PrivateKey.generate())
            RetiredKey.create(
                role="station",
                station=f"GS{n:04d}X",
                signing_public=keys.b64(raw),
                key_id=keys.key_id(raw),
                fingerprint=keys.fingerprint(raw),
                accepted_at=T0,
                accepted_by="县管理员",
                retired_at=T0,
                retired_by="县管理员",
            )
        many = trust.retired_station_keys()
        assert len(json.dumps(many)) <= trust.PACKAGE_KEYS_BUDGET
        assert many["GS0101"][0]["revoked"] is True
        usb = tmp_path / "资料包"
        usb.mkdir()
        package, _counts = write_package(usb, actor=Staff.get(Staff.name == "县管理员"), now=T0)
        assert package.is_file()
