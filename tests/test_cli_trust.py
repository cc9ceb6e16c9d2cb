"""Every door of the command line locked: a copy of the data folder and the installed program
give nothing without a password, and a password gives no more than the GUI would.

The permission matrix is generated from the parser itself: every command × every role (and
nobody), so a new command is covered the day it is added.
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from support import PASSWORD, T0

from firstask_desktop.cli import access, runner
from firstask_desktop.domain.permissions import PERMISSIONS
from firstask_desktop.store import db
from firstask_desktop.store.models import Entry, Staff
from firstask_desktop.store.storage import open_store

ROLE_PEOPLE = {
    "clerk": "李娜",
    "manager": "陈静",
    "head": "王建国",
    "admin": "管理员",
    "county_admin": "周县",
}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A station with one person of every role (a county administrator added as the county's
    package would bring one) and entries of 张伟 (a clerk) with full personal details."""
    from firstask_desktop.services import entries as svc
    from firstask_desktop.services.station import add_staff, init_station
    from firstask_desktop.store.audit import save_audited

    folder = tmp_path_factory.mktemp("trust") / "data"
    open_store(folder)
    admin = init_station(
        code="GS0101", name="城关供电所", admin_name="管理员", admin_password=PASSWORD, now=T0
    )
    admin = Staff.get(Staff.name == "管理员")
    for name, role in [
        ("李娜", "clerk"),
        ("张伟", "clerk"),
        ("陈静", "manager"),
        ("王建国", "head"),
    ]:
        add_staff(admin, name=name, role=role, password=PASSWORD, now=T0)
    from firstask_desktop.store.passwords import hash_password

    with db.transaction():
        save_audited(
            Staff(
                station="GS0101",
                name="周县",
                role="county_admin",
                password_hash=hash_password(PASSWORD),
            ),
            actor="测试",
            action="add_staff",
            at=T0,
        )
    zhang = Staff.get(Staff.name == "张伟")
    svc.register_entry(
        zhang,
        channel="visit",
        category="consult",
        visitor="张三丰",
        phone="13812345678",
        account_no="0012345678",
        address="甘肃省榆中县城关镇李家村3组15号",
        matter="咨询电价",
        now=T0,
    )
    db.close()
    return folder


@pytest.fixture
def folder(template, tmp_path, monkeypatch):
    copy = tmp_path / "data"
    shutil.copytree(template, copy)
    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)
    monkeypatch.delenv("FIRSTASK_USER", raising=False)
    monkeypatch.delenv("FIRSTASK_NEW_PASSWORD", raising=False)
    yield copy
    db.close()


def cli(folder, *args, capsys, acting=""):
    code = runner.run(["--data-dir", str(folder), *(["--as", acting] if acting else []), *args])
    out = capsys.readouterr()
    db.close()
    return code, out.out, out.err


def _serial() -> str:
    return "GS0101-2026-00001"


# --- the matrix ----------------------------------------------------------------------------------


def _leaves():
    return list(access.leaf_commands(runner.build_parser()))


def _argv_for(parser) -> list[str]:
    """The least a command's parser accepts: a value for each positional and required option."""
    argv = []
    for action in parser._actions:
        if action.option_strings:
            if action.required:
                value = next(iter(action.choices)) if action.choices else "1"
                argv += [action.option_strings[0], value]
        elif action.dest != "help":
            argv.append("1")
    return argv


def test_every_command_says_who_may_run_it():
    """By construction: a command added without a line in access.COMMANDS fails here (and the
    runner refuses it)."""
    paths = {path for path, _ in _leaves()}
    missing = paths - set(access.COMMANDS) - access.NO_LOGIN
    assert not missing, f"commands without a permission: {sorted(missing)}"
    assert set(access.COMMANDS) - paths == set(), "a permission for a command that is gone"
    for permission in access.COMMANDS.values():
        assert permission is None or permission in PERMISSIONS


def _matrix():
    cases = []
    for path, _ in _leaves():
        if path == "screenshots":  # never opens the data folder (its own demo): no login
            continue
        for role in [None, *ROLE_PEOPLE]:
            cases.append((path, role))
    return cases


MATRIX = _matrix()


def _expected(path: str, role: str | None) -> bool:
    if not access.needs_login(path, station_exists=True):
        return True
    if role is None:
        return False
    permission = access.COMMANDS[path]
    return permission is None or role in PERMISSIONS[permission]


@pytest.mark.parametrize(
    "path, role", MATRIX, ids=[f"{p.replace(' ', '-')}-{r or 'nobody'}" for p, r in MATRIX]
)
def test_permission_matrix(folder, capsys, monkeypatch, path, role):
    """Each command × each role: run when the table allows it, else exit 2 in Chinese (nobody
    logged in: a line naming --as). The command itself is replaced by a recorder: the door is
    what is tested here; the commands have their own tests."""
    reached = []
    real_build = runner.build_parser

    def build_with_recorder():
        parser = real_build()
        for leaf_path, leaf in access.leaf_commands(parser):
            if leaf_path == path:
                leaf.set_defaults(func=lambda args: reached.append(args) or 0)
        return parser

    monkeypatch.setattr(runner, "build_parser", build_with_recorder)
    sub = dict(_leaves())[path]
    argv = path.split() + _argv_for(sub)
    code, _out, err = cli(folder, *argv, capsys=capsys, acting=ROLE_PEOPLE.get(role, ""))
    if _expected(path, role):
        assert code == 0 and len(reached) == 1, err
        return
    assert code == 2 and not reached, err
    assert err.count("\n") == 1 and any("\u4e00" <= ch <= "\u9fff" for ch in err)
    if role is None:
        assert "--as" in err
    else:
        assert "无权" in err


# --- logins --------------------------------------------------------------------------------------


def test_a_failed_login_counts_and_a_command_without_login_never_tries_one(
    folder, capsys, monkeypatch
):
    monkeypatch.setenv("FIRSTASK_PASSWORD", "wrong-password")
    for _ in range(6):  # check needs no login: a wrong --as must not lock the head out
        assert cli(folder, "check", capsys=capsys, acting="王建国")[0] == 0
    for _ in range(4):
        code, _, err = cli(folder, "entry", "list", capsys=capsys, acting="王建国")
        assert code == 2 and "密码不正确" in err
    code, _, err = cli(folder, "entry", "list", capsys=capsys, acting="王建国")
    assert code == 2 and "锁定" in err
    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)  # locked: even the right one waits
    code, _, err = cli(folder, "entry", "list", capsys=capsys, acting="王建国")
    assert code == 2 and "锁定" in err


def test_staff_add_never_gives_the_new_account_the_actors_password(folder, capsys):
    """Break 1: FIRSTASK_NEW_PASSWORD unset used to mean 'the admin's own password'."""
    code, _, err = cli(
        folder, "staff", "add", "--name", "新人", "--role", "clerk", capsys=capsys, acting="管理员"
    )
    assert code == 2 and "FIRSTASK_NEW_PASSWORD" in err
    open_store(folder)
    assert not Staff.select().where(Staff.name == "新人").exists()


# --- personal data -------------------------------------------------------------------------------


@pytest.mark.parametrize("document", ["receipt", "supervision", "notice"])
def test_documents_with_personal_data_need_a_login_and_the_right_to_see_it(
    folder, capsys, tmp_path, document
):
    """Break 2: receipts and slips carry name, phone, address and 户号."""
    out = tmp_path / f"{document}.pdf"
    code, _, err = cli(folder, "print", document, _serial(), "--out", str(out), capsys=capsys)
    assert code == 2 and "--as" in err and not out.exists()
    # A clerk who is not the responder: refused, nothing written.
    code, _, err = cli(
        folder, "print", document, _serial(), "--out", str(out), capsys=capsys, acting="李娜"
    )
    assert code == 2 and "首问责任人" in err and not out.exists()
    if document == "receipt":  # the responder prints their own customer's receipt
        code, _, err = cli(
            folder, "print", document, _serial(), "--out", str(out), capsys=capsys, acting="张伟"
        )
        assert code == 0 and out.exists(), err


def _found(folder, capsys, acting, text) -> bool:
    code, out, err = cli(
        folder, "entry", "list", "--json", "--search", text, capsys=capsys, acting=acting
    )
    assert code == 0, err
    return bool(json.loads(out))


def _recover(probe, alphabet: str, known: str, length: int) -> str:
    """The attack of break 3: extend what is known one character at a time, keeping the
    candidate the search answers 'found' for. Returns what it could recover."""
    while len(known) < length:
        hits = [ch for ch in alphabet if probe(known + ch)]
        if len(hits) != 1:
            return known
        known += hits[0]
    return known


def test_search_is_no_oracle_for_masked_data(folder, capsys):
    """Break 3: a clerk recovered a masked phone in 14 queries and a 户号 in 45."""
    clerk = lambda text: _found(folder, capsys, "李娜", text)  # noqa: E731 - a probe
    digits = "0123456789"
    assert _recover(clerk, digits, "138", 11) != "13812345678"
    assert _recover(clerk, digits, "", 10) != "0012345678"
    assert _recover(clerk, "张三丰李王", "张", 3) != "张三丰"
    assert _recover(clerk, "0123456789组号", "李家村", 8) != "李家村3组15号"
    # What the clerk sees is still found: the digits shown, the village, the matter.
    assert clerk("5678") and clerk("李家村") and clerk("咨询电价")
    # Who may see it searches it: the head, and the responder their own entry.
    assert _found(folder, capsys, "王建国", "13812345678")
    assert _found(folder, capsys, "王建国", "0012345678")
    assert _found(folder, capsys, "张伟", "张三丰")


def test_quarantined_records_need_a_login_and_are_masked_for_the_county(
    tmp_path, capsys, monkeypatch
):
    """Break 4: ``sync quarantine --json`` dumped station records unmasked to anyone."""
    from firstask_desktop.demo.demo_county import COUNTY_ADMIN, build_county_demo
    from firstask_desktop.demo.demo_data import DEMO_PASSWORD

    county = tmp_path / "县公司"
    build_county_demo(county, tmp_path / "城关所", tmp_path / "U盘", entries=12)
    visitors = {e.visitor for e in Entry.select() if len(e.visitor) > 1}
    phones = {e.phone for e in Entry.select() if len(e.phone) == 11}
    db.close()
    monkeypatch.setenv("FIRSTASK_PASSWORD", DEMO_PASSWORD)
    code, out, err = cli(county, "sync", "quarantine", "--json", capsys=capsys)
    assert code == 2 and "--as" in err and out == ""
    code, out, err = cli(county, "sync", "quarantine", "--json", capsys=capsys, acting=COUNTY_ADMIN)
    assert code == 0, err
    rows = json.loads(out)
    assert rows and all("*" in r["incoming"]["visitor"] for r in rows if r["table"] == "entry")
    assert not any(v in out for v in visitors | phones)


def test_keys_and_resolutions_need_a_login(folder, capsys, tmp_path):
    """Break 5: ``keys import --replace`` and ``sync resolve`` ran with no login."""
    rogue = tmp_path / "rogue.json"
    rogue.write_text("{}", encoding="utf-8")
    code, _, err = cli(folder, "keys", "import", "--replace", str(rogue), capsys=capsys)
    assert code == 2 and "--as" in err
    code, _, err = cli(folder, "sync", "resolve", "1", "--keep", "incoming", capsys=capsys)
    assert code == 2 and "--as" in err


def test_scan_needs_a_login_and_refuses_a_future_date(folder, capsys):
    """Break 6: ``assess scan --as-of`` a future day proposed fines for entries not yet due."""
    from firstask_desktop.store.models import Violation

    ahead = (datetime.now() + timedelta(days=30)).strftime("%Y-%m-%d")
    code, _, err = cli(folder, "assess", "scan", "--as-of", ahead, capsys=capsys)
    assert code == 2 and "--as" in err
    code, _, err = cli(folder, "assess", "scan", "--as-of", ahead, capsys=capsys, acting="王建国")
    assert code == 2 and "将来" in err
    open_store(folder)
    assert Violation.select().count() == 0


def test_a_clerk_cannot_put_an_already_overdue_entry_on_a_colleague(folder, capsys):
    """A back-dated entry past its deadline on someone else's name is a fine for them."""
    back = (datetime.now() - timedelta(days=20)).strftime("%Y-%m-%dT09:00")
    args = ["entry", "add", "--channel", "来访", "--category", "咨询", "--visitor", "王五"]
    args += ["--phone", "13900001111", "--matter", "咨询", "--received-at", back]
    code, _, err = cli(folder, *args, "--responder", "张伟", capsys=capsys, acting="李娜")
    assert code == 2 and "超过答复时限" in err
    code, _, err = cli(folder, *args, capsys=capsys, acting="李娜")  # on herself: her matter
    assert code == 0, err


# --- absurd input: one Chinese line, exit 2 ------------------------------------------------------


@pytest.mark.parametrize(
    "argv, words",
    [
        (["entry", "list", "--limit", "-5"], "--limit"),
        (["entry", "list", "--limit", "99999999999999999999"], "--limit"),
        (["entry", "list", "--limit", "ten"], "--limit"),
        (["print", "register", "--month", "2026-03", "--out", "{tmp}"], "文件夹"),
        (["export", "excel", "--out", "{tmp}"], "文件夹"),
        (["assess", "scan", "--as-of", "0001-01-01"], "2000"),
        (["entry", "add", "--channel", "来访", "--category", "咨询", "--visitor", "王五",
          "--phone", "13900001111", "--matter", "x", "--received-at", "0226-12-02T09:00"], "2000"),
    ],
    ids=["limit-negative", "limit-huge", "limit-word", "out-folder-pdf", "out-folder-xlsx",
         "as-of-year-1", "received-year-226"],
)  # fmt: skip
def test_absurd_input_is_refused_in_chinese(folder, capsys, tmp_path, argv, words):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, _, err = cli(folder, *argv, capsys=capsys, acting="管理员")
    assert code == 2 and words in err and err.count("\n") == 1, err
    assert "Error" not in err and "argument" not in err


def test_a_data_folder_that_is_a_file_is_refused_in_chinese(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    for target in (not_a_folder, Path("/dev/null")):
        code, _, err = cli(target, "entry", "list", capsys=capsys, acting="管理员")
        assert code == 2 and "不是文件夹" in err and "Error" not in err, err


def test_the_register_window_searches_as_shown_too(folder):
    """The window's register pages and its count go through the same rule as entry list."""
    from firstask_desktop.services.queries import EntryFilter, count_entries, register_page

    open_store(folder)
    clerk, head, owner = (Staff.get(Staff.name == n) for n in ("李娜", "王建国", "张伟"))
    for typed, shown in [("1381", False), ("0012", False), ("张三丰", False), ("5678", True)]:
        flt = EntryFilter(search=typed)
        rows, total = register_page(flt, viewer=clerk, with_total=True)
        assert (len(rows), total, count_entries(flt, viewer=clerk)) == (
            (1, 1, 1) if shown else (0, 0, 0)
        )
        for who in (head, owner):  # who may see it finds it
            assert len(register_page(flt, viewer=who)[0]) == 1, (typed, who.name)
