"""A register that lost its last commits says so, and never hands out a lost serial again.

Deleting the WAL while the program writes and killing it leaves a valid, shorter register: its
chain intact, ``check`` green, the lost serial numbers free to be given to new customers. The
head kept outside the database (``chain-head.json``) is what tells.
"""

from __future__ import annotations

import shutil

from sync_support import T0, add_entry_story, make_station

from firstask_desktop.cli.runner import main as cli
from firstask_desktop.store import config


def _lose_the_last_commits(tmp_path, count: int):
    site = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=2)
    path = config.db_path(site.folder)
    shutil.copy(path, tmp_path / "before.sqlite3")
    with site.use():
        lost = [add_entry_story(3 + 4 * n, at=T0.replace(day=11 + n)).serial for n in range(count)]
    # What is left after the WAL went and the writer was killed: the file as it was before.
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    shutil.copy(tmp_path / "before.sqlite3", path)
    return site, lost


def test_check_reports_the_lost_commits(tmp_path, capsys):
    site, _lost = _lose_the_last_commits(tmp_path, 8)
    assert cli(["--data-dir", str(site.folder), "check"]) == 1
    err = capsys.readouterr().err
    assert "条记录丢失" in err and "丢失的受理编号不会再发出" in err


def test_a_lost_serial_is_never_handed_out_again(tmp_path, capsys):
    site, lost = _lose_the_last_commits(tmp_path, 8)
    with site.use():
        new = add_entry_story(23, at=T0.replace(day=25))
    assert new.serial not in lost and new.serial > max(lost)
    # The loss stays on record after the register moved on.
    assert cli(["--data-dir", str(site.folder), "check"]) == 1
    assert "条记录丢失" in capsys.readouterr().err


def test_an_edited_head_file_is_reported(tmp_path, capsys):
    site = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=1)
    head = site.folder / "chain-head.json"
    head.write_text(head.read_text("utf-8").replace('"seq":', '"seq":1', 1), "utf-8")
    assert cli(["--data-dir", str(site.folder), "check"]) == 1
    assert "签名不符" in capsys.readouterr().err


def test_a_healthy_register_passes(tmp_path, capsys):
    site = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=2)
    assert cli(["--data-dir", str(site.folder), "check"]) == 0
    assert "检查通过" in capsys.readouterr().out
