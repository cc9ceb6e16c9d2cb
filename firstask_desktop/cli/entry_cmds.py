"""The ``entry`` commands (DESIGN.md §6): register, list, show, and each step of a matter."""

from __future__ import annotations

import sys
from datetime import datetime

from firstask_desktop.cli import common
from firstask_desktop.cli.attachment_cmds import add_attachment_commands
from firstask_desktop.cli.common import CliRefused, parse_datetime
from firstask_desktop.services.entry_steps import run_step


def cmd_entry_add(args) -> int:
    from firstask_desktop.domain.validation import UnverifiedPhoneError
    from firstask_desktop.services.entries import register_entry
    from firstask_desktop.services.queries import entry_to_dict

    actor = common.actor(args)
    try:
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
            received_at=parse_datetime(args.received_at, up_to_now=True)
            if args.received_at
            else None,
            reception_notes=args.notes,
            missing_documents=args.missing_doc,
            wo_number=args.wo_number,
            wo_due_at=parse_datetime(args.wo_due_at, "wo_number") if args.wo_due_at else None,
            result=args.result,
            phone_unverified=args.phone_unverified,
        )
    except UnverifiedPhoneError as err:
        raise CliRefused(f"{err}（确认无误的，加 --phone-unverified 再登记一次）") from err
    if entry.phone_unverified:
        from firstask_desktop.domain.validation import UNVERIFIED_MARK, phone_problem

        print(
            f"注意：联系方式 {entry.phone}：{phone_problem(entry.phone)}，"
            f"已按所填保存并标记“{UNVERIFIED_MARK}”；回访前请先与客户核对。",
            file=sys.stderr,
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


def _limit(text: str) -> int:
    value = (text or "").strip()
    if not value:
        return 0
    if not value.isdecimal() or len(value) > 7:
        raise CliRefused(f"--limit 应是 1 到 9999999 之间的整数（收到“{text}”），不限条数时不写。")
    return int(value)


def cmd_entry_list(args) -> int:
    from firstask_desktop.cli.trust_cmds import viewer
    from firstask_desktop.domain.visibility import entry_dict_for, may_see_personal_data
    from firstask_desktop.services.queries import (
        DUE_STATE_LABELS,
        entry_to_dict,
        list_entries,
        matches_as_shown,
    )
    from firstask_desktop.services.station import require_station

    require_station()
    limit = _limit(args.limit)
    who = viewer(args)  # personal data unmasked only for those allowed (permissions.py)
    query = list_entries(_filter_from_args(args))
    if limit and not args.search:
        query = query.limit(limit)
    now = datetime.now()

    def shown():
        count = 0
        for e in query.iterator():
            d = entry_dict_for(who, e, entry_to_dict(e, now))
            # Searched only by what this person sees: no digit-by-digit oracle on masked data.
            if args.search and not may_see_personal_data(who, e):
                if not matches_as_shown(d, args.search):
                    continue
            yield d
            count += 1
            if count == limit:
                return

    if args.json:
        common.print_json(list(shown()))
        return 0
    for d in shown():
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
    for t in details["transfers"]:  # numbered as --transfer N names them
        where = "　".join(part for part in (t["department"], t["to_staff"]) if part)
        print(
            f"转办 {t['number']}：{where or '（未指定部门）'}，"
            f"{t['transferred_at'].replace('T', ' ')} 转办，{_transfer_state(t)}"
        )
    for item in details["timeline"]:
        print(f"  {item['at'].replace('T', ' ')}  {item['actor']}  {item['label']}")
    return 0


# 督办, 转办完成 and 撤回转办 act on one transfer; an entry may be with several departments.
TRANSFER_OPTION = (
    "--transfer",
    dict(
        default="",
        metavar="N",
        help="哪一项转办：entry show 列出的序号（--json 的 number），或其 uuid；"
        "只有一项在办理时可不写",
    ),
)


def _transfer_state(t: dict) -> str:
    if t["withdrawn_at"]:
        return "已撤回"
    if t["returned_at"]:
        return "已退回"
    if t["done_at"]:
        return "已办完"
    return "办理中" + (f"，时限 {t['due_at'].replace('T', ' ')}" if t["due_at"] else "")


def _entry_step(action: str, fields, message):
    """A command that runs one step of services/entry_steps.py with the fields of its options."""

    def run(args) -> int:
        from firstask_desktop.domain.errors import TransferNotNamedError

        try:
            run_step(common.actor(args), action, args.serial, **fields(args))
        except TransferNotNamedError as err:
            raise CliRefused(
                f"{err}命令行上加 --transfer 序号，如 --transfer {err.numbers[-1]}。"
            ) from err
        print(message.format(serial=args.serial.upper()))
        return 0

    return run


def _register_entry_steps(sub) -> None:
    from firstask_desktop.cli.responsibility_cmds import add_entry_steps, add_void_options

    steps = [  # command, help, options, the step's fields from them, what to say when done
        (
            "transfer",
            "转办：交给部门办理，仍由首问责任人督办",
            [
                ("--department", dict(required=True)),
                ("--note", dict(default="")),
                ("--to-staff", dict(default="")),
                ("--due-at", dict(default="")),
            ],
            lambda x: dict(
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
            [("--note", dict(required=True)), TRANSFER_OPTION],
            lambda x: dict(note=x.note, transfer=x.transfer),
            "{serial} 已记录督办",
        ),
        (
            "finish-transfer",
            "转办部门已办完，回到首问责任人",
            [("--note", dict(default="")), TRANSFER_OPTION],
            lambda x: dict(note=x.note, transfer=x.transfer),
            "{serial} 转办已完成",
        ),
        (
            "withdraw-transfer",
            "撤回转办：转错了，在接收人接收或办理之前撤回（须写原因）",
            [("--reason", dict(required=True)), TRANSFER_OPTION],
            lambda x: dict(reason=x.reason, transfer=x.transfer),
            "{serial} 已撤回转办",
        ),
        (
            "contact",
            "记录首次联系客户",
            [("--note", dict(default=""))],
            lambda x: dict(note=x.note),
            "{serial} 已记录联系",
        ),
        ("start", "开始办理", [], lambda x: {}, "{serial} 办理中"),
        (
            "reply",
            "答复客户办理结果（已解决）",
            [("--result", dict(required=True))],
            lambda x: dict(result=x.result),
            "{serial} 已答复客户",
        ),
        (
            "unresolved",
            "不能解决：记录原因并上报所长",
            [("--reason", dict(required=True))],
            lambda x: dict(reason=x.reason),
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
            lambda x: dict(
                method=x.method, outcome=x.outcome, satisfaction=x.satisfaction, note=x.note
            ),
            "{serial} 已记录回访",
        ),
        ("close", "办结", [], lambda x: {}, "{serial} 已办结"),
        (
            "void",
            "作废（须写原因）",
            [("--reason", dict(required=True))],
            lambda x: dict(reason=x.reason),
            "{serial} 已作废",
        ),
    ]
    for name, help_text, options, fields, message in steps:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("serial")
        for flag, kwargs in options:
            p.add_argument(flag, **kwargs)
        p.set_defaults(func=_entry_step(name.replace("-", "_"), fields, message))
        if name == "void":
            add_void_options(p)  # --approver: the head approves voiding a late or others' entry
    add_entry_steps(sub)  # the head's reassign and decide, a transfer's accept and return


def add_entry_commands(commands, parser_class) -> None:
    entry = commands.add_parser("entry", help="首问登记").add_subparsers(
        dest="sub", required=True, parser_class=parser_class
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
    p.add_argument(
        "--phone-unverified",
        action="store_true",
        help="号码核对不上（新区号、农村交换机等）但已与客户确认：按所填保存，标记“号码未经核实”",
    )
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
    p.add_argument("--limit", default="", help="最多列出多少条")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_entry_list)
    p = entry.add_parser("show", help="查看一条登记")
    p.add_argument("serial")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_entry_show)
    _register_entry_steps(entry)
    add_attachment_commands(entry)
