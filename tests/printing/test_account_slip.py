"""The slip of a payment on account (print job kind `account`): queued in the payment's
transaction at the till, printed from the queue (here to the PDF preview), and its
ESC/POS bytes exactly the reviewed ones (golden/account-slip-48.bin), in Chinese."""

from __future__ import annotations

import os
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

import pytest

from pos.accounts.accounts import open_account
from pos.accounts.payments import take_payment
from pos.kernel.enums import AccountDocKind, JobKind, Tender
from pos.printjobs import print_queue
from pos.printjobs.account_slip import AccountSlipRecord
from pos.printjobs.print_queue import PrintRequest
from pos.printjobs.records import StoreHeader
from printing import dispatch
from printing.account_receipt import account_slip_layout
from printing.escpos_out import INIT, receipt_bytes
from printing.receipt import Text
from tests.integration.checkout_helpers import staff_id
from tests.integration.test_account_ledger import business, sell_on_account

GOLDEN = Path(__file__).parent / "golden" / "account-slip-48.bin"


@pytest.fixture(autouse=True)
def shanghai_time(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def known_slip() -> AccountSlipRecord:
    store = StoreHeader("Tickbox 数码 张江店", "上海市浦东新区祖冲之路 1 号", "021-6000 8888",
                        "91310115MA1H000001", "CNY", "zh_CN", "")
    return AccountSlipRecord(
        "S01-RP-000012", AccountDocKind.PAYMENT, store,
        datetime(2026, 12, 2, 6, 30, tzinfo=timezone.utc), "T01", "李娜", "王经理",
        "13700000001", "上海博远信息科技有限公司", 1_000_000, Tender.CASH, None, None,
        (("T01-000101/1", 649_900), ("T01-000133/1", 350_100)), 0, 949_700)


def test_slip_bytes_are_exactly_the_reviewed_ones():
    data = receipt_bytes(account_slip_layout(known_slip(), width=48), width=48)
    if os.environ.get("TICKBOX_WRITE_GOLDEN"):  # after a reviewed layout change only
        GOLDEN.write_bytes(data)
    assert data.startswith(INIT)
    assert data == GOLDEN.read_bytes()


def test_slip_says_what_was_paid_and_settled():
    texts = [op.text for op in account_slip_layout(known_slip(), width=48)
             if isinstance(op, Text)]
    joined = "\n".join(texts)
    for word in ("收款单（还款）", "S01-RP-000012", "2026-12-02 14:30", "现金", "10000.00",
                 "T01-000101/1", "6499.00", "当前欠款余额", "9497.00"):
        assert word in joined, (word, joined)


def test_a_payment_at_the_till_prints_its_slip_from_the_queue(sqlite_demo_db, tmp_path):
    db = sqlite_demo_db
    buyer = business(db)
    open_account(db, customer=buyer.id, staff_id=staff_id(db, "manager"), credit_limit=None)
    sale, due = sell_on_account(db, buyer.id)
    paid = take_payment(db, customer=buyer.id, amount=due, tender="cash", terminal="T01",
                        staff_id=staff_id(db, "cashier"), request_id=str(uuid.uuid4()),
                        print_requests=[PrintRequest(JobKind.ACCOUNT, f"pdf://{tmp_path}",
                                                     options={"paper_mm": 80})])
    jobs = [j for j in print_queue.due_jobs(db, terminal="T01") if j.kind == "account"]
    assert [j.ref for j in jobs] == [paid.doc_no]
    outcome = dispatch.run_job(db, jobs[0])
    assert outcome.printed, outcome.message
    assert (tmp_path / f"{paid.doc_no}.pdf").read_bytes().startswith(b"%PDF")
