"""What the command line is handed from above it: the commands that need Qt (``screenshots``)
and the self-check's window steps. The command line never imports the GUI, not even inside a
function (pyproject.toml's import contract); the composition root, firstask_desktop/__main__.py,
fills these in before a command runs. A caller that skips the root (a county script importing
the CLI) simply has no Qt commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

# Each adds its subcommands to the top-level ``add_subparsers`` object; registering must load
# no Qt (Qt loads only when such a command runs).
command_groups: list[Callable[[Any], None]] = []


class WindowChecks:
    """The self-check's two GUI steps, handed in by the root."""

    # (station folder, admin name, CJK sample text, receipt PDF or None) -> what was seen
    check_window: Callable[[Path, str, str, Path | None], str] | None = None
    # (data folder) -> exit status; bench/bundle_bench.py times it
    measure_startup: Callable[[Path], int] | None = None


def add_command_group(add: Callable[[Any], None]) -> None:
    if add not in command_groups:
        command_groups.append(add)
