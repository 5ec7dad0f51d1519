"""A service job edited outside the till is named by `journal verify`: its state, its
technician, its arrival time, its promise, an event deleted or changed, an event's time
moved, a job row added with no events (SQLite and PostgreSQL)."""

from datetime import timedelta

import pytest
from sqlalchemy import text

from pos.kernel.clock import utcnow
from pos.ledger import verify
from pos.service import jobs, states
from tests.integration.job_helpers import request, sell_notebook, staff_id


@pytest.fixture
def worked(demo_db):
    """An on-site visit scheduled, assigned, arrived and done, and a repair diagnosed."""
    sell_notebook(demo_db)
    installer = staff_id(demo_db, "installer")
    job = jobs.register_job(demo_db, kind="on_site", staff_id=staff_id(demo_db, "cashier"),
                            request_id=request(), serial="PF3JOB0001", need="Printer setup",
                            area="city", address="8 Jiefang Road")
    start = utcnow() + timedelta(minutes=20)
    states.assign(demo_db, job_no=job.job_no, technician=installer, staff_id=installer)
    states.schedule(demo_db, job_no=job.job_no, start=start, end=start + timedelta(hours=1),
                    staff_id=installer)
    states.move(demo_db, job_no=job.job_no, to="arrived", staff_id=installer)
    states.move(demo_db, job_no=job.job_no, to="done", staff_id=installer)
    repair = jobs.register_job(demo_db, kind="repair", staff_id=installer, request_id=request(),
                               serial="ELSEWHERE-1", need="Repair", fault="Hinge broken",
                               estimate=5000)
    states.diagnose(demo_db, job_no=repair.job_no, diagnosis="Hinge", estimate=9000,
                    staff_id=installer)
    result = verify.verify(demo_db)
    assert result.ok, result.problem
    return demo_db, job.job_no, repair.job_no


def tampered(db, sql: str, **params) -> str:
    with db.engine.begin() as connection:
        connection.execute(text(sql), params)
    result = verify.verify(db)
    assert not result.ok
    return result.problem


def test_a_jobs_state_edited_is_named(worked):
    db, job_no, _ = worked
    problem = tampered(db, "UPDATE service_jobs SET state = 'arrived' WHERE job_no = :j",
                       j=job_no)
    assert job_no in problem and "arrived" in problem


def test_an_event_deleted_is_named(worked):
    db, job_no, _ = worked
    problem = tampered(db, "DELETE FROM job_events WHERE id = (SELECT max(e.id) FROM job_events"
                           " e JOIN service_jobs j ON j.id = e.job_id WHERE j.job_no = :j)",
                       j=job_no)
    assert job_no in problem and "deleted" in problem


def test_an_arrival_time_moved_is_named(worked):
    db, job_no, _ = worked
    with db.engine.begin() as connection:
        arrived = connection.execute(text("SELECT arrived_at, due_at FROM service_jobs WHERE "
                                          "job_no = :j"), {"j": job_no}).one()
    problem = tampered(db, "UPDATE service_jobs SET arrived_at = due_at WHERE job_no = :j",
                       j=job_no)
    assert arrived[0] != arrived[1]
    assert job_no in problem and "arrived_at" in problem


def test_an_events_time_moved_with_the_arrival_is_named(worked):
    """Moving the arrival and its event's time together is still caught: the event's
    time is sealed."""
    db, job_no, _ = worked
    with db.engine.begin() as connection:
        job_id, due = connection.execute(text("SELECT id, due_at FROM service_jobs WHERE "
                                              "job_no = :j"), {"j": job_no}).one()
        connection.execute(text("UPDATE job_events SET at = :due WHERE job_id = :id AND "
                                "to_state = 'arrived'"), {"due": due, "id": job_id})
    problem = tampered(db, "UPDATE service_jobs SET arrived_at = due_at WHERE job_no = :j",
                       j=job_no)
    assert job_no in problem


@pytest.mark.parametrize("column, value", [
    ("technician_id", None), ("due_at", "2030-01-01 00:00:00"), ("need", "something else"),
    ("priority", 3), ("serial", "OTHER"), ("area", "county"), ("estimate", 1)])
def test_a_jobs_other_columns_edited_are_named(worked, column, value):
    db, job_no, _ = worked
    problem = tampered(db, f"UPDATE service_jobs SET {column} = :v WHERE job_no = :j",
                       v=value, j=job_no)
    assert job_no in problem


def test_a_repairs_diagnosis_and_estimate_are_checked(worked):
    db, _, repair_no = worked
    problem = tampered(db, "UPDATE service_jobs SET estimate = 100 WHERE job_no = :j",
                       j=repair_no)
    assert repair_no in problem and "estimate" in problem


def test_an_events_details_edited_is_named(worked):
    db, _, repair_no = worked
    problem = tampered(db, "UPDATE job_events SET details_json = '{\"diagnosis\": \"x\", "
                           "\"estimate\": 9000}' WHERE kind = 'state' AND job_id = (SELECT id "
                           "FROM service_jobs WHERE job_no = :j)", j=repair_no)
    assert repair_no in problem


def test_a_job_added_without_events_is_named(worked):
    db, job_no, _ = worked
    problem = tampered(db, "INSERT INTO service_jobs (job_no, store_id, kind, state, "
                           "not_sold_here, need, priority, address, registered_at, fault, "
                           "accessories, condition, diagnosis, request_id, unit_name) SELECT "
                           "'S01-JB-000099', store_id, kind, state, not_sold_here, need, "
                           "priority, address, registered_at, fault, accessories, condition, "
                           "diagnosis, 'forged', unit_name FROM service_jobs WHERE job_no = :j",
                       j=job_no)
    assert "S01-JB-000099" in problem


def test_every_column_of_every_job_and_event_is_checked(sqlite_demo_db):
    """Each column of each job row and job event row (but the request id) changed on
    its own makes verify fail; put back, verify passes again (SQLite)."""
    import sqlite3

    from tests.integration.job_helpers import a_jobs_day
    from tests.integration.test_tamper_property import changed

    db = sqlite_demo_db
    a_jobs_day(db)
    assert verify.verify(db).ok
    path = db.engine.url.database
    db.dispose()
    connection = sqlite3.connect(path, isolation_level=None)
    places = []
    for table in ("service_jobs", "job_events"):
        columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
        rowids = [row[0] for row in connection.execute(f"SELECT rowid FROM {table}")]
        places += [(table, column, rowid) for column in columns for rowid in rowids
                   if column not in ("id", "request_id")]
    missed, refused = [], 0
    for table, column, rowid in places:
        (before,) = connection.execute(f"SELECT {column} FROM {table} WHERE rowid = ?",
                                       (rowid,)).fetchone()
        try:
            connection.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?",
                               (changed(before), rowid))
        except sqlite3.IntegrityError:  # a unique key (the job number)
            refused += 1
            continue
        try:
            if verify.verify(db).ok:
                missed.append((table, column, rowid))
        finally:
            db.dispose()
            connection.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?",
                               (before, rowid))
    connection.close()
    assert missed == []
    assert len(places) > 150 and refused <= 3, (len(places), refused)
    assert verify.verify(db).ok


def test_a_sale_made_on_a_job_is_linked_both_ways(demo_db):
    """sales.job_id is not in the sale's own seal: the job's sealed sold event names
    the receipt, so a link cleared, or a sale linked to a job it was not made on, is
    named."""
    from pos.selling import completion
    from pos.selling.cart import TenderInput
    from pos.service import job_sales

    db = demo_db
    sale = sell_notebook(db)
    installer = staff_id(db, "installer")
    job = jobs.register_job(db, kind="installation", staff_id=installer, request_id=request(),
                            receipt=sale.receipt_no, need="Set up")
    cart = job_sales.open_job_sale(db, job_no=job.job_no, staff_id=installer, terminal="T02")
    job_sales.add_job_item(db, cart, job_no=job.job_no, item_code="screen-film")
    due = sum(line.total for line in cart.billable_lines())
    done = completion.complete_sale(db, cart, tenders=[TenderInput("cash", due)])
    assert verify.verify(db).ok
    problem = tampered(db, "UPDATE sales SET job_id = NULL WHERE receipt_no = :r",
                       r=done.receipt_no)
    assert job.job_no in problem and done.receipt_no in problem
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE sales SET job_id = (SELECT id FROM service_jobs WHERE "
                                "job_no = :j) WHERE receipt_no = :r"),
                           {"j": job.job_no, "r": done.receipt_no})
    assert verify.verify(db).ok
    problem = tampered(db, "UPDATE sales SET job_id = (SELECT id FROM service_jobs WHERE "
                           "job_no = :j) WHERE receipt_no = :r", j=job.job_no,
                       r=sale.receipt_no)
    assert job.job_no in problem and sale.receipt_no in problem
