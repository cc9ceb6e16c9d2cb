"""The 同步 page: keys exchanged, a station's export written to the "stick" and read by a real
county install (run through the command line in its own data folder)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from gui_helpers import settle
from PySide6.QtWidgets import QFileDialog

from firstask_desktop.gui.sync_view import SyncPage

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "secret123"


def _cli(folder: Path, *args: str, user: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, FIRSTASK_PASSWORD=PASSWORD)
    command = [sys.executable, "main.py", "--data-dir", str(folder)]
    if user:
        command += ["--as", user]
    return subprocess.run(
        command + list(args), cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def page(session, people, qtbot):
    session.set_actor(people["管理员"])  # export and keys: the station's administrator
    p = SyncPage(session)
    qtbot.addWidget(p)
    p.show()
    settle(qtbot)
    return p


def test_without_the_county_key_the_export_is_refused_and_says_what_to_do(page, qtbot, tmp_path):
    assert "还没有导入县公司的公钥" in page.status.text()
    stick = tmp_path / "stick"
    stick.mkdir()
    page.drive.insertItem(0, str(stick), str(stick))
    page.drive.setCurrentIndex(0)
    page.export()
    settle(qtbot)
    assert "县公司的公钥" in page.error.text()
    assert list(stick.iterdir()) == []


def test_a_clerk_may_not_export(session, qtbot, tmp_path):
    p = SyncPage(session)  # 李娜, a clerk
    qtbot.addWidget(p)
    settle(qtbot)
    p.drive.insertItem(0, str(tmp_path), str(tmp_path))
    p.drive.setCurrentIndex(0)
    p.export()
    settle(qtbot)
    assert "无权" in p.error.text()


def test_keys_exchanged_then_the_export_reaches_the_county(
    page, qtbot, tmp_path, answers, monkeypatch
):
    county = tmp_path / "county"
    stick = tmp_path / "stick"
    stick.mkdir()
    done = _cli(
        county,
        "init",
        "--station-code",
        "YZ00",
        "--station-name",
        "榆中县供电公司",
        "--mode",
        "county",
        "--admin",
        "县管理员",
    )
    assert done.returncode == 0, done.stderr
    done = _cli(county, "keys", "export", "--out", str(stick), user="县管理员")
    assert done.returncode == 0, done.stderr
    county_key = next(stick.glob("*.json"))

    page.drive.insertItem(0, str(stick), str(stick))
    page.drive.setCurrentIndex(0)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(county_key), ""))
    page.choose_key()
    settle(qtbot)
    assert answers.asked and "指纹" in answers.asked[-1][1]
    assert "已登记" in page.result.text(), page.error.text()
    assert "榆中县供电公司" in page.status.text()

    page.export_key()
    settle(qtbot)
    station_key = next(p for p in stick.glob("*.json") if p != county_key)
    page.export()
    settle(qtbot, timeout=60000)
    assert "可以安全拔出" in page.result.text(), page.error.text()
    exported = list(stick.glob("*.fasync"))
    assert len(exported) == 1
    assert "上次导出：第 1 号" in page.status.text()

    done = _cli(county, "keys", "import", str(station_key), user="县管理员")
    assert done.returncode == 0, done.stderr
    done = _cli(county, "sync", "import", str(exported[0]), user="县管理员")
    assert done.returncode == 0, done.stderr


def test_a_damaged_file_is_refused_with_nothing_changed(page, qtbot, tmp_path):
    junk = tmp_path / "GS0101-000009.fasync"
    junk.write_bytes(b"FASYNC" + b"\x00" * 200)
    page.import_files([str(junk)])
    settle(qtbot)
    assert page.result.text().startswith("✗ GS0101-000009.fasync")


def test_a_refused_export_points_to_this_page_and_red_lines_do_not_outlive_their_cause(
    page, session, people, qtbot, tmp_path
):
    page.export()
    settle(qtbot)
    # The key is imported right here, not in 设置, and no command line is quoted.
    assert "导入县公司公钥" in page.error.text()
    assert "设置" not in page.error.text() and "命令行" not in page.error.text()
    page.drive.insertItem(0, str(tmp_path), str(tmp_path))
    page.drive.setCurrentIndex(0)
    assert page.error.isHidden()
    page.export()
    assert not page.error.isHidden()
    session.set_actor(people["王建国"])
    assert page.error.isHidden()


def test_the_folder_picker_opens_in_the_documents_not_the_install_folder(
    page, qtbot, tmp_path, monkeypatch
):
    asked = []

    def pick(parent, title, start="", *args):
        asked.append(start)
        return str(tmp_path)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", pick)
    page.drive.clear()
    page.choose_folder()
    assert asked[0] and Path(asked[0]).resolve() != Path.cwd().resolve()
    assert page.folder() == str(tmp_path)
    page.drive.clear()
    page.choose_folder()
    assert asked[1] == str(tmp_path)  # the folder used last time


def test_changes_since_export_count_records_not_steps(people):
    from firstask_desktop.services import entries as svc
    from firstask_desktop.sync.status import changed_records

    before = changed_records(0)
    entry = svc.register_entry(
        people["李娜"],
        channel="来访",
        category="投诉",
        visitor="张三",
        phone="13812345678",
        matter="电压偏低",
    )
    assert changed_records(0) == before + 2  # the entry and its new customer
    svc.start_entry(people["李娜"], entry.serial)
    svc.reply_entry(people["李娜"], entry.serial, "已处理")
    assert changed_records(0) == before + 2  # still those two records
