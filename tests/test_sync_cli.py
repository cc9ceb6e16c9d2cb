"""The command line of USB sync (DESIGN.md §6): keys export/import, sync export/import/package."""

from __future__ import annotations

import json
import os
import stat

import pytest
from sync_support import PASSWORD, fresh_postgres_database

from firstask_desktop.cli.runner import run
from firstask_desktop.store import db


@pytest.fixture(autouse=True)
def _password(monkeypatch):
    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)


def cli(capsys, *argv):
    argv = [str(a) for a in argv]
    if "--as" not in argv and "--data-dir" in argv:
        # Every command runs as a logged-in person: the folder's administrator unless named.
        folder = argv[argv.index("--data-dir") + 1]
        admin = "县管理员" if "县公司" in folder else "管理员"
        argv[2:2] = ["--as", admin]
    code = run(argv)
    out, err = capsys.readouterr()
    db.close()
    return code, out, err


@pytest.fixture
def offices(tmp_path, capsys):
    county, station, usb = tmp_path / "县公司", tmp_path / "城关所", tmp_path / "U盘"
    usb.mkdir()
    assert (
        cli(
            capsys,
            "--data-dir",
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
        )[0]
        == 0
    )
    assert (
        cli(
            capsys,
            "--data-dir",
            station,
            "init",
            "--station-code",
            "GS0101",
            "--station-name",
            "城关供电所",
            "--admin",
            "管理员",
        )[0]
        == 0
    )
    assert (
        cli(
            capsys,
            "--data-dir",
            station,
            "--as",
            "管理员",
            "entry",
            "add",
            "--channel",
            "来访",
            "--category",
            "咨询",
            "--visitor",
            "张三",
            "--matter",
            "咨询电价",
            "--result",
            "已当场解释",
        )[0]
        == 0
    )
    return county, station, usb


def test_keys_are_exchanged_and_fingerprints_printed(offices, capsys):
    county, station, usb = offices
    code, out, err = cli(capsys, "--data-dir", county, "keys", "export", "--out", usb)
    assert code == 0
    key_file = usb / "YZ00-public-key.json"
    assert out.strip() == str(key_file) and "指纹" in err
    # The private keys stay behind, readable by this account only.
    for private in (county / "keys").iterdir():
        assert "PRIVATE" in private.read_text()
        if os.name == "posix":
            assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert "PRIVATE" not in key_file.read_text()

    code, out, err = cli(capsys, "--data-dir", station, "keys", "import", key_file)
    fingerprint = json.loads(key_file.read_text())["fingerprint"]
    assert code == 0 and out.strip() == fingerprint and "已登记" in err
    code, out, err = cli(capsys, "--data-dir", station, "keys", "import", key_file)
    assert code == 0 and "早已登记" in err
    # A station does not take another station's key; the county does not take a county's.
    cli(capsys, "--data-dir", station, "keys", "export", "--out", usb)
    code, _out, err = cli(capsys, "--data-dir", county, "keys", "import", key_file)
    assert code == 2 and "县公司只登记各供电所的公钥" in err
    code, out, _err = cli(capsys, "--data-dir", station, "keys", "list", "--json")
    listed = json.loads(out)
    assert listed["known"][0]["fingerprint"] == fingerprint and listed["local"]["role"] == "station"


def test_a_damaged_or_different_county_key_is_refused(offices, capsys, tmp_path):
    county, station, usb = offices
    cli(capsys, "--data-dir", county, "keys", "export", "--out", usb)
    key_file = usb / "YZ00-public-key.json"
    cli(capsys, "--data-dir", station, "keys", "import", key_file)
    edited = tmp_path / "edited.json"
    document = json.loads(key_file.read_text())
    document["name"] = "假的县公司"
    edited.write_text(json.dumps(document, ensure_ascii=False))
    code, _out, err = cli(capsys, "--data-dir", station, "keys", "import", edited)
    assert code == 2 and "损坏或被改动" in err
    # A reinstalled county has a new key: refused until someone says --replace.
    other = tmp_path / "新县公司"
    cli(
        capsys,
        "--data-dir",
        other,
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
    cli(capsys, "--data-dir", other, "keys", "export", "--out", tmp_path)
    new_key = tmp_path / "YZ00-public-key.json"
    code, _out, err = cli(capsys, "--data-dir", station, "keys", "import", new_key)
    assert code == 2 and "两者不同" in err and "--replace" in err
    code, out, _err = cli(capsys, "--data-dir", station, "keys", "import", "--replace", new_key)
    assert code == 0 and out.strip() == json.loads(new_key.read_text())["fingerprint"]


def test_export_import_and_acknowledge_from_the_command_line(offices, capsys):
    county, station, usb = offices
    code, _out, err = cli(capsys, "--data-dir", station, "sync", "export", "--out", usb)
    assert code == 2 and "县公司的公钥" in err and "\n" == err[-1] and err.count("\n") == 1
    cli(capsys, "--data-dir", county, "keys", "export", "--out", usb)
    cli(capsys, "--data-dir", station, "keys", "import", usb / "YZ00-public-key.json")
    code, out, err = cli(capsys, "--data-dir", station, "sync", "export", "--out", usb)
    path = usb / "GS0101-000001.fasync"
    assert code == 0 and out.strip() == str(path) and "可以安全拔出" in err

    code, _out, err = cli(capsys, "--data-dir", county, "sync", "import", path)
    assert code == 2 and "--accept-new-station" in err and "指纹" in err
    code, out, _err = cli(
        capsys, "--data-dir", county, "sync", "import", "--accept-new-station", path
    )
    assert code == 0 and "已导入供电所 GS0101 的第 1 号同步文件" in out
    ack = usb / "GS0101-000001-ack.fasync"
    assert ack.exists() and str(ack) in out
    code, out, _err = cli(
        capsys, "--data-dir", county, "entry", "list", "--station", "GS0101", "--json"
    )
    listed = json.loads(out)  # (names masked: no --as, so no right to personal data)
    assert code == 0 and len(listed) == 1 and listed[0]["serial"].startswith("GS0101-")
    code, out, _err = cli(capsys, "--data-dir", county, "sync", "status", "--json")
    assert json.loads(out)[0]["last_seq"] == 1 and json.loads(out)[0]["missing"] == []
    code, out, _err = cli(capsys, "--data-dir", county, "sync", "verify")
    assert code == 0 and "无误" in out
    code, out, _err = cli(capsys, "--data-dir", county, "check")
    assert code == 0

    code, out, _err = cli(capsys, "--data-dir", station, "sync", "import", ack)
    assert code == 0 and "县公司已确认收到第 1 号同步文件" in out
    code, out, _err = cli(capsys, "--data-dir", station, "sync", "status", "--json")
    assert json.loads(out)["acknowledged_seq"] == 1
    # The county's package, taken in by the station.
    code, out, _err = cli(capsys, "--data-dir", county, "sync", "package", "--out", usb)
    package = usb / "YZ00-package-000001.fasync"
    assert code == 0 and out.strip() == str(package)
    code, out, _err = cli(capsys, "--data-dir", station, "sync", "import", package)
    assert code == 0 and "已导入县公司第 1 号资料包" in out
    code, _out, err = cli(capsys, "--data-dir", county, "sync", "import", package)
    assert code == 2 and "县公司不需要导入它" in err
    code, _out, _err = cli(capsys, "--data-dir", station, "check")
    assert code == 0


def test_a_clerk_may_not_export_but_the_head_may(offices, capsys, monkeypatch):
    county, station, usb = offices
    cli(capsys, "--data-dir", county, "keys", "export", "--out", usb)
    cli(capsys, "--data-dir", station, "keys", "import", usb / "YZ00-public-key.json")
    monkeypatch.setenv("FIRSTASK_NEW_PASSWORD", PASSWORD)
    for name, role in (("李娜", "clerk"), ("王建国", "head")):
        assert (
            cli(
                capsys,
                "--data-dir",
                station,
                "--as",
                "管理员",
                "staff",
                "add",
                "--name",
                name,
                "--role",
                role,
            )[0]
            == 0
        )
    code, _out, err = cli(
        capsys, "--data-dir", station, "--as", "李娜", "sync", "export", "--out", usb
    )
    assert code == 2 and "无权" in err and not list(usb.glob("*.fasync"))
    code, _out, _err = cli(
        capsys, "--data-dir", station, "--as", "王建国", "sync", "export", "--out", usb
    )
    assert code == 0 and (usb / "GS0101-000001.fasync").exists()


def test_the_county_database_can_be_postgresql(
    offices, capsys, tmp_path, monkeypatch, postgres_server
):
    _county, station, usb = offices
    county = tmp_path / "县公司PG"
    with fresh_postgres_database(postgres_server) as url:
        assert (
            cli(
                capsys,
                "--db",
                url,
                "--data-dir",
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
            )[0]
            == 0
        )
        assert not (county / "firstask.sqlite3").exists()
        monkeypatch.setenv("FIRSTASK_DB", url)  # the environment variable works like --db
        cli(capsys, "--data-dir", county, "keys", "export", "--out", usb)
        monkeypatch.delenv("FIRSTASK_DB")
        cli(capsys, "--data-dir", station, "keys", "import", usb / "YZ00-public-key.json")
        cli(capsys, "--data-dir", station, "sync", "export", "--out", usb)
        code, out, err = cli(
            capsys,
            "--db",
            url,
            "--data-dir",
            county,
            "sync",
            "import",
            "--accept-new-station",
            usb / "GS0101-000001.fasync",
        )
        assert code == 0, err
        code, out, _err = cli(
            capsys,
            "--db",
            url,
            "--data-dir",
            county,
            "entry",
            "list",
            "--station",
            "GS0101",
            "--json",
        )
        listed = json.loads(out)
        assert len(listed) == 1 and listed[0]["serial"].startswith("GS0101-")
        assert cli(capsys, "--db", url, "--data-dir", county, "check")[0] == 0
        # The audit chain is append-only on PostgreSQL too.
        from firstask_desktop.store.models import AuditEvent
        from firstask_desktop.store.storage import open_store

        open_store(county, url)
        try:
            with pytest.raises(Exception, match="append-only"):
                with db.database.atomic():
                    AuditEvent.update(actor="改过").execute()
        finally:
            db.close()
