"""Tills racing on one customer's account on one PostgreSQL database (issue 19, plan
§4): each process gets ready, waits at a barrier, then posts at once. Eight sales on
account of one price against a limit of five: exactly five complete and three get
account.over_limit (the balance is five prices); eight payments oldest first settle
each invoice at most once (the allocations add up to the payments, no open amount
below zero); two payments of the whole balance: one posts, the other is refused; two
tills completing a sale with the same pre-order's deposit: one sale. The journal
verifies after each.

The workers are this module run as a program:

    python -m tests.integration.test_accounts_concurrency URL TERMINAL MODE CUSTOMER [ARG]

MODE sale (ARG: the product's code), pay (ARG: the amount), deposit (ARG: the pre-order
number). It prints READY, waits for a line on stdin (the barrier), posts and prints OK
REF or REFUSED MESSAGE_ID.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KIT = "PRO-CLN-PC"  # a cleaning kit: sold by quantity


def worker() -> int:
    from pos.accounts.payments import take_payment
    from pos.db.engine import Database
    from pos.kernel.errors import UserError
    from pos.people import staff
    from pos.selling import checkout, completion
    from pos.selling.cart import TenderInput

    url, terminal, mode, customer, arg = sys.argv[1:6]
    db = Database(url)
    people = {s.role.value: s.id for s in staff.list_staff(db)}
    post = None
    if mode in ("sale", "deposit"):
        cart = checkout.open_cart(db, staff_id=people["cashier"], terminal=terminal)
        line = checkout.add_product(db, cart, code=KIT if mode == "deposit" else arg)
        checkout.set_customer(db, cart, customer_id=int(customer))
        if mode == "sale":
            tenders = [TenderInput("on_account", line.total)]
        else:
            held = int(sys.argv[6])
            tenders = [TenderInput("deposit", held, reference=arg),
                       TenderInput("cash", line.total - held)]

        def post():
            return completion.complete_sale(db, cart, tenders=tenders).receipt_no
    else:
        def post():
            return take_payment(db, customer=int(customer), amount=int(arg), tender="cash",
                                staff_id=people["manager"], terminal=terminal,
                                request_id=str(uuid.uuid4())).doc_no
    print("READY", flush=True)
    sys.stdin.readline()  # the barrier: every worker is ready
    try:
        print("OK", post(), flush=True)
    except UserError as refusal:
        print("REFUSED", refusal.message_id, flush=True)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(worker())


import pytest  # noqa: E402  (the tests; the worker above needs none of this)
from sqlalchemy import func, select  # noqa: E402

from pos.accounts.accounts import open_account  # noqa: E402
from pos.db.models import (  # noqa: E402
    AccountAllocation, AccountDocument, AccountItem, CustomerAccount, Preorder, Product, Sale,
)
from pos.kernel.enums import AccountDocKind, PreorderState  # noqa: E402
from pos.ledger import verify  # noqa: E402
from tests.integration.account_day import business, sell, take_deposit  # noqa: E402
from tests.integration.checkout_helpers import restock, staff_id  # noqa: E402


def race(db, mode: str, customer: int, args: list[list[str]]) -> list[tuple[str, str]]:
    """One worker per entry of `args`, on three tills: each gets ready, then all post at
    once; returns what each said: (OK, ref) or (REFUSED, message id)."""
    workers = [subprocess.Popen(
        [sys.executable, "-m", "tests.integration.test_accounts_concurrency", db.url,
         f"T0{index % 3 + 1}", mode, str(customer), *extra],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True) for index, extra in enumerate(args)]
    try:
        for process in workers:
            ready = process.stdout.readline().strip()
            assert ready == "READY", process.stderr.read()[-3000:]
        for process in workers:  # the barrier opens for all
            process.stdin.write("go\n")
            process.stdin.flush()
        said = []
        for process in workers:
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err[-3000:]
            said.append(tuple(out.split()[:2]))
    finally:
        for process in workers:
            if process.poll() is None:
                process.kill()
    return said


def price(db, sku: str) -> int:
    with db.read() as session:
        return session.scalar(select(Product.price).where(Product.sku == sku))


def balance(db, customer_id: int) -> int:
    with db.read() as session:
        return session.scalar(select(CustomerAccount.balance).where(
            CustomerAccount.customer_id == customer_id))


def verified(db) -> None:
    result = verify.verify(db)
    assert result.ok, result.problem


@pytest.mark.postgres
@pytest.mark.slow
def test_eight_sales_on_account_against_a_limit_of_five_complete_five(pg_demo_db):
    db = pg_demo_db
    restock(db, {KIT: 8})
    each = price(db, KIT)
    buyer = business(db, "13700000081", "Racer")
    open_account(db, customer=buyer.id, staff_id=staff_id(db, "manager"),
                 credit_limit=5 * each)
    said = race(db, "sale", buyer.id, [[KIT]] * 8)
    assert sorted(word for word, _ in said) == ["OK"] * 5 + ["REFUSED"] * 3, said
    assert {detail for word, detail in said if word == "REFUSED"} == {"account.over_limit"}
    assert balance(db, buyer.id) == 5 * each
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(AccountItem).where(
            AccountItem.customer_id == buyer.id)) == 5
    verified(db)


@pytest.mark.postgres
@pytest.mark.slow
def test_eight_payments_oldest_first_settle_each_invoice_once(pg_demo_db):
    db = pg_demo_db
    buyer = business(db, "13700000082", "Payer")
    open_account(db, customer=buyer.id, staff_id=staff_id(db, "manager"), credit_limit=None)
    for _ in range(4):
        sell(db, buyer.id)
    owed = balance(db, buyer.id)
    part = owed // 10
    said = race(db, "pay", buyer.id, [[str(part)]] * 8)
    assert [word for word, _ in said] == ["OK"] * 8, said
    assert balance(db, buyer.id) == owed - 8 * part
    with db.read() as session:
        allocated = session.scalar(select(func.sum(AccountAllocation.amount)).join(
            AccountDocument, AccountDocument.id == AccountAllocation.doc_id).where(
            AccountDocument.customer_id == buyer.id,
            AccountDocument.kind == AccountDocKind.PAYMENT))
        opens = session.scalars(select(AccountItem.open_amount).where(
            AccountItem.customer_id == buyer.id, AccountItem.sale_id.is_not(None))).all()
    assert int(allocated) == 8 * part  # every payment settled invoices, none twice
    assert all(value >= 0 for value in opens) and sum(opens) == owed - 8 * part
    verified(db)


@pytest.mark.postgres
@pytest.mark.slow
def test_two_payments_of_the_whole_balance_post_once(pg_demo_db):
    db = pg_demo_db
    buyer = business(db, "13700000083", "Twice")
    open_account(db, customer=buyer.id, staff_id=staff_id(db, "manager"), credit_limit=None)
    sell(db, buyer.id)
    sell(db, buyer.id)
    owed = balance(db, buyer.id)
    said = race(db, "pay", buyer.id, [[str(owed)]] * 2)
    assert sorted(word for word, _ in said) == ["OK", "REFUSED"], said
    assert {detail for word, detail in said if word == "REFUSED"} <= {
        "account.payment_over_balance", "account.balance_changed"}
    assert balance(db, buyer.id) == 0
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(AccountDocument).where(
            AccountDocument.customer_id == buyer.id)) == 1
    verified(db)


@pytest.mark.postgres
@pytest.mark.slow
def test_two_tills_completing_a_sale_with_the_same_deposit_make_one_sale(pg_demo_db):
    db = pg_demo_db
    restock(db, {KIT: 2})
    buyer = business(db, "13700000084", "Deposit")
    held = price(db, KIT) // 2
    preorder, _ = take_deposit(db, buyer.id, held, code=KIT)
    with db.read() as session:
        before = session.scalar(select(func.count()).select_from(Sale))
    said = race(db, "deposit", buyer.id, [[preorder, str(held)]] * 2)
    assert sorted(word for word, _ in said) == ["OK", "REFUSED"], said
    assert {detail for word, detail in said if word == "REFUSED"} == {"deposit.already_used"}
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Sale)) == before + 1
        row = session.execute(select(Preorder.state, Preorder.deposit_held).where(
            Preorder.preorder_no == preorder)).one()
    assert (row.state, row.deposit_held) == (PreorderState.COMPLETED, 0)
    verified(db)
