"""``python main.py --selfcheck``: the program proves it is complete, or names what is missing.

The same check runs on the built bundle in CI (installer/build-linux.sh); here it runs from
source, where a complete checkout must pass every step, and with a module or a file taken away,
where it must fail naming it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from firstask_desktop.cli.selfcheck import STEPS

ROOT = Path(__file__).resolve().parent.parent


def run_selfcheck(tmp_path: Path, prelude: str = "") -> subprocess.CompletedProcess:
    """``main.py --selfcheck`` in a child process, after ``prelude`` (to break something)."""
    temp = tmp_path / "temp"
    temp.mkdir(exist_ok=True)
    real_data = tmp_path / "real-data"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        TMPDIR=str(temp),
        TEMP=str(temp),
        FIRSTASK_DATA_DIR=str(real_data),
        PYTHONIOENCODING="utf-8",
    )
    code = (
        f"import runpy, sys\n{prelude}\n"
        "sys.argv = ['main.py', '--selfcheck']\n"
        "runpy.run_path('main.py', run_name='__main__')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=240,
    )
    # Whatever happened, the clerk's real data folder was never touched and no temp was left.
    assert not real_data.exists(), "the self-check wrote into the configured data folder"
    assert list(temp.iterdir()) == [], "the self-check left its temporary folder behind"
    return result


def test_selfcheck_from_source_passes_every_step(tmp_path):
    result = run_selfcheck(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for step in STEPS:
        assert any(line.startswith(f"✓ {step.name}：") for line in lines), (step.name, lines)
    assert lines[-1].startswith("自检通过")
    window = next(line for line in lines if line.startswith("✓ 主窗口"))
    assert "WenQuanYi" in window and "打印到PDF" in window


def test_a_missing_module_fails_naming_it(tmp_path):
    # As if the bundle lacked pypinyin: importing it fails the way a frozen app's import would.
    result = run_selfcheck(tmp_path, "sys.modules['pypinyin'] = None")
    assert result.returncode == 1
    failed = [line for line in result.stdout.splitlines() if line.startswith("✗")]
    assert failed and all("pypinyin" in line for line in failed), result.stdout
    assert "自检未通过" in result.stdout.splitlines()[-1]


def test_missing_phone_data_fails_naming_it(tmp_path):
    # phonenumbers imports China's data by name at run time, which PyInstaller cannot see.
    result = run_selfcheck(tmp_path, "sys.modules['phonenumbers.data.region_CN'] = None")
    assert result.returncode == 1
    failed = [line for line in result.stdout.splitlines() if line.startswith("✗")]
    assert failed and failed[0].startswith("✗ 登记"), result.stdout
    assert "phonenumbers.data.region_CN" in failed[0], result.stdout


def test_a_missing_font_fails_naming_the_file(tmp_path):
    resources = tmp_path / "bundle-resources"
    prelude = (
        "import shutil\n"
        "from pathlib import Path\n"
        "from firstask_desktop.store import config\n"
        f"copy = Path({str(resources)!r})\n"
        "shutil.copytree(config.resources_dir(), copy)\n"
        "(copy / 'fonts' / 'wqy-microhei.ttc').unlink()\n"
        "config.resources_dir = lambda: copy\n"
    )
    result = run_selfcheck(tmp_path, prelude)
    assert result.returncode == 1
    failed = [line for line in result.stdout.splitlines() if line.startswith("✗")]
    assert failed and failed[0].startswith("✗ 程序文件：缺少"), result.stdout
    assert all("wqy-microhei.ttc" in line for line in failed), result.stdout
    # What does not need the font still ran and passed: the report is complete, not cut short.
    assert any(line.startswith("✓ 导出同步文件") for line in result.stdout.splitlines())


def test_double_clicked_sync_file_opens_the_window_with_it():
    from firstask_desktop.__main__ import gui_options

    options = gui_options(["D:\\U盘\\GS0101-000003.fasync"])
    assert options is not None and options.open_file == "D:\\U盘\\GS0101-000003.fasync"
    options = gui_options(["--data-dir", "E:/数据", "X.FASYNC"])
    assert options.open_file == "X.FASYNC" and options.data_dir == "E:/数据"
    assert gui_options([]).open_file is None
    # A command that names a sync file is still the command line.
    assert gui_options(["sync", "import", "GS0101-000003.fasync"]) is None
    assert gui_options(["notes.txt"]) is None
