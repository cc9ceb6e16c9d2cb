"""FirstAsk Desktop: with no command the desktop app starts; with a command the CLI runs headless.

Everything is decided in the package's composition root, firstask_desktop/__main__.py.
"""

import sys

if __name__ == "__main__":
    from firstask_desktop.__main__ import main

    sys.exit(main())
