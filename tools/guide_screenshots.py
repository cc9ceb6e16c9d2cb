"""Refresh the manual's pictures (resources/guide/screenshots/) from the app's own screenshots.

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
    "receipt-preview",
    "dialog-follow_up",
    "lock-screen",
    "main-sync-county",
)
MAX_WIDTH = 1100  # sharp on paper at the manual's 17 cm column, a fraction of the bytes


def copy_from(folder: Path) -> list[Path]:
    TARGET.mkdir(parents=True, exist_ok=True)
    shots = {re.sub(r"^\d+-", "", p.stem): p for p in folder.glob("*.png")}
    missing = [name for name in USED if name not in shots]
    if missing:
        sys.exit(f"these screenshots were not taken: {', '.join(missing)}")
    written = []
    for name in USED:
        image = Image.open(shots[name]).convert("RGB")
        if image.width > MAX_WIDTH:
            image = image.resize(
                (MAX_WIDTH, round(image.height * MAX_WIDTH / image.width)), Image.LANCZOS
            )
        target = TARGET / f"{name}.png"
        image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)
        written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", help="a folder of `screenshots --out` PNGs")
    args = parser.parse_args()
    if args.source:
        written = copy_from(Path(args.source))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(
                [sys.executable, str(ROOT / "main.py"), "screenshots", "--out", tmp], check=True
            )
            written = copy_from(Path(tmp))
    total = sum(p.stat().st_size for p in written)
    print(f"{len(written)} pictures, {total // 1024} KB: {TARGET}")


if __name__ == "__main__":
    main()
