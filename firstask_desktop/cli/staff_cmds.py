"""The ``staff`` and ``department`` commands (DESIGN.md §6): who works at the station and where."""

from __future__ import annotations

from firstask_desktop.cli import common


def cmd_staff_add(args) -> int:
    from firstask_desktop.services.station import add_staff

    actor = common.actor(args)
    password = common.new_password(f"{args.name} 的初始密码：")
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
    from firstask_desktop.services.queries import staff_to_dict
    from firstask_desktop.services.station import list_staff, require_station

    require_station()
    rows = [staff_to_dict(s) for s in list_staff()]
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
    from firstask_desktop.services.queries import department_to_dict
    from firstask_desktop.services.station import list_departments, require_station

    require_station()
    # This station's own (after sync the database also holds the county's directory).
    rows = [department_to_dict(d) for d in list_departments()]
    if args.json:
        common.print_json(rows)
    else:
        for r in rows:
            print(f"{r['name']}\t{r['phone']}\t{r['place']}")
    return 0


def add_staff_commands(commands, parser_class):
    """Adds ``staff`` and ``department``; returns the ``staff`` group (trust_cmds adds to it)."""
    staff = commands.add_parser("staff", help="人员").add_subparsers(
        dest="sub", required=True, parser_class=parser_class
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
        dest="sub", required=True, parser_class=parser_class
    )
    p = dep.add_parser("add", help="添加部门")
    p.add_argument("--name", required=True)
    p.add_argument("--phone", default="")
    p.add_argument("--place", default="")
    p.set_defaults(func=cmd_department_add)
    p = dep.add_parser("list", help="部门列表")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_department_list)
    return staff
