"""`journal verify` for stock: each stock document's entry against its rows (the
document rebuilt from them must say what was sealed), and once the walk is done the
stock tables against the sealed documents (pos.ledger.reconcile calls `problems`):

- every stock document and every movement of one is in the journal (counts agree, or
  the first other one is named);
- every movement of a sale line is what its line says (the till's store, the product,
  minus the quantity, the serial, the sale's time), and every line of a product of a
  sale since stock was kept per store has its movement;
- each store's quantities are the sum of their movements;
- each serial unit stands where its last movement put it; a unit sold before stock was
  kept per store stands sold while its sale line does.

Each check returns the problem's words, or None.
"""

from __future__ import annotations

from sqlalchemy import and_, case, func, literal, or_, select, union_all

from pos.db.models import (
    JournalEntry, Product, Sale, SaleLine, SerialUnit, Store, StoreStock, Terminal,
)
from pos.kernel.enums import Bucket
from pos.ledger.stock_documents import unit_state_after
from pos.ledger.stock_tables import DOC_ROW, DOCS, LINE_ROW, MOVES, stock_from_rows

STOCK, UNITS, LINES = StoreStock.__table__, SerialUnit.__table__, SaleLine.__table__
ENTRIES = JournalEntry.__table__
_BATCH = 2000


def _scan(conn, statement):
    return conn.execute(statement.execution_options(yield_per=_BATCH))


def check_entry(conn, entry, payload_matches) -> tuple[str | None, object]:
    """A stock entry against its document's rows: (problem or None, the document)."""
    doc = conn.execute(DOC_ROW.where(DOCS.c.doc_no == entry.doc_ref)).first()
    if doc is None:
        return f"stock document {entry.doc_ref} was deleted", None
    document = stock_from_rows(doc, conn.execute(select(*LINE_ROW).where(
        MOVES.c.doc_id == doc.id).order_by(MOVES.c.position)).all())
    if not payload_matches(document.payload(), entry.payload):
        return f"stock document {entry.doc_ref} was altered", None
    if doc.journal_hash != entry.hash:
        return f"stock document {entry.doc_ref}'s seal does not match its entry", None
    if doc.posted_at != entry.created_at:
        return f"stock document {entry.doc_ref}'s time was changed", None
    return None, document


def problems(conn, *, documents: int, lines: int, first_sale_id: int | None) -> str | None:
    return (_documents(conn, documents, lines) or _sale_moves(conn, first_sale_id)
            or _identity(conn) or _units(conn))


def _documents(conn, documents: int, lines: int) -> str | None:
    if conn.execute(select(func.count()).select_from(DOCS)).scalar_one() != documents:
        sealed = ENTRIES.alias("sealed")
        doc_no = conn.execute(select(DOCS.c.doc_no).outerjoin(sealed, and_(
            sealed.c.doc_type == "stock", sealed.c.doc_ref == DOCS.c.doc_no))
            .where(sealed.c.id.is_(None)).order_by(DOCS.c.id).limit(1)).scalar()
        return f"stock document {doc_no} is not in the journal"
    if conn.execute(select(func.count()).select_from(MOVES).where(
            MOVES.c.doc_id.is_not(None))).scalar_one() != lines:
        return "a stock movement was added to a sealed stock document"
    moved = conn.execute(select(DOCS.c.doc_no).join(MOVES, MOVES.c.doc_id == DOCS.c.id)
                         .where(MOVES.c.at != DOCS.c.posted_at).order_by(MOVES.c.id)
                         .limit(1)).scalar()
    if moved is not None:  # a movement's time is its document's
        return f"stock document {moved} was altered: a movement's time was changed"
    return None


def _sale_moves(conn, first_sale_id: int | None) -> str | None:
    """Every movement of a sale line is what the line says; every line of a product
    (of a sale since stock is kept per store) has one."""
    line = LINES.alias("line")
    wrong = or_(line.c.id.is_(None), Sale.id.is_(None),
                MOVES.c.store_id != Terminal.store_id,
                MOVES.c.product_id != line.c.product_id, MOVES.c.qty != -line.c.quantity,
                MOVES.c.bucket != Bucket.ON_HAND, MOVES.c.at != Sale.completed_at,
                MOVES.c.position.is_not(None), MOVES.c.unit_cost.is_not(None),
                MOVES.c.expected.is_not(None), MOVES.c.counted.is_not(None),
                MOVES.c.reason.is_not(None),
                func.coalesce(MOVES.c.serial, "") != _move_serial(line))
    for (receipt,) in conn.execute(
            select(Sale.receipt_no)
            .select_from(MOVES.outerjoin(line, line.c.id == MOVES.c.sale_line_id)
                         .outerjoin(Sale, Sale.id == line.c.sale_id)
                         .outerjoin(Terminal, Terminal.id == Sale.terminal_id))
            .where(MOVES.c.sale_line_id.is_not(None), or_(wrong, wrong.is_(None)))
            .order_by(MOVES.c.id).limit(1)):
        return (f"a stock movement of {receipt or 'no sealed sale'} is not what its sale "
                "line says (store, product, quantity, serial or time were changed)")
    missing = (select(Sale.receipt_no).select_from(LINES.join(Sale, Sale.id == LINES.c.sale_id)
               .outerjoin(MOVES, MOVES.c.sale_line_id == LINES.c.id))
               .where(LINES.c.product_id.is_not(None), MOVES.c.id.is_(None)))
    if first_sale_id is not None:
        missing = missing.where(Sale.id >= first_sale_id)
    receipt = conn.execute(missing.order_by(LINES.c.id).limit(1)).scalar()
    if receipt is not None:
        return f"a line of {receipt} has no stock movement: its stock was put back by hand"
    return None


def _move_serial(line):
    """pos.ledger.stock_tables.move_serial in SQL: the serial a sale line's movement
    carries ('' for none)."""
    return case((and_(line.c.serial.is_not(None), line.c.serial != "",
                      or_(line.c.quantity > 0, line.c.original_line_id.is_not(None))),
                 line.c.serial), else_=literal(""))


def _identity(conn) -> str | None:
    """Each store's quantities are the sum of their movements (rows on either side
    without the other count as zero)."""
    sums = (select(MOVES.c.store_id, MOVES.c.product_id,
                   func.sum(func.coalesce(_on_hand(), 0)).label("on_hand"),
                   func.sum(func.coalesce(_transit(), 0)).label("in_transit"))
            .group_by(MOVES.c.store_id, MOVES.c.product_id).subquery("sums"))
    kept = (select(STOCK.c.store_id, STOCK.c.product_id, STOCK.c.on_hand, STOCK.c.in_transit,
                   func.coalesce(sums.c.on_hand, 0).label("moved"),
                   func.coalesce(sums.c.in_transit, 0).label("moving"))
            .outerjoin(sums, and_(sums.c.store_id == STOCK.c.store_id,
                                  sums.c.product_id == STOCK.c.product_id))
            .where(or_(sums.c.store_id.is_(None), STOCK.c.on_hand != sums.c.on_hand,
                       STOCK.c.in_transit != sums.c.in_transit))
            .where(or_(STOCK.c.on_hand != func.coalesce(sums.c.on_hand, 0),
                       STOCK.c.in_transit != func.coalesce(sums.c.in_transit, 0))))
    lost = (select(sums.c.store_id, sums.c.product_id, literal(0), literal(0),
                   sums.c.on_hand, sums.c.in_transit)
            .outerjoin(STOCK, and_(sums.c.store_id == STOCK.c.store_id,
                                   sums.c.product_id == STOCK.c.product_id))
            .where(STOCK.c.store_id.is_(None),
                   or_(sums.c.on_hand != 0, sums.c.in_transit != 0)))
    for store_id, product_id, on_hand, in_transit, moved, moving in conn.execute(
            union_all(kept, lost).limit(1)):
        sku = conn.execute(select(Product.sku).where(Product.id == product_id)).scalar()
        store = conn.execute(select(Store.code).where(Store.id == store_id)).scalar()
        if on_hand != moved:
            return (f"the stock of {sku} at {store} is {on_hand}, but the documents sealed in "
                    f"the journal make it {moved}")
        return (f"the stock of {sku} in transit to {store} is {in_transit}, but the documents "
                f"sealed in the journal make it {moving}")
    return None


def _on_hand():
    return case((MOVES.c.bucket == Bucket.ON_HAND, MOVES.c.qty), else_=0)


def _transit():
    return case((MOVES.c.bucket == Bucket.TRANSIT, MOVES.c.qty), else_=0)


def _units(conn) -> str | None:
    """Each unit where its last movement put it; each movement's serial a unit's."""
    last = MOVES.alias("last")
    for serial, state, store_id, sale_line_id, product_id, m_product, m_serial, m_sale_line, \
            bucket, qty, reason, m_store in _scan(conn, select(
                UNITS.c.serial, UNITS.c.state, UNITS.c.store_id, UNITS.c.sale_line_id,
                UNITS.c.product_id, last.c.product_id, last.c.serial, last.c.sale_line_id,
                last.c.bucket, last.c.qty, last.c.reason, last.c.store_id)
            .join(last, last.c.id == UNITS.c.last_move_id).order_by(UNITS.c.id)):
        from_sale = m_sale_line is not None
        expected = unit_state_after(from_sale=from_sale, bucket=Bucket(bucket), qty=qty,
                                    reason=reason)
        if (m_product, m_serial) != (product_id, serial) or state is not expected \
                or store_id != m_store or sale_line_id != (m_sale_line if from_sale else None):
            return (f"serial {serial} is {state.value} at {_store(conn, store_id)}, but its "
                    f"sealed movements make it {expected.value} at {_store(conn, m_store)}")
    stale = conn.execute(select(UNITS.c.serial).join(MOVES, and_(
        MOVES.c.product_id == UNITS.c.product_id, MOVES.c.serial == UNITS.c.serial,
        or_(UNITS.c.last_move_id.is_(None), MOVES.c.id > UNITS.c.last_move_id)))
        .order_by(UNITS.c.id).limit(1)).scalar()
    if stale is not None:
        return f"serial {stale} is not where its last sealed movement put it"
    orphan = conn.execute(select(MOVES.c.serial).outerjoin(UNITS, and_(
        MOVES.c.product_id == UNITS.c.product_id, MOVES.c.serial == UNITS.c.serial))
        .where(MOVES.c.serial.is_not(None), UNITS.c.id.is_(None))
        .order_by(MOVES.c.id).limit(1)).scalar()
    if orphan is not None:
        return f"serial {orphan} was moved by sealed documents but the store has no record of it"
    return None


def _store(conn, store_id: int | None) -> str:
    if store_id is None:
        return "no store"
    return conn.execute(select(Store.code).where(Store.id == store_id)).scalar() or f"#{store_id}"
