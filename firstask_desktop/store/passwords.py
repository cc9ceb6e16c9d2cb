"""Staff passwords: Argon2id hashes (argon2-cffi), never the password itself."""

from __future__ import annotations

from functools import cache

from firstask_desktop.domain.errors import ValidationError

MIN_LENGTH = 6


def check_new_password(password: str) -> None:
    if password is None or len(password) < MIN_LENGTH:
        raise ValidationError("password", f"至少 {MIN_LENGTH} 位，请重新设置")
    if len(password) > 128:
        raise ValidationError("password", "不能超过 128 位")


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
