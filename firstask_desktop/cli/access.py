"""Who may run which command: one rule for every door of the command line.

Every command runs as a logged-in person (``--as`` and the password), allowed by the same
permission table as the GUI (domain/permissions.py). The exceptions are few and named here:
``--help``, ``init`` (there is nobody yet), ``check`` and ``verify-receipt`` (they read no
personal data), ``demo`` on an empty data folder (nothing to protect yet) and ``screenshots``
(it builds its own demo folder and never opens the data folder). A command missing from
``COMMANDS`` is refused: a new command states who may run it before anyone can (a test walks
the parser and fails for one that does not). docs/permissions.md lists the same table.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from firstask_desktop.domain import permissions
from firstask_desktop.domain.errors import NotAllowedError

ANYONE = None  # any active, logged-in staff member; the services and masking do the rest

# Commands that need no login (documented in docs/permissions.md and README).
NO_LOGIN = frozenset({"init", "check", "verify-receipt", "demo", "screenshots"})
# ``demo`` needs none only while the data folder is empty; it is refused on a station anyway.
NO_LOGIN_WHEN_EMPTY = frozenset({"demo"})

COMMANDS: dict[str, str | None] = {
    "staff add": "manage_staff",
    "staff list": ANYONE,
    "staff passwd": ANYONE,
    "staff reset-password": "manage_staff",
    "staff deactivate": "manage_staff",
    "department add": "manage_departments",
    "department list": ANYONE,
    "entry add": "register",
    "entry list": ANYONE,  # masked for who may not see personal data, search included
    "entry show": ANYONE,
    "entry transfer": "register",
    "entry supervise": "register",
    "entry finish-transfer": "register",
    "entry withdraw-transfer": "register",
    "entry contact": "register",
    "entry start": "register",
    "entry reply": "register",
    "entry unresolved": "register",
    "entry follow-up": "register",
    "entry close": "register",
    "entry void": "void",  # an overdue or someone else's entry: also the head's approval (core)
    "entry reassign": "reassign",
    "entry decide": "decide_escalation",
    # The entry's own responder or transfer recipient, or act_for_others: checked in the core.
    "entry amend-notice": "register",
    "entry accept-transfer": "register",
    "entry return-transfer": "register",
    # Who may edit the entry, checked in the core; a 客户证件 is listed without its name, and
    # opened, only for who sees the customer unmasked.
    "entry attach": "register",
    "entry attachments": ANYONE,
    "entry detach": "register",
    # Receipts, notices and supervision slips carry the customer's full details: the command
    # also checks that the person may see them (their own entry, or see_personal_data).
    "print receipt": "register",
    "print notice": "register",
    "print supervision": "register",
    "print register": ANYONE,  # the wall register is masked for everyone
    "print stats": ANYONE,
    "print overview": ANYONE,  # figures per station, no customer
    "print overdue": ANYONE,  # customers masked, as on the statistics' overdue list
    "print assessment": ANYONE,
    "assess scan": ANYONE,
    "assess confirm": "assess",
    "assess dismiss": "assess",
    "assess record": "record_breach",
    "assess appeal": ANYONE,  # one's own confirmed breach only (the core refuses others')
    "assess appeals": "assess",  # everyone's appeals and reasons: for who decides on breaches
    "assess decide-appeal": "decide_appeal",
    "print bulletin": "assess",
    "print guide": ANYONE,  # the manual and the wall card carry no personal data
    "print card": ANYONE,  # a 通报 names the person: printed by who confirms breaches
    "export excel": "export_import",
    "backup now": "backup",
    "backup list": "backup",  # on a damaged register: file names only, no login (as restore)
    "backup open": "backup",  # decrypts a station's sealed backup: a login, always
    "backup to": "backup",
    "backup restore": "backup",  # on a damaged register nobody can log in: no login then
    "sync export": "export_import",
    "sync import": "export_import",
    "sync package": "export_import",
    "sync status": ANYONE,
    "sync verify": "export_import",
    "sync quarantine": "export_import",
    "sync resolve": "export_import",
    "keys export": ANYONE,  # a public key: nothing secret, but still someone who logged in
    "keys import": "manage_keys",
    "keys revoke": "manage_keys",
    "keys list": ANYONE,
    "holidays list": ANYONE,
    "holidays show": ANYONE,
    "holidays preview": ANYONE,
    "holidays set": "edit_rules",
    "holidays import": "edit_rules",
    "holidays export": "edit_rules",
    "demo": ANYONE,  # on a folder that has a station (then refused: the demo needs an empty one)
}


def leaf_commands(parser: argparse.ArgumentParser, path: str = "") -> Iterator[tuple[str, object]]:
    """Every runnable command of ``parser`` as (path, its parser): ``entry add``, ``check``…"""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        if path:
            yield path, parser
        return
    for action in subs:
        for name, sub in action.choices.items():
            yield from leaf_commands(sub, f"{path} {name}".strip())


def stamp_paths(parser: argparse.ArgumentParser) -> None:
    """Let each command know its own path (``args.command_path``) once parsed."""
    for path, sub in leaf_commands(parser):
        sub.set_defaults(command_path=path)


def needs_login(path: str, station_exists: bool) -> bool:
    if path in NO_LOGIN_WHEN_EMPTY:
        return station_exists
    return path not in NO_LOGIN


def check_allowed(path: str, staff) -> None:
    """Refuse ``staff`` (logged in) a command the table does not allow them."""
    if path not in COMMANDS:
        raise NotAllowedError(f"命令“{path}”尚未规定谁可以使用，暂不能运行：请联系县公司。")
    permission = COMMANDS[path]
    if permission is None:
        if staff is None or not staff.active:
            raise NotAllowedError("该账户已停用，不能使用本程序：请联系管理员。")
        return
    permissions.require(staff, permission)
