"""Where an operation runs: declared once, on the operation (Anki's CollectionOp vs QueryOp)."""

from __future__ import annotations


def writes(operation):
    """Declares an operation a database write: :func:`tasks.run_task` runs it on the one writing
    thread. Everything else runs on the reading pool. Declared here, once per operation, so no
    widget chooses the thread (signing in writes too: the lockout counters)."""
    operation.writes = True
    return operation
