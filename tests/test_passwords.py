"""Passwords anyone would guess first are refused, with the reason, wherever one is set: a new
account, a change, a reset (the GUI's dialogs and the command line call the same core)."""

import pytest
from support import PASSWORD, T0

from firstask_desktop.demo.demo_data import DEMO_PASSWORD
from firstask_desktop.domain.errors import ValidationError
from firstask_desktop.services.accounts import change_password, reset_password
from firstask_desktop.services.station import add_staff
from firstask_desktop.store.passwords import check_new_password

GUESSED = [
    ("123456", "连续"),
    ("654321", "连续"),
    ("abcdef", "连续"),
    ("qwerty", "连续"),
    ("aaaaaa", "重复"),
    ("121212", "重复"),
    ("      ", "空格"),
    ("password", "常见"),
    ("Password1", "常见"),
    ("woaini1314", "常见"),
    ("1qaz2wsx", "常见"),
]


@pytest.mark.parametrize("typed, why", GUESSED, ids=[g[0].strip() or "spaces" for g in GUESSED])
def test_a_guessable_password_is_refused_everywhere_with_the_reason(people, typed, why):
    admin, clerk = people["管理员"], people["李娜"]
    attempts = [
        lambda: add_staff(admin, name="新人", role="clerk", password=typed, now=T0),
        lambda: change_password(clerk, PASSWORD, typed),
        lambda: reset_password(admin, "张伟", typed),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert why in str(refused.value) and "密码" in str(refused.value)


@pytest.mark.parametrize("typed", [PASSWORD, DEMO_PASSWORD, "城关所2026", "x12345", "Lz-8k!2q"])
def test_ordinary_passwords_are_taken(typed):
    check_new_password(typed)  # the demo's and the tests' passwords included


def test_the_command_line_says_why(tmp_path, monkeypatch, capsys):
    from firstask_desktop.cli.runner import run

    folder = tmp_path / "data"
    monkeypatch.setenv("FIRSTASK_PASSWORD", "123456")
    code = run(
        ["--data-dir", str(folder), "init", "--station-code", "GS0101"]
        + ["--station-name", "城关供电所", "--admin", "管理员"]
    )
    err = capsys.readouterr().err
    assert code == 2 and "连续的数字或字母" in err and err.count("\n") == 1
