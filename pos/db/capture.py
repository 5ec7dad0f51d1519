"""Change capture by triggers, on SQLite and PostgreSQL alike.

At a store that joined a chain, every insert, update and delete of a replicated table
writes the row's primary key to `sync_outbox` in the same transaction (a trigger, so no
code path can forget it, and a sale costs no extra round trip). `pos sync` ships the
rows' current state in outbox order and deletes what head office committed.

At head office, every change of a master table writes to `master_log` the same way; on
PostgreSQL that trigger first takes one transaction-level advisory lock, so master
changes commit in the order of their versions and a store pulling "everything after
version V" can never skip one that commits late.

Installing is idempotent (triggers are replaced). The outbox and the log hold keys only:
what is shipped is always the row as it is when shipped.

It lives with the database layer because an upgrade must keep it: a migration that
rebuilds a table on SQLite drops the table's triggers, and a new table has none, so
`pos.db.schema.upgrade` calls `after_upgrade` in the migration's own transaction, which
installs what is missing and enqueues those tables whole. (pos.sync.capture re-exports it.)
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, Table, text

from pos.db.models import Base

# Never shipped: search indexes (rebuilt from products), carts in progress, a till's
# print queue and count drafts (local work in progress), and the sync tables themselves.
LOCAL_ONLY = frozenset({
    "catalog_search_terms", "catalog_search_words", "parked_carts", "print_jobs",
    "stock_count_drafts", "stock_count_scans", "sync_outbox", "sync_state",
    "hq_streams", "hq_alerts", "hq_serials", "master_log",
})

# What head office edits and stores pull (pos.sync.pull applies them by natural key;
# staff and settings through the store's sealed paths, pos.sync.people_apply).
MASTER = (
    "stores", "categories", "products", "service_tiers", "tier_price_bands",
    "tier_categories", "sheet_templates", "sheet_sections", "sheet_items",
    "sheet_item_products", "department_sheets", "staff", "settings",
)

OUTBOX = "sync_outbox"
MASTER_LOG = "master_log"
_LOCK_KEY = 7_410_021  # the advisory lock that orders master changes at head office


def replicated_tables() -> list[Table]:
    """Every table a store ships up, parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.name not in LOCAL_ONLY]


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def pk_columns(name: str) -> list[str]:
    return [c.name for c in table(name).primary_key.columns]


def pk_text(values) -> str:
    """A key as the outbox holds it (compared only within one database)."""
    return json.dumps(list(values), separators=(",", ":"))


def pk_values(key: str) -> list:
    return json.loads(key)


def _trigger(name: str, target: str, suffix: str) -> str:
    return f"tbx_{target}_{name}_{suffix}"[:63]


def _sqlite_install(conn: Connection, names, target: str) -> None:
    for name in names:
        cols = pk_columns(name)
        new = "json_array(" + ", ".join(f"NEW.{c}" for c in cols) + ")"
        old = "json_array(" + ", ".join(f"OLD.{c}" for c in cols) + ")"
        for suffix in ("i", "u", "d"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_trigger(name, target, suffix)}")
        conn.exec_driver_sql(
            f"CREATE TRIGGER {_trigger(name, target, 'i')} AFTER INSERT ON {name} BEGIN "
            f"INSERT INTO {target} (tbl, pk) VALUES ('{name}', {new}); END")
        conn.exec_driver_sql(
            f"CREATE TRIGGER {_trigger(name, target, 'u')} AFTER UPDATE ON {name} BEGIN "
            f"INSERT INTO {target} (tbl, pk) VALUES ('{name}', {new}); "
            f"INSERT INTO {target} (tbl, pk) SELECT '{name}', {old} WHERE {old} <> {new}; END")
        conn.exec_driver_sql(
            f"CREATE TRIGGER {_trigger(name, target, 'd')} AFTER DELETE ON {name} BEGIN "
            f"INSERT INTO {target} (tbl, pk) VALUES ('{name}', {old}); END")


_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION tbx_capture_{target}() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
  new_key text;
  old_key text;
BEGIN
  {lock}
  IF TG_OP <> 'DELETE' THEN
    SELECT jsonb_agg(to_jsonb(NEW) -> k.col ORDER BY k.n)::text INTO new_key
      FROM unnest(TG_ARGV) WITH ORDINALITY AS k(col, n);
    INSERT INTO {target} (tbl, pk) VALUES (TG_TABLE_NAME, new_key);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT jsonb_agg(to_jsonb(OLD) -> k.col ORDER BY k.n)::text INTO old_key
      FROM unnest(TG_ARGV) WITH ORDINALITY AS k(col, n);
    IF new_key IS DISTINCT FROM old_key THEN
      INSERT INTO {target} (tbl, pk) VALUES (TG_TABLE_NAME, old_key);
    END IF;
  END IF;
  RETURN NULL;
END
$f$
"""


def _postgres_install(conn: Connection, names, target: str) -> None:
    lock = f"PERFORM pg_advisory_xact_lock({_LOCK_KEY});" if target == MASTER_LOG else ""
    conn.exec_driver_sql(_PG_FUNCTION.format(target=target, lock=lock))
    for name in names:
        trigger = _trigger(name, target, "c")
        args = ", ".join(f"'{c}'" for c in pk_columns(name))
        conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS {trigger} ON "{name}"')
        conn.exec_driver_sql(
            f'CREATE TRIGGER {trigger} AFTER INSERT OR UPDATE OR DELETE ON "{name}" '
            f"FOR EACH ROW EXECUTE FUNCTION tbx_capture_{target}({args})")


def install(conn: Connection, names, *, target: str = OUTBOX) -> None:
    """Capture changes of these tables into `target` (sync_outbox or master_log)."""
    names = list(names)
    if conn.dialect.name == "sqlite":
        _sqlite_install(conn, names, target)
    else:
        _postgres_install(conn, names, target)


def remove(conn: Connection, names, *, target: str = OUTBOX) -> None:
    for name in names:
        if conn.dialect.name == "sqlite":
            for suffix in ("i", "u", "d"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_trigger(name, target, suffix)}")
        else:
            conn.exec_driver_sql(
                f'DROP TRIGGER IF EXISTS {_trigger(name, target, "c")} ON "{name}"')


def missing(conn: Connection, names, *, target: str = OUTBOX) -> list[str]:
    """The tables among `names` whose changes are not captured into `target`."""
    if conn.dialect.name == "sqlite":
        have = set(conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars())
        return [n for n in names if _trigger(n, target, "i") not in have]
    have = set(conn.execute(text(
        "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE c.relnamespace = current_schema()::regnamespace "
        "AND starts_with(t.tgname, :prefix)"), {"prefix": f"tbx_{target}_"}).scalars())
    return [n for n in names if n not in have]


def after_upgrade(conn: Connection) -> list[str]:
    """After a migration, in its transaction: a store that joined a chain captures every
    replicated table again (a rebuilt or new table is enqueued whole, so head office gets
    what the migration wrote to it); head office captures every master table. Returns the
    tables that were (re)installed."""
    from sqlalchemy import inspect

    if "sync_state" not in inspect(conn).get_table_names():
        return []
    role = conn.exec_driver_sql("SELECT role FROM sync_state WHERE id = 1").scalar()
    if role == "store":
        names, target = [t.name for t in replicated_tables()], OUTBOX
    elif role == "hq":
        names, target = list(MASTER), MASTER_LOG
    else:
        return []
    gone = missing(conn, names, target=target)
    if gone:
        install(conn, gone, target=target)
        snapshot(conn, gone, target=target)
    return gone


def installed(conn: Connection, *, target: str = OUTBOX) -> bool:
    """Whether this database captures changes into `target` (checked on one table that
    every database has)."""
    probe = "journal_entries" if target == OUTBOX else "products"
    if conn.dialect.name == "sqlite":
        return conn.execute(text(
            "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = :n"),
            {"n": _trigger(probe, target, "i")}).first() is not None
    return conn.execute(text(
        "SELECT 1 FROM pg_trigger WHERE tgname = :n"),
        {"n": _trigger(probe, target, "c")}).first() is not None


def snapshot(conn: Connection, names, *, target: str = OUTBOX) -> int:
    """Enqueue every row these tables hold now (a store's history when it joins, head
    office's master data when it starts), parents first and each table in key order."""
    added = 0
    for name in names:
        cols = pk_columns(name)
        if conn.dialect.name == "sqlite":
            key = "json_array(" + ", ".join(cols) + ")"
        else:
            key = "jsonb_build_array(" + ", ".join(f'"{c}"' for c in cols) + ")::text"
        order = ", ".join(f'"{c}"' for c in cols)
        added += conn.exec_driver_sql(
            f"INSERT INTO {target} (tbl, pk) SELECT '{name}', {key} FROM \"{name}\" "
            f"ORDER BY {order}").rowcount
    return added
