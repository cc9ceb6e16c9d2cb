"""A version-1 database file migrates forward to the current schema and keeps its data."""

import sqlite3

import pytest
from support import make_v1_file as _make_v1_file

from firstask_desktop.store import config, db, schema
from firstask_desktop.store.models import ALL_MODELS, Entry
from firstask_desktop.store.storage import open_store


def _columns(database) -> dict[str, set[str]]:
    return {t: {c.name for c in database.get_columns(t)} for t in database.get_tables()}


def test_version_1_file_migrates_to_current_and_keeps_data(tmp_path):
    folder = tmp_path / "旧版数据"
    _make_v1_file(folder)
    open_store(folder)
    try:
        assert schema.user_version(db.database.obj) == schema.LATEST_VERSION
        entry = Entry.get(Entry.serial == "GS0101-2025-00001")
        assert entry.visitor == "张三" and entry.matter == "咨询电价"
        # The step that added pinyin initials filled them for the old rows.
        assert entry.search_initials.startswith("zs")
        migrated = _columns(db.database.obj)
    finally:
        db.close()
    # The copy set aside before migrating is a readable version-1 database.
    backups = list((folder / "backups").glob("before-migration-v1-*.sqlite3"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    assert con.execute("SELECT visitor FROM entry").fetchone()[0] == "张三"
    con.close()

    # A migrated file has exactly the tables and columns of a freshly created one.
    open_store(tmp_path / "新建")
    try:
        fresh = _columns(db.database.obj)
    finally:
        db.close()
    assert migrated == fresh
    assert set(fresh) >= {m._meta.table_name for m in ALL_MODELS}


def test_the_search_index_is_built_for_the_entries_of_an_old_file(tmp_path):
    from firstask_desktop.services.queries import EntryFilter, count_entries, list_entries

    folder = tmp_path / "旧版数据"
    _make_v1_file(folder)
    open_store(folder)
    try:
        for typed in ("张", "张三", "城关村委会", "电价", "zs", "5678", "2025-00001"):
            flt = EntryFilter(search=typed)
            assert [e.serial for e in list_entries(flt)] == ["GS0101-2025-00001"], typed
            assert count_entries(flt) == 1, typed
        assert list(list_entries(EntryFilter(search="李四"))) == []
        pending = db.database.execute_sql("SELECT count(*) FROM search_pending").fetchone()[0]
        assert pending == 0
    finally:
        db.close()


def test_failed_migration_leaves_the_file_at_its_old_version(tmp_path, monkeypatch):
    folder = tmp_path / "失败"
    _make_v1_file(folder)

    def broken(database):
        database.execute_sql("ALTER TABLE entry ADD COLUMN half_done TEXT")
        raise RuntimeError("power cut")

    monkeypatch.setattr(schema, "MIGRATIONS", [broken] + schema.MIGRATIONS[1:])
    try:
        with pytest.raises(RuntimeError, match="power cut"):
            open_store(folder)
    finally:
        db.close()
    con = sqlite3.connect(config.db_path(folder))
    assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = {r[1] for r in con.execute("PRAGMA table_info(entry)")}
    assert "half_done" not in columns  # rolled back with the failed step
    con.close()


def test_a_file_from_a_newer_version_is_refused(tmp_path):
    import pytest

    folder = tmp_path / "新版"
    path = _make_v1_file(folder)
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {schema.LATEST_VERSION + 5}")
    con.commit()
    con.close()
    with pytest.raises(schema.SchemaTooNewError, match="新版"):
        open_store(folder)
    db.close()


def _add_v1_entry(path, number: int, phone: str) -> None:
    """One more entry in a version-1 file, as that version stored it."""
    con = sqlite3.connect(path)
    now = "2025-06-02 09:00:00"
    con.execute(
        "INSERT INTO entry (uuid, station, revision, created_at, updated_at, serial, received_at,"
        " channel, category, visitor, unit, address, phone, account_no, matter, responder_id,"
        " reception_notes, result, unresolved_reason, status, missing_documents, wo_number,"
        " reopened_count) VALUES (?,'GS0101',1,?,?,?,?,'phone','consult','李四','','',?,'',"
        "'咨询电价',1,'','','','registered','[]','',0)",
        (f"e{number}", now, now, f"GS0101-2025-{number:05d}", now, phone),
    )
    con.commit()
    con.close()


def test_stored_phones_libphonenumber_does_not_know_are_marked_and_never_changed(tmp_path):
    folder = tmp_path / "旧版数据"
    path = _make_v1_file(folder)  # its entry has 13812345678
    # 020-0123456 is what the old rules made of a typed 0200-123456.
    for number, phone in enumerate(
        ["0300-1234567", "020-0123456", "14012345678", "0931-8123456", "95598"], start=2
    ):
        _add_v1_entry(path, number, phone)
    open_store(folder)
    try:
        marks = {e.phone: e.phone_unverified for e in Entry.select()}
    finally:
        db.close()
    assert marks == {
        "13812345678": False,
        "0300-1234567": True,
        "020-0123456": True,
        "14012345678": True,
        "0931-8123456": False,
        "95598": False,
    }
