"""Who sees customers' personal data unmasked (保密), applied to what lists and exports show.

Rule (docs/permissions.md): roles with ``see_personal_data`` see everything; the first
responder (and whoever registered it) sees their own entry's details, to call the customer back;
everyone else, and anyone not logged in, sees 张*, 138****5678, the address up to the village and
户号 but for the last four digits. Phones and the visitor's name inside free text are hidden too.
"""

from __future__ import annotations

from firstask_desktop.domain import permissions
from firstask_desktop.domain.masking import mask_fields, mask_personal_text

FREE_TEXT_KEYS = ("unit", "matter", "result", "unresolved_reason", "reception_notes")
NESTED_KEYS = ("transfers", "supervisions", "follow_ups", "escalations")


def is_own(viewer, entry) -> bool:
    if viewer is None or not getattr(viewer, "active", False) or entry is None:
        return False
    return viewer.id in (entry.responder_id, getattr(entry, "created_by_id", None))


def may_see_personal_data(viewer, entry=None) -> bool:
    return permissions.can(viewer, "see_personal_data") or is_own(viewer, entry)


def mask_entry_dict(data: dict) -> dict:
    """A copy of ``queries.entry_to_dict(...)`` (or ``entry_details``) with personal data hidden."""
    visitor = data.get("visitor", "")
    # The list's columns are always there, masked even when empty; the rest when present.
    masked = mask_fields({"visitor": "", "phone": "", "address": ""} | data)
    for key in FREE_TEXT_KEYS:
        if data.get(key):
            masked[key] = mask_personal_text(data[key], visitor)
    for key in NESTED_KEYS:  # entry_details: transfers, follow-ups … with their notes
        if key in data:
            masked[key] = [
                {
                    k: mask_personal_text(v, visitor) if k in ("note", "reason") else v
                    for k, v in item.items()
                }
                for item in data[key]
            ]
    return masked


def entry_dict_for(viewer, entry, data: dict) -> dict:
    """``data`` (the dict of ``entry``) as ``viewer`` may see it."""
    return data if may_see_personal_data(viewer, entry) else mask_entry_dict(data)
