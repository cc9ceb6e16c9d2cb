"""``print receipt|register|stats|notice`` and ``verify-receipt`` on the command line."""

import subprocess
import sys
from pathlib import Path

import pytest
from reports_support import pdf_text, read_qr, render_png

from firstask_desktop.cli.runner import run
from firstask_desktop.store.models import Entry, Staff

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cli(demo_store, capsys, monkeypatch):
    from firstask_desktop.demo.demo_data import DEMO_PASSWORD

    monkeypatch.setenv("FIRSTASK_PASSWORD", DEMO_PASSWORD)

    def call(*args, acting="王建国"):  # the station head may see and print everything
        code = run(["--data-dir", str(demo_store), "--as", acting, *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


def test_print_every_document(cli, tmp_path):
    entry = Entry.select().where(Entry.missing_documents != "[]").first()
    jobs = [
        ("receipt", entry.serial),
        ("notice", entry.serial),
        ("register", "--month", "2026-10"),
        ("stats", "--month", "2026-10"),
    ]
    for job in jobs:
        out_file = tmp_path / "输出" / f"{job[0]}.pdf"
        code, out, err = cli("print", *job, "--out", str(out_file))
        assert code == 0, err
        assert str(out_file) in out and "已读回核对" in out
        assert out_file.read_bytes().startswith(b"%PDF-")
        assert not list(out_file.parent.glob(".*.tmp"))  # atomic write left nothing behind


def test_refusals_exit_2_with_a_chinese_line(cli, tmp_path):
    out_file = tmp_path / "x.pdf"
    for args, words in [
        (("print", "receipt", "GS0101-2026-99999"), "没有受理编号"),
        (("print", "register", "--month", "2026-13"), "不是月份"),
        (("print", "stats", "--month", "十月"), "不是月份"),
        (("print", "overview", "--month", "9999-12"), "不是月份"),
        (("print", "stats", "--month", "0000-01"), "不是月份"),
        (("print", "notice", "nonsense"), "没有受理编号"),
    ]:
        code, out, err = cli(*args, "--out", str(out_file))
        assert code == 2 and words in err and err.count("\n") == 1, (args, err)
    assert not out_file.exists()


def test_rare_characters_warned_on_stderr_and_still_printed(cli, tmp_path):
    from firstask_desktop.services.entries import register_entry

    rare = register_entry(
        Staff.get(Staff.name == "李娜"),
        channel="来访",
        category="咨询",
        visitor="𪚥明",
        phone="13912345678",
        matter="咨询",
        result="已答复",
    )
    out_file = tmp_path / "r.pdf"
    code, out, err = cli("print", "receipt", rare.serial, "--out", str(out_file))
    assert code == 0 and "𪚥" in err and "U+2A6A5" in err
    assert "〓明" in pdf_text(out_file.read_bytes())


def test_verify_receipt_genuine_and_forged(cli, tmp_path):
    entry = Entry.select().where(Entry.status != "void").first()
    out_file = tmp_path / "r.pdf"
    assert cli("print", "receipt", entry.serial, "--out", str(out_file))[0] == 0
    code_text = read_qr(render_png(out_file.read_bytes(), tmp_path, dpi=150))
    code, out, err = cli("verify-receipt", code_text)
    assert code == 0 and out.startswith("真实") and entry.serial in out, err
    forged = code_text.replace(entry.serial, entry.serial[:-1] + "9")
    code, out, err = cli("verify-receipt", forged)
    assert code == 2 and err.startswith("不符") and out == ""
    short = pdf_text(out_file.read_bytes()).split("验证码 ")[1].split()[0]
    assert cli("verify-receipt", entry.serial, short)[0] == 0
    assert cli("verify-receipt", entry.serial, "AAAA-AAAA")[0] == 2


def test_print_commands_do_not_import_qt(demo_store, tmp_path):
    script = (
        "import sys\n"
        "from firstask_desktop.cli.runner import run\n"
        "import os\n"
        "from firstask_desktop.demo.demo_data import DEMO_PASSWORD\n"
        "os.environ['FIRSTASK_PASSWORD'] = DEMO_PASSWORD\n"
        f"code = run(['--data-dir', {str(demo_store)!r}, '--as', '王建国', 'print', 'stats',"
        " '--month', '2026-10',"
        f" '--out', {str(tmp_path / 's.pdf')!r}])\n"
        "assert code == 0, code\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)
