"""The core's refusals in English: every message of the catalogue has its English, with a place
for each value, and real refusals come out in English with their values in place (issue 20:
"in English mode the errors stay Chinese")."""

from __future__ import annotations

import pytest
from support import T0

from firstask_desktop.domain.errors import NotAllowedError, RefusedError, ValidationError
from firstask_desktop.reports.refusal_catalogue import catalogue
from firstask_desktop.reports.refusal_language import GAP, english_pairs, refusal_in
from firstask_desktop.services import entries as svc


def test_every_message_of_the_catalogue_has_english_with_a_place_for_each_value():
    says, parts = english_pairs()
    english = dict(says)
    in_catalogue = catalogue().messages()
    missing = [zh for zh in in_catalogue if zh not in english]
    assert not missing, "messages with no English in resources/guide/refusals_en.toml:\n" + (
        "\n".join(missing)
    )
    stale = [zh for zh in english if zh not in in_catalogue]
    assert not stale, f"English for messages the catalogue no longer has: {stale}"
    assert len(says) == len(english), "a message given English twice"
    for zh, en in says + parts:
        # English, not the Chinese copied over (Chinese examples like 张伟2 may stay in it).
        assert en != zh and sum(c.isascii() and c.isalpha() for c in en) > len(en) / 3, en
        assert zh.count(GAP) == en.count(GAP), f"{zh!r} has {zh.count(GAP)} values, {en!r} not"


def _filled(template: str) -> str:
    """The template with the values V1, V2 … in its places."""
    pieces = template.split(GAP)
    return pieces[0] + "".join(f"V{i}{piece}" for i, piece in enumerate(pieces[1:], 1))


def test_every_message_with_its_values_comes_out_as_its_own_english():
    # No other template takes a message (a shorter one that would also match it), and the
    # values land in their places.
    for zh, en in english_pairs()[0]:
        english = _filled(en).strip()
        assert refusal_in(_filled(zh), "en") == english[:1].upper() + english[1:], zh


def test_chinese_stays_chinese_and_an_unknown_message_is_kept():
    message = "没有名为“赵六”的在岗人员：请检查姓名，或由管理员先添加该人员。"
    assert refusal_in(message, "zh_CN") == message
    assert refusal_in("一句没有人写过的话", "en") == "一句没有人写过的话"
    assert refusal_in(message, "en") == (
        "No active staff member named “赵六”: check the name, or ask an administrator to add "
        "this person first."
    )


def _register(people, who="李娜"):
    return svc.register_entry(
        people[who],
        channel="来信",
        category="业务办理",
        visitor="张三",
        phone="13812345678",
        matter="申请增容",
        received_at=T0,
        now=T0,
    )


def _refusal(call, *args, **kwargs) -> RefusedError:
    with pytest.raises(RefusedError) as refused:
        call(*args, **kwargs)
    return refused.value


def test_a_step_on_a_colleagues_entry_is_refused_in_english_naming_the_entry(people):
    entry = _register(people)
    error = _refusal(svc.reply_entry, people["张伟"], entry.serial, "已答复", now=T0)
    assert isinstance(error, NotAllowedError)
    english = refusal_in(str(error), "en")
    assert english.startswith(f"The first responder of {entry.serial} is 李娜: only that person")
    assert "may take this step" in english or "may change it" in english


def test_a_step_the_status_does_not_allow_is_refused_in_english_with_the_status(people):
    entry = _register(people)
    error = _refusal(svc.close_entry, people["李娜"], entry.serial, now=T0)
    english = refusal_in(str(error), "en")
    assert entry.serial in english and "已登记" in english  # the screens translate the word
    assert "is not possible now. Possible now:" in english
    # The screen's own words for the status and the steps, when it gives them.
    words = {"已登记": "Registered", "办结": "Closed"}.get
    english = refusal_in(str(error), "en", lambda w: words(w, w))
    assert f"{entry.serial} status is “Registered”: Closed is not possible now." in english


def test_a_void_without_the_heads_approval_says_why_in_english(people):
    from datetime import datetime

    entry = _register(people)
    late = datetime(2026, 3, 30, 9, 0)
    error = _refusal(svc.void_entry, people["李娜"], entry.serial, "客户不办了", now=late)
    english = refusal_in(str(error), "en")
    assert english.startswith(f"{entry.serial}: it is already late: ")
    assert "so voiding it needs the station head's approval" in english
    assert "--approver" in english and "须经" not in english


def test_a_password_rule_comes_out_in_english_after_the_fields_name(people):
    from firstask_desktop.services.accounts import reset_password

    error = _refusal(reset_password, people["管理员"], "李娜", "123456")
    assert isinstance(error, ValidationError)
    english = refusal_in(str(error), "en", {"密码": "password"}.get)
    assert english == (
        "Password: Not a run of digits or letters (like 123456, abcdef, qwerty): that is "
        "guessed at once. Please choose another"
    )


def test_a_role_refused_names_the_permission_in_english(people):
    from firstask_desktop.services.station import add_department

    error = _refusal(add_department, people["李娜"], name="抢修班")
    english = refusal_in(str(error), "en")
    assert english.startswith("营业员 may not manage departments: ask someone who may (")


def test_a_refused_sync_file_is_named_in_english(people, tmp_path):
    from firstask_desktop.sync.importing import import_file

    junk = tmp_path / "GS0101-000007.fasync"
    junk.write_bytes(b"not a sync file at all" * 10)
    error = _refusal(import_file, junk, actor=people["管理员"])
    english = refusal_in(str(error), "en")
    assert english.startswith("Sync file “GS0101-000007.fasync”")
    assert "refused, nothing was imported" in english and "已拒绝" not in english


def test_a_message_inside_a_message_is_translated_too():
    chain = (
        "同步文件“GS0101-000009.fasync”中第 12 号审计记录与前一条链接不上：已拒绝，未导入任何数据。"
        "供电所的审计记录不完整或被改动：请在该所运行 check 并联系县公司。"
    )
    assert refusal_in(chain, "en") == (
        "Sync file “GS0101-000009.fasync” has audit record number 12 that does not link to the "
        "one before: refused, nothing was imported. The station's audit records are incomplete "
        "or were changed: run check at that station and call the county office."
    )
    disk = (
        "备份到U盘失败：磁盘（或U盘）空间已满。原有数据没有改变，也没有留下半个文件；"
        "请删除不需要的文件或换一个有空间的位置后重试。"
    )
    assert refusal_in(disk, "en").startswith("Backing up to the USB stick failed: the disk")


def test_every_field_of_a_form_refused_at_once_is_one_english_line_each():
    lines = "事由：不能为空，请填写事由\n联系方式：手机号应为11位数字、以13～19开头（如 138 1234 5678），现在是5位"
    assert refusal_in(lines, "en").split("\n") == [
        "事由: Required: please fill in the 事由",
        "联系方式: A mobile number has 11 digits and starts with 13 to 19 (like 138 1234 5678); "
        "this has 5",
    ]


def test_a_long_value_full_of_the_messages_own_punctuation_is_translated_in_one_pass():
    # A forged station file's record names a uuid of the sender's choosing: here values made
    # of a message's own fixed pieces, over and over, and an ending that is not that message's.
    # A matcher that tried every way of cutting such a line took minutes at 2,000 characters
    # (the screen froze showing the refusal); here each piece is looked for once. The line is
    # 20,000 characters: this test would not finish before.
    template = "同步文件“…”中的 … 记录把“…”指向了供电所 … 的记录 …：已拒绝，未导入任何数据。"
    pieces = template.split(GAP)
    filler = "".join(pieces[1:-1]) * 200
    crafted = "同步文件“x" + "".join(f"{filler}{piece}" for piece in pieces[1:]) + "请核对"
    # Only the general sync refusal fits it: its values in their places, the rest unchanged.
    said = crafted[len("同步文件“x") :].split("：已拒绝，未导入任何数据。")[0]
    assert refusal_in(crafted, "en") == (
        f"Sync file “x{said[: said.index('”')]}”{said[said.index('”') + 1 :].strip()}"
        ": refused, nothing was imported. 请核对"
    )
