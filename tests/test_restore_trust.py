"""A restore takes only this station's own backup, checked whole before anything is replaced.

Someone with the data folder in hand can plant a backup: another station's valid register
named as the newest copy, or this station's copy with a row edited. Neither may be offered at
start-up nor restored by hand, and the register in place stays as it was.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from support import T0
from sync_support import PASSWORD, make_station

from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.services import backup
from firstask_desktop.services.startup import startup_check
from firstask_desktop.store import config, db
from firstask_desktop.store.models import Entry, Staff


def _damage(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(size // 2 // 4096 * 4096)
        handle.write(b"\xde\xad\xbe\xef" * 4096)


@pytest.fixture
def two_stations(tmp_path):
    here = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=3)
    there = make_station(tmp_path / "金崖所", "GS0102", "金崖供电所", entries=1)
    with here.use():
        own = backup.make_backup(here.folder, kind="auto", now=T0)
    with there.use():
        theirs = backup.make_backup(there.folder, kind="auto", now=T0)
    # Planted as this station's newest automatic backup.
    planted = backup.backups_dir(here.folder) / "auto-20260320-090000.sqlite3"
    shutil.copy(theirs, planted)
    return here, own, planted


def test_another_stations_backup_is_not_offered_at_start_up(two_stations):
    here, own, planted = two_stations
    _damage(config.db_path(here.folder))
    report = startup_check(here.folder)
    assert not report.ok
    assert report.newest_good_backup.path == own
    assert planted not in [b.path for b in report.backups]


def test_another_stations_backup_is_refused_by_hand_and_nothing_changes(two_stations):
    here, _own, planted = two_stations
    with here.use():
        admin = Staff.get(Staff.name == "管理员")
        with pytest.raises(RefusedError, match="是供电所 GS0102 的备份，不是本所（GS0101）的"):
            backup.restore(here.folder, planted, actor=admin)
    with here.use():
        assert Entry.select().count() == 3
        assert not list(backup.backups_dir(here.folder).glob("before-restore-*"))


def test_an_edited_backup_is_refused_before_it_replaces_anything(two_stations):
    here, own, _planted = two_stations
    with sqlite3.connect(str(own)) as con:
        con.execute("UPDATE entry SET status = 'closed' WHERE id = (SELECT MIN(id) FROM entry)")
    con.close()
    with here.use():
        admin = Staff.get(Staff.name == "管理员")
        before = sorted(e.status for e in Entry.select())
        with pytest.raises(RefusedError, match="内容与它的审计记录不符"):
            backup.restore(here.folder, own, actor=admin, now=T0 + timedelta(days=1))
    with here.use():
        assert sorted(e.status for e in Entry.select()) == before
    db.close()


def test_a_usb_backup_opens_on_a_new_pc_with_the_countys_help(tmp_path, monkeypatch):
    """The stick's copy is sealed to the station and the county: the station's PC died, the
    county opens the copy, and the new PC restores it."""
    from sync_support import exchange_keys, make_county

    from firstask_desktop.cli.runner import main as cli

    county = make_county(tmp_path / "县公司")
    station = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=3)
    stranger = make_station(tmp_path / "金崖所", "GS0102", "金崖供电所", entries=0)
    exchange_keys(county, station, usb=tmp_path / "钥匙")
    usb = tmp_path / "U盘"
    usb.mkdir()
    with station.use():
        sealed = backup.backup_to(station.folder, usb, Staff.get(Staff.name == "管理员"), now=T0)
    with stranger.use(), pytest.raises(RefusedError, match="不是加密给本机的密钥的"):
        backup.open_sealed(stranger.folder, sealed, tmp_path)
    at_county = tmp_path / "县公司解密"
    at_county.mkdir()
    # Decrypting a register is for who may restore backups, logged in: the county's administrator.
    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)
    args = ["--data-dir", str(county.folder), "--as", "县管理员", "backup", "open", str(sealed)]
    args.append("--out")
    assert cli([*args, str(at_county)]) == 0
    (opened,) = at_county.iterdir()
    new_pc = tmp_path / "新电脑"
    assert cli(["--data-dir", str(new_pc), "backup", "restore", str(opened)]) == 0
    from sync_support import Site

    with Site(new_pc).use():
        assert Entry.select().count() == 3


def _sealed_by(forger, county, target: Path, station: str) -> Path:
    """What anyone with a stick can make: a register sealed to the county's public key (it
    travels on sticks), signed with a key of the forger's own."""
    from sync_support import county_public

    from firstask_desktop.services import sealed_backup
    from firstask_desktop.store import keys

    with forger.use():
        plain = backup.make_backup(forger.folder, kind="manual", now=T0)
    return sealed_backup.seal(
        plain,
        target,
        station=station,
        made_at=T0.isoformat(),
        signing_key=keys.load_or_create_signing_key(forger.folder),
        recipients={"county": county_public(county)},
    )


def test_a_usb_backup_signed_by_another_key_is_not_opened_at_the_county(tmp_path):
    from sync_support import exchange_keys, export, import_at, make_county

    county = make_county(tmp_path / "县公司")
    station = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=1)
    forger = make_station(tmp_path / "假城关所", "GS0101", "城关供电所", entries=3)
    exchange_keys(county, station, usb=tmp_path / "钥匙")
    usb = tmp_path / "U盘"
    usb.mkdir()
    # The county knows the station's key from its first file.
    import_at(county, export(station, tmp_path / "同步").path, accept_new_station=True)
    forged = _sealed_by(
        forger, county, usb / "firstask-backup-GS0101-20260310-090000.fabackup", "GS0101"
    )
    out = tmp_path / "县公司解密"
    out.mkdir()
    with county.use(), pytest.raises(RefusedError, match="不是用供电所 GS0101 登记的密钥签名的"):
        backup.open_sealed(county.folder, forged, out)
    assert list(out.iterdir()) == []
    # The station's own, sealed the same way, opens.
    with station.use():
        real = backup.backup_to(station.folder, usb, Staff.get(Staff.name == "管理员"), now=T0)
    with county.use():
        assert backup.open_sealed(county.folder, real, out).is_file()


def test_a_usb_backup_naming_a_path_for_its_station_writes_nothing_outside(tmp_path):
    from sync_support import exchange_keys, make_county

    county = make_county(tmp_path / "县公司")
    forger = make_station(tmp_path / "某所", "GS0109", "某供电所", entries=1)
    exchange_keys(county, forger, usb=tmp_path / "钥匙")
    out = tmp_path / "深" / "县公司解密"
    out.mkdir(parents=True)
    forged = _sealed_by(forger, county, tmp_path / "x.fabackup", "/../../../evil")
    with county.use(), pytest.raises(RefusedError, match="已损坏"):
        backup.open_sealed(county.folder, forged, out)
    assert sorted(p.name for p in tmp_path.rglob("*evil*")) == []


def test_a_usb_backup_that_is_not_there_or_a_folder_is_named_as_not_found(tmp_path):
    for given in (tmp_path / "没有.fabackup", tmp_path):
        with pytest.raises(RefusedError, match="找不到") as refused:
            backup.open_sealed(tmp_path, given, tmp_path)
        assert "没有恢复任何数据" in str(refused.value)
