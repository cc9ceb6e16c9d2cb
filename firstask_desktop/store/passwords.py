"""Staff passwords: Argon2id hashes (argon2-cffi), never the password itself."""

from __future__ import annotations

from functools import cache

from firstask_desktop.domain.errors import ValidationError

MIN_LENGTH = 6


# The passwords tried first by anyone guessing (the top of the public leaked-password lists,
# Chinese sites' included), six characters or more. Lower-cased before comparing.
COMMON_PASSWORDS = frozenset(
    """
    123456 1234567 12345678 123456789 1234567890 654321 123123 123321 112233 121212 111222
    666666 888888 520520 5201314 1314520 147258 147258369 159357 159753 123qwe qwe123 abc123
    abc123456 a123456 a12345678 123456a 123456aa aa123456 qq123456 woaini woaini1314 wodemima
    password password1 password123 passw0rd p@ssw0rd admin123 admin888 root123 qwerty qwerty123
    qwertyuiop asdfgh asdfghjkl zxcvbn zxcvbnm 1qaz2wsx 1q2w3e4r qazwsx iloveyou letmein monkey
    dragon sunshine football baseball welcome master shadow superman trustno1 000000 a1b2c3
    """.split()
)
_SEQUENCES = (
    "0123456789012345678901234567890",
    "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
    "qwertyuiopasdfghjklzxcvbnm",
)


def _is_sequence(text: str) -> bool:
    """123456, 987654, abcdef, qwerty: neighbouring keys or counting up or down."""
    return any(text in run or text in run[::-1] for run in _SEQUENCES)


def check_new_password(password: str) -> None:
    """Refuse a password anyone would guess first; say why (the GUI and the CLI both call it)."""
    if password is None or len(password) < MIN_LENGTH:
        raise ValidationError("password", f"至少 {MIN_LENGTH} 位，请重新设置")
    if len(password) > 128:
        raise ValidationError("password", "不能超过 128 位")
    folded = password.lower()
    if not password.strip():
        raise ValidationError("password", "不能全是空格，请设置一个别人猜不到的密码")
    if len(set(folded)) <= 2:
        raise ValidationError(
            "password", "不能只由一两个字符重复组成（如 aaaaaa、121212），别人一猜就中：请重新设置"
        )
    if _is_sequence(folded):
        raise ValidationError(
            "password",
            "不能是连续的数字或字母（如 123456、abcdef、qwerty），别人一猜就中：请重新设置",
        )
    if folded in COMMON_PASSWORDS:
        raise ValidationError(
            "password", "这是最常见的密码之一，别人最先猜的就是它：请换一个，可以夹杂字母和数字"
        )


@cache
def _hasher():
    """Argon2id with a modest memory cost: the station PCs are old (4 GB RAM) and a login must
    still feel instant; 19 MiB and 2 passes is the OWASP minimum recommendation for Argon2id.
    Made when first needed: the register window opens without loading argon2."""
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def hash_password(password: str) -> str:
    check_new_password(password)
    return _hasher().hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    if not stored_hash or password is None:
        return False
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False
