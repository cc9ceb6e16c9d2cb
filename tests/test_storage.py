"""Storage: durable SQLite settings, non-ASCII data folders, where the data folder is."""

from firstask_desktop.store import config, db
from firstask_desktop.store.models import Entry


def test_pragmas_are_durable(store):
    database = db.database.obj
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert database.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_database_file_lives_in_a_chinese_named_folder(store):
    assert "张三" in str(store)
    assert (store / config.DB_FILENAME).exists()
    assert Entry.select().count() == 0


def test_data_dir_precedence(tmp_path, monkeypatch):
    explicit = tmp_path / "明确"
    env = tmp_path / "环境"
    monkeypatch.setenv(config.ENV_DATA_DIR, str(env))
    assert config.data_dir(explicit) == explicit.resolve()
    assert config.data_dir(None) == env.resolve()
    monkeypatch.delenv(config.ENV_DATA_DIR)
    default = config.data_dir(None)
    assert "FirstAsk" in str(default)
    # Never the install folder (the package's own folder).
    assert not str(default).startswith(str(config.resources_dir().parent))


def test_audit_log_is_append_only(station):
    import peewee
    import pytest

    with pytest.raises(peewee.IntegrityError):
        db.database.execute_sql("UPDATE audit_event SET actor = 'x'")
    with pytest.raises(peewee.IntegrityError):
        db.database.execute_sql("DELETE FROM audit_event")
