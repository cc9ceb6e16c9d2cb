"""The sync services the GUI calls: progress and cancel, the container, bulk data, chains."""

from __future__ import annotations

import os
import random
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sync_support import (
    T0,
    add_entry_story,
    exchange_keys,
    export,
    import_at,
    make_county,
    make_station,
    table_state,
)

from firstask_desktop.store import keys
from firstask_desktop.sync.progress import SyncCancelled


@pytest.fixture
def pair(tmp_path):
    county = make_county(tmp_path / "县公司")
    station = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=8)
    exchange_keys(county, station, usb=tmp_path / "U盘")
    return county, station, tmp_path / "U盘"


def test_export_reports_progress_and_can_be_cancelled(pair):
    county, station, usb = pair
    from firstask_desktop.sync.station_export import export_file
    from firstask_desktop.sync.status import station_sync_status

    seen = []
    with station.use():
        with pytest.raises(SyncCancelled, match="已取消"):
            export_file(
                usb, on_progress=lambda *a: seen.append(a), should_cancel=lambda: len(seen) >= 2
            )
        assert not list(usb.glob("*.fasync"))  # no half file left on the stick
        assert station_sync_status()["export_seq"] == 0
        seen.clear()
        result = export_file(usb, on_progress=lambda *a: seen.append(a))
    stages = [stage for _done, _total, stage in seen]
    assert stages[0] == "select" and "write" in stages and stages[-1] == "verify"
    writes = [done for done, _total, stage in seen if stage == "write"]
    assert writes == sorted(writes) and result.seq == 1


def test_import_can_be_cancelled_and_leaves_nothing(pair):
    county, station, usb = pair
    from firstask_desktop.sync.importing import import_file

    path = export(station, usb).path
    calls = []
    with county.use():
        before = table_state()
        with pytest.raises(SyncCancelled):
            import_file(
                path,
                actor="测试",
                accept_new_station=True,
                should_cancel=lambda: calls.append(1) or len(calls) > 1,
            )
        assert table_state() == before
        assert import_file(path, actor="测试", accept_new_station=True).status == "imported"


def test_keeping_the_stored_version_of_a_quarantined_record(pair, tmp_path):
    county, station, usb = pair
    from sync_support import second_file

    from firstask_desktop.services.county import quarantined_records, resolve_quarantined
    from firstask_desktop.store.models import Entry, QuarantinedRecord

    first = export(station, usb)
    import_at(county, first.path, accept_new_station=True)
    forged = second_file(
        county, station, first, tmp_path, lambda t, d: dict(d, matter="改过") if t == "entry" else d
    )
    result = import_at(county, forged)
    assert result.counts["quarantined"] == 8
    with county.use():
        first_item = quarantined_records()[0]
        resolve_quarantined(first_item["id"], take_incoming=False, actor="县管理员")
        assert Entry.get(Entry.uuid == first_item["record_uuid"]).matter != "改过"
        assert QuarantinedRecord.get_by_id(first_item["id"]).resolution == "kept_existing"
        assert len(quarantined_records()) == 7
        with pytest.raises(Exception, match="已由 县管理员 处理过"):
            resolve_quarantined(first_item["id"], take_incoming=True, actor="县管理员")


def test_station_chains_are_verified_event_by_event(pair):
    county, station, usb = pair
    from firstask_desktop.services.county import verify_station_chains
    from firstask_desktop.store import db

    import_at(county, export(station, usb).path, accept_new_station=True)
    with station.use():
        add_entry_story(20, at=T0 + timedelta(days=3))
    import_at(county, export(station, usb).path)
    with county.use():
        assert verify_station_chains() == []
        # Someone edits an imported event behind the app's back (triggers dropped first).
        db.database.execute_sql("DROP TRIGGER station_audit_event_no_update")
        db.database.execute_sql(
            "UPDATE station_audit_event SET actor = '别人' WHERE seq = 5 AND source = 'GS0101'"
        )
        problems = verify_station_chains("GS0101")
        assert problems == ["供电所 GS0101 第 5 号审计记录的内容与其哈希不符"]


def test_the_fast_snapshot_equals_the_audit_snapshot(demo_store):
    from firstask_desktop.store.audit import snapshot
    from firstask_desktop.store.bulk_write import fast_snapshot
    from firstask_desktop.store.models import AUDITED

    checked = 0
    for model in AUDITED:
        for record, row in zip(
            model.select().order_by(model.id),
            model.select().order_by(model.id).dicts(),
            strict=True,
        ):
            assert fast_snapshot(model, row) == snapshot(record)
            checked += 1
    assert checked > 500


def test_bulk_entries_are_what_the_services_would_have_stored(tmp_path):
    from sync_support import Site

    from firstask_desktop.demo import bulk_demo as bulk
    from firstask_desktop.services.entries import register_entry
    from firstask_desktop.services.station import find_staff
    from firstask_desktop.store.integrity import check_database
    from firstask_desktop.store.models import Entry, SerialCounter

    now = datetime(2026, 11, 20, 16, 0)
    with Site(tmp_path / "大所").use():
        bulk.new_station("GS0109", "大供电所", now=now, seed=3)
        assert bulk.add_entries(1500, seed=3, now=now, batch=400) == 1500
        assert check_database() == []
        statuses = {s for (s,) in Entry.select(Entry.status).distinct().tuples()}
        assert {"closed", "registered", "transferred", "unresolved", "void"} <= statuses
        # Serial numbers continue where the generator stopped, never reused.
        last = max(c.last for c in SerialCounter.select().where(SerialCounter.year == now.year))
        entry = register_entry(
            find_staff("李娜"),
            channel="visit",
            category="consult",
            visitor="张三",
            matter="咨询",
            result="已答复",
            now=now,
            received_at=now,
        )
        assert entry.serial == f"GS0109-{now.year}-{last + 1:05d}"


@settings(max_examples=25, deadline=None)
@given(
    sizes=st.lists(st.integers(min_value=0, max_value=30_000), min_size=1, max_size=12),
    encrypted=st.booleans(),
)
def test_container_round_trip_at_every_chunk_boundary(tmp_path_factory, sizes, encrypted):
    """Incompressible records of any size: every chunk boundary (64 KiB) is crossed somewhere."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from firstask_desktop.sync.container import (
        FORMAT,
        ZERO_HASH,
        BodyWriter,
        iter_records,
        open_sync_file,
        write_container,
    )

    recipient = X25519PrivateKey.generate()
    signer = Ed25519PrivateKey.generate()
    body = BodyWriter(keys.public_bytes(recipient) if encrypted else None)
    records = [("entry", {"n": n, "x": os.urandom(size).hex()}) for n, size in enumerate(sizes)]
    for table, data in records:
        body.add(table, data)
    header = {
        "format": FORMAT,
        "version": 1,
        "kind": "station_export",
        "station": "GS0101",
        "seq": 1,
        "prev_hash": ZERO_HASH,
        "counts": dict(body.counts),
        "created_at": "2026-03-10T09:00:00",
        "signer_public": keys.b64(keys.public_bytes(signer)),
    }
    path = tmp_path_factory.mktemp("c") / "GS0101-000001.fasync"
    write_container(path, header, body, signer)
    assert list(iter_records(open_sync_file(path), recipient)) == records


def test_a_chunk_moved_or_cut_fails_its_tag(tmp_path):
    """Reordering or dropping whole encrypted chunks (signature aside) cannot pass."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from firstask_desktop.sync import container as c

    recipient = X25519PrivateKey.generate()
    signer = Ed25519PrivateKey.generate()
    body = c.BodyWriter(keys.public_bytes(recipient))
    rng = random.Random(1)
    for n in range(40):
        body.add("entry", {"n": n, "x": rng.randbytes(4000).hex()})
    header = {
        "format": c.FORMAT,
        "version": 1,
        "kind": "station_export",
        "station": "GS0101",
        "seq": 1,
        "prev_hash": c.ZERO_HASH,
        "counts": dict(body.counts),
        "created_at": "x",
        "signer_public": keys.b64(keys.public_bytes(signer)),
    }
    path = tmp_path / "a.fasync"
    c.write_container(path, header, body, signer)
    good = c.open_sync_file(path)
    data = path.read_bytes()
    start = good.body_offset
    sealed = c.CHUNK + c.TAG
    swapped = (
        data[:start]
        + data[start + sealed : start + 2 * sealed]
        + data[start : start + sealed]
        + data[start + 2 * sealed :]
    )
    last_cut = data[: start + 2 * sealed] + data[-c.SIGNATURE_LENGTH :]  # "last" chunk missing
    for name, damaged in (("swapped", swapped), ("cut", last_cut)):
        target = tmp_path / f"{name}.fasync"
        target.write_bytes(damaged)
        # Re-signed, so that only the encryption layer stands in the way.
        forged = tmp_path / f"{name}-signed.fasync"
        _resign(target, good, dict(good.header), signer, forged)
        with pytest.raises(c.SyncFileError, match="无法解密"):
            list(c.iter_records(c.open_sync_file(forged), recipient))


def _resign(damaged_path, good, header, signer, target):
    import hashlib

    from firstask_desktop.sync import container as c

    data = damaged_path.read_bytes()
    body = data[good.body_offset : -c.SIGNATURE_LENGTH]
    header = dict(header, body_length=len(body), body_sha256=hashlib.sha256(body).hexdigest())
    header_bytes = c.encode_header(header)
    prefix = c.MAGIC + len(header_bytes).to_bytes(4, "big") + header_bytes
    signature = signer.sign(c.SIGNATURE_CONTEXT + hashlib.sha256(prefix + body).digest())
    target.write_bytes(prefix + body + signature)


@pytest.mark.skipif(
    os.name != "posix" or not os.path.ismount("/proc"),
    reason="needs a Linux machine with /proc mounted",
)
def test_mounted_folders_are_offered_and_plain_folders_not(tmp_path):
    from pathlib import Path

    from firstask_desktop.sync.drives import removable_drives

    (tmp_path / "不是U盘").mkdir()
    assert removable_drives([tmp_path, tmp_path / "不存在"]) == []
    assert Path("/proc") in removable_drives([Path("/")])
