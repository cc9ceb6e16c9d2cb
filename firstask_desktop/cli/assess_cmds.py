"""``assess scan|confirm|dismiss``: the command-line door to 督办与考核 (same contract as §6)."""

from __future__ import annotations

from firstask_desktop.cli import common
from firstask_desktop.cli.common import parse_datetime
from firstask_desktop.services import assessment


def cmd_scan(args) -> int:
    from firstask_desktop.services.station import require_station

    require_station()
    # Scanning "as of" a future day would propose fines for entries not yet due: refused.
    as_of = parse_datetime(args.as_of, "--as-of", up_to_now=True) if args.as_of else None
    new = assessment.scan(as_of)
    rows = assessment.violation_dicts(assessment.violations("proposed"))
    if args.json:
        common.print_json(rows)
        return 0
    print(f"本次新发现 {len(new)} 条，待所长确认共 {len(rows)} 条。")
    for r in rows:
        print(
            f"[{r['id']}] {r['serial']}  {r['responder']}  §{r['clause']} {r['rule_label']}  "
            f"{assessment.yuan(r['amount_fen'])}元{('+' + r['sanction']) if r['sanction'] else ''}"
            f"\n      {r['evidence']}"
        )
    return 0


def cmd_confirm(args) -> int:
    v = assessment.confirm(common.actor(args), args.id)
    print(
        f"考核记录 {v.id} 已确认：{v.responder.name} §{v.clause.code} "
        f"{assessment.yuan(v.amount_fen)}元"
    )
    return 0


def cmd_dismiss(args) -> int:
    v = assessment.dismiss(common.actor(args), args.id, args.reason)
    print(f"考核记录 {v.id} 已驳回，原因已记录。")
    return 0


def cmd_print_assessment(args) -> int:
    from firstask_desktop.reports.assessment_sheet import render_assessment
    from firstask_desktop.services.station import require_station

    require_station()
    sheet = assessment.month_sheet(args.month, station=args.station or None)
    return common.write_pdf(
        render_assessment(sheet), args.out, f"{sheet['month']} 月度考核表", sheet
    )


def cmd_print_supervision(args) -> int:
    from firstask_desktop.reports.supervision import render_supervision, supervision_data

    common.require_full_details(args, args.serial)
    data = supervision_data(args.serial)
    return common.write_pdf(render_supervision(data), args.out, "督办单", data)


def cmd_print_bulletin(args) -> int:
    from firstask_desktop.reports.bulletin import render_bulletin

    data = assessment.bulletin_data(args.id)
    return common.write_pdf(render_bulletin(data), args.out, f"通报（{data['person']}）", data)


def add_assess_print_commands(printing) -> None:
    """``print assessment`` and ``print supervision``, added to the ``print`` sub-commands."""
    p = printing.add_parser("assessment", help="月度考核表")
    p.add_argument("--month", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--station", default="", help="县公司：只列这个供电所")
    p.set_defaults(func=cmd_print_assessment)
    p = printing.add_parser("bulletin", help="通报（已确认且条款带通报的考核）")
    p.add_argument("id")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_print_bulletin)
    p = printing.add_parser("supervision", help="督办单（交承办部门）")
    p.add_argument("serial")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_print_supervision)


def add_assess_commands(commands, parser_class) -> None:
    sub = commands.add_parser("assess", help="督办与考核").add_subparsers(
        dest="sub", required=True, parser_class=parser_class
    )
    p = sub.add_parser("scan", help="按制度检查并列出待确认的考核")
    p.add_argument("--as-of", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_scan)
    p = sub.add_parser("confirm", help="所长确认一条考核")
    p.add_argument("id")
    p.set_defaults(func=cmd_confirm)
    p = sub.add_parser("dismiss", help="所长驳回一条考核（须写原因）")
    p.add_argument("id")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_dismiss)
    from firstask_desktop.cli.responsibility_cmds import add_assess_steps

    add_assess_steps(sub)
