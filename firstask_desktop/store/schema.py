"""Schema versions and forward migrations.

The version lives in ``PRAGMA user_version`` (on PostgreSQL, which the county may use, in a
one-row ``schema_version`` table). A new database is created at the latest version
directly; an older file is first copied aside with SQLite's backup API (a consistent copy even in
WAL mode), then each step runs in one transaction together with its version bump, so a power cut
leaves the file at one version or the next, never half-migrated.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from peewee import CharField, DateTimeField, ForeignKeyField, SqliteDatabase, TextField

from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.domain.search_text import pinyin_initials
from firstask_desktop.store import search_index, search_pg
from firstask_desktop.store.models import ALL_MODELS, Entry

APPEND_ONLY_TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS audit_event_no_update BEFORE UPDATE ON audit_event
       BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON audit_event
       BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS station_audit_event_no_update
       BEFORE UPDATE ON station_audit_event
       BEGIN SELECT RAISE(ABORT, 'station_audit_event is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS station_audit_event_no_delete
       BEFORE DELETE ON station_audit_event
       BEGIN SELECT RAISE(ABORT, 'station_audit_event is append-only'); END""",
)
# The same guarantee on PostgreSQL (a county server): a trigger function that refuses.
PG_APPEND_ONLY_FUNCTION = """CREATE OR REPLACE FUNCTION firstask_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '%% is append-only', TG_TABLE_NAME; END $$"""
PG_APPEND_ONLY_TABLES = ("audit_event", "station_audit_event")


def _v2_search_initials(database) -> None:
    """v2: pinyin initials of visitor and unit, so that ``zs`` finds 张三."""
    from playhouse.migrate import migrate

    column = CharField(max_length=200, default="")
    migrate(migrator_for(database).add_column("entry", "search_initials", column))
    rows = database.execute_sql("SELECT id, visitor, unit FROM entry").fetchall()
    for entry_id, visitor, unit in rows:
        Entry.update(search_initials=pinyin_initials(visitor, unit)).where(
            Entry.id == entry_id
        ).execute()


def create_missing_tables(database, *models) -> None:
    """A step that adds whole tables: creates those not there yet (indexes included).

    Later steps that add columns to these tables must check first (``add_column_if_missing``),
    since a table created here already has the columns of the current model.
    """
    database.create_tables(models, safe=True)


def add_column_if_missing(database, table: str, name: str, field) -> None:
    if name not in {c.name for c in database.get_columns(table)}:
        from playhouse.migrate import migrate

        migrate(migrator_for(database).add_column(table, name, field))


def migrator_for(database):
    # playhouse.migrate (and the PostgreSQL driver it loads) only when a file is migrated.
    from playhouse.migrate import PostgresqlMigrator, SqliteMigrator

    if isinstance(database, SqliteDatabase):
        return SqliteMigrator(database)
    return PostgresqlMigrator(database)


def _v3_assessment(database) -> None:
    """v3: the clause table and the proposed/confirmed breaches (督办与考核)."""
    from firstask_desktop.store.models import Clause, Violation

    create_missing_tables(database, Clause, Violation)


def _login_lockout(database) -> None:
    """Staff: failed password count and lock time (5 wrong passwords lock for 10 minutes)."""
    if "failed_logins" not in {c.name for c in database.get_columns("staff")}:
        # SQLite adds a NOT NULL column with a default in place; the migrator would rebuild
        # the table, which foreign keys from entry and others forbid.
        database.execute_sql(
            "ALTER TABLE staff ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0"
        )
    add_column_if_missing(database, "staff", "locked_until", DateTimeField(null=True))


def _sync_tables(database) -> None:
    """USB sync: trusted keys, the sync file log, quarantine, the stations' audit chains."""
    from firstask_desktop.store.models import SYNC_MODELS

    create_missing_tables(database, *SYNC_MODELS)


def _duplicate_links(database) -> None:
    """Void: the entry a duplicate registration was voided in favour of (kept as a link)."""
    from firstask_desktop.store.models import Entry

    add_column_if_missing(
        database,
        "void",
        "duplicate_of_id",
        ForeignKeyField(Entry, null=True, field=Entry.id, on_delete="RESTRICT"),
    )


def _search_index(database) -> None:
    """The search index (search_index.py): created, then filled with the entries already there."""
    if isinstance(database, SqliteDatabase) and search_index.create(database):
        search_index.build(database)


def _register_indexes(database) -> None:
    """Indexes for the register view: its filters in date order, and the sort by visitor."""
    Entry._schema.create_indexes(safe=True)


def _search_merging(database) -> None:
    """The search index merges its segments when they crowd, not on every few saves; what it
    holds so far is merged now, once (else a save would later pay for it at one go)."""
    if isinstance(database, SqliteDatabase) and search_index.available(database):
        search_index.merge_when_crowded(database)
        search_index.merge_all(database)


def _drop_covered_indexes(database) -> None:
    """The entry's own indexes on category, status and responder: the register's indexes
    (each of them, received_at) serve every lookup they served, and each save wrote all six."""
    for name in ("entry_category", "entry_status", "entry_responder_id"):
        database.execute_sql(f'DROP INDEX IF EXISTS "{name}"')


def _phone_marks(database) -> None:
    """The entry's 号码未经核实 mark, and the phones stored so far checked against
    libphonenumber's data: one it does not know (an area code that does not exist, 7 digits in
    an 8-digit city, a data-only mobile block) is marked, never changed; ``check`` lists them."""
    from firstask_desktop.domain.validation import phone_problem

    if "phone_unverified" not in {c.name for c in database.get_columns("entry")}:
        # In place, as _login_lockout does: the migrator would rebuild a table others refer to.
        sqlite = isinstance(database, SqliteDatabase)
        kind = "INTEGER NOT NULL DEFAULT 0" if sqlite else "BOOLEAN NOT NULL DEFAULT false"
        database.execute_sql(f"ALTER TABLE entry ADD COLUMN phone_unverified {kind}")
    # Customers call again and again: each distinct number is checked once.
    phones = database.execute_sql("SELECT DISTINCT phone FROM entry WHERE phone <> ''").fetchall()
    suspect = [phone for (phone,) in phones if phone_problem(phone)]
    for start in range(0, len(suspect), 500):
        Entry.update(phone_unverified=True).where(
            Entry.phone.in_(suspect[start : start + 500])
        ).execute()


def _accountability(database) -> None:
    """Accountability: reassignments and appeals; the head's decision on an escalation; who
    approved a void; transfers handed back; manual breaches (no entry needed); one proposal per
    entry, clause and person instead of per detector."""
    from playhouse.migrate import migrate

    from firstask_desktop.store.models import (
        Appeal,
        Customer,
        Escalation,
        Reassignment,
        Staff,
        Transfer,
        Violation,
    )

    create_missing_tables(database, Reassignment, Appeal)
    add_column_if_missing(database, "entry", "responder_reason", TextField(default=""))
    add_column_if_missing(database, "transfer", "returned_at", DateTimeField(null=True))
    add_column_if_missing(database, "transfer", "return_reason", TextField(default=""))
    staff_fk = dict(null=True, field=Staff.id, on_delete="RESTRICT")
    add_column_if_missing(database, "void", "approved_by_id", ForeignKeyField(Staff, **staff_fk))
    add_column_if_missing(database, "escalation", "decision", CharField(max_length=8, default=""))
    add_column_if_missing(database, "escalation", "decision_note", TextField(default=""))
    add_column_if_missing(database, "escalation", "decided_at", DateTimeField(null=True))
    add_column_if_missing(
        database, "escalation", "decided_by_id", ForeignKeyField(Staff, **staff_fk)
    )
    add_column_if_missing(
        database,
        "escalation",
        "transfer_id",
        ForeignKeyField(Transfer, null=True, field=Transfer.id, on_delete="RESTRICT"),
    )
    add_column_if_missing(
        database, "violation", "kind", CharField(max_length=8, default="detected")
    )
    add_column_if_missing(
        database, "violation", "reported_by_id", ForeignKeyField(Staff, **staff_fk)
    )
    add_column_if_missing(database, "violation", "occurred_at", DateTimeField(null=True))
    database.execute_sql('DROP INDEX IF EXISTS "violation_entry_id_rule"')
    if not next(c for c in database.get_columns("violation") if c.name == "entry_id").null:
        # Nothing references a violation yet (appeals are new), so SQLite may rebuild it.
        migrate(migrator_for(database).drop_not_null("violation", "entry_id"))
    Violation._schema.create_indexes(safe=True)
    Escalation._schema.create_indexes(safe=True)
    Customer._schema.create_indexes(safe=True)


def _attachments(database) -> None:
    """Attachments: files kept with an entry, by their SHA-256 (attachment_files.py)."""
    from firstask_desktop.store.models import Attachment, AttachmentSent

    create_missing_tables(database, Attachment, AttachmentSent)


def _withdrawn_transfers(database) -> None:
    """A transfer sent by mistake can be taken back (撤回转办): when and why."""
    add_column_if_missing(database, "transfer", "withdrawn_at", DateTimeField(null=True))
    add_column_if_missing(database, "transfer", "withdraw_reason", TextField(default=""))


def _county_search_and_filters(database) -> None:
    """A county on PostgreSQL: the register's search through pg_trgm and a character index
    (search_pg.py), and the station filter in date order over every station's entries. A
    station's SQLite has its FTS5 index, and one station only: nothing to do there."""
    if isinstance(database, SqliteDatabase):
        return
    create_pg_search(database)
    database.execute_sql(
        'CREATE INDEX IF NOT EXISTS "entry_station_received_at" ON entry (station, received_at)'
    )


def create_pg_search(database) -> None:
    """search_pg.create, refused in Chinese when the login may not create pg_trgm: the
    transaction it runs in is rolled back whole, so the database stays at its version."""
    try:
        search_pg.create(database)
    except search_pg.ExtensionRefused as err:
        name = database.database
        raise RefusedError(
            f"县公司数据库“{name}”缺少 PostgreSQL 扩展 pg_trgm（登记簿检索要用），"
            f"当前登录的数据库用户无权创建它（服务器答复：{err}）。数据库没有改动。"
            f"请数据库管理员以管理员身份连到数据库“{name}”执行：{search_pg.EXTENSION_SQL}"
            "（服务器上没有这个扩展时，先安装 PostgreSQL 的 contrib 组件），然后重新打开。"
        ) from err


def _county_search_grams(database) -> None:
    """A county on PostgreSQL: one or two characters typed (pinyin initials, a surname) found
    through an index of each entry's characters and pairs of characters, which replaces the
    index of characters alone (search_pg.py). Needs nothing beyond PostgreSQL itself."""
    if isinstance(database, SqliteDatabase):
        return
    search_pg.create_grams(database)


def _retired_keys(database) -> None:
    """A replaced key is kept, so that what it signed before still checks (models.RetiredKey)."""
    from firstask_desktop.store.models import RetiredKey

    create_missing_tables(database, RetiredKey)


def _sync_log_signer(database) -> None:
    """A station file's log names the key that signed it: what it left in quarantine is not
    taken once that key is revoked."""
    add_column_if_missing(database, "sync_log", "signer", CharField(max_length=16, default=""))


# MIGRATIONS[n] takes a database from version n + 1 to version n + 2.
MIGRATIONS: list[Callable] = [
    _v2_search_initials,
    _v3_assessment,
    _login_lockout,
    _sync_tables,
    _duplicate_links,
    _search_index,
    _register_indexes,
    _search_merging,
    _drop_covered_indexes,
    _phone_marks,
    _accountability,
    _attachments,
    _withdrawn_transfers,
    _county_search_and_filters,
    _county_search_grams,
    _retired_keys,
    _sync_log_signer,
]
LATEST_VERSION = len(MIGRATIONS) + 1


class SchemaTooNewError(RefusedError):
    pass


def user_version(database) -> int:
    if not isinstance(database, SqliteDatabase):
        if "schema_version" not in database.get_tables():
            return 0
        row = database.execute_sql("SELECT version FROM schema_version").fetchone()
        return row[0] if row else 0
    return database.execute_sql("PRAGMA user_version").fetchone()[0]


def _set_user_version(database, version: int) -> None:
    if not isinstance(database, SqliteDatabase):
        database.execute_sql("CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)")
        database.execute_sql("DELETE FROM schema_version")
        database.execute_sql("INSERT INTO schema_version (version) VALUES (%s)", (int(version),))
        return
    database.execute_sql(f"PRAGMA user_version = {int(version)}")


def _append_only_triggers(database) -> None:
    if isinstance(database, SqliteDatabase):
        for sql in APPEND_ONLY_TRIGGERS:
            database.execute_sql(sql)
        return
    # Created once: replacing a trigger locks its table against every other county user.
    present = {
        name
        for (name,) in database.execute_sql(
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
        ).fetchall()
    }
    missing = [t for t in PG_APPEND_ONLY_TABLES if f"{t}_append_only" not in present]
    if missing:
        database.execute_sql(PG_APPEND_ONLY_FUNCTION)  # %% above: psycopg2 formats the SQL
    for table in missing:
        database.execute_sql(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION firstask_append_only()"
        )


def create_fresh(database) -> None:
    with database.atomic():
        database.create_tables(ALL_MODELS)
        _append_only_triggers(database)
        if isinstance(database, SqliteDatabase):
            search_index.create(database)
        else:
            _county_search_and_filters(database)
            _county_search_grams(database)
        _set_user_version(database, LATEST_VERSION)


def backup_copy(database_path: Path, target: Path) -> Path:
    """A consistent copy of a live SQLite file (the backup API, not a byte copy)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(str(database_path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(database, database_path: Path | None, backups_dir: Path | None) -> list[int]:
    """Bring ``database`` to LATEST_VERSION; returns the versions applied."""
    version = user_version(database)
    if version == 0 and not set(database.get_tables()) - {"schema_version"}:
        create_fresh(database)
        return []
    if version > LATEST_VERSION:
        raise SchemaTooNewError(
            f"数据库版本 {version} 比本程序支持的 {LATEST_VERSION} 新：请安装新版首问登记后再打开。"
        )
    applied = []
    if version < LATEST_VERSION and database_path is not None and backups_dir is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_copy(database_path, backups_dir / f"before-migration-v{version}-{stamp}.sqlite3")
    while version < LATEST_VERSION:
        step = MIGRATIONS[version - 1]
        with database.atomic():
            step(database)
            _set_user_version(database, version + 1)
        version += 1
        applied.append(version)
    with database.atomic():
        _append_only_triggers(database)
    return applied
