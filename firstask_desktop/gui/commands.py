"""CLI commands that need the GUI, registered without importing Qt (the CLI stays Qt-free until
such a command actually runs)."""

from __future__ import annotations

from pathlib import Path


def cmd_screenshots(args) -> int:
    from .screenshots import render_all

    files = render_all(Path(args.out))
    print(f"已生成 {len(files)} 张截图：{Path(args.out).resolve()}")
    return 0


def add_gui_commands(commands) -> None:
    p = commands.add_parser(
        "screenshots", help="用演示供电所离屏生成每个主要界面和对话框的截图（PNG）"
    )
    p.add_argument("--out", required=True, help="保存截图的文件夹")
    # A temporary demo folder is used; the real data folder is not even opened.
    p.set_defaults(func=cmd_screenshots, opens_store=False)
