"""A store's day for the tamper tests: sales with a service card and serials, a card
refunded, a sale voided, cash paid out, a setting changed, a shift closed with its Z
report, and a sale in the next shift. Also what an attacker who can edit the database
(but has no key) does to cover their tracks: recompute the chain."""

from sqlalchemy import text

from pos.aftersale import returns, voids
from pos.aftersale.returns import ReturnItem
from pos.day import shifts
from pos.ledger import chain
from pos.ledger.head import head_mac
from pos.printjobs import print_queue
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import new_cart, staff_id
from tests.integration.test_corrections import notebook_sale, notebook_sale_again


def a_day(db) -> dict:
    manager = staff_id(db, "manager")
    first = notebook_sale(db)  # notebook SN-RET-1, bag, gold card, 2 cleaning kits
    second = notebook_sale_again(db)  # notebook SN-RET-2, card declined
    card_line = 3  # the gold card on the first receipt
    back = returns.quote_refund(db, receipt_no=first.receipt_no, items=[ReturnItem(card_line, 1)])
    refund = returns.refund(db, receipt_no=first.receipt_no, staff_id=manager,
                            items=[ReturnItem(card_line, 1)],
                            tenders=[TenderInput("cash", back)])
    cart = new_cart(db)
    checkout.add_product(db, cart, code="BAG-NB-156")
    third = completion.complete_sale(db, cart, tenders=[TenderInput("cash", 100000)])
    void = voids.void_sale(db, receipt_no=third.receipt_no, staff_id=manager)
    shifts.move_cash(db, terminal="T01", staff_id=manager, amount=-5000, reason="courier")
    print_queue.set_printer_config(db, terminal="T01", paper_mm=58)
    z = shifts.close_shift(db, terminal="T01", staff_id=manager, counts={10000: 10})
    cart = new_cart(db)
    checkout.add_product(db, cart, code="BAG-NB-156")
    fourth = completion.complete_sale(db, cart, tenders=[TenderInput("cash", 100000)])
    stock = stock_documents(db)
    return {**stock, "first": first.receipt_no, "second": second.receipt_no, "refund": refund.receipt_no,
            "third": third.receipt_no, "void": void.receipt_no, "z": z.z_number,
            "fourth": fourth.receipt_no, "card": first.card_numbers[0]}


def stock_documents(db) -> dict:
    """A second store S02; goods received at S01 from a supplier (bags at a cost, two
    notebooks by serial); a transfer of a bag and a notebook to S02, received there."""
    from datetime import date
    from uuid import uuid4

    from sqlalchemy import select

    from pos.db.models import Product, Store
    from pos.kernel.clock import utcnow
    from pos.kernel.enums import Bucket, StockDocKind, StockReason
    from pos.ledger.stock_documents import StockDocument, StockLine, stock_doc_number
    from pos.ledger.stock_tables import next_store_number, write_stock_document

    with db.write_connection() as conn:
        conn.execute(text("INSERT INTO stores (code, name, address, phone, tax_id, currency, "
                          "locale, receipt_footer) VALUES ('S02', 'East', '', '', '', 'CNY', "
                          "'en', '')"))
        s01, s02 = (conn.execute(select(Store.id).where(Store.code == code)).scalar_one()
                    for code in ("S01", "S02"))
        bag, notebook = (conn.execute(select(Product.id).where(Product.sku == sku)).scalar_one()
                         for sku in ("BAG-NB-156", "NB-LEN-XXPRO14"))

        def post(kind, store, lines, **more):
            number = stock_doc_number("S01" if store == s01 else "S02", kind,
                                      next_store_number(conn, store, kind))
            write_stock_document(conn, StockDocument(
                kind=kind, doc_no=number, store_id=store, business_date=date.today(),
                posted_at=utcnow(), request_id=str(uuid4()), lines=tuple(lines), **more))
            return number

        received = post(StockDocKind.RECEIPT, s01, [
            StockLine(1, s01, bag, Bucket.ON_HAND, 5, unit_cost=9900),
            StockLine(2, s01, notebook, Bucket.ON_HAND, 1, "GR-1", 470050),
            StockLine(3, s01, notebook, Bucket.ON_HAND, 1, "GR-2", 470050)],
            reason=StockReason.SUPPLIER, supplier="Lenovo", supplier_ref="DN-7")
        sent = post(StockDocKind.TRANSFER_OUT, s01, [
            StockLine(1, s01, bag, Bucket.ON_HAND, -2, reason=StockReason.TRANSFER),
            StockLine(2, s02, bag, Bucket.TRANSIT, 2, reason=StockReason.TRANSFER),
            StockLine(3, s01, notebook, Bucket.ON_HAND, -1, "GR-2", reason=StockReason.TRANSFER),
            StockLine(4, s02, notebook, Bucket.TRANSIT, 1, "GR-2", reason=StockReason.TRANSFER)],
            other_store_id=s02, reason=StockReason.TRANSFER)
        arrived = post(StockDocKind.TRANSFER_IN, s02, [
            StockLine(1, s02, bag, Bucket.TRANSIT, -2, reason=StockReason.TRANSFER),
            StockLine(2, s02, bag, Bucket.ON_HAND, 2, reason=StockReason.TRANSFER),
            StockLine(3, s02, notebook, Bucket.TRANSIT, -1, "GR-2", reason=StockReason.TRANSFER),
            StockLine(4, s02, notebook, Bucket.ON_HAND, 1, "GR-2", reason=StockReason.TRANSFER)],
            other_store_id=s01, transfer_no=sent, reason=StockReason.TRANSFER)
    return {"received": received, "sent": sent, "arrived": arrived}


def rechain(connection, *, from_seq: int = 1, with_key: bool = False) -> None:
    """Recompute every entry's hash from `from_seq` on, as someone who knows the
    algorithm (it is in the source) would, and point every row's seal and the head at
    the new hashes. Without the key the head's MAC cannot be made; `with_key` stands
    for a thief who also has the store's key."""
    entries = connection.execute(text(
        "SELECT seq, doc_type, doc_ref, payload, prev_hash, hash, created_at, version "
        "FROM journal_entries ORDER BY seq")).all()
    previous = chain.GENESIS
    for entry in entries:
        if entry.seq < from_seq:
            previous = entry.hash
            continue
        created_at = _as_datetime(entry.created_at)
        digest = chain.entry_hash(version=entry.version, prev_hash=previous, seq=entry.seq,
                                  doc_type=entry.doc_type, doc_ref=entry.doc_ref,
                                  created_at=created_at, payload=entry.payload)
        connection.execute(text("UPDATE journal_entries SET prev_hash = :p, hash = :h "
                                "WHERE seq = :s"), {"p": previous, "h": digest, "s": entry.seq})
        for table in ("sales", "audit_events", "shifts", "stock_documents"):
            connection.execute(text(f"UPDATE {table} SET journal_hash = :new "
                                    "WHERE journal_hash = :old"),
                               {"new": digest, "old": entry.hash})
        previous = digest
    last_seq = entries[-1].seq if entries else 0
    mac = head_mac(last_seq, previous) if with_key else "0" * 64
    connection.execute(text("UPDATE journal_head SET last_seq = :s, last_hash = :h, mac = :m"),
                       {"s": last_seq, "h": previous, "m": mac})


def _as_datetime(value):
    from datetime import datetime, timezone

    if isinstance(value, str):  # SQLite keeps text
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
