"""Refresh the manual's pictures (resources/guide/screenshots/): the app's own screenshots, and
a demo station's receipt and wall card as printed (needs poppler's pdftoppm).

    python tools/guide_screenshots.py            # takes new screenshots (≈ 30 s), then copies
    python tools/guide_screenshots.py --from DIR # copies from an earlier `screenshots --out DIR`

The pictures are committed and bundled (the whole resources/ folder is), so the installed app
builds its manual without a display; run this after a screen changes and look at the manual.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources" / "guide" / "screenshots"
# The screenshots the chapters show (the file names without their running number).
USED = (
    "wizard-welcome",
    "wizard-station",
    "login",
    "welcome",
    "main-register",
    "main-todo",
    "main-todo-transfers",
    "main-follow_up",
    "main-customers",
    "main-stats",
    "main-sync",
    "main-settings",
    "settings-rules",
    "settings-holidays",
    "main-assess",
    "entry-form-empty",
    "entry-form-errors",
    "entry-detail-transferred",
    "dialog-transfer",
    "dialog-supervise",
    "dialog-reply",
    "dialog-unresolved",
    "dialog-follow_up",
    "lock-screen",
    "main-sync-county",
)
MAX_WIDTH = 1100  # sharp on paper at the manual's 17 cm column, a fraction of the bytes
# Printouts of the demo station, as the clerk holds them: (picture, the print command's args).
PRINTOUTS = (
    ("printed-receipt", ["print", "receipt", "{serial}"]),
    ("printed-card", ["print", "card"]),
)


def copy_from(folder: Path) -> list[Path]:
    TARGET.mkdir(parents=True, exist_ok=True)
    shots = {re.sub(r"^\d+-", "", p.stem): p for p in folder.glob("*.png")}
    missing = [name for name in USED if name not in shots]
    if missing:
        sys.exit(f"these screenshots were not taken: {', '.join(missing)}")
    return [_save(Image.open(shots[name]), name) for name in USED]


def printouts(folder: Path) -> list[Path]:
    """The receipt and the wall card of a demo station, rendered as the manual shows them."""
    import json
    import os

    env = dict(os.environ, FIRSTASK_PASSWORD="demo123")
    data = folder / "data"

    def cli(*args: str) -> str:
        command = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), *args]
        return subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout

    cli("demo", "--entries", "30", "--seed", "1")
    serial = json.loads(cli("--as", "李娜", "entry", "list", "--json"))[0]["serial"]
    written = []
    for name, args in PRINTOUTS:
        pdf = folder / f"{name}.pdf"
        cli("--as", "李娜", *[a.format(serial=serial) for a in args], "--out", str(pdf))
        prefix = folder / name
        subprocess.run(
            ["pdftoppm", "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile", pdf, prefix],
            check=True,
        )
        written.append(_save(Image.open(prefix.with_suffix(".png")), name))
    return written


def _save(image: Image.Image, name: str) -> Path:
    image = image.convert("RGB")
    if image.width > MAX_WIDTH:
        image = image.resize(
            (MAX_WIDTH, round(image.height * MAX_WIDTH / image.width)), Image.LANCZOS
        )
    target = TARGET / f"{name}.png"
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", help="a folder of `screenshots --out` PNGs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.source:
            written = copy_from(Path(args.source))
        else:
            command = [sys.executable, str(ROOT / "main.py"), "screenshots", "--out", tmp]
            subprocess.run(command, check=True)
            written = copy_from(Path(tmp))
        written += printouts(Path(tmp))
    total = sum(p.stat().st_size for p in written)
    print(f"{len(written)} pictures, {total // 1024} KB: {TARGET}")


if __name__ == "__main__":
    main()
