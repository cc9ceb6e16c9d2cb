"""What every command group shares: who acts (``--as`` and the password), JSON output, times
given on the command line, writing a printed document. Public, so each group imports it."""

from __future__ import annotations

import getpass
import json
import os
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from firstask_desktop.domain.errors import RefusedError, ValidationError
from firstask_desktop.reports import save_pdf
from firstask_desktop.reports.pdf_fonts import glyph_warning, missing_glyphs_in

ENV_PASSWORD = "FIRSTASK_PASSWORD"
ENV_NEW_PASSWORD = "FIRSTASK_NEW_PASSWORD"
CHINA = timezone(timedelta(hours=8))


class CliRefused(RefusedError):
    pass


def parse_datetime(text: str, field: str = "received_at", *, up_to_now: bool = False) -> datetime:
    """ISO 8601 (``2026-02-13T09:30``, ``2026-02-13 09:30``, with or without zone) → local.

    Refused: a year before 2000 or after 2099 (``0226-12-02``), and with ``up_to_now`` a time more
    than a day ahead (a received time, an "as of" date)."""
    from firstask_desktop.domain.validation import ONE_DAY, check_time

    value = (text or "").strip().replace("／", "/")
    try:
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone(CHINA).replace(tzinfo=None)
    except (ValueError, OverflowError):
        raise ValidationError(field, f"“{text}”不是时间，请写成 2026-02-13T09:30") from None
    parsed = parsed.replace(microsecond=0)
    return check_time(parsed, field, max_ahead=ONE_DAY if up_to_now else None)


def password(prompt: str) -> str:
    value = os.environ.get(ENV_PASSWORD)
    if value is not None:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise CliRefused(f"需要密码：请设置环境变量 {ENV_PASSWORD}，或在终端中运行以输入密码。")
    return getpass.getpass(prompt)


def new_password(prompt: str) -> str:
    """A password being set (a new account, a change, a reset): FIRSTASK_NEW_PASSWORD, else
    typed twice at a terminal. Never taken from FIRSTASK_PASSWORD, which is the password of the
    person acting: one account must not silently get another's password."""
    value = os.environ.get(ENV_NEW_PASSWORD)
    if value is not None:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise CliRefused(
            f"需要设置新密码：请设置环境变量 {ENV_NEW_PASSWORD}（不会沿用操作人员自己的密码），"
            "或在终端中运行以输入。"
        )
    first = getpass.getpass(prompt)
    if getpass.getpass("再输入一次：") != first:
        raise CliRefused("两次输入的新密码不一致，没有做任何改动：请重新运行。")
    return first


def actor(args):
    """The person acting, logged in once per command (the runner does it before the command
    runs; a failed password counts towards the lockout as in the GUI)."""
    known = getattr(args, "actor", None)
    if known is not None:
        return known
    from firstask_desktop.services.station import authenticate, require_station

    require_station()
    name = args.acting or os.environ.get("FIRSTASK_USER", "")
    if not name:
        raise CliRefused(
            "此命令需要登录：请用 --as 姓名 指定操作人员（密码取自环境变量 "
            f"{ENV_PASSWORD}，或在终端中输入）。"
        )
    typed = password(f"{name} 的密码：")
    args.actor = authenticate(name, typed)
    args.login_password = typed  # staff passwd needs the current one: asked once, not twice
    return args.actor


def require_full_details(args, serial: str) -> None:
    """A receipt, a notice or a supervision slip carries the customer's full name, phone,
    address and 户号: only for who may see them (their own entry, or ``see_personal_data``)."""
    from firstask_desktop.domain.errors import NotAllowedError
    from firstask_desktop.domain.visibility import may_see_personal_data
    from firstask_desktop.services.entries import get_entry

    if not may_see_personal_data(actor(args), get_entry(serial)):
        raise NotAllowedError(
            "这份单据载有客户的姓名、电话、地址和户号，只能由这条登记的首问责任人，"
            "或有权查看客户个人信息的人员（客户经理、所长、管理员）打印。"
        )


def print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def refuse_folder_as_file(out: str) -> None:
    if Path(out).is_dir():
        raise CliRefused(
            f"--out “{out}”是一个文件夹：请写出文件名，如 --out {Path(out) / '输出.pdf'}。"
        )


def write_pdf(data: bytes, out: str, what: str, document_data) -> int:
    """Save a built PDF, read it back, say so (and which characters the font lacks)."""
    refuse_folder_as_file(out)
    warning = glyph_warning(missing_glyphs_in(document_data))
    if warning:
        print(f"注意：{warning}", file=sys.stderr)
    pages = save_pdf(data, Path(out))
    print(f"已生成{what}：{Path(out).resolve()}（{pages} 页），已读回核对，可以打印。")
    return 0
