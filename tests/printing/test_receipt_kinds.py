"""Every kind of receipt (sale, refund, void, exchange, add-on, reprint, Z report) read
back from its bytes by the test printer (tests/printing/escpos_reader.py): every line
fits 32 and 48 columns in both languages on GB18030 and GBK printers, amounts end at the
right edge, and each correction names the receipt it corrects."""

import re
import time
from dataclasses import replace
from datetime import datetime, timezone

import pytest

from pos.kernel.enums import Tender
from pos.ledger.documents import DocPayment
from pos.ledger.drawer import ShiftReport
from pos.printjobs.records import StoreHeader
from pos.printjobs.shift_record import ZReportRecord
from printing.escpos_out import receipt_bytes
from printing.receipt import ReprintNote, receipt_layout
from printing.shift_receipt import z_receipt_layout
from tests.printing.escpos_reader import read
from tests.printing.known_sale import known_sale

AMOUNT = re.compile(r"(^|\s)[-￥¥]?[-¥]?[\d,]*\d\.\d\d$")
LONG_STORE = "Tickbox 数码 徐家汇旗舰店（虹桥路·港汇恒隆广场）"


@pytest.fixture(autouse=True)
def shanghai_time(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _negated(record):
    lines = tuple(replace(line, quantity=-line.quantity, line_total=-line.line_total,
                          discount=-line.discount) for line in record.lines)
    payments = (DocPayment(1, Tender.CASH, -record.total),)
    return replace(record, lines=lines, payments=payments, total=-record.total,
                   discount_total=-record.discount_total, tendered=-record.total, change=0,
                   cards=())


def kinds(locale: str) -> dict:
    sale = known_sale(locale=locale)
    sale = replace(sale, store=replace(sale.store, name=LONG_STORE), total=913881)
    exchange = replace(sale, payments=(
        DocPayment(1, Tender.EXCHANGE, 649900, "T01-000001"),
        DocPayment(2, Tender.WECHAT, 263981, "4200001234567")),
        change=0, receipt_no="T01-000007")
    return {
        "sale": (sale, {}),
        "refund": (replace(_negated(sale), kind="refund", original_receipt="T01-000001",
                           receipt_no="T01-000005"), {}),
        "void": (replace(_negated(sale), kind="void", original_receipt="T01-000001",
                         receipt_no="T01-000006"), {}),
        "exchange": (exchange, {}),
        "addon": (replace(sale, kind="addon", original_receipt="T01-000001",
                          addon_unit="联想小新 Pro 14 笔记本 PF3ABC12", receipt_no="T01-000008"),
                  {}),
        "reprint": (sale, {"copy": True, "reprint": ReprintNote(
            datetime(2026, 11, 24, 2, 5, tzinfo=timezone.utc), "王晓明")}),
    }


def z_record(locale: str) -> ZReportRecord:
    store = StoreHeader(LONG_STORE, "上海市徐汇区虹桥路1号2楼", "021-6448 7000", "", "CNY",
                        locale, "")
    report = ShiftReport("T01", 12, "closed", datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc),
                         datetime(2026, 11, 23, 13, 0, tzinfo=timezone.utc), 50000, 37,
                         12345678, -913881,
                         {"cash": 2345600, "bank_card": 8000000, "wechat": 1234500,
                          "alipay": 99900, "voucher": 5000, "on_account": 100000,
                          "exchange": 649900},
                         10000, 2000, 2403600, 2403500, 3, anchor="7Q4K-9ZXD")
    return ZReportRecord("T01-Z00003", store, report, {10000: 23, 5000: 5, 1000: 7, 50: 2},
                         "李娜", "王晓明（店长）")


def printouts(width, locale, encoding):
    for name, (record, options) in kinds(locale).items():
        ops = receipt_layout(record, width=width, encoding=encoding, **options)
        yield name, read(receipt_bytes(ops, width=width, encoding=encoding), width)
    ops = z_receipt_layout(z_record(locale), width=width, encoding=encoding)
    yield "z", read(receipt_bytes(ops, width=width, encoding=encoding), width)


@pytest.mark.parametrize("encoding", ["gb18030", "gbk"])
@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@pytest.mark.parametrize("width", [32, 48])
def test_every_line_of_every_kind_fits_with_amounts_at_the_right_edge(width, locale, encoding):
    for name, printout in printouts(width, locale, encoding):
        assert printout.overflows == [], (name, printout.overflows)
        amounts = 0
        for line in printout.lines:
            assert line.columns <= width, (name, line.text)
            assert not re.search(r"--\d", line.text), (name, line.text)  # one sign only
            if line.align == 0 and AMOUNT.search(line.text.rstrip()):
                amounts += 1
                assert line.end == width, (name, line.rendered())
        assert amounts >= 4, name
        assert "cut" in printout.events, name


@pytest.mark.parametrize("locale, words", [
    ("zh_CN", {"refund": "退货单，原单 T01-000001", "void": "作废单，原单 T01-000001",
               "exchange": "换货单，原单 T01-000001", "addon": "上门加购，原单 T01-000001"}),
    ("en", {"refund": "REFUND of T01-000001", "void": "VOID of T01-000001",
            "exchange": "EXCHANGE against T01-000001", "addon": "Added on site to T01-000001"}),
])
def test_each_correction_names_the_original_receipt(locale, words):
    for name, printout in printouts(48, locale, "gb18030"):
        text = "\n".join(printout.texts())
        if name in words:
            assert words[name] in text, (name, text)
        else:
            assert not any(said in text for said in words.values()), name


@pytest.mark.parametrize("locale, expected", [
    ("zh_CN", "2026-11-24 10:05 由 王晓明 重印"), ("en", "Reprinted 2026-11-24 10:05 by 王晓明")])
@pytest.mark.parametrize("width", [32, 48])
def test_a_reprint_says_when_and_who_in_local_time(locale, expected, width):
    printout = dict(printouts(width, locale, "gb18030"))["reprint"]
    joined = " ".join(line.text.strip() for line in printout.lines)
    assert expected in joined
    first = dict(printouts(width, locale, "gb18030"))["sale"]
    assert "重印" not in " ".join(first.texts()) and "Reprinted" not in " ".join(first.texts())


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_every_item_prints_with_its_code(locale):
    printout = dict(printouts(32, locale, "gb18030"))["sale"]
    text = "\n".join(printout.texts())
    for sku in ("NB-LEN-XXPRO14", "BAG-NB-156", "CARD-GOLD", "PRO-CLN-PC"):
        assert sku in text


@pytest.mark.parametrize("locale, names", [
    ("zh_CN", ["现金", "银行卡", "微信支付", "支付宝", "代金券", "挂账", "换货抵扣"]),
    ("en", ["Cash", "Bank card", "WeChat Pay", "Alipay", "Voucher", "On account",
            "Exchange credit"])])
def test_the_z_report_names_tenders_not_codes(locale, names):
    printout = dict(printouts(48, locale, "gb18030"))["z"]
    text = "\n".join(printout.texts())
    assert "bank_card" not in text and "on_account" not in text
    for name in names:
        assert name in text


def test_a_real_exchange_sale_names_the_receipt_the_goods_came_back_from(demo_db):
    """The exchange service puts the original receipt on the exchange credit; the new
    sale's receipt, as the queue loads and prints it, says what it was exchanged against."""
    from pos.aftersale.exchange import exchange
    from pos.aftersale.returns import ReturnItem
    from pos.printjobs.records import load_sale
    from pos.selling import checkout
    from pos.selling.cart import TenderInput
    from tests.integration.checkout_helpers import new_cart, staff_id
    from tests.integration.test_corrections import notebook_sale

    sale = notebook_sale(demo_db)
    cart = new_cart(demo_db, role="manager")
    checkout.add_product(demo_db, cart, code="BAG-NB-156")
    done = exchange(demo_db, receipt_no=sale.receipt_no, staff_id=staff_id(demo_db, "manager"),
                    items=[ReturnItem(4, 2)], cart=cart,
                    tenders=[TenderInput("cash", 39900 - 7980)])
    record = load_sale(demo_db, receipt_no=done.sale.receipt_no)
    refund = load_sale(demo_db, receipt_no=done.refund.receipt_no)
    for kind, rec in (("exchange", record), ("refund", refund)):
        for width in (32, 48):
            ops = receipt_layout(rec, width=width)
            printout = read(receipt_bytes(ops, width=width), width)
            assert printout.overflows == []
            text = "\n".join(printout.texts())
            said = {"exchange": "against {r}", "refund": "REFUND of {r}"}[kind]
            if rec.store.locale.startswith("zh"):
                said = {"exchange": "换货单，原单 {r}", "refund": "退货单，原单 {r}"}[kind]
            assert said.format(r=sale.receipt_no) in text, text


@pytest.mark.parametrize("locale, names, opened", [
    ("en", ("Cash", "WeChat Pay"), "open since"), ("zh_CN", ("现金", "微信支付"), "开班于")])
def test_pos_report_x_names_tenders_and_shows_local_times(sqlite_demo_db, capsys, monkeypatch,
                                                          locale, names, opened):
    from pos.cli import main
    from pos.day import shifts
    from tests.integration.test_reports import known_day

    monkeypatch.setenv("POS_LOCALE", locale)
    known_day(sqlite_demo_db)
    capsys.readouterr()
    assert main([f"--db={sqlite_demo_db.url}", "report", "x"]) == 0
    out = capsys.readouterr().out
    assert not re.search(r"^\s+(cash|wechat|bank_card)\s", out, re.M), out  # no codes
    for name in names:
        assert name in out
    x = shifts.x_report(sqlite_demo_db, terminal="T01")
    assert opened in out and f"{x.opened_at.astimezone():%Y-%m-%d %H:%M}" in out
    assert f"{x.opened_at.astimezone(timezone.utc):%H:%M}" not in out  # not UTC (Shanghai +8)
