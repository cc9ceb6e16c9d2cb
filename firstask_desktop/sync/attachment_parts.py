"""Attachment files on their way to the county: numbered part files beside the station's file.

The station's sync file carries the attachment rows like any record; the bytes travel in part
files ``<STATION>-<seq>-att-001.fasync`` … beside it, each a container of kind
``station_attachments`` (encrypted to the county, signed by the station) whose body lines are
pieces of files: ``{"t": "blob", "d": {"sha256", "size", "offset", "data": base64}}``. A part
stays under ``PART_SIZE`` (1 GiB: a FAT32 stick takes no file over 4 GiB), so a big export is
several parts and one file may continue from one part into the next. The main file's signed
header lists every part with its length and SHA-256: a part missing, cut off or changed refuses
the whole import before anything is written (docs/sync-format.md).
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from pathlib import Path

from firstask_desktop.store import attachment_files, keys
from firstask_desktop.store.models import Attachment

from .container import (
    FORMAT,
    VERSION,
    ZERO_HASH,
    BodyWriter,
    SyncFile,
    iter_records,
    open_sync_file,
    refuse,
    write_container,
)

KIND = "station_attachments"
TABLE = "blob"
PART_SIZE = 1024**3
PIECE = 512 * 1024  # bytes of a file per line: its base64 stays well under the 1 MiB line limit
HEADROOM = 16 * 1024  # the part's header, signature and the last chunk's tag
MAX_PARTS = 10_000


def part_name(station: str, seq: int, number: int) -> str:
    return f"{station}-{seq:06d}-att-{number:03d}.fasync"


@dataclass
class WrittenParts:
    parts: list[dict] = field(default_factory=list)  # name, sha256, size: the main header's list
    paths: list[Path] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)  # the files carried
    size: int = 0  # bytes of the attachment files themselves


def files_to_send(attachment_ids: set[int] | None, code: str, sent: set[str]) -> list[str]:
    """Hashes of the attachments (of ``attachment_ids``, or all the station's) not yet sent."""
    query = Attachment.select(Attachment.sha256).where(
        (Attachment.station == code) & Attachment.removed_at.is_null()
    )
    hashes = set()
    if attachment_ids is None:
        hashes = {sha for (sha,) in query.tuples()}
    else:
        wanted = sorted(attachment_ids)
        for start in range(0, len(wanted), 500):
            chunk = query.where(Attachment.id.in_(wanted[start : start + 500]))
            hashes.update(sha for (sha,) in chunk.tuples())
    return sorted(hashes - sent)


def write_parts(
    out_dir: Path,
    folder: Path,
    hashes: list[str],
    *,
    header: dict,
    county_public: bytes,
    signing_key,
    part_size: int = PART_SIZE,
    on_file=None,
) -> WrittenParts:
    """Write the part files of ``hashes`` into ``out_dir``; a file missing from the store, or a
    hash that is none, is left out (the station's ``check`` names it). ``header``: the main file's station, seq and
    created_at, repeated in each part. On any failure no part file is left behind."""
    writer = _PartWriter(Path(out_dir), header, county_public, signing_key, part_size)
    try:
        for sha in hashes:
            if not attachment_files.HEX64.match(sha or ""):
                continue  # a row edited outside the program: check names it, the county refuses it
            path = attachment_files.path_for(folder, sha)
            if attachment_files.state_of(path, sha) != "ok":
                continue
            writer.add_file(path, sha)
            if on_file is not None:
                on_file(len(writer.written.hashes))
        writer.close_part()
    except BaseException:
        for path in writer.written.paths:
            path.unlink(missing_ok=True)
        raise
    return writer.written


class _PartWriter:
    def __init__(self, out_dir, header, county_public, signing_key, part_size):
        self.out_dir, self.header, self.part_size = out_dir, header, part_size
        self.county_public, self.signing_key = county_public, signing_key
        self.piece = max(1024, min(PIECE, (part_size - HEADROOM) // 3))
        self.body: BodyWriter | None = None
        self.written = WrittenParts()

    def add_file(self, path: Path, sha: str) -> None:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            offset = 0
            while offset < size:
                data = handle.read(self.piece)
                bound = len(data) * 4 // 3 + 200  # the line, were it not compressed at all
                if self.body is not None and (
                    self.body.length_so_far() + bound > self.part_size - HEADROOM
                ):
                    self.close_part()
                if self.body is None:
                    self.body = BodyWriter(self.county_public)
                piece = base64.b64encode(data).decode("ascii")
                self.body.add(TABLE, {"sha256": sha, "size": size, "offset": offset, "data": piece})
                offset += len(data)
        self.written.hashes.append(sha)
        self.written.size += size

    def close_part(self) -> None:
        if self.body is None:
            return
        number = len(self.written.parts) + 1
        name = part_name(self.header["station"], self.header["seq"], number)
        public = keys.public_bytes(self.signing_key)
        part_header = {
            "format": FORMAT,
            "version": VERSION,
            "kind": KIND,
            "station": self.header["station"],
            "seq": self.header["seq"],
            "part": number,
            "prev_hash": ZERO_HASH,
            "created_at": self.header["created_at"],
            "counts": dict(self.body.counts),
            "signer_public": keys.b64(public),
            "key_id": keys.key_id(public),
        }
        target = self.out_dir / name
        self.written.paths.append(target)  # before writing: a failure removes it too
        file_hash = write_container(target, part_header, self.body, self.signing_key)
        self.body = None
        self.written.parts.append(
            {"name": name, "sha256": file_hash, "size": target.stat().st_size}
        )


# --- at the county ------------------------------------------------------------------------------


def _listed(sync_file: SyncFile) -> list[dict]:
    listed = sync_file.header.get("attachment_parts", [])
    bad = refuse(sync_file.path, "的附件部分清单有误", "文件已损坏或被篡改。")
    if not isinstance(listed, list) or len(listed) > MAX_PARTS:
        raise bad
    for number, part in enumerate(listed, start=1):
        if (
            not isinstance(part, dict)
            or part.get("name") != part_name(sync_file.station, sync_file.seq, number)
            or type(part.get("size")) is not int
            or not isinstance(part.get("sha256"), str)
            or not re.match(r"^[0-9a-f]{64}$", part["sha256"])
        ):
            raise bad
    return listed


def check_parts(sync_file: SyncFile) -> list[SyncFile]:
    """Every part the station's file lists, beside it, whole and signed by the same key; else
    the whole file is refused (nothing has been written yet)."""
    opened = []
    listed = _listed(sync_file)
    for number, part in enumerate(listed, start=1):
        path = sync_file.path.parent / part["name"]
        if not path.is_file():
            raise refuse(
                sync_file.path,
                f"的附件第 {number} 部分“{part['name']}”不在",
                f"同一次导出共有 {len(listed)} 个附件部分文件（-att-001 起），"
                "请把它们和主文件一起拷到同一个文件夹后再导入。",
            )
        if (
            path.stat().st_size != part["size"]
            or attachment_files.file_sha256(path) != part["sha256"]
        ):
            raise refuse(
                sync_file.path,
                f"的附件第 {number} 部分“{part['name']}”已损坏或不完整",
                "请重新拷贝这个部分文件，或请供电所重新导出。",
            )
        part_file = open_sync_file(path)
        header = part_file.header
        if (
            header.get("kind") != KIND
            or part_file.station != sync_file.station
            or part_file.seq != sync_file.seq
            or header.get("part") != number
            or part_file.signer_public != sync_file.signer_public
        ):
            raise refuse(
                sync_file.path,
                f"的附件第 {number} 部分不属于这个文件",
                "文件已损坏或被篡改；请把同一次导出的主文件和附件部分文件一起拷来。",
            )
        opened.append(part_file)
    return opened


def receive(parts: list[SyncFile], folder: Path, decryption_key) -> int:
    """Write the files the parts carry into the county's store; returns how many arrived.
    A file whose pieces do not add up to its hash refuses the import (the rows are not merged
    yet; files already written are named by their hash and harm nothing)."""
    current: attachment_files.Incoming | None = None
    arrived = 0
    try:
        for part in parts:
            for table, data in iter_records(part, decryption_key):
                sha, size, offset, piece = _piece(part, table, data)
                if current is not None and current.sha256 != sha:
                    arrived += _finish(current, part)
                    current = None
                if current is None:
                    if offset != 0:
                        raise refuse(part.path, "中的附件文件不完整", "请供电所重新导出。")
                    current = attachment_files.Incoming(folder, sha, size)
                if offset != current.written or offset + len(piece) > size:
                    raise refuse(part.path, "中的附件文件顺序不对", "文件已损坏或被篡改。")
                current.write(piece)
        if current is not None:
            arrived += _finish(current, parts[-1])
            current = None
    finally:
        if current is not None:
            current.abort()
    return arrived


def _finish(current: attachment_files.Incoming, part: SyncFile) -> int:
    if not current.finish():
        raise refuse(part.path, "中的附件文件与其校验值不符", "文件已损坏或被篡改。")
    return 1


def _piece(part: SyncFile, table: str, data: dict) -> tuple[str, int, int, bytes]:
    bad = refuse(part.path, "中含有格式不对的附件内容", "文件已损坏或被篡改。")
    if table != TABLE or set(data) != {"sha256", "size", "offset", "data"}:
        raise bad
    sha, size, offset = data["sha256"], data["size"], data["offset"]
    if (
        not isinstance(sha, str)
        or not re.match(r"^[0-9a-f]{64}$", sha)
        or type(size) is not int
        or type(offset) is not int
        or not 0 <= offset < size
        or not isinstance(data["data"], str)
    ):
        raise bad
    try:
        piece = base64.b64decode(data["data"], validate=True)
    except (binascii.Error, ValueError):
        raise bad from None
    return sha, size, offset, piece
