"""Size of the one-folder bundle and its time from launch to a usable window, against a bare
PySide6 window measured in the same run.

    python bench/bundle_bench.py [--bundle DIR] [--runs 5] [--entries 1000]

Without ``--bundle`` it builds one first with installer/build-linux.sh (which also runs the
self-check). "Usable window" means: the process started, opened a data folder with a demo
station, built the main window as after a login, showed it (offscreen) and the register page
finished loading its rows (``--measure-startup`` prints ``window-ready`` then). Timed from
``Popen`` to that line, so the bootloader and Python's own start are included (a one-folder
bundle unpacks nothing; Windows' virus scanner, which looks at every DLL, is not here).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MB = 150
READY = "window-ready"

# The baseline: the least a PySide6 program does before its window is usable.
BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("首问登记")
label.resize(1366, 700)
label.show()
app.processEvents()
print("window-ready", flush=True)
"""


def offscreen_env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "FIRSTASK_DATA_DIR", "PYTHONPATH")
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def folder_mib(folder: Path) -> float:
    return (
        sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
        / 2**20
    )


def biggest_parts(bundle: Path, count: int = 8) -> list[tuple[str, float]]:
    """The largest files and first-level folders inside ``_internal``."""
    internal = bundle / "_internal"
    parts = []
    for child in internal.iterdir():
        if child.is_symlink():  # Linux: a link to a library counted where it lives
            continue
        size = folder_mib(child) if child.is_dir() else child.stat().st_size / 2**20
        parts.append((child.name, size))
    for big in ("PySide6/Qt/lib", "PySide6"):
        folder = internal / big
        if folder.is_dir():
            for item in folder.iterdir():
                if item.is_file() and item.stat().st_size > 4 * 2**20:
                    parts.append((f"{big}/{item.name}", item.stat().st_size / 2**20))
    return sorted(parts, key=lambda p: -p[1])[:count]


def linux_only_mib(bundle: Path) -> float:
    """What a Windows bundle does not carry: Qt's own ICU (Windows has icu.dll) and the system
    libraries PyInstaller copies on Linux (X11, glib, OpenSSL...; Windows has its own)."""
    internal = bundle / "_internal"
    files = [p for p in internal.glob("lib*.so*") if not p.name.startswith("libpython")]
    files += list((internal / "PySide6" / "Qt" / "lib").glob("libicu*"))
    return sum(p.stat().st_size for p in files if p.is_file() and not p.is_symlink()) / 2**20


def time_to_ready(command: list[str], cwd: Path) -> float:
    """Seconds from starting ``command`` until it prints ``window-ready``."""
    started = time.perf_counter()
    with subprocess.Popen(
        command,
        cwd=cwd,
        env=offscreen_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    ) as proc:
        for line in proc.stdout:
            if line.strip() == READY:
                elapsed = time.perf_counter() - started
                break
        else:
            raise SystemExit(f"{command[0]} never printed {READY}: {proc.stderr.read()}")
        proc.stdout.read()
        if proc.wait(timeout=120) != 0:
            raise SystemExit(f"{command} failed: {proc.stderr.read()}")
    return elapsed


def build_bundle(dist: Path) -> tuple[Path, float]:
    started = time.perf_counter()
    subprocess.run([str(ROOT / "installer" / "build-linux.sh"), "--dist", str(dist)], check=True)
    return dist / "FirstAsk", time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, help="an existing dist/FirstAsk folder")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--entries", type=int, default=1000, help="demo entries in the data")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="firstask-bundle-bench-") as tmp:
        tmp = Path(tmp)
        built = None
        bundle = args.bundle
        if bundle is None:
            bundle, built = build_bundle(tmp / "dist")
        program = bundle / ("FirstAsk.exe" if os.name == "nt" else "FirstAsk")
        data = tmp / "数据"
        # The data folder is made by the bundle itself (its CLI), as a station would have it.
        subprocess.run(
            [
                str(program),
                "--data-dir",
                str(data),
                "demo",
                "--entries",
                str(args.entries),
                "--seed",
                "1",
            ],
            check=True,
            env=offscreen_env(),
            capture_output=True,
        )
        contenders = {
            "bare PySide6 window (python -c)": [sys.executable, "-c", BARE_WINDOW],
            "FirstAsk from source (python main.py)": [
                sys.executable,
                str(ROOT / "main.py"),
                "--measure-startup",
                "--data-dir",
                str(data),
            ],
            "FirstAsk bundle": [str(program), "--measure-startup", "--data-dir", str(data)],
        }
        times: dict[str, list[float]] = {name: [] for name in contenders}
        for command in contenders.values():  # one warm-up each: disk cache, .pyc files
            time_to_ready(command, tmp)
        for _ in range(args.runs):  # turn about, so a busy moment hits all alike
            for name, command in contenders.items():
                times[name].append(time_to_ready(command, tmp))

        size = folder_mib(bundle)
        print(
            f"bundle {bundle}: {size:.0f} MiB (target < {TARGET_MB} MB)"
            + (f", built and self-checked in {built:.0f} s" if built else "")
        )
        if sys.platform.startswith("linux"):
            print(
                f"  of which {linux_only_mib(bundle):.0f} MiB only on Linux (ICU, system libraries)"
            )
        for name, mib in biggest_parts(bundle):
            print(f"  {mib:6.1f} MiB  {name}")
        print(f"launch → usable window, {args.runs} runs, {args.entries} demo entries, offscreen:")
        base = statistics.median(times["bare PySide6 window (python -c)"])
        for name, values in times.items():
            median = statistics.median(values)
            print(
                f"  {name:40s} median {median:5.2f} s  min {min(values):5.2f} s  "
                f"({median / base:.1f}× bare window)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
