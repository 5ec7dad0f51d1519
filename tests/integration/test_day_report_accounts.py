"""The money of accounts and deposits in the day report and the shift's X/Z (issue 19):
sales on account and refunds to account are not takings; payments received and deposits
are money in, shown apart and counted in the takings; deposits used on a sale are not
money in again; deposits held at the end are a liability. A day without any of it shows
no section (existing reports unchanged). On SQLite and PostgreSQL, ending with verify."""

import uuid
from datetime import date

from pos.accounts import preorders
from pos.accounts.accounts import open_account
from pos.accounts.payments import take_payment
from pos.accounts.writeoffs import write_off
from pos.cli.reports import show_account, show_deposits_held, show_x
from pos.day import reports, shifts
from pos.kernel.enums import Tender
from pos.ledger.verify import verify
from pos.people import customers
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import new_cart, staff_id

BAG = "BAG-NB-156"  # 399.00


def rid() -> str:
    return str(uuid.uuid4())


def sell(db, customer_id, tenders):
    cart = new_cart(db)
    checkout.add_product(db, cart, code=BAG)
    checkout.set_customer(db, cart, customer_id=customer_id)
    return completion.complete_sale(db, cart, tenders=tenders)


def an_account_day(db):
    manager, cashier = staff_id(db, "manager"), staff_id(db, "cashier")
    shifts.open_shift(db, terminal="T01", staff_id=cashier, opening_float=50_000)
    firm = customers.create_customer(db, phone="13700000021", name="Zhou Min",
                                     kind="business", company="Zhou Trading")
    fan = customers.create_customer(db, phone="13700000022", name="Wu Lei")
    open_account(db, customer=firm.id, staff_id=manager, credit_limit=None)
    sell(db, firm.id, [TenderInput(Tender.ON_ACCOUNT, 39_900)])
    take_payment(db, customer=firm.id, amount=20_000, tender="cash", staff_id=cashier,
                 terminal="T01", request_id=rid())
    write_off(db, customer=firm.id, amount=5_000, reason="goodwill", staff_id=manager,
              request_id=rid())
    used = preorders.take_preorder(db, customer=fan.id, code=BAG, deposit=10_000,
                                   tender="cash", staff_id=cashier, terminal="T01",
                                   request_id=rid()).preorder_no
    gone = preorders.take_preorder(db, customer=fan.id, code=BAG, deposit=5_000,
                                   tender="wechat", staff_id=cashier, terminal=None,
                                   request_id=rid()).preorder_no
    preorders.take_preorder(db, customer=fan.id, code=BAG, deposit=3_000, tender="bank_card",
                            staff_id=cashier, terminal="T01", request_id=rid())
    sell(db, fan.id, [TenderInput(Tender.DEPOSIT, 10_000, reference=used),
                      TenderInput(Tender.CASH, 29_900)])
    preorders.cancel_preorder(db, preorder_no=gone, staff_id=manager, tender="wechat",
                              request_id=rid())


def test_a_day_without_account_money_has_no_section(demo_db):
    report = reports.day_report(demo_db, day=date.today(), store="S01")
    assert not report.has_account
    assert b"account" not in reports.report_csv(report)


def test_the_day_report_shows_account_money_apart_from_takings(demo_db, capsys):
    db = demo_db
    an_account_day(db)
    report = reports.day_report(db, day=date.today(), store="S01")
    a = report.account
    assert report.has_account
    assert (a.sales_on_account, a.refunds_to_account, a.write_offs) == (39_900, 0, 5_000)
    assert a.payments == {"cash": 20_000}
    assert a.deposits_taken == {"bank_card": 3_000, "cash": 10_000, "wechat": 5_000}
    assert a.deposits_refunded == {"wechat": 5_000}
    assert (a.deposits_used, a.deposits_held) == (10_000, 3_000)
    # the sales' tenders still name what paid them ...
    assert report.tenders["on_account"] == 39_900 and report.tenders["deposit"] == 10_000
    # ... but takings are money in: the cash sale's 299.00, the payment, the deposits
    assert report.takings == {"cash": 29_900 + 20_000 + 10_000, "bank_card": 3_000}
    csv = reports.report_csv(report).decode("utf-8-sig")
    assert "deposit,held_at_end,,30.00," in csv
    assert "account_payment,cash,,200.00," in csv
    show_account(report)
    text = capsys.readouterr().out
    assert "sales on account 399.00" in text and "held at the end 30.00" in text
    # a till's report: the deposit taken without a till is its store's, not this till's
    till = reports.day_report(db, day=date.today(), terminal="T01").account
    assert till.deposits_taken == {"bank_card": 3_000, "cash": 10_000}
    result = verify(db)
    assert result.ok, result.problem


def test_the_x_report_counts_payments_and_deposits_in_the_drawer(demo_db, capsys):
    db = demo_db
    an_account_day(db)
    x = shifts.x_report(db, terminal="T01")
    assert x.account_in == {"cash": 20_000}
    assert x.deposits_in == {"bank_card": 3_000, "cash": 10_000}
    assert x.deposits_out == {}
    assert x.expected_cash == 50_000 + 29_900 + 20_000 + 10_000
    show_x(x)
    text = capsys.readouterr().out
    assert "Deposits taken:" in text and "Payments received on account:" in text
    show_deposits_held(db, "T01")
    assert "Deposits held by S01 (pre-orders): 30.00" in capsys.readouterr().out
    result = verify(db)
    assert result.ok, result.problem


def test_the_report_pdf_has_the_account_section_only_when_there_is_account_money(demo_db):
    import io

    from pypdf import PdfReader

    from printing.report_pdf import report_pdf

    def first_page(locale):
        report = reports.day_report(demo_db, day=date.today(), store="S01")
        data = report_pdf(report, locale=locale, store_name="Tickbox")
        return PdfReader(io.BytesIO(data)).pages[0].extract_text()

    assert "Customer accounts and deposits" not in first_page("en")
    an_account_day(demo_db)
    text = first_page("en")
    for expected in ("Customer accounts and deposits", "Sales on account", "399.00",
                     "Payments received · Cash", "Held at the end", "Money in", "629.00"):
        assert expected in text, expected
    assert "客户账款与定金" in first_page("zh_CN")


def test_the_z_report_prints_payments_and_deposits_on_paper_and_pdf(demo_db):
    import io

    from pypdf import PdfReader

    from pos.printjobs.shift_record import load_z_report
    from printing.escpos_out import receipt_bytes
    from printing.shift_pdf import shift_report_pdf
    from printing.shift_receipt import z_receipt_layout
    from tests.printing.escpos_reader import read

    db = demo_db
    an_account_day(db)
    z = shifts.close_shift(db, terminal="T01", staff_id=staff_id(db, "manager"),
                           counts={10_000: 10})
    assert z.deposits_in == {"bank_card": 3_000, "cash": 10_000}
    record = load_z_report(db, ref=shifts.z_ref("T01", z.z_number))
    for locale, words in (("en", ("Payments on account", "Deposits taken", "Bank card")),
                          ("zh_CN", ("收回欠款", "收取定金", "银行卡"))):
        record = record.__class__(record.ref, record.store.__class__(
            *[getattr(record.store, f) if f != "locale" else locale
              for f in record.store.__dataclass_fields__]), record.report, record.counts,
            record.opened_by, record.closed_by)
        ops = z_receipt_layout(record, width=48, encoding="gb18030")
        printout = read(receipt_bytes(ops, width=48, encoding="gb18030"), 48)
        text = "\n".join(line.text for line in printout.lines)
        assert printout.overflows == []
        for word in words:
            assert word in text, (locale, word)
    pdf = shift_report_pdf([z], locale="en")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Deposits taken: Cash" in text and "Payments on account: Cash" in text
    result = verify(db)
    assert result.ok, result.problem
