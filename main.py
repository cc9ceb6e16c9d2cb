"""FirstAsk Desktop: with no command the desktop app starts; with a command the CLI runs headless."""

import argparse
import sys


def _gui_options(argv: list[str]):
    """The options when ``argv`` holds only global options (start the window), else None."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data-dir")
    parser.add_argument("--as", dest="acting", default="")
    known, rest = parser.parse_known_args(argv)
    return None if rest else known


if __name__ == "__main__":
    gui_options = _gui_options(sys.argv[1:])
    if gui_options is not None:
        from firstask_desktop.gui.app import main as gui_main

        sys.exit(gui_main(gui_options))
    from firstask_desktop.cli import main as cli_main

    sys.exit(cli_main(sys.argv[1:]))
