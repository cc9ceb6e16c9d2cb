"""A PC clock years off (flat CMOS battery) is warned about; nothing is refused because of it."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from support import PASSWORD, T0

from firstask_desktop.services import entries as svc
from firstask_desktop.services.clock import clock_warning
from firstask_desktop.store import db

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("now", [datetime(2008, 1, 1, 8, 0), datetime(2038, 1, 19, 11, 14)])
def test_a_clock_years_off_is_warned_about(store, now):
    warning = clock_warning(now)
    assert warning and now.strftime("%Y-%m-%d") in warning and "改正确" in warning


def test_a_right_clock_says_nothing(people):
    svc.register_entry(
        people["李娜"],
        channel="visit",
        category="consult",
        visitor="张三",
        phone="13812345678",
        matter="咨询",
        now=T0,
    )
    assert clock_warning(T0 + timedelta(hours=2)) is None


def test_a_clock_behind_the_last_save_is_warned_about(people):
    svc.register_entry(
        people["李娜"],
        channel="visit",
        category="consult",
        visitor="张三",
        phone="13812345678",
        matter="咨询",
        now=T0,
    )
    warning = clock_warning(T0 - timedelta(days=3))
    assert warning and "2026-03-10 09:00" in warning and "早于最近一次保存" in warning
    assert clock_warning(T0 - timedelta(minutes=2)) is None  # a few minutes' drift is fine


def test_the_cli_prints_the_warning_and_still_works(tmp_path):
    """Run with a faked clock in a child process: the command succeeds, stderr warns."""
    folder = tmp_path / "数据"
    code = f"""
import datetime as dt, sys
class Fake(dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls(2008, 1, 1, 8, 0)
dt.datetime = Fake
from firstask_desktop.cli.runner import run
sys.exit(run(['--data-dir', {str(folder)!r}, 'init', '--station-code', 'GS0101',
              '--station-name', '城关供电所', '--admin', '管理员']))
"""
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"FIRSTASK_PASSWORD": PASSWORD, "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode == 0, out.stderr
    assert "电脑时钟显示 2008-01-01 08:00，明显不对" in out.stderr
    assert "已建立" in out.stdout
    db.close()
