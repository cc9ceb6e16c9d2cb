"""Damaged, forged and foreign sync files: each refused in Chinese, and nothing changed.

One real file is made once per database kind; every damaged copy is derived from it. "Nothing
changed" is checked against the row count of every table after each attempt, and against a
digest of every row at the end.
"""

from __future__ import annotations

import contextlib
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_support import (
    county_public,
    exchange_keys,
    export,
    forge,
    fresh_postgres_database,
    import_at,
    make_county,
    make_station,
    read_body,
    table_counts,
    table_state,
)

from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.sync.container import VERSION, SyncFileError

ATTEMPTS = 200


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(request, tmp_path_factory):
    """A county that already imported station GS0101's first file, and the station's second."""
    base = tmp_path_factory.mktemp(f"bad-{request.param}")
    if request.param == "sqlite":
        database = contextlib.nullcontext(None)
    else:
        database = fresh_postgres_database(request.getfixturevalue("postgres_server"))
    with database as url:
        county = make_county(base / "县公司", url)
        station = make_station(base / "城关所", "GS0101", "城关供电所", entries=6)
        other = make_station(base / "金崖所", "GS0102", "金崖供电所", entries=1)
        usb = base / "U盘"
        exchange_keys(county, station, other, usb=usb)
        import_at(county, export(station, usb).path, accept_new_station=True)
        from sync_support import T0, add_entry_story

        with station.use():
            add_entry_story(7, at=T0.replace(day=12))
        good = export(station, usb / "好").path
        yield county, station, other, good, base
        from firstask_desktop.store import db

        db.close()


def _refused_with_nothing_changed(county, paths, **options):
    """Import each path; every one must be refused, and no table may gain or lose a row."""
    from firstask_desktop.sync.importing import import_file

    with county.use():
        before_state = table_state()
        before = table_counts()
        messages = []
        for path in paths:
            with pytest.raises(RefusedError) as refused:
                import_file(path, actor="测试", **options)
            messages.append(str(refused.value))
            assert table_counts() == before, f"{path.name} changed rows: {refused.value}"
        assert table_state() == before_state
    return messages


def test_the_good_file_itself_imports(world, tmp_path):
    """The control: the copies below are refused because of their damage, not of the original."""
    county, _station, _other, good, _base = world
    from firstask_desktop.sync.container import iter_records, open_sync_file

    sync_file = open_sync_file(good)
    from firstask_desktop.store import keys

    records = list(iter_records(sync_file, keys.load_or_create_encryption_key(county.folder)))
    assert sum(sync_file.header["counts"].values()) == len(records) > 0


def test_truncated_at_200_offsets_is_refused(world, tmp_path):
    county, _station, _other, good, _base = world
    data = good.read_bytes()
    rng = random.Random(5)
    offsets = sorted(
        {0, 1, 7, 8, 12, len(data) - 1, len(data) - 64}
        | {rng.randrange(len(data)) for _ in range(ATTEMPTS)}
    )
    paths = []
    for n, offset in enumerate(offsets):
        path = tmp_path / f"cut{n}" / good.name
        path.parent.mkdir()
        path.write_bytes(data[:offset])
        paths.append(path)
    messages = _refused_with_nothing_changed(county, paths)
    assert all("已拒绝，未导入任何数据" in m for m in messages)
    assert any("不完整" in m for m in messages) and any("空的" in m for m in messages)


def test_200_flipped_bits_are_refused(world, tmp_path):
    county, _station, _other, good, _base = world
    data = good.read_bytes()
    rng = random.Random(11)
    paths = []
    for n in range(ATTEMPTS):
        position = rng.randrange(len(data))
        damaged = bytearray(data)
        damaged[position] ^= 1 << rng.randrange(8)
        path = tmp_path / f"flip{n}" / good.name
        path.parent.mkdir()
        path.write_bytes(bytes(damaged))
        paths.append(path)
    messages = _refused_with_nothing_changed(county, paths)
    assert all("已拒绝" in m for m in messages)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cut=st.integers(min_value=0),
    junk=st.binary(min_size=1, max_size=40),
    where=st.sampled_from(["end", "middle"]),
)
def test_trailing_or_inserted_junk_is_refused(world, tmp_path_factory, cut, junk, where):
    county, _station, _other, good, _base = world
    data = good.read_bytes()
    if where == "end":
        damaged = data + junk
    else:
        at = cut % len(data)
        damaged = data[:at] + junk + data[at:]
    path = tmp_path_factory.mktemp("junk") / good.name
    path.write_bytes(damaged)
    _refused_with_nothing_changed(county, [path])


def _forged(world, tmp_path, name, header_changes=None, edit=None):
    """The good file re-signed by its station, with its header or records changed."""
    county, station, _other, good, _base = world
    header, records = read_body(good, county)
    changes = dict(header_changes or {})
    counts = changes.pop("counts", None)
    if counts == "as before":
        counts = header["counts"]
    if edit is not None:
        records = edit(records)
    elif counts is None:
        counts = header["counts"]
    return forge(
        tmp_path / name,
        dict(header, **changes),
        records,
        counts=counts,
        signing_folder=station.folder,
        recipient_public=county_public(county),
    )


def test_signed_but_impossible_files_are_refused(world, tmp_path):
    """Files the station's own key signed, that the checks after the signature must catch."""
    county, station, other, good, _base = world

    def another_station(records):
        return [(t, dict(d, station="GS0102") if t == "entry" else d) for t, d in records]

    def twice(records):
        at = next(i for i, (t, _d) in enumerate(records) if t == "entry")
        return records[: at + 1] + records[at:]

    def unknown_field(records):
        return [(t, dict(d, secret="x") if t == "entry" else d) for t, d in records]

    def wrong_type(records):
        return [(t, dict(d, revision="2") if t == "entry" else d) for t, d in records]

    def one_less(records):
        return records[:-1]

    cases = {
        "future.fasync": ({"version": VERSION + 1}, None, f"格式版本为 {VERSION + 1}"),
        "absurd.fasync": ({"counts": {"entry": 10**12}}, None, "记录数不合理"),
        "negative.fasync": ({"counts": {"entry": -1}}, None, "记录数不合理"),
        "traversal.fasync": ({"station": "../../GS0101"}, None, "编码"),
        "lowercase.fasync": ({"station": "gs0101/.."}, None, "编码"),
        "other-records.fasync": (None, another_station, "GS0102 的记录"),
        "twice.fasync": (None, twice, "出现了两次"),
        "unknown-field.fasync": (None, unknown_field, "不认识的字段"),
        "wrong-type.fasync": (None, wrong_type, "应为整数"),
        "counts-lie.fasync": ({"counts": "as before"}, one_less, "记录数与文件头声明的不符"),
        "unknown-kind.fasync": ({"kind": "station_backup"}, None, "类型"),
        "unknown-table.fasync": ({"counts": {"secret_table": 1}}, None, "不认识的数据表"),
    }
    paths, expected = [], []
    for name, (changes, edit, message) in cases.items():
        paths.append(_forged(world, tmp_path, name, changes, edit))
        expected.append(message)
    messages = _refused_with_nothing_changed(county, paths)
    for message, wanted, path in zip(messages, expected, paths, strict=True):
        assert wanted in message, (path.name, message)


def test_a_file_for_another_county_is_refused(world, tmp_path):
    county, station, _other, good, base = world
    elsewhere = make_county(tmp_path / "别的县")
    header, records = read_body(good, county)
    path = forge(
        tmp_path / good.name,
        header,
        records,
        signing_folder=station.folder,
        recipient_public=county_public(elsewhere),
    )
    messages = _refused_with_nothing_changed(county, [path])
    assert "另一把县公司密钥" in messages[0]


def test_not_a_sync_file_and_a_missing_file_are_refused(world, tmp_path):
    county, *_rest = world
    text = tmp_path / "readme.fasync"
    text.write_text("这不是同步文件", encoding="utf-8")
    empty = tmp_path / "empty.fasync"
    empty.write_bytes(b"")
    messages = _refused_with_nothing_changed(
        county, [text, empty, tmp_path / "不存在.fasync", tmp_path]
    )
    assert "不是首问登记的同步文件" in messages[0] and "空的" in messages[1]
    assert "不存在" in messages[2]


def test_every_refusal_is_a_sync_file_error_with_one_chinese_line(world, tmp_path):
    county, *_rest = world
    from firstask_desktop.sync.importing import import_file

    path = tmp_path / "x.fasync"
    path.write_bytes(b"FASYNC\r\n\x00\x00\x00\x05{}{}{}")
    with county.use(), pytest.raises(SyncFileError) as refused:
        import_file(Path(path), actor="测试")
    assert "\n" not in str(refused.value) and "同步文件“x.fasync”" in str(refused.value)
