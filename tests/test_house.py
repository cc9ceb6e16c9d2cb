"""The house rule: the core never imports PySide6, so the CLI and county tools start fast."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def core_modules() -> list[str]:
    package = ROOT / "firstask_desktop"
    names = []
    for path in package.rglob("*.py"):
        rel = path.relative_to(ROOT).with_suffix("")
        if "gui" in rel.parts:
            continue
        names.append(".".join(rel.parts).removesuffix(".__init__"))
    return sorted(names)


def test_no_core_module_imports_pyside6():
    modules = core_modules()
    assert "firstask_desktop.cli" in modules and "firstask_desktop.services.entries" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(leaked))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"core modules pulled in Qt: {out.stdout}"


def test_cli_command_runs_without_qt(tmp_path):
    code = (
        "import sys\n"
        "from firstask_desktop.cli import run\n"
        f"rc = run(['--data-dir', {str(tmp_path)!r}, 'entry', 'list'])\n"
        "print(rc, any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    # An empty folder is refused (exit 2) — and Qt was never loaded on the way.
    assert out.stdout.split() == ["2", "False"], out.stderr
