"""The register's search index: a fragment of any text, a phone fragment, a 户号, a serial or
pinyin initials, found without reading every row.

What matches (the same on every path; ``SearchTerms`` parses what the clerk typed):

- the text, anywhere in the visitor, unit, address, matter, result or serial (ASCII letters in
  either case, as SQLite's LIKE);
- a number (digits with spaces or dashes, at least 3 digits) anywhere in the phone's digits or the
  户号;
- ASCII letters anywhere in the pinyin initials (``zs`` → 张三).

On SQLite two FTS5 tables answer it (a county on PostgreSQL: its own indexes, search_pg.py):

- ``search_trigram`` (trigram tokenizer) answers fragments of three characters or more;
- ``search_gram`` answers one or two characters (a surname, 张三), which a trigram index cannot:
  every character and every pair of neighbouring characters of a text is one of its tokens.

Kept current without slowing a save: triggers in plain SQL (so they fire for every writer, the
``sqlite3`` tool included) note each changed entry in ``search_pending`` together with the values
the index holds for it; :func:`catch_up` indexes the noted entries just before each write
transaction commits (``db.BEFORE_COMMIT``), in batches after a bulk insert. A search looks at
entries still pending with LIKE, so its results are exact even when the index lags behind.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from peewee import SQL, SqliteDatabase, fn

from firstask_desktop.store import db, search_pg

TRIGRAM = "search_trigram"
GRAM = "search_gram"
PENDING = "search_pending"
# Names of every table this module creates, FTS5's own shadow tables included: derived data,
# rebuilt from the entries, not a record of the register (check and sync leave them alone).
TABLE_PREFIX = "search_"

# The indexed form of each column, as an SQL expression over a row of ``entry``. lower() folds
# ASCII only, like LIKE; the trigram table is case-sensitive over these lowered values.
TEXT_COLUMNS = ("visitor", "unit", "address", "matter", "result", "serial")
INDEXED = {
    **{name: f"lower({{row}}{name})" for name in TEXT_COLUMNS},
    "phone": "replace(replace(replace({row}phone, '-', ''), ' ', ''), '转', '')",
    "account_no": "{row}account_no",
    "initials": "lower({row}search_initials)",
}
COLUMNS = tuple(INDEXED)


def _indexed(row: str) -> str:
    return ", ".join(INDEXED[name].format(row=row) for name in COLUMNS)


def _changed(a: str, b: str) -> str:
    sources = TEXT_COLUMNS + ("phone", "account_no", "search_initials")
    return " OR ".join(f"{a}.{c} IS NOT {b}.{c}" for c in sources)


def _create_statements() -> list[str]:
    columns = ", ".join(COLUMNS)
    pending_columns = ", ".join(f"{c} TEXT" for c in COLUMNS)
    # The values the index holds for an entry are noted once (OR IGNORE keeps the first note):
    # they are what catch_up must remove from the index. ``indexed`` 0: nothing to remove yet.
    note_old = (
        f"INSERT OR IGNORE INTO {PENDING} (entry_id, indexed, {columns}) "
        f"VALUES (old.id, 1, {_indexed('old.')});"
    )
    return [
        f"CREATE TABLE IF NOT EXISTS {PENDING} (entry_id INTEGER PRIMARY KEY, "
        f"indexed INTEGER NOT NULL, {pending_columns})",
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TRIGRAM} USING fts5({columns}, content='', "
        "columnsize=0, tokenize='trigram case_sensitive 1')",
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {GRAM} USING fts5(grams, initials, content='', "
        "columnsize=0, detail=column, tokenize='ascii')",
        f"CREATE TRIGGER IF NOT EXISTS search_entry_insert AFTER INSERT ON entry BEGIN "
        f"INSERT OR IGNORE INTO {PENDING} (entry_id, indexed) VALUES (new.id, 0); END",
        f"CREATE TRIGGER IF NOT EXISTS search_entry_update AFTER UPDATE ON entry "
        f"WHEN {_changed('old', 'new')} BEGIN {note_old} END",
        f"CREATE TRIGGER IF NOT EXISTS search_entry_delete AFTER DELETE ON entry BEGIN "
        f"{note_old} END",
    ]


def create(database) -> bool:
    """Create the index, empty, with its triggers (SQLite only). False when this SQLite has no
    FTS5 or no trigram tokenizer: search then reads the entries with LIKE."""
    try:
        with database.atomic():
            for sql in _create_statements():
                database.execute_sql(sql)
            merge_when_crowded(database)
    except Exception as err:  # noqa: BLE001 - sqlite3.OperationalError: no fts5 / no trigram
        if "fts5" in str(err) or "tokenizer" in str(err):
            database._firstask_search_index = False
            return False
        raise
    database._firstask_search_index = True
    return True


def merge_when_crowded(database) -> None:
    """Let FTS5 merge each table's segments only when sixteen of a size have gathered.

    By default it merges as writes come in ("automerge"), in steps of 64 pages for each level of
    the index: on a register of 200,000 entries one save in about thirty paid for some 600 pages
    of merging (30–110 ms). Without it, the small segment each save adds is merged with fifteen
    others once sixteen have gathered ("crisismerge", a few pages, larger merges rarer in the same
    ratio); searches were as fast after 4,000 more saves (docs/benchmarks.md). Stored in the
    index itself, for every connection.
    """
    for table in (TRIGRAM, GRAM):
        database.execute_sql(f"INSERT INTO {table} ({table}, rank) VALUES ('automerge', 0)")


def merge_all(database) -> None:
    """Merge each table's segments into one (FTS5 "optimize"; 4 s for 200,000 entries): after
    indexing a whole register, so that no save later pays for merging what was indexed then."""
    for table in (TRIGRAM, GRAM):
        database.execute_sql(f"INSERT INTO {table} ({table}) VALUES ('optimize')")


def build(database) -> None:
    """Index every entry (the schema step does this once for the entries already there)."""
    database.execute_sql(f"INSERT INTO {TRIGRAM} ({TRIGRAM}) VALUES ('delete-all')")
    database.execute_sql(f"INSERT INTO {GRAM} ({GRAM}) VALUES ('delete-all')")
    database.execute_sql(f"DELETE FROM {PENDING}")
    database.execute_sql(f"INSERT INTO {PENDING} (entry_id, indexed) SELECT id, 0 FROM entry")
    catch_up(database)
    merge_all(database)


def available(database=None) -> bool:
    """Does this database have the index? (Remembered per database object.)"""
    database = database or db.database.obj
    known = getattr(database, "_firstask_search_index", None)
    if known is None:
        known = isinstance(database, SqliteDatabase) and (
            database.execute_sql(
                "SELECT 1 FROM sqlite_master WHERE name = ?", (TRIGRAM,)
            ).fetchone()
            is not None
        )
        database._firstask_search_index = known
    return known


# --- keeping it current ----------------------------------------------------------------------

_RUN = re.compile(r"[^\W_]+")  # letters and digits (str.isalnum), the rest separates


def grams(*texts: str) -> str:
    """Every character and every pair of neighbouring characters within a run of letters and
    digits, as space-separated tokens, each once: "张三 李家村" → "张 张三 三 李 李家 家 家村 村"."""
    return " ".join(dict.fromkeys(chain.from_iterable(_text_grams(t) for t in texts if t)))


@lru_cache(maxsize=65536)  # names, villages and matters repeat all over a register
def _text_grams(text: str) -> tuple[str, ...]:
    tokens = []
    for run in _RUN.findall(text):
        for i in range(len(run)):
            tokens += (run[i], run[i : i + 2]) if i + 1 < len(run) else (run[i],)
    return tuple(dict.fromkeys(tokens))


def _gram_values(values) -> tuple[str, str]:
    """(grams of the text columns, grams of the initials) of a row of indexed values."""
    return grams(*values[: len(TEXT_COLUMNS)]), grams(values[-1])


def catch_up(database=None, batch: int = 5000) -> int:
    """Index the entries noted in ``search_pending``; returns how many. Call inside a write
    transaction (``db.transaction()`` does, just before it commits)."""
    database = database or db.database.obj
    if not available(database):
        return 0
    done = 0
    columns = ", ".join(COLUMNS)
    marks = ", ".join("?" * (len(COLUMNS) + 1))
    while True:
        rows = database.execute_sql(
            f"SELECT p.entry_id, p.indexed, {', '.join('p.' + c for c in COLUMNS)}, "
            f"e.id IS NOT NULL, {_indexed('e.')} FROM {PENDING} p "
            f"LEFT JOIN entry e ON e.id = p.entry_id ORDER BY p.entry_id LIMIT {int(batch)}"
        ).fetchall()
        if not rows:
            return done
        width = len(COLUMNS)
        old = [(r[0], *r[2 : 2 + width]) for r in rows if r[1]]
        new = [(r[0], *r[3 + width :]) for r in rows if r[2 + width]]
        cursor = database.cursor()
        if old:
            cursor.executemany(
                f"INSERT INTO {TRIGRAM} ({TRIGRAM}, rowid, {columns}) VALUES ('delete', {marks})",
                old,
            )
            cursor.executemany(
                f"INSERT INTO {GRAM} ({GRAM}, rowid, grams, initials) VALUES ('delete', ?, ?, ?)",
                [(r[0], *_gram_values(r[1:])) for r in old],
            )
        if new:
            cursor.executemany(
                f"INSERT INTO {TRIGRAM} (rowid, {columns}) VALUES ({marks})",
                [tuple("" if v is None else v for v in r) for r in new],
            )
            cursor.executemany(
                f"INSERT INTO {GRAM} (rowid, grams, initials) VALUES (?, ?, ?)",
                [(r[0], *_gram_values(r[1:])) for r in new],
            )
        # The batch is every pending entry up to its last id (they were read in id order).
        cursor.execute(f"DELETE FROM {PENDING} WHERE entry_id <= ?", (rows[-1][0],))
        done += len(rows)
        if len(rows) < batch:
            return done  # that was the last of them (a save's one entry: no further read)


def _catch_up_before_commit() -> None:
    if db.is_sqlite() and available():
        pending = db.database.execute_sql(f"SELECT 1 FROM {PENDING} LIMIT 1").fetchone()
        if pending:
            catch_up()


db.BEFORE_COMMIT.append(_catch_up_before_commit)


# --- searching ----------------------------------------------------------------------------------

ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_NUMBER = re.compile(r"[0-9][0-9 \-]*")


@dataclass(frozen=True)
class SearchTerms:
    """What a typed search means: ``text`` for the text columns, ``digits`` for the phone and
    户号 (or ""), ``initials`` for the pinyin initials (or "")."""

    text: str
    digits: str
    initials: str

    @classmethod
    def parse(cls, typed: str) -> SearchTerms | None:
        needle = (typed or "").strip()
        if not needle:
            return None
        text = needle.translate(ASCII_LOWER)
        number = unicodedata.normalize("NFKC", needle)  # a Chinese IME types full-width digits
        digits = ""
        if _NUMBER.fullmatch(number):
            digits = re.sub(r"[^0-9]", "", number)
            digits = digits if len(digits) >= 3 else ""
        initials = text if needle.isascii() and needle.isalpha() else ""
        return cls(text, digits, initials)


def like_condition(terms: SearchTerms):
    """The search as LIKE over the entry's columns (entries not yet indexed)."""
    from firstask_desktop.store.models import Entry

    condition = None
    for name in TEXT_COLUMNS:
        part = getattr(Entry, name).contains(terms.text)
        condition = part if condition is None else condition | part
    if terms.digits:
        phone = fn.REPLACE(fn.REPLACE(fn.REPLACE(Entry.phone, "-", ""), " ", ""), "转", "")
        condition |= phone.contains(terms.digits) | Entry.account_no.contains(terms.digits)
    if terms.initials:
        condition |= Entry.search_initials.contains(terms.initials)
    return condition


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _fts_query(terms: SearchTerms) -> tuple[str, str] | None:
    """(table, MATCH expression) answering ``terms``; None when the index cannot (a fragment
    under three characters with punctuation in it)."""
    if len(terms.text) >= 3:
        parts = [f"{{{' '.join(TEXT_COLUMNS)}}} : {_phrase(terms.text)}"]
        if terms.digits:
            parts.append(f"{{phone account_no}} : {_phrase(terms.digits)}")
        if len(terms.initials) >= 3:
            parts.append(f"initials : {_phrase(terms.initials)}")
        return TRIGRAM, " OR ".join(f"({p})" for p in parts)
    if all(ch.isalnum() for ch in terms.text):
        parts = [f"grams : {_phrase(terms.text)}"]
        if terms.initials:
            parts.append(f"initials : {_phrase(terms.initials)}")
        return GRAM, " OR ".join(f"({p})" for p in parts)
    return None


def _has_pending() -> bool:
    return db.database.execute_sql(f"SELECT 1 FROM {PENDING} LIMIT 1").fetchone() is not None


def _match_count(table: str, query: str, cap: int | None = None) -> int:
    sql = f"SELECT count(*) FROM {table} WHERE {table} MATCH ?"
    if cap is not None:  # no further than cap + 1 (queries.COUNT_CAP)
        first = f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT {int(cap) + 1}"
        sql = f"SELECT count(*) FROM ({first})"
    return db.database.execute_sql(sql, (query,)).fetchone()[0]


def count(terms: SearchTerms, cap: int | None = None) -> int | None:
    """How many entries match, from the index alone (fast), no more than ``cap + 1``; None
    when it cannot tell."""
    if not available() or _has_pending():
        return None
    fts = _fts_query(terms)
    return None if fts is None else _match_count(*fts, cap=cap)


# How the matches are joined to the rest of the query, by how many there are (measured on
# 200,000 entries, docs/benchmarks.md): a few are looked up by id; up to 30 % of the register,
# the list is read in its own order (index on the sort column) and each id tested against the
# matches; beyond that so many rows match that LIKE on the rows read in order fills a page
# soonest (even when the matches all sit at the far end, at most 70 % are passed over).
FEW_MATCHES = 300
BROAD_SHARE = 0.3


def condition(terms: SearchTerms):
    """The search as one SQL condition on ``entry``: the index where it can answer, LIKE where
    it cannot (a short fragment with punctuation; entries the index has not caught up with)."""
    from firstask_desktop.store.models import Entry

    if not db.is_sqlite():
        return search_pg.condition(terms)
    fts = _fts_query(terms) if available() else None
    if fts is None:
        return like_condition(terms)
    table, query = fts
    matched = SQL(f"(SELECT rowid FROM {table} WHERE {table} MATCH ?)", (query,))
    # ``id + 0`` keeps SQLite from driving the query by the list of matches (see above).
    tested = (Entry.id + 0).in_(matched)
    if _has_pending():
        pending = Entry.id.in_(SQL(f"(SELECT entry_id FROM {PENDING})"))
        return (tested & ~pending) | (pending & like_condition(terms))
    found = _match_count(table, query)
    if found <= FEW_MATCHES:
        return Entry.id.in_(matched)
    largest = db.database.execute_sql("SELECT max(id) FROM entry").fetchone()[0] or 0
    if found > BROAD_SHARE * largest:
        return like_condition(terms)
    return tested
