"""The service promise and the jobs board (SQLite and PostgreSQL): the board sorts a
store's open jobs by time left, the most late first, flags late ones, filters by
technician and day; the promise report gives, per technician and area, jobs, on time,
late, kept % and the average minutes to arrive. The board is one statement on its index."""

from datetime import timedelta

import pytest
from sqlalchemy import event

from pos.kernel.clock import utcnow
from pos.kernel.errors import UserError
from pos.ledger import verify
from pos.service import board, jobs, promise, states
from pos.service.board import board_query
from tests.integration.job_helpers import request, sell_notebook, staff_id


def visit(db, *, area="city", now=None, serial="PF3JOB0001", technician=None, **more):
    return jobs.register_job(db, kind="on_site", staff_id=staff_id(db, "cashier"),
                             request_id=request(), serial=serial, need="Visit", area=area,
                             now=now, technician=technician, **more)


def test_the_board_sorts_by_time_left_and_flags_the_late(demo_db):
    sell_notebook(demo_db)
    installer, manager = staff_id(demo_db, "installer"), staff_id(demo_db, "manager")
    now = utcnow()
    late = visit(demo_db, now=now - timedelta(minutes=150))  # due 30 minutes ago
    soon = visit(demo_db, now=now - timedelta(minutes=100), technician=installer)  # 20 left
    county = visit(demo_db, area="county", now=now - timedelta(minutes=60))  # 300 left
    start = now + timedelta(hours=3)
    counter = jobs.register_job(demo_db, kind="installation", staff_id=manager,
                                request_id=request(), serial="PF3JOB0001", need="Set up",
                                appointment=(start, start + timedelta(hours=1)))
    repair = jobs.register_job(demo_db, kind="repair", staff_id=manager, request_id=request(),
                               serial="ELSE-1", need="Repair", fault="Dead")
    done = visit(demo_db, now=now - timedelta(minutes=30))
    states.move(demo_db, job_no=done.job_no, to="arrived", staff_id=installer)
    states.move(demo_db, job_no=done.job_no, to="done", staff_id=installer)

    rows = board.jobs_board(demo_db, store="S01", now=now)
    assert [r.job_no for r in rows] == [late.job_no, soon.job_no, county.job_no,
                                        counter.job_no, repair.job_no]
    assert [r.late for r in rows] == [True, False, False, False, False]
    assert rows[0].minutes_left == -30 and rows[1].minutes_left == 20
    assert rows[2].minutes_left == 300 and rows[3].minutes_left is None
    assert rows[1].technician_name == "Wang Qiang"
    mine = board.jobs_board(demo_db, technician="Wang Qiang", now=now)
    assert [r.job_no for r in mine] == [soon.job_no]
    # a day: today's (by promise, appointment, registration) and the overdue
    today = now.astimezone().date()
    tomorrow = today + timedelta(days=1)
    assert late.job_no in [r.job_no for r in board.jobs_board(
        demo_db, store="S01", day=tomorrow, now=now)]
    assert [r.job_no for r in board.jobs_board(demo_db, store="S01", day=tomorrow + timedelta(
        days=5), include_overdue=False, now=now)] == []
    with pytest.raises(UserError) as caught:
        board.jobs_board(demo_db, store="S99")
    assert caught.value.message_id == "store.unknown"
    assert verify.verify(demo_db).ok


def test_the_promise_report_per_technician_and_area(demo_db):
    sell_notebook(demo_db)
    installer, manager = staff_id(demo_db, "installer"), staff_id(demo_db, "manager")
    now = utcnow()
    base = now - timedelta(hours=8)

    def arrive(job, minutes, by=installer):
        states.move(demo_db, job_no=job.job_no, to="arrived", staff_id=by,
                    at=job.registered_at + timedelta(minutes=minutes))

    arrive(visit(demo_db, now=base, technician=installer), 90)  # on time
    arrive(visit(demo_db, now=base, technician=installer), 130)  # late
    visit(demo_db, now=base, technician=installer)  # never arrived, past due: late
    arrive(visit(demo_db, area="county", now=base, technician=installer), 300)  # on time
    arrive(visit(demo_db, now=base, technician=manager), 60, manager)
    cancelled = visit(demo_db, now=base, technician=manager)
    states.move(demo_db, job_no=cancelled.job_no, to="cancelled", staff_id=manager)
    visit(demo_db, now=now - timedelta(minutes=10), technician=manager)  # not yet due
    rows = promise.promise_report(demo_db, start=(now - timedelta(days=1)).date(),
                                  end=now.date() + timedelta(days=1))
    table = {(r.technician_name, r.area): (r.jobs, r.arrived, r.on_time, r.late, r.kept_bp,
                                           r.average_minutes) for r in rows}
    manager_name = rows[0].technician_name if rows[0].technician_id == manager else next(
        r.technician_name for r in rows if r.technician_id == manager)
    assert table[("Wang Qiang", "city")] == (3, 2, 1, 2, 3333, 110)
    assert table[("Wang Qiang", "county")] == (1, 1, 1, 0, 10000, 300)
    assert table[(manager_name, "city")] == (2, 1, 1, 0, 10000, 60)
    assert len(rows) == 3
    assert promise.promise_report(demo_db, start=now.date() + timedelta(days=2),
                                  end=now.date() + timedelta(days=3)) == []
    with pytest.raises(UserError) as caught:
        promise.promise_report(demo_db, start=now.date(), end=now.date() - timedelta(days=1))
    assert caught.value.message_id == "job.bad_period"
    assert verify.verify(demo_db).ok


def test_the_board_is_one_statement(demo_db):
    sell_notebook(demo_db)
    visit(demo_db)
    statements = []

    def count(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("SELECT") and "service_jobs" in statement:
            statements.append(statement)

    event.listen(demo_db.engine, "before_cursor_execute", count)
    try:
        assert len(board.jobs_board(demo_db, store=1)) == 1
    finally:
        event.remove(demo_db.engine, "before_cursor_execute", count)
    assert len(statements) == 1


def test_the_board_reads_its_indexes(sqlite_demo_db):
    """SQLite's plan for a store's board and a technician's uses the indexes made for
    them (the benchmark times them over 100,000 jobs)."""
    now = utcnow()
    with sqlite_demo_db.engine.connect() as conn:
        for kwargs, index in (({"store_id": 1, "technician": None}, "ix_service_jobs_board"),
                              ({"store_id": None, "technician": 1},
                               "ix_service_jobs_technician")):
            query = board_query(day=None, include_overdue=True, now=now, **kwargs)
            compiled = query.compile(conn, compile_kwargs={"literal_binds": True})
            plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(
                f"EXPLAIN QUERY PLAN {compiled}"))
            assert index in plan, plan
