"""Screenshots of the setup wizard as a clerk sees it, from the real setup under Wine and Xvfb.

    python installer/wizard_screenshots.py [--setup FirstAsk-Setup-x.exe] [--out DIR]

Without --setup it compiles one from a small fake bundle. The wizard runs in a Wine desktop
window on a private Xvfb screen (Wine then manages focus itself: no window manager needed);
xdotool presses the keys a clerk would (Enter = the default button), ImageMagick's ``import``
saves each page. The dialog font is the app's own WenQuanYi Micro Hei, standing in for
Windows' Microsoft YaHei UI (named in installer/ChineseSimplified.isl): Wine has no CJK font.
Needs: Wine, Xvfb, xdotool, imagemagick. Writes docs/screenshots/installer/ by default.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

INSTALLER = Path(__file__).resolve().parent
ROOT = INSTALLER.parent
_spec = importlib.util.spec_from_file_location("setup_wine", INSTALLER / "setup_wine.py")
setup_wine = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(setup_wine)

FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
SUBSTITUTED = ("Microsoft YaHei UI", "Segoe UI", "Tahoma", "MS Shell Dlg", "MS Shell Dlg 2")
SCREEN = "800x600"
# (file name, keys pressed after the shot). The first dialog is the install mode (for me /
# for all users); the modern wizard then shows folder, tasks, ready, and after the copy, finish.
PAGES = (
    ("1-install-mode.png", ["Return"]),
    ("2-folder.png", ["Return"]),
    ("3-tasks.png", ["Return"]),
    ("4-ready.png", ["Return"]),
    ("5-finish.png", ["space", "Return"]),  # untick "start now" (a fake bundle), then finish
)


def chinese_font(wine: setup_wine.Wine) -> None:
    fonts = wine.drive_c / "windows" / "Fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FONT, fonts / FONT.name)
    key = r"HKLM\Software\Microsoft\Windows NT\CurrentVersion\FontSubstitutes"
    for name in SUBSTITUTED:
        wine.run("reg", "add", key, "/v", name, "/d", "WenQuanYi Micro Hei", "/f", check=True)
        wine.run(
            "reg", "add", key, "/v", name, "/d", "WenQuanYi Micro Hei", "/f", "/reg:64", check=True
        )
    wine.wait()


def shoot(display: str, out: Path) -> None:
    subprocess.run(
        ["import", "-display", display, "-window", "root", str(out)], check=True, timeout=60
    )


def keys(display: str, names: list[str]) -> None:
    for name in names:
        subprocess.run(
            ["xdotool", "key", "--delay", "200", name],
            env={"DISPLAY": display, "PATH": "/usr/bin:/bin"},
            check=True,
            timeout=30,
        )
        time.sleep(1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--setup", type=Path, help="a compiled setup (default: a fake bundle's)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "installer")
    parser.add_argument("--wait", type=float, default=6.0, help="seconds for a page to appear")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="firstask-shots-") as temp_name:
        temp = Path(temp_name)
        with setup_wine.virtual_display(f"{SCREEN}x24") as display:
            wine = setup_wine.Wine(temp / "prefix", display=display)
            try:
                wine.boot()
                chinese_font(wine)
                setup = args.setup
                if setup is None:
                    bundle = temp / "bundle"
                    (bundle / "_internal").mkdir(parents=True)
                    (bundle / "FirstAsk.exe").write_text("FirstAsk")
                    (bundle / "_internal" / "python311.dll").write_text("python")
                    setup = setup_wine.compile_setup(wine, bundle, temp / "dist", temp / "script")
                log = temp / "setup.log"
                wizard = subprocess.Popen(
                    [
                        "wine",
                        "explorer",
                        f"/desktop=setup,{SCREEN}",
                        setup_wine.windows_path(setup),
                        f"/LOG={setup_wine.windows_path(log)}",
                    ],
                    env=wine.env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                for name, pressed in PAGES:
                    time.sleep(args.wait)
                    shoot(display, args.out / name)
                    print(args.out / name)
                    keys(display, pressed)
                wizard.wait(timeout=120)
                print(log.read_text(encoding="utf-8-sig")[-1500:])
            finally:
                wine.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
