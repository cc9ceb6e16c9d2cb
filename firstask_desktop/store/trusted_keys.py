"""The signing keys trusted for a station: the one registered now, then the ones it replaced,
unless a replacement (or ``keys revoke``) said their PC was lost (``RetiredKey.revoked``).

A station's PC dies, the new one's key is registered: the receipts customers hold and the
sealed backups on sticks were signed by the old key and must still check out. A key from a lost
or stolen PC is not trusted again, for any station: whoever has that PC could sign with it. A
retired key vouches only for what is dated up to its retirement: the PC that kept it is no
longer the station's, and what it signs later is not the station's word.
"""

from __future__ import annotations

import binascii
from dataclasses import dataclass
from datetime import datetime

from firstask_desktop.store.keys import key_id, unb64
from firstask_desktop.store.models import KnownKey, RetiredKey


@dataclass(frozen=True)
class TrustedKey:
    raw: bytes  # Ed25519 public key
    retired_at: datetime | None  # None: the key registered now

    def vouches_for(self, when: datetime | None) -> bool:
        """Whether it stood for the station at ``when`` (a time the signer wrote: unknown is
        taken as now, where only the current key vouches)."""
        if self.retired_at is None:
            return True
        if not isinstance(when, datetime) or when.tzinfo is not None:
            return False  # local times only: an offset was not written by the program
        return when <= self.retired_at


def revoked_key_ids() -> set[str]:
    """Every key reported lost or stolen here: trusted for nothing, registered never again."""
    query = RetiredKey.select(RetiredKey.key_id).where(RetiredKey.revoked == True)  # noqa: E712
    return {k for (k,) in query.tuples()}


def station_keys(code: str) -> list[TrustedKey]:
    """Keys trusted to have signed for station ``code``, the current first."""
    current = KnownKey.select(KnownKey.signing_public).where(
        (KnownKey.role == "station") & (KnownKey.station == code)
    )
    retired = (
        RetiredKey.select(RetiredKey.signing_public, RetiredKey.retired_at)
        .where((RetiredKey.role == "station") & (RetiredKey.station == code))
        .order_by(RetiredKey.retired_at.desc())
    )
    revoked = revoked_key_ids()
    trusted: list[TrustedKey] = []
    seen: set[bytes] = set()
    rows = [(text, None) for (text,) in current.tuples()] + list(retired.tuples())
    for text, retired_at in rows:
        try:
            raw = unb64(text)
        except (ValueError, binascii.Error):
            continue  # a damaged row trusts nothing
        if raw in seen or key_id(raw) in revoked:
            continue
        seen.add(raw)
        trusted.append(TrustedKey(raw, retired_at))
    return trusted


def has_key_history(code: str) -> bool:
    """Whether any key was ever registered here for station ``code`` (revoked ones included)."""
    return (
        KnownKey.select().where((KnownKey.role == "station") & (KnownKey.station == code)).exists()
        or RetiredKey.select()
        .where((RetiredKey.role == "station") & (RetiredKey.station == code))
        .exists()
    )
