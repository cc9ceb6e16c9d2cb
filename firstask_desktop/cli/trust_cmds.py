"""Command-line doors to accounts, backups and the Excel export (same contract as DESIGN.md §6).

staff passwd                          own password (current: FIRSTASK_PASSWORD, new: FIRSTASK_NEW_PASSWORD)
staff reset-password --name N         administrator: new password from FIRSTASK_NEW_PASSWORD
staff deactivate --name N             administrator: a leaver can no longer log in
backup now | backup list | backup to DIR | backup restore FILE
export excel [--month YYYY-MM] --out FILE.xlsx
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from firstask_desktop.cli import common
from firstask_desktop.cli.common import ENV_PASSWORD, CliRefused
from firstask_desktop.domain.errors import NotAllowedError

ENV_NEW_PASSWORD = "FIRSTASK_NEW_PASSWORD"


def _new_password(prompt: str) -> str:
    value = os.environ.get(ENV_NEW_PASSWORD)
    if value is not None:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise CliRefused(f"需要新密码：请设置环境变量 {ENV_NEW_PASSWORD}，或在终端中运行以输入。")
    import getpass

    first = getpass.getpass(prompt)
    if getpass.getpass("再输入一次：") != first:
        raise CliRefused("两次输入的新密码不一致，密码没有修改：请重新运行。")
    return first


def viewer(args):
    """Who is looking, for masking lists: the ``--as`` staff member when their password is
    right, else nobody (lists need no login; personal data does)."""
    name = args.acting or os.environ.get("FIRSTASK_USER", "")
    if not name:
        return None
    try:
        return common.actor(args)
    except (NotAllowedError, CliRefused) as err:
        print(f"{err} 个人信息已隐去。", file=sys.stderr)
        return None


def print_clock_warning() -> None:
    from firstask_desktop.services.clock import clock_warning

    warning = clock_warning()
    if warning:
        print(warning, file=sys.stderr)


# --- staff ---------------------------------------------------------------------------------------


def cmd_passwd(args) -> int:
    from firstask_desktop.services.accounts import change_password
    from firstask_desktop.services.station import authenticate, require_station

    require_station()
    name = args.acting or os.environ.get("FIRSTASK_USER", "")
    if not name:
        raise CliRefused(f"请用 --as 姓名 指定自己（当前密码取自环境变量 {ENV_PASSWORD}）。")
    old = common.password(f"{name} 的当前密码：")
    me = authenticate(name, old)
    change_password(me, old, _new_password("新密码："))
    print(f"{me.name} 的密码已修改，下次登录请用新密码。")
    return 0


def cmd_reset_password(args) -> int:
    from firstask_desktop.services.accounts import reset_password

    staff = reset_password(common.actor(args), args.name, _new_password(f"{args.name} 的新密码："))
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


def cmd_backup_restore(args) -> int:
    """Runs before the store is opened: a damaged register cannot be opened to log in to."""
    from firstask_desktop.services.backup import database_is_healthy, restore
    from firstask_desktop.store import config
    from firstask_desktop.store.storage import open_store

    actor = None
    if database_is_healthy(config.db_path(args.data_dir_path)):
        open_store(args.data_dir_path)
        actor = common.actor(args)
    report = restore(args.data_dir_path, Path(args.file), actor=actor)
    aside = f"；原来的文件保留为 {report.kept_aside}" if report.kept_aside else ""
    print(f"已从 {report.restored_from} 恢复登记簿{aside}。")
    for problem in report.problems:
        print(problem, file=sys.stderr)
    return 1 if report.problems else 0


# --- export --------------------------------------------------------------------------------------


def cmd_export_excel(args) -> int:
    from firstask_desktop.services.export_excel import export_register

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
    p.set_defaults(func=cmd_backup_list)
    p = backup.add_parser("to", help="备份到U盘（先在本机做好并核对，再写入并核对）")
    p.add_argument("dir")
    p.set_defaults(func=cmd_backup_to)
    p = backup.add_parser("restore", help="用一个备份恢复登记簿（原文件先保留）")
    p.add_argument("file")
    p.set_defaults(func=cmd_backup_restore, opens_store=False)

    export = commands.add_parser("export", help="导出").add_subparsers(
        dest="sub", required=True, parser_class=parser_class
    )
    p = export.add_parser("excel", help="登记簿导出为 Excel（无权查看个人信息时自动隐去）")
    p.add_argument("--month", default="")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_export_excel)
