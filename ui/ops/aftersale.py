"""After the sale: finding a sale, returns and refunds, voids, the audit trail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos.kernel.enums import JobKind, Tender

if TYPE_CHECKING:
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


def refund(*, receipt_no: str, staff_id: int, items: list[tuple[int, int]], with_attached: bool,
           approval_id: int | None, tender: str, terminal: str) -> Call:
    """Refund (line position, quantity) pairs, the amount the quote says, and queue the
    refund's receipt."""
    def call(db):
        from pos.aftersale import returns
        from pos.printjobs.print_queue import PrintRequest, enqueue, printer_config
        from pos.selling.cart import TenderInput

        wanted = [returns.ReturnItem(position, quantity) for position, quantity in items]
        amount = returns.quote_refund(db, receipt_no=receipt_no, items=wanted,
                                      with_attached=with_attached)
        done = returns.refund(db, receipt_no=receipt_no, staff_id=staff_id, items=wanted,
                              with_attached=with_attached, approval_id=approval_id,
                              tenders=[TenderInput(tender, amount)])
        config = printer_config(db, terminal=terminal)
        enqueue(db, terminal=terminal, ref=done.receipt_no, request=PrintRequest(
            JobKind.RECEIPT, config.receipt_uri, open_drawer=tender == Tender.CASH,
            options={"paper_mm": config.paper_mm, "encoding": config.encoding}))
        return done
    return call


def void_sale(*, receipt_no: str, staff_id: int, approval_id: int | None) -> Call:
    def call(db):
        from pos.aftersale.voids import void_sale as void

        return void(db, receipt_no=receipt_no, staff_id=staff_id, approval_id=approval_id)
    return call


def list_audit(*, limit: int = 300) -> Call:
    def call(db):
        from pos.ledger.audit import list_audit as events

        return events(db, limit=limit)
    return call
