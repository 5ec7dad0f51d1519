"""After the sale: finding a sale, returns and refunds, voids, the audit trail.

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


def quote_refund(*, receipt_no: str, items: list[tuple[int, int]], with_attached: bool) -> Call[int]:
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
    refund's receipt (once: a retry that finds the refund made does not print it again). `request_id`: this attempt's (Attempts); the same id again returns
    the refund it made."""
    request_id = request_id or str(uuid.uuid4())

    def call(db):
        from pos.aftersale import returns
        from pos.printjobs.print_queue import PrintRequest, enqueue, printer_config

        wanted = [returns.ReturnItem(position, quantity) for position, quantity in items]
        done = returns.refund(db, receipt_no=receipt_no, staff_id=staff_id, items=wanted,
                              with_attached=with_attached, approval_id=approval_id,
                              back_in=tender, request_id=request_id)
        config = printer_config(db, terminal=terminal)
        enqueue(db, terminal=terminal, ref=done.receipt_no, once=done.replayed,
                request=PrintRequest(JobKind.RECEIPT, config.receipt_uri,
                                     open_drawer=tender == Tender.CASH,
                                     options={"paper_mm": config.paper_mm,
                                              "encoding": config.encoding}))
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
    def call(db):
        from pos.ledger.audit import list_audit as events

        return events(db, limit=limit)
    return call
