"""Names of 1 to 4 characters and 复姓, masked on their own and inside free text (保密).

Public printouts (the wall register, restricted exports) show the matter and the result as the
clerk typed them: the visitor's full name written there must not survive the mask.
"""

from __future__ import annotations

import pytest

from firstask_desktop.domain.masking import mask_name, mask_personal_text
from firstask_desktop.domain.visibility import mask_entry_dict

# name → how it is shown publicly, by hand
# fmt: off
NAMES = {
    "张": "*",
    "张三": "张*",
    "王建国": "王*",
    "爱新觉罗": "爱*",
    "欧阳": "欧*",        # two characters: 欧 + 阳, a compound surname needs a given name
    "欧阳娜": "欧阳*",
    "欧阳娜娜": "欧阳*",
    "司马相如": "司马*",
    "诸葛亮": "诸葛*",
    "上官婉儿": "上官*",
    "歐陽修": "歐陽*",
    "阿依古丽·买买提": "阿依古丽·*",
}
# fmt: on


@pytest.mark.parametrize("name, shown", NAMES.items())
def test_a_name_alone(name, shown):
    assert mask_name(name) == shown


@pytest.mark.parametrize("name, shown", [(n, s) for n, s in NAMES.items() if len(n) > 1])
def test_a_name_inside_free_text_is_hidden_everywhere_it_appears(name, shown):
    text = f"{name}来电反映电压低，已告知{name}，回电13912345678"
    masked = mask_personal_text(text, name)
    assert masked == f"{shown}来电反映电压低，已告知{shown}，回电139****5678"
    assert name not in masked


def test_a_one_character_name_is_not_searched_in_free_text():
    # 张 alone would hide every 张 of the text (张家村, 一张表): the name column shows *.
    assert mask_personal_text("张家村一张表", "张") == "张家村一张表"


@pytest.mark.parametrize("name", ["张三", "王建国", "欧阳娜娜", "司马相如"])
def test_the_public_register_hides_the_name_in_every_free_text(name):
    data = {
        "visitor": name,
        "phone": "13812345678",
        "address": "甘肃省榆中县城关镇李家村3组15号",
        "unit": f"{name}家",
        "matter": f"{name}反映电压低",
        "result": f"已电话告知{name}",
        "unresolved_reason": "",
        "reception_notes": f"{name}本人到场",
        "follow_ups": [{"note": f"回访{name}，满意", "at": "2026-03-10 09:00"}],
        "transfers": [{"note": f"请联系{name}", "department": "营业班"}],
    }
    masked = mask_entry_dict(data)
    shown = mask_name(name)
    assert masked["visitor"] == shown
    for key in ("unit", "matter", "result", "reception_notes"):
        assert name not in masked[key] and shown in masked[key], key
    assert masked["follow_ups"][0]["note"] == f"回访{shown}，满意"
    assert masked["transfers"][0]["note"] == f"请联系{shown}"
    assert masked["phone"] == "138****5678"
