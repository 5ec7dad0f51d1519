"""A store row for tests that build a database from nothing (a catalog's stock belongs to
a store, so importing one needs a store)."""

import sqlite3


def add_store_to_sqlite(path, code: str = "S01", name: str = "Test store") -> None:
    """Insert a store into a migrated SQLite file (as `pos store add` would)."""
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("INSERT INTO stores (code, name, address, phone, tax_id, currency, "
                           "locale, receipt_footer) VALUES (?, ?, '', '', '', 'CNY', 'en', '')",
                           (code, name))
    connection.close()
