"""Masking personal data for what is shown publicly: the wall register and restricted exports.

Everything is counted in code points, so a rare surname outside the BMP (𠮷) is kept whole.
The functions never raise for odd input: when in doubt they hide more, not less.
"""

import re
import unicodedata

from firstask_desktop.domain.errors import ValidationError
from firstask_desktop.domain.validation import (
    MIDDLE_DOT,
    NAME_DOTS,
    normalise_phone,
    phone_kind,
    split_landline,
)

# 复姓: a name of three or more characters starting with one of these keeps both characters.
# Traditional spellings are listed too, for names copied from old household registers.
COMPOUND_SURNAMES = frozenset(
    """
    欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 呼延
    南宫 独孤 西门 万俟 闻人 澹台 公冶 太史 申屠 钟离 宗政 濮阳 淳于 单于 赫连 仲孙 拓跋
    百里 东郭 第五 司空 公羊 左丘 谷梁 巫马 公西 漆雕 乐正 壤驷 公良 羊舌 微生 梁丘 段干
    亓官 司寇 子车 颛孙 鲜于 闾丘 东门 南门 呼衍 相里 乌孙 完颜 耶律 叱干 贺兰 尔朱 綦毋
    歐陽 司馬 諸葛 尉遲 公孫 長孫 軒轅 鍾離 澹臺 單于 赫連 閭丘 東方 東郭
    """.split()
)

_CJK_RANGES = (
    (0x3007, 0x3007),  # 〇
    (0x3400, 0x4DBF),  # Ext A
    (0x4E00, 0x9FFF),  # URO
    (0xE000, 0xF8FF),  # private use: 造字 fonts for rare characters
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x3FFFD),  # planes 2–3: Ext B onwards
)


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def _first_grapheme(text: str) -> str:
    """The first character with the combining marks that follow it (É typed as E + ◌́)."""
    end = 1
    while end < len(text) and unicodedata.category(text[end])[0] == "M":
        end += 1
    return text[:end]


def mask_name(name: str | None) -> str:
    """张三→张*, 欧阳娜娜→欧阳*, 阿依古丽·买买提→阿依古丽·*, John Smith→J*, 张→*."""
    name = (name or "").strip()
    if not name:
        return ""
    if len(name) == 1:
        return "*"
    if not _is_cjk(name[0]):
        return _first_grapheme(name) + "*"
    dot = next((i for i, ch in enumerate(name) if ch in NAME_DOTS), -1)
    if dot > 0:
        return name[:dot] + MIDDLE_DOT + "*"
    # A two-character name starting with 欧阳 is 欧 + 阳: a compound surname needs a given name.
    if len(name) > 2 and name[:2] in COMPOUND_SURNAMES:
        return name[:2] + "*"
    return name[0] + "*"


# --- phones ------------------------------------------------------------------------------------


def _mask_digits_but_last_two(text: str) -> str:
    """Fallback for what is not a valid phone: hide every digit except the last two."""
    total = sum(ch.isdecimal() for ch in text)
    seen = 0
    out = []
    for ch in text:
        if ch.isdecimal():
            seen += 1
            out.append(ch if seen > total - 2 else "*")
        else:
            out.append(ch)
    return "".join(out)


def _mask_canonical(phone: str) -> str:
    kind = phone_kind(phone)
    if kind == "mobile":
        return phone[:3] + "****" + phone[7:]
    if kind == "landline":
        area, local, ext = split_landline(phone)
        masked = f"{area}-{'*' * (len(local) - 2)}{local[-2:]}"
        return masked + (f"转{'*' * len(ext)}" if ext else "")
    return phone  # 95598, 400…: public numbers, nothing personal


def mask_phone(phone: str | None) -> str:
    """138****5678, 0931-*****56[转***]; service numbers unchanged; other digits but 2 hidden."""
    if not (phone or "").strip():
        return ""
    try:
        # A number kept unverified is masked like any other of its form.
        return _mask_canonical(normalise_phone(phone, allow_unverified=True))
    except ValidationError:
        return _mask_digits_but_last_two(phone)


# Phones inside free text. Searched on a copy with full-width digits and signs made ASCII; each
# of those is one code point for one code point, so match positions are valid in the original.
_TO_ASCII = str.maketrans(
    {
        **{0xFF10 + i: str(i) for i in range(10)},
        "\uff0b": "+",
        "\uff0d": "-",
        "\uff08": "(",
        "\uff09": ")",
        "\u3000": " ",
    }
)
_SEP = "[ -]?"
_AREA = r"(?:010|02[0-9]|0[3-9][0-9]{2})"
_TEXT_PHONE_RE = re.compile(
    r"(?<![0-9])(?:"
    rf"(?:(?:\+|00)?86{_SEP})?1[3-9][0-9](?:{_SEP}[0-9]){{8}}"  # mobile
    rf"|(?:\({_AREA}\)|{_AREA}){_SEP}[0-9]{{7,8}}(?:(?:转|分机|-)[0-9]{{1,6}})?"  # landline
    r")(?![0-9])"
)


def mask_text_phones(text: str | None) -> str:
    """Free text with every mobile and landline number in it masked; the rest unchanged.

    Digit runs longer than a phone (户号, 工单号, 身份证号) are left alone, and so are 7–8 digit
    numbers without an area code: in free text they cannot be told apart from amounts.
    """
    if not text:
        return ""
    searchable = text.translate(_TO_ASCII)
    out = []
    last = 0
    for match in _TEXT_PHONE_RE.finditer(searchable):
        out.append(text[last : match.start()])
        out.append(mask_phone(text[match.start() : match.end()]))
        last = match.end()
    out.append(text[last:])
    return "".join(out)


# --- addresses ---------------------------------------------------------------------------------

# Administrative units at or above village level. A plain character scan would also find 市 in
# 市场/超市 and 区 in 小区/区域, and keep a market or a housing estate; the look-arounds skip
# the common ones. Known leftovers: 旗 in 红旗路 and 州 in 兰州 (without 市) cut earlier, which
# shows less; 城市 in 城市花园 keeps two harmless characters. A gazetteer would do better, but
# the register has to work offline with whatever the clerk typed.
_ADDRESS_UNIT_RE = re.compile(
    r"自治区|街道|社区|嘎查|苏木|省|盟|州|县|旗|镇|乡|屯"
    r"|(?<!村)村|村(?!委)"  # the second 村 of 李家村村委会 belongs to the committee
    r"|(?<![超门菜夜])市(?!场)"
    r"|(?<![小园景厂校营库])区(?!域)"
)
_ADDRESS_KEEP_WITHOUT_UNIT = 6


def mask_address(address: str | None) -> str:
    """Keep up to the last unit at village level or above, hide the rest.

    甘肃省榆中县城关镇李家村3组15号 → 甘肃省榆中县城关镇李家村***.
    """
    address = (address or "").strip()
    if not address:
        return ""
    units = list(_ADDRESS_UNIT_RE.finditer(address))
    if not units:
        # No unit to cut at: keep a prefix, but never the whole of a short address.
        keep = _ADDRESS_KEEP_WITHOUT_UNIT
        if len(address) <= keep:
            keep = len(address) // 2
        prefix = address[:keep]
        # Stop before the first digit so that no part of a house number shows.
        digit = next((i for i, ch in enumerate(prefix) if ch.isdecimal()), len(prefix))
        return prefix[:digit] + "***"
    end = units[-1].end()
    if not address[end:].strip():
        return address
    return address[:end] + "***"


# --- 户号 and free text ----------------------------------------------------------------------------


def mask_account_no(account_no: str | None) -> str:
    """户号 with all but the last four digits hidden (0123456789 → ******6789)."""
    text = (account_no or "").strip()
    if len(text) <= 4:
        return "*" * len(text)
    return "*" * (len(text) - 4) + text[-4:]


# --- numbers and addresses inside free text ----------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# 18-digit 身份证号 (its last character may be X), whatever its check digit says: a mistyped
# ID number is still somebody's.
_TEXT_ID_RE = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")
# Bank cards written in groups (6222 0200 1234 5678 901) and any other long run of digits:
# 户号, card numbers, 工单号. Six digits or more are never an amount a register needs to show.
_TEXT_GROUPED_RE = re.compile(
    r"(?<![0-9])[0-9]{4}(?:[ -][0-9]{4}){2,3}(?:[ -][0-9]{1,4})?(?![0-9])"
)
_TEXT_LONG_DIGITS_RE = re.compile(r"(?<![0-9])[0-9]{6,}(?![0-9])")
_MOBILE_RUN_RE = re.compile(r"(?:86)?1[3-9][0-9]{9}")
# What follows the village in an address: 3组15号, 2栋1单元301室, 5社, 12号院.
_NUMBER = "[0-9一二三四五六七八九十百零〇两]+"
_HOUSE_PART = "(?:组|社|队|号院|号楼|号|栋|幢|单元|室|楼|排)"
_TEXT_ADDRESS_TAIL_RE = re.compile(rf"{_NUMBER}{_HOUSE_PART}(?:之?{_NUMBER}{_HOUSE_PART})*")


def id_check_digit(first17: str) -> str:
    """The check character of an 18-digit 身份证号 (GB 11643) from its first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def _hide_all_but_last(text: str, keep: int) -> str:
    """Every digit (and X) hidden but the last ``keep``; separators kept."""
    positions = [i for i, ch in enumerate(text) if ch.isdecimal() or ch in "Xx"]
    hidden = set(positions[: max(0, len(positions) - keep)])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(text))


def _replace(pattern: re.Pattern, text: str, searchable: str, how) -> tuple[str, str]:
    out, plain, last = [], [], 0
    for match in pattern.finditer(searchable):
        out.append(text[last : match.start()])
        plain.append(searchable[last : match.start()])
        masked = how(text[match.start() : match.end()])
        out.append(masked)
        plain.append(masked)  # same length: positions stay valid for the next pattern
        last = match.end()
    out.append(text[last:])
    plain.append(searchable[last:])
    return "".join(out), "".join(plain)


def mask_free_text(text: str | None) -> str:
    """Free text (事由, 办理结果, notes) fit for a public printout: 身份证号, bank cards, 户号
    and other long numbers keep their last four digits, phones are masked as in the columns, and
    an address loses what follows the village (3组15号 → ***). The one function every public
    printout and every masked list uses for free text; it never raises and hides more when in
    doubt (a 工单号 is hidden too)."""
    if not text:
        return ""
    searchable = text.translate(_TO_ASCII)
    text, searchable = _replace(_TEXT_ID_RE, text, searchable, lambda m: _hide_all_but_last(m, 4))
    text, searchable = _replace(
        _TEXT_GROUPED_RE, text, searchable, lambda m: _hide_all_but_last(m, 4)
    )
    # Long runs before phones: a 户号 starting 010 is not a Beijing number. A mobile number
    # is left for mask_text_phones, which shows it as the phone column does.
    text, searchable = _replace(
        _TEXT_LONG_DIGITS_RE,
        text,
        searchable,
        lambda m: (
            m if _MOBILE_RUN_RE.fullmatch(m.translate(_TO_ASCII)) else _hide_all_but_last(m, 4)
        ),
    )
    text = mask_text_phones(text)
    searchable = text.translate(_TO_ASCII)
    text, _ = _replace(_TEXT_ADDRESS_TAIL_RE, text, searchable, lambda m: "*" * len(m))
    return text


def mask_personal_text(text: str | None, visitor: str = "") -> str:
    """Free text (matter, result, notes) as :func:`mask_free_text` hides it, with the visitor's
    full name hidden too."""
    text = mask_free_text(text)
    visitor = (visitor or "").strip()
    if len(visitor) > 1:
        text = text.replace(visitor, mask_name(visitor))
    return text


# Every personal field a list, search, export or printout may show, and its mask: one table
# (保密). A visitor's and a customer's name alike; free text goes through mask_personal_text.
FIELD_MASKS = {
    "name": mask_name,
    "visitor": mask_name,
    "phone": mask_phone,
    "phone_alt": mask_phone,
    "address": mask_address,
    "account_no": mask_account_no,
}


def mask_fields(data: dict) -> dict:
    """A copy of ``data`` with each personal field of ``FIELD_MASKS`` it has masked."""
    return {k: FIELD_MASKS[k](v) if k in FIELD_MASKS else v for k, v in data.items()}
