"""Any single change to any row of a sealed table is detected: hypothesis picks a table,
a row and a column of a store's day, changes the value, and `journal verify` must fail
(then the value is put back and the journal must verify again).

The columns left out are those that state no fact: surrogate ids, an idempotency key,
the lockout counters of a PIN, when a staff record was created."""

import sqlite3
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from pos.ledger import verify
from tests.integration.account_day import an_account_day, invoice_request
from tests.integration.job_helpers import a_jobs_day
from tests.integration.tamper_day import a_day

SEALED = ("sales", "sale_lines", "sheet_outcomes", "payments", "service_cards",
          "store_stock", "stock_documents", "stock_moves", "serial_units", "journal_entries",
          "journal_head", "audit_events", "shifts", "cash_movements", "staff", "settings",
          "customer_accounts", "account_documents", "account_items", "account_allocations",
          "preorders", "invoice_requests",
          # service jobs (issue 20): each row against its sealed events. The other new
          # tables (job_item_outcomes, card_claims, card_units, card_confirmations) have
          # their own tamper tests; their owners may list them here.
          "service_jobs", "job_events")
NOT_FACTS = {("cash_movements", "request_id"),
             ("store_stock", "reorder_point"),  # the store's planning, not a fact
             ("staff", "failed_pins"), ("staff", "locked_until"), ("staff", "created_at"),
             # when the account row was written: the sealed account_record's own time is
             # the fact (who opened it, who passed it on and why are checked)
             ("customer_accounts", "opened_at"), ("customer_accounts", "transferred_at"),
             # a pre-order's working notes (when the customer was told, when it is due)
             ("preorders", "notified_at"), ("preorders", "expected_on"),
             ("invoice_requests", "exported_at"),  # the accounting system's, not the sale's
             ("service_jobs", "request_id")}  # an idempotency key


@pytest.fixture(scope="module")
def store(tmp_path_factory, sqlite_demo_template):
    import shutil

    from pos.db.engine import Database

    path = tmp_path_factory.mktemp("tamper") / "day.db"
    shutil.copyfile(sqlite_demo_template, path)
    db = Database(f"sqlite:///{path}")
    a_day(db)
    refs = an_account_day(db)
    invoice_request(db, refs["first"])
    a_jobs_day(db)
    result = verify.verify(db)
    assert result.ok, result.problem
    db.dispose()
    connection = sqlite3.connect(path, isolation_level=None)
    places = []
    for table in SEALED:
        columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
        rowids = [row[0] for row in connection.execute(f"SELECT rowid FROM {table}")]
        places += [(table, column, rowid) for column in columns for rowid in rowids
                   if column != "id" and (table, column) not in NOT_FACTS
                   and not (table == "journal_head" and column == "id")
                   and not (table == "settings" and column == "key")]
    connection.close()
    return path, places


def changed(value):
    """A different value of the same kind."""
    if value is None:
        return 1
    if isinstance(value, int):
        return value + 1
    if isinstance(value, float):
        return value + 1
    if isinstance(value, bytes):
        return value + b"x"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value + "x"
    return (moment + timedelta(seconds=1)).isoformat(sep=" ")


def _is_rowid(connection, table: str, column: str) -> bool:
    """Whether the column is SQLite's rowid by another name (a lone INTEGER key)."""
    keys = [(name, kind) for _, name, kind, _, _, pk in connection.execute(
        f"PRAGMA table_info({table})") if pk]
    return keys == [(column, "INTEGER")]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_single_change_to_a_sealed_row_is_detected(store, data):
    from pos.db.engine import Database

    path, places = store
    table, column, rowid = data.draw(st.sampled_from(places))
    connection = sqlite3.connect(path, isolation_level=None)
    (before,) = connection.execute(f"SELECT {column} FROM {table} WHERE rowid = ?",
                                   (rowid,)).fetchone()
    try:
        connection.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?",
                           (changed(before), rowid))
    except sqlite3.IntegrityError:  # the database itself refuses it (a unique key)
        connection.close()
        reject()
    if _is_rowid(connection, table, column):  # the row's key itself (customer_accounts)
        rowid = changed(before)
    db = Database(f"sqlite:///{path}")
    try:
        result = verify.verify(db)
        assert not result.ok, f"{table}.{column} of row {rowid} changed and not detected"
    finally:
        db.dispose()
        connection.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (before, rowid))
        connection.close()
    db = Database(f"sqlite:///{path}")
    try:
        assert verify.verify(db).ok
    finally:
        db.dispose()
