"""修改登记: correcting what was registered (a misheard name, a wrong phone digit).

Before the customer is answered, the first responder (or the head / administrator) corrects their
own entry. Once answered, the entry is evidence of what was promised, so only roles with
``edit_after_reply`` may change it (permissions.py). Every change is an audit event whose
``before`` keeps the old values; a voided entry is never edited. Channel, category and times are
not editable here: they decide the deadlines, and a wrong one is voided and registered again.
"""

from __future__ import annotations

from datetime import datetime

from firstask_desktop.domain import permissions, status_machine
from firstask_desktop.domain.errors import NotAllowedError, RefusedError, ValidationError
from firstask_desktop.domain.search_text import pinyin_initials
from firstask_desktop.domain.validation import (
    clean_text,
    normalise_account_no,
    normalise_name,
    normalise_phone,
    phone_problem,
)
from firstask_desktop.store import db
from firstask_desktop.store.audit import save_audited
from firstask_desktop.store.models import Entry, Staff

from . import step_rules
from .entries import MATTER_MAX, NOTE_MAX, RESULT_MAX, get_entry

EDITABLE = (
    "visitor",
    "unit",
    "address",
    "phone",
    "account_no",
    "matter",
    "reception_notes",
    "result",
)


def _clean(field: str, value: str, phone_unverified: bool = False) -> str:
    if field == "visitor":
        return normalise_name(value, "visitor")
    if field == "unit":
        return clean_text(value, "unit", max_len=100, multiline=False)
    if field == "address":
        return clean_text(value, "address", max_len=200, multiline=False)
    if field == "phone":
        if not (value or "").strip():
            return ""
        return normalise_phone(value, allow_unverified=phone_unverified)
    if field == "account_no":
        return normalise_account_no(value)
    if field == "matter":
        return clean_text(value, "matter", max_len=MATTER_MAX, required=True)
    if field == "result":
        return clean_text(value, "result", max_len=RESULT_MAX, required=True)
    return clean_text(value, field, max_len=NOTE_MAX)


def may_edit(actor: Staff, entry: Entry) -> bool:
    """Whether ``actor`` may edit ``entry`` now (step_rules: the rule ``edit_entry`` refuses by)."""
    return actor is not None and step_rules.refusal(actor, entry, "edit") is None


def amend_notice(
    actor: Staff,
    serial: str,
    documents: list[str],
    reason: str,
    now: datetime | None = None,
) -> Entry:
    """Change the one-time notice list after registration (a document overlooked, or one the
    customer already brought): audited with the reason; the notice is then printed again."""
    import json

    from .entries import missing_documents_list

    entry = get_entry(serial)
    if entry.status in ("void", "closed"):
        raise RefusedError(
            f"{entry.serial} 已{'作废' if entry.status == 'void' else '办结'}，不能再修改一次性告知清单。"
        )
    if actor.id != entry.responder_id and not permissions.can(actor, "act_for_others"):
        raise NotAllowedError(
            f"{entry.serial} 的首问责任人是 {entry.responder.name}：只有本人或所长、管理员可以修改"
            "一次性告知清单。"
        )
    reason = clean_text(reason, "reason", max_len=NOTE_MAX, required=True)
    docs = missing_documents_list(documents)
    if not docs:
        raise ValidationError("missing_documents", "请至少列出一项需要补交的材料")
    text = json.dumps(docs, ensure_ascii=False)
    if text == entry.missing_documents:
        return entry
    now = (now or datetime.now()).replace(microsecond=0)
    entry.missing_documents = text
    entry.reception_notes = (
        entry.reception_notes + "\n" if entry.reception_notes else ""
    ) + f"{now:%m-%d %H:%M} 修改一次性告知清单：{reason}"
    with db.transaction():
        save_audited(entry, actor=actor, action="amend_notice", at=now)
    return entry


def edit_entry(
    actor: Staff,
    serial: str,
    now: datetime | None = None,
    *,
    phone_unverified: bool = False,
    **changes: str,
) -> Entry:
    """Change some of EDITABLE; returns the entry (unchanged, and no event, if nothing differs).

    ``phone_unverified``: keep a new phone libphonenumber's data does not know (the clerk
    checked it), marked 号码未经核实, as ``register_entry`` does.
    """
    entry = get_entry(serial)
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise RefusedError(
            f"不能在这里修改：{'、'.join(unknown)}。渠道、类别和时间填错的登记请作废后重新登记。"
        )
    step_rules.require(actor, entry, "edit")
    if entry.status in status_machine.ALLOWED_FROM["edit"] and "result" in changes:
        raise RefusedError("还没有答复客户的登记不能修改办理结果：请用“答复客户”记录结果。")
    cleaned = {field: _clean(field, value, phone_unverified) for field, value in changes.items()}
    if "phone" in cleaned and not cleaned["phone"] and not entry.result:
        raise ValidationError("phone", "还没有答复的事项必须留有联系电话，以便告知办理结果和回访")
    changed = {f: v for f, v in cleaned.items() if getattr(entry, f) != v}
    if not changed:
        return entry
    for field, value in changed.items():
        setattr(entry, field, value)
    if "phone" in changed:
        entry.phone_unverified = bool(entry.phone) and bool(phone_problem(entry.phone))
    if "visitor" in changed or "unit" in changed:
        entry.search_initials = pinyin_initials(entry.visitor, entry.unit)
    with db.transaction():
        save_audited(
            entry, actor=actor, action="edit", at=(now or datetime.now()).replace(microsecond=0)
        )
    return entry
