"""Login lockout: five wrong passwords in a row lock an account for ten minutes.

Several clerks share one PC, so guessing a colleague's password must be slow. The count and the
lock time live on the staff row (``failed_logins``, ``locked_until``) but outside its audited
content: a wrong password is not a change to the record. Locking itself is written to the audit
log (an event whose before and after are equal), so the head can see that it happened.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from firstask_desktop.domain.errors import NotAllowedError
from firstask_desktop.store import db
from firstask_desktop.store.audit import append_event, snapshot
from firstask_desktop.store.models import Staff

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 10


def minutes_left(staff: Staff, now: datetime) -> int:
    """Whole minutes (rounded up) until ``staff`` may try again; 0 when not locked."""
    if staff.locked_until is None or staff.locked_until <= now:
        return 0
    return max(1, math.ceil((staff.locked_until - now).total_seconds() / 60))


def refuse_if_locked(staff: Staff, now: datetime) -> None:
    left = minutes_left(staff, now)
    if left:
        raise NotAllowedError(
            f"“{staff.name}”的账户因连续输错密码{MAX_FAILED_LOGINS}次已锁定，"
            f"请 {left} 分钟后再试；急用请由管理员重置密码。"
        )


def record_failure(staff: Staff, now: datetime) -> int:
    """Count one wrong password; lock at the fifth. Returns the tries left before the lock."""
    with db.transaction():
        # Re-read inside the write lock: two windows failing at once must both count.
        current = Staff.get_by_id(staff.id)
        failed = current.failed_logins + 1
        locked_until = None
        if failed >= MAX_FAILED_LOGINS:
            locked_until = now + timedelta(minutes=LOCK_MINUTES)
            failed = 0
            append_event(
                station=current.station,
                actor=current,
                action="lock_account",
                record=current,
                before=snapshot(current),
                at=now,
            )
        Staff.update(failed_logins=failed, locked_until=locked_until).where(
            Staff.id == staff.id
        ).execute()
    staff.failed_logins, staff.locked_until = failed, locked_until
    return 0 if locked_until else MAX_FAILED_LOGINS - failed


def clear(staff: Staff) -> None:
    """A right password (or an administrator's reset) starts the count again."""
    if staff.failed_logins or staff.locked_until is not None:
        with db.transaction():
            Staff.update(failed_logins=0, locked_until=None).where(Staff.id == staff.id).execute()
        staff.failed_logins, staff.locked_until = 0, None
