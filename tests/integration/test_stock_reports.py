"""The stock reports (pos.stock.reports) on a small known history at a store of their
own, on SQLite and PostgreSQL: every figure is worked out by hand from the history
below, not by the same query. Then the CSV, the PDF (text extracted, fonts embedded;
English and Chinese) and `pos report stock-…`.

The history at store S09 (till T09), with costs set to round figures:
  40 days ago  opening: bag 5, kit 10; receipt: notebooks NB-A, NB-B
   5 days ago  receipt: bag 3, notebook NB-C
   3 days ago  transfer sent to S01: kit 2
   today       sales: bag 2, kit 1, notebook NB-A; a return of one bag
So now: bag 7, kit 7, notebooks NB-B and NB-C (2)."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from pos.aftersale import returns
from pos.db.models import Product, Store
from pos.kernel.enums import Bucket, StockDocKind, StockReason
from pos.kernel.errors import UserError
from pos.ledger import verify
from pos.ledger.stock_documents import StockDocument, StockLine, stock_doc_number
from pos.ledger.stock_opening import set_store_stock
from pos.ledger.stock_tables import next_store_number, write_stock_document
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from pos.stock import report_csv, reports
from pos.store.details import ensure_store
from tests.integration.checkout_helpers import staff_id

BAG, KIT, NB = "BAG-NB-156", "PRO-CLN-PC", "NB-LEN-XXPRO14"
COST = {BAG: 20_000, KIT: 1_000, NB: 400_000}
NOW = datetime.now(timezone.utc)
TODAY = date.today()


def _ids(conn):
    products = dict(conn.execute(select(Product.sku, Product.id)
                                 .where(Product.sku.in_(list(COST)))).all())
    stores = dict(conn.execute(select(Store.code, Store.id)).all())
    return products, stores


def post(conn, kind, store_id, lines, *, at, other=None, staff=None):
    code = conn.execute(select(Store.code).where(Store.id == store_id)).scalar_one()
    number = stock_doc_number(code, kind, next_store_number(conn, store_id, kind))
    write_stock_document(conn, StockDocument(
        kind=kind, doc_no=number, store_id=store_id, business_date=at.astimezone().date(),
        posted_at=at, request_id=str(uuid.uuid4()),
        lines=tuple(StockLine(i, *line) for i, line in enumerate(lines, 1)),
        other_store_id=other, staff_id=staff,
        supplier="Supplier Co." if kind is StockDocKind.RECEIPT else None,
        supplier_ref="DN-1" if kind is StockDocKind.RECEIPT else None))
    return number


def sell(db, lines, terminal="T09"):
    cart = checkout.open_cart(db, staff_id=staff_id(db, "cashier"), terminal=terminal)
    for sku, serial in lines:
        line = checkout.add_product(db, cart, code=sku)
        if serial:
            checkout.set_serial(db, cart, line_id=line.line_id, serial=serial)
    return completion.complete_sale(db, cart, tenders=[TenderInput(
        "cash", sum(line.total for line in cart.lines))])


@pytest.fixture
def history(demo_db):
    """The known history above; returns the database and the numbers it made."""
    db = demo_db
    ensure_store(db, code="S09", name="Known store", terminal="T09")
    manager = staff_id(db, "manager")
    made = {}
    with db.write_connection() as conn:
        conn.execute(update(Product).where(Product.sku == BAG).values(cost=COST[BAG]))
        conn.execute(update(Product).where(Product.sku == KIT).values(cost=COST[KIT]))
        conn.execute(update(Product).where(Product.sku == NB).values(cost=COST[NB]))
        p, s = _ids(conn)
        here, s01 = s["S09"], s["S01"]
        made["opening"] = set_store_stock(conn, store_id=here, quantities={p[BAG]: 5, p[KIT]: 10},
                                          staff_id=manager, posted_at=NOW - timedelta(days=40))
        on, supplier = Bucket.ON_HAND, StockReason.SUPPLIER
        made["old_receipt"] = post(conn, StockDocKind.RECEIPT, here, [
            (here, p[NB], on, 1, "NB-A", 390_000, None, None, supplier),
            (here, p[NB], on, 1, "NB-B", 390_000, None, None, supplier)],
            at=NOW - timedelta(days=40), staff=manager)
        made["receipt"] = post(conn, StockDocKind.RECEIPT, here, [
            (here, p[BAG], on, 3, None, 19_000, None, None, supplier),
            (here, p[NB], on, 1, "NB-C", 395_000, None, None, supplier)],
            at=NOW - timedelta(days=5), staff=manager)
        made["transfer"] = post(conn, StockDocKind.TRANSFER_OUT, here, [
            (here, p[KIT], on, -2, None, None, None, None, StockReason.TRANSFER),
            (s01, p[KIT], Bucket.TRANSIT, 2, None, None, None, None, StockReason.TRANSFER)],
            at=NOW - timedelta(days=3), other=s01, staff=manager)
    bags = sell(db, [(BAG, None), (BAG, None), (KIT, None)])
    made["bags"] = bags.receipt_no
    made["notebook"] = sell(db, [(NB, "NB-A")]).receipt_no
    made["refund"] = returns.refund(db, receipt_no=bags.receipt_no, staff_id=manager,
                                    items=[returns.ReturnItem(1, 1)],  # the bags' line
                                    back_in="cash").receipt_no
    return db, made


# --- the figures ------------------------------------------------------------------------

def test_stock_value_is_on_hand_at_cost_per_store_and_category(history):
    db, _ = history
    report = reports.stock_value(db, store="S09")
    (store,) = report.stores
    assert (store.store, store.units, store.value) == ("S09", 16, 7 * 20_000 + 7 * 1_000
                                                       + 2 * 400_000)
    assert {c.category: (c.units, c.value) for c in store.categories} == {
        "BAGS": (7, 140_000), "PROTECTION": (7, 7_000), "NOTEBOOK": (2, 800_000)}
    assert (report.units, report.value) == (16, 947_000)
    every = reports.stock_value(db)
    assert [s for s in every.stores if s.store == "S09"] == [store]
    assert every.value == sum(s.value for s in every.stores) > store.value
    assert sum(c.value for c in every.categories) == every.value
    assert verify.verify(db).ok


def test_the_movements_of_a_period_name_their_documents(history):
    db, made = history
    report = reports.movements(db, store="S09", start=TODAY - timedelta(days=6), end=TODAY)
    got = [(r.document, r.kind, r.sku, r.qty, r.serial) for r in report.rows]
    assert got[:3] == [(made["receipt"], "receipt", BAG, 3, None),
                       (made["receipt"], "receipt", NB, 1, "NB-C"),
                       (made["transfer"], "transfer_out", KIT, -2, None)]
    assert got[3:] == [(made["bags"], "sale", BAG, -2, None), (made["bags"], "sale", KIT, -1, None),
                       (made["notebook"], "sale", NB, -1, "NB-A"),
                       (made["refund"], "refund", BAG, 1, None)]
    assert report.rows[0].reason is StockReason.SUPPLIER
    assert all(r.store == "S09" for r in report.rows)  # the transfer's S01 line is S01's
    receipts = reports.movements(db, store="S09", start=TODAY - timedelta(days=60), end=TODAY,
                                 kind="receipt")
    assert [(r.document, r.serial) for r in receipts.rows] == [
        (made["old_receipt"], "NB-A"), (made["old_receipt"], "NB-B"),
        (made["receipt"], None), (made["receipt"], "NB-C")]
    sales = reports.movements(db, store="S09", start=TODAY, end=TODAY, kind="sale")
    assert {r.document for r in sales.rows} == {made["bags"], made["notebook"], made["refund"]}
    assert reports.movements(db, store="S09", start=TODAY - timedelta(days=2),
                             end=TODAY - timedelta(days=1)).rows == ()
    everywhere = reports.movements(db, start=TODAY - timedelta(days=3), end=TODAY - timedelta(days=3))
    assert {(r.store, r.qty) for r in everywhere.rows if r.document == made["transfer"]} == {
        ("S09", -2), ("S01", 2)}


def test_aged_stock_serial_units_by_arrival_and_the_rest_first_in_first_out(history):
    db, _ = history
    month = reports.aged_stock(db, store="S09", days=30)
    assert {(r.sku, r.serial, r.qty) for r in month.rows} == {
        (NB, "NB-B", 1), (BAG, None, 3), (KIT, None, 7)}
    unit = next(r for r in month.rows if r.serial)
    assert abs(unit.received - (NOW - timedelta(days=40))) < timedelta(seconds=1)
    assert (month.units, month.value) == (11, 400_000 + 3 * 20_000 + 7 * 1_000)
    three = reports.aged_stock(db, store="S09", days=3)
    assert {(r.sku, r.serial, r.qty) for r in three.rows} == {
        (NB, "NB-B", 1), (NB, "NB-C", 1), (BAG, None, 6), (KIT, None, 7)}
    fresh = reports.aged_stock(db, store="S09", days=60)
    assert fresh.rows == ()
    with pytest.raises(UserError) as refusal:
        reports.aged_stock(db, store="S09", days=-1)
    assert refusal.value.message_id == "stock.aged_days_invalid"


def test_a_unit_transferred_keeps_its_age(history):
    """A unit sent to another store and received there is as old as its receipt."""
    db, _ = history
    with db.write_connection() as conn:
        p, s = _ids(conn)
        here, s01 = s["S09"], s["S01"]
        sent = post(conn, StockDocKind.TRANSFER_OUT, here, [
            (here, p[NB], Bucket.ON_HAND, -1, "NB-B", None, None, None, StockReason.TRANSFER),
            (s01, p[NB], Bucket.TRANSIT, 1, "NB-B", None, None, None, StockReason.TRANSFER)],
            at=NOW - timedelta(hours=2), other=s01)
        code = "S01"
        number = stock_doc_number(code, StockDocKind.TRANSFER_IN,
                                  next_store_number(conn, s01, StockDocKind.TRANSFER_IN))
        write_stock_document(conn, StockDocument(
            kind=StockDocKind.TRANSFER_IN, doc_no=number, store_id=s01, business_date=TODAY,
            posted_at=NOW - timedelta(hours=1), request_id=str(uuid.uuid4()), other_store_id=here,
            transfer_no=sent, lines=(
                StockLine(1, s01, p[NB], Bucket.TRANSIT, -1, "NB-B", reason=StockReason.TRANSFER),
                StockLine(2, s01, p[NB], Bucket.ON_HAND, 1, "NB-B", reason=StockReason.TRANSFER))))
    at_s01 = reports.aged_stock(db, store="S01", days=30)
    assert [(r.sku, r.serial) for r in at_s01.rows if r.serial] == [(NB, "NB-B")]
    assert [r.serial for r in reports.aged_stock(db, store="S09", days=30).rows if r.serial] == []
    assert verify.verify(db).ok


def test_sell_through_is_sold_over_what_there_was_to_sell(history):
    db, _ = history
    today = reports.sell_through(db, store="S09", start=TODAY, end=TODAY)
    assert {r.sku: (r.opening, r.received, r.sold, r.rate_bp) for r in today.rows} == {
        BAG: (8, 0, 1, 1250), KIT: (8, 0, 1, 1250), NB: (3, 0, 1, 3333)}
    week = reports.sell_through(db, store="S09", start=TODAY - timedelta(days=6), end=TODAY)
    assert {r.sku: (r.opening, r.received, r.sold, r.rate_bp) for r in week.rows} == {
        BAG: (5, 3, 1, 1250), KIT: (10, 0, 1, 1000), NB: (2, 1, 1, 3333)}
    launch = reports.sell_through(db, store="S09", start=TODAY - timedelta(days=40),
                                  end=TODAY - timedelta(days=30))
    assert {r.sku: (r.opening, r.received, r.sold, r.rate_bp) for r in launch.rows} == {
        BAG: (0, 5, 0, 0), KIT: (0, 10, 0, 0), NB: (0, 2, 0, 0)}
    with pytest.raises(UserError) as refusal:
        reports.sell_through(db, store="S09", start=TODAY, end=TODAY - timedelta(days=1))
    assert refusal.value.message_id == "report.period_backwards"


def test_a_store_or_kind_that_does_not_exist_is_refused(history):
    db, _ = history
    for call, message_id in (
            (lambda: reports.stock_value(db, store="S77"), "store.unknown"),
            (lambda: reports.movements(db, store="S09", start=TODAY, end=TODAY, kind="gift"),
             "stock.report_kind_unknown")):
        with pytest.raises(UserError) as refusal:
            call()
        assert refusal.value.message_id == message_id


# --- CSV --------------------------------------------------------------------------------

def _csv(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_csv_files_hold_the_figures(history):
    db, made = history
    value = _csv(report_csv.stock_value_csv(reports.stock_value(db, store="S09")))
    assert {"store": "S09", "category": "", "name": "total", "units": "16",
            "value_at_cost": "9470.00"} in value
    moves = _csv(report_csv.movements_csv(reports.movements(
        db, store="S09", start=TODAY - timedelta(days=6), end=TODAY)))
    assert moves[0]["document"] == made["receipt"] and moves[0]["qty"] == "3"
    assert moves[0]["reason"] == "supplier"
    aged = _csv(report_csv.aged_csv(reports.aged_stock(db, store="S09", days=30)))
    assert aged[-1]["value_at_cost"] == "4670.00"
    assert {r["serial"] for r in aged} >= {"NB-B"}
    through = _csv(report_csv.sell_through_csv(reports.sell_through(db, store="S09", start=TODAY,
                                                                  end=TODAY)))
    assert {r["sku"]: r["sell_through_pct"] for r in through} == {
        BAG: "12.50", KIT: "12.50", NB: "33.33"}


# --- PDF --------------------------------------------------------------------------------

def _pdf(data: bytes) -> str:
    from pypdf import PdfReader

    assert data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_the_pdfs_print_the_figures_in_either_language_with_their_fonts(history, locale):
    from printing import stock_reports as pdf
    from pos.kernel.money import format_money
    from tests.printing.test_pdf_fonts import assert_fonts_embedded

    db, made = history
    zh = locale == "zh_CN"
    value = pdf.stock_value_pdf(reports.stock_value(db, store="S09"), locale=locale,
                                store_name="Known store")
    text = _pdf(value)
    assert ("库存成本" if zh else "Stock at cost") in text
    assert format_money(947_000, currency="CNY", locale=locale) in text
    assert format_money(800_000, currency="CNY", locale=locale) in text  # the notebooks
    moves = pdf.movements_pdf(reports.movements(db, store="S09", start=TODAY - timedelta(days=6),
                                                end=TODAY), locale=locale)
    text = _pdf(moves)
    assert made["receipt"] in text and made["refund"] in text and "NB-C" in text
    assert ("调拨发出" if zh else "transfer sent") in text
    aged = pdf.aged_pdf(reports.aged_stock(db, store="S09", days=30), locale=locale)
    text = _pdf(aged)
    assert "NB-B" in text and format_money(467_000, currency="CNY", locale=locale) in text
    assert ("先进先出" if zh else "FIFO") in text
    through = pdf.sell_through_pdf(reports.sell_through(db, store="S09", start=TODAY, end=TODAY),
                                   locale=locale)
    text = _pdf(through)
    assert "12.50%" in text and "33.33%" in text and ("售罄率" if zh else "Sell-through") in text
    for data in (value, moves, aged, through):
        assert_fonts_embedded(data, chinese=zh)


# --- the command ------------------------------------------------------------------------

def test_the_report_command_prints_and_writes_csv_and_pdf(history, tmp_path, capsys):
    from pos.cli import main

    db, made = history

    def run(*argv):
        code = main([f"--db={db.url}", "--terminal=T09", "report", *argv])
        captured = capsys.readouterr()
        return code, captured.out + captured.err

    code, out = run("stock-value", "--store", "S09", "--csv", str(tmp_path / "v.csv"),
                    "--pdf", str(tmp_path / "v.pdf"))
    assert code == 0 and "total 16 units" in out and "9470.00" in out
    assert _csv((tmp_path / "v.csv").read_bytes())[-1]["value_at_cost"] == "9470.00"
    assert "9,470.00" in _pdf((tmp_path / "v.pdf").read_bytes())
    code, out = run("stock-moves", "--from", (TODAY - timedelta(days=6)).isoformat(),
                    "--to", TODAY.isoformat(), "--store", "S09", "--kind", "receipt")
    assert code == 0 and out.count(made["receipt"]) == 2 and made["bags"] not in out
    code, out = run("aged", "--days", "30", "--store", "S09", "--csv", str(tmp_path / "a.csv"))
    assert code == 0 and "11 units" in out and "NB-B" in out
    assert (tmp_path / "a.csv").exists()
    code, out = run("sell-through", "--from", TODAY.isoformat(), "--to", TODAY.isoformat(),
                    "--store", "S09", "--pdf", str(tmp_path / "s.pdf"))
    assert code == 0 and "33.33%" in out and "33.33%" in _pdf((tmp_path / "s.pdf").read_bytes())
    code, out = run("sell-through", "--store", "S09")
    assert code != 0 and "--from" in out
    code, out = run("stock-moves", "--from", TODAY.isoformat(), "--kind", "gift")
    assert code != 0 and "gift" in out


# --- the demo chain ---------------------------------------------------------------------

@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_the_demo_chain_has_three_stores_serial_units_and_a_transfer_received(db, locale):
    from sqlalchemy import func

    from pos.db.models import SerialUnit, StockDocument as DocRow, StoreStock
    from pos.demo import data
    from pos.demo.loader import load_demo

    load_demo(db, locale=locale, stores=True)
    with db.read_connection() as conn:
        stores = dict(conn.execute(select(Store.code, Store.name)).all())
        held = {(store, sku): qty for store, sku, qty in conn.execute(
            select(Store.code, Product.sku, StoreStock.on_hand)
            .join(Store, Store.id == StoreStock.store_id)
            .join(Product, Product.id == StoreStock.product_id))}
        units = {serial: (state, store) for serial, state, store in conn.execute(
            select(SerialUnit.serial, SerialUnit.state, Store.code)
            .join(Store, Store.id == SerialUnit.store_id))}
        kinds = dict(conn.execute(select(DocRow.kind, func.count()).group_by(DocRow.kind)).all())
    east = "Tickbox 数码 浦东东店" if locale == "zh_CN" else "Tickbox Digital, Pudong East store"
    assert sorted(stores) == ["S01", "S02", "S03"] and stores["S02"] == east
    catalog = {row["sku"]: int(row["stock"]) for row in data.products(locale)}
    assert {sku: held.get(("S01", sku), 0) for sku in catalog} == catalog  # as the data says
    assert held[("S02", "PRO-CLN-PC")] == 40 + 10 and held[("S02", "NB-LEN-XXPRO14")] == 2
    assert held[("S03", "DT-DELL-V3020")] == 3
    assert units["DEMO-XXPRO14-0001"] == ("in_stock", "S01")
    assert units["DEMO-XXPRO14-0004"] == ("in_stock", "S02")
    assert len([s for s in units if s.startswith("DEMO-")]) == 9
    assert kinds == {"opening": 3, "receipt": 2, "transfer_out": 1, "transfer_in": 1}
    aged = reports.aged_stock(db, store="S01", days=14)
    assert {r.serial for r in aged.rows if r.serial} == {
        "DEMO-XXPRO14-0001", "DEMO-XXPRO14-0002", "DEMO-BLADE7K-0001", "DEMO-BLADE7K-0002"}
    assert verify.verify(db).ok
