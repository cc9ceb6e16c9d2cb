"""The command line (DESIGN.md §6): ``runner`` parses and dispatches, one module per command
group (``*_cmds``), ``common`` holds what the groups share, ``selfcheck`` proves an installed
build complete. Knows no Qt: the Qt commands are handed in through ``extensions``."""
