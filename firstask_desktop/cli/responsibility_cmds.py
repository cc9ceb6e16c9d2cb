"""Who holds a matter, on the command line: ``entry reassign|decide|accept-transfer|
return-transfer``, the head's approval of a void (``entry void --approver``), and the assessment's
manual breaches and appeals (``assess record|appeal|appeals|decide-appeal``)."""

from __future__ import annotations

import os

from firstask_desktop.cli import common
from firstask_desktop.cli.common import CliRefused, parse_datetime

ENV_APPROVER_PASSWORD = "FIRSTASK_APPROVER_PASSWORD"


def approver(name: str):
    """The head approving a step, with their own password (a second person, not ``--as``)."""
    if not name:
        return None
    from firstask_desktop.services.station import authenticate

    secret = os.environ.get(ENV_APPROVER_PASSWORD)
    if secret is None:
        raise CliRefused(
            f"批准人 {name} 的密码：请设置环境变量 {ENV_APPROVER_PASSWORD}（批准人本人输入）。"
        )
    return authenticate(name, secret)


def cmd_void(args) -> int:
    from firstask_desktop.services.entries import void_entry

    void = void_entry(
        common.actor(args), args.serial, args.reason, approver=approver(args.approver)
    )
    extra = f"（{void.approved_by.name} 批准）" if void.approved_by_id else ""
    print(f"{args.serial.upper()} 已作废{extra}")
    return 0


def cmd_reassign(args) -> int:
    from firstask_desktop.services.responsibility import reassign_entry

    change = reassign_entry(common.actor(args), args.serial, args.to, args.reason)
    print(
        f"{args.serial.upper()} 已改派：{change.from_staff.name} → {change.to_staff.name}，"
        "此后到期的考核记在新责任人名下。"
    )
    return 0


def cmd_decide(args) -> int:
    from firstask_desktop.services.responsibility import DECISIONS, decide_escalation

    escalation = decide_escalation(
        common.actor(args),
        args.serial,
        args.decision,
        instruction=args.instruction,
        department=args.department,
        to_staff=args.to_staff,
        due_at=parse_datetime(args.due_at, "due_at") if args.due_at else None,
        result=args.result,
    )
    print(f"{args.serial.upper()} 上报已处理：{DECISIONS[escalation.decision]}。")
    return 0


def cmd_accept_transfer(args) -> int:
    from firstask_desktop.services.responsibility import accept_transfer

    accept_transfer(common.actor(args), args.serial)
    print(f"{args.serial.upper()} 的转办已接收。")
    return 0


def cmd_return_transfer(args) -> int:
    from firstask_desktop.services.responsibility import return_transfer

    return_transfer(common.actor(args), args.serial, args.reason)
    print(f"{args.serial.upper()} 的转办已退回首问责任人，原因已记录。")
    return 0


def cmd_amend_notice(args) -> int:
    from firstask_desktop.services.entry_edits import amend_notice

    entry = amend_notice(common.actor(args), args.serial, args.doc, args.reason)
    print(
        f"{entry.serial} 的一次性告知清单已修改（已记录原因）：请用 print notice 重新打印告知单"
        "交给客户。"
    )
    return 0


def add_entry_steps(entry) -> None:
    """Steps added to ``entry``; ``void`` replaces the plain one with the approver option."""
    p = entry.add_parser("reassign", help="所长改派首问责任人（须写原因）")
    p.add_argument("serial")
    p.add_argument("--to", required=True)
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_reassign)
    p = entry.add_parser("decide", help="所长处理上报：assign 协调指派 / answer 亲自答复")
    p.add_argument("serial")
    p.add_argument("--decision", required=True, choices=("assign", "answer"))
    p.add_argument("--instruction", default="")
    p.add_argument("--department", default="")
    p.add_argument("--to-staff", default="")
    p.add_argument("--due-at", default="")
    p.add_argument("--result", default="")
    p.set_defaults(func=cmd_decide)
    p = entry.add_parser("amend-notice", help="修改一次性告知清单（须写原因，之后重新打印告知单）")
    p.add_argument("serial")
    p.add_argument("--doc", action="append", default=[], required=True)
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_amend_notice)
    p = entry.add_parser("accept-transfer", help="转办接收人接收")
    p.add_argument("serial")
    p.set_defaults(func=cmd_accept_transfer)
    p = entry.add_parser("return-transfer", help="转办接收人退回（须写原因）")
    p.add_argument("serial")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_return_transfer)


def add_void_options(void_parser) -> None:
    void_parser.add_argument(
        "--approver",
        default="",
        help=f"批准作废的所长（超期或他人的登记；密码取自 {ENV_APPROVER_PASSWORD}）",
    )
    void_parser.set_defaults(func=cmd_void)


# --- assessment: manual breaches and appeals ----------------------------------------------------


def cmd_record(args) -> int:
    from firstask_desktop.services import assessment
    from firstask_desktop.services.breaches import record_breach

    v = record_breach(
        common.actor(args),
        clause=args.clause,
        person=args.person,
        what=args.what,
        evidence=args.evidence,
        serial=args.serial,
        occurred_at=parse_datetime(args.occurred_at, "occurred_at") if args.occurred_at else None,
    )
    print(
        f"已登记考核记录 {v.id}：{v.responder.name} §{v.clause.code} "
        f"{assessment.yuan(v.amount_fen)}元，待确认。"
    )
    return 0


def cmd_appeal(args) -> int:
    from firstask_desktop.services.breaches import appeal

    record = appeal(common.actor(args), args.id, args.reason)
    print(f"已提交申诉 {record.id}（考核记录 {record.violation_id}），由县公司考核员裁决。")
    return 0


def cmd_appeals(args) -> int:
    from firstask_desktop.services.breaches import appeals

    rows = appeals(pending_only=args.pending)
    if args.json:
        common.print_json(rows)
        return 0
    for r in rows:
        print(
            f"[{r['id']}] 考核记录 {r['violation']}  {r['by']}  {r['outcome_label']}  {r['reason']}"
        )
    if not rows:
        print("没有申诉。")
    return 0


def cmd_decide_appeal(args) -> int:
    from firstask_desktop.services.breaches import OUTCOMES, decide_appeal

    record = decide_appeal(common.actor(args), args.id, args.outcome, args.note)
    print(f"申诉 {record.id} 已裁决：{OUTCOMES[record.outcome]}。")
    return 0


def add_assess_steps(sub) -> None:
    p = sub.add_parser("record", help="所长或县公司考核员人工登记违规")
    p.add_argument("--clause", required=True)
    p.add_argument("--person", required=True)
    p.add_argument("--what", required=True)
    p.add_argument("--evidence", default="")
    p.add_argument("--serial", default="")
    p.add_argument("--occurred-at", default="")
    p.set_defaults(func=cmd_record)
    p = sub.add_parser("appeal", help="被考核人对已确认的考核申诉一次（须写理由）")
    p.add_argument("id")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_appeal)
    p = sub.add_parser("appeals", help="列出申诉")
    p.add_argument("--pending", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_appeals)
    p = sub.add_parser("decide-appeal", help="县公司考核员裁决申诉")
    p.add_argument("id")
    p.add_argument("--outcome", required=True, choices=("upheld", "overturned"))
    p.add_argument("--note", required=True)
    p.set_defaults(func=cmd_decide_appeal)
