"""The signing keys the county trusts for a station: the one registered now, then the ones it
replaced, unless the replacement said the old PC was lost (``RetiredKey.revoked``).

A station's PC dies, the new one's key is registered: the receipts customers hold and the
sealed backups on sticks were signed by the old key and must still check out at the county.
A key from a lost or stolen PC is not trusted again: whoever has that PC could sign with it.
"""

from __future__ import annotations

import binascii

from firstask_desktop.store.keys import unb64
from firstask_desktop.store.models import KnownKey, RetiredKey


def station_keys(code: str) -> list[bytes]:
    """Raw Ed25519 public keys trusted to have signed for station ``code``, the current first."""
    current = KnownKey.select(KnownKey.signing_public).where(
        (KnownKey.role == "station") & (KnownKey.station == code)
    )
    retired = (
        RetiredKey.select(RetiredKey.signing_public)
        .where(
            (RetiredKey.role == "station")
            & (RetiredKey.station == code)
            & (RetiredKey.revoked == False)  # noqa: E712 - peewee
        )
        .order_by(RetiredKey.retired_at.desc())
    )
    trusted: list[bytes] = []
    for (text,) in list(current.tuples()) + list(retired.tuples()):
        try:
            raw = unb64(text)
        except (ValueError, binascii.Error):
            continue  # a damaged row trusts nothing
        if raw not in trusted:
            trusted.append(raw)
    return trusted
