"""A backup on a USB stick, sealed: readable only with the station's key or the county's.

A stick is lost easily and holds every customer's name, phone and address. So ``backup to``
writes the verified SQLite copy encrypted (docs/backup.md)::

    10 bytes   magic b"FABACKUP\\r\\n"
    4 bytes    header length H (big-endian, 1 .. 65536)
    H bytes    header: JSON (station, made_at, size, chunks, recipients, signer_public)
    ...        body: the register in 1 MiB chunks, each sealed with ChaCha20-Poly1305 under a
               random file key (nonce = chunk number, 11 bytes || last-chunk flag; associated
               data = SHA-256 of the header, so a header cannot be swapped onto another body)
    64 bytes   Ed25519 signature by the station of SHA-256(everything before it)

The file key is wrapped once per recipient (X25519 with a fresh ephemeral key, HKDF-SHA256,
ChaCha20-Poly1305): the station's own backup key (keys/backup-encryption.pem, restoring on the
same PC or from a copy of its data folder) and the county's key (a new PC: the county opens it).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.store import attachment_files, keys
from firstask_desktop.store.fileio import write_atomic

MAGIC = b"FABACKUP\r\n"
FORMAT = "firstask-backup"
VERSION = 1
SUFFIX = ".fabackup"
CHUNK = 1024 * 1024
TAG = 16
WRAP_INFO = b"firstask-backup v1 wrap"
CONTEXT = b"firstask-backup-signature-v1\x00"
STATION_CODE = re.compile(r"[A-Za-z0-9]{1,16}")


def _wrap_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> ChaCha20Poly1305:
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=WRAP_INFO
    ).derive(shared)
    return ChaCha20Poly1305(key)


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def seal(
    plain: Path, target: Path, *, station: str, made_at: str, signing_key, recipients: dict
) -> Path:
    """Write ``plain`` (a verified SQLite copy) sealed to ``recipients`` (role → X25519 public)."""
    file_key = os.urandom(32)
    wrapped = []
    for role, public in recipients.items():
        ephemeral = X25519PrivateKey.generate()
        eph_raw = keys.public_bytes(ephemeral)
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
        sealed_key = _wrap_key(shared, eph_raw, public).encrypt(b"\0" * 12, file_key, None)
        wrapped.append(
            {
                "role": role,
                "key_id": keys.key_id(public),
                "ephemeral_public": keys.b64(eph_raw),
                "file_key": keys.b64(sealed_key),
            }
        )
    size = Path(plain).stat().st_size
    signer = keys.public_bytes(signing_key)
    header = {
        "format": FORMAT,
        "version": VERSION,
        "station": station,
        "made_at": made_at,
        "size": size,
        "chunks": max(1, -(-size // CHUNK)),
        "recipients": wrapped,
        "signer_public": keys.b64(signer),
    }
    header_bytes = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
    aad = hashlib.sha256(header_bytes).digest()
    aead = ChaCha20Poly1305(file_key)

    def writer(handle) -> None:
        digest = hashlib.sha256()

        def out(data: bytes) -> None:
            handle.write(data)
            digest.update(data)

        out(MAGIC + len(header_bytes).to_bytes(4, "big") + header_bytes)
        with open(plain, "rb") as source:
            for index in range(header["chunks"]):
                block = source.read(CHUNK)
                last = index == header["chunks"] - 1
                out(aead.encrypt(_nonce(index, last), block, aad))
        handle.write(signing_key.sign(CONTEXT + digest.digest()))

    return write_atomic(target, writer=writer, what="备份到U盘")


def _refused(path: Path, what: str) -> RefusedError:
    return RefusedError(f"加密备份“{Path(path).name}”{what}：没有恢复任何数据。请换一个备份文件。")


def read_header(path: Path) -> tuple[dict, int]:
    if not Path(path).is_file():  # a folder picked, a stick pulled out
        raise _refused(path, "找不到（或不是文件；U盘可能没有插好）")
    with open(path, "rb") as handle:
        head = handle.read(len(MAGIC) + 4)
        if head[: len(MAGIC)] != MAGIC or len(head) < len(MAGIC) + 4:
            raise _refused(path, "不是首问登记的加密备份")
        length = int.from_bytes(head[len(MAGIC) :], "big")
        if not 1 <= length <= 65536:
            raise _refused(path, "已损坏")
        try:
            header = json.loads(handle.read(length).decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise _refused(path, "已损坏") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise _refused(path, "不是首问登记的加密备份")
    if header.get("version") != VERSION:
        raise _refused(path, "来自更新版本的首问登记，请先升级本程序")
    return header, len(MAGIC) + 4 + length


def station_of(path: Path, header: dict) -> str:
    """The station the header names; it becomes part of a file and a folder name, so nothing
    but a station's code (no "../") is taken."""
    station = header.get("station")
    if not isinstance(station, str) or not STATION_CODE.fullmatch(station):
        raise _refused(path, "已损坏")
    return station


def unseal(
    path: Path,
    target: Path,
    private_keys: list[X25519PrivateKey],
    signers: list[bytes] | None,
) -> dict:
    """Check the signature and write the register to ``target``; returns the header.
    ``private_keys``: the keys this PC holds (the station's backup key, the county's key).
    ``signers``: the signing keys a backup may come from (this station's own; at the county,
    the key registered for the station the header names), None where none is known (a
    station that never sent a file). Anyone can seal a file to the county's public key,
    which travels on sticks, and sign it with a key of their own: a signature that only
    agrees with itself says nothing of who made the backup."""
    path = Path(path)
    header, offset = read_header(path)
    station = station_of(path, header)
    size = path.stat().st_size
    chunks, plain_size = header.get("chunks"), header.get("size")
    if type(chunks) is not int or type(plain_size) is not int or chunks < 1:
        raise _refused(path, "已损坏")
    if size != offset + plain_size + chunks * TAG + 64:
        raise _refused(path, "长度不对（可能没有拷贝完整）")
    try:
        signer = keys.unb64(header["signer_public"])
        file_key = _file_key(header, private_keys)
    except (KeyError, TypeError, ValueError):
        raise _refused(path, "已损坏") from None
    if file_key is None:
        raise _refused(path, "不是加密给本机的密钥的（需要本所原来的数据文件夹或县公司的电脑）")
    if signers is not None and signer not in signers:
        raise _refused(path, f"不是用供电所 {station} 登记的密钥签名的（可能是伪造的）")
    with open(path, "rb") as handle:
        digest = hashlib.sha256(handle.read(offset))
        header_bytes = _header_bytes(path, offset)
        aad = hashlib.sha256(header_bytes).digest()
        aead = ChaCha20Poly1305(file_key)

        def writer(out) -> None:
            remaining = plain_size
            for index in range(chunks):
                length = min(CHUNK, remaining) + TAG
                block = handle.read(length)
                digest.update(block)
                try:
                    out.write(aead.decrypt(_nonce(index, index == chunks - 1), block, aad))
                except InvalidTag:
                    raise _refused(path, "的内容已损坏或被改动") from None
                remaining -= length - TAG
            if not keys.verify_signature(signer, handle.read(64), CONTEXT + digest.digest()):
                raise _refused(path, "的签名不符")

        write_atomic(target, writer=writer, what="解密备份")
    return header


def _header_bytes(path: Path, offset: int) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(offset)[len(MAGIC) + 4 :]


def _file_key(header: dict, private_keys: list[X25519PrivateKey]) -> bytes | None:
    mine = {keys.key_id(keys.public_bytes(k)): k for k in private_keys}
    for entry in header["recipients"]:
        key = mine.get(entry["key_id"])
        if key is None:
            continue
        eph = keys.unb64(entry["ephemeral_public"])
        shared = key.exchange(X25519PublicKey.from_public_bytes(eph))
        try:
            return _wrap_key(shared, eph, keys.public_bytes(key)).decrypt(
                b"\0" * 12, keys.unb64(entry["file_key"]), None
            )
        except InvalidTag:
            return None
    return None


def private_keys_of(folder: Path) -> list[X25519PrivateKey]:
    """The keys of this data folder that can open a sealed backup."""
    found = []
    for name, load in (
        (keys.BACKUP_KEY_FILE, keys.load_or_create_backup_key),
        (keys.ENCRYPTION_KEY_FILE, keys.load_or_create_encryption_key),
    ):
        if (keys.keys_dir(folder) / name).is_file():
            found.append(load(folder))
    return found


def signers_for(
    folder: Path, station: str, *, registered: bool, made_at: object = None
) -> list[bytes] | None:
    """The signing keys a sealed backup of ``station`` may come from here, None when none is
    known: this data folder's own (its backups, restored on this PC or a copy of its folder)
    and, with ``registered`` (the open register's keys: the county's ``backup open``), the
    key registered for it when it sent its first file and the keys that key replaced (a
    backup made on the station's old PC, if ``made_at``, the time in its header, is not after
    the key's retirement), unless the old PC was reported lost."""
    found = []
    if (keys.keys_dir(folder) / keys.SIGNING_KEY_FILE).is_file():
        found.append(keys.public_bytes(keys.load_or_create_signing_key(folder)))
    if registered:
        from firstask_desktop.store.local_station import local_station
        from firstask_desktop.store.trusted_keys import has_key_history, station_keys

        known = station_keys(station)
        here = local_station()
        if known or has_key_history(station):
            when = _header_time(made_at)
            # None vouching (all revoked, or dated after their retirement) leaves a list that
            # refuses every other signer: never None, which would check none.
            return found + [k.raw for k in known if k.vouches_for(when)]
        if here is None or here.code != station:
            # A station that never sent a file: nothing to compare with (as its first file).
            return None
    return found or None


def _header_time(text: object) -> datetime | None:
    """The header's local time; one with a UTC offset was not written here: unknown."""
    try:
        when = datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None
    return when if when is not None and when.tzinfo is None else None


ATTACHMENT_SUFFIX = ".faattach"


def seal_attachments(
    pool: Path, stick_folder: Path, hashes, *, station: str, made_at: str, signing_key, recipients
) -> int:
    """Each attachment file of ``hashes`` sealed like the register (same format, one file per
    attachment) into ``stick_folder``, unless the stick has it already; returns how many were
    written. A file is named by its hash, which tells a finder nothing of its content."""
    written = 0
    for sha in sorted(hashes):
        target = Path(stick_folder) / f"{sha}{ATTACHMENT_SUFFIX}"
        source = attachment_files.path_in(pool, sha)
        if target.is_file() or not source.is_file():
            continue
        seal(
            source,
            target,
            station=station,
            made_at=made_at,
            signing_key=signing_key,
            recipients=recipients,
        )
        written += 1
    return written


def unseal_attachments(
    stick_folder: Path,
    folder: Path,
    hashes,
    private_keys: list[X25519PrivateKey],
    signers: list[bytes] | None,
) -> int:
    """The attachment files of ``hashes`` the data folder lacks, opened from ``stick_folder``;
    a file that does not open or is not its hash is skipped (``check`` names what is still
    missing). Returns how many were brought back."""
    brought = 0
    for sha in sorted(hashes):
        source = Path(stick_folder) / f"{sha}{ATTACHMENT_SUFFIX}"
        target = attachment_files.path_for(folder, sha)
        if not source.is_file() or attachment_files.state_of(target, sha) == "ok":
            continue
        try:
            unseal(source, target, private_keys, signers)
        except RefusedError:
            continue
        if attachment_files.state_of(target, sha) == "ok":
            brought += 1
        else:
            target.unlink(missing_ok=True)
    return brought
