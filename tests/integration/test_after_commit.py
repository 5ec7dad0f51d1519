"""What waits for a commit (the journal's witness) runs once the transaction has
committed, never when it rolled back, and asking for it opens no transaction."""

import pytest
from sqlalchemy import text

from pos.db.engine import after_commit


def test_runs_after_commit_not_after_rollback(db):
    ran = []
    with db.unit_of_work() as session:
        connection = session.connection()
        after_commit(connection, lambda: ran.append("first"))
        assert ran == []  # not before the commit
    assert ran == ["first"]

    with pytest.raises(RuntimeError), db.unit_of_work() as session:
        after_commit(session.connection(), lambda: ran.append("rolled back"))
        raise RuntimeError("refused")
    with db.write_connection() as connection:  # the same pooled connection, maybe
        after_commit(connection, lambda: ran.append("second"))
    assert ran == ["first", "second"]


def test_a_failing_callback_does_not_undo_the_commit(db, caplog):
    def broken():
        raise OSError("disk full")

    with db.write_connection() as connection:
        connection.execute(text("UPDATE settings SET key = key"))
        after_commit(connection, broken)
    assert "after a commit" in caplog.text


def test_a_unit_of_work_that_touched_nothing_takes_no_lock(sqlite_db):
    """On SQLite a write transaction locks the file: looking for callbacks must not
    begin one (a till waiting on another's lock would stall for nothing)."""
    with sqlite_db.unit_of_work() as session:
        assert not session.info  # no connection was taken
    with sqlite_db.write_connection() as holder:
        holder.execute(text("UPDATE settings SET key = key"))
        with sqlite_db.unit_of_work():
            pass  # would wait for `holder` if it began a transaction
