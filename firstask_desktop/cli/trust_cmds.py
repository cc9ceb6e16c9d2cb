"""Command-line doors to accounts, backups and the Excel export (same contract as DESIGN.md §6).

staff passwd                          own password (current: FIRSTASK_PASSWORD, new: FIRSTASK_NEW_PASSWORD)
staff reset-password --name N         administrator: new password from FIRSTASK_NEW_PASSWORD
staff deactivate --name N             administrator: a leaver can no longer log in
backup now | backup list | backup to DIR | backup open FILE --out DIR | backup restore FILE
export excel [--month YYYY-MM] --out FILE.xlsx
"""

from __future__ import annotations

import sys
from pathlib import Path

from firstask_desktop.cli import common


def viewer(args):
    """Who is looking, for masking: the logged-in person (every such command needs a login)."""
    return common.actor(args)


def print_clock_warning() -> None:
    from firstask_desktop.services.clock import clock_warning

    warning = clock_warning()
    if warning:
        print(warning, file=sys.stderr)


# --- staff ---------------------------------------------------------------------------------------


def cmd_passwd(args) -> int:
    from firstask_desktop.services.accounts import change_password
    from firstask_desktop.services.station import require_station

    require_station()
    me = common.actor(args)  # logged in with the current password (FIRSTASK_PASSWORD)
    change_password(me, args.login_password, common.new_password("新密码："))
    print(f"{me.name} 的密码已修改，下次登录请用新密码。")
    return 0


def cmd_reset_password(args) -> int:
    from firstask_desktop.services.accounts import reset_password

    staff = reset_password(
        common.actor(args), args.name, common.new_password(f"{args.name} 的新密码：")
    )
    print(f"已重置 {staff.name} 的密码（账户锁定同时解除）：请当面告知本人，并请其登录后自行修改。")
    return 0


def cmd_deactivate(args) -> int:
    from firstask_desktop.services.accounts import deactivate_staff

    owners = dict(pair.split("=", 1) for pair in args.owner if "=" in pair)
    if args.hand_to:
        owners["*"] = args.hand_to
    staff = deactivate_staff(common.actor(args), args.name, owners=owners, reason=args.reason)
    print(f"已停用 {staff.name} 的账户：其登记和记录全部保留，未结事项已移交。")
    return 0


# --- backup --------------------------------------------------------------------------------------


def cmd_backup_now(args) -> int:
    from firstask_desktop.services.backup import make_backup

    path = make_backup(args.data_dir_path, kind="manual")
    print(f"已备份并通过检查：{path}")
    return 0


def cmd_backup_list(args) -> int:
    from firstask_desktop.services.backup import list_backups

    rows = list_backups(args.data_dir_path)
    if args.json:
        common.print_json(
            [
                {
                    "file": str(b.path),
                    "kind": b.kind,
                    "size": b.size,
                    "made_at": b.made_at.isoformat(timespec="seconds") if b.made_at else None,
                }
                for b in rows
            ]
        )
        return 0
    if not rows:
        print("还没有备份。")
    for b in rows:
        print(f"{b.label}\t{b.path}")
    return 0


def cmd_backup_to(args) -> int:
    from firstask_desktop.services.backup import backup_to

    path = backup_to(args.data_dir_path, Path(args.dir), common.actor(args))
    print(f"已备份到U盘并核对无误，可以安全拔出：{path}")
    return 0


def cmd_backup_open(args) -> int:
    """The county (or the station) opens a sealed USB backup for a station's new PC."""
    from firstask_desktop.services.backup import open_sealed

    path = open_sealed(args.data_dir_path, Path(args.file), Path(args.out))
    print(
        f"已解密为 {path}：请把它拷到该所的新电脑，运行 backup restore 恢复，恢复后删除这个文件。"
    )
    return 0


def cmd_backup_restore(args) -> int:
    """Runs before the store is opened: a damaged register cannot be opened to log in to."""
    from firstask_desktop.services.backup import restore

    # The runner opened a healthy register and logged the person in; a damaged one was left
    # closed (nobody can log in to it) and is restored without a login.
    actor = getattr(args, "actor", None)
    report = restore(args.data_dir_path, Path(args.file), actor=actor)
    aside = f"；原来的文件保留为 {report.kept_aside}" if report.kept_aside else ""
    print(f"已从 {report.restored_from} 恢复登记簿{aside}。")
    for problem in report.problems:
        print(problem, file=sys.stderr)
    return 1 if report.problems else 0


# --- export --------------------------------------------------------------------------------------


def cmd_export_excel(args) -> int:
    from firstask_desktop.services.export_excel import export_register

    common.refuse_folder_as_file(args.out)
    result = export_register(common.actor(args), Path(args.out), month=args.month)
    masked = "（个人信息已隐去）" if result.masked else ""
    print(f"已导出 {result.rows} 条登记{masked}并核对无误：{result.path}")
    return 0


def add_trust_commands(commands, parser_class, staff) -> None:
    """Add the commands above to the top-level ``commands`` and the ``staff`` subcommands."""
    p = staff.add_parser(
        "passwd", help="修改自己的密码（新密码：FIRSTASK_NEW_PASSWORD 或提示输入）"
    )
    p.set_defaults(func=cmd_passwd)
    p = staff.add_parser("reset-password", help="管理员重置他人密码（并解除锁定）")
    p.add_argument("--name", required=True)
    p.set_defaults(func=cmd_reset_password)
    p = staff.add_parser("deactivate", help="管理员停用离职人员的账户（未结事项须先移交）")
    p.add_argument("--name", required=True)
    p.add_argument("--hand-to", default="", help="未结登记和所管客户全部移交给此人")
    p.add_argument(
        "--owner", action="append", default=[], help="逐项移交：受理编号=姓名 或 customer:编号=姓名"
    )
    p.add_argument("--reason", default="")
    p.set_defaults(func=cmd_deactivate)

    backup = commands.add_parser("backup", help="备份与恢复").add_subparsers(
        dest="sub", required=True, parser_class=parser_class
    )
    p = backup.add_parser("now", help="立即备份到数据文件夹的 backups")
    p.set_defaults(func=cmd_backup_now)
    p = backup.add_parser("list", help="列出备份")
    p.add_argument("--json", action="store_true")
    # Reads only the backups folder: it must work when the register itself is damaged (then
    # nobody can log in, and it lists file names only); on a healthy register, a login.
    p.set_defaults(func=cmd_backup_list, opens_store="when_healthy")
    p = backup.add_parser("to", help="备份到U盘（先在本机做好并核对，再写入并核对）")
    p.add_argument("dir")
    p.set_defaults(func=cmd_backup_to)
    p = backup.add_parser("open", help="解密U盘上的加密备份（县公司帮供电所的新电脑恢复时用）")
    p.add_argument("file")
    p.add_argument("--out", required=True)
    # Decrypts a whole register: only for who may restore backups, logged in.
    p.set_defaults(func=cmd_backup_open)
    p = backup.add_parser("restore", help="用一个备份恢复登记簿（原文件先保留）")
    p.add_argument("file")
    p.set_defaults(func=cmd_backup_restore, opens_store="when_healthy")

    export = commands.add_parser("export", help="导出").add_subparsers(
        dest="sub", required=True, parser_class=parser_class
    )
    p = export.add_parser("excel", help="登记簿导出为 Excel（无权查看个人信息时自动隐去）")
    p.add_argument("--month", default="")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_export_excel)
