"""A long journal for the verify tests and benchmarks/verify.py: realistic sales (a
serial-tracked notebook with its sheet's outcomes, a bag, a gold service card, two phone
cases, paid in cash), one in a hundred with its card refunded, a Z report every
`per_shift` documents. The first sale and every refund and Z go through the services;
the other sales are the first one's document written again with new numbers, serials
and card numbers (pos.ledger.tables.write_document: sealed, stock moved, as the till
writes them), many per transaction, so 100,000 documents build in minutes."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta
from unittest import mock

from sqlalchemy import func, select

from pos.aftersale import returns
from pos.aftersale.returns import ReturnItem
from pos.day import shifts
from pos.db.models import JournalEntry, Sale, Terminal
from pos.kernel.clock import utcnow
from pos.ledger.drawer import shift_for_sale
from pos.ledger.tables import load_stored, write_document
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import staff_id
from tests.integration.test_corrections import notebook_sale

CARD_LINE = 3  # the gold card's position on the notebook sale


def build(db, documents: int, **options) -> int:
    """Add sales (and their refunds and Z reports) until the journal holds at least
    `documents` entries; returns how many it holds."""
    return LongChain(db, **options).extend(documents)


class LongChain:
    """A chain that grows on demand: extend(2000), verify, extend(8000), verify..."""

    def __init__(self, db, *, per_shift: int = 1000, refund_every: int = 100,
                 per_transaction: int = 500, progress=None):
        self.db, self.per_shift, self.refund_every = db, per_shift, refund_every
        self.per_transaction, self.progress = per_transaction, progress
        self.manager = staff_id(db, "manager")
        first = notebook_sale(db)
        with db.read_connection() as conn:
            self.template = load_stored(conn, conn.execute(select(Sale.id).where(
                Sale.receipt_no == first.receipt_no)).scalar_one()).document
            self.terminal = conn.execute(select(Terminal.code).where(
                Terminal.id == self.template.terminal_id)).scalar_one()
        self.sequence = 10_000_000  # far above the receipts the services number (refunds)
        self.at = utcnow()
        self.made = self.since_z = 0

    def extend(self, documents: int) -> int:
        db, template = self.db, self.template
        while _entries(db) < documents:
            count = min(self.per_transaction, max(1, documents - _entries(db)))
            written = []
            with db.write_connection() as conn:
                shift = shift_for_sale(conn, template.terminal_id, template.staff_id)
                for _ in range(count):
                    self.made += 1
                    self.sequence += 1
                    self.at += timedelta(milliseconds=1500)
                    written.append(write_document(
                        conn, _copy(template, self.made, self.sequence, shift, self.at),
                        negative_stock_allowed=lambda: True))
            self.since_z += count
            for index, document in enumerate(written):
                if (self.made - count + index + 1) % self.refund_every == 0:
                    _refund(db, document.sale_id, self.manager)
            if self.since_z >= self.per_shift:
                with mock.patch("pos.db.health.full_check"):  # test data: no integrity pass
                    shifts.close_shift(db, terminal=self.terminal, staff_id=self.manager,
                                       counts={10000: 1})
                self.since_z = 0
            if self.progress:
                self.progress(_entries(db))
        return _entries(db)


def _entries(db) -> int:
    with db.read_connection() as conn:
        return conn.execute(select(func.count()).select_from(JournalEntry)).scalar_one()


def _copy(template, number: int, sequence: int, shift: int, at):
    serial = f"LC{number:09d}"
    card_no = f"LC{number:09d}"
    lines = tuple(replace(line, serial=serial) if line.serial else line
                  for line in template.lines)
    cards = tuple(replace(card, card_no=card_no, unit_serial=serial if card.unit_serial else None)
                  for card in template.cards)
    return replace(template, receipt_no=f"LC-{number:09d}", cart_uuid=str(uuid.uuid4()),
                   sequence=sequence, shift_id=shift, completed_at=at, lines=lines,
                   cards=cards)


def _refund(db, sale_id: int, manager: int) -> None:
    with db.read_connection() as conn:
        receipt = conn.execute(select(Sale.receipt_no).where(Sale.id == sale_id)).scalar_one()
    back = returns.quote_refund(db, receipt_no=receipt, items=[ReturnItem(CARD_LINE, 1)])
    returns.refund(db, receipt_no=receipt, staff_id=manager, items=[ReturnItem(CARD_LINE, 1)],
                   tenders=[TenderInput("cash", back)])
