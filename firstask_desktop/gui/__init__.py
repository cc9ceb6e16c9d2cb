"""The desktop shell (PySide6). Importing this package itself loads no Qt, so that the CLI can
register the ``screenshots`` command from :mod:`firstask_desktop.gui.commands` and stay Qt-free."""
