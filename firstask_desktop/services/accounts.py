"""Staff accounts: own password, an administrator's reset, leavers, the auto-lock setting.

Login itself (with the five-tries lockout) is ``station.authenticate``. Every change here is an
audit event; passwords are stored only as Argon2id hashes.
"""

from __future__ import annotations

from datetime import datetime

from firstask_desktop.domain import permissions
from firstask_desktop.domain.errors import RefusedError, ValidationError
from firstask_desktop.store import app_settings, db, lockout, passwords
from firstask_desktop.store.audit import save_audited
from firstask_desktop.store.models import Staff

from . import responsibility
from .station import authenticate, find_staff, require_station

AUTO_LOCK_RANGE = (1, 60)  # minutes


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).replace(microsecond=0)


def change_password(
    actor: Staff, old_password: str, new_password: str, now: datetime | None = None
) -> Staff:
    """A clerk changes their own password; the old one is asked again (and counts as a try)."""
    me = authenticate(actor.name, old_password, now=now)
    if old_password == new_password:
        raise ValidationError("password", "新密码不能与原密码相同，请换一个")
    me.password_hash = passwords.hash_password(new_password)
    with db.transaction():
        save_audited(me, actor=me, action="change_password", at=_now(now))
    return me


def reset_password(
    actor: Staff, name: str, new_password: str, now: datetime | None = None
) -> Staff:
    """An administrator sets a new password for someone (who forgot it, or is locked out)."""
    permissions.require(actor, "manage_staff")
    staff = find_staff(name)
    staff.password_hash = passwords.hash_password(new_password)
    staff.failed_logins, staff.locked_until = 0, None  # a reset also lifts a lock
    with db.transaction():
        save_audited(staff, actor=actor, action="reset_password", at=_now(now))
    return staff


def deactivate_staff(
    actor: Staff,
    name: str,
    now: datetime | None = None,
    *,
    owners: dict[str, str] | None = None,
    reason: str = "",
) -> Staff:
    """A leaver: the account can no longer log in; their history stays. Their open entries
    and the tier customers they manage are first handed to the colleagues ``owners`` names
    (responsibility.hand_over): a matter nobody holds could never be answered, and would go on
    producing breaches against someone who has left."""
    permissions.require(actor, "manage_staff")
    staff = find_staff(name)
    if staff.id == actor.id:
        # Only an administrator stops an account, never their own: one always remains.
        raise RefusedError("不能停用自己的账户：请由另一位管理员操作。")
    held = responsibility.held_by(staff)
    staff.active = False
    with db.transaction():
        if held["entries"] or held["customers"]:
            responsibility.hand_over(
                actor, staff, owners or {}, reason or f"{staff.name} 停用，移交", now=now
            )
        save_audited(staff, actor=actor, action="deactivate_staff", at=_now(now))
    return staff


def auto_lock_minutes() -> int:
    """Idle minutes before the window hides personal data behind the lock screen."""
    try:
        value = int(app_settings.get(app_settings.AUTO_LOCK_MINUTES))
    except ValueError:
        value = int(app_settings.DEFAULTS[app_settings.AUTO_LOCK_MINUTES])
    low, high = AUTO_LOCK_RANGE
    return min(max(value, low), high)


def set_auto_lock_minutes(actor: Staff, minutes: int, now: datetime | None = None) -> int:
    permissions.require(actor, "edit_settings")
    low, high = AUTO_LOCK_RANGE
    if not isinstance(minutes, int) or not low <= minutes <= high:
        raise ValidationError("auto_lock", f"应为 {low} 到 {high} 之间的整数（分钟）")
    app_settings.put(
        actor,
        app_settings.AUTO_LOCK_MINUTES,
        str(minutes),
        station=require_station().code,
        now=_now(now),
    )
    return minutes


def lock_state(name: str, now: datetime | None = None) -> int:
    """Minutes until ``name`` may try a password again (0: not locked), for the login screen."""
    try:
        staff = find_staff(name)
    except RefusedError:
        return 0
    return lockout.minutes_left(staff, now or datetime.now())
