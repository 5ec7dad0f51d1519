"""A fixed sale, built by hand, for byte-exact receipt tests."""

from datetime import date, datetime, timezone

from pos.catalog.coverage import coverage_terms
from pos.kernel.enums import LineKind, Tender
from pos.kernel.vat import VatLine
from pos.ledger.documents import DocLine, DocPayment
from pos.printjobs.records import CardRecord, CustomerRecord, SaleRecord, StoreHeader


def line(position, kind, sku, name, quantity, list_price, unit_price, discount, total, vat_bp,
         serial, pack, parent) -> DocLine:
    return DocLine(position=position, kind=kind, sku=sku, name=name, product_id=None,
                   tier_id=None, parent=parent, quantity=quantity, list_price=list_price,
                   unit_price=unit_price, discount=discount, line_total=total, unit_cost=0,
                   vat_rate_bp=vat_bp, serial=serial, pack=pack, override_reason=None,
                   seller_id=1)


def known_sale(*, locale: str = "zh_CN") -> SaleRecord:
    store = StoreHeader("Tickbox 数码 徐家汇店", "上海市徐汇区虹桥路1号2楼", "021-6448 7000",
                        "91310104MA1FR8TK2K", "CNY", locale, "谢谢惠顾！请保留小票作为保修凭证。")
    customer = CustomerRecord("陈洁", "13800138000", "consumer", None)
    lines = (
        line(1, LineKind.MAIN_UNIT, "NB-LEN-XXPRO14", "联想小新 Pro 14 笔记本", 1, 649900, 649900,
             0, 649900, 1300, "PF3ABC12", None, None),
        line(2, LineKind.ACCESSORY, "BAG-NB-156", "Targus 15.6-inch shoulder bag", 1, 39900,
             39900, 0, 39900, 1300, None, None, 1),
        line(3, LineKind.CARD, "CARD-GOLD", "金卡", 1, 39900, 39900, 0, 39900, 600, None, None, 1),
        line(4, LineKind.ACCESSORY, "PRO-CLN-PC", "屏幕键盘清洁套装", 2, 3990, 3990, 798, 7182,
             1300, None, None, None),
    )
    # The gold card: on-site software service "from 1 to 3 years", 36 months from the sale.
    terms = coverage_terms(service_mode="on_site", scope="software", starts="sale",
                           term_months=36, warranty_months=12, start=date(2026, 11, 23),
                           end=date(2029, 11, 23))
    card = CardRecord("T01-C000001", "gold", "金卡", "上门服务由1年延长至3年", 36, "on_site", 1,
                      date(2026, 11, 23), date(2029, 11, 23), lines[0].name, "PF3ABC12", 39900,
                      customer, "T01-000001", terms)
    total = sum(line.line_total for line in lines)
    return SaleRecord(
        "T01-000001", datetime(2026, 11, 23, 6, 30, tzinfo=timezone.utc), "T01", "李娜", store,
        customer, lines, (DocPayment(1, Tender.BANK_CARD, 500000, "889911", "1234"),
                          DocPayment(2, Tender.CASH, total - 500000 + 5000)),
        (card,), (VatLine(600, 39900, 2258), VatLine(1300, 696982, 80184)), total, 798,
        total + 5000, 5000, (), warranties={1: 12})
