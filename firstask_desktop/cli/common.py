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


def parse_datetime(text: str, field: str = "received_at") -> datetime:
    """ISO 8601 (``2026-02-13T09:30``, ``2026-02-13 09:30``, with or without zone) → local."""
    value = (text or "").strip().replace("／", "/")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, f"“{text}”不是时间，请写成 2026-02-13T09:30") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(CHINA).replace(tzinfo=None)
    return parsed.replace(microsecond=0)


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
    args.actor = authenticate(name, password(f"{name} 的密码："))
    return args.actor


def print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def write_pdf(data: bytes, out: str, what: str, document_data) -> int:
    """Save a built PDF, read it back, say so (and which characters the font lacks)."""
    warning = glyph_warning(missing_glyphs_in(document_data))
    if warning:
        print(f"注意：{warning}", file=sys.stderr)
    pages = save_pdf(data, Path(out))
    print(f"已生成{what}：{Path(out).resolve()}（{pages} 页），已读回核对，可以打印。")
    return 0
