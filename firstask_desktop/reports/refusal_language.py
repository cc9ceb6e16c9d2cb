"""A refusal of the core in the user's language.

The core writes its refusals in Chinese, with the values (a serial number, a name, a status)
put into the sentence. ``resources/guide/refusals_en.toml`` holds the English of every message
of the refusal catalogue, with "…" where a value goes; a message is matched against the
catalogue's templates and its values are put into the English one. A value is itself looked up
(a part the app fills in, another message, then the screen's own words through ``word``), so
that "所长无权管理密钥" reads "Station head may not manage keys". A message that matches nothing
is returned as it is: a Chinese sentence is better than none.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from firstask_desktop.domain.errors import FIELD_LABELS
from firstask_desktop.store import config

ENGLISH_FILE = "refusals_en.toml"
GAP = "…"
# A value is looked up at most this deep (a message inside a message inside a message): the
# catalogue's nesting is two levels; the bound keeps a pathological value from recursing on.
DEPTH = 3
_FIELD_NAMES = frozenset(FIELD_LABELS.values())
# Lists the core joins (role names with 、, reasons with ；), joined the English way.
_JOINS = (("；", "; "), ("、", ", "))

Word = Callable[[str], str] | None


@dataclass(frozen=True)
class _Template:
    pieces: tuple[str, ...]  # the Chinese cut at its gaps: one more piece than values
    english: tuple[str, ...]  # the English cut at its gaps: one more piece than values

    def values(self, text: str) -> list[str] | None:
        """The values that make ``text`` this message, each as short as it can be from the
        left (what a lazy regular expression would take), or None. Each fixed piece is looked
        for once, left to right: a regular expression of several lazy gaps tries every way of
        cutting a text that does not match, and a long name typed with the pieces' characters
        in it (“：”, a space) took minutes; this takes one pass."""
        first, *middle, last = self.pieces
        end = len(text) - len(last)
        if end < len(first) or not text.startswith(first) or not text.endswith(last):
            return None
        values, start = [], len(first)
        for piece in middle:
            found = text.find(piece, start, end)
            if found < 0:
                return None
            values.append(text[start:found])
            start = found + len(piece)
        values.append(text[start:end])
        return values


@dataclass(frozen=True)
class _Table:
    exact: dict[str, str]  # messages and parts with no value
    templates: tuple[_Template, ...]  # the rest, the most specific first


def english_pairs() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The file's (Chinese, English) pairs: the catalogue's messages, then the parts."""
    path = config.resources_dir() / "guide" / ENGLISH_FILE
    with open(path, "rb") as handle:
        document = tomllib.load(handle)
    return (
        [(say["zh"], say["en"]) for say in document.get("say", [])],
        [(part["zh"], part["en"]) for part in document.get("part", [])],
    )


@cache
def _table() -> _Table:
    says, parts = english_pairs()
    exact: dict[str, str] = {}
    templates = []
    for zh, en in parts + says:  # a part wins over a message of the same text
        if GAP not in zh:
            exact.setdefault(zh, en)
            continue
        pieces = tuple(zh.split(GAP))
        literal = sum(len(piece) for piece in pieces)
        templates.append((literal, _Template(pieces, tuple(en.split(GAP)))))
    # The longest fixed text first: "同步文件“…”…：已拒绝…文件内容自相矛盾…" before the bare
    # "同步文件“…”…：已拒绝，未导入任何数据。…" that would also match it.
    templates.sort(key=lambda item: -item[0])
    return _Table(exact, tuple(template for _literal, template in templates))


def _matched(text: str, word: Word, depth: int) -> str | None:
    """``text`` in English when it is a message or a part of the file, else None."""
    table = _table()
    if text in table.exact:
        return table.exact[text]
    for template in table.templates:
        found = template.values(text)
        if found is None:
            continue
        english = [template.english[0]]
        for value, piece in zip(found, template.english[1:], strict=True):
            english.append(_value(value, word, depth + 1))
            english.append(piece)
        return "".join(english)
    return None


def _value(text: str, word: Word, depth: int) -> str:
    """A value put into a message: a part, a message, a word of the screens, a list of
    these, or itself (a name, a number, a file name)."""
    value = text.strip()
    if not value or depth > DEPTH:
        return value
    english = _matched(value, word, depth)
    if english is not None:
        return english
    if word is not None:
        said = word(value)
        if said != value:
            return said
    for mark, join in _JOINS:
        if mark in value:
            pieces = value.split(mark)
            english_pieces = [_value(piece, word, depth + 1) for piece in pieces]
            if english_pieces != pieces:
                return join.join(english_pieces)
    return value


def _line(line: str, word: Word) -> str:
    # A field's refusal reads "字段：message" (ValidationError): the field's name, then the
    # message; a whole-line template would swallow the name into its first value.
    head, colon, rest = line.partition("：")
    if colon and head in _FIELD_NAMES:
        english = _matched(rest, word, 0)
        if english is not None:
            name = _value(head, word, DEPTH)
            return f"{name[:1].upper() + name[1:]}: {english.strip()}"
    english = _matched(line, word, 0)
    if english is not None:
        english = english.strip()
        return english[:1].upper() + english[1:]
    if colon:
        english = _matched(rest, word, 0)  # a field the labels do not name
        if english is not None:
            return f"{head}: {english.strip()}"
    return line


def refusal_in(message: str, language: str, word: Word = None) -> str:
    """``message`` (a core refusal, one line a field) in ``language``; unchanged in Chinese or
    when the file has no English for it. ``word`` translates a single word of the screens (a
    field's name, a status, a role); without it such values stay as the core wrote them."""
    if language != "en" or not message:
        return message
    return "\n".join(_line(line, word) for line in message.split("\n"))
