"""附件: the letter, the photo, the customer's papers and the signed receipt, kept with the entry.

Whoever may edit an entry (entry_edits.may_edit) adds and removes its attachments; each change
is an audit event whose snapshot carries the file's SHA-256, so the chain vouches for the
bytes. A removal marks the row with who, when and why; the file stays in the data folder until
the next backup has copied it (attachment_files.drop_removed). Everything but a site
photo (a letter, an ID, a signed receipt) shows the customer, and is shown only to who may see
the customer unmasked (domain/visibility).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from firstask_desktop.domain import vocab
from firstask_desktop.domain.errors import NotAllowedError, NotFoundError, RefusedError
from firstask_desktop.domain.validation import clean_text
from firstask_desktop.domain.visibility import may_see_personal_data
from firstask_desktop.store import attachment_files, db
from firstask_desktop.store.audit import save_audited
from firstask_desktop.store.disk_errors import translated
from firstask_desktop.store.models import Attachment, Entry, Staff
from firstask_desktop.store.storage import current_folder

from .attachment_prep import MAX_INPUT, Prepared, prepare
from .entries import NOTE_MAX, get_entry
from .entry_edits import may_edit

# What shows the customer (a letter, a signed receipt, an ID, anything else: names, addresses,
# phones) is shown only to who sees the customer unmasked; a photo of the site is for everyone
# who works on the matter. The Excel names a 客户证件 by its kind alone even unmasked.
PERSONAL_KINDS = frozenset(vocab.ATTACHMENT_KINDS) - {"photo"}
KIND_ONLY_KINDS = frozenset({"id_document"})
ID_LENGTH = 8  # the uuid prefix people and the command line name an attachment by


def parse_kind(value: str) -> str:
    return vocab.parse_choice(value, vocab.ATTACHMENT_KINDS, "attachment_kind")


def may_view(viewer, item: Attachment, entry: Entry | None = None) -> bool:
    """Whether ``viewer`` may see the file (all but a site photo: only who sees the customer
    unmasked)."""
    if item.kind not in PERSONAL_KINDS:
        return True
    return may_see_personal_data(viewer, entry or item.entry)


def may_change(actor, serial: str) -> bool:
    """Whether ``actor`` may add or remove the entry's attachments now (the GUI's buttons)."""
    entry = get_entry(serial)
    return entry.status != "void" and may_edit(actor, entry)


def _require_editor(actor: Staff, entry: Entry) -> None:
    if entry.status == "void":
        raise RefusedError(f"{entry.serial} 已作废，不能再添加或删除附件。")
    if not may_edit(actor, entry):
        raise NotAllowedError(
            f"只有能修改 {entry.serial} 的人（首问责任人本人，答复后由所长或管理员）"
            "可以添加或删除它的附件。"
        )


def read_picked(path: Path) -> bytes:
    """The bytes of a file the clerk picked (a scanner folder, a stick)."""
    path = Path(path)
    try:
        found = path.is_file()
    except OSError:  # a name longer than the system takes (ENAMETOOLONG): no such file
        found = False
    if not found:
        shown = str(path) if len(str(path)) <= 200 else f"…{str(path)[-200:]}"
        raise RefusedError(f"找不到文件“{shown}”：请检查文件名，或重新选择文件。")
    if path.stat().st_size > MAX_INPUT:
        size = path.stat().st_size / 1024 / 1024
        raise RefusedError(
            f"文件“{path.name}”太大（{size:.0f} MB）：请先用扫描仪或手机缩小后再添加。"
        )
    with translated(f"读取文件“{path.name}”"):
        return path.read_bytes()


def add_attachment(
    actor: Staff,
    serial: str,
    data: bytes,
    *,
    file_name: str,
    kind: str,
    note: str = "",
    now: datetime | None = None,
    folder: Path | None = None,
) -> Attachment:
    """Keep ``data`` (a picked file's bytes) with the entry; returns the new attachment."""
    _require_editor(actor, get_entry(serial))  # refused before the photo is re-encoded
    return keep_prepared(
        actor, serial, prepare(data, file_name), kind=kind, note=note, now=now, folder=folder
    )


def keep_prepared(
    actor: Staff,
    serial: str,
    prepared: Prepared,
    *,
    kind: str,
    note: str = "",
    now: datetime | None = None,
    folder: Path | None = None,
) -> Attachment:
    """Keep a file already made ready (``prepare``: re-encoding a photo takes about 0.4 s, which
    the screen does before it asks the one writing thread for this)."""
    entry = get_entry(serial)
    _require_editor(actor, entry)
    kind = parse_kind(kind)
    note = clean_text(note, "note", max_len=NOTE_MAX)
    folder = folder or current_folder()
    # The file first: a row never points at bytes that are not there. A file left without a
    # row (the save failed) is named by nothing and harms nothing.
    sha = attachment_files.put(folder, prepared.data)
    now = (now or datetime.now()).replace(microsecond=0)
    item = Attachment(
        station=entry.station,
        entry=entry,
        sha256=sha,
        size=len(prepared.data),
        media_type=prepared.media_type,
        kind=kind,
        note=note,
        file_name=prepared.file_name,
        added_at=now,
        added_by=actor,
    )
    with db.transaction():
        save_audited(item, actor=actor, action="attach", at=now)
    return item


def find_attachment(serial: str, attachment_id: str) -> Attachment:
    """An attachment of the entry by the first characters of its id (8 are shown)."""
    entry = get_entry(serial)
    key = (attachment_id or "").strip().lower()
    found = []
    if len(key) >= 4:
        found = list(
            Attachment.select().where((Attachment.entry == entry) & Attachment.uuid.startswith(key))
        )
    if len(found) != 1:
        raise NotFoundError(
            f"{entry.serial} 没有编号为“{attachment_id}”的附件：请用 entry attachments "
            f"{entry.serial} 查看附件编号。"
        )
    return found[0]


def remove_attachment(
    actor: Staff,
    serial: str,
    attachment_id: str,
    reason: str,
    now: datetime | None = None,
) -> Attachment:
    """Mark an attachment removed, with the reason; its file stays until the next backup."""
    item = find_attachment(serial, attachment_id)
    entry = item.entry
    _require_editor(actor, entry)
    if item.removed_at is not None:
        raise RefusedError(f"附件 {item.uuid[:ID_LENGTH]} 已经删除过了，不用再删除。")
    reason = clean_text(reason, "reason", max_len=NOTE_MAX, required=True)
    now = (now or datetime.now()).replace(microsecond=0)
    item.removed_at = now
    item.removed_by = actor
    item.remove_reason = reason
    with db.transaction():
        save_audited(item, actor=actor, action="detach", at=now)
    return item


def attachment_dict(item: Attachment, *, visible: bool, staff_names: dict[int, str]) -> dict:
    """An attachment as lists and ``--json`` show it; a hidden one says only that it is there."""
    data = {
        "id": item.uuid[:ID_LENGTH],
        "uuid": item.uuid,
        "kind": item.kind,
        "kind_label": vocab.ATTACHMENT_KINDS.get(item.kind, item.kind),
        "visible": visible,
        "media_type": item.media_type,
        "size": item.size,
        "added_at": item.added_at.isoformat(timespec="minutes") if item.added_at else "",
        "added_by": staff_names.get(item.added_by_id, ""),
        "removed": item.removed_at is not None,
    }
    if visible:
        data.update(file_name=item.file_name, note=item.note, sha256=item.sha256)
    else:
        data.update(file_name="", note="", sha256="")
    if item.removed_at is not None:
        data.update(
            removed_at=item.removed_at.isoformat(timespec="minutes"),
            removed_by=staff_names.get(item.removed_by_id, ""),
            remove_reason=item.remove_reason if visible else "",
        )
    return data


def list_attachments(viewer, serial: str, *, include_removed: bool = False) -> list[dict]:
    """The entry's attachments as ``viewer`` may see them, oldest first."""
    entry = get_entry(serial)
    query = Attachment.select().where(Attachment.entry == entry)
    if not include_removed:
        query = query.where(Attachment.removed_at.is_null())
    items = list(query.order_by(Attachment.added_at, Attachment.id))
    ids = {i.added_by_id for i in items} | {i.removed_by_id for i in items if i.removed_by_id}
    names = dict(Staff.select(Staff.id, Staff.name).where(Staff.id.in_(ids)).tuples())
    return [
        attachment_dict(i, visible=may_view(viewer, i, entry), staff_names=names) for i in items
    ]


def attachment_names(entry_ids: list[int]) -> dict[int, list[str]]:
    """Entry id → the names of its attachments (the Excel export lists names only; a 客户证件
    by its kind alone)."""
    names: dict[int, list[str]] = {}
    for start in range(0, len(entry_ids), 500):
        query = (
            Attachment.select(Attachment.entry, Attachment.kind, Attachment.file_name)
            .where(
                Attachment.entry.in_(entry_ids[start : start + 500])
                & Attachment.removed_at.is_null()
            )
            .order_by(Attachment.id)
            .tuples()
        )
        for entry_id, kind, file_name in query:
            label = vocab.ATTACHMENT_KINDS.get(kind, kind)
            shown = label if kind in KIND_ONLY_KINDS else f"{label}：{file_name}"
            names.setdefault(entry_id, []).append(shown)
    return names


def read_attachment(viewer, serial: str, attachment_id: str, folder: Path | None = None):
    """``(attachment dict, bytes)`` of one file ``viewer`` may see; refuses a hidden one and a
    file that is missing or damaged."""
    item = find_attachment(serial, attachment_id)
    if not may_view(viewer, item):
        raise NotAllowedError(
            f"这份{vocab.ATTACHMENT_KINDS.get(item.kind, '附件')}载有客户的个人信息，只有能查看"
            "客户完整信息的人（首问责任人、客户经理、所长、管理员）可以打开。"
        )
    data = attachment_files.read(folder or current_folder(), item.sha256)
    if data is None:
        raise RefusedError(
            f"附件 {item.uuid[:ID_LENGTH]} 的文件不见了或已损坏：请运行 check 检查，"
            "并从备份恢复（县公司可请该所全量导出）。"
        )
    ids = {item.added_by_id, item.removed_by_id}
    names = dict(Staff.select(Staff.id, Staff.name).where(Staff.id.in_(ids)).tuples())
    return attachment_dict(item, visible=True, staff_names=names), data
