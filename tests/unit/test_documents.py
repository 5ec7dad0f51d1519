"""The document model's sealed form: a document rebuilt for an entry sealed as version 1
must read byte for byte as earlier versions sealed it, or every document already in a
store's journal would fail `pos journal verify`. The expected texts were sealed by the
version before the one document model (sale_documents.build_document) from the same
values. Version 2 adds the time of completion."""

from datetime import date

from pos.kernel.enums import DocumentKind, LineKind, Outcome, OutcomeSubject, Tender
from pos.ledger.chain import canonical
from pos.ledger.documents import DocCard, DocLine, DocOutcome, DocPayment, SaleDocument, totals_of

ADDON_SEALED = (
    '{"business_date":"2026-11-23","cards":[["T02-C000001",2,null,9,"SN-1","2026-11-23",null]],'
    '"cart_uuid":"uuid-1","change":6201,"customer_id":9,"discount_total":0,"kind":"addon",'
    '"lines":[{"discount":0,"kind":"accessory","line_total":39900,"list_price":39900,'
    '"name":"电脑包","override_reason":null,"pack":null,"parent":null,"parent_line":41,'
    '"position":1,"product_id":11,"quantity":1,"seller_id":3,"serial":null,"sku":"BAG-1",'
    '"tier_id":null,"unit_cost":20000,"unit_price":39900,"vat_rate_bp":1300},{"discount":0,'
    '"kind":"card","line_total":39900,"list_price":39900,"name":"Gold card",'
    '"override_reason":null,"pack":null,"parent":null,"parent_line":41,"position":2,'
    '"product_id":null,"quantity":1,"seller_id":3,"serial":null,"sku":"CARD-GOLD","tier_id":2,'
    '"unit_cost":0,"unit_price":39900,"vat_rate_bp":600}],"original":"T01-000005",'
    '"outcomes":[[null,"service_card","service-card","sold",2],[null,"sheet_item","bag","sold",1]],'
    '"payments":[[1,"on_account",690000,"PO-7",null,"2026-12-23"],[2,"cash",10000,null,null,null]],'
    '"receipt_no":"T01-000007","sequence":7,"staff_id":3,"tendered":700000,"terminal_id":1,'
    '"total":693799,"vat_total":79999}')

REFUND_SEALED = (
    '{"business_date":"2026-11-24","cards":[],"cart_uuid":"uuid-2","change":0,"customer_id":9,'
    '"discount_total":0,"kind":"refund","lines":[{"discount":0,"kind":"main_unit",'
    '"line_total":-649900,"list_price":649900,"name":"Notebook","original_line":41,'
    '"override_reason":null,"pack":null,"parent":null,"position":1,"product_id":5,'
    '"quantity":-1,"seller_id":4,"serial":"SN-1","sku":"NB-1","tier_id":null,'
    '"unit_cost":500000,"unit_price":649900,"vat_rate_bp":1300}],"original":"T01-000005",'
    '"outcomes":[],"payments":[[1,"cash",-649900,null,null,null]],"receipt_no":"T01-000008",'
    '"sequence":8,"staff_id":3,"tendered":-649900,"terminal_id":1,"total":-649900,'
    '"vat_total":-74767}')


def line(position, kind, sku, name, product_id, tier_id, quantity, price, cost, vat, **more):
    return DocLine(position=position, kind=kind, sku=sku, name=name, product_id=product_id,
                   tier_id=tier_id, parent=None, quantity=quantity, list_price=price,
                   unit_price=price, discount=0, line_total=price * quantity, unit_cost=cost,
                   vat_rate_bp=vat, serial=more.pop("serial", None), pack=None,
                   override_reason=None, seller_id=more.pop("seller", 3), **more)


def test_an_add_on_is_sealed_exactly_as_before():
    document = SaleDocument(
        kind=DocumentKind.ADDON, receipt_no="T01-000007", cart_uuid="uuid-1", terminal_id=1,
        sequence=7, staff_id=3, customer_id=9, business_date=date(2026, 11, 23),
        total=693799, discount_total=0, vat_total=79999, tendered=700000, change=6201,
        lines=(line(1, LineKind.ACCESSORY, "BAG-1", "电脑包", 11, None, 1, 39900, 20000, 1300,
                    parent_line=41, sheet_item_id=77),
               line(2, LineKind.CARD, "CARD-GOLD", "Gold card", None, 2, 1, 39900, 0, 600,
                    parent_line=41)),
        outcomes=(DocOutcome(None, OutcomeSubject.SHEET_ITEM, "bag", Outcome.SOLD, 1, 77, "Bag",
                             41, True),
                  DocOutcome(None, OutcomeSubject.SERVICE_CARD, "service-card", Outcome.SOLD, 2,
                             None, "Service card", 41, True)),
        payments=(DocPayment(2, Tender.CASH, 10000),
                  DocPayment(1, Tender.ON_ACCOUNT, 690000, "PO-7", None, date(2026, 12, 23))),
        cards=(DocCard("T02-C000001", 2, None, 9, "SN-1", date(2026, 11, 23), None, 2, 41),),
        original_receipt="T01-000005", original_sale_id=5, shift_id=3)
    assert canonical(document.payload(version=1)) == ADDON_SEALED


def test_a_refund_is_sealed_exactly_as_before_with_its_totals_from_its_lines():
    lines = (line(1, LineKind.MAIN_UNIT, "NB-1", "Notebook", 5, None, -1, 649900, 500000, 1300,
                  serial="SN-1", seller=4, original_line=41),)
    totals = totals_of(lines)
    document = SaleDocument(
        kind=DocumentKind.REFUND, receipt_no="T01-000008", cart_uuid="uuid-2", terminal_id=1,
        sequence=8, staff_id=3, customer_id=9, business_date=date(2026, 11, 24),
        total=totals.total, discount_total=totals.discount_total, vat_total=totals.vat_total,
        tendered=-649900, change=0, lines=lines,
        payments=(DocPayment(1, Tender.CASH, -649900),), original_receipt="T01-000005")
    assert canonical(document.payload(version=1)) == REFUND_SEALED


def test_version_2_seals_the_time_of_completion_too():
    from datetime import datetime, timezone

    lines = (line(1, LineKind.ACCESSORY, "BAG-1", "Bag", 11, None, 1, 39900, 20000, 1300),)
    totals = totals_of(lines)
    document = SaleDocument(
        kind=DocumentKind.SALE, receipt_no="T01-000009", cart_uuid="uuid-3", terminal_id=1,
        sequence=9, staff_id=3, customer_id=None, business_date=date(2026, 12, 1),
        total=totals.total, discount_total=0, vat_total=totals.vat_total, tendered=39900,
        change=0, lines=lines, payments=(DocPayment(1, Tender.CASH, 39900),),
        completed_at=datetime(2026, 12, 1, 8, 30, 5, 123456, tzinfo=timezone.utc))
    assert document.payload(version=2)["completed_at"] == "2026-12-01T08:30:05.123456"
    assert "completed_at" not in document.payload(version=1)
