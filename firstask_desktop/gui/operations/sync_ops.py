"""USB sync: export, import, the county package, keys, and the quarantined records (隔离记录)."""

from __future__ import annotations

from firstask_desktop.gui.operations.routing import writes

# --- USB sync ------------------------------------------------------------------------------------


def sync_export_available() -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec("firstask_desktop.sync.station_export") is not None
    except ImportError:
        return False


def _sync_progress(progress):
    from firstask_desktop.sync.progress import STAGES

    def report(done: int, total: int, stage: str) -> None:
        if progress is not None:
            progress(done, total, STAGES.get(stage, stage))

    return report


def sync_overview() -> dict:
    """What the 同步 screen shows: this station's export state, or the county's stations."""
    from firstask_desktop.services.quarantine_review import pending_count
    from firstask_desktop.sync.drives import removable_drives
    from firstask_desktop.sync.trust import local_role

    role = local_role()
    overview = {"role": role, "drives": [str(p) for p in removable_drives()]}
    overview["quarantined"] = pending_count()  # records waiting for a person (隔离记录)
    if role == "county":
        from firstask_desktop.services.county import station_overview

        overview["stations"] = station_overview()
    else:
        from firstask_desktop.sync.status import station_sync_status

        overview["status"] = station_sync_status()
    return overview


@writes
def sync_export(folder: str, *, actor=None, full: bool = False, progress=None) -> str:
    """Write the station's next sync file into ``folder``; returns the core's Chinese message."""
    from pathlib import Path

    from firstask_desktop.sync.station_export import export_file

    return export_file(
        Path(folder), full=full, actor=actor, on_progress=_sync_progress(progress)
    ).message


@writes
def sync_import(
    paths: list[str], *, actor=None, accept_new_station: bool = False, progress=None
) -> list[dict]:
    """Import sync files (each its own transaction); one line per file, refused or done."""
    from pathlib import Path

    from firstask_desktop.sync.importing import import_files

    outcomes = import_files(
        [Path(p) for p in paths],
        actor=actor,
        accept_new_station=accept_new_station,
        on_progress=_sync_progress(progress),
    )
    lines = []
    for outcome in outcomes:
        if outcome.error is not None:
            lines.append({"file": outcome.path.name, "ok": False, "message": str(outcome.error)})
        else:
            result = outcome.result
            lines.append(
                {
                    "file": outcome.path.name,
                    "ok": result.ok,
                    "message": result.message,
                    "warnings": list(result.warnings),
                    # The county's receipt for the station: it goes back on the stick.
                    "ack": str(result.ack_path) if result.ack_path is not None else "",
                }
            )
    return lines


@writes
def write_county_package(folder: str, *, actor=None, progress=None) -> str:
    from pathlib import Path

    from firstask_desktop.sync.package import write_package

    path, counts = write_package(Path(folder), actor=actor, on_progress=_sync_progress(progress))
    return f"已写出县公司资料包“{path.name}”（{sum(counts.values())} 条记录），已读回校验无误。"


def read_key(path: str) -> dict:
    from pathlib import Path

    from firstask_desktop.sync.trust import describe_key_file

    return describe_key_file(Path(path))


@writes
def import_key(path: str, *, actor, replace: bool = False, old_key_lost: bool = False) -> str:
    from pathlib import Path

    from firstask_desktop.sync.trust import import_key_file

    info, new = import_key_file(
        Path(path), accepted_by=actor, replace=replace, old_key_lost=old_key_lost
    )
    if new and replace:
        kept = (
            "旧电脑已登记为丢失：它的旧密钥签的文件、回执和备份从此一律不信任。"
            if old_key_lost
            else "旧密钥留作核验：换电脑前签的回执和U盘备份仍可核验。"
        )
        return f"已用新公钥替换{info.label}原来的公钥，新指纹 {info.fingerprint}。{kept}"
    if new:
        return f"已登记{info.label}的公钥，指纹 {info.fingerprint}。"
    return f"{info.label}的公钥早已登记（指纹 {info.fingerprint}），没有改变。"


def keys_overview() -> dict:
    """What 公钥 lists: this PC's fingerprint, the keys registered, the keys they replaced."""
    from firstask_desktop.sync.trust import known_keys, local_public_info, retired_keys

    mine = local_public_info()
    return {
        "role": mine.role,
        "local": mine.fingerprint,
        "known": known_keys(),
        "retired": retired_keys(),
    }


@writes
def revoke_key(fingerprint: str, *, actor) -> str:
    from firstask_desktop.sync.trust import revoke_retired

    key, changed = revoke_retired(fingerprint, by=actor)
    if not changed:
        return f"{key['role_label']} {key['station']} 的这把旧密钥早已作废，没有改变。"
    return (
        f"已作废{key['role_label']} {key['station']} 的旧密钥（指纹 {key['fingerprint']}）："
        "它签的回执、备份和文件从此一律不信任。"
    )


@writes
def export_key(folder: str) -> str:
    from pathlib import Path

    from firstask_desktop.sync.trust import export_key_file

    path, info = export_key_file(Path(folder))
    return (
        f"已写出本机公钥文件“{path.name}”，指纹 {info.fingerprint}。"
        "交给对方时，请打电话把这个指纹念给对方核对。"
    )


# --- quarantined sync records (隔离记录) ------------------------------------------------------------


def quarantine_list(viewer, include_resolved: bool = False) -> dict:
    """The records an import set aside, as ``viewer`` may see them (保密), and whether they may
    decide on them."""
    from firstask_desktop.services.quarantine_review import review_list

    return review_list(viewer, include_resolved)


def quarantine_record(viewer, record_id: int) -> dict:
    """One of them with the stored and the file's version field by field."""
    from firstask_desktop.services.quarantine_review import review_record

    return review_record(viewer, record_id)


@writes
def resolve_quarantine(actor, record_id: int, *, take_incoming: bool) -> dict:
    """Keep the stored record or take the file's version (``export_import`` only; audited)."""
    from firstask_desktop.services.county import resolve_quarantined

    item = resolve_quarantined(record_id, take_incoming=take_incoming, actor=actor)
    return {"id": item.id, "resolution": item.resolution, "resolved_by": item.resolved_by}
