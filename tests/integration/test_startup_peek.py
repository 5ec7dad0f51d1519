"""The first screen's peek (pos.db.peek): what the login shows, read with sqlite3 alone
before the database layer loads. It must agree with the services, and say nothing
(None) whenever it cannot answer for sure, so the app falls back to the full load."""

import sqlite3

from sqlalchemy import text

from pos.db import schema
from pos.db.peek import peek
from pos.people import staff
from pos.store import details


def _url(database) -> str:
    return database.url


def test_the_peek_shows_the_active_staff_in_the_order_the_login_lists_them(sqlite_demo_db):
    for name, role in (("adam", "cashier"), ("Émile", "installer"), ("陈洁", "cashier"),
                       ("Zoe", "manager"), ("Anna Gone", "cashier")):
        staff.add_staff(sqlite_demo_db, name=name, role=role, pin="4827")
    with sqlite_demo_db.unit_of_work() as session:
        session.execute(text("UPDATE staff SET active = 0 WHERE name = 'Anna Gone'"))

    first = peek(_url(sqlite_demo_db), "T01")

    listed = [(s.id, s.name, s.role.value) for s in staff.list_staff(sqlite_demo_db)]
    assert [(t.id, t.name, t.role) for t in first.staff] == listed
    assert "Anna Gone" not in [t.name for t in first.staff]
    info = details.store_info(sqlite_demo_db, terminal="T01")
    assert (first.store_name, first.locale, first.currency, first.terminal) == (
        info.name, info.locale, info.currency, "T01")


def test_the_peek_reads_without_writing(sqlite_demo_db, tmp_path):
    sqlite_demo_db.dispose()
    path = tmp_path / "tickbox.db"
    before = path.read_bytes()
    assert peek(_url(sqlite_demo_db), "T01") is not None
    assert path.read_bytes() == before


def test_a_missing_database_file_gives_nothing_and_is_not_created(tmp_path):
    path = tmp_path / "new" / "tickbox.db"
    assert peek(f"sqlite:///{path}", "T01") is None
    assert peek(str(tmp_path / "bare-path.db"), "T01") is None
    assert not path.exists() and not (tmp_path / "bare-path.db").exists()


def test_a_database_at_another_schema_gives_nothing(sqlite_demo_db, tmp_path):
    url = _url(sqlite_demo_db)
    with sqlite_demo_db.unit_of_work() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    assert peek(url, "T01") is None  # older: it is migrated before anyone logs in
    with sqlite_demo_db.unit_of_work() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    assert peek(url, "T01") is None  # newer: the full load refuses it
    with sqlite_demo_db.unit_of_work() as session:
        session.execute(text(f"UPDATE alembic_version SET version_num = '{schema.HEAD}'"))
    assert peek(url, "T01") is not None


def test_an_empty_or_foreign_file_gives_nothing(tmp_path):
    sqlite3.connect(tmp_path / "empty.db").close()
    (tmp_path / "notes.db").write_text("not a database at all, just text " * 100)
    assert peek(f"sqlite:///{tmp_path / 'empty.db'}", "T01") is None
    assert peek(f"sqlite:///{tmp_path / 'notes.db'}", "T01") is None


def test_a_terminal_not_set_up_gives_nothing(sqlite_demo_db):
    assert peek(_url(sqlite_demo_db), "T09") is None


def test_databases_other_than_an_sqlite_file_give_nothing():
    assert peek("postgresql://tickbox:secret@localhost/tickbox", "T01") is None
    assert peek("sqlite://", "T01") is None
    assert peek("sqlite:///:memory:", "T01") is None


def test_a_database_in_use_by_a_running_till_is_read_with_its_latest_changes(
        sqlite_demo_db, tmp_path):
    staff.add_staff(sqlite_demo_db, name="Xu Ming", role="cashier", pin="4827")
    # The other till's connection is still open: the change is in the WAL, not yet
    # folded back into the database file.
    assert (tmp_path / "tickbox.db-wal").stat().st_size > 0
    assert "Xu Ming" in [t.name for t in peek(_url(sqlite_demo_db), "T01").staff]
