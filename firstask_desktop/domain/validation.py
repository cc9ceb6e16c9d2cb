"""Checking and normalising what a clerk types: names, phone numbers, free text, 户号.

Every refusal is a ``ValidationError(field, message)`` with a short Chinese message saying what is
wrong and what to do. Lengths are counted in Unicode code points, so 𠮷 (outside the BMP) is one
character, as the clerk sees it.
"""

import re
import unicodedata
from datetime import datetime, timedelta

from firstask_desktop.domain.errors import FIELD_LABELS, FieldErrors, ValidationError

# Look-alike dots people type between the parts of a minority name (阿依古丽·买买提). The IME's
# 。 and ｡ are included because "." typed in Chinese punctuation mode gives 。.
NAME_DOTS = (
    "\u002e\u00b7\u0387\u16eb\u2022\u2027\u2219\u22c5\u2e31\u3002\u30fb\u318d\uff0e\uff61\uff65"
)
MIDDLE_DOT = "\u00b7"

# Whitespace we collapse or strip. Deliberately not ``str.isspace``: that also accepts the
# information separators U+001C–001F, which are control characters and must be refused.
_SPACE_CLASS = r"\t\n\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SPACE_RUN_RE = re.compile(f"[{_SPACE_CLASS}]+")
_EDGE_SPACE_RE = re.compile(f"^[{_SPACE_CLASS}]+|[{_SPACE_CLASS}]+$")

# Overrides and isolates reorder what is printed, so "付款100元" can be displayed as something
# else (Trojan Source). The weaker marks U+200E/200F are only refused in names.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

NAME_MAX = 50
_NAME_APOSTROPHES = str.maketrans({"\u2018": "'", "\u2019": "'", "\uff07": "'"})
_NAME_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\uff0d": "-"})
# Full-width Latin letters → ASCII, so "Ｊｏｈｎ" and "John" are the same visitor.
_FULLWIDTH_LATIN = str.maketrans(
    {cp: cp - 0xFEE0 for r in ((0xFF21, 0xFF3A), (0xFF41, 0xFF5A)) for cp in range(r[0], r[1] + 1)}
)
_DOT_RUN_RE = re.compile(f" ?[{re.escape(NAME_DOTS)}] ?")
_NAME_ALLOWED_MESSAGE = "姓名只能由文字、间隔号“·”、空格、撇号“'”和连字符“-”组成"


# Messages a form shows most, as templates (ValidationError.params fill them in), so that a
# screen can show them in its own language.
REQUIRED = "不能为空，请填写{0}"
TOO_LONG = "不能超过{0}个字（现在是{1}个字），请删减"
PHONE_FORMAT = "格式不对。{0}"


class Problems:
    """Runs each field's check and keeps every refusal, so that a form learns them all at once
    (not one per Ctrl+S). A phone only the clerk can confirm (``UnverifiedPhoneError``) is
    asked about once the other fields are right."""

    def __init__(self):
        self.found: dict[str, ValidationError] = {}
        self.unverified: ValidationError | None = None

    def check(self, check, *args, **kwargs):
        """``check(*args, **kwargs)``'s value, or None after keeping its refusal."""
        try:
            return check(*args, **kwargs)
        except UnverifiedPhoneError as err:
            self.unverified = err
        except FieldErrors as err:
            for field, problem in err.problems.items():
                self.found.setdefault(field, problem)
        except ValidationError as err:
            self.found.setdefault(err.field, err)
        return None

    def add(self, field: str, message: str, *params) -> None:
        self.found.setdefault(field, ValidationError(field, message, *params))

    def has(self, field: str) -> bool:
        return field in self.found

    def raise_any(self) -> None:
        if len(self.found) == 1:
            raise next(iter(self.found.values()))
        if self.found:
            raise FieldErrors(self.found)
        if self.unverified is not None:
            raise self.unverified


def _label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def _show(ch: str) -> str:
    """A character for a message: quoted if visible, else its code point (it may reorder text)."""
    if unicodedata.category(ch)[0] in "CZ":
        return f"看不见的字符 U+{ord(ch):04X}"
    return f"“{ch}”"


def _position(original: str, ch: str) -> int:
    """1-based code-point position of ``ch`` in what was typed, for the message."""
    return original.find(ch) + 1


def _check_invisible(text: str, original: str, field: str, allowed: str = "") -> None:
    """Refuse control characters (Cc) and lone surrogates; ``allowed`` lists exceptions."""
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cc" and ch not in allowed:
            raise ValidationError(
                field,
                f"第{_position(original, ch)}个字处有看不见的控制字符（U+{ord(ch):04X}），"
                "请删除后重新输入",
            )
        if category == "Cs":
            raise ValidationError(
                field, f"含有无法保存的残缺字符（U+{ord(ch):04X}），请删除后重新输入"
            )


def _check_bidi(text: str, original: str, field: str) -> None:
    for ch in text:
        if ch in BIDI_CONTROLS:
            raise ValidationError(
                field,
                f"第{_position(original, ch)}个字处有会改变文字显示方向的隐藏字符"
                f"（U+{ord(ch):04X}），打印出来可能与实际内容不符，请删除后重新输入",
            )


def _check_length(text: str, field: str, max_len: int) -> None:
    if len(text) > max_len:
        raise ValidationError(field, TOO_LONG, max_len, len(text))


# --- names -------------------------------------------------------------------------------------


def _is_name_letter(ch: str) -> bool:
    """Letters and marks, plus what Python's Unicode 14 tables do not call letters yet."""
    category = unicodedata.category(ch)
    if category[0] in "LM" or ch == "\u3007":  # 〇 (Nl) occurs in real names
        return True
    if category == "Co":  # private-use 造字 fonts for rare characters in local systems
        return True
    # Planes 2–3 hold only CJK ideographs; newer ones (Ext H, I) are unassigned to Python 3.11.
    return 0x20000 <= ord(ch) <= 0x3FFFD


def _check_format_chars(name: str, original: str, field: str) -> None:
    """Names refuse every Cf, ZWJ included: emoji are not allowed in names anyway."""
    for ch in name:
        if unicodedata.category(ch) == "Cf":
            raise ValidationError(
                field,
                f"第{_position(original, ch)}个字处有看不见的格式字符（U+{ord(ch):04X}），"
                "请删除后重新输入",
            )


def _normalise_dots(name: str, field: str) -> str:
    """Turn any look-alike dot (with optional spaces around it) into one U+00B7."""
    name = _DOT_RUN_RE.sub(MIDDLE_DOT, name)
    if name.startswith(MIDDLE_DOT) or name.endswith(MIDDLE_DOT) or MIDDLE_DOT * 2 in name:
        raise ValidationError(field, "间隔号“·”只能写在名字中间，如 阿依古丽·买买提")
    return name


def _check_name_chars(name: str, field: str) -> None:
    if name.replace(" ", "").replace(MIDDLE_DOT, "").isdecimal():
        raise ValidationError(field, "不能只有数字；如果是电话号码，请填在“联系方式”一栏")
    for ch in name:
        if ch.isdecimal():
            raise ValidationError(field, f"不能包含数字“{ch}”，请只填写姓名")
        if not (_is_name_letter(ch) or ch in " '-" + MIDDLE_DOT):
            raise ValidationError(field, f"不能包含{_show(ch)}，{_NAME_ALLOWED_MESSAGE}")
    if not any(_is_name_letter(ch) for ch in name):
        raise ValidationError(field, "不能只有符号，请填写姓名")


def normalise_name(value: str, field: str = "visitor") -> str:
    """A person's name, 1–50 code points, with spaces collapsed and middle dots unified.

    Letters, marks, ·, space, ' and - only: digits, emoji and other symbols are refused.
    """
    original = value or ""
    name = _SPACE_RUN_RE.sub(" ", original).strip(" ")
    if not name:
        raise ValidationError(field, REQUIRED, _label(field))
    _check_invisible(name, original, field)
    _check_bidi(name, original, field)
    _check_format_chars(name, original, field)
    name = name.translate(_NAME_APOSTROPHES).translate(_NAME_HYPHENS)
    name = name.translate(_FULLWIDTH_LATIN)
    _check_length(name, field, NAME_MAX)
    name = _normalise_dots(name, field)
    _check_name_chars(name, field)
    return name


# --- phone numbers -----------------------------------------------------------------------------
#
# The form (what may be typed, where the extension goes, the canonical spelling) is checked here;
# whether the number exists is libphonenumber's data (``phonenumbers``, region CN): area codes,
# how many digits each city's local numbers have, which mobile blocks are in use, which short
# numbers are services. A well-formed number that data calls invalid is refused with what is
# wrong, unless the clerk insists (a new area, a rural exchange): then it is kept as typed and
# marked 号码未经核实 (``phone_problem`` says why).

PHONE_EXAMPLES = (
    "可填写：手机 138 1234 5678；固话 0931-8123456（分机写成 0931-8123456转123）；"
    "服务号码 95598 或 400-123-4567"
)
UNVERIFIED_MARK = "号码未经核实"
_MOBILE_RE = re.compile(r"1[3-9][0-9]{9}")
# Service numbers a customer may give (95598, 12345, 10086): five digits, as ever; whether one
# is in use is libphonenumber's short-number data.
_SHORT_RE = re.compile(r"95[0-9]{3}|1[0-9]{4}")
_TOLL_RE = re.compile(r"[48]00[0-9]{7}")
_AREA_RE = re.compile(r"010|02[0-9]|0[3-9][0-9]{2}")
_LANDLINE_CANONICAL_RE = re.compile(r"(0[1-9][0-9]{1,2})-([0-9]{7,8})(?:转([0-9]{1,6}))?")
_EXTENSION_RE = re.compile(r"^(.*?)\s*(?:转分机|转|分机|ext[.:]?|x)\s*([0-9]{1,6})$")
_PHONE_SEPARATORS = " \t-\u2010\u2011\u2012\u2013\u2014\u2015\u2212.()"
_TOKEN_SPLIT_RE = re.compile(f"[{re.escape(_PHONE_SEPARATORS)}+]+")
_SEVERAL_NUMBERS_RE = re.compile(r"[/,;、，；]|或")


class UnverifiedPhoneError(ValidationError):
    """A well-formed number that libphonenumber's data does not know. ``canonical`` is what
    would be stored if the clerk confirms it (``normalise_phone(..., allow_unverified=True)``)."""

    def __init__(self, field: str, canonical: str, problem: str):
        self.canonical = canonical
        self.problem = problem
        super().__init__(
            field,
            f"号码“{canonical}”核对不上：{problem}。请向客户核对号码；"
            f"确认无误仍要保存的，将标记“{UNVERIFIED_MARK}”",
        )


def _phone_error(field: str, lead: str = "") -> ValidationError:
    if not lead:
        return ValidationError(field, PHONE_FORMAT, PHONE_EXAMPLES)
    return ValidationError(field, f"{lead}。{PHONE_EXAMPLES}")


def _split_extension(text: str) -> tuple[str, str]:
    """Split an explicitly marked extension (转 / 分机 / ext / x) off the number."""
    match = _EXTENSION_RE.match(text)
    if match and match.group(1):
        return match.group(1), match.group(2)
    return text, ""


def _check_phone_chars(main: str, field: str) -> None:
    for ch in main:
        if ch not in "0123456789+" and ch not in _PHONE_SEPARATORS:
            raise _phone_error(field, f"不能包含{_show(ch)}")
    if ("+" in main and not re.match(r"^\(?\+", main)) or main.count("+") > 1:
        raise _phone_error(field, "“+”只能写在最前面")


def _strip_country_code(main: str, field: str) -> tuple[bool, list[str]]:
    """Remove +86 / 0086 / 86; return (had a country code, digit groups left)."""
    tokens = [t for t in _TOKEN_SPLIT_RE.split(main) if t]
    if not tokens:
        raise _phone_error(field)
    if main.lstrip("( ").startswith("+"):
        if not tokens[0].startswith("86"):
            raise _phone_error(field, "只能填写国内号码（国家代码 +86）")
        tokens[0] = tokens[0][2:]
    elif tokens[0].startswith("0086"):
        tokens[0] = tokens[0][4:]
    elif tokens[0] == "86" and len(tokens) > 1:
        # No national number starts with 86, so a separate leading "86" is the country code.
        tokens[0] = ""
    elif re.fullmatch(r"861[3-9][0-9]{9}", tokens[0]):
        tokens[0] = tokens[0][2:]
    else:
        return False, tokens
    return True, [t for t in tokens if t]


def _parsed(national: str):
    """libphonenumber's reading of a national number (with its trunk 0), or None."""
    import phonenumbers

    try:
        return phonenumbers.parse(national, "CN")
    except phonenumbers.NumberParseException:
        return None


def _valid(national: str) -> bool:
    import phonenumbers

    number = _parsed(national)
    return number is not None and phonenumbers.is_valid_number_for_region(number, "CN")


def _valid_short(digits: str) -> bool:
    from phonenumbers import shortnumberinfo

    number = _parsed(digits)
    return number is not None and shortnumberinfo.is_valid_short_number_for_region(number, "CN")


def _area_of_valid(digits: str) -> str:
    """The area code (with its 0) libphonenumber reads in a valid landline, else ""."""
    import phonenumbers

    number = _parsed(digits)
    if number is None or not phonenumbers.is_valid_number_for_region(number, "CN"):
        return ""
    length = phonenumbers.length_of_geographical_area_code(number)
    return digits[: length + 1] if length else ""


def _landline(tokens: list[str], ext: str, field: str) -> str:
    """``0931-8123456`` or ``0931-8123456转123`` from digit groups that start with 0. The digits
    are never changed: only where the area code ends, which libphonenumber's data decides for a
    number it knows, else the clerk's own separator (``0200-123456`` stays so, flagged)."""
    digits = "".join(tokens)
    if not ext and len(tokens) > 1 and len(tokens[-1]) <= 6:
        # 0931-8123456-123: a short last group after a complete number is the extension.
        shorter = digits[: -len(tokens[-1])]
        if _area_of_valid(shorter) or (len(digits) > 12 and _AREA_RE.match(shorter)):
            digits, ext = shorter, tokens[-1]
    area = _area_of_valid(digits)
    if not area:
        typed = tokens[0] if len(tokens) > 1 and 3 <= len(tokens[0]) <= 4 else ""
        guess = _AREA_RE.match(digits)
        area = typed or (guess.group() if guess else "")
        if not area:
            raise _phone_error(field, f"区号“{digits[:4]}”不对")
    local = digits[len(area) :]
    if not 7 <= len(local) <= 8:
        raise _phone_error(field, "固话号码（区号后面）应为7到8位数字")
    return f"{area}-{local}" + (f"转{ext}" if ext else "")


def _national(digits: str, field: str) -> str:
    """Mobiles and service numbers; explain the usual mistakes otherwise."""
    if _MOBILE_RE.fullmatch(digits) or _TOLL_RE.fullmatch(digits):
        return digits
    if _SHORT_RE.fullmatch(digits):
        return digits
    if len(digits) in (7, 8):
        raise ValidationError(field, "缺少区号，请在前面加上区号，如 0931-8123456")
    if digits.startswith("1") and 10 <= len(digits) <= 12:
        raise ValidationError(
            field, f"手机号应为11位数字、以13～19开头（如 138 1234 5678），现在是{len(digits)}位"
        )
    raise _phone_error(field)


def _canonical_phone(value: str, field: str) -> str:
    text = unicodedata.normalize("NFKC", value or "").strip().lower()
    if not text:
        raise ValidationError(field, REQUIRED, _label(field))
    if _SEVERAL_NUMBERS_RE.search(text):
        raise ValidationError(field, "一次只能填一个号码，其他号码请写在备注里")
    main, ext = _split_extension(text)
    _check_phone_chars(main, field)
    international, tokens = _strip_country_code(main, field)
    digits = "".join(tokens)
    if not digits:
        raise _phone_error(field)
    national = _MOBILE_RE.fullmatch(digits) or _TOLL_RE.fullmatch(digits)
    if international and not national and not digits.startswith("0"):
        tokens[0] = "0" + tokens[0]  # +86 931 8123456: the trunk 0 is dropped after +86
        digits = "0" + digits
    if digits.startswith("0"):
        return _landline(tokens, ext, field)
    if ext:
        raise _phone_error(field, "只有固定电话可以带分机号")
    return _national(digits, field)


def normalise_phone(value: str, field: str = "phone", *, allow_unverified: bool = False) -> str:
    """Canonical phone: ``13812345678``, ``0931-8123456[转123]``, ``95598`` or ``4001234567``.

    A well-formed number libphonenumber's data does not know raises ``UnverifiedPhoneError``
    unless ``allow_unverified`` (the clerk confirmed it); mark it then (``phone_problem``).
    """
    canonical = _canonical_phone(value, field)
    problem = phone_problem(canonical)
    if problem and not allow_unverified:
        raise UnverifiedPhoneError(field, canonical, problem)
    return canonical


def _area_exists(area: str) -> tuple[bool, set[int]]:
    """Whether libphonenumber knows the area code, and the lengths of its local numbers."""
    lengths = set()
    for local in ("2345678", "5221234", "6123456", "8123456", "3456789"):
        for extra in ("", "9"):
            if _area_of_valid(area + local + extra) == area:
                lengths.add(len(local + extra))
    return bool(lengths), lengths


def phone_problem(canonical: str) -> str:
    """Why libphonenumber's data (region CN) does not know a canonical phone; "" if it does."""
    canonical = canonical or ""
    landline = _LANDLINE_CANONICAL_RE.fullmatch(canonical)
    if landline:
        area, local = landline.group(1), landline.group(2)
        if _area_of_valid(area + local) == area:
            return ""
        known, lengths = _area_exists(area)
        if not known:
            return f"区号“{area}”不存在"
        if len(local) not in lengths:
            should = "或".join(str(n) for n in sorted(lengths))
            return f"区号 {area} 的固话号码（区号后面）应为{should}位，现在是{len(local)}位"
        if _area_of_valid(area + local):
            return f"这个号码的区号应为 {_area_of_valid(area + local)}，不是 {area}"
        return f"区号 {area} 没有以“{local[:2]}”开头的固话号码"
    if _MOBILE_RE.fullmatch(canonical):
        if _valid(canonical):
            return ""
        return f"“{canonical[:3]}”不是在用的手机号段（有的号段只发给物联网卡、上网卡）"
    if _TOLL_RE.fullmatch(canonical):
        return "" if _valid(canonical) else f"“{canonical[:3]}”开头的这个号码不在用"
    if _SHORT_RE.fullmatch(canonical):
        return "" if _valid_short(canonical) else f"“{canonical}”不是在用的服务号码"
    return "不是规范格式的号码"


def phone_kind(canonical: str) -> str:
    """``"mobile"``, ``"landline"`` or ``"service"`` for a phone from ``normalise_phone``."""
    if _MOBILE_RE.fullmatch(canonical or ""):
        return "mobile"
    if _LANDLINE_CANONICAL_RE.fullmatch(canonical or ""):
        return "landline"
    if _SHORT_RE.fullmatch(canonical or "") or _TOLL_RE.fullmatch(canonical or ""):
        return "service"
    raise ValidationError("phone", f"“{canonical}”不是规范格式的号码。{PHONE_EXAMPLES}")


def split_landline(canonical: str) -> tuple[str, str, str]:
    """(area code, local number, extension or "") of a canonical landline."""
    match = _LANDLINE_CANONICAL_RE.fullmatch(canonical)
    if not match:
        raise ValidationError("phone", f"“{canonical}”不是规范格式的固定电话。{PHONE_EXAMPLES}")
    return match.group(1), match.group(2), match.group(3) or ""


# --- free text ---------------------------------------------------------------------------------

_LINE_BREAKS_RE = re.compile("\r\n|[\r\u0085\u2028\u2029]")
_SINGLE_LINE_RE = re.compile(r"[ \t]*[\n\t][ \t\n]*")


def clean_text(
    value: str | None,
    field: str,
    *,
    max_len: int,
    required: bool = False,
    multiline: bool = True,
) -> str:
    """Free text kept as typed, minus surrounding whitespace and characters that hide content."""
    original = value or ""
    text = _LINE_BREAKS_RE.sub("\n", original)
    text = _EDGE_SPACE_RE.sub("", text)
    if not multiline:
        text = _SINGLE_LINE_RE.sub(" ", text)
    if not text:
        if required:
            raise ValidationError(field, REQUIRED, _label(field))
        return ""
    _check_invisible(text, original, field, allowed="\n\t")
    _check_bidi(text, original, field)
    _check_length(text, field, max_len)
    return text


# --- 户号 ----------------------------------------------------------------------------------------

_ACCOUNT_DROP_RE = re.compile(f"[{_SPACE_CLASS}\\-\u2010\u2011\u2012\u2013\u2014\u2212]+")


def normalise_account_no(value: str | None) -> str:
    """户号 as 6–20 ASCII digits (leading zeros kept); "" when not given."""
    text = _ACCOUNT_DROP_RE.sub("", unicodedata.normalize("NFKC", value or ""))
    if not text:
        return ""
    for ch in text:
        if ch not in "0123456789":
            raise ValidationError("account_no", f"户号只能是数字，不能包含{_show(ch)}")
    if not 6 <= len(text) <= 20:
        raise ValidationError(
            "account_no", f"户号应为6到20位数字（如 0123456789），现在是{len(text)}位"
        )
    return text


# --- times ---------------------------------------------------------------------------------------

EARLIEST_TIME = datetime(2000, 1, 1)  # no register of this app holds anything older
LATEST_YEAR = 2099
ONE_DAY = timedelta(days=1)


def check_time(
    value: datetime, field: str, *, now: datetime | None = None, max_ahead: timedelta | None = None
) -> datetime:
    """A time typed by a person, refused when it cannot be meant: before 2000 (0226 for 2026),
    after 2099, or more than ``max_ahead`` after ``now`` (a received time, an "as of" date).
    Serial numbers take the year of the received time, so it always has four digits."""
    if value < EARLIEST_TIME:
        raise ValidationError(
            field,
            f"“{value.year:04d}-{value.month:02d}-{value.day:02d}”早于2000年，不可能是本登记簿的时间："
            "请检查年份，写满四位，如 2026-02-13T09:30",
        )
    if value.year > LATEST_YEAR:
        raise ValidationError(field, f"年份{value.year}不对：请检查年份，如 2026-02-13T09:30")
    if max_ahead is not None and value > (now or datetime.now()) + max_ahead:
        raise ValidationError(
            field,
            f"“{value:%Y-%m-%d %H:%M}”在将来：不能晚于现在一天以上，请检查日期（也请核对电脑时钟）",
        )
    return value
