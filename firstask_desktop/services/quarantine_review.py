"""What a person sees of the records a sync import set aside (隔离记录), to decide on each.

A quarantined record is a station's version of a record that clashes with the stored one (same
revision, other content; a serial number taken; a parent itself quarantined: docs/sync-format.md).
Here it becomes plain data for a screen: which station and table, the 受理编号 or name a person
recognises, and both versions field by field with Chinese labels and the differing fields
marked. Customers' personal data is masked as in the register (保密) for whoever may not see
it; the comparison is made before masking, so a difference hidden by the mask is still marked.

Deciding is ``county.resolve_quarantined`` (audited; ``export_import`` only).
"""

from __future__ import annotations

import json

from firstask_desktop.domain import permissions
from firstask_desktop.domain.deadlines import CLOCK_LABELS, UNIT_LABELS
from firstask_desktop.domain.errors import FIELD_LABELS
from firstask_desktop.domain.masking import (
    mask_fields,
    mask_name,
    mask_personal_text,
)
from firstask_desktop.domain.visibility import mask_entry_dict
from firstask_desktop.domain.vocab import (
    AREAS,
    CATEGORIES,
    CHANNELS,
    FOLLOW_UP_METHODS,
    FOLLOW_UP_OUTCOMES,
    MODES,
    ROLES,
    SATISFACTION,
    STATUSES,
    TIERS,
)
from firstask_desktop.services.assessment import RULES, STATES, yuan
from firstask_desktop.store.audit import TABLE_LABELS as AUDIT_TABLE_LABELS
from firstask_desktop.store.models import (
    Customer,
    Department,
    Entry,
    QuarantinedRecord,
    Staff,
    Station,
    Transfer,
)

from ..sync.records import SPEC_BY_NAME
from .county import quarantined_record, quarantined_records

AUDIT_TABLE = "audit_event"
# The assessment tables travel too; the audit log's labels predate them.
TABLE_LABELS = AUDIT_TABLE_LABELS | {
    "clause": "考核条款",
    "violation": "考核记录",
    "reassignment": "改派",
    "appeal": "申诉",
}
LIST_LIMIT = 500  # a screenful of work; a damaged file can set aside thousands of audit events

# A field whose meaning depends on its table: the FIELD_LABELS key it means there.
_FIELD_MEANING = {
    ("station", "code"): "station_code",
    ("station", "name"): "station_name",
    ("department", "name"): "department_name",
    ("deadline_rule", "unit"): "time_unit",
    ("clause", "amount_fen"): "fine",
    ("violation", "amount_fen"): "fine",
    ("reassignment", "to_staff"): "new_responder",
    ("reassignment", "from_staff"): "from_staff",
    ("attachment", "kind"): "attachment_kind",
}
# Fields holding a code of a closed vocabulary: shown as its label.
_VOCABULARIES = {
    "channel": CHANNELS,
    "category": CATEGORIES,
    "status": STATUSES,
    "previous_status": STATUSES,
    "tier": TIERS,
    "role": ROLES,
    "method": FOLLOW_UP_METHODS,
    "outcome": FOLLOW_UP_OUTCOMES,
    "satisfaction": SATISFACTION,
    "area": AREAS | {"*": "—"},
    "mode": MODES,
    "clock": CLOCK_LABELS,
    ("deadline_rule", "unit"): UNIT_LABELS,
    ("violation", "state"): STATES,
    ("violation", "rule"): {code: label for code, (_clause, label) in RULES.items()},
}
_BOOLEAN_LABELS = {True: "是", False: "否"}
# Free text of an entry's steps, which may quote the customer (masked with the entry's visitor).
_STEP_TEXTS = ("note", "reason", "evidence", "dismiss_reason")
# An audit event's snapshots carry every field of the record: hidden whole, not masked.
_AUDIT_SNAPSHOTS = ("before", "after")
# An entry's pinyin initials spell the visitor's name (fxl for 冯小林): hidden with it.
_ENTRY_HIDDEN = ("search_initials",)
_BOOKKEEPING = frozenset({"uuid", "station", "revision", "created_at", "updated_at"})


def pending_count() -> int:
    """How many quarantined records wait for a person (the 同步 page's line)."""
    return QuarantinedRecord.select().where(QuarantinedRecord.resolved_at.is_null()).count()


def table_label(table: str) -> str:
    return TABLE_LABELS.get(table, table)


def field_label(table: str, name: str) -> str:
    key = _FIELD_MEANING.get((table, name), name)
    return FIELD_LABELS.get(key, name)


def review_list(viewer, include_resolved: bool = False, limit: int = LIST_LIMIT) -> dict:
    """The quarantined records as ``viewer`` may see them, oldest first, with whether they may
    decide (``export_import``). ``total`` counts them all when more than ``limit`` wait."""
    found = quarantined_records(include_resolved)
    rows = found[:limit]
    see = permissions.can(viewer, "see_personal_data")
    serials = _entry_serials({r["incoming"].get("entry") for r in rows} - {None})
    names = _station_names()
    return {
        "records": [_summary(r, see, serials, names) for r in rows],
        "total": len(found),
        "may_resolve": permissions.can(viewer, "export_import"),
        "masked": not see,
    }


def records_as_seen(viewer, include_resolved: bool = False) -> list[dict]:
    """``county.quarantined_records`` (the command line's ``sync quarantine``) with both versions
    masked as ``viewer`` may see them; a value withheld entirely reads 保密."""
    see = permissions.can(viewer, "see_personal_data")

    def plain(table: str, data: dict | None) -> dict | None:
        if data is None:
            return None
        shown = _masked(table, data, see)
        return {k: "（保密）" if v is _HIDDEN else v for k, v in shown.items()}

    return [
        r
        | {
            "incoming": plain(r["table"], r["incoming"]),
            "existing": plain(r["table"], r["existing"]),
        }
        for r in quarantined_records(include_resolved)
    ]


def review_record(viewer, record_id: int) -> dict:
    """One quarantined record with both versions field by field (``fields``: label, the stored
    and the incoming text, whether they differ), as ``viewer`` may see it."""
    record = quarantined_record(record_id)
    see = permissions.can(viewer, "see_personal_data")
    table, incoming, existing = record["table"], record["incoming"], record["existing"]
    serials = _entry_serials({incoming.get("entry")} - {None})
    found = _summary(record, see, serials, _station_names())
    refs = _references(table, [incoming, existing], see)
    shown_in = _masked(table, incoming, see)
    shown_ex = _masked(table, existing, see) if existing is not None else None
    fields = []
    for name in _field_names(table, incoming, existing):
        new = incoming.get(name)
        old = existing.get(name) if existing is not None else None
        kind, new_text = _display(table, name, shown_in.get(name), refs)
        _kind, old_text = (
            _display(table, name, shown_ex.get(name), refs) if shown_ex is not None else ("", "")
        )
        fields.append(
            {
                "field": name,
                "label": field_label(table, name),
                "existing": old_text,
                "incoming": new_text,
                "kind": kind,
                "differs": existing is not None and _normal(old) != _normal(new),
            }
        )
    # What differs first: a person compares those; then the record's own fields; the
    # bookkeeping every record has (uuid, revision, timestamps) last.
    fields.sort(key=lambda f: (not f["differs"], f["field"] in _BOOKKEEPING))
    found.update(
        fields=fields,
        differing=[f["label"] for f in fields if f["differs"]],
        has_existing=existing is not None,
        may_take_incoming=table in SPEC_BY_NAME,  # the county keeps its copy of audit events
        may_resolve=permissions.can(viewer, "export_import"),
        masked=not see,
    )
    return found


# --- pieces ----------------------------------------------------------------------------------


def _summary(record: dict, see: bool, serials: dict, names: dict) -> dict:
    return {
        "id": record["id"],
        "station": record["station"],
        "station_name": names.get(record["station"], ""),
        "table": record["table"],
        "table_label": table_label(record["table"]),
        "label": _record_label(record, see, serials),
        "revision": record["revision"],
        "reason": record["reason"],
        "at": record["at"],
        "resolved_at": record["resolved_at"],
        "resolved_by": record["resolved_by"],
        "resolution": record["resolution"],
    }


def _record_label(record: dict, see: bool, serials: dict) -> str:
    """What a person recognises the record by: a 受理编号, a name, a clause, an event number."""
    table, data = record["table"], record["incoming"]
    if table == "entry":
        return data.get("serial", "")
    if table == "customer":
        name = data.get("name", "")
        return name if see else mask_name(name)
    if table in ("staff", "department", "station"):
        return data.get("name", "")
    if table == "clause":
        return f"§{data.get('code', '')}"
    if table == AUDIT_TABLE:
        return f"#{data.get('seq', record['revision'])}"
    if data.get("entry"):
        return serials.get(data["entry"], "")
    return ""


def _field_names(table: str, incoming: dict, existing: dict | None) -> list[str]:
    spec = SPEC_BY_NAME.get(table)
    names = [f.name for f in spec.fields] if spec is not None else list(incoming)
    extra = [n for n in list(incoming) + list(existing or {}) if n not in names]
    return names + list(dict.fromkeys(extra))


def _normal(value):
    """Values as compared: a datetime written with a T or a space is the same moment."""
    if isinstance(value, str) and len(value) >= 19 and value[10:11] == "T":
        return value[:10] + " " + value[11:]
    return value


def _masked(table: str, data: dict, see: bool) -> dict:
    if see:
        return data
    if table == "entry":
        masked = mask_entry_dict(data)
        return masked | {k: _HIDDEN for k in _ENTRY_HIDDEN if masked.get(k)}
    if table == "customer":
        return mask_fields(data)  # a customer record (an entry's: mask_entry_dict)
    if table == AUDIT_TABLE:
        return {k: _HIDDEN if k in _AUDIT_SNAPSHOTS and v else v for k, v in data.items()}
    if data.get("entry"):
        visitor = _visitor(data["entry"])
        return {
            k: mask_personal_text(v, visitor) if k in _STEP_TEXTS and isinstance(v, str) else v
            for k, v in data.items()
        }
    return data


class _Hidden:
    """Stands for a value the viewer may not see at all."""


_HIDDEN = _Hidden()


def _display(table: str, name: str, value, refs: dict) -> tuple[str, str]:
    """(kind, text): ``vocab`` texts are labels of a vocabulary (translated on screen),
    ``hidden`` stands for a value withheld (保密), ``text`` is shown as it is."""
    if value is _HIDDEN:
        return "hidden", ""
    if value is None or value == "":
        return "text", ""
    if name in refs.get("_fields", ()):
        return "text", refs.get(value, value)
    vocabulary = _VOCABULARIES.get((table, name)) or _VOCABULARIES.get(name)
    if vocabulary is not None:
        return "vocab", vocabulary.get(value, value)
    if isinstance(value, bool):
        return "vocab", _BOOLEAN_LABELS[value]
    if name == "amount_fen" and isinstance(value, int):
        return "text", yuan(value)
    if name == "missing_documents" and isinstance(value, str):
        try:
            items = json.loads(value)
        except ValueError:
            return "text", value
        return "text", "、".join(str(i) for i in items) if isinstance(items, list) else value
    if isinstance(value, str):
        return "text", _normal(value) if name.endswith("_at") or name == "at" else value
    return "text", str(value)


def _references(table: str, versions: list[dict | None], see: bool) -> dict:
    """uuid → what a person recognises, for each reference of the record (a name, a serial);
    ``_fields`` lists the reference fields."""
    spec = SPEC_BY_NAME.get(table)
    if spec is None:
        return {"_fields": ()}
    refs: dict = {"_fields": tuple(fk.name for fk in spec.foreign_keys)}
    for fk in spec.foreign_keys:
        uuids = {v.get(fk.name) for v in versions if v is not None} - {None}
        if uuids:
            refs.update(_labels_of(fk.rel_model, uuids, see))
    return refs


def _labels_of(model, uuids: set[str], see: bool) -> dict[str, str]:
    wanted = sorted(uuids)
    if model is Transfer:  # a transfer is known by its entry and when it was made
        rows = Transfer.select(Transfer, Entry).join(Entry).where(Transfer.uuid.in_(wanted))
        return {t.uuid: f"{t.entry.serial} · {t.transferred_at:%Y-%m-%d %H:%M}" for t in rows}
    rows = model.select().where(model.uuid.in_(wanted))
    if model is Entry:
        return {e.uuid: e.serial for e in rows}
    if model is Customer:
        return {c.uuid: c.name if see else mask_name(c.name) for c in rows}
    if model in (Staff, Department, Station):
        return {r.uuid: r.name for r in rows}
    if hasattr(model, "code"):  # an assessment clause
        return {r.uuid: f"§{r.code} {getattr(r, 'title', '')}".strip() for r in rows}
    return {}


def _entry_serials(uuids: set[str]) -> dict[str, str]:
    if not uuids:
        return {}
    query = Entry.select(Entry.uuid, Entry.serial).where(Entry.uuid.in_(sorted(uuids)))
    return dict(query.tuples())


def _visitor(entry_uuid: str) -> str:
    row = Entry.select(Entry.visitor).where(Entry.uuid == entry_uuid).first()
    return row.visitor if row is not None else ""


def _station_names() -> dict[str, str]:
    return dict(Station.select(Station.code, Station.name).tuples())
