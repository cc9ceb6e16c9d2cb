"""An encrypted body opened by following docs/sync-format.md alone, with no code of the package.

Writer and reader share the package's key derivation and nonces: a change to either (another
HKDF salt, a nonce counted from 2, the last-chunk flag dropped) still round-trips between two
PCs of the same version, and breaks every exchange between a station and a county one version
apart. This test is the other version.
"""

from __future__ import annotations

import json
import os
import zlib

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from firstask_desktop.store import keys
from firstask_desktop.sync.container import BodyWriter, write_container

MAGIC_LENGTH = 8  # "FASYNC\r\n"


def _raw(key) -> bytes:
    return keys.public_bytes(key)


def test_a_three_chunk_body_decrypts_by_the_documented_construction(tmp_path):
    county = X25519PrivateKey.generate()
    signer = Ed25519PrivateKey.generate()
    body = BodyWriter(_raw(county))
    # Random hex compresses only twice: several 64 KiB chunks and a short last one.
    records = [{"uuid": f"r{i}", "note": os.urandom(600).hex()} for i in range(500)]
    for record in records:
        body.add("entry", record)
    header = {"kind": "station_export", "station": "GS0101", "seq": 1, "counts": {}}
    write_container(tmp_path / "f.fasync", header, body, signer)

    data = (tmp_path / "f.fasync").read_bytes()
    header_length = int.from_bytes(data[MAGIC_LENGTH : MAGIC_LENGTH + 4], "big")
    header = json.loads(data[MAGIC_LENGTH + 4 : MAGIC_LENGTH + 4 + header_length])
    start = MAGIC_LENGTH + 4 + header_length
    sealed = data[start : start + header["body_length"]]
    assert header["encryption"]["scheme"] == "X25519-HKDF-SHA256-ChaCha20Poly1305-STREAM64K"

    ephemeral = keys.unb64(header["encryption"]["ephemeral_public"])
    secret = county.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    key = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=ephemeral + _raw(county),
        info=b"firstask-sync v1 body key",
    ).derive(secret)
    aead = ChaCha20Poly1305(key)
    chunks = [sealed[i : i + 65536 + 16] for i in range(0, len(sealed), 65536 + 16)]
    assert len(chunks) >= 3
    plain = b"".join(
        aead.decrypt(
            i.to_bytes(11, "big") + (b"\x01" if i == len(chunks) - 1 else b"\x00"), c, None
        )
        for i, c in enumerate(chunks)
    )
    lines = zlib.decompress(plain).decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [{"t": "entry", "d": r} for r in records]
