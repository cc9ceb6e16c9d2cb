"""The ``sync`` and ``keys`` commands (DESIGN.md §6): USB sync between stations and the county.

sync export --out DIR [--full]                 station: prints the path of the file written
sync import [--accept-new-station] [--ack-dir DIR] FILE...
sync package --out DIR                         county: staff, departments, rules, holidays
sync status [--json]                           county: stations; station: exports and receipts
sync verify [--station CODE]                   county: recompute the stations' audit chains
sync quarantine [--json] | sync resolve ID --keep existing|incoming
keys export --out DIR | keys import FILE [--replace] | keys list [--json]
"""

from __future__ import annotations

import sys
from pathlib import Path

from firstask_desktop.cli import common
from firstask_desktop.cli.common import CliRefused


def _who(args):
    """Who confirmed a fingerprint or imported a file: the logged-in ``--as`` staff member (the
    core checks their role; every sync command needs a login)."""
    return common.actor(args)


def cmd_sync_export(args) -> int:
    from firstask_desktop.services.station import require_station
    from firstask_desktop.sync.station_export import export_file

    require_station()
    result = export_file(Path(args.out), full=args.full, actor=_who(args))
    print(result.path)
    print(result.message, file=sys.stderr)
    return 0


def cmd_sync_import(args) -> int:
    from firstask_desktop.services.station import require_station
    from firstask_desktop.sync.importing import import_files

    require_station()
    outcomes = import_files(
        [Path(f) for f in args.files],
        actor=_who(args),
        accept_new_station=args.accept_new_station,
        ack_dir=Path(args.ack_dir) if args.ack_dir else None,
    )
    status = 0
    for outcome in outcomes:
        if outcome.error is not None:
            print(str(outcome.error).replace("\n", " "), file=sys.stderr)
            status = 2
            continue
        result = outcome.result
        stream = sys.stdout if result.ok else sys.stderr
        print(result.message, file=stream)
        for warning in result.warnings:
            print(f"注意：{warning}", file=stream)
        if result.ack_path is not None:
            print(f"回执文件：{result.ack_path}（请带回供电所导入）", file=stream)
        if not result.ok:
            status = 2
    return status


def cmd_sync_package(args) -> int:
    from firstask_desktop.services.station import require_station
    from firstask_desktop.sync.package import write_package

    require_station()
    path, counts = write_package(Path(args.out), actor=_who(args))
    print(path)
    print(
        f"已写出县公司资料包：部门 {counts.get('department', 0)} 个，人员 {counts.get('staff', 0)} 名，"
        f"时限规则 {counts.get('deadline_rule', 0)} 条，节假日 {counts.get('holiday', 0)} 天；"
        "已读回校验，可以安全拔出U盘。",
        file=sys.stderr,
    )
    return 0


def cmd_sync_status(args) -> int:
    from firstask_desktop.services.station import require_station

    station = require_station()
    if station.mode == "county":
        from firstask_desktop.services.county import station_overview

        rows = station_overview()
        if args.json:
            common.print_json(rows)
            return 0
        for r in rows:
            gaps = "、".join(map(str, r["missing"])) or "无"
            print(
                f"{r['station']}\t{r['name']}\t最近第 {r['last_seq']} 号\t"
                f"{r['last_import_at'] or '从未导入'}\t缺号：{gaps}\t登记 {r['entries']} 条"
            )
        return 0
    from firstask_desktop.sync.status import station_sync_status

    info = station_sync_status()
    if args.json:
        common.print_json(info)
        return 0
    print(
        f"已导出到第 {info['export_seq']} 号，县公司已确认到第 {info['acknowledged_seq']} 号；"
        f"上次导出后有 {info['changes_since_export']} 处改动。"
        f"县公司公钥：{info['county'] or '未导入'} {info['county_fingerprint']}"
    )
    return 0


def cmd_sync_verify(args) -> int:
    from firstask_desktop.services.county import verify_station_chains
    from firstask_desktop.services.station import require_station

    require_station()
    problems = verify_station_chains(args.station)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(
            f"发现 {len(problems)} 个问题：请联系相关供电所核对，并保留收到的同步文件。",
            file=sys.stderr,
        )
        return 1
    print("各供电所的审计记录完整，逐条核对无误。")
    return 0


def cmd_sync_quarantine(args) -> int:
    from firstask_desktop.services.quarantine_review import records_as_seen
    from firstask_desktop.services.station import require_station

    require_station()
    rows = records_as_seen(common.actor(args))  # masked unless they may see personal data
    if args.json:
        common.print_json(rows)
    else:
        for r in rows:
            print(f"{r['id']}\t{r['station']}\t{r['table']}\t{r['record_uuid']}\t{r['reason']}")
    return 0


def cmd_sync_resolve(args) -> int:
    from firstask_desktop.services.county import resolve_quarantined
    from firstask_desktop.services.station import require_station

    require_station()
    if args.keep not in ("existing", "incoming"):
        raise CliRefused("--keep 只能是 existing（保留现有）或 incoming（采用文件中的）。")
    resolve_quarantined(args.id, take_incoming=args.keep == "incoming", actor=_who(args))
    print(
        f"第 {args.id} 号隔离记录已处理："
        + ("采用了文件中的版本。" if args.keep == "incoming" else "保留现有版本。")
    )
    return 0


def cmd_keys_export(args) -> int:
    from firstask_desktop.services.station import require_station
    from firstask_desktop.sync.trust import export_key_file

    require_station()
    path, info = export_key_file(Path(args.out))
    print(path)
    print(
        f"已写出{info.label}的公钥文件，指纹：{info.fingerprint}（请电话告诉对方核对）",
        file=sys.stderr,
    )
    return 0


def cmd_keys_import(args) -> int:
    from firstask_desktop.services.station import require_station
    from firstask_desktop.sync.trust import import_key_file

    require_station()
    if args.old_key_lost and not args.replace:
        raise CliRefused("--old-key-lost 只能与 --replace 一起使用：它说明被替换的旧电脑已丢失。")
    info, new = import_key_file(
        Path(args.file),
        accepted_by=_who(args),
        replace=args.replace,
        old_key_lost=args.old_key_lost,
    )
    print(info.fingerprint)
    if new:
        print(
            f"已登记{info.label}的公钥。请电话与对方核对上面的指纹，不一致时请立即联系县公司。",
            file=sys.stderr,
        )
    else:
        print(f"{info.label}的这把公钥早已登记，没有改变。", file=sys.stderr)
    return 0


def cmd_keys_revoke(args) -> int:
    from firstask_desktop.services.station import require_station
    from firstask_desktop.sync.trust import revoke_retired

    require_station()
    key, changed = revoke_retired(args.fingerprint, by=_who(args))
    print(key["fingerprint"])
    if changed:
        print(
            f"已作废{key['role_label']} {key['station']} 的旧密钥：它签的回执、备份和文件从此"
            "一律不信任，也不能再登记。",
            file=sys.stderr,
        )
    else:
        print("这把旧密钥早已作废，没有改变。", file=sys.stderr)
    return 0


def cmd_keys_list(args) -> int:
    from firstask_desktop.services.station import require_station
    from firstask_desktop.sync.trust import known_keys, local_public_info, retired_keys

    require_station()
    mine = local_public_info()
    rows = known_keys()
    retired = retired_keys()
    if args.json:
        common.print_json(
            {
                "local": {
                    "role": mine.role,
                    "station": mine.station,
                    "fingerprint": mine.fingerprint,
                    "key_id": mine.key_id,
                },
                "known": rows,
                "retired": retired,
            }
        )
        return 0
    print(f"本机（{mine.label}）指纹：{mine.fingerprint}")
    for r in rows:
        print(
            f"{r['role_label']}\t{r['station']}\t{r['name']}\t{r['fingerprint']}\t"
            f"{r['accepted_at']}\t{r['accepted_by']}"
        )
    for r in retired:
        trusted = "旧电脑已丢失：不再信任" if r["lost"] else "替换前签的回执和备份仍可核验"
        print(
            f"{r['role_label']}\t{r['station']}\t{r['name']}\t{r['fingerprint']}\t"
            f"{r['retired_at']} 由{r['retired_by']}替换\t{trusted}"
        )
    return 0


def add_sync_commands(commands, parser_class) -> None:
    sync = commands.add_parser("sync", help="U盘同步").add_subparsers(
        dest="sub", required=True, parser_class=parser_class
    )
    p = sync.add_parser("export", help="供电所：导出同步文件（打印写出的文件路径）")
    p.add_argument("--out", required=True, help="写到哪个文件夹（U盘）")
    p.add_argument("--full", action="store_true", help="全部记录，而不只是上次导出后的改动")
    p.set_defaults(func=cmd_sync_export)
    p = sync.add_parser("import", help="导入同步文件：县公司导入供电所文件，供电所导入资料包和回执")
    p.add_argument(
        "--accept-new-station",
        action="store_true",
        help="接受尚未登记的供电所密钥（须先电话核对指纹）",
    )
    p.add_argument("--ack-dir", default="", help="回执写到哪里（默认：导入文件所在的文件夹）")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_sync_import)
    p = sync.add_parser("package", help="县公司：生成资料包（人员、部门、时限规则、节假日）")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_sync_package)
    p = sync.add_parser("status", help="同步情况")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync_status)
    p = sync.add_parser("verify", help="县公司：逐条核对各供电所导入的审计记录（哈希和链接）")
    p.add_argument("--station", default="")
    p.set_defaults(func=cmd_sync_verify)
    p = sync.add_parser("quarantine", help="县公司：待人工处理的隔离记录")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync_quarantine)
    p = sync.add_parser("resolve", help="县公司：处理一条隔离记录")
    p.add_argument("id", type=int)
    p.add_argument("--keep", required=True, help="existing（保留现有）或 incoming（采用文件中的）")
    p.set_defaults(func=cmd_sync_resolve)

    keys = commands.add_parser("keys", help="公钥交换").add_subparsers(
        dest="sub", required=True, parser_class=parser_class
    )
    p = keys.add_parser("export", help="写出本机的公钥文件（打印文件路径）")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_keys_export)
    p = keys.add_parser("import", help="导入对方的公钥文件（打印其指纹）")
    p.add_argument("file")
    p.add_argument("--replace", action="store_true", help="对方换了电脑：用新公钥替换已登记的")
    p.add_argument(
        "--old-key-lost",
        action="store_true",
        help="与 --replace 一起：旧电脑丢失或被盗，旧密钥签的回执和备份不再信任",
    )
    p.set_defaults(func=cmd_keys_import)
    p = keys.add_parser("revoke", help="作废一把已替换的旧密钥（旧电脑后来发现丢失或被盗）")
    p.add_argument("fingerprint", help="旧密钥的指纹（keys list 列出；空格可省）")
    p.set_defaults(func=cmd_keys_revoke)
    p = keys.add_parser("list", help="本机指纹和已登记的公钥")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_keys_list)
