"""Prepared statements (the sale's hot path) write exactly what SQLAlchemy Core writes,
inside the caller's transaction, and fail the way SQLAlchemy fails. SQLite and PostgreSQL."""

from datetime import datetime, timezone

import pytest
from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError

from pos.db import prepared
from pos.db.models import PrintJob, Shift, Terminal
from pos.kernel.enums import JobKind, JobState, ShiftState

JOBS = PrintJob.__table__
_INSERT_JOB = prepared.insert(JOBS, (
    "terminal_id", "kind", "ref", "printer_uri", "reprint", "open_drawer", "options_json",
    "state", "attempts", "next_attempt_at", "last_error", "created_at", "printed_at"),
    returning=[JOBS.c.id])
_PENDING_FOR = prepared.Prepared(
    select(JOBS.c.ref).where(JOBS.c.state == JobState.PENDING, JOBS.c.ref == bindparam("ref")))


def _terminal_id(db) -> int:
    with db.read() as session:
        return session.scalar(select(Terminal.id))


def _job(terminal_id: int, ref: str, at: datetime) -> dict:
    return {"terminal_id": terminal_id, "kind": JobKind.RECEIPT, "ref": ref,
            "printer_uri": "pdf:///tmp", "reprint": True, "open_drawer": False,
            "options_json": "{}", "state": JobState.PENDING, "attempts": 0,
            "next_attempt_at": at, "last_error": None, "created_at": at, "printed_at": None}


def test_prepared_insert_reads_back_like_a_core_insert(demo_db):
    terminal_id = _terminal_id(demo_db)
    at = datetime(2026, 11, 25, 9, 30, 15, 123456, tzinfo=timezone.utc)
    with demo_db.write_connection() as conn:
        core_id = conn.execute(JOBS.insert().values(**_job(terminal_id, "CORE", at))
                               .returning(JOBS.c.id)).scalar_one()
        fast_id = prepared.on(conn).scalar(_INSERT_JOB, _job(terminal_id, "FAST", at))
    with demo_db.read() as session:
        core, fast = session.get(PrintJob, core_id), session.get(PrintJob, fast_id)
        for column in JOBS.columns.keys():
            if column not in ("id", "ref"):
                assert getattr(fast, column) == getattr(core, column), column
        assert fast.kind is JobKind.RECEIPT and fast.state is JobState.PENDING
        assert fast.created_at == at and fast.reprint is True
    with demo_db.read_connection() as conn:  # and the raw text is the same too
        raw = conn.exec_driver_sql(
            "SELECT kind, state, created_at, reprint FROM print_jobs WHERE id IN (%d, %d) ORDER BY id"
            % (core_id, fast_id)).all()
    assert raw[0] == raw[1]


def test_values_written_into_the_statement_are_bound_too(demo_db):
    terminal_id = _terminal_id(demo_db)
    at = datetime(2026, 11, 25, tzinfo=timezone.utc)
    with demo_db.write_connection() as conn:
        run = prepared.on(conn)
        run.execute(_INSERT_JOB, _job(terminal_id, "R-1", at))
        assert run.all(_PENDING_FOR, {"ref": "R-1"}) == [("R-1",)]
        assert run.all(_PENDING_FOR, {"ref": "R-2"}) == []


def test_a_refused_statement_raises_sqlalchemys_error_and_the_transaction_rolls_back(demo_db):
    terminal_id = _terminal_id(demo_db)
    at = datetime(2026, 11, 25, tzinfo=timezone.utc)
    with pytest.raises(IntegrityError):
        with demo_db.write_connection() as conn:
            run = prepared.on(conn)
            run.execute(_INSERT_JOB, _job(terminal_id, "KEPT?", at))
            run.execute(_INSERT_JOB, _job(None, "NO TERMINAL", at))  # NOT NULL
    with demo_db.read() as session:
        assert session.scalar(select(PrintJob.id).where(PrintJob.ref == "KEPT?")) is None


def test_many_runs_the_statement_for_every_row(demo_db):
    terminal_id = _terminal_id(demo_db)
    at = datetime(2026, 11, 25, tzinfo=timezone.utc)
    statement = prepared.insert(JOBS, [c for c in _job(terminal_id, "", at)])
    with demo_db.write_connection() as conn:
        prepared.on(conn).many(statement, [_job(terminal_id, f"M-{i}", at) for i in range(5)])
        prepared.on(conn).many(statement, [])  # nothing to write is not an error
    with demo_db.read() as session:
        refs = session.scalars(select(PrintJob.ref).where(PrintJob.ref.like("M-%"))).all()
    assert sorted(refs) == [f"M-{i}" for i in range(5)]


def test_a_prepared_insert_must_name_every_column_with_a_python_default():
    with pytest.raises(ValueError, match="opened_at"):
        prepared.insert(Shift.__table__, ("terminal_id", "state", "opened_by", "opening_float"))


def test_statements_on_a_connection_outside_a_transaction_begin_one(demo_db):
    with demo_db.read_connection() as conn:
        assert prepared.on(conn).scalar(prepared.Prepared(
            select(Shift.id).where(Shift.state == ShiftState.CLOSED))) is None
        assert conn.in_transaction()

