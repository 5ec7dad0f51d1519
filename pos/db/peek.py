"""What the first screen needs, read before the database layer has loaded.

The login screen (store name, staff tiles, PIN keypad) should be up in the time a bare
window takes, but SQLAlchemy and the services take several times that to import. So
`peek` reads the few rows the login shows with the standard library's sqlite3 alone,
read-only, while the database layer loads in the background.

It answers only when it can answer for sure: an SQLite file that exists, at exactly this
version's schema, with this terminal set up. Anything else (PostgreSQL, a new or older
database, a locked or unreadable file) gives None, and the app waits for the full load
before it shows the staff. Nothing here imports SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from pos.db.location import sqlite_path
from pos.db.schema import HEAD

# A writer holding the file (a migration, another till in rollback-journal mode) should
# not hold up the first screen: after this long the full load answers instead.
BUSY_TIMEOUT_S = 0.1


@dataclass(frozen=True)
class StaffTile:
    """A staff member as the login shows them."""

    id: int
    name: str
    role: str  # a pos.kernel.enums.StaffRole value: cashier, installer, manager, admin


@dataclass(frozen=True)
class FirstScreen:
    store_name: str
    locale: str
    currency: str
    terminal: str
    staff: tuple[StaffTile, ...]  # the active staff, in pos.people.staff.list_staff's order


def peek(url: str, terminal: str) -> FirstScreen | None:
    """The login screen's data from an SQLite file at this version's schema, or None."""
    path = sqlite_path(url)
    if path is None or not path.is_file():
        return None
    try:
        # mode=ro never creates the file and never writes to it.
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                     timeout=BUSY_TIMEOUT_S)
        try:
            return _read(connection, terminal)
        finally:
            connection.close()
    except sqlite3.Error:
        return None


def _read(connection: sqlite3.Connection, terminal: str) -> FirstScreen | None:
    versions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    if versions != [(HEAD,)]:
        return None  # older (to be migrated), newer (to be refused) or empty
    store = connection.execute(
        "SELECT stores.name, stores.locale, stores.currency FROM terminals "
        "JOIN stores ON stores.id = terminals.store_id WHERE terminals.code = ?",
        (terminal,)).fetchone()
    if store is None:
        return None  # the full load says the terminal is not set up
    # The same order as pos.people.staff.list_staff (ORDER BY name, SQLite's binary collation).
    staff = connection.execute(
        "SELECT id, name, role FROM staff WHERE active = 1 ORDER BY name").fetchall()
    store_name, locale, currency = store
    return FirstScreen(store_name=store_name, locale=locale, currency=currency,
                       terminal=terminal, staff=tuple(StaffTile(*row) for row in staff))
