"""Cash paid in or out opens the drawer once: its kick is queued in the movement's own
transaction, a retry of the same request queues nothing more, and a refused movement
queues nothing."""

import pytest
from sqlalchemy import func, select

from pos.day import shifts
from pos.db.models import PrintJob
from pos.kernel.enums import JobKind
from pos.kernel.errors import UserError
from pos.printjobs.print_queue import PrintRequest
from tests.integration.checkout_helpers import staff_id

KICK = [PrintRequest(JobKind.DRAWER, "tcp://127.0.0.1:9", open_drawer=True)]


def drawer_jobs(db) -> list:
    with db.read_connection() as conn:
        return conn.execute(select(PrintJob.ref, PrintJob.open_drawer).where(
            PrintJob.kind == JobKind.DRAWER)).all()


def test_a_paid_out_queues_one_kick_even_when_retried(demo_db):
    manager = staff_id(demo_db, "manager")
    for _ in range(3):  # the till sends it again after a dropped answer
        movement = shifts.move_cash(demo_db, terminal="T01", staff_id=manager, amount=-2500,
                                    reason="courier", request_id="drawer-1", print_jobs=KICK)
    assert drawer_jobs(demo_db) == [(f"paid_out-{movement}", True)]
    assert shifts.x_report(demo_db, terminal="T01").paid_out == -2500  # signed, as reported


def test_a_refused_movement_queues_no_kick(demo_db):
    cashier = staff_id(demo_db, "cashier")
    with pytest.raises(UserError):
        shifts.move_cash(demo_db, terminal="T01", staff_id=cashier, amount=-2500,
                         reason="courier", print_jobs=KICK)
    with pytest.raises(UserError):
        shifts.move_cash(demo_db, terminal="T01", staff_id=staff_id(demo_db, "manager"),
                         amount=-2500, reason="   ", print_jobs=KICK)
    with demo_db.read_connection() as conn:
        assert conn.execute(select(func.count()).select_from(PrintJob)).scalar() == 0
