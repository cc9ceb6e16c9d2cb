"""``entry attach``, ``entry attachments``, ``entry detach``: the entry's files (附件)."""

from __future__ import annotations

from pathlib import Path

from firstask_desktop.cli import common
from firstask_desktop.domain import vocab


def cmd_entry_attach(args) -> int:
    from firstask_desktop.services.attachments import add_attachment, read_picked

    path = Path(args.file)
    item = add_attachment(
        common.actor(args),
        args.serial,
        read_picked(path),
        file_name=path.name,
        kind=args.kind,
        note=args.note,
    )
    print(
        f"{item.entry.serial} 已添加附件 {item.uuid[:8]}（{vocab.ATTACHMENT_KINDS[item.kind]}，"
        f"{item.file_name}，{item.size / 1024:.0f} KB）"
    )
    return 0


def cmd_entry_attachments(args) -> int:
    from firstask_desktop.services.attachments import list_attachments

    listed = list_attachments(common.actor(args), args.serial, include_removed=args.removed)
    if args.json:
        common.print_json(listed)
        return 0
    if not listed:
        print(f"{args.serial.upper()} 没有附件")
    for a in listed:
        name = a["file_name"] if a["visible"] else "（无权查看）"
        line = [a["id"], a["kind_label"], name, f"{a['size'] / 1024:.0f} KB", a["added_at"]]
        line += [a["added_by"], a["note"]]
        if a["removed"]:
            line.append(f"已删除：{a['removed_by']} {a['removed_at']} {a['remove_reason']}")
        print("\t".join(line).rstrip())
    return 0


def cmd_entry_detach(args) -> int:
    from firstask_desktop.services.attachments import remove_attachment

    item = remove_attachment(common.actor(args), args.serial, args.id, args.reason)
    print(f"{item.entry.serial} 的附件 {item.uuid[:8]} 已删除（文件保留到下次备份）")
    return 0


def add_attachment_commands(entry) -> None:
    """The three commands, under ``entry``."""
    kinds = "、".join(vocab.ATTACHMENT_KINDS.values())
    p = entry.add_parser("attach", help="给登记添加附件（照片、PDF）")
    p.add_argument("serial")
    p.add_argument("file", help="照片（JPEG、PNG 等，自动缩小并去掉位置信息）或 PDF")
    p.add_argument("--kind", required=True, help=f"附件类别：{kinds}")
    p.add_argument("--note", default="", help="说明")
    p.set_defaults(func=cmd_entry_attach)
    p = entry.add_parser("attachments", help="列出登记的附件")
    p.add_argument("serial")
    p.add_argument("--removed", action="store_true", help="也列出已删除的附件")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_entry_attachments)
    p = entry.add_parser("detach", help="删除登记的一个附件（须写原因）")
    p.add_argument("serial")
    p.add_argument("id", help="附件编号（entry attachments 列出的前 8 位）")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_entry_detach)
