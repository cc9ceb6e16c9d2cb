"""The steps of the 首问负责制 on an entry, one table for the command line and the GUI.

Each step is the status machine's action name (``domain/status_machine.py``) and the service
that does it, called as ``run_step(actor, action, serial, **fields)`` with the step's own
fields by name (a note, a result, a reason, the transfer's department, …). The CLI's command
names and help texts and the GUI's dialogs are presentation; what a step does is here, once.
Which steps a person may take on an entry now, and why not the others, is
``available_steps`` (services/step_rules.py): the screens offer what it allows, and each
service refuses by the same check.
"""

from __future__ import annotations

from collections.abc import Callable

from firstask_desktop.services import entries, entry_edits
from firstask_desktop.services.step_rules import available_steps

__all__ = ["STEPS", "available_steps", "run_step"]


def _contact(actor, serial: str, note: str = ""):
    return entries.record_contact(actor, serial, note)


def _supervise(actor, serial: str, note: str = "", transfer: str = ""):
    return entries.record_supervision(actor, serial, note, transfer=transfer)


def _finish_transfer(actor, serial: str, note: str = "", transfer: str = ""):
    return entries.finish_transfer(actor, serial, note, transfer=transfer)


def _withdraw_transfer(actor, serial: str, reason: str = "", transfer: str = ""):
    return entries.withdraw_transfer(actor, serial, reason, transfer=transfer)


def _reply(actor, serial: str, result: str = ""):
    return entries.reply_entry(actor, serial, result)


def _unresolved(actor, serial: str, reason: str = ""):
    return entries.mark_unresolved(actor, serial, reason)


def _void(actor, serial: str, reason: str = ""):
    return entries.void_entry(actor, serial, reason)


def _duplicate(actor, serial: str, original: str = ""):
    return entries.link_duplicate(actor, serial, original)


STEPS: dict[str, Callable] = {
    "start": entries.start_entry,
    "contact": _contact,
    "transfer": entries.transfer_entry,  # department, note, to_staff, due_at
    "supervise": _supervise,
    "finish_transfer": _finish_transfer,  # note, transfer (its uuid: which one)
    "withdraw_transfer": _withdraw_transfer,  # reason, transfer
    "reply": _reply,
    "unresolved": _unresolved,
    "follow_up": entries.record_follow_up,  # method, outcome, satisfaction, note
    "close": entries.close_entry,
    "void": _void,
    "duplicate": _duplicate,
    "edit": entry_edits.edit_entry,  # only the fields changed
}


def run_step(actor, action: str, serial: str, **fields):
    """Do one step on the entry ``serial``; what it returns is the service's own result."""
    return STEPS[action](actor, serial, **fields)
