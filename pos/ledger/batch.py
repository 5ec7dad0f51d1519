"""The rows of a batch of journal entries' documents, read at once for `journal verify`
(pos.ledger.verify): the sales the entries name, with the receipt each correction
refers to, then their lines, sheet outcomes, payments and cards, one query per table
for the whole batch, and the audit events the batch names. Documents are rebuilt from
these rows exactly as pos.ledger.tables reads one (stored_from_rows)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy import Enum, String, bindparam, select, type_coerce

from pos.db.models import AuditEvent
from pos.kernel.enums import DocumentKind
from pos.ledger import account_entries
from pos.ledger.tables import (
    CARD_ROW, CARDS, LINE_ROW, LINES, OUTCOME_ROW, OUTCOMES, PAYMENT_ROW, PAYMENTS, SALES, Stored,
    stored_from_rows,
)

log = logging.getLogger(__name__)
SALE_TYPES = frozenset(kind.value for kind in DocumentKind)
_ORIGINAL = SALES.alias("original")
_SALES = (select(SALES, _ORIGINAL.c.receipt_no.label("original_receipt"))
          .outerjoin(_ORIGINAL, _ORIGINAL.c.id == SALES.c.original_sale_id)
          .where(SALES.c.receipt_no.in_(bindparam("receipts", expanding=True))))


def _plain(column):
    """A column as the database holds it: an enum's text is compared with what was sealed
    (the same text) without being looked up as a member first, for every row of the
    chain. An unknown value is then simply not what was sealed."""
    return type_coerce(column, String).label(column.name) if isinstance(column.type, Enum) \
        else column


def _of_sales(table, columns, *order):
    # The range as well as the list: the range is estimated from the index itself even
    # when the table has grown since the planner's statistics were taken, so the batch is
    # read through the index rather than by a scan of the whole table.
    return (select(*map(_plain, columns)).where(
        table.c.sale_id.between(bindparam("low"), bindparam("high")),
        table.c.sale_id.in_(bindparam("ids", expanding=True)))
        .order_by(table.c.sale_id, *order))


_LINES = _of_sales(LINES, LINE_ROW, LINES.c.position)
_OUTCOMES = _of_sales(OUTCOMES, OUTCOME_ROW, OUTCOMES.c.id)
_PAYMENTS = _of_sales(PAYMENTS, PAYMENT_ROW, PAYMENTS.c.position)
_CARDS = _of_sales(CARDS, CARD_ROW, CARDS.c.card_no)
_EVENTS = select(AuditEvent.__table__).where(
    AuditEvent.id.in_(bindparam("ids", expanding=True)))


@dataclass(frozen=True)
class Rows:
    sales: dict  # receipt number -> its sale row (with original_receipt)
    lines: dict  # sale id -> its rows, in order
    outcomes: dict
    payments: dict
    cards: dict
    events: dict  # audit event id -> its row
    # account document number -> (its row, the document rebuilt); only when the batch
    # holds account entries (pos.ledger.account_entries.read_batch)
    accounts: dict = field(default_factory=dict)

    def stored(self, sale) -> Stored:
        return stored_from_rows(sale, sale.original_receipt, self.lines.get(sale.id, ()),
                                self.outcomes.get(sale.id, ()), self.payments.get(sale.id, ()),
                                self.cards.get(sale.id, ()))


def read(conn, entries) -> Rows | None:
    """The rows of these entries' documents; None when some row cannot even be read
    (an edited or damaged database): then each document is read on its own, so the
    entry whose row it is gets named."""
    try:
        receipts = sorted({e.doc_ref for e in entries if e.doc_type in SALE_TYPES})
        sales = ({row.receipt_no: row for row in conn.execute(_SALES, {"receipts": receipts})}
                 if receipts else {})
        ids = sorted(row.id for row in sales.values())
        children = [_grouped(conn, statement, ids) if ids else {}
                    for statement in (_LINES, _OUTCOMES, _PAYMENTS, _CARDS)]
        event_ids = sorted({int(e.doc_ref[1:]) for e in entries if e.doc_type == "audit"
                            and e.doc_ref.startswith("A") and e.doc_ref[1:].isdigit()})
        events = ({row.id: row for row in conn.execute(_EVENTS, {"ids": event_ids})}
                  if event_ids else {})
        accounts = sorted({e.doc_ref for e in entries if e.doc_type == "account"})
        accounts = account_entries.read_batch(conn, accounts) if accounts else {}
    except Exception:  # noqa: BLE001 - read one by one, to name the entry
        log.warning("a batch of documents could not be read at once", exc_info=True)
        return None
    return Rows(sales, *children, events, accounts)


def _grouped(conn, statement, ids) -> dict:
    grouped: dict[int, list] = {}
    for row in conn.execute(statement, {"ids": ids, "low": ids[0], "high": ids[-1]}).all():
        rows = grouped.get(row[0])  # its sale
        if rows is None:
            rows = grouped[row[0]] = []
        rows.append(row)
    return grouped
