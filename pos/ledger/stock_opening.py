"""A store's quantities set outright, as OPENING stock documents: a catalog import's
`stock` column, `pos stock import`, a product added at the till with what is in the
manager's hand, and the upgrade that first kept stock per store (`adopt_products`).

Each document moves the difference between what the store holds and what is set, so
the quantities stay the sum of their movements; one document holds at most CHUNK lines
(a catalog of 100,000 products seals a few documents, not one of megabytes).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import select, text

from pos.db.models import Store, StoreStock, Terminal
from pos.kernel.clock import utcnow
from pos.kernel.enums import Bucket, StockDocKind, StockReason
from pos.ledger.stock_documents import StockDocument, StockLine, stock_doc_number
from pos.ledger.stock_tables import next_store_number, write_stock_document

CHUNK = 50_000  # lines of one opening document
_READ = 5_000  # products whose quantity is read at a time


def set_store_stock(conn, *, store_id: int, quantities: dict[int, int], staff_id: int | None,
                    terminal_id: int | None = None, note: str = "",
                    posted_at: datetime | None = None, chunk: int = CHUNK) -> list[str]:
    """Set the store's on-hand of each product (id -> quantity, 0 or more) inside the
    caller's transaction; returns the numbers of the documents sealed (none when
    nothing changes)."""
    current: dict[int, int] = {}
    ids = sorted(quantities)
    for start in range(0, len(ids), _READ):
        part = ids[start:start + _READ]
        current.update(conn.execute(select(StoreStock.product_id, StoreStock.on_hand).where(
            StoreStock.store_id == store_id, StoreStock.product_id.in_(part))).all())
    changes = [(pid, quantities[pid], current.get(pid, 0)) for pid in ids
               if quantities[pid] != current.get(pid, 0)]
    return _seal(conn, store_id, changes, staff_id=staff_id, terminal_id=terminal_id,
                 note=note, posted_at=posted_at or utcnow(), chunk=chunk)


def _seal(conn, store_id: int, changes: list[tuple[int, int, int]], *, staff_id, terminal_id,
          note: str, posted_at: datetime, chunk: int, first_sale_id: int | None = None,
          ) -> list[str]:
    code = conn.execute(select(Store.code).where(Store.id == store_id)).scalar_one()
    numbers = []
    parts = [changes[i:i + chunk] for i in range(0, len(changes), chunk)]
    if not parts and first_sale_id is not None:
        parts = [[]]
    for part in parts:
        number = stock_doc_number(code, StockDocKind.OPENING,
                                  next_store_number(conn, store_id, StockDocKind.OPENING))
        lines = tuple(StockLine(position, store_id, pid, Bucket.ON_HAND, quantity - held,
                                expected=held, counted=quantity, reason=StockReason.OPENING)
                      for position, (pid, quantity, held) in enumerate(part, 1))
        write_stock_document(conn, StockDocument(
            kind=StockDocKind.OPENING, doc_no=number, store_id=store_id,
            business_date=date.today(), posted_at=posted_at, request_id=str(uuid.uuid4()),
            lines=lines, staff_id=staff_id, terminal_id=terminal_id, reason=StockReason.OPENING,
            note=note[:200], first_sale_id=first_sale_id), negative_stock_allowed=lambda: True)
        numbers.append(number)
    return numbers


def home_store(conn) -> int | None:
    """The store a single-store database's stock belongs to: its first till's, else its
    first store."""
    found = conn.execute(select(Terminal.store_id).order_by(Terminal.id).limit(1)).scalar()
    if found is None:
        found = conn.execute(select(Store.id).order_by(Store.id).limit(1)).scalar()
    return found


def adopt_products(conn) -> None:
    """The upgrade to stock per store (revision 0014), inside the migration: each
    product's one chain-wide quantity becomes the home store's opening stock, and the
    first document says which sales already moved stock the old way (those before it
    have no movements of their own). Nothing to adopt in a new, empty database, nor in
    one whose setup stopped before its store was made (setup imports the catalog first):
    running the setup again sets the store's stock from its catalog file."""
    stock = conn.execute(text("SELECT id, stock FROM products WHERE stock <> 0 "
                              "ORDER BY id")).all()
    last_sale = conn.execute(text("SELECT max(id) FROM sales")).scalar()
    if not stock and last_sale is None:
        return
    store_id = home_store(conn)
    if store_id is None:  # no store, so no till and no sale either
        return
    _seal(conn, store_id, [(pid, quantity, 0) for pid, quantity in stock], staff_id=None,
          terminal_id=None, note="adopted at upgrade", posted_at=utcnow(), chunk=CHUNK,
          first_sale_id=(last_sale or 0) + 1)
