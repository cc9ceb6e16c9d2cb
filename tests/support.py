"""Constants the tests share (a module of its own: ``conftest`` names clash between folders)."""

from datetime import datetime

PASSWORD = "secret123"
# A Tuesday in an ordinary week, far from holidays.
T0 = datetime(2026, 3, 10, 9, 0)
