"""Stations and people by the names a county office uses for them.

Every county has several 张伟 and 李娜, and each station's administrator is "管理员": a person at
the county is their staff record (station + uuid), shown "张伟（城关所）". At a station every
person is the station's own, and the bare name is what everyone expects.
"""

from __future__ import annotations

from firstask_desktop.store.models import Station


def short_name(name: str) -> str:
    """城关供电所 → 城关所: how a county office names its stations in speech and on paper."""
    name = (name or "").strip()
    if name.endswith("供电所") and len(name) > 3:
        return name[: -len("供电所")] + "所"
    return name


def station_names() -> dict[str, str]:
    """Every station this database knows, code → full name."""
    return dict(Station.select(Station.code, Station.name).tuples())


class PersonLabels:
    """Names people by staff record: "张伟（城关所）" for the staff of another station than this
    install's (the county's view of its stations), the bare name for this install's own."""

    def __init__(self) -> None:
        self.names = station_names()
        local = Station.select(Station.code).where(Station.is_local == True).first()  # noqa: E712
        self.local = local.code if local else ""

    def label(self, name: str, station: str) -> str:
        if not station or station == self.local:
            return name
        return f"{name}（{short_name(self.names.get(station, station))}）"

    def station_name(self, code: str) -> str:
        return self.names.get(code, code)
