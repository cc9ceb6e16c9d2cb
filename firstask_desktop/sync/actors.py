"""Who does a sync step, and whether their role allows it.

The GUI passes the logged-in staff member, whose role must allow the step (permissions.py:
``export_import`` for sync files, ``manage_keys`` for accepting a key). The command line without
``--as`` passes a plain label naming the operating-system account: whoever can run it can read
the data folder and its keys anyway.
"""

from __future__ import annotations

from firstask_desktop.domain import permissions
from firstask_desktop.store.models import Staff


def authorise(actor, permission: str, default: str = "命令行") -> str:
    """The name to record for ``actor`` (refused if a staff member's role does not allow it)."""
    if isinstance(actor, Staff):
        permissions.require(actor, permission)
        return actor.name[:50]
    return (str(actor) if actor else default)[:50]
