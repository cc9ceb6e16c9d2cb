"""``holidays list|show|set|import|export|preview``: the holiday calendar from the command line.

The county enters next year from the State Council's notice:

    python main.py --as 县公司管理员 holidays set --year 2027 \\
        --holiday 元旦:2027-01-01 --holiday 春节:2027-02-05..2027-02-11 --workday 春节调休:2027-02-14

or imports a prepared file (``holidays import 2027.csv``; formats in docs/holidays.md), then sends
it with the next ``sync package`` (or ``holidays export --out U盘`` for a signed file a station
imports). A station only lists, shows and imports the county's signed file.
"""

from __future__ import annotations

from pathlib import Path

from firstask_desktop.cli import common
from firstask_desktop.domain.holiday_year import make_plan


def _pairs(values: list[str], what: str) -> list[tuple[str, str]]:
    from firstask_desktop.domain.errors import ValidationError

    out = []
    for value in values or []:
        name, sep, days = value.partition(":")
        if not sep:
            name, sep, days = value.partition("：")
        if not sep or not days.strip():
            raise ValidationError(
                "holiday_range", f"“{value}”应写成 名称:日期 或 名称:开始..结束（如 {what}）"
            )
        out.append((name.strip(), days.strip()))
    return out


def _print_changes(changes, as_json: bool, year: int, done: str) -> None:
    rows = [c if isinstance(c, dict) else c.as_dict() for c in changes]
    if as_json:
        common.print_json({"year": year, "changes": rows})
        return
    print(
        f"{year}年节假日{done}；未到期的办理中登记时限{'需' if done == '预览' else '已'}调整 {len(rows)} 处。"
    )
    for r in rows:
        print(f"  {r['serial']}  {r['label']}：{r['old']} → {r['new']}")


def cmd_list(args) -> int:
    from firstask_desktop.services.holidays import notice, years

    common.actor(args)  # the calendar is no secret, but every command runs as a logged-in person
    rows = years()
    if args.json:
        common.print_json({"years": rows, "notice": notice()})
        return 0
    for r in rows:
        print(f"{r['year']}年  {r['status_label']}  {r['days']} 天")
    warning = notice()
    if warning:
        print(warning)
    return 0


def cmd_show(args) -> int:
    from firstask_desktop.domain.errors import NotFoundError
    from firstask_desktop.domain.holiday_year import to_document
    from firstask_desktop.services.holidays import year_plan

    common.actor(args)  # the calendar is no secret, but every command runs as a logged-in person
    plan = year_plan(args.year)
    if plan is None:
        raise NotFoundError(f"{args.year}年没有节假日数据。")
    if args.json:
        common.print_json(to_document(plan))
        return 0
    print(f"{plan.year}年（{'正式' if plan.status == 'official' else '暂定'}）{plan.source}")
    for r in plan.holidays:
        span = r.start.isoformat() if r.start == r.end else f"{r.start}～{r.end}"
        print(f"  放假  {r.name}  {span}")
    for w in plan.workdays:
        print(f"  调休上班  {w.name}  {w.day}")
    return 0


def _plan_from_args(args):
    holidays = []
    for name, days in _pairs(args.holiday, "春节:2027-02-05..2027-02-11"):
        start, _sep, end = days.partition("..")
        holidays.append((name, start, end or start))
    workdays = _pairs(args.workday, "春节调休:2027-02-14")
    return make_plan(args.year, holidays, workdays, source=args.source or "")


def cmd_set(args) -> int:
    from firstask_desktop.services.holidays import set_year

    actor = common.actor(args)
    plan = _plan_from_args(args)
    _print_changes(set_year(actor, plan), args.json, plan.year, "已录入")
    return 0


def cmd_preview(args) -> int:
    from firstask_desktop.services.holidays import preview_year, read_year_file

    common.actor(args)  # the calendar is no secret, but every command runs as a logged-in person
    plan = read_year_file(Path(args.file))[0] if args.file else _plan_from_args(args)
    _print_changes(preview_year(plan), args.json, plan.year, "预览")
    return 0


def cmd_import(args) -> int:
    from firstask_desktop.services.holidays import import_year

    plan, changes = import_year(common.actor(args), Path(args.file))
    _print_changes(changes, args.json, plan.year, "已导入")
    return 0


def cmd_export(args) -> int:
    from firstask_desktop.services.holidays import export_year

    target = export_year(common.actor(args), args.year, Path(args.out))
    print(target)
    return 0


def add_holiday_commands(commands, parser_class) -> None:
    holidays = commands.add_parser(
        "holidays",
        help="节假日：查看；县公司按国务院通知录入、导入、导出（供电所导入县公司签名文件）",
    ).add_subparsers(dest="holidays_command", parser_class=parser_class)

    p = holidays.add_parser("list", help="各年份的节假日及其状态（正式/暂定）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = holidays.add_parser("show", help="一年的放假安排和调休上班日")
    p.add_argument("year", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    def year_options(p, required: bool) -> None:
        p.add_argument("--year", required=required, help="年份，如 2027")
        p.add_argument(
            "--holiday",
            action="append",
            help="放假：名称:开始..结束，如 春节:2027-02-05..2027-02-11",
        )
        p.add_argument(
            "--workday", action="append", help="调休上班日：名称:日期，如 春节调休:2027-02-14"
        )
        p.add_argument("--source", help="依据，如 国办发明电〔2026〕X号")
        p.add_argument("--json", action="store_true")

    p = holidays.add_parser("set", help="县公司：按国务院通知录入一年（替换该年原有数据）")
    year_options(p, required=True)
    p.set_defaults(func=cmd_set)

    p = holidays.add_parser("preview", help="录入或导入前，看哪些未到期的时限会调整（不做改动）")
    year_options(p, required=False)
    p.add_argument("--file", help="要预览的节假日文件（JSON 或 CSV）")
    p.set_defaults(func=cmd_preview)

    p = holidays.add_parser(
        "import", help="导入节假日文件（县公司：JSON/CSV；供电所：县公司签名的 JSON）"
    )
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)

    p = holidays.add_parser("export", help="县公司：导出一年为签名文件，供电所可从U盘导入")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--out", required=True, help="文件夹或文件名")
    p.set_defaults(func=cmd_export)
