"""Compile the Qt Designer forms ui/*.ui into firstask_desktop/gui/forms/ui_*.py.

    python tools/build_forms.py          # regenerate every form
    python tools/build_forms.py --check  # exit 1 when a generated module is out of date

The generated modules are committed (Picard's layout) and must never be edited by hand; the
first line says so. tests/gui/test_gui_forms_in_sync.py runs the same comparison.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "firstask_desktop" / "gui" / "forms"
HEADER = (
    "# generated — do not edit: compiled from ui/{name} by tools/build_forms.py (pyside6-uic)\n"
)


def target_for(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path) -> str:
    """The module pyside6-uic makes of ``ui_file``, with our header."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "form.py"
        subprocess.run(["pyside6-uic", str(ui_file), "-o", str(out)], check=True)
        return HEADER.format(name=ui_file.name) + out.read_text(encoding="utf-8")


def comparable(source: str) -> list[str]:
    """The lines that matter: without our header and the uic version/file-name lines."""
    skip = ("# generated — do not edit", "## Created by:", "## Form generated from reading UI file")
    return [line for line in source.splitlines() if not line.startswith(skip)]


def stale_forms() -> list[str]:
    stale = []
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target = target_for(ui_file)
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if comparable(current) != comparable(compile_form(ui_file)):
            stale.append(f"ui/{ui_file.name} → {target.relative_to(ROOT)}")
    return stale


def main(argv: list[str]) -> int:
    if "--check" in argv:
        stale = stale_forms()
        for line in stale:
            print(f"out of date: {line} (run python tools/build_forms.py)", file=sys.stderr)
        return 1 if stale else 0
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target_for(ui_file).write_text(compile_form(ui_file), encoding="utf-8")
        print(f"{ui_file.relative_to(ROOT)} → {target_for(ui_file).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
