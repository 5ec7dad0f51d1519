"""The account statement PDF (issue 19): a real statement from the ledger, in English and
Chinese, A4, its fonts embedded; the letterhead, the customer's invoice details (tax id,
bank), each item, the closing balance and the amount in Chinese capitals are there as
text. Quote and pre-order PDFs are tested in their own files."""

from __future__ import annotations

import io
import uuid

import pytest
from pypdf import PdfReader

from pos.accounts.accounts import open_account
from pos.accounts.payments import take_payment
from pos.accounts.statements import statement
from pos.db.models import Customer
from pos.store.details import store_info
from printing.account_pdf import statement_pdf
from tests.integration.checkout_helpers import staff_id
from tests.integration.test_account_ledger import business, sell_on_account
from tests.printing.test_pdf_fonts import assert_fonts_embedded

TAX_ID = "91310115MA1K4XYZ7Q"


@pytest.fixture
def account_statement(sqlite_demo_db):
    db = sqlite_demo_db
    buyer = business(db)
    with db.unit_of_work() as session:
        customer = session.get(Customer, buyer.id)
        customer.tax_id, customer.bank_name = TAX_ID, "招商银行张江支行"
        customer.bank_account, customer.invoice_address = "121908765432101", "上海市张江路 88 号"
    open_account(db, customer=buyer.id, staff_id=staff_id(db, "manager"), credit_limit=None)
    first, due = sell_on_account(db, buyer.id)
    sell_on_account(db, buyer.id)
    paid = take_payment(db, customer=buyer.id, amount=10000, tender="transfer",
                        reference="ICBC-77", staff_id=staff_id(db, "cashier"),
                        request_id=str(uuid.uuid4()))
    return (statement(db, customer=buyer.id), store_info(db, terminal="T01"),
            first.receipt_no, paid.doc_no)


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("locale, words", [
    ("en", ("Account statement", "Balance due", "Sale on account", "Payment", "Tax id")),
    ("zh_CN", ("客户对账单", "期末余额", "赊销", "收款", "纳税人识别号")),
])
def test_statement_pdf_in_both_languages(account_statement, locale, words):
    found, store, receipt, payment = account_statement
    data = statement_pdf(found, locale=locale, store=store)
    assert_fonts_embedded(data, chinese=True)
    text = text_of(data)
    for word in words + (TAX_ID, "121908765432101", f"{receipt}/1", payment, "ICBC-77",
                         store.name, "399.00", "798.00"):
        assert word in text, (word, text)
    # 2 x 399.00 - 100.00 = 698.00 owed, in figures and in capitals
    assert "698.00" in text and "人民币陆佰玖拾捌元整" in text
