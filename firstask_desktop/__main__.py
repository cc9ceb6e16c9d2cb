"""The composition root: the one place where the command line, the core and the GUI are joined.

With no command the desktop app starts; with a command the CLI runs headless; ``--selfcheck`` and
``--measure-startup`` check an installed build. Below this module nothing imports upward (the
import contract in pyproject.toml): the CLI is handed its Qt commands and the self-check its
window steps here, each importing Qt only when it runs, so a CLI command never loads Qt.
``python main.py`` and ``python -m firstask_desktop`` both come here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

SYNC_FILE_SUFFIX = ".fasync"
# Checks of an installed build (cli/selfcheck.py, bench/bundle_bench.py), not commands.
BUILD_CHECKS = ("--selfcheck", "--measure-startup")


def gui_options(argv: list[str]):
    """The options when ``argv`` holds only global options (start the window), else None.

    A lone ``FILE.fasync`` also starts the window, with ``open_file`` set: that is how Windows
    runs the app when a clerk double-clicks a sync file (installer/firstask.iss.in).
    """
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data-dir")
    parser.add_argument("--as", dest="acting", default="")
    known, rest = parser.parse_known_args(argv)
    known.open_file = None
    if len(rest) == 1 and rest[0].lower().endswith(SYNC_FILE_SUFFIX):
        known.open_file = rest.pop()
    return None if rest else known


def _check_window(station_dir: Path, admin: str, sample: str, pdf: Path | None) -> str:
    from firstask_desktop.gui.selfcheck_window import check_window

    return check_window(station_dir, admin, sample, pdf)


def _measure_startup(data_dir: Path) -> int:
    from firstask_desktop.gui.selfcheck_window import measure_startup

    return measure_startup(data_dir)


def wire() -> None:
    """Hand the CLI what comes from above it. Imports no Qt (gui.commands is Qt-free)."""
    from firstask_desktop.cli import extensions
    from firstask_desktop.gui.commands import add_gui_commands

    extensions.add_command_group(add_gui_commands)
    extensions.WindowChecks.check_window = _check_window
    extensions.WindowChecks.measure_startup = _measure_startup


def cli_main(argv: list[str] | None = None) -> int:
    """The ``firstask`` command (pyproject.toml): the command line, with its Qt commands."""
    wire()
    from firstask_desktop.cli.runner import main as run_cli

    return run_cli(argv)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    wire()
    if argv[:1] and argv[0] in BUILD_CHECKS:
        from firstask_desktop.cli.selfcheck import main as selfcheck_main

        return selfcheck_main(argv)
    options = gui_options(argv)
    if options is not None:
        from firstask_desktop.gui.app import main as gui_main

        return gui_main(options)
    from firstask_desktop.cli.runner import main as run_cli

    return run_cli(argv)


if __name__ == "__main__":
    sys.exit(main())
