"""The till names each refund or void attempt with a request id and sends the same id when
the same action is tried again after the database failed, so a retry never refunds twice."""

from pos.kernel.errors import UserError
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import staff_id
from ui import ops


def test_an_attempt_keeps_its_request_id_until_the_store_answers():
    attempts = ops.Attempts()
    first = attempts.request_id(("refund", "T01-000001"))
    assert attempts.request_id(("refund", "T01-000001")) == first
    assert attempts.request_id(("refund", "T01-000002")) != first
    attempts.refused(("refund", "T01-000001"), UserError("db.connection_lost", where="db"))
    assert attempts.request_id(("refund", "T01-000001")) == first  # it may have been written
    attempts.refused(("refund", "T01-000001"), UserError("refund.over_paid"))
    assert attempts.request_id(("refund", "T01-000001")) != first  # nothing was written
    second = attempts.request_id(("void", "T01-000001"))
    attempts.answered(("void", "T01-000001"))
    assert attempts.request_id(("void", "T01-000001")) != second


def test_a_refund_call_run_again_with_its_request_id_refunds_once(sqlite_demo_db):
    db = sqlite_demo_db
    cart = checkout.open_cart(db, staff_id=staff_id(db, "cashier"), terminal="T01")
    kits = checkout.add_product(db, cart, code="PRO-CLN-PC", quantity=2)
    sale = completion.complete_sale(db, cart, tenders=[TenderInput("cash", kits.total)])
    call = ops.refund(receipt_no=sale.receipt_no, staff_id=staff_id(db, "manager"),
                      items=[(1, 1)], with_attached=True, approval_id=None, tender="cash",
                      terminal="T01", request_id="5b0c6f0e-0000-4000-8000-000000000001")
    first, again = call(db), call(db)
    assert again.receipt_no == first.receipt_no and again.replayed and not first.replayed
    from pos.printjobs.print_queue import due_jobs
    assert [job.ref for job in due_jobs(db, terminal="T01")].count(first.receipt_no) == 1
    assert ops.void_sale(receipt_no=sale.receipt_no, staff_id=staff_id(db, "manager"),
                         approval_id=None) is not None
