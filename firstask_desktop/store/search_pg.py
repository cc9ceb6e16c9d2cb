"""The register's search on PostgreSQL (a county office's server): the same matches as on a
station's SQLite (search_index.py says what matches), found with PostgreSQL's own indexes.

Each entry has one search text, ``firstask_search_doc(...)``: its text columns, the phone's
digits, the 户号 and the pinyin initials, joined by a control character nobody types, lowered.
Two GIN indexes over that text (schema steps create them; PostgreSQL keeps them current on every
write, replication included; the bulk path of a large demo county builds them at the end):

- ``entry_search_trgm`` (``pg_trgm``) answers fragments of three characters or more;
- ``entry_search_grams`` (its characters and pairs of characters, as an array) answers one or
  two characters, which trigrams cannot, and longer Chinese fragments where pg_trgm cannot see
  Chinese (below). It replaced ``entry_search_chars`` (characters alone), which could not
  narrow down two letters of pinyin initials.

Both find a few more rows than match (the search text joins the columns); the exact condition,
the same LIKE as the station's on each column, decides among those rows only.

pg_trgm takes trigrams from the letters and digits of the database's ``LC_CTYPE``: under the C
locale it sees no Chinese character at all, and its index would read every row for 城关村.
There (checked once per database) a fragment with Chinese in it is found by its pairs.
"""

from __future__ import annotations

from peewee import SQL, Expression, fn

from firstask_desktop.store import db

DOC_FUNCTION = "firstask_search_doc"
TRGM_INDEX = "entry_search_trgm"
CHARS_INDEX = "entry_search_chars"
SEPARATOR = "\x1f"  # between columns in the search text: typed by no one, found by no search
TEXT_COLUMNS = ("visitor", "unit", "address", "matter", "result", "serial")
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = _UPPER.lower()
# Tests force a route: True (trigrams), False (characters) or None (as the database allows).
USE_TRIGRAMS: bool | None = None
# The statement a DBA runs when the county's login may not create the extension itself.
EXTENSION_SQL = "CREATE EXTENSION IF NOT EXISTS pg_trgm;"


_SEP = "E'\\x1f'"
# One lower() over the joined text: the cheapest to rebuild for each row the indexes could not
# rule out. It folds more than ASCII letters (Σ/σ under a UTF-8 locale), so the indexes find a
# few more rows; the exact condition folds ASCII only, as the station does.
_DOC_BODY = (
    "lower("
    + f" || {_SEP} || ".join(
        [f"coalesce({c}, '')" for c in TEXT_COLUMNS]
        + [
            "replace(replace(replace(coalesce(phone, ''), '-', ''), ' ', ''), '转', '')",
            "coalesce(account_no, '')",
            "coalesce(initials, '')",
        ]
    )
    + ")"
)
_DOC_ARGS = ", ".join(f"{c} text" for c in (*TEXT_COLUMNS, "phone", "account_no", "initials"))
_DOC_ON_ENTRY = (
    f"{DOC_FUNCTION}(visitor, unit, address, matter, result, serial, phone, account_no, "
    "search_initials)"
)

# The county search step's statements, as that step was released (schema.py); its index of
# characters is replaced by the next step's (GRAMS_STATEMENTS).
CREATE_STATEMENTS = (
    f"CREATE OR REPLACE FUNCTION {DOC_FUNCTION}({_DOC_ARGS}) RETURNS text "
    f"LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT {_DOC_BODY} $$",
    f"CREATE INDEX IF NOT EXISTS {TRGM_INDEX} ON entry USING gin ({_DOC_ON_ENTRY} gin_trgm_ops)",
    # Its characters (string_to_array with no delimiter: PostgreSQL's own C code, so that
    # checking a row again, where the index cannot, costs microseconds).
    f"CREATE INDEX IF NOT EXISTS {CHARS_INDEX} ON entry USING gin "
    f"(string_to_array({_DOC_ON_ENTRY}, NULL))",
)


# Its characters and every pair of neighbouring characters (as the station's ``search_gram``):
# one or two characters typed, two ASCII letters of pinyin initials (wy) above all, are found by
# the index instead of by reading every row; a longer Chinese fragment where pg_trgm cannot see
# Chinese, by its pairs. Built from PostgreSQL's own C functions, no subquery: the function is
# inlined, cheap to build for millions of rows and to check again on a row. The pairs are the
# text cut in twos from its first character, and from its second (each cut also leaves a
# single character at an end or beside a separator: a character, in the array anyway).
GRAMS_FUNCTION = "firstask_search_grams"
GRAMS_INDEX = "entry_search_grams"
# Cut at the separator: a pair across it is one nobody can type (candidates() below).
_PAIRS = "string_to_array(regexp_replace({text}, '(..)', E'\\\\1\\x1f', 'g'), E'\\x1f')"
GRAMS_STATEMENTS = (
    f"CREATE OR REPLACE FUNCTION {GRAMS_FUNCTION}(doc text) RETURNS text[] "
    # Cut in twos, a text of even length ends in an empty element: removed (every row has it).
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_remove(string_to_array(doc, NULL) "
    + f"|| {_PAIRS.format(text='doc')} || {_PAIRS.format(text='substr(doc, 2)')}, '') $$",
    f"CREATE INDEX IF NOT EXISTS {GRAMS_INDEX} ON entry USING gin "
    f"({GRAMS_FUNCTION}({_DOC_ON_ENTRY}))",
    # What the grams answer, and more: the index of characters alone is no longer read.
    f"DROP INDEX IF EXISTS {CHARS_INDEX}",
)


class ExtensionRefused(Exception):
    """pg_trgm is missing and this login may not create it (or the server does not have it)."""


def has_extension(database) -> bool:
    sql = "SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'"
    return database.execute_sql(sql).fetchone() is not None


def create(database) -> None:
    """The extension, the two functions and the two indexes; call inside a transaction.

    Raises ``ExtensionRefused`` (with the server's words) when pg_trgm is not there and cannot
    be created here; the caller's transaction is then rolled back whole."""
    if not has_extension(database):
        try:
            with database.atomic():  # a savepoint: the refusal leaves the transaction usable
                database.execute_sql(EXTENSION_SQL)
        except Exception as err:  # noqa: BLE001 - psycopg2's InsufficientPrivilege, UndefinedFile…
            raise ExtensionRefused(str(err).strip().splitlines()[0]) from err
    for sql in CREATE_STATEMENTS:
        database.execute_sql(sql)
    forget(database)


def forget(database) -> None:
    """Ask again on the next search whether the indexes are there (after they were built)."""
    database._firstask_pg_search = None


def create_grams(database) -> None:
    """The index of characters and pairs (a schema step after ``create``'s)."""
    for sql in GRAMS_STATEMENTS:
        database.execute_sql(sql)
    # The statistics of the new index's expression: the search estimates from them how many
    # rows a character or a pair finds (condition() below), and the planner how to read them.
    database.execute_sql("ANALYZE entry")
    forget(database)


def _state(database) -> tuple[bool, bool]:
    """(the indexes are there, pg_trgm sees Chinese characters), asked once per database."""
    known = getattr(database, "_firstask_pg_search", None)
    if known is None:
        present = (
            database.execute_sql(
                "SELECT count(*) FROM pg_indexes WHERE tablename = 'entry' "
                f"AND indexname IN ('{TRGM_INDEX}', '{GRAMS_INDEX}')"
            ).fetchone()[0]
            == 2
        )
        sees = present and database.execute_sql("SELECT show_trgm('供电所') <> '{}'").fetchone()[0]
        known = database._firstask_pg_search = (present, bool(sees))
    return known


def available(database) -> bool:
    return _state(database)[0]


def _pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _like(left, text: str):
    return Expression(left, "LIKE", _pattern(text))


def _lowered_column(field):
    return fn.translate(fn.coalesce(field, ""), _UPPER, _LOWER)


def _folded_like(field, text: str):
    """``field`` contains ``text`` with ASCII letters in either case. translate() folds ASCII
    only, as the station does, but costs some 25 µs on a row of Chinese text; lower() (C, and
    folding more) rules out almost every row first: what translate() finds, lower() finds."""
    return _like(fn.lower(field), text) & _like(_lowered_column(field), text)


def exact_condition(terms):
    """What matches, column by column, exactly as on the station (ASCII letters in either case,
    nothing else folded): the index only narrows down the rows this is checked on."""
    from firstask_desktop.store.models import Entry

    # Lowering changes only ASCII letters: a needle without any matches the columns as stored,
    # and a row the index could not rule out is then checked without rewriting each column.
    fold = any("a" <= ch <= "z" for ch in terms.text)
    condition = None
    for name in TEXT_COLUMNS:
        column = getattr(Entry, name)
        part = _folded_like(column, terms.text) if fold else _like(column, terms.text)
        condition = part if condition is None else condition | part
    if terms.digits:
        phone = fn.replace(fn.replace(fn.replace(Entry.phone, "-", ""), " ", ""), "转", "")
        condition |= _like(phone, terms.digits) | _like(Entry.account_no, terms.digits)
    if terms.initials:
        condition |= _folded_like(Entry.search_initials, terms.initials)
    return condition


def _doc():
    from firstask_desktop.store.models import Entry

    return fn.firstask_search_doc(
        Entry.visitor,
        Entry.unit,
        Entry.address,
        Entry.matter,
        Entry.result,
        Entry.serial,
        Entry.phone,
        Entry.account_no,
        Entry.search_initials,
    )


def _grams():
    return fn.firstask_search_grams(_doc())


def _has_grams(text: str):
    """The search text has the character typed, or every pair of neighbouring characters of
    what was typed (somewhere, not necessarily in a row: the exact condition decides)."""
    grams = [text] if len(text) == 1 else [text[i : i + 2] for i in range(len(text) - 1)]
    # Lowered by the server, as the search text was (the caller ruled out capitals beyond ASCII).
    wanted = SQL(f"ARRAY[{', '.join(['lower(%s)'] * len(grams))}]::text[]", grams)
    return Expression(_grams(), "@>", wanted)


def candidates(terms):
    """A condition the indexes answer, true for every match and a few more rows; None when
    they cannot."""
    text = terms.text
    # The separator typed; or a capital letter beyond ASCII (Σ), which the server's lower() may
    # fold by its context (a final σ): the exact condition alone, on every row.
    if SEPARATOR in text or text.lower() != text:
        return None
    sees = _state(db.database.obj)[1] if USE_TRIGRAMS is None else USE_TRIGRAMS
    use_trigrams = len(text) >= 3 and (sees or text.isascii())
    if use_trigrams:  # lower() of a constant: worked out once, before the index is read
        found = Expression(_doc(), "LIKE", fn.lower(_pattern(text)))
    else:
        found = _has_grams(text)
    if terms.digits and terms.digits != text:
        found |= _like(_doc(), terms.digits)
    return found


# Beyond this share of the register (PostgreSQL's estimate of what the indexes would find, from
# the statistics ANALYZE keeps of each character and pair), the rows are read in order and
# checked with the exact condition alone: the register's page and its count stop early
# (queries.COUNT_CAP), and rebuilding the search text of most rows costs more than the index
# saves. Below it, the index: a bitmap of a fifth of three million rows no longer fits the
# server's memory exactly, so its rows are checked again page by page; of a twentieth (wy),
# reading every row until ten thousand match took seconds.
BROAD_SHARE = 0.2


def _estimated_share(narrowed) -> float:
    from firstask_desktop.store.models import Entry

    sql, params = Entry.select(Entry.id).where(narrowed).sql()
    plan = db.database.execute_sql("EXPLAIN (FORMAT JSON) " + sql, params).fetchone()[0]
    (rows,) = db.database.execute_sql(
        "SELECT reltuples FROM pg_class WHERE oid = 'entry'::regclass"
    ).fetchone()
    return plan[0]["Plan"]["Plan Rows"] / rows if rows and rows > 0 else 0.0


def condition(terms):
    """The search as one condition on ``entry``: the indexes narrow, the exact LIKE decides."""
    narrowed = candidates(terms) if available(db.database.obj) else None
    exact = exact_condition(terms)
    if narrowed is None or _estimated_share(narrowed) > BROAD_SHARE:
        return exact
    return narrowed & exact
