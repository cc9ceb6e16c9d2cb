"""The command line (DESIGN.md §6): a contract the county office and the tests rely on.

Exit status: 0 done; 2 refused (bad input, not allowed, not found) with one Chinese line on
stderr and nothing changed; 1 anything else. This module never imports PySide6.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime

from firstask_desktop import __version__
from firstask_desktop.cli import common, extensions
from firstask_desktop.cli.common import CliRefused, parse_datetime
from firstask_desktop.domain.errors import RefusedError, StorageError
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


def cmd_staff_add(args) -> int:
    from firstask_desktop.services.station import add_staff

    actor = common.actor(args)
    password = os.environ.get("FIRSTASK_NEW_PASSWORD") or common.password(
        f"{args.name} 的初始密码："
    )
    staff = add_staff(
        actor,
        name=args.name,
        role=args.role,
        department=args.department,
        phone=args.phone,
        password=password,
    )
    print(f"已添加人员：{staff.name}（{staff.role}）")
    return 0


def cmd_staff_list(args) -> int:
    from firstask_desktop.domain.vocab import ROLES
    from firstask_desktop.services.station import list_staff, require_station

    require_station()
    rows = [
        {
            "name": s.name,
            "role": s.role,
            "role_label": ROLES.get(s.role, s.role),
            "department": s.department.name if s.department else "",
            "phone": s.phone,
        }
        for s in list_staff()
    ]
    if args.json:
        common.print_json(rows)
    else:
        for r in rows:
            print(f"{r['name']}\t{r['role_label']}\t{r['department']}\t{r['phone']}")
    return 0


def cmd_department_add(args) -> int:
    from firstask_desktop.services.station import add_department

    dep = add_department(common.actor(args), name=args.name, phone=args.phone, place=args.place)
    print(f"已添加部门：{dep.name}")
    return 0


def cmd_department_list(args) -> int:
    from firstask_desktop.services.station import list_departments, require_station

    require_station()
    # This station's own (after sync the database also holds the county's directory).
    rows = [{"name": d.name, "phone": d.phone, "place": d.place} for d in list_departments()]
    if args.json:
        common.print_json(rows)
    else:
        for r in rows:
            print(f"{r['name']}\t{r['phone']}\t{r['place']}")
    return 0


def cmd_entry_add(args) -> int:
    from firstask_desktop.services.entries import register_entry
    from firstask_desktop.services.queries import entry_to_dict

    actor = common.actor(args)
    entry = register_entry(
        actor,
        channel=args.channel,
        category=args.category,
        visitor=args.visitor,
        unit=args.unit,
        address=args.address,
        phone=args.phone,
        account_no=args.account_no,
        matter=args.matter,
        responder=args.responder,
        responder_reason=args.responder_reason,
        received_at=parse_datetime(args.received_at) if args.received_at else None,
        reception_notes=args.notes,
        missing_documents=args.missing_doc,
        wo_number=args.wo_number,
        wo_due_at=parse_datetime(args.wo_due_at, "wo_number") if args.wo_due_at else None,
        result=args.result,
    )
    if args.json:
        common.print_json(entry_to_dict(entry))
    else:
        due = f"，答复时限 {entry.due_at:%Y-%m-%d %H:%M}" if entry.due_at else ""
        print(f"已登记 {entry.serial}，首问责任人 {entry.responder.name}{due}")
    return 0


def _filter_from_args(args):
    from firstask_desktop.services.queries import EntryFilter

    return EntryFilter(
        month=args.month or "",
        status=args.status or "",
        category=args.category or "",
        responder=args.responder or "",
        search=args.search or "",
        overdue=args.overdue,
        station=args.station or "",
    )


def cmd_entry_list(args) -> int:
    from firstask_desktop.services.queries import entry_to_dict, list_entries
    from firstask_desktop.services.station import require_station

    require_station()
    query = list_entries(_filter_from_args(args))
    if args.limit:
        query = query.limit(args.limit)
    now = datetime.now()
    from firstask_desktop.cli.trust_cmds import viewer
    from firstask_desktop.domain.visibility import entry_dict_for

    who = viewer(args)  # personal data unmasked only for those allowed (permissions.py)
    if args.json:
        common.print_json([entry_dict_for(who, e, entry_to_dict(e, now)) for e in query.iterator()])
        return 0
    from firstask_desktop.services.queries import DUE_STATE_LABELS

    for e in query.iterator():
        d = entry_dict_for(who, e, entry_to_dict(e, now))
        print(
            "\t".join(
                [
                    d["serial"],
                    d["received_at"].replace("T", " "),
                    d["category_label"],
                    d["visitor"],
                    d["responder"],
                    d["status_label"],
                    (d["due_at"] or "").replace("T", " "),
                    DUE_STATE_LABELS[d["due_state"]],
                ]
            )
        )
    return 0


def cmd_entry_show(args) -> int:
    from firstask_desktop.cli.trust_cmds import viewer
    from firstask_desktop.domain.visibility import entry_dict_for
    from firstask_desktop.services.entries import get_entry
    from firstask_desktop.services.queries import entry_details
    from firstask_desktop.services.station import require_station

    require_station()
    entry = get_entry(args.serial)
    details = entry_dict_for(viewer(args), entry, entry_details(entry))
    if args.json:
        common.print_json(details)
        return 0
    labels = [
        ("受理编号", "serial"),
        ("受理时间", "received_at"),
        ("渠道", "channel_label"),
        ("类别", "category_label"),
        ("来访人", "visitor"),
        ("单位", "unit"),
        ("地址", "address"),
        ("联系方式", "phone"),
        ("户号", "account_no"),
        ("事由", "matter"),
        ("首问责任人", "responder"),
        ("非客户经理负责的原因", "responder_reason"),
        ("状态", "status_label"),
        ("答复时限", "due_at"),
        ("办理结果", "result"),
        ("未办结原因", "unresolved_reason"),
        ("接待情况", "reception_notes"),
    ]
    for label, key in labels:
        if details.get(key):
            print(f"{label}：{details[key]}")
    if details["missing_documents"]:
        print("一次性告知材料：" + "、".join(details["missing_documents"]))
    for item in details["timeline"]:
        print(f"  {item['at'].replace('T', ' ')}  {item['actor']}  {item['label']}")
    return 0


def _entry_step(func, message):
    def run(args) -> int:
        actor = common.actor(args)
        func(actor, args)
        print(message.format(serial=args.serial.upper()))
        return 0

    return run


def _register_entry_steps(sub) -> None:
    from firstask_desktop.services import entries as svc

    steps = [
        (
            "transfer",
            "转办：交给部门办理，仍由首问责任人督办",
            [
                ("--department", dict(required=True)),
                ("--note", dict(default="")),
                ("--to-staff", dict(default="")),
                ("--due-at", dict(default="")),
            ],
            lambda a, x: svc.transfer_entry(
                a,
                x.serial,
                department=x.department,
                note=x.note,
                to_staff=x.to_staff,
                due_at=parse_datetime(x.due_at, "due_at") if x.due_at else None,
            ),
            "{serial} 已转办",
        ),
        (
            "supervise",
            "督办：记录一次催办联系",
            [("--note", dict(required=True))],
            lambda a, x: svc.record_supervision(a, x.serial, x.note),
            "{serial} 已记录督办",
        ),
        (
            "finish-transfer",
            "转办部门已办完，回到首问责任人",
            [("--note", dict(default=""))],
            lambda a, x: svc.finish_transfer(a, x.serial, x.note),
            "{serial} 转办已完成",
        ),
        (
            "contact",
            "记录首次联系客户",
            [("--note", dict(default=""))],
            lambda a, x: svc.record_contact(a, x.serial, x.note),
            "{serial} 已记录联系",
        ),
        ("start", "开始办理", [], lambda a, x: svc.start_entry(a, x.serial), "{serial} 办理中"),
        (
            "reply",
            "答复客户办理结果（已解决）",
            [("--result", dict(required=True))],
            lambda a, x: svc.reply_entry(a, x.serial, x.result),
            "{serial} 已答复客户",
        ),
        (
            "unresolved",
            "不能解决：记录原因并上报所长",
            [("--reason", dict(required=True))],
            lambda a, x: svc.mark_unresolved(a, x.serial, x.reason),
            "{serial} 已上报所长",
        ),
        (
            "follow-up",
            "回访",
            [
                ("--method", dict(required=True)),
                ("--satisfaction", dict(default="")),
                ("--outcome", dict(default="reached")),
                ("--note", dict(default="")),
            ],
            lambda a, x: svc.record_follow_up(
                a,
                x.serial,
                method=x.method,
                outcome=x.outcome,
                satisfaction=x.satisfaction,
                note=x.note,
            ),
            "{serial} 已记录回访",
        ),
        ("close", "办结", [], lambda a, x: svc.close_entry(a, x.serial), "{serial} 已办结"),
        (
            "void",
            "作废（须写原因）",
            [("--reason", dict(required=True))],
            lambda a, x: svc.void_entry(a, x.serial, x.reason),
            "{serial} 已作废",
        ),
    ]
    from firstask_desktop.cli.responsibility_cmds import add_entry_steps, add_void_options

    for name, help_text, options, func, message in steps:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("serial")
        for flag, kwargs in options:
            p.add_argument(flag, **kwargs)
        p.set_defaults(func=_entry_step(func, message))
        if name == "void":
            add_void_options(p)
    add_entry_steps(sub)


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
    return 0


def cmd_check(args) -> int:
    from firstask_desktop.store.integrity import check_database

    problems = check_database()
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

    staff = commands.add_parser("staff", help="人员").add_subparsers(
        dest="sub", required=True, parser_class=_Parser
    )
    p = staff.add_parser("add", help="添加人员（初始密码：FIRSTASK_NEW_PASSWORD 或提示输入）")
    p.add_argument("--name", required=True)
    p.add_argument("--role", required=True)
    p.add_argument("--department", default="")
    p.add_argument("--phone", default="")
    p.set_defaults(func=cmd_staff_add)
    p = staff.add_parser("list", help="人员名单")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_staff_list)

    dep = commands.add_parser("department", help="部门").add_subparsers(
        dest="sub", required=True, parser_class=_Parser
    )
    p = dep.add_parser("add", help="添加部门")
    p.add_argument("--name", required=True)
    p.add_argument("--phone", default="")
    p.add_argument("--place", default="")
    p.set_defaults(func=cmd_department_add)
    p = dep.add_parser("list", help="部门列表")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_department_list)

    entry = commands.add_parser("entry", help="首问登记").add_subparsers(
        dest="sub", required=True, parser_class=_Parser
    )
    p = entry.add_parser("add", help="登记")
    p.add_argument("--channel", required=True)
    p.add_argument("--category", required=True)
    p.add_argument("--visitor", required=True)
    p.add_argument("--unit", default="")
    p.add_argument("--address", default="")
    p.add_argument("--phone", default="")
    p.add_argument("--account-no", default="", help="户号")
    p.add_argument("--matter", required=True)
    p.add_argument("--responder", default="")
    p.add_argument(
        "--responder-reason", default="", help="金银铜牌客户由客户经理以外的人负责时的原因"
    )
    p.add_argument("--received-at", default="")
    p.add_argument("--notes", default="", help="接待情况")
    p.add_argument("--missing-doc", action="append", default=[], help="一次性告知的缺件（可多次）")
    p.add_argument("--wo-number", default="", help="95598工单号")
    p.add_argument("--wo-due-at", default="", help="95598工单时限")
    p.add_argument("--result", default="", help="当场答复的结果")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_entry_add)
    p = entry.add_parser("list", help="登记簿")
    p.add_argument("--month", default="")
    p.add_argument("--status", default="")
    p.add_argument("--category", default="")
    p.add_argument("--responder", default="")
    p.add_argument("--overdue", action="store_true")
    p.add_argument("--search", default="")
    p.add_argument("--station", default="")
    p.add_argument("--limit", type=int, default=0)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_entry_list)
    p = entry.add_parser("show", help="查看一条登记")
    p.add_argument("serial")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_entry_show)
    _register_entry_steps(entry)

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
    return parser


def run(argv: list[str]) -> int:
    """Run one command; returns the exit status."""
    try:
        args = build_parser().parse_args(argv)
        if not getattr(args, "func", None):
            raise CliRefused("请给出命令，如 entry list；用 --help 查看全部命令。")
        from firstask_desktop.store.storage import open_store

        args.data_dir_path = config.data_dir(args.data_dir)
        if getattr(args, "opens_store", True):  # backup restore opens a damaged file itself
            open_store(args.data_dir_path, config.database_url(args.db))
            from firstask_desktop.cli.trust_cmds import print_clock_warning

            print_clock_warning()
        try:
            return args.func(args)
        finally:
            db.close()
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
