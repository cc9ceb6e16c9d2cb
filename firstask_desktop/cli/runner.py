"""The command line (DESIGN.md §6): a contract the county office and the tests rely on.

Exit status: 0 done; 2 refused (bad input, not allowed, not found) with one Chinese line on
stderr and nothing changed; 1 anything else. This module never imports PySide6.
"""

from __future__ import annotations

import argparse
import os
import sys

from firstask_desktop import __version__
from firstask_desktop.cli import access, common, extensions
from firstask_desktop.cli.common import CliRefused
from firstask_desktop.cli.entry_cmds import add_entry_commands
from firstask_desktop.cli.staff_cmds import add_staff_commands
from firstask_desktop.domain.errors import FieldErrors, RefusedError, StorageError
from firstask_desktop.store import config, db
from firstask_desktop.store.disk_errors import storage_error


class _Parser(argparse.ArgumentParser):
    """argparse, but its complaints are one Chinese line and exit status 2."""

    def error(self, message: str):  # noqa: D401 - argparse API
        if "expected one argument" in message:
            # A value starting with "-" (a name like -张三, a result like -已解决) looks like
            # an option to argparse; the = form carries it.
            raise CliRefused(
                f"命令行参数有误（{message}）：以“-”开头的内容请写成 --选项=内容，"
                "如 --result=-已解决。"
            )
        raise CliRefused(f"命令行参数有误（{message}）：用 --help 查看用法。")


# --- commands --------------------------------------------------------------------------------


def cmd_init(args) -> int:
    from firstask_desktop.services.station import init_station

    station = init_station(
        code=args.station_code,
        name=args.station_name,
        county=args.county,
        mode=args.mode,
        area=args.area,
        admin_name=args.admin,
        admin_password=common.password(f"管理员 {args.admin} 的密码："),
        phone=args.phone,
    )
    print(
        f"已建立{station.name}（{station.code}），管理员：{args.admin}。数据文件夹：{args.data_dir_path}"
    )
    return 0


def cmd_demo(args) -> int:
    from firstask_desktop.demo.demo_station import BULK_FROM, build_demo

    def progress(done: int, total: int) -> None:  # a large demo takes a minute or two
        print(f"已生成 {done}/{total} 条登记……", file=sys.stderr, flush=True)

    summary = build_demo(
        entries=args.entries,
        seed=args.seed,
        on_progress=progress if args.entries > BULK_FROM else None,
    )
    print(
        f"演示供电所已生成：{summary['station']}，{summary['entries']} 条登记，"
        f"{summary['staff']} 名人员（演示密码 {summary['password']}）。"
    )
    print("可以登录的人员：" + "、".join(f"{name}（{role}）" for name, role in summary["people"]))
    return 0


def cmd_check(args) -> int:
    from firstask_desktop.services.county import check_problems
    from firstask_desktop.store.integrity import check_database, unverified_phones

    problems = check_database()
    problems += [] if problems else check_problems()
    # Not a fault of the file: numbers the clerks kept although they could not be verified.
    unverified = unverified_phones()
    if unverified:
        print(f"{len(unverified)} 条登记的联系方式号码未经核实，回访前请先与客户核对：")
        for line in unverified:
            print(f"  {line}")
    from firstask_desktop.services.holidays import notice

    calendar_warning = not problems and notice()
    if calendar_warning:
        # Not damage (exit 0), but deadlines in that year are estimates until the county sends it.
        print(f"注意：{calendar_warning}")
    if not problems:
        print("检查通过：数据库完整，审计链完好，所有记录与审计一致。")
        return 0
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"发现 {len(problems)} 个问题：请联系县公司，并保留本数据文件夹和备份。", file=sys.stderr)
    return 1


# --- the parser --------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="firstask", description="首问登记 FirstAsk Desktop")
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument(
        "--data-dir", help="数据文件夹（默认：环境变量 FIRSTASK_DATA_DIR 或用户数据文件夹）"
    )
    parser.add_argument("--as", dest="acting", default="", help="操作人员姓名")
    parser.add_argument(
        "--db",
        default="",
        help="县公司的 PostgreSQL 数据库 postgresql://用户@主机/库名（或环境变量 FIRSTASK_DB）",
    )
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = commands.add_parser("init", help="初始化供电所（或县公司）")
    p.add_argument("--station-code", required=True)
    p.add_argument("--station-name", required=True)
    p.add_argument("--county", default="")
    p.add_argument("--mode", default="station")
    p.add_argument("--area", default="rural")
    p.add_argument("--admin", required=True)
    p.add_argument("--phone", default="")
    p.set_defaults(func=cmd_init)

    staff = add_staff_commands(commands, _Parser)
    add_entry_commands(commands, _Parser)

    p = commands.add_parser("demo", help="在空数据文件夹中生成演示供电所")
    p.add_argument("--entries", type=int, default=300)
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(func=cmd_demo)

    p = commands.add_parser("check", help="检查数据库完整性和审计链")
    p.set_defaults(func=cmd_check)

    from firstask_desktop.cli.assess_cmds import add_assess_commands

    add_assess_commands(commands, _Parser)

    from firstask_desktop.cli.sync_cmds import add_sync_commands

    add_sync_commands(commands, _Parser)
    from firstask_desktop.cli.print_cmds import add_print_commands

    printing = add_print_commands(commands, _Parser)
    from firstask_desktop.cli.assess_cmds import add_assess_print_commands

    add_assess_print_commands(printing)
    from firstask_desktop.cli.trust_cmds import add_trust_commands

    add_trust_commands(commands, _Parser, staff=staff)
    from firstask_desktop.cli.holiday_cmds import add_holiday_commands

    add_holiday_commands(commands, _Parser)
    for add_group in extensions.command_groups:  # from the composition root (Qt commands)
        add_group(commands)
    access.stamp_paths(parser)
    return parser


def _log_in(args) -> None:
    """Every command runs as a logged-in person allowed by the permission table (access.py);
    a command that needs no login never tries one, so a wrong ``--as`` cannot lock anyone out."""
    from firstask_desktop.store.models import Station

    path = args.command_path
    if not access.needs_login(path, station_exists=Station.select().exists()):
        args.actor = None
        return
    access.check_allowed(path, common.actor(args))


def run(argv: list[str]) -> int:
    """Run one command; returns the exit status."""
    try:
        args = build_parser().parse_args(argv)
        if not getattr(args, "func", None):
            raise CliRefused("请给出命令，如 entry list；用 --help 查看全部命令。")
        from firstask_desktop.store.storage import open_store

        args.data_dir_path = config.data_dir(args.data_dir)
        if args.data_dir_path.exists() and not args.data_dir_path.is_dir():
            raise CliRefused(
                f"数据文件夹“{args.data_dir_path}”不是文件夹（是一个文件或设备）："
                "请用 --data-dir 指定一个文件夹，或不写以使用默认位置。"
            )
        opens = getattr(args, "opens_store", True)
        if opens == "when_healthy":  # backup restore: a damaged register cannot be logged in to
            from firstask_desktop.services.backup import database_is_healthy

            opens = database_is_healthy(config.db_path(args.data_dir_path))
        if opens:
            open_store(args.data_dir_path, config.database_url(args.db))
            from firstask_desktop.cli.trust_cmds import print_clock_warning

            print_clock_warning()
            _log_in(args)
        try:
            return args.func(args)
        finally:
            db.close()
    except FieldErrors as err:  # several fields at once: one line each, every field named
        for problem in err.problems.values():
            print(str(problem).replace("\n", " "), file=sys.stderr)
        return 2
    except RefusedError as err:
        print(str(err).replace("\n", " "), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 1
    except StorageError as err:  # the disk, not the request: exit 1, one Chinese line
        print(str(err).replace("\n", " "), file=sys.stderr)
        return 1
    except Exception as err:  # noqa: BLE001 - the last line of defence: say it in Chinese
        mapped = storage_error(err, "读写数据")
        if mapped is not None:
            print(str(mapped), file=sys.stderr)
            return 1
        print(
            f"出错了：{type(err).__name__}: {err}。数据未被部分修改；请重试，仍不行请联系县公司。",
            file=sys.stderr,
        )
        if os.environ.get("FIRSTASK_DEBUG"):
            raise
        return 1


def main(argv: list[str] | None = None) -> int:
    return run(sys.argv[1:] if argv is None else argv)
