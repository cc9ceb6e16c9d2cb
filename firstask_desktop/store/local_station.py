"""This data folder's own station row: read by every save and most screens, and by the store's
own rules (the holiday table's deadline moves), so it lives beside the tables it reads."""

from __future__ import annotations

from types import MappingProxyType

from firstask_desktop.store import record_sql, watched_tables
from firstask_desktop.store.models import Station


def local_station() -> Station | None:
    # Edited a few times in a station's life: the row is remembered until the station table may
    # have changed (watched_tables), a new record made from it each time (callers may change
    # theirs).
    data = watched_tables.remembered("local_station", _local_station_data)
    if data is None:
        return None
    station = Station(__no_default__=1, **data)
    station._dirty.clear()
    return station


def _local_station_data() -> dict | None:
    station = record_sql.first(Station, '"is_local" = ?', (True,))
    return None if station is None else MappingProxyType(dict(station.__data__))
