"""FirstAsk Desktop (首问登记): the first-inquiry register of a power-supply station.

The package root and every module outside ``gui/`` form the core: they never import PySide6,
so the command line, the tests and the county tools start fast and run without a display.
"""

__version__ = "0.1.0"
