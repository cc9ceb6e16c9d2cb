"""Accounts: the five-tries lockout, own password, an administrator's reset, leavers, auto-lock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from support import PASSWORD, T0

from firstask_desktop.domain.errors import NotAllowedError, RefusedError, ValidationError
from firstask_desktop.services import accounts
from firstask_desktop.services.station import authenticate
from firstask_desktop.store import db, lockout
from firstask_desktop.store.integrity import check_database
from firstask_desktop.store.models import AuditEvent, Staff
from firstask_desktop.store.storage import open_store


def _fail(name: str, times: int, at=T0) -> list[str]:
    messages = []
    for _ in range(times):
        with pytest.raises(NotAllowedError) as refused:
            authenticate(name, "wrong-password", now=at)
        messages.append(str(refused.value))
    return messages


def test_five_wrong_passwords_lock_for_ten_minutes(people):
    messages = _fail("李娜", 5)
    assert "再错4次" in messages[0] and "再错1次" in messages[3]
    assert "锁定10分钟" in messages[4]
    # Locked: even the right password is refused, saying how long is left.
    with pytest.raises(NotAllowedError, match="请 7 分钟后再试"):
        authenticate("李娜", PASSWORD, now=T0 + timedelta(minutes=3))
    with pytest.raises(NotAllowedError, match="请 1 分钟后再试"):
        authenticate("李娜", PASSWORD, now=T0 + timedelta(minutes=9, seconds=30))
    # Others are not affected.
    assert authenticate("张伟", PASSWORD, now=T0).name == "张伟"
    # Ten minutes later the right password works again and the count starts afresh.
    assert authenticate("李娜", PASSWORD, now=T0 + timedelta(minutes=10)).name == "李娜"
    assert "再错4次" in _fail("李娜", 1, T0 + timedelta(minutes=11))[0]


def test_a_right_password_resets_the_count(people):
    _fail("李娜", 4)
    authenticate("李娜", PASSWORD, now=T0)
    assert "再错4次" in _fail("李娜", 1)[0]


def test_the_lock_survives_closing_the_program(people, store):
    _fail("李娜", 5)
    db.close()
    open_store(store)
    with pytest.raises(NotAllowedError, match="已锁定"):
        authenticate("李娜", PASSWORD, now=T0 + timedelta(minutes=1))


def test_locking_is_in_the_audit_log_and_check_stays_clean(people):
    _fail("李娜", 5)
    event = AuditEvent.select().order_by(AuditEvent.seq.desc()).first()
    assert (event.action, event.actor) == ("lock_account", "李娜")
    li = Staff.get(Staff.name == "李娜")
    assert li.revision == 1  # a wrong password is not a change to the staff record
    assert check_database() == []


def test_an_unknown_name_says_nothing_more(people):
    with pytest.raises(NotAllowedError, match="^姓名或密码不正确，请重新输入。$"):
        authenticate("无名氏", "x")


def test_change_own_password(people):
    li = people["李娜"]
    with pytest.raises(NotAllowedError):
        accounts.change_password(li, "wrong-password", "newpass456", now=T0)
    with pytest.raises(ValidationError, match="不能与原密码相同"):
        accounts.change_password(li, PASSWORD, PASSWORD, now=T0)
    with pytest.raises(ValidationError, match="至少 6 位"):
        accounts.change_password(li, PASSWORD, "123", now=T0)
    accounts.change_password(li, PASSWORD, "newpass456", now=T0)
    assert authenticate("李娜", "newpass456").name == "李娜"
    with pytest.raises(NotAllowedError):
        authenticate("李娜", PASSWORD)
    event = AuditEvent.select().where(AuditEvent.action == "change_password").get()
    assert event.actor == "李娜" and PASSWORD not in (event.after or "")
    assert check_database() == []


def test_admin_resets_a_password_and_lifts_the_lock(people):
    _fail("李娜", 5)
    accounts.reset_password(people["管理员"], "李娜", "reset789", now=T0)
    assert authenticate("李娜", "reset789", now=T0 + timedelta(minutes=1)).name == "李娜"
    event = AuditEvent.select().where(AuditEvent.action == "reset_password").get()
    assert event.actor == "管理员"
    with pytest.raises(NotAllowedError, match="无权管理人员"):
        accounts.reset_password(people["王建国"], "李娜", "another1")
    assert check_database() == []


def test_deactivated_staff_cannot_log_in_but_their_entries_stay(people):
    from firstask_desktop.services import entries as svc

    entry = svc.register_entry(
        people["张伟"],
        channel="visit",
        category="consult",
        visitor="张三",
        phone="13812345678",
        matter="咨询",
        now=T0,
    )
    with pytest.raises(RefusedError, match=f"没有指定接手人：{entry.serial}"):
        accounts.deactivate_staff(people["管理员"], "张伟", now=T0)
    accounts.deactivate_staff(people["管理员"], "张伟", now=T0, owners={entry.serial: "李娜"})
    with pytest.raises(NotAllowedError):
        authenticate("张伟", PASSWORD)
    # The entry stays, handed on: its history keeps who held it before.
    stored = svc.get_entry(entry.serial)
    assert stored.responder.name == "李娜"
    assert stored.reassignments[0].from_staff.name == "张伟"
    with pytest.raises(RefusedError, match="不能停用自己"):
        accounts.deactivate_staff(people["管理员"], "管理员")
    assert check_database() == []


def test_an_administrator_always_remains(people):
    from firstask_desktop.services.station import add_staff

    add_staff(people["管理员"], name="副管理员", role="admin", password=PASSWORD, now=T0)
    deputy = Staff.get(Staff.name == "副管理员")
    accounts.deactivate_staff(deputy, "管理员", now=T0)
    with pytest.raises(RefusedError, match="另一位管理员"):  # the last one cannot stop themself
        accounts.deactivate_staff(deputy, "副管理员")
    assert Staff.get(Staff.name == "副管理员").active


def test_auto_lock_minutes_is_a_setting_of_the_admin(people):
    assert accounts.auto_lock_minutes() == 10
    accounts.set_auto_lock_minutes(people["管理员"], 5, now=T0)
    assert accounts.auto_lock_minutes() == 5
    with pytest.raises(ValidationError, match="自动锁屏时间"):
        accounts.set_auto_lock_minutes(people["管理员"], 0)
    with pytest.raises(NotAllowedError):
        accounts.set_auto_lock_minutes(people["李娜"], 30)
    assert check_database() == []


def test_lock_state_for_the_login_screen(people):
    assert accounts.lock_state("李娜", now=T0) == 0
    _fail("李娜", 5)
    assert accounts.lock_state("李娜", now=T0 + timedelta(minutes=4)) == 6
    assert accounts.lock_state("无名氏") == 0
    assert lockout.MAX_FAILED_LOGINS == 5 and lockout.LOCK_MINUTES == 10


def _cli(folder, *args, password=PASSWORD, new_password=None, monkeypatch, capsys):
    from firstask_desktop.cli.runner import run

    monkeypatch.setenv("FIRSTASK_PASSWORD", password)
    if new_password is not None:
        monkeypatch.setenv("FIRSTASK_NEW_PASSWORD", new_password)
    code = run(["--data-dir", str(folder), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_staff_commands_on_the_command_line(people, store, monkeypatch, capsys):
    db.close()

    def cli(*args, **kw):
        return _cli(store, *args, monkeypatch=monkeypatch, capsys=capsys, **kw)

    code, out, err = cli("--as", "李娜", "staff", "passwd", new_password="mine4567")
    assert code == 0 and "已修改" in out, err
    code, _, err = cli(
        "--as",
        "李娜",
        "entry",
        "add",
        "--channel",
        "来访",
        "--category",
        "咨询",
        "--visitor",
        "张三",
        "--matter",
        "x",
        "--result",
        "已答复",
        password="mine4567",
    )
    assert code == 0, err
    # Wrong passwords on the command line count too, and the fifth locks.
    for _ in range(4):
        assert (
            cli("--as", "张伟", "staff", "passwd", password="nope", new_password="x12345")[0] == 2
        )
    code, _, err = cli("--as", "张伟", "staff", "passwd", password="nope", new_password="x12345")
    assert code == 2 and "锁定10分钟" in err and err.count("\n") == 1
    code, out, err = cli(
        "--as", "管理员", "staff", "reset-password", "--name", "张伟", new_password="fresh789"
    )
    assert code == 0 and "锁定同时解除" in out, err
    code, _, err = cli(
        "--as",
        "张伟",
        "staff",
        "reset-password",
        "--name",
        "李娜",
        password="fresh789",
        new_password="hack1234",
    )
    assert code == 2 and "无权" in err
    code, out, err = cli("--as", "管理员", "staff", "deactivate", "--name", "张伟")
    assert code == 0, err
    code, _, err = cli(
        "--as", "张伟", "staff", "passwd", password="fresh789", new_password="again123"
    )
    assert code == 2 and "姓名或密码" in err
    assert cli("check")[0] == 0
