"""What the clerk types: accepted forms come back canonical, refusals say why in Chinese."""

import re

import pytest

from firstask_desktop.domain.errors import ValidationError
from firstask_desktop.domain.validation import (
    UnverifiedPhoneError,
    clean_text,
    normalise_account_no,
    normalise_name,
    normalise_phone,
    phone_kind,
    phone_problem,
)

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def refused(func, *args, field, **kwargs) -> ValidationError:
    """Call ``func`` expecting a refusal on ``field`` with a Chinese message; return the error."""
    with pytest.raises(ValidationError) as info:
        func(*args, **kwargs)
    assert info.value.field == field
    assert CHINESE.search(str(info.value))
    return info.value


# --- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("张三", "张三"),
        ("  张三\u3000", "张三"),
        ("\t李四\n", "李四"),
        ("John   Smith", "John Smith"),
        ("John\u3000Smith", "John Smith"),
        ("阿依古丽·买买提", "阿依古丽·买买提"),
        ("阿依古丽.买买提", "阿依古丽·买买提"),
        ("阿依古丽•买买提", "阿依古丽·买买提"),
        ("阿依古丽・买买提", "阿依古丽·买买提"),
        ("阿依古丽．买买提", "阿依古丽·买买提"),
        ("阿依古丽‧买买提", "阿依古丽·买买提"),
        ("阿依古丽⋅买买提", "阿依古丽·买买提"),
        ("阿依古丽･买买提", "阿依古丽·买买提"),
        ("阿依古丽∙买买提", "阿依古丽·买买提"),
        ("阿依古丽\u0387买买提", "阿依古丽·买买提"),
        ("阿依古丽。买买提", "阿依古丽·买买提"),
        ("阿依古丽 · 买买提", "阿依古丽·买买提"),
        ("𠮷祥", "𠮷祥"),
        ("𪚥", "𪚥"),
        ("O’Brien", "O'Brien"),
        ("Jean-Luc", "Jean-Luc"),
        ("Ｊｏｈｎ", "John"),
        ("李〇", "李〇"),
        ("张", "张"),
    ],
)
def test_name_is_normalised(typed, stored):
    assert normalise_name(typed) == stored


def test_name_of_fifty_rare_characters_is_accepted():
    # 𠮷 is two UTF-16 units but one character for the clerk.
    assert normalise_name("𠮷" * 50) == "𠮷" * 50


def test_name_of_fifty_one_rare_characters_is_refused():
    error = refused(normalise_name, "𠮷" * 51, field="visitor")
    assert "50" in str(error) and "51" in str(error)


def test_name_of_fifty_one_plain_characters_is_refused():
    refused(normalise_name, "张" * 51, field="visitor")


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "\u3000",
        "张\x00三",
        "张\x07三",
        "张\x1f三",
        "张\u202e三",
        "张\u2066三",
        "张\u200f三",
        "张\u200b三",
        "张\u200d三",
        "13812345678",
        "12345",
        "张3",
        "---",
        "'",
        "·",
        "·张三",
        "张三·",
        "阿依古丽··买买提",
        "张三😀",
        "张三!",
        "张三@",
        "<script>",
    ],
)
def test_bad_name_is_refused(typed):
    refused(normalise_name, typed, field="visitor")


def test_name_refusal_uses_the_given_field():
    assert "首问责任人" in str(refused(normalise_name, "", "responder", field="responder"))


def test_name_refusal_names_the_bad_character():
    assert "😀" in str(refused(normalise_name, "张三😀", field="visitor"))


def test_name_refusal_points_at_the_invisible_character():
    error = refused(normalise_name, "张\u202e三", field="visitor")
    assert "U+202E" in str(error) and "第2个字" in str(error)


def test_digits_only_name_suggests_the_phone_field():
    assert "联系方式" in str(refused(normalise_name, "13812345678", field="visitor"))


# --- phones ------------------------------------------------------------------------------------

MOBILE = "13812345678"


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("13812345678", MOBILE),
        ("138 1234 5678", MOBILE),
        ("138-1234-5678", MOBILE),
        ("+86 138 1234 5678", MOBILE),
        ("+8613812345678", MOBILE),
        ("0086 13812345678", MOBILE),
        ("86-13812345678", MOBILE),
        ("8613812345678", MOBILE),
        ("１３８１２３４５６７８", MOBILE),
        ("１３８－１２３４－５６７８", MOBILE),
        ("＋８６ １３８ １２３４ ５６７８", MOBILE),
        (" 138 1234 5678 ", MOBILE),
        ("19912345678", "19912345678"),
        ("0931-8123456", "0931-8123456"),
        ("09318123456", "0931-8123456"),
        ("(0931)8123456", "0931-8123456"),
        ("（0931）8123456", "0931-8123456"),
        ("0931 8123456", "0931-8123456"),
        ("0931－8123456", "0931-8123456"),
        ("010-12345678", "010-12345678"),
        ("010-6512-3456", "010-65123456"),
        ("020 1234 5678", "020-12345678"),
        ("0931 522 1234", "0931-5221234"),
        ("0931-8123456转123", "0931-8123456转123"),
        ("0931-8123456 转 123", "0931-8123456转123"),
        ("0931-8123456分机123", "0931-8123456转123"),
        ("0931-8123456-123", "0931-8123456转123"),
        ("0931-8123456 ext 123", "0931-8123456转123"),
        ("0931-8123456 EXT. 123", "0931-8123456转123"),
        ("+86 931 8123456", "0931-8123456"),
        ("+86 (0)931 8123456", "0931-8123456"),
        ("0086 10 12345678", "010-12345678"),
        ("95598", "95598"),
        ("12398", "12398"),
        ("10086", "10086"),
        ("９５５９８", "95598"),
        ("400-123-4567", "4001234567"),
        ("4001234567", "4001234567"),
        ("400 123 4567", "4001234567"),
    ],
)
def test_phone_is_canonical(typed, canonical):
    assert normalise_phone(typed) == canonical


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "8123456",
        "81234567",
        "abc",
        "138abc45678",
        "1381234567",
        "138123456789",
        "12812345678",
        "0931-812345",
        "0200-123456",
        "0290-123456",
        "0931-812345678",
        "+1 650 123 4567",
        "13812345678转12",
        "95598转1",
        "138 1234 5678 / 139 1234 5678",
        "13812345678，13912345678",
        "138-1234-5678+",
        "1234",
        "\u202e13812345678",
    ],
)
def test_bad_phone_is_refused(typed):
    refused(normalise_phone, typed, field="phone")


# Numbers the hand-written rules took and libphonenumber's data does not know: each is refused
# with what is wrong, and kept exactly as typed (spacing aside) when the clerk insists.
@pytest.mark.parametrize(
    ("typed", "kept", "says"),
    [
        ("0300-1234567", "0300-1234567", "区号“0300”不存在"),
        ("0500-1234567", "0500-1234567", "区号“0500”不存在"),
        ("0600-1234567", "0600-1234567", "区号“0600”不存在"),
        ("0700-1234567", "0700-1234567", "区号“0700”不存在"),
        ("0900-1234567", "0900-1234567", "区号“0900”不存在"),
        ("0131-8123456", "0131-8123456", "区号“0131”不存在"),
        ("010-8123456", "010-8123456", "应为8位，现在是7位"),
        ("0931-81234567", "0931-81234567", "应为7位，现在是8位"),
        ("140 1234 5678", "14012345678", "“140”不是在用的手机号段"),
        ("141 1234 5678", "14112345678", "“141”不是在用的手机号段"),
        ("144 1234 5678", "14412345678", "“144”不是在用的手机号段"),
        ("146 1234 5678", "14612345678", "“146”不是在用的手机号段"),
        ("148 1234 5678", "14812345678", "“148”不是在用的手机号段"),
        ("149 1234 5678", "14912345678", "“149”不是在用的手机号段"),
        ("154 1234 5678", "15412345678", "“154”不是在用的手机号段"),
        ("174 1234 5678", "17412345678", "“174”不是在用的手机号段"),
        ("179 1234 5678", "17912345678", "“179”不是在用的手机号段"),
    ],
)
def test_a_number_that_does_not_exist_is_refused_unless_the_clerk_insists(typed, kept, says):
    error = refused(normalise_phone, typed, field="phone")
    assert isinstance(error, UnverifiedPhoneError) and error.canonical == kept
    assert says in str(error) and "号码未经核实" in str(error)
    assert normalise_phone(typed, allow_unverified=True) == kept
    assert says in phone_problem(kept)


@pytest.mark.parametrize("typed", ["0200-123456", "0290-123456"])
def test_the_digits_typed_are_never_moved_across_the_area_code(typed):
    """The old rules stored 0200-123456 as 020-0123456: another customer's number."""
    message = str(refused(normalise_phone, typed, field="phone"))
    assert "7到8位" in message
    with pytest.raises(ValidationError):
        normalise_phone(typed, allow_unverified=True)


@pytest.mark.parametrize(
    "canonical", ["13812345678", "0931-8123456", "010-65123456", "95598", "12345", "12398"]
)
def test_numbers_libphonenumber_knows_have_no_problem(canonical):
    assert phone_problem(canonical) == ""


def test_local_number_without_area_code_asks_for_it():
    assert "区号" in str(refused(normalise_phone, "8123456", field="phone"))


def test_letters_in_phone_show_every_accepted_form():
    message = str(refused(normalise_phone, "abc", field="phone"))
    for example in ("138 1234 5678", "0931-8123456", "转123", "95598", "400-123-4567"):
        assert example in message


def test_hidden_character_in_phone_is_named_not_printed():
    # Printing U+202E inside the message would reverse the rest of the message on screen.
    message = str(refused(normalise_phone, "\u202e13812345678", field="phone"))
    assert "U+202E" in message and "\u202e" not in message


def test_short_mobile_says_eleven_digits_and_how_many_were_typed():
    message = str(refused(normalise_phone, "138 1234 567", field="phone"))
    assert "11位" in message and "10位" in message


def test_phone_refusal_uses_the_given_field():
    refused(normalise_phone, "abc", "wo_number", field="wo_number")


@pytest.mark.parametrize(
    ("canonical", "kind"),
    [
        ("13812345678", "mobile"),
        ("0931-8123456", "landline"),
        ("010-12345678", "landline"),
        ("0931-8123456转123", "landline"),
        ("95598", "service"),
        ("12398", "service"),
        ("4001234567", "service"),
    ],
)
def test_phone_kind(canonical, kind):
    assert phone_kind(canonical) == kind


@pytest.mark.parametrize("typed", ["138 1234 5678", "（0931）8123456", "400-123-4567", "12398"])
def test_every_canonical_phone_has_a_kind(typed):
    assert phone_kind(normalise_phone(typed)) in {"mobile", "landline", "service"}


@pytest.mark.parametrize("text", ["138 1234 5678", "8123456", "", "0931 8123456"])
def test_phone_kind_refuses_what_is_not_canonical(text):
    refused(phone_kind, text, field="phone")


# --- free text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  电表不走字  ", "电表不走字"),
        ("\u3000电表不走字\n\n", "电表不走字"),
        ("第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行"),
        ("第一行\n\t缩进", "第一行\n\t缩进"),
        ("电表坏了😀", "电表坏了😀"),
        ("家里👨\u200d👩\u200d👧停电", "家里👨\u200d👩\u200d👧停电"),
        ("❤\ufe0f谢谢", "❤\ufe0f谢谢"),
        ("Robert'); DROP TABLE entry;--", "Robert'); DROP TABLE entry;--"),
        ("SELECT * FROM staff WHERE 1=1", "SELECT * FROM staff WHERE 1=1"),
        ("电费%s元 {} {0} %d%%", "电费%s元 {} {0} %d%%"),
        ("\\n 不是换行", "\\n 不是换行"),
    ],
)
def test_multiline_text_is_kept_as_typed(typed, stored):
    assert clean_text(typed, "matter", max_len=500) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("城关镇\n李家村", "城关镇 李家村"),
        ("城关镇\r\n李家村", "城关镇 李家村"),
        ("城关镇 \n\n 李家村", "城关镇 李家村"),
        ("城关镇\t李家村", "城关镇 李家村"),
        ("  李家村3组 ", "李家村3组"),
    ],
)
def test_single_line_text_turns_line_breaks_into_one_space(typed, stored):
    assert clean_text(typed, "address", max_len=200, multiline=False) == stored


@pytest.mark.parametrize("typed", [None, "", "  \n\t\u3000"])
def test_optional_empty_text_is_empty_string(typed):
    assert clean_text(typed, "note", max_len=200) == ""


@pytest.mark.parametrize("typed", [None, "", "  \n\t\u3000"])
def test_required_empty_text_is_refused(typed):
    error = refused(clean_text, typed, "matter", max_len=500, required=True, field="matter")
    assert "事由" in str(error)


@pytest.mark.parametrize(
    "typed",
    [
        "电表\x00坏了",
        "电表\x1b[31m坏了",
        "电表\x0b坏了",
        "付款\u202e001\u202c元",
        "付款\u202d001元",
        "付款\u2066001\u2069元",
        "付款\u2067001元",
        "付款\u2068001元",
        "残缺\ud800字",
    ],
)
def test_text_with_hidden_characters_is_refused(typed):
    refused(clean_text, typed, "matter", max_len=500, field="matter")


def test_rlo_refusal_explains_the_danger_and_where():
    message = str(refused(clean_text, "付款\u202e001元", "result", max_len=500, field="result"))
    assert "U+202E" in message and "第3个字" in message and "显示方向" in message


def test_text_at_the_limit_is_accepted_in_code_points():
    assert clean_text("𠮷" * 10, "note", max_len=10) == "𠮷" * 10


def test_text_over_the_limit_says_limit_and_length():
    message = str(refused(clean_text, "字" * 11, "note", max_len=10, field="note"))
    assert "10" in message and "11" in message


def test_crlf_counts_as_one_character_for_the_limit():
    assert clean_text("一\r\n二", "note", max_len=3) == "一\n二"


# --- 户号 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0123456789", "0123456789"),
        ("０１２３４５６７８９", "0123456789"),
        ("0123 4567 89", "0123456789"),
        ("0123-4567-89", "0123456789"),
        ("123456", "123456"),
        ("1" * 20, "1" * 20),
        ("", ""),
        (None, ""),
        ("   ", ""),
    ],
)
def test_account_no_is_normalised(typed, stored):
    assert normalise_account_no(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "1" * 21, "A12345678", "0123456789号", "一二三四五六"])
def test_bad_account_no_is_refused(typed):
    refused(normalise_account_no, typed, field="account_no")
