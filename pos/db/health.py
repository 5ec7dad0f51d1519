"""Is the database file sound? Checked before anything is sold from it.

A page overwritten in the middle of an SQLite file (a failing disk, a copy taken while
a till was writing, a program that wrote where it should not) can go unnoticed while
sales continue on the rest of the file, until a report or a journal check reads the
damaged page. SQLite can check its own structure:

- `quick_check` (``PRAGMA quick_check``): every page of every table and index is read and
  its structure checked, but indexes are not compared with their tables. It reads the
  whole file once, so it costs about what reading the file costs (~70 ms for 100,000
  products, a 36 MB file); the till runs it at start, on a thread of its own while the
  background load behind the login imports the till (quick_check_in_background), and
  the `pos` command before any command that writes.
- `full_check` (``PRAGMA integrity_check``): the same, and every index entry is matched
  with its row (UNIQUE constraints included). Several times slower: for the close of the
  day (Z), and for `pos db check --full`.

Both return a `Health` when the file is sound and raise DatabaseDamaged (a UserError
whose message says how to restore: README, "Restoring a damaged database") when it is
not. PostgreSQL keeps its own pages' checksums and has no such check to run from here:
the checks report it as sound, having checked nothing (`checked` is False).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from pos.db.engine import Database, DatabaseDamaged, describe, is_sqlite

# At most this many of SQLite's own lines (in its words) are shown with the refusal: it
# can list thousands.
SHOWN_PROBLEMS = 5


@dataclass(frozen=True)
class Health:
    """A check that found nothing wrong."""

    kind: str  # "quick" or "full"
    checked: bool  # False: a database with no such check (PostgreSQL)
    seconds: float


def quick_check(db: Database) -> Health:
    """The file's structure, every page read once (PRAGMA quick_check)."""
    return _check(db, "quick", "PRAGMA quick_check")


def quick_check_in_background(db: Database) -> Callable[[], Health]:
    """Start the quick check on a thread of its own and return the function that waits for
    it (its Health, or its refusal raised). SQLite checks without holding Python's GIL,
    so a caller that imports or builds meanwhile (the till's start) hardly waits."""
    outcome: dict[str, object] = {}

    def check() -> None:
        try:
            outcome["health"] = quick_check(db)
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits
            outcome["error"] = exc

    thread = threading.Thread(target=check, name="tickbox-quick-check", daemon=True)
    thread.start()

    def wait() -> Health:
        thread.join()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["health"]

    return wait


def full_check(db: Database) -> Health:
    """The file's structure and every index against its table (PRAGMA integrity_check)."""
    return _check(db, "full", "PRAGMA integrity_check")


def _check(db: Database, kind: str, pragma: str) -> Health:
    start = time.perf_counter()
    if not is_sqlite(db.engine):
        return Health(kind, False, time.perf_counter() - start)
    # The pragma reads; a failure to open or read the file at all is refused by the
    # engine (pos.db.engine), a file that is not a database at all included.
    with db.read_connection() as connection:
        lines = [row[0] for row in connection.exec_driver_sql(pragma)]
    if lines != ["ok"]:
        raise DatabaseDamaged("db.damaged", where=describe(db.engine.url),
                              details=lines[:SHOWN_PROBLEMS])
    return Health(kind, True, time.perf_counter() - start)
