"""Adversarial tests of pre-orders with deposits (issue 19 point 3): deposits of odd
amounts, a deposit spent by another customer, twice, in part, or beyond the sale; a sale
paid by a deposit refunded or voided (money never goes back to a deposit); cancelling a
completed or cancelled pre-order, by a cashier, twice; odd text and numbers. Each refusal
changes nothing (pre-orders, account documents, sales, payments, journal); every flow
ends with the journal verified. On SQLite and PostgreSQL."""

import uuid

import pytest
from sqlalchemy import func, select

from pos.accounts import preorders
from pos.aftersale import returns, voids
from pos.aftersale.returns import ReturnItem
from pos.db.models import AccountDocument, JournalEntry, Payment, Preorder, Sale
from pos.kernel.enums import PreorderState, Tender
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.people import approvals, customers
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import new_cart, restock, staff_id

BAG = "BAG-NB-156"  # 399.00, not serial-tracked


def rid() -> str:
    return str(uuid.uuid4())


def buyer(db, phone="13700000011", name="Wang Fang"):
    return customers.create_customer(db, phone=phone, name=name)


def take(db, customer="13700000011", *, deposit=10_000, tender="cash", terminal="T01", **kw):
    return preorders.take_preorder(
        db, customer=customer, code=kw.pop("code", BAG), deposit=deposit, tender=tender,
        staff_id=kw.pop("staff_id", None) or staff_id(db, "cashier"), terminal=terminal,
        request_id=kw.pop("request_id", None) or rid(), **kw)


def state(db) -> tuple:
    with db.read() as session:
        counts = tuple(session.scalar(select(func.count()).select_from(model))
                       for model in (Preorder, AccountDocument, Sale, Payment, JournalEntry))
        held = session.scalar(select(func.coalesce(func.sum(Preorder.deposit_held), 0)))
    return counts + (int(held),)


def refused(db, action, message_id):
    before = state(db)
    with pytest.raises(UserError) as error:
        action()
    assert error.value.message_id == message_id
    assert state(db) == before  # nothing changed
    return error.value


def held(db, number):
    with db.read() as session:
        return tuple(session.execute(select(Preorder.deposit_held, Preorder.state).where(
            Preorder.preorder_no == number)).one())


def sell(db, customer_id, tenders, code=BAG):
    cart = new_cart(db)
    checkout.add_product(db, cart, code=code)
    checkout.set_customer(db, cart, customer_id=customer_id)
    return completion.complete_sale(db, cart, tenders=tenders)


def deposit_tender(number, amount=10_000):
    return TenderInput(Tender.DEPOSIT, amount, reference=number)


@pytest.mark.parametrize("kwargs, message_id", [
    ({"deposit": 0}, "deposit.not_positive"),
    ({"deposit": -1}, "deposit.not_positive"),
    ({"deposit": 39_901}, "deposit.over_price"),  # more than the bag's price
    ({"deposit": 10**12, "price": 10**12, "quantity": 1}, "amount.too_large"),
    ({"deposit": 100, "price": 10**19}, "amount.too_large"),  # beyond a BIGINT
    ({"quantity": 0}, "preorder.quantity"),
    ({"quantity": 100}, "preorder.quantity"),
    ({"quantity": True}, "preorder.quantity"),
    ({"price": 0}, "preorder.bad_price"),
    ({"tender": "deposit"}, "deposit.bad_tender"),
    ({"tender": "on_account"}, "deposit.bad_tender"),
    ({"tender": "cash", "terminal": None}, "account.cash_needs_till"),
    ({"terminal": "T99"}, "terminal.not_set_up"),
    ({"gift": "x" * 10_000}, "text.too_long"),
    ({"gift": "bell\x07"}, "text.control_characters"),
    ({"gift": "Case \u202edeelcni ton"}, "text.control_characters"),  # printed reversed
    ({"code": "NO-SUCH"}, "preorder.product_unknown"),
    ({"code": "\x00"}, "preorder.product_unknown"),
    ({"code": "x" * 10_000}, "preorder.product_unknown"),
    ({"customer": "13799999999"}, "customer.unknown"),
    ({"customer": ""}, "deposit.needs_customer"),
])
def test_bad_deposits_change_nothing(demo_db, kwargs, message_id):
    db = demo_db
    buyer(db)
    refused(db, lambda: take(db, **kwargs), message_id)
    assert verify(db).ok


def test_a_non_integer_deposit_is_a_programming_error_not_a_deposit(demo_db):
    db = demo_db
    buyer(db)
    before = state(db)
    for amount in (100.5, "100", None):
        with pytest.raises(TypeError):
            take(db, deposit=amount)
    assert state(db) == before


def test_a_deposit_is_spent_by_its_customer_whole_once_and_never_beyond_the_sale(demo_db):
    db = demo_db
    who, other = buyer(db), buyer(db, "13700000012", "Li Lei")
    restock(db, {BAG: 5})
    number = take(db, deposit=10_000).preorder_no
    refused(db, lambda: sell(db, other.id, [deposit_tender(number), TenderInput(
        Tender.CASH, 29_900)]), "deposit.other_customer")
    refused(db, lambda: sell(db, who.id, [deposit_tender(number, 5_000), TenderInput(
        Tender.CASH, 34_900)]), "deposit.not_whole")
    refused(db, lambda: sell(db, who.id, [deposit_tender(number, 20_000), TenderInput(
        Tender.CASH, 19_900)]), "deposit.not_whole")
    # the same deposit twice in one sale
    refused(db, lambda: sell(db, who.id, [deposit_tender(number), deposit_tender(number),
                                          TenderInput(Tender.CASH, 19_900)]),
            "deposit.already_used")
    refused(db, lambda: sell(db, who.id, [deposit_tender("S01-PO-999999"), TenderInput(
        Tender.CASH, 29_900)]), "preorder.unknown")
    refused(db, lambda: sell(db, who.id, [deposit_tender("S01-PO-\x00"), TenderInput(
        Tender.CASH, 29_900)]), "text.control_characters")
    refused(db, lambda: sell(db, who.id, [deposit_tender(number, 0), TenderInput(
        Tender.CASH, 39_900)]), "tender.not_positive")
    assert held(db, number) == (10_000, PreorderState.OPEN)
    sale = sell(db, who.id, [deposit_tender(number), TenderInput(Tender.CASH, 29_900)])
    assert held(db, number) == (0, PreorderState.COMPLETED)
    refused(db, lambda: sell(db, who.id, [deposit_tender(number), TenderInput(
        Tender.CASH, 29_900)]), "deposit.already_used")
    # a completed pre-order is not cancelled (nor its deposit paid back a second time)
    refused(db, lambda: preorders.cancel_preorder(
        db, preorder_no=number, staff_id=staff_id(db, "manager"), tender="cash",
        terminal="T01", request_id=rid()), "deposit.already_used")
    assert sale.total == 39_900
    assert verify(db).ok


def test_a_sale_paid_by_deposit_is_refunded_in_money_never_to_the_deposit(demo_db):
    db = demo_db
    who = buyer(db)
    restock(db, {BAG: 5})
    number = take(db, deposit=10_000).preorder_no
    sale = sell(db, who.id, [deposit_tender(number), TenderInput(Tender.CASH, 29_900)])
    manager = staff_id(db, "manager")
    refused(db, lambda: returns.refund(
        db, receipt_no=sale.receipt_no, staff_id=manager, items=[ReturnItem(1, 1)],
        tenders=[deposit_tender(number, 39_900)], request_id=rid()),
        "deposit.not_refund_tender")
    refused(db, lambda: returns.refund(
        db, receipt_no=sale.receipt_no, staff_id=manager, items=[ReturnItem(1, 1)],
        back_in=Tender.DEPOSIT, request_id=rid()), "deposit.not_refund_tender")
    done = returns.refund(db, receipt_no=sale.receipt_no, staff_id=manager,
                          items=[ReturnItem(1, 1)], back_in=Tender.CASH, request_id=rid())
    assert done.total == -39_900
    assert held(db, number) == (0, PreorderState.COMPLETED)  # the deposit is not refilled
    assert preorders.deposits_held(db) == 0
    assert verify(db).ok


def test_a_sale_paid_by_deposit_is_voided_in_money_never_to_the_deposit(demo_db):
    db = demo_db
    who = buyer(db)
    restock(db, {BAG: 5})
    number = take(db, deposit=10_000).preorder_no
    sale = sell(db, who.id, [deposit_tender(number), TenderInput(Tender.CASH, 29_900)])
    # a void would give the deposit back as it was taken: refused, the return says how
    refused(db, lambda: voids.void_sale(db, receipt_no=sale.receipt_no,
                                        staff_id=staff_id(db, "manager"), reason="wrong",
                                        request_id=rid()), "deposit.not_voided")
    done = returns.refund(db, receipt_no=sale.receipt_no, staff_id=staff_id(db, "manager"),
                          items=[ReturnItem(1, 1)], back_in=Tender.CASH, request_id=rid())
    assert done.total == -39_900
    assert held(db, number) == (0, PreorderState.COMPLETED)
    assert preorders.deposits_held(db) == 0
    assert verify(db).ok


def test_cancelling_needs_a_manager_or_an_approval_for_that_pre_order_and_amount(demo_db):
    db = demo_db
    buyer(db)
    cashier, manager = staff_id(db, "cashier"), staff_id(db, "manager")
    first = take(db, deposit=20_000).preorder_no
    second = take(db, deposit=20_000).preorder_no
    cancel = {"tender": "cash", "terminal": "T01"}
    refused(db, lambda: preorders.cancel_preorder(
        db, preorder_no=first, staff_id=cashier, request_id=rid(), **cancel),
        "permission.manager_must_approve")
    other = approvals.approve(db, action="deposit_refund", ref=f"preorder:{second}",
                              amount=20_000, requested_by=cashier, manager_id=manager,
                              pin="9999")
    refused(db, lambda: preorders.cancel_preorder(
        db, preorder_no=first, staff_id=cashier, approval_id=other, request_id=rid(),
        **cancel), "approval.other_action")
    mine = approvals.approve(db, action="deposit_refund", ref=f"preorder:{first}",
                             amount=20_000, requested_by=cashier, manager_id=manager, pin="9999")
    preorders.cancel_preorder(db, preorder_no=first, staff_id=cashier, approval_id=mine,
                              request_id=rid(), **cancel)
    # the approval is spent: not a second cancel (of another pre-order of that amount)
    with pytest.raises(UserError):
        preorders.cancel_preorder(db, preorder_no=second, staff_id=cashier, approval_id=mine,
                                  request_id=rid(), **cancel)
    refused(db, lambda: preorders.cancel_preorder(
        db, preorder_no=first, staff_id=manager, request_id=rid(), **cancel),
        "preorder.cancelled")
    refused(db, lambda: sell(db, None, [deposit_tender(first, 20_000),
                                        TenderInput(Tender.CASH, 19_900)]),
            "deposit.needs_customer")
    for number in ("", "x" * 5_000, "S01-PO-\x00"):
        refused(db, lambda number=number: preorders.cancel_preorder(
            db, preorder_no=number, staff_id=manager, request_id=rid(), **cancel),
            "preorder.unknown")
    assert held(db, first) == (0, PreorderState.CANCELLED)
    assert held(db, second) == (20_000, PreorderState.OPEN)
    assert verify(db).ok


def test_the_cli_refuses_bad_amounts_with_exit_1_and_changes_nothing(demo_db, capsys,
                                                                     monkeypatch):
    from pos.cli import main

    monkeypatch.setenv("POS_LOCALE", "en")
    db = demo_db
    buyer(db)
    url = "--db=" + db.engine.url.render_as_string(hide_password=False)
    before = state(db)
    for amount in ("abc", "0", "-5", "0.001", "1e9", "99999999999999999999999", "NaN", ""):
        for option in ("--deposit", "--price"):
            words = ["--deposit", "5.00", "--price", "399.00"]
            if option == "--price" and amount == "":
                continue  # no promised price: the day's
            words[words.index(option) + 1] = amount
            capsys.readouterr()
            code = main([url, "preorder", "take", "13700000011", BAG, "--tender", "wechat",
                         "--staff", "Li Na", *words])
            said = capsys.readouterr()
            assert code == 1, (option, amount, said.out + said.err)
            assert "Traceback" not in said.out + said.err
    assert state(db) == before


def test_the_day_report_counts_deposit_money_once(demo_db):
    """Takings: a deposit when taken, never again when spent; paid back, it is taken off;
    a refund of a deposit-paid sale in cash is money out. Held: what is still open."""
    from datetime import date

    from pos.day.reports import day_report

    db = demo_db
    who = buyer(db)
    restock(db, {BAG: 5})
    spent = take(db, deposit=10_000).preorder_no
    take(db, deposit=5_000, tender="wechat", terminal=None)
    cancelled = take(db, deposit=20_000).preorder_no
    preorders.cancel_preorder(db, preorder_no=cancelled, staff_id=staff_id(db, "manager"),
                              tender="cash", terminal="T01", request_id=rid())
    sale = sell(db, who.id, [deposit_tender(spent), TenderInput(Tender.CASH, 29_900)])
    returns.refund(db, receipt_no=sale.receipt_no, staff_id=staff_id(db, "manager"),
                   items=[ReturnItem(1, 1)], back_in=Tender.CASH, request_id=rid())
    report = day_report(db, day=date.today(), store="S01")
    a = report.account
    assert (a.deposits_taken, a.deposits_refunded, a.deposits_used, a.deposits_held) == (
        {"cash": 30_000, "wechat": 5_000}, {"cash": 20_000}, 10_000, 5_000)
    # cash: 100 + 200 deposits - 200 paid back + 299 at the sale - 399 refunded = 0
    assert report.takings == {"wechat": 5_000}
    assert verify(db).ok


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_the_slip_prints_a_200_character_gift_whole(sqlite_demo_db, locale):
    import io

    from pypdf import PdfReader

    from printing.preorder_pdf import preorder_slip_pdf

    db = sqlite_demo_db
    buyer(db, name="王" * 100)
    gift = ("赠送原装保护壳一个、钢化膜两张、无线充电器一台以及价值299元的延保服务卡一张，" * 5)[:200]
    number = take(db, gift=gift, deposit=39_900).preorder_no
    view, store = preorders.preorder_slip(db, preorder_no=number)
    pages = PdfReader(io.BytesIO(preorder_slip_pdf(view, store=store, locale=locale))).pages
    assert len(pages) == 1
    assert gift in pages[0].extract_text().replace("\n", "")


def test_a_deposit_raised_in_the_database_file_is_not_spent(demo_db):
    """Someone edits preorders.deposit_held from 100.00 to 399.00: the till does not let
    the sale spend money never taken (verify would only say so afterwards)."""
    from sqlalchemy import update

    db = demo_db
    who = buyer(db)
    restock(db, {BAG: 5})
    number = take(db, deposit=10_000).preorder_no
    with db.write_connection() as conn:
        conn.execute(update(Preorder).where(Preorder.preorder_no == number).values(
            deposit_held=39_900))
    error = refused(db, lambda: sell(db, who.id, [deposit_tender(number, 39_900)]),
                    "deposit.not_as_taken")
    assert (error.params["held"], error.params["taken"]) == (39_900, 10_000)
    assert held(db, number) == (39_900, PreorderState.OPEN)


def test_a_deposit_raised_in_the_database_file_is_not_paid_back(demo_db):
    from sqlalchemy import update

    db = demo_db
    buyer(db)
    number = take(db, deposit=10_000).preorder_no
    with db.write_connection() as conn:
        conn.execute(update(Preorder).where(Preorder.preorder_no == number).values(
            deposit_held=39_900))
    error = refused(db, lambda: preorders.cancel_preorder(
        db, preorder_no=number, staff_id=staff_id(db, "manager"), tender="cash",
        terminal="T01", request_id=rid()), "deposit.not_as_taken")
    assert (error.params["held"], error.params["taken"]) == (39_900, 10_000)


def test_two_managers_cancelling_while_a_till_spends_the_deposit_pay_out_once(pg_demo_db):
    import threading

    db = pg_demo_db
    who = buyer(db)
    restock(db, {BAG: 5})
    number = take(db, deposit=10_000).preorder_no
    manager = staff_id(db, "manager")
    barrier, said = threading.Barrier(3), []

    def cancel(terminal):
        barrier.wait()
        try:
            preorders.cancel_preorder(db, preorder_no=number, staff_id=manager, tender="cash",
                                      terminal=terminal, request_id=rid())
            said.append("cancelled")
        except UserError as refusal:
            said.append(refusal.message_id)

    def spend():
        cart = new_cart(db, terminal="T03")
        checkout.add_product(db, cart, code=BAG)
        checkout.set_customer(db, cart, customer_id=who.id)
        barrier.wait()
        try:
            completion.complete_sale(db, cart, tenders=[deposit_tender(number),
                                                        TenderInput(Tender.CASH, 29_900)])
            said.append("sold")
        except UserError as refusal:
            said.append(refusal.message_id)

    threads = [threading.Thread(target=cancel, args=("T01",)),
               threading.Thread(target=cancel, args=("T02",)), threading.Thread(target=spend)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(said) == 3 and said.count("cancelled") + said.count("sold") == 1, said
    with db.read_connection() as conn:
        docs = conn.execute(select(AccountDocument.kind)).scalars().all()
    assert sorted(str(kind) for kind in docs).count("deposit_refund") == said.count("cancelled")
    assert preorders.deposits_held(db) == 0
    assert verify(db).ok


def test_a_promised_price_below_the_catalogs_is_a_managers_to_give(demo_db):
    """The slip the customer keeps promises the price: a cashier cannot promise the bag
    (399.00) for 0.01 on their own, as they cannot change a price at the till."""
    db = demo_db
    buyer(db)
    cashier, manager = staff_id(db, "cashier"), staff_id(db, "manager")
    refused(db, lambda: take(db, price=1, deposit=1), "permission.manager_must_approve")
    assert take(db, price=39_900, deposit=1_000).preorder.price == 39_900  # the catalog's
    assert take(db, price=45_000, deposit=1_000).preorder.price == 45_000  # a launch price
    assert take(db, price=30_000, deposit=1_000, staff_id=manager).preorder.price == 30_000
    approval = approvals.approve(db, action="price_override", ref=f"preorder:{BAG}",
                                 amount=35_000, requested_by=cashier, manager_id=manager,
                                 pin="9999")
    refused(db, lambda: take(db, price=34_999, deposit=1_000, approval_id=approval),
            "approval.other_amount")
    assert take(db, price=35_000, deposit=1_000,
                approval_id=approval).preorder.price == 35_000
    assert verify(db).ok


def test_a_deposit_moved_to_another_customer_in_the_database_file_is_not_spent(demo_db):
    from sqlalchemy import update

    db = demo_db
    buyer(db)
    other = buyer(db, "13700000012", "Li Lei")
    restock(db, {BAG: 5})
    number = take(db, deposit=10_000).preorder_no
    with db.write_connection() as conn:
        conn.execute(update(Preorder).where(Preorder.preorder_no == number).values(
            customer_id=other.id))
    refused(db, lambda: sell(db, other.id, [deposit_tender(number), TenderInput(
        Tender.CASH, 29_900)]), "deposit.not_as_taken")


@pytest.mark.parametrize("given", ["#99999999999999999999999", 10 ** 30, "#0", -5])
def test_a_customer_number_out_of_range_is_an_unknown_customer(sqlite_demo_db, given):
    from pos.accounts.accounts import account_view

    with pytest.raises(UserError) as refused:
        account_view(sqlite_demo_db, customer=given)
    assert refused.value.message_id == "customer.unknown"
