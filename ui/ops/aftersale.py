"""After the sale: finding a sale, returns and refunds, exchanges, returns without a
receipt, voids, the audit trail.

Refunds and voids are written exactly once: each action attempt has a request id
(Attempts), sent with the call; when the call fails on the way (the connection to the
database dropped: the refund may or may not have been written), trying the same action
again sends the same id, and the store answers with the refund it made, if it made one."""

from __future__ import annotations

import uuid
from collections.abc import Hashable
from typing import TYPE_CHECKING

from pos.kernel.enums import JobKind, Tender

if TYPE_CHECKING:
    from pos.selling.cart import Cart, TenderInput
    from ui.ops.running import Call


def find_sales(query: str) -> Call:
    def call(db):
        from pos.aftersale.find import find_sales as find

        return find(db, query=query)
    return call


def load_return(receipt_no: str) -> Call:
    """(the sale's record, what can still come back: line position -> quantity)."""
    def call(db):
        from pos.aftersale.returns import returnable
        from pos.printjobs.records import load_sale

        return load_sale(db, receipt_no=receipt_no), returnable(db, receipt_no=receipt_no)
    return call


class Attempts:
    """One request id per action attempt: the same action again (the same key) after a
    failure gets the same id; once the action has an answer (done, or refused for a
    reason of the store's) the next attempt is a new one."""

    def __init__(self):
        self._ids: dict[Hashable, str] = {}

    def request_id(self, key: Hashable) -> str:
        return self._ids.setdefault(key, str(uuid.uuid4()))

    def answered(self, key: Hashable) -> None:
        self._ids.pop(key, None)

    def refused(self, key: Hashable, error) -> None:
        """A refusal of the database itself (lost, busy, full: `db.*`) may have come
        after the write: keep the id for the retry. Any other refusal wrote nothing."""
        if not getattr(error, "message_id", "").startswith("db."):
            self.answered(key)


def quote_refund(*, receipt_no: str, items: list[tuple[int, int]],
                 with_attached: bool) -> Call[int]:
    """What the customer gets back for these (line position, quantity) pairs: the amount
    a manager's approval of the refund is for."""
    def call(db):
        from pos.aftersale import returns

        wanted = [returns.ReturnItem(position, quantity) for position, quantity in items]
        return returns.quote_refund(db, receipt_no=receipt_no, items=wanted,
                                    with_attached=with_attached)
    return call


def refund(*, receipt_no: str, staff_id: int, items: list[tuple[int, int]], with_attached: bool,
           approval_id: int | None, tender: str, terminal: str,
           request_id: str | None = None) -> Call:
    """Refund (line position, quantity) pairs, all of it back in `tender`, and queue the
    refund's receipt (once: a retry that finds the refund made does not print it again).
    `request_id`: this attempt's (Attempts); the same id again returns the refund it
    made."""
    request_id = request_id or str(uuid.uuid4())

    def call(db):
        from pos.aftersale import returns

        wanted = [returns.ReturnItem(position, quantity) for position, quantity in items]
        done = returns.refund(db, receipt_no=receipt_no, staff_id=staff_id, items=wanted,
                              with_attached=with_attached, approval_id=approval_id,
                              back_in=tender, request_id=request_id)
        _receipt_job(db, terminal=terminal, ref=done.receipt_no, once=done.replayed,
                     open_drawer=tender == Tender.CASH)
        return done
    return call


def void_sale(*, receipt_no: str, staff_id: int, approval_id: int | None,
              request_id: str | None = None) -> Call:
    request_id = request_id or str(uuid.uuid4())

    def call(db):
        from pos.aftersale.voids import void_sale as void

        return void(db, receipt_no=receipt_no, staff_id=staff_id, approval_id=approval_id,
                    request_id=request_id)
    return call


def list_audit(*, limit: int = 300) -> Call:
    """(the events, newest first; staff id -> name, former staff too, for the people
    the events name by id: who approved, who opened the shift)."""
    def call(db):
        from pos.ledger.audit import list_audit as events
        from pos.people.staff import list_staff

        names = {person.id: person.name for person in list_staff(db, include_inactive=True)}
        return events(db, limit=limit), names
    return call


def _receipt_job(db, *, terminal: str, ref: str, once: bool, open_drawer: bool) -> None:
    """Queue a document's receipt (`once`: not again when it already has one: a retry
    that found the correction made)."""
    from pos.printjobs.print_queue import PrintRequest, enqueue, printer_config

    config = printer_config(db, terminal=terminal)
    enqueue(db, terminal=terminal, ref=ref, once=once,
            request=PrintRequest(JobKind.RECEIPT, config.receipt_uri, open_drawer=open_drawer,
                                 options={"paper_mm": config.paper_mm,
                                          "encoding": config.encoding}))


def load_exchange(*, receipt_no: str, staff_id: int, terminal: str) -> Call:
    """(the sale's record, what can still come back, a TillView of an empty cart for
    what the customer takes instead: the sale's customer already on it)."""
    def call(db):
        from pos.aftersale.returns import returnable
        from pos.ledger.tables import original_sale
        from pos.printjobs.records import load_sale
        from pos.selling.cart import Cart
        from pos.selling.checkout import set_customer
        from ui.ops.cart import read_view

        record = load_sale(db, receipt_no=receipt_no)
        left = returnable(db, receipt_no=receipt_no)
        with db.read_connection() as conn:
            customer_id = original_sale(conn, receipt_no).customer_id
        cart = Cart.new(staff_id=staff_id, terminal=terminal)
        if customer_id is not None:
            set_customer(db, cart, customer_id=customer_id)
        return record, left, read_view(db, cart, None)
    return call


def exchange(*, receipt_no: str, staff_id: int, items: list[tuple[int, int]],
             with_attached: bool, cart: Cart, tenders: list[TenderInput],
             approval_id: int | None, terminal: str, request_id: str | None = None) -> Call:
    """Take (line position, quantity) pairs back and sell `cart` in their place, in one
    transaction (pos.aftersale.exchange); `tenders` pay the difference, or give it back.
    Queues the return's receipt and the new sale's (and, as the terminal's settings say,
    its sheet copies), once: a retry that finds the exchange made prints nothing again."""
    request_id = request_id or str(uuid.uuid4())

    def call(db):
        from pos.aftersale.exchange import exchange as exchange_goods
        from pos.aftersale.returns import ReturnItem
        from pos.printjobs.print_queue import enqueue, printer_config
        from ui.ops.printing import sheet_copies

        wanted = [ReturnItem(position, quantity) for position, quantity in items]
        done = exchange_goods(db, receipt_no=receipt_no, staff_id=staff_id, items=wanted,
                              cart=cart, tenders=tenders, with_attached=with_attached,
                              approval_id=approval_id, request_id=request_id)
        cash = any(tender.tender == Tender.CASH for tender in tenders)
        once = done.refund.replayed
        _receipt_job(db, terminal=terminal, ref=done.refund.receipt_no, once=once,
                     open_drawer=False)
        _receipt_job(db, terminal=terminal, ref=done.sale.receipt_no, once=once,
                     open_drawer=cash)
        config = printer_config(db, terminal=terminal)
        if config.sheet_after_sale and cart.main_units():
            enqueue(db, terminal=terminal, ref=done.sale.receipt_no, once=once,
                    request=sheet_copies(config))
        return done
    return call


def product_for_return(code: str) -> Call:
    """The product a scanned or typed code names (pos.catalog.products.ProductInfo)."""
    def call(db):
        from pos.catalog.products import find_by_code

        return find_by_code(db, code)
    return call


def refund_without_receipt(*, sku: str, quantity: int, unit_price: int, staff_id: int,
                           terminal: str, reason: str, approval_id: int | None,
                           request_id: str | None = None) -> Call:
    """Goods back with no receipt, the money in cash, and the refund's receipt queued
    (once). A manager approves it for the product and the amount."""
    request_id = request_id or str(uuid.uuid4())

    def call(db):
        from pos.aftersale.exchange import refund_without_receipt as refund_goods
        from pos.selling.cart import TenderInput

        done = refund_goods(db, code=sku, quantity=quantity, staff_id=staff_id,
                            terminal=terminal, unit_price=unit_price, reason=reason,
                            tenders=[TenderInput(Tender.CASH, unit_price * quantity)],
                            approval_id=approval_id, request_id=request_id)
        _receipt_job(db, terminal=terminal, ref=done.receipt_no, once=done.replayed,
                     open_drawer=True)
        return done
    return call
