"""The command line contract (DESIGN.md §6): names, options, JSON fields and exit codes."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from firstask_desktop.cli.runner import run

ROOT = Path(__file__).resolve().parent.parent
CONTRACT_FIELDS = {
    "serial",
    "uuid",
    "station",
    "received_at",
    "channel",
    "category",
    "visitor",
    "unit",
    "address",
    "phone",
    "matter",
    "responder",
    "status",
    "due_at",
    "result",
}


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    """Run CLI commands in-process on a fresh Chinese-named data folder."""
    monkeypatch.setenv("FIRSTASK_PASSWORD", "secret123")
    monkeypatch.setenv("FIRSTASK_NEW_PASSWORD", "secret123")
    folder = tmp_path / "数据 文件夹"

    def call(*args, acting="管理员"):
        argv = ["--data-dir", str(folder)] + (["--as", acting] if acting else []) + list(args)
        code = run(argv)
        out = capsys.readouterr()
        return code, out.out, out.err

    call.folder = folder
    return call


@pytest.fixture
def ready(cli):
    assert (
        cli(
            "init",
            "--station-code",
            "gs0101",
            "--station-name",
            "城关供电所",
            "--area",
            "rural",
            "--admin",
            "管理员",
        )[0]
        == 0
    )
    assert cli("staff", "add", "--name", "李娜", "--role", "营业员", acting="管理员")[0] == 0
    return cli


def test_init_then_register_and_list_as_json(ready):
    code, out, err = ready(
        "entry",
        "add",
        "--channel",
        "来访",
        "--category",
        "complaint",
        "--visitor",
        "张三",
        "--phone",
        "+86 138 1234 5678",
        "--matter",
        "电压偏低",
        "--received-at",
        "2026-03-10T09:00",
        "--json",
        acting="李娜",
    )
    assert code == 0, err
    entry = json.loads(out)
    assert CONTRACT_FIELDS <= set(entry)
    assert entry["serial"] == "GS0101-2026-00001" and entry["station"] == "GS0101"
    assert (entry["channel"], entry["category"], entry["status"]) == (
        "visit",
        "complaint",
        "registered",
    )
    assert entry["phone"] == "13812345678" and entry["responder"] == "李娜"
    assert entry["due_at"] == "2026-03-15T23:59"

    code, out, _ = ready("entry", "list", "--month", "2026-03", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["serial"] for r in rows] == ["GS0101-2026-00001"]
    assert CONTRACT_FIELDS <= set(rows[0])
    code, out, _ = ready("entry", "list", "--month", "2026-04", "--json")
    assert json.loads(out) == []


def test_whole_life_through_the_cli(ready):
    ready(
        "entry",
        "add",
        "--channel",
        "phone",
        "--category",
        "投诉",
        "--visitor",
        "张三",
        "--phone",
        "13812345678",
        "--matter",
        "电压偏低",
        acting="李娜",
    )
    serial = "GS0101-" + __import__("datetime").date.today().strftime("%Y") + "-00001"
    steps = [
        ("transfer", serial, "--department", "配电运维班", "--note", "请测电压"),
        ("supervise", serial, "--note", "电话催办"),
        ("reply", serial, "--result", "已调整分接头"),
        ("follow-up", serial, "--method", "phone", "--satisfaction", "unsatisfied"),
        ("reply", serial, "--result", "已更换变压器"),
        ("follow-up", serial, "--method", "visit", "--satisfaction", "满意"),
        ("close", serial),
    ]
    for step in steps:
        code, out, err = ready("entry", *step, acting="李娜")
        assert code == 0, (step, err)
        assert serial in out
    code, out, _ = ready("entry", "show", serial, "--json")
    shown = json.loads(out)
    assert shown["status"] == "closed" and shown["result"] == "已更换变压器"
    assert [f["satisfaction"] for f in shown["follow_ups"]] == ["unsatisfied", "satisfied"]
    assert ready("check")[0] == 0


@pytest.mark.parametrize(
    "args, acting, words",
    [
        (
            (
                "entry",
                "add",
                "--channel",
                "传真",
                "--category",
                "投诉",
                "--visitor",
                "张三",
                "--phone",
                "13812345678",
                "--matter",
                "x",
            ),
            "李娜",
            "渠道",
        ),
        (
            (
                "entry",
                "add",
                "--channel",
                "来访",
                "--category",
                "投诉",
                "--visitor",
                "张三",
                "--phone",
                "123",
                "--matter",
                "x",
            ),
            "李娜",
            "联系方式",
        ),
        (
            (
                "entry",
                "add",
                "--channel",
                "来访",
                "--category",
                "投诉",
                "--visitor",
                "",
                "--phone",
                "13812345678",
                "--matter",
                "x",
            ),
            "李娜",
            "来访人",
        ),
        (("entry", "show", "GS0101-2026-99999"), "李娜", "没有受理编号"),
        (("entry", "reply", "GS0101-2026-99999", "--result", "x"), "李娜", "没有受理编号"),
        (("entry", "list", "--month", "2026-13"), "李娜", "月份"),
        (("staff", "add", "--name", "张伟", "--role", "clerk"), "李娜", "无权"),
        (
            (
                "entry",
                "add",
                "--channel",
                "来访",
                "--category",
                "咨询",
                "--visitor",
                "张三",
                "--matter",
                "x",
                "--result",
                "已答复",
            ),
            "无名氏",
            "姓名或密码",
        ),
        (("entry", "frobnicate"), "", "参数"),
    ],
)
def test_refusals_exit_2_with_one_chinese_line_and_change_nothing(ready, args, acting, words):
    before = ready("entry", "list", "--json")[1]
    code, out, err = ready(*args, acting=acting)
    assert code == 2
    assert words in err and err.count("\n") == 1
    assert ready("entry", "list", "--json")[1] == before


def test_wrong_password_is_refused(ready, monkeypatch):
    monkeypatch.setenv("FIRSTASK_PASSWORD", "wrong-password")
    code, _, err = ready("entry", "list", acting="李娜")
    # Every command but a handful runs as a logged-in person: listing too.
    assert code == 2 and "密码" in err
    code, _, err = ready(
        "entry",
        "add",
        "--channel",
        "来访",
        "--category",
        "咨询",
        "--visitor",
        "张三",
        "--matter",
        "x",
        "--result",
        "已答复",
        acting="李娜",
    )
    assert code == 2 and "密码" in err


def test_commands_before_init_are_refused(cli):
    code, _, err = cli("entry", "list")
    assert code == 2 and "init" in err


def test_init_twice_is_refused(ready):
    code, _, err = ready(
        "init", "--station-code", "GS0102", "--station-name", "另一个所", "--admin", "管理员"
    )
    assert code == 2 and "已经初始化" in err


def test_demo_fills_every_state_and_passes_check(cli, monkeypatch):
    from firstask_desktop.demo.demo_data import DEMO_PASSWORD

    code, out, err = cli("demo", "--entries", "150", "--seed", "3", acting="")
    assert code == 0, err
    # Who to log in as, by name and role: the demo's people are named nowhere else.
    assert "可以登录的人员：" in out and "王建国（所长）" in out and "管理员（管理员）" in out
    monkeypatch.setenv("FIRSTASK_PASSWORD", DEMO_PASSWORD)
    code, out, _ = cli("entry", "list", "--json", acting="王建国")
    rows = json.loads(out)
    assert len(rows) == 150
    states = {r["status"] for r in rows}
    assert {"registered", "transferred", "replied", "followed_up", "closed", "void"} <= states
    assert {r["category"] for r in rows} >= {"consult", "complaint", "repair", "business"}
    assert cli("check", acting="")[0] == 0
    code, _, err = cli("demo", "--entries", "10", acting="王建国")
    assert code == 2 and "空的数据文件夹" in err


def test_check_exits_1_and_names_a_row_changed_outside_the_app(ready):
    import sqlite3

    ready(
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
        "已讲解",
        acting="李娜",
    )
    # Edit the row as an outside tool would.
    data = ready.folder / "firstask.sqlite3"
    con = sqlite3.connect(data)
    con.execute("UPDATE entry SET result = '篡改的结果'")
    con.commit()
    con.close()
    code, _, err = ready("check")
    assert code == 1 and "entry" in err and "程序外" in err


def test_main_py_runs_headless_with_a_command(tmp_path):
    out = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(tmp_path / "d"), "entry", "list"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"} | dict(__import__("os").environ),
        timeout=60,
    )
    assert out.returncode == 2 and "init" in out.stderr


def test_every_entry_step_command_runs_a_step_of_the_one_table():
    # The CLI and the GUI both run a matter's steps from services/entry_steps.py; a command
    # for a step the table does not know would fail only when a clerk first used it.
    import argparse

    from firstask_desktop.cli.runner import build_parser
    from firstask_desktop.services.entry_steps import STEPS

    top = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    entry = top.choices["entry"]
    sub = next(a for a in entry._actions if isinstance(a, argparse._SubParsersAction))
    # Not steps of the register's table: the head's 改派 and 处理上报, a recipient's 接收/退回 and
    # the notice's amendment run services/responsibility.py (test_accountability.py); attachments
    # (附件) are kept with the entry, not steps of the matter.
    own = {"reassign", "decide", "accept_transfer", "return_transfer", "amend_notice"}
    not_steps = {"add", "list", "show", "attach", "attachments", "detach"} | own
    steps = {name.replace("-", "_") for name in sub.choices} - not_steps
    assert steps and steps <= set(STEPS)
    assert {"transfer", "follow_up", "void", "close"} <= steps


def _add_with_phone(ready, phone, *extra):
    return ready(
        "entry",
        "add",
        "--channel",
        "来电",
        "--category",
        "咨询",
        "--visitor",
        "张三",
        "--phone",
        phone,
        "--matter",
        "咨询电价",
        "--json",
        *extra,
        acting="李娜",
    )


def test_a_number_that_does_not_exist_is_refused_then_kept_marked_with_the_flag(ready):
    code, out, err = _add_with_phone(ready, "0300-1234567")
    assert code == 2 and out == ""
    assert "区号“0300”不存在" in err and "--phone-unverified" in err
    assert json.loads(ready("entry", "list", "--json")[1]) == []

    code, out, err = _add_with_phone(ready, "0300 1234567", "--phone-unverified")
    assert code == 0, err
    entry = json.loads(out)
    # Kept as typed (spacing aside), marked, and the clerk is told so.
    assert entry["phone"] == "0300-1234567" and entry["phone_unverified"] is True
    assert "号码未经核实" in err and "区号“0300”不存在" in err
    code, out, _ = _add_with_phone(ready, "138 1234 5678", "--phone-unverified")
    assert code == 0 and json.loads(out)["phone_unverified"] is False

    # check lists the marked entry (serial and reason, not the number) and still passes.
    code, out, err = ready("check")
    assert code == 0, err
    assert "1 条登记的联系方式号码未经核实" in out
    assert f"{entry['serial']}：联系方式区号“0300”不存在" in out
    assert "0300-1234567" not in out


def test_a_registration_with_several_problems_prints_one_line_per_field(ready):
    code, out, err = ready(
        "entry",
        "add",
        "--channel",
        "来访",
        "--category",
        "咨讯",
        "--visitor",
        "张3",
        "--matter",
        "电压低",
        "--phone",
        "12",
        acting="李娜",
    )
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert [line.split("：", 1)[0] for line in lines] == ["类别", "来访人姓名", "联系方式"]
    assert "consult" not in err
