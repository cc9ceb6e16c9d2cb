"""What an imported record must satisfy besides its types: the checks a clerk's input passes.

A file signed with a real key is still only as honest as the PC that wrote it: a copy of a data
folder signs whatever it is given. So every record taken in (a station's file at the county, the
county's package at a station) passes the same character checks as typed input (no control
characters, no bidi overrides that reorder what the county's Excel and PDFs print), its coded
fields must be words of the closed vocabularies, and a station's file may only carry what that
station owns: its serial numbers, and references only to its own records.
"""

from __future__ import annotations

import re

from peewee import TextField

from firstask_desktop.domain import vocab
from firstask_desktop.domain.errors import FIELD_LABELS
from firstask_desktop.domain.validation import BIDI_CONTROLS

# (table, field) → the words it may hold (None allowed where the column is nullable).
VOCABULARIES: dict[tuple[str, str], frozenset[str]] = {
    ("entry", "channel"): frozenset(vocab.CHANNELS),
    ("entry", "category"): frozenset(vocab.CATEGORIES),
    ("entry", "status"): frozenset(vocab.STATUSES),
    ("void", "previous_status"): frozenset(vocab.STATUSES),
    ("staff", "role"): frozenset(vocab.ROLES),
    ("customer", "tier"): frozenset(vocab.TIERS),
    ("station", "area"): frozenset(vocab.AREAS),
    ("station", "mode"): frozenset(vocab.MODES),
    ("follow_up", "method"): frozenset(vocab.FOLLOW_UP_METHODS),
    ("follow_up", "outcome"): frozenset(vocab.FOLLOW_UP_OUTCOMES),
    ("follow_up", "satisfaction"): frozenset(vocab.SATISFACTION),
    ("violation", "state"): frozenset(vocab.VIOLATION_STATES),
    ("attachment", "kind"): frozenset(vocab.ATTACHMENT_KINDS),
    ("attachment", "media_type"): frozenset({"image/jpeg", "application/pdf"}),
}


# (table, field) → the form its text must have, and what it is called when it has not. An
# attachment's hash names its file in the data folder: anything but 64 hex digits (a path,
# capitals) would point outside the store or at nothing.
FORMATS: dict[tuple[str, str], tuple[re.Pattern, str]] = {
    ("attachment", "sha256"): (re.compile(r"[0-9a-f]{64}"), "文件的 SHA-256 校验值"),
}


# What no clerk types: control characters (Unicode's Cc: U+0000–001F, U+007F–009F; a text box
# keeps its line breaks and tabs), lone surrogates (Cs) and the direction controls. One regular
# expression per kind of field instead of a category lookup per character: a station's month
# is some 40,000 records of free text.
_NOT_TYPED = r"\x7f-\x9f\ud800-\udfff" + "".join(f"\\u{ord(c):04x}" for c in sorted(BIDI_CONTROLS))
_HIDDEN = re.compile(r"[\x00-\x1f" + _NOT_TYPED + "]")
_HIDDEN_MULTILINE = re.compile(r"[\x00-\x08\x0b-\x1f" + _NOT_TYPED + "]")


def _label(name: str) -> str:
    return FIELD_LABELS.get(name, name)


def text_problem(spec, values: dict) -> str | None:
    """The first field whose text or code a clerk could not have typed, as a Chinese phrase."""
    for f in spec.fields:
        value = values.get(f.name)
        if not isinstance(value, str):
            continue
        hidden = (_HIDDEN_MULTILINE if isinstance(f, TextField) else _HIDDEN).search(value)
        if hidden is not None:
            ch = hidden.group()
            if ch in BIDI_CONTROLS:
                return f"字段“{_label(f.name)}”含有改变文字方向的隐藏字符 U+{ord(ch):04X}"
            return f"字段“{_label(f.name)}”含有控制字符 U+{ord(ch):04X}"
        words = VOCABULARIES.get((spec.name, f.name))
        if words is not None and value not in words:
            return f"字段“{_label(f.name)}”的值“{value[:16]}”不是程序认识的选项"
        form = FORMATS.get((spec.name, f.name))
        if form is not None and not form[0].fullmatch(value):
            return f"字段“{_label(f.name)}”的值“{value[:16]}”不是{form[1]}"
    return None


def serial_problem(spec, values: dict, station: str) -> str | None:
    """A station numbers only its own matters: ``<station>-<year>-<5 digits>``."""
    serial = values.get("serial") if spec.name == "entry" else None
    if serial is not None and not serial.startswith(f"{station}-"):
        return f"受理编号 {serial[:32]} 不是供电所 {station} 的编号"
    return None
