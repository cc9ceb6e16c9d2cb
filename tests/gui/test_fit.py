"""Every window and dialog fits the screen of a station PC, on a real X server.

Offscreen, Qt gives a dialog whatever size it asks for and no screen to leave: the entry detail
of a transferred entry measured 1,319 px wide on a real 1366×768 screen while every offscreen
screenshot looked fine. So a child process (the screen size and the scale factor are fixed when
Qt starts) opens every window and dialog under Xvfb (fit_probe.py): at 1366×768 at 100 %, and
at 1920×1080 at 150 % (1280×720 logical); text sizes 中 and 大; Chinese and English; each role;
each status's step buttons, several transfers, a one-time notice, long texts. A window fails
when any part of it, its frame counted, lies outside the screen area left by the taskbar, or
when one of its buttons lies outside the window, or when a text that must be read whole is
cut: a label narrower than its text (a wrapped one lower than its lines), a button's text wider
than its contents, a tab title elided or behind the scroll arrows, a column header narrower than
its title, a navigation item's title wider than its cell ("Follow-…", "Assess…").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


@pytest.fixture(scope="module")
def xvfb_server():
    """Start an X server of the given size; stopped when the test ends."""
    started = []

    def start(size: str) -> str:
        read, write = os.pipe()
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        started.append(server)
        assert number, "Xvfb did not start (apt-get install xvfb)"
        return f":{number}"

    yield start
    for server in started:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize(
    ("screen", "scale"),
    [("1366x768", "1"), ("1920x1080", "1.5")],
    ids=["1366x768-100%", "1920x1080-150%"],
)
def test_every_window_fits_the_screen(xvfb_server, tmp_path, screen, scale):
    display = xvfb_server(screen)
    env = dict(os.environ)
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        QT_SCALE_FACTOR=scale,
        PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]),
    )
    env.pop("FIRSTASK_DATA_DIR", None)
    out = tmp_path / "fit.jsonl"
    shots = os.environ.get("FIRSTASK_FIT_SHOTS")  # a folder: keep a screenshot of each window
    args = [sys.executable, str(HERE / "fit_probe.py"), str(out)]
    if shots:
        args.append(str(Path(shots) / f"{screen}-{scale}"))
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stderr[-3000:]
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    names = {r["name"] for r in records}
    # The probe reached the windows this test is about (a silent early stop would pass).
    for expected in (
        "wizard-station-errors",
        "login",
        "welcome-李娜",
        "main-register-李娜",
        "main-assess-王建国",
        "settings-1-管理员",
        "entry-form-errors",
        "detail-transferred-李娜",
        "detail-transferred-王建国",
        "dialog-transfer",
        "dialog-edit",
        "dialog-breach-refused",
        "dialog-dismiss-refused",
        "dialog-keys",
        "lock-switch",
    ):
        assert expected in names
    assert {r["config"] for r in records} == {
        "zh_CN-medium",
        "zh_CN-large",
        "en-medium",
        "en-large",
    }
    outside = [f"{r['config']} {r['name']}: {r['outer']} not in {r['area']}" for r in records]
    outside = [line for line, r in zip(outside, records, strict=True) if not r["inside"]]
    cut = [f"{r['config']} {r['name']}: {r['cut']}" for r in records if r["cut"]]
    elided = [f"{r['config']} {r['name']}: {e}" for r in records for e in r["elided"]]
    assert outside == [] and cut == [] and elided == []
