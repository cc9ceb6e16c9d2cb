"""``print receipt|register|stats|overview|overdue|notice|guide|card`` and ``verify-receipt``
(DESIGN.md §6).

Each document is built in memory, written atomically, read back and checked before the command
says it is done. Characters the print font lacks are warned about on stderr (the file is still
written: the clerk fills them in by hand).
"""

from __future__ import annotations

import sys

from firstask_desktop.cli import common
from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.store import storage


def cmd_receipt(args) -> int:
    from firstask_desktop.reports.receipt import PAPERS, receipt_data, render_receipt

    if args.paper not in PAPERS:
        raise RefusedError(f"纸张“{args.paper}”不支持：请选 a4（存根联+客户联）或 a5（仅客户联）。")
    common.require_full_details(args, args.serial)
    data = receipt_data(args.serial)
    return common.write_pdf(render_receipt(data, args.paper), args.out, "受理回执", data)


def cmd_register(args) -> int:
    from firstask_desktop.reports.register import register_data, render_register

    data = register_data(args.month)
    return common.write_pdf(
        render_register(data), args.out, f"{data['month']} 月度首问登记簿", data
    )


def cmd_stats(args) -> int:
    from firstask_desktop.reports.statistics import render_stats
    from firstask_desktop.services.month_stats import month_stats
    from firstask_desktop.services.station import require_station

    require_station()
    data = month_stats(args.month, station=args.station or None)
    return common.write_pdf(render_stats(data), args.out, f"{data['month']} 月度统计表", data)


def cmd_overview(args) -> int:
    from firstask_desktop.reports.county_sheets import render_overview
    from firstask_desktop.services.county_overview import county_overview
    from firstask_desktop.services.station import require_station

    require_station()
    data = county_overview(args.month)
    return common.write_pdf(render_overview(data), args.out, f"{data['month']} 各供电所总览", data)


def cmd_overdue(args) -> int:
    from firstask_desktop.reports.county_sheets import render_overdue_lists
    from firstask_desktop.services.county_overview import overdue_lists
    from firstask_desktop.services.station import require_station

    require_station()
    data = overdue_lists(args.station or None)
    return common.write_pdf(render_overdue_lists(data), args.out, "超期事项清单", data)


def cmd_notice(args) -> int:
    from firstask_desktop.reports.notice import notice_data, render_notice

    common.require_full_details(args, args.serial)
    data = notice_data(args.serial)
    return common.write_pdf(render_notice(data), args.out, "一次性告知单", data)


def cmd_guide(args) -> int:
    from firstask_desktop.reports.guide import LANGUAGES, guide_data, render_guide

    common.actor(args)
    if args.lang not in LANGUAGES:
        raise RefusedError(f"手册语言“{args.lang}”不支持：请选 zh_CN（中文）或 en（英文）。")
    guide = render_guide(args.lang)
    return common.write_pdf(guide.data, args.out, "用户手册", guide_data(args.lang))


def cmd_card(args) -> int:
    from firstask_desktop.reports.wall_card import card_data, render_card

    common.actor(args)
    data = card_data()
    return common.write_pdf(render_card(data), args.out, "制度上墙卡", data)


def cmd_verify_receipt(args) -> int:
    from firstask_desktop.domain.vocab import CATEGORIES
    from firstask_desktop.store.receipt_codes import PREFIX, verify_code, verify_short_code

    text = " ".join(args.code).strip()
    if text.startswith(PREFIX + "."):
        check = verify_code(text, storage.current_folder())
    else:
        parts = text.replace("/", " ").split(None, 1)
        if len(parts) != 2:
            raise RefusedError(
                "请给出回执二维码的内容（以 FA1. 开头），或“受理编号 验证码”"
                "（如 GS0101-2026-00001 ABCD-EFGH）。"
            )
        check = verify_short_code(parts[0], parts[1], storage.current_folder())
    if not check.genuine:
        print(f"不符：{check.message}", file=sys.stderr)
        return 2
    print(f"真实：{check.message}")
    print(f"受理编号：{check.serial}")
    print(f"受理时间：{check.received_at:%Y-%m-%d %H:%M}")
    print(f"类别：{CATEGORIES.get(check.category, check.category)}")
    print(f"首问责任人：{check.responder}")
    print(f"签发密钥：{check.key_id}")
    return 0


def add_print_commands(commands, parser_class):
    """Add ``print`` and ``verify-receipt``; returns the ``print`` sub-commands (for more)."""
    printing = commands.add_parser("print", help="打印（生成PDF）").add_subparsers(
        dest="sub", required=True, parser_class=parser_class
    )
    p = printing.add_parser("receipt", help="受理回执（带签名二维码）")
    p.add_argument("serial")
    p.add_argument("--out", required=True)
    p.add_argument("--paper", default="a4", help="a4：存根联+客户联（默认）；a5：仅客户联")
    p.set_defaults(func=cmd_receipt)
    p = printing.add_parser("register", help="月度首问登记簿（上墙，个人信息遮蔽）")
    p.add_argument("--month", required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_register)
    p = printing.add_parser("stats", help="月度统计表")
    p.add_argument("--month", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--station", default="", help="县公司：只统计这个供电所")
    p.set_defaults(func=cmd_stats)
    p = printing.add_parser("overview", help="县公司：各供电所总览（超期、上报、及时率、同步）")
    p.add_argument("--month", required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_overview)
    p = printing.add_parser("overdue", help="超期事项清单（每个供电所一页，所长签字）")
    p.add_argument("--station", action="append", default=[], help="只打印这个供电所（可多次）")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_overdue)
    p = printing.add_parser("notice", help="一次性告知单")
    p.add_argument("serial")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_notice)

    p = printing.add_parser("guide", help="用户手册（按本机版本生成）")
    p.add_argument("--out", required=True)
    p.add_argument("--lang", default="zh_CN", help="zh_CN：中文（默认）；en：英文")
    p.set_defaults(func=cmd_guide)
    p = printing.add_parser("card", help="制度上墙卡（登记五步、本所承诺时限、服务热线）")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_card)

    p = commands.add_parser("verify-receipt", help="核验回执真伪（二维码内容，或 受理编号 验证码）")
    p.add_argument("code", nargs="+")
    p.set_defaults(func=cmd_verify_receipt)
    return printing
