"""Head office's master data, as stores pull it (issue 21).

Head office edits its public tables with the normal commands; `start_master` makes every
change of a master table (pos.sync.capture.MASTER) leave a row in `master_log`, numbered
in commit order (the trigger takes one advisory lock first), and logs what head office
holds when it starts (and, started before, the master tables it did not capture yet).
Staff travel without their PIN hash, settings without the store-local ones
(master_keys.PEOPLE, STORE_LOCAL_SETTINGS). The tables with a code of their own also leave the code of a
deleted or renamed row there (tbl "-products", pk [its id, the code it had]): the row
is gone by the time a store pulls, and the store knows it only by that code.

`master_changes` reads, in one consistent read (REPEATABLE READ), the log after a
store's version and the current state of the rows it names, as a MasterBatch by natural
key (pos.sync.master_keys).
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import DBAPIError

from pos.db.engine import Database, database_refusal
from pos.db.models import MasterLog
from pos.sync import capture
from pos.sync.master_keys import (
    CODES, FAMILIES, ORDER, PEOPLE, STORE_LOCAL_SETTINGS, TOMBSTONE, Keys, MasterBatch,
    master_refs, read_rows, shipped,
)

LOCK_KEY = 7_410_021  # the advisory lock of pos.sync.capture's master trigger: one order
GONE = "tbx_master_gone"

_PG_GONE = f"""
CREATE OR REPLACE FUNCTION {GONE}() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  PERFORM pg_advisory_xact_lock({LOCK_KEY});
  INSERT INTO master_log (tbl, pk) VALUES ('{TOMBSTONE}' || TG_TABLE_NAME,
    jsonb_build_array(OLD.id, to_jsonb(OLD) -> TG_ARGV[0])::text);
  RETURN NULL;
END
$f$
"""

__all__ = ["MasterBatch", "master_changes", "start_master", "master_version"]


def _install_gone(conn: Connection) -> None:
    """Leave the code of a deleted or renamed row in master_log."""
    sqlite = conn.dialect.name == "sqlite"
    if not sqlite:
        conn.exec_driver_sql(_PG_GONE)
    for name, column in CODES.items():
        for suffix, event, when in (("d", "DELETE", ""),
                                    ("u", f"UPDATE OF {column}",
                                     f"WHEN (OLD.{column} IS NOT NEW.{column}) " if sqlite else
                                     f"WHEN (OLD.{column} IS DISTINCT FROM NEW.{column}) ")):
            trigger = f"{GONE}_{name}_{suffix}"
            if sqlite:
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
                conn.exec_driver_sql(
                    f"CREATE TRIGGER {trigger} AFTER {event} ON {name} FOR EACH ROW {when}"
                    f"BEGIN INSERT INTO master_log (tbl, pk) VALUES ('{TOMBSTONE}{name}', "
                    f"json_array(OLD.id, OLD.{column})); END")
            else:
                conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS {trigger} ON "{name}"')
                conn.exec_driver_sql(
                    f'CREATE TRIGGER {trigger} AFTER {event} ON "{name}" FOR EACH ROW '
                    f"{when}EXECUTE FUNCTION {GONE}('{column}')")


def start_master(conn: Connection) -> int:
    """Capture every change of head office's master tables into master_log (again: the
    triggers are replaced) and, the first time, log every row it holds. Returns how many
    rows were logged now."""
    uncaptured = capture.missing(conn, capture.MASTER, target=capture.MASTER_LOG)
    capture.install(conn, capture.MASTER, target=capture.MASTER_LOG)
    _install_gone(conn)
    started = conn.execute(select(MasterLog.version).limit(1)).first() is not None
    names = [name for name in ORDER if name in uncaptured] if started else list(ORDER)
    if not names:
        return 0
    if conn.dialect.name == "postgresql":  # in version order with any edit under way
        conn.execute(select(func.pg_advisory_xact_lock(LOCK_KEY)))
    # a table master data gained since head office started (staff, settings) is logged whole
    return capture.snapshot(conn, names, target=capture.MASTER_LOG)


def master_version(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(MasterLog.version), 0))).scalar())


def master_changes(hq_db: Database, *, since: int, limit: int = 5000) -> MasterBatch:
    """The master data changed after version `since`: at most `limit` log rows' worth
    (the whole families of sheets and tiers they touch, in full), read consistently."""
    if hq_db.engine.dialect.name != "postgresql":
        with hq_db.read_connection() as conn:  # SQLite: a read transaction is a snapshot
            return _changes(conn, since, limit)
    try:
        with hq_db.engine.connect().execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True) as conn:
            with conn.begin():
                return _changes(conn, since, limit)
    except DBAPIError as error:  # head office unreachable: a refusal, as Database gives
        refusal = database_refusal(error, hq_db.engine.url, timeouts=hq_db.timeouts)
        if refusal is None:
            raise
        raise refusal from error


def _changes(conn: Connection, since: int, limit: int) -> MasterBatch:
    hq_version = master_version(conn)
    log = conn.execute(select(MasterLog.version, MasterLog.tbl, MasterLog.pk)
                       .where(MasterLog.version > since).order_by(MasterLog.version)
                       .limit(limit + 1)).all()
    more = len(log) > limit
    log = log[:limit]
    if not log:
        return MasterBatch(version=hq_version, hq_version=hq_version)
    keys = Keys(conn)
    changed: dict[str, set] = defaultdict(set)
    families: set[str] = set()
    gone: list[tuple[str, int, str]] = []
    for _, tbl, pk in log:
        values = capture.pk_values(pk)
        if tbl.startswith(TOMBSTONE):
            gone.append((tbl[len(TOMBSTONE):], values[0], values[1]))
        elif tbl in FAMILIES:
            families.add(tbl)
        elif tbl in CODES or (tbl in PEOPLE and not _store_local(tbl, values)):
            changed[tbl].add(tuple(values))
    deletes: dict[str, list] = defaultdict(list)
    renames: dict[str, list] = defaultdict(list)
    for name, hq_id, old_code in gone + _later_codes(conn, log[-1].version):
        now = keys.by_ident(name).get((hq_id,))
        back = keys.by_key(name).get((old_code,))
        if now is not None and now != (old_code,):
            if [[old_code], list(now)] not in renames[name]:
                renames[name].append([[old_code], list(now)])
            changed[name].add((hq_id,))
        elif back is not None:
            changed[name].add(back)  # the code is back (a row made again): sent as it is
        elif (name, hq_id, old_code) in gone and [old_code] not in deletes[name]:
            deletes[name].append([old_code])
    complete = _families(keys, changed, families)
    return MasterBatch(version=log[-1].version, hq_version=hq_version,
                       rows=_rows(conn, keys, changed, whole="department_sheets" in complete),
                       deletes=dict(deletes), renames=dict(renames), complete=complete,
                       more=more)


def _store_local(tbl: str, values: list) -> bool:
    """A setting about the store or its machine (printers, backups...): never sent."""
    return tbl == "settings" and values[0] in STORE_LOCAL_SETTINGS


def _later_codes(conn: Connection, after: int) -> list[tuple[str, int, str]]:
    """Codes changed after this batch: the rows it sends are as they are now, so a parent
    they name by its new code is renamed at the store in this batch already (the
    rename's own batch then finds nothing to do)."""
    found = conn.execute(select(MasterLog.tbl, MasterLog.pk).where(
        MasterLog.version > after, MasterLog.tbl.startswith(TOMBSTONE))
        .order_by(MasterLog.version)).all()
    return [(tbl[len(TOMBSTONE):], *capture.pk_values(pk)) for tbl, pk in found]


def _families(keys: Keys, changed: dict[str, set], families: set[str]) -> dict[str, list]:
    """Every tree of each family touched, whole (the store makes its trees the same)."""
    complete: dict[str, list] = {}
    for child in families:
        root = FAMILIES[child]
        if root is None:
            complete[child] = [[]]
            continue
        changed[root].update(keys.by_ident(root))
        for name in [c for c, r in FAMILIES.items() if r == root]:
            complete[name] = [list(k) for k in keys.by_ident(root).values()]
            changed[name] = set(keys.by_ident(name))
    return complete


def _rows(conn: Connection, keys: Keys, changed: dict[str, set], *, whole: bool) -> dict:
    """The rows to send, as they are now, with every master row they name (children read
    first, so their parents join the parents' reads): a store missing a parent that came
    or changed later still finds it in the batch."""
    found: dict[str, list] = {}
    for name in reversed(ORDER):
        if name == "department_sheets" and whole:
            found[name] = read_rows(conn, name)
        elif changed.get(name):
            found[name] = read_rows(conn, name, changed[name])
        else:
            continue
        for column, parent in master_refs(name).items():
            changed[parent].update((row[column],) for row in found[name]
                                   if row[column] is not None)
    return {name: [shipped(keys, name, row) for row in found[name]]
            for name in ORDER if name in found}
