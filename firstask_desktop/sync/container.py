"""The ``.fasync`` container (docs/sync-format.md): header, body, signature.

Layout, integers big-endian::

    8 bytes    magic  b"FASYNC\\r\\n"
    4 bytes    header length H (1 .. 65536)
    H bytes    header: one UTF-8 JSON object (format, version, kind, station, seq, counts, ...)
    N bytes    body, N = header["body_length"]: zlib-compressed JSON lines, encrypted when the
               header says so (station exports are; county packages and acknowledgements are not)
    64 bytes   Ed25519 signature of  SIGNATURE_CONTEXT || SHA-256(everything before it)

Encryption is the payload construction of age v1 built from ``cryptography``'s primitives: an
ephemeral X25519 key agreed with the county's key, HKDF-SHA256 (salt = ephemeral public key ||
recipient public key) to a 32-byte key, and ChaCha20-Poly1305 over 64 KiB chunks with the
nonce = 11-byte chunk counter || last-chunk flag (the STREAM construction), so that a file can
be written and read without holding it in memory, and a cut-off or reordered chunk fails.

Nothing here touches the database. Every way a file can be damaged ends in
:class:`SyncFileError`, a refusal with a Chinese sentence.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.store import keys
from firstask_desktop.store.fileio import write_atomic

MAGIC = b"FASYNC\r\n"
FORMAT = "firstask-sync"
# the version this program writes and the newest it reads (2: the entry's phone_unverified;
# 3: attachments, their rows in the file and their bytes in numbered part files beside it)
VERSION = 3
SIGNATURE_CONTEXT = b"firstask-sync-signature-v1\x00"
SCHEME = "X25519-HKDF-SHA256-ChaCha20Poly1305-STREAM64K"
HKDF_INFO = b"firstask-sync v1 body key"
CHUNK = 64 * 1024  # plaintext bytes per encrypted chunk
TAG = 16
SIGNATURE_LENGTH = 64
MAX_HEADER = 64 * 1024
MAX_FILE = 8 * 1024**3  # no station produces more; anything larger is not ours
MAX_COUNT = 20_000_000  # records of one table in one file
# One record, as JSON. The largest real one (an entry's audit event, before and after) is a few
# KiB; with merging done in batches bounded by size, this keeps a file of huge lines that a few
# KiB of zlib inflate to gigabytes within a fixed memory budget (docs/sync-format.md).
MAX_LINE = 1024 * 1024
KINDS = ("station_export", "county_package", "county_ack", "station_attachments")
STATION_CODE = re.compile(r"^[A-Z0-9]{2,12}$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")
ZERO_HASH = "0" * 64
COMPRESSION_LEVEL = 1  # level 6 is 15 % smaller and three times slower; sticks are big
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class SyncFileError(RefusedError):
    """The file is not one we can take in; nothing was changed."""


def refuse(path: Path | str, what: str, todo: str = "") -> SyncFileError:
    name = Path(path).name
    todo = todo or "请在发出文件的一方重新导出后再导入。"
    return SyncFileError(f"同步文件“{name}”{what}：已拒绝，未导入任何数据。{todo}")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- writing -----------------------------------------------------------------------------------


class BodyWriter:
    """Takes records one by one; compresses, encrypts (if given a recipient) and spools them."""

    def __init__(self, recipient_public: bytes | None = None):
        self._compressor = zlib.compressobj(COMPRESSION_LEVEL)
        self._spool = tempfile.SpooledTemporaryFile(max_size=64 * 1024 * 1024)
        self._pending = bytearray()  # compressed bytes not yet sealed into a chunk
        self._lines: list[str] = []
        self._buffered = 0
        self._chunk_index = 0
        self._digest = hashlib.sha256()
        self.length = 0
        self.counts: dict[str, int] = {}
        self.encryption: dict | None = None
        self._aead: ChaCha20Poly1305 | None = None
        if recipient_public is not None:
            ephemeral = X25519PrivateKey.generate()
            eph_raw = keys.public_bytes(ephemeral)
            shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
            self._aead = ChaCha20Poly1305(_derive_key(shared, eph_raw, recipient_public))
            self.encryption = {
                "scheme": SCHEME,
                "ephemeral_public": keys.b64(eph_raw),
                "recipient_key_id": keys.key_id(recipient_public),
            }

    def add(self, table: str, record: dict) -> None:
        line = _ENCODE({"t": table, "d": record})
        self._lines.append(line)
        self._buffered += len(line)
        self.counts[table] = self.counts.get(table, 0) + 1
        if self._buffered >= 256 * 1024:
            self._flush_lines()

    def _flush_lines(self) -> None:
        if not self._lines:
            return
        data = ("\n".join(self._lines) + "\n").encode("utf-8")
        self._lines.clear()
        self._buffered = 0
        self._feed(self._compressor.compress(data))

    def _feed(self, compressed: bytes) -> None:
        if self._aead is None:
            self._emit(compressed)
            return
        self._pending += compressed
        # Hold back at least one byte: the last chunk is sealed with the "last" flag at finish.
        while len(self._pending) > CHUNK:
            self._seal(bytes(self._pending[:CHUNK]), last=False)
            del self._pending[:CHUNK]

    def _seal(self, plain: bytes, *, last: bool) -> None:
        self._emit(self._aead.encrypt(_nonce(self._chunk_index, last), plain, None))
        self._chunk_index += 1

    def length_so_far(self) -> int:
        """The body's length if it ended now, give or take one chunk's tag (the compressor's
        buffer flushed first, so nothing is hidden inside it): a part file stops before it
        would grow past its limit."""
        self._flush_lines()
        self._feed(self._compressor.flush(zlib.Z_SYNC_FLUSH))
        return self.length + len(self._pending) + TAG

    def _emit(self, data: bytes) -> None:
        if data:
            self._spool.write(data)
            self._digest.update(data)
            self.length += len(data)

    def finish(self):
        """Close the body; returns the spooled file positioned at its start."""
        self._flush_lines()
        tail = self._compressor.flush()
        self._feed(tail)
        if self._aead is not None:
            self._seal(bytes(self._pending), last=True)
            self._pending.clear()
        self._spool.seek(0)
        return self._spool

    @property
    def sha256(self) -> str:
        return self._digest.hexdigest()


def _derive_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=ephemeral_public + recipient_public,
        info=HKDF_INFO,
    ).derive(shared)


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def encode_header(header: dict) -> bytes:
    return json.dumps(header, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def write_container(
    target: Path, header: dict, body: BodyWriter, signing_key: Ed25519PrivateKey
) -> str:
    """Write header + body + signature to ``target`` atomically; returns the file's SHA-256."""
    spool = body.finish()
    header = dict(header, body_length=body.length, body_sha256=body.sha256)
    if body.encryption is not None:
        header["encryption"] = body.encryption
    header_bytes = encode_header(header)
    if len(header_bytes) > MAX_HEADER:
        raise ValueError("sync header too large")
    prefix = MAGIC + len(header_bytes).to_bytes(4, "big") + header_bytes
    whole = hashlib.sha256()

    def writer(handle) -> None:
        signed = hashlib.sha256(prefix)
        handle.write(prefix)
        whole.update(prefix)
        for block in iter(lambda: spool.read(1 << 20), b""):
            signed.update(block)
            whole.update(block)
            handle.write(block)
        signature = signing_key.sign(SIGNATURE_CONTEXT + signed.digest())
        handle.write(signature)
        whole.update(signature)

    try:
        write_atomic(target, writer=writer, what=f"写出同步文件“{target.name}”")
    finally:
        spool.close()
    return whole.hexdigest()


# --- reading -----------------------------------------------------------------------------------


@dataclass
class SyncFile:
    """A file whose structure and signature have been checked (not yet whose key it is)."""

    path: Path
    header: dict
    header_length: int
    size: int
    file_hash: str
    signer_public: bytes

    @property
    def kind(self) -> str:
        return self.header["kind"]

    @property
    def station(self) -> str:
        return self.header["station"]

    @property
    def seq(self) -> int:
        return self.header["seq"]

    @property
    def body_offset(self) -> int:
        return len(MAGIC) + 4 + self.header_length

    @property
    def signer_fingerprint(self) -> str:
        return keys.fingerprint(self.signer_public)


def _int(header: dict, name: str, low: int, high: int, path: Path) -> int:
    value = header.get(name)
    if type(value) is not int or not low <= value <= high:
        raise refuse(path, f"的文件头字段 {name} 不合理（{value!r}）", "文件已损坏或被篡改。")
    return value


def _check_header(header: dict, path: Path) -> None:
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise refuse(path, "不是首问登记的同步文件")
    version = header.get("version")
    if type(version) is not int or version < 1:
        raise refuse(path, "的格式版本无法识别", "文件已损坏。")
    if version > VERSION:
        raise refuse(
            path,
            f"的格式版本为 {version}，本程序只认识到版本 {VERSION}",
            "请先把首问登记升级到新版本，再导入这个文件。",
        )
    if header.get("kind") not in KINDS:
        raise refuse(
            path, f"的类型“{header.get('kind')}”无法识别", "文件已损坏或不是本程序生成的。"
        )
    station = header.get("station")
    if not isinstance(station, str) or not STATION_CODE.match(station):
        # The code becomes part of file names (acknowledgements, quarantine): no "../" etc.
        raise refuse(
            path,
            f"的供电所编码“{station}”不合规（只能是 2–12 位大写字母或数字）",
            "文件已损坏或被篡改。",
        )
    _int(header, "seq", 1, 10**9, path)
    _int(header, "body_length", 1, MAX_FILE, path)
    for name in ("body_sha256", "prev_hash"):
        if not isinstance(header.get(name), str) or not HEX64.match(header[name]):
            raise refuse(path, f"的文件头字段 {name} 有误", "文件已损坏或被篡改。")
    counts = header.get("counts")
    if not isinstance(counts, dict) or not counts:
        raise refuse(path, "的记录数缺失", "文件已损坏或被篡改。")
    for table, count in counts.items():
        if (
            not isinstance(table, str)
            or not re.match(r"^[a-z_]{1,32}$", table)
            or type(count) is not int
            or not 0 <= count <= MAX_COUNT
        ):
            raise refuse(
                path,
                f"声明的记录数不合理（{table}: {count!r}）",
                "文件已损坏或被篡改，请不要导入。",
            )
    encryption = header.get("encryption")
    if encryption is not None and (
        not isinstance(encryption, dict)
        or encryption.get("scheme") != SCHEME
        or not isinstance(encryption.get("ephemeral_public"), str)
        or not isinstance(encryption.get("recipient_key_id"), str)
    ):
        raise refuse(path, "的加密方式无法识别", "请先把首问登记升级到新版本，或重新导出。")
    if not isinstance(header.get("signer_public"), str) or not isinstance(
        header.get("created_at"), str
    ):
        raise refuse(path, "的文件头不完整", "文件已损坏或被篡改。")


def open_sync_file(path: Path) -> SyncFile:
    """Check a file's structure, length and signature (against the key its header names)."""
    path = Path(path)
    try:
        if not path.is_file():
            raise refuse(path, "不存在或不是文件", "请检查U盘上的文件名。")
        size = path.stat().st_size
        if size == 0:
            raise refuse(path, "是空的（0 字节）", "可能没有拷贝完整：请重新拷贝或重新导出。")
        if size > MAX_FILE:
            raise refuse(path, "大得不合理", "这不是首问登记的同步文件。")
        with open(path, "rb") as handle:
            head = handle.read(len(MAGIC) + 4)
            if len(head) < len(MAGIC) or head[: len(MAGIC)] != MAGIC:
                raise refuse(path, "不是首问登记的同步文件", "请检查选择的文件。")
            if len(head) < len(MAGIC) + 4:
                raise refuse(
                    path, "不完整（在文件头处被截断）", "可能拷贝时U盘被拔出：请重新拷贝。"
                )
            header_length = int.from_bytes(head[len(MAGIC) :], "big")
            if not 1 <= header_length <= MAX_HEADER:
                raise refuse(path, "的文件头长度不合理", "文件已损坏。")
            header_bytes = handle.read(header_length)
            if len(header_bytes) < header_length:
                raise refuse(
                    path, "不完整（在文件头处被截断）", "可能拷贝时U盘被拔出：请重新拷贝。"
                )
            try:
                header = json.loads(header_bytes.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                raise refuse(path, "的文件头已损坏", "请重新拷贝或重新导出。") from None
            _check_header(header, path)
            expected = len(MAGIC) + 4 + header_length + header["body_length"] + SIGNATURE_LENGTH
            if size < expected:
                raise refuse(
                    path,
                    f"不完整（应为 {expected} 字节，实际只有 {size} 字节）",
                    "可能拷贝时U盘被拔出：请重新拷贝或重新导出。",
                )
            if size > expected:
                raise refuse(
                    path, f"末尾多出 {size - expected} 字节", "文件已被改动：请重新拷贝或重新导出。"
                )
            try:
                signer_public = keys.unb64(header["signer_public"])
                verifier = Ed25519PublicKey.from_public_bytes(signer_public)
            except ValueError:
                raise refuse(path, "的签名公钥有误", "文件已损坏或被篡改。") from None
            signed = hashlib.sha256(head + header_bytes)
            whole = hashlib.sha256(head + header_bytes)
            body = hashlib.sha256()
            remaining = header["body_length"]
            while remaining:
                block = handle.read(min(remaining, 1 << 20))
                if not block:
                    raise refuse(path, "在读取时变短了", "请不要在导入时拔出U盘，重新导入。")
                remaining -= len(block)
                signed.update(block)
                whole.update(block)
                body.update(block)
            signature = handle.read(SIGNATURE_LENGTH)
            whole.update(signature)
    except OSError as err:
        raise refuse(
            path, f"无法读取（{err.strerror or err}）", "请检查U盘是否插好后重试。"
        ) from None
    try:
        verifier.verify(signature, SIGNATURE_CONTEXT + signed.digest())
    except InvalidSignature:
        raise refuse(
            path,
            "的签名与内容不符：文件在签名之后被改动过或已损坏",
            "请不要使用这个文件，请在发出文件的一方重新导出。",
        ) from None
    if body.hexdigest() != header["body_sha256"]:
        raise refuse(path, "的内容与文件头记录的校验值不符", "文件已损坏。")
    return SyncFile(
        path=path,
        header=header,
        header_length=header_length,
        size=size,
        file_hash=whole.hexdigest(),
        signer_public=signer_public,
    )


def _body_blocks(sync_file: SyncFile, block_size: int) -> Iterator[bytes]:
    """The body bytes again, read in blocks; refuses if the file changed since it was checked."""
    digest = hashlib.sha256()
    remaining = sync_file.header["body_length"]
    with open(sync_file.path, "rb") as handle:
        handle.seek(sync_file.body_offset)
        while remaining:
            block = handle.read(min(remaining, block_size))
            if not block:
                raise refuse(sync_file.path, "在读取时变短了", "请不要在导入时拔出U盘，重新导入。")
            remaining -= len(block)
            digest.update(block)
            if not remaining and digest.hexdigest() != sync_file.header["body_sha256"]:
                raise refuse(sync_file.path, "在导入过程中被改动", "请重新导入。")
            yield block


def _plaintext(sync_file: SyncFile, decryption_key: X25519PrivateKey | None) -> Iterator[bytes]:
    encryption = sync_file.header.get("encryption")
    if encryption is None:
        yield from _body_blocks(sync_file, 1 << 20)
        return
    if decryption_key is None:
        raise refuse(sync_file.path, "是加密给县公司的", "只有县公司的电脑能导入它。")
    recipient_raw = keys.public_bytes(decryption_key)
    if encryption["recipient_key_id"] != keys.key_id(recipient_raw):
        raise refuse(
            sync_file.path,
            "是加密给另一把县公司密钥的，本机无法解密",
            "请让供电所导入本县公司的公钥文件（keys import）后重新导出。",
        )
    try:
        eph_raw = keys.unb64(encryption["ephemeral_public"])
        shared = decryption_key.exchange(X25519PublicKey.from_public_bytes(eph_raw))
    except ValueError:
        raise refuse(sync_file.path, "的加密参数有误", "文件已损坏或被篡改。") from None
    aead = ChaCha20Poly1305(_derive_key(shared, eph_raw, recipient_raw))
    body_length = sync_file.header["body_length"]
    sealed = CHUNK + TAG
    chunks = -(-body_length // sealed)
    if body_length - (chunks - 1) * sealed <= TAG:
        raise refuse(sync_file.path, "的加密内容长度不对", "文件已损坏。")
    for index, block in enumerate(_body_blocks(sync_file, sealed)):
        try:
            yield aead.decrypt(_nonce(index, index == chunks - 1), block, None)
        except InvalidTag:
            raise refuse(
                sync_file.path, "无法解密（内容已损坏或不是给本县公司的）", "请在供电所重新导出。"
            ) from None


def iter_records(
    sync_file: SyncFile,
    decryption_key: X25519PrivateKey | None = None,
) -> Iterator[tuple[str, dict]]:
    """Every (table, record) of the body, in file order; refuses anything malformed."""
    path = sync_file.path
    limit = sum(sync_file.header["counts"].values())
    seen = 0
    inflater = zlib.decompressobj()
    rest = b""
    try:
        for plain in _plaintext(sync_file, decryption_key):
            data = plain
            while data:
                if inflater.eof:
                    raise refuse(path, "的压缩内容之后还有多余数据", "文件已被改动。")
                out = inflater.decompress(data, 1 << 20)
                data = inflater.unconsumed_tail
                lines = (rest + out).split(b"\n")
                rest = lines.pop()
                if len(rest) > MAX_LINE:
                    raise refuse(path, "含有长得不合理的记录", "文件已损坏或被篡改。")
                for line in lines:
                    seen += 1
                    if seen > limit:
                        raise refuse(path, "的记录比文件头声明的多", "文件已损坏或被篡改。")
                    yield _parse_line(line, path)
        if not inflater.eof or inflater.unused_data or rest:
            raise refuse(path, "的压缩内容不完整", "文件已损坏。")
    except zlib.error:
        raise refuse(path, "的压缩内容已损坏", "请重新拷贝或重新导出。") from None


def _parse_line(line: bytes, path: Path) -> tuple[str, dict]:
    try:
        item = json.loads(line)
    except ValueError:
        raise refuse(path, "含有无法读取的记录", "文件已损坏。") from None
    if (
        not isinstance(item, dict)
        or not isinstance(item.get("t"), str)
        or not isinstance(item.get("d"), dict)
    ):
        raise refuse(path, "含有格式不对的记录", "文件已损坏或被篡改。")
    return item["t"], item["d"]
