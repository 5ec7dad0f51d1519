"""Corrections are written exactly once, like sales: the same request again (a retry after
a dropped connection, a second click) returns the correction it made (issue 12)."""

import dataclasses
import threading
import uuid

import pytest
from sqlalchemy import func, select

from pos.aftersale import returns, voids
from pos.aftersale.exchange import exchange, refund_without_receipt
from pos.aftersale.returns import ReturnItem
from pos.db.models import AuditEvent, Sale
from pos.kernel.enums import DocumentKind
from pos.kernel.errors import UserError
from pos.people import approvals
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import db_state, new_cart, staff_id


def kits_sale(db, quantity=3):
    cart = new_cart(db)
    kits = checkout.add_product(db, cart, code="PRO-CLN-PC", quantity=quantity)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", kits.total)])


def documents(db, kind) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Sale).where(Sale.kind == kind))


def events(db, action) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent)
                              .where(AuditEvent.action == action))


def test_a_refund_sent_again_with_its_request_id_is_written_once(demo_db):
    sale = kits_sale(demo_db)
    request = str(uuid.uuid4())
    cashier = staff_id(demo_db, "cashier")
    approval = approvals.approve(demo_db, action="refund", ref=sale.receipt_no, amount=3990,
                                 requested_by=cashier, manager_id=staff_id(demo_db, "manager"),
                                 pin="9999")

    def refund():
        return returns.refund(demo_db, receipt_no=sale.receipt_no, staff_id=cashier,
                              items=[ReturnItem(1, 1)], tenders=[TenderInput("cash", 3990)],
                              approval_id=approval, request_id=request)

    first = refund()
    after_first = db_state(demo_db)
    again = refund()  # the answer was lost: the till sends the same request (and approval)
    assert again.receipt_no == first.receipt_no and again.replayed
    assert dataclasses.replace(again, replayed=False) == first and db_state(demo_db) == after_first
    assert documents(demo_db, DocumentKind.REFUND) == 1 and events(demo_db, "refund") == 1
    other = returns.refund(demo_db, receipt_no=sale.receipt_no,
                           staff_id=staff_id(demo_db, "manager"), items=[ReturnItem(1, 1)],
                           tenders=[TenderInput("cash", 3990)], request_id=str(uuid.uuid4()))
    assert other.receipt_no != first.receipt_no  # a new request is a new refund


def test_two_clicks_racing_with_one_request_refund_once(demo_db):
    sale = kits_sale(demo_db)
    request, manager = str(uuid.uuid4()), staff_id(demo_db, "manager")
    answers, start = [], threading.Barrier(2)

    def click():
        start.wait()
        answers.append(returns.refund(demo_db, receipt_no=sale.receipt_no, staff_id=manager,
                                      items=[ReturnItem(1, 1)],
                                      tenders=[TenderInput("cash", 3990)], request_id=request))

    clicks = [threading.Thread(target=click) for _ in range(2)]
    for thread in clicks:
        thread.start()
    for thread in clicks:
        thread.join()
    assert len(answers) == 2 and answers[0].receipt_no == answers[1].receipt_no
    assert documents(demo_db, DocumentKind.REFUND) == 1


def test_a_void_sent_again_returns_the_same_void(demo_db):
    sale = kits_sale(demo_db)
    request, manager = str(uuid.uuid4()), staff_id(demo_db, "manager")
    first = voids.void_sale(demo_db, receipt_no=sale.receipt_no, staff_id=manager,
                            request_id=request)
    again = voids.void_sale(demo_db, receipt_no=sale.receipt_no.lower(), staff_id=manager,
                            request_id=request)
    assert again.receipt_no == first.receipt_no and again.replayed
    assert documents(demo_db, DocumentKind.VOID) == 1
    with pytest.raises(UserError, match="already"):  # a new request: refused, as before
        voids.void_sale(demo_db, receipt_no=sale.receipt_no, staff_id=manager,
                        request_id=str(uuid.uuid4()))


def test_an_exchange_sent_again_returns_the_same_refund_and_sale(demo_db):
    sale = kits_sale(demo_db)
    manager = staff_id(demo_db, "manager")
    cart = new_cart(demo_db)
    checkout.add_product(demo_db, cart, code="BAG-NB-156")
    request = str(uuid.uuid4())

    def swap():
        return exchange(demo_db, receipt_no=sale.receipt_no, staff_id=manager,
                        items=[ReturnItem(1, 1)], cart=cart,
                        tenders=[TenderInput("cash", 10**6)], request_id=request)

    first = swap()
    again = swap()
    assert again.refund.receipt_no == first.refund.receipt_no and again.refund.replayed
    assert again.sale.receipt_no == first.sale.receipt_no
    assert again.difference == first.difference and again.sale.replayed
    assert documents(demo_db, DocumentKind.REFUND) == 1 and documents(demo_db, DocumentKind.SALE) == 2


def test_a_return_without_a_receipt_sent_again_is_written_once(demo_db):
    request, manager = str(uuid.uuid4()), staff_id(demo_db, "manager")

    def back():
        return refund_without_receipt(demo_db, code="PRO-CLN-PC", quantity=1, staff_id=manager,
                                      terminal="T01", tenders=[TenderInput("cash", 3990)],
                                      reason="gift", request_id=request)

    first = back()
    before = db_state(demo_db)
    assert back().receipt_no == first.receipt_no and db_state(demo_db) == before


def test_a_request_id_used_for_another_correction_is_refused(demo_db):
    sale = kits_sale(demo_db)
    manager = staff_id(demo_db, "manager")
    request = str(uuid.uuid4())
    refund_without_receipt(demo_db, code="PRO-CLN-PC", quantity=1, staff_id=manager,
                           terminal="T01", tenders=[TenderInput("cash", 3990)], reason="gift",
                           request_id=request)
    with pytest.raises(UserError, match="already used for"):
        voids.void_sale(demo_db, receipt_no=sale.receipt_no, staff_id=manager,
                        request_id=request)
    with pytest.raises(ValueError):
        voids.void_sale(demo_db, receipt_no=sale.receipt_no, staff_id=manager,
                        request_id="x\x00")


def test_two_tills_refunding_the_last_kit_at_once_refund_it_once(demo_db):
    """Two different requests for the same last unit: they queue on the sale, and the
    second is refused (on PostgreSQL both used to read "not yet returned")."""
    sale = kits_sale(demo_db, quantity=1)
    manager = staff_id(demo_db, "manager")
    answers, start = [], threading.Barrier(2)

    def till():
        start.wait()
        try:
            answers.append(returns.refund(
                demo_db, receipt_no=sale.receipt_no, staff_id=manager, items=[ReturnItem(1, 1)],
                tenders=[TenderInput("cash", 3990)], request_id=str(uuid.uuid4())))
        except UserError as error:
            answers.append(error.message_id)

    tills = [threading.Thread(target=till) for _ in range(2)]
    for thread in tills:
        thread.start()
    for thread in tills:
        thread.join()
    refusals = [answer for answer in answers if isinstance(answer, str)]
    assert len(answers) == 2 and refusals in (["return.already_back"], ["refund.over_paid"])
    assert documents(demo_db, DocumentKind.REFUND) == 1
