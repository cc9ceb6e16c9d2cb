"""A station's file may carry only text a clerk could have typed: for every code point, the
county's check refuses exactly the control characters (Unicode's Cc; line breaks and tabs kept
in a text box), the lone surrogates (Cs) and the direction controls, as the window refuses them
when typed."""

from __future__ import annotations

import sys
import unicodedata

from firstask_desktop.domain.validation import BIDI_CONTROLS
from firstask_desktop.sync.incoming import text_problem
from firstask_desktop.sync.records import SPEC_BY_NAME

ENTRY = SPEC_BY_NAME["entry"]


def refused(ch: str, multiline: bool) -> bool:
    category = unicodedata.category(ch)
    if category == "Cc":
        return not (multiline and ch in "\n\t")
    return category == "Cs" or ch in BIDI_CONTROLS


def test_every_code_point_is_judged_as_unicode_classes_it():
    # Every Cc, Cs and direction control lies in the first plane; beyond it, a sample.
    astral = (0x10000, 0x1F600, 0x20000, 0xE0001, 0xF0000, sys.maxunicode)
    wrong = []
    for code in [*range(0x10000), *astral]:
        ch = chr(code)
        for field, multiline in (("visitor", False), ("matter", True)):
            problem = text_problem(ENTRY, {field: f"张{ch}三"})
            if (problem is not None) != refused(ch, multiline):
                wrong.append((field, f"U+{code:04X}", problem))
    assert wrong == []


def test_the_first_hidden_character_is_named_with_its_kind():
    assert text_problem(ENTRY, {"matter": "退费\u202e元\x07"}) == (
        "字段“事由”含有改变文字方向的隐藏字符 U+202E"
    )
    assert text_problem(ENTRY, {"matter": "第一行\n\t第二行\x1b[31m"}) == (
        "字段“事由”含有控制字符 U+001B"
    )
    assert text_problem(ENTRY, {"visitor": "张\n三"}) == "字段“来访人姓名”含有控制字符 U+000A"
