"""What an import reports back (to the CLI's output and the GUI's 同步 screen)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# status: what happened to the file
IMPORTED = "imported"  # records merged (station file at the county, package at a station)
ALREADY = "already"  # this very file was taken in before: nothing to do
QUARANTINED = "quarantined"  # set aside for a person to decide; nothing merged
ACKNOWLEDGED = "acknowledged"  # a station learnt what the county received


@dataclass
class ImportResult:
    path: Path
    kind: str  # station_export | county_package | county_ack
    station: str  # the sender's code
    seq: int
    status: str
    message: str  # Chinese, one or two sentences: what happened and what to do
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # inserted/updated/unchanged/...
    ack_path: Path | None = None

    @property
    def ok(self) -> bool:
        """False when a person must look at it (quarantined)."""
        return self.status != QUARANTINED
