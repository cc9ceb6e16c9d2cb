"""FirstAsk Desktop: with no command the desktop app starts; with a command the CLI runs headless."""

import argparse
import sys

SYNC_FILE_SUFFIX = ".fasync"
# Checks of an installed build (firstask_desktop/selfcheck.py, bench/bundle_bench.py), not commands.
BUILD_CHECKS = ("--selfcheck", "--measure-startup")


def _gui_options(argv: list[str]):
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


if __name__ == "__main__":
    if sys.argv[1:2] and sys.argv[1] in BUILD_CHECKS:
        from firstask_desktop.selfcheck import main as selfcheck_main

        sys.exit(selfcheck_main(sys.argv[1:]))
    gui_options = _gui_options(sys.argv[1:])
    if gui_options is not None:
        from firstask_desktop.gui.app import main as gui_main

        sys.exit(gui_main(gui_options))
    from firstask_desktop.cli import main as cli_main

    sys.exit(cli_main(sys.argv[1:]))
