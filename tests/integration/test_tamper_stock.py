"""Stock edited behind the till's back is named by `journal verify` (issue 18): each
store's quantities are the sum of sealed movements, each movement is a line of a sealed
stock document or what its sale line says, each serial unit stands where its last
movement put it."""

import pytest
from sqlalchemy import text

from pos.ledger import verify
from tests.integration.test_tamper import day, tampered  # noqa: F401 - the fixture and helper

BAG_AT = ("product_id = (SELECT id FROM products WHERE sku = 'BAG-NB-156') AND store_id = "
          "(SELECT id FROM stores WHERE code = '{store}')")


def test_a_received_quantity_edited_is_named(day):
    db, refs = day
    problem = tampered(db, "UPDATE stock_moves SET qty = qty + 1 WHERE position = 1 AND "
                       "doc_id = (SELECT id FROM stock_documents WHERE doc_no = :d)",
                       d=refs["received"])
    assert f"stock document {refs['received']} was altered" in problem


def test_a_received_quantity_edited_with_the_stock_to_match_is_still_named(day):
    db, refs = day
    problem = tampered(db, "UPDATE stock_moves SET qty = qty + 1 WHERE position = 1 AND "
                       "doc_id = (SELECT id FROM stock_documents WHERE doc_no = :d)",
                       "UPDATE store_stock SET on_hand = on_hand + 1 WHERE "
                       + BAG_AT.format(store="S01"), d=refs["received"])
    assert f"stock document {refs['received']} was altered" in problem


def test_the_supplier_edited_is_named(day):
    db, refs = day
    problem = tampered(db, "UPDATE stock_documents SET supplier = 'Other' WHERE doc_no = :d",
                       d=refs["received"])
    assert f"stock document {refs['received']} was altered" in problem


def test_a_sale_movement_deleted_with_the_stock_put_back_is_named(day):
    db, refs = day
    problem = tampered(
        db, "UPDATE store_stock SET on_hand = on_hand + 1 WHERE " + BAG_AT.format(store="S01"),
        "DELETE FROM stock_moves WHERE sale_line_id = (SELECT l.id FROM sale_lines l JOIN "
        "sales s ON s.id = l.sale_id WHERE s.receipt_no = :r AND l.sku = 'BAG-NB-156')",
        r=refs["fourth"])
    assert f"a line of {refs['fourth']} has no stock movement" in problem


def test_a_sale_movement_moved_to_another_store_is_named(day):
    db, refs = day
    problem = tampered(
        db, "UPDATE stock_moves SET store_id = (SELECT id FROM stores WHERE code = 'S02') "
        "WHERE sale_line_id = (SELECT l.id FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
        "WHERE s.receipt_no = :r AND l.sku = 'BAG-NB-156')", r=refs["fourth"])
    assert f"a stock movement of {refs['fourth']} is not what its sale line says" in problem


def test_a_sold_unit_put_back_in_stock_is_named(day):
    db, _ = day
    problem = tampered(db, "UPDATE serial_units SET state = 'in_stock' WHERE serial = 'SN-RET-2'")
    assert "serial SN-RET-2, sold and never taken back, is no longer marked sold" in problem


def test_a_unit_in_stock_marked_sold_is_named(day):
    db, _ = day
    problem = tampered(db, "UPDATE serial_units SET state = 'sold' WHERE serial = 'GR-1'")
    assert problem == ("serial GR-1 is sold at S01, but its sealed movements make it in_stock "
                       "at S01")


def test_a_unit_moved_to_another_store_is_named(day):
    db, _ = day
    problem = tampered(db, "UPDATE serial_units SET store_id = (SELECT id FROM stores WHERE "
                       "code = 'S01') WHERE serial = 'GR-2'")
    assert "serial GR-2 is in_stock at S01" in problem and "in_stock at S02" in problem


def test_stock_in_transit_edited_is_named(day):
    db, _ = day
    problem = tampered(db, "UPDATE store_stock SET in_transit = 3 WHERE "
                       + BAG_AT.format(store="S02"))
    assert "the stock of BAG-NB-156 in transit to S02 is 3" in problem


def test_a_transfer_received_then_deleted_is_named(day):
    """Deleting what a store received (to hide that it arrived) leaves its entry naming
    it."""
    db, refs = day
    problem = tampered(
        db, "UPDATE serial_units SET last_move_id = NULL WHERE serial = 'GR-2'",
        "DELETE FROM stock_moves WHERE doc_id = (SELECT id FROM stock_documents WHERE "
        "doc_no = :d)", "DELETE FROM stock_documents WHERE doc_no = :d", d=refs["arrived"])
    assert f"stock document {refs['arrived']} was deleted" in problem


def test_a_stock_document_added_by_hand_is_named(day):
    db, _ = day
    problem = tampered(
        db, "INSERT INTO stock_documents (doc_no, kind, store_id, note, business_date, "
        "posted_at, request_id, journal_hash) SELECT 'S01-AD-000009', 'adjust', id, '', "
        "'2026-12-01', '2026-12-01 10:00:00', 'x-1', 'none' FROM stores WHERE code = 'S01'")
    assert "stock document S01-AD-000009 is not in the journal" in problem


def test_a_movement_added_to_a_sealed_document_is_named(day):
    db, refs = day
    problem = tampered(
        db, "INSERT INTO stock_moves (doc_id, position, store_id, product_id, bucket, qty, at) "
        "SELECT d.id, 99, d.store_id, p.id, 'on_hand', 3, d.posted_at FROM stock_documents d, "
        "products p WHERE d.doc_no = :d AND p.sku = 'BAG-NB-156'", d=refs["received"])
    assert f"stock document {refs['received']} was altered" in problem


def test_a_stock_documents_anchor_proves_the_journal_holds_it(day):
    from pos.ledger import chain

    db, refs = day
    with db.read() as session:
        digest = session.scalar(text("SELECT journal_hash FROM stock_documents WHERE doc_no = :d"),
                                {"d": refs["arrived"]})
    result = verify.verify(db, anchor=chain.anchor_code(digest))
    assert result.ok and result.anchor_found
    found = verify.verify(db, from_anchor=chain.anchor_code(digest))
    assert found.ok and found.from_seq is not None


def test_the_ledger_seals_a_transfer_received_only_once_and_only_a_sent_one(day):
    """The ledger itself (not only the service) refuses a TRANSFER_IN naming a document
    that is not a sent transfer, one for another store, or one received already."""
    from datetime import date
    from uuid import uuid4

    from sqlalchemy import select

    from pos.db.models import Product, Store
    from pos.kernel.clock import utcnow
    from pos.kernel.enums import Bucket, StockDocKind
    from pos.kernel.errors import UserError
    from pos.ledger.stock_documents import StockDocument, StockLine
    from pos.ledger.stock_tables import write_stock_document

    db, refs = day
    with db.read_connection() as conn:
        s01, s02 = (conn.execute(select(Store.id).where(Store.code == c)).scalar_one()
                    for c in ("S01", "S02"))
        bag = conn.execute(select(Product.id).where(Product.sku == "BAG-NB-156")).scalar_one()

    def receive(transfer_no, store):
        document = StockDocument(
            kind=StockDocKind.TRANSFER_IN, doc_no=f"X-TI-{uuid4().hex[:8]}", store_id=store,
            business_date=date.today(), posted_at=utcnow(), request_id=str(uuid4()),
            lines=(StockLine(1, store, bag, Bucket.ON_HAND, 1),), transfer_no=transfer_no)
        with pytest.raises(UserError) as refused, db.write_connection() as conn:
            write_stock_document(conn, document)
        return refused.value.message_id

    assert receive(refs["received"], s02) == "stock.transfer_unknown"  # a goods receipt
    assert receive(refs["sent"], s01) == "stock.transfer_not_for_store"
    assert receive(refs["sent"], s02) == "stock.transfer_already_received"
    assert verify.verify(db).ok
