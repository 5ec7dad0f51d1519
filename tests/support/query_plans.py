"""Capture the statements a piece of code runs and ask the database how it would run
each: a full scan of a history table (one that grows with every sale) means the cost
follows the history, not the day.

SQLite: EXPLAIN QUERY PLAN; any `SCAN <history table>` fails, with or without an index
(a full index scan reads the whole history too, and so does an automatic index, built
for the statement by reading the table), and so does a search of a history table
on a range open at one end (`business_date < ?` reads every day before). PostgreSQL: EXPLAIN (FORMAT JSON) with
sequential scans priced out (`enable_seqscan = off`: a Seq Scan that is still chosen has
no index to use), on analysed tables, and hash and merge joins priced out too (so a join probes an
index wherever one can serve it); a Seq Scan of a history table fails, and so does an
index scan with no index condition (a walk of the whole index) or on a range open at
one end."""

from __future__ import annotations

import json
import re
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import event

from pos.db.engine import Database, is_sqlite

# Tables that grow with every sale or every day. (The catalog and the customers are
# reached by primary key from the documents' rows; a small test catalog is hashed whole,
# rightly, so they are not checked here.)
HISTORY = frozenset({
    "sales", "sale_lines", "payments", "sheet_outcomes", "service_cards", "sold_serials",
    "journal_entries", "audit_events", "shifts", "cash_movements", "print_jobs", "approvals",
    "follow_ups", "parked_carts",
})
_STARTS_READING = ("SELECT", "WITH", "UPDATE", "DELETE")


@dataclass(frozen=True)
class Statement:
    sql: str
    parameters: object


@dataclass(frozen=True)
class FullScan:
    table: str
    detail: str
    sql: str

    def __str__(self) -> str:
        return f"{self.table}: {self.detail}\n    in: {' '.join(self.sql.split())[:600]}"


@contextmanager
def captured(db: Database):
    """The statements run on `db` inside the block (executemany batches left out: they
    write rows, they do not look any up)."""
    found: list[Statement] = []

    def before(_conn, _cursor, statement, parameters, _context, executemany):
        if not executemany and statement.lstrip().upper().startswith(_STARTS_READING):
            found.append(Statement(statement, parameters))

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        yield found
    finally:
        event.remove(db.engine, "before_cursor_execute", before)


def full_scans(db: Database, statements: list[Statement]) -> list[FullScan]:
    """Every full scan of a history table in the plans of `statements`."""
    seen, scans = set(), []
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        sqlite = is_sqlite(db.engine)
        if not sqlite:
            _index_paths_only(raw)
        try:
            for statement in statements:
                key = (statement.sql, repr(statement.parameters))
                if key in seen:
                    continue
                seen.add(key)
                plan = (_sqlite_plan if sqlite else _postgres_plan)(raw, statement)
                scans += [FullScan(table, detail, statement.sql) for table, detail in plan]
        finally:
            if not sqlite:
                raw.rollback()
    return scans


def _index_paths_only(raw) -> None:
    """Price out every plan that reads a whole table: what is left is an index path
    wherever one exists. A join then runs as a nested loop probing the inner table's
    index, so a join column without an index (or one hidden in an expression) shows as
    a full scan whatever the sizes of the test's tables."""
    for setting in ("enable_seqscan", "enable_hashjoin", "enable_mergejoin"):
        raw.execute(f"SET {setting} = off")


_SQLITE_SCAN = re.compile(r"^SCAN (\w+)")
_SQLITE_SEARCH = re.compile(r"^SEARCH (\w+) USING (?:COVERING |INTEGER PRIMARY KEY)?.*?\((.*)\)")


def _sqlite_plan(raw, statement: Statement) -> list[tuple[str, str]]:
    rows = raw.execute(f"EXPLAIN QUERY PLAN {statement.sql}", statement.parameters or ()).fetchall()
    found = []
    for _id, _parent, _unused, detail in rows:
        match = _SQLITE_SCAN.match(detail)
        if match and match.group(1) in HISTORY:
            found.append((match.group(1), detail))
        if "AUTOMATIC" in detail and detail.split()[1] in HISTORY:  # built by a full scan
            found.append((detail.split()[1], detail))
        match = _SQLITE_SEARCH.match(detail)
        if match and match.group(1) in HISTORY and _open_range(match.group(2)):
            found.append((match.group(1), f"{detail} (a range open at one end)"))
    return found


def _open_range(condition: str) -> bool:
    """An index condition bounded on one side only (`business_date <= ?`): it reads
    every row from the start (or to the end) of the history."""
    if re.search(r"(?<![<>!])=(?!=)|= ANY|\bIN\b", condition.replace("<=", "<").replace(">=", ">")):
        return False
    below, above = "<" in condition, ">" in condition
    return below != above


def _postgres_plan(raw, statement: Statement) -> list[tuple[str, str]]:
    with raw.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {statement.sql}", statement.parameters or None)
        document = cursor.fetchone()[0]
    if isinstance(document, str):
        document = json.loads(document)
    found: list[tuple[str, str]] = []
    _walk(document[0]["Plan"], found)
    return found


def _walk(node: dict, found: list[tuple[str, str]], heap: str | None = None) -> None:
    """`heap`: the history table a bitmap heap scan above this node reads."""
    table = node.get("Relation Name")
    kind = node["Node Type"]
    if table in HISTORY:
        if kind == "Seq Scan":
            found.append((table, f"Seq Scan on {table} (filter: {node.get('Filter', '-')})"))
        elif kind in ("Index Scan", "Index Only Scan") and "Index Cond" not in node:
            found.append((table, f"{kind} of all of {node.get('Index Name')} "
                                 f"(filter: {node.get('Filter', '-')})"))
        elif kind in ("Index Scan", "Index Only Scan") and _open_range(node["Index Cond"]):
            found.append((table, f"{kind} of {node.get('Index Name')} from one end: "
                                 f"{node['Index Cond']}"))
        if kind == "Bitmap Heap Scan":
            heap = table
    if kind == "Bitmap Index Scan" and heap and _open_range(node.get("Index Cond", "<")):
        found.append((heap, f"Bitmap Index Scan of {node.get('Index Name')} from one end: "
                            f"{node.get('Index Cond')}"))
    for child in node.get("Plans", ()):
        _walk(child, found, heap if kind in ("Bitmap Heap Scan", "BitmapAnd", "BitmapOr")
              else None)


def explain(db: Database, statement: Statement) -> str:
    """The plan of one statement as text (for a failing test's message)."""
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        if is_sqlite(db.engine):
            rows = raw.execute(f"EXPLAIN QUERY PLAN {statement.sql}",
                               statement.parameters or ()).fetchall()
            return "\n".join(row[3] for row in rows)
        _index_paths_only(raw)
        with raw.cursor() as cursor:
            cursor.execute(f"EXPLAIN {statement.sql}", statement.parameters or None)
            text = "\n".join(row[0] for row in cursor.fetchall())
        raw.rollback()
        return text
