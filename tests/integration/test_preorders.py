"""Pre-orders with deposits (issue 19 point 3): a deposit taken against a product not in
stock, sealed with its promised gift and held as a liability; the arrivals list once the
stock is in; the deposit spent whole as a tender on the sale that completes it (never
twice, never beyond the price, never refilled by a refund); a manager paying it back;
every refusal changing nothing; on SQLite and PostgreSQL, each ending with verify."""

import uuid

import pytest
from sqlalchemy import func, select

from pos.accounts import preorders
from pos.aftersale.corrections import money_back
from pos.db.models import AccountDocument, FollowUp, JournalEntry, Preorder
from pos.kernel.enums import PreorderState, Tender
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.people import customers
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from pos.stock.receiving import receive
from pos.stock.records import MoveInput
from tests.integration.checkout_helpers import new_cart, restock, staff_id

BAG = "BAG-NB-156"  # 399.00, not serial-tracked


def rid() -> str:
    return str(uuid.uuid4())


def buyer(db, phone="13700000011", name="Wang Fang"):
    return customers.create_customer(db, phone=phone, name=name)


def take(db, customer="13700000011", *, deposit=10_000, tender="cash", terminal="T01",
         request_id=None, **kw):
    return preorders.take_preorder(
        db, customer=customer, code=kw.pop("code", BAG), deposit=deposit, tender=tender,
        staff_id=staff_id(db, "cashier"), terminal=terminal,
        request_id=request_id or rid(), **kw)


def state(db) -> tuple:
    with db.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(model))
                     for model in (Preorder, AccountDocument, JournalEntry, FollowUp))


def held(db, number):
    with db.read() as session:
        return session.execute(select(Preorder.deposit_held, Preorder.state).where(
            Preorder.preorder_no == number)).one()


def only_document(db):
    with db.read_connection() as conn:
        return conn.execute(select(AccountDocument.__table__)).one()


def receive_bags(db, qty):
    receive(db, store="S01", staff_id=staff_id(db, "manager"), supplier="Targus",
            supplier_ref=f"DN-{uuid.uuid4().hex[:6]}", lines=[MoveInput(BAG, qty)],
            request_id=rid())


def test_a_deposit_is_taken_once_sealed_with_its_gift_and_held(demo_db):
    db = demo_db
    buyer(db)
    restock(db, {BAG: 0})
    request = rid()
    posted = take(db, deposit=10_000, gift="Screen cleaning kit", price=45_000,
                  request_id=request)
    assert (posted.doc_no, posted.preorder_no, posted.amount) == (
        "S01-DP-000001", "S01-PO-000001", 10_000)
    view = posted.preorder
    assert (view.state, view.deposit, view.deposit_held, view.gift, view.price, view.sku) == (
        PreorderState.OPEN, 10_000, 10_000, "Screen cleaning kit", 45_000, BAG)
    assert view.deposit_tender is Tender.CASH and view.customer.phone == "13700000011"
    before = state(db)
    again = take(db, deposit=10_000, gift="Screen cleaning kit", price=45_000,
                 request_id=request)
    assert again.replayed and again.doc_no == posted.doc_no
    assert state(db) == before  # nothing posted twice
    doc = only_document(db)
    assert (doc.shift_id is not None, doc.terminal_id is not None) == (True, True)
    with db.read() as session:
        payload = session.scalar(select(JournalEntry.payload).where(
            JournalEntry.doc_ref == "S01-DP-000001"))
    assert "Screen cleaning kit" in str(payload)
    assert preorders.deposits_held(db, store="S01") == 10_000
    result = verify(db)
    assert result.ok, result.problem


@pytest.mark.parametrize("kwargs, message_id", [
    ({"deposit": 0}, "deposit.not_positive"),
    ({"deposit": -500}, "deposit.not_positive"),
    ({"customer": ""}, "deposit.needs_customer"),
    ({"customer": "13900009999"}, "customer.unknown"),
    ({"code": "NO-SUCH-SKU"}, "preorder.product_unknown"),
    ({"quantity": 0}, "preorder.quantity"),
    ({"quantity": 100}, "preorder.quantity"),
    ({"price": 0}, "preorder.bad_price"),
    ({"deposit": 40_000}, "deposit.over_price"),  # the bag is 399.00
    ({"tender": "on_account"}, "deposit.bad_tender"),
    ({"tender": "deposit"}, "deposit.bad_tender"),
    ({"tender": "cash", "terminal": None}, "account.cash_needs_till"),
])
def test_bad_deposits_are_refused_and_change_nothing(demo_db, kwargs, message_id):
    db = demo_db
    buyer(db)
    before = state(db)
    with pytest.raises(UserError) as refused:
        take(db, **kwargs)
    assert refused.value.message_id == message_id
    assert state(db) == before
    assert verify(db).ok


def test_a_card_deposit_without_a_till_lands_in_the_home_store(demo_db):
    db = demo_db
    buyer(db)
    posted = take(db, tender="wechat", terminal=None, reference="WX-1")
    doc = only_document(db)
    assert (doc.terminal_id, doc.shift_id, doc.tender, doc.reference) == (
        None, None, "wechat", "WX-1")
    assert preorders.list_preorders(db, customer="13700000011")[0].preorder_no == \
        posted.preorder_no
    assert verify(db).ok


def test_arrivals_first_come_first_served_and_the_call_is_recorded(demo_db):
    db = demo_db
    buyer(db)
    buyer(db, "13700000012", "Li Lei")
    buyer(db, "13700000013", "Han Meimei")
    restock(db, {BAG: 0})
    first = take(db, "13700000011", quantity=2).preorder_no
    second = take(db, "13700000012").preorder_no
    third = take(db, "13700000013").preorder_no
    assert preorders.arrivals(db, store="S01") == []
    assert preorders.arrivals(db) == []  # S02 and S03 hold bags: not for S01's customers
    receive_bags(db, 1)  # one bag: not enough for the first, who waits ahead
    assert preorders.arrivals(db, store="S01") == []
    receive_bags(db, 2)
    arrived = preorders.arrivals(db, store="S01")
    assert [(a.preorder_no, a.on_hand) for a in arrived] == [(first, 3), (second, 3)]
    assert third not in [a.preorder_no for a in arrived]
    called = preorders.mark_called(db, preorder_no=first, staff_id=staff_id(db, "cashier"),
                                   notes="comes Saturday")
    assert called.notified_at is not None
    with db.read_connection() as conn:
        follow = conn.execute(select(FollowUp.__table__)).one()
    assert (follow.reason, str(follow.kind), follow.customer_id, follow.notes) == (
        "preorder_arrived", "call", called.customer.id, "comes Saturday")
    assert follow.preorder_id is not None and follow.called_at is not None
    assert [p.preorder_no for p in preorders.list_preorders(
        db, store="S01", state="open")] == [first, second, third]
    assert [a.preorder_no for a in preorders.arrivals(db)] == [first, second]  # every store
    with pytest.raises(UserError) as refused:
        preorders.arrivals(db, store="S99")
    assert refused.value.message_id == "store.unknown"
    assert verify(db).ok


def sell_with_deposit(db, number, held_amount, rest_cash=None, customer_id=None):
    cart = new_cart(db)
    checkout.add_product(db, cart, code=BAG)
    checkout.set_customer(db, cart, customer_id=customer_id)
    due = sum(line.total for line in cart.lines)
    tenders = [TenderInput(Tender.DEPOSIT, held_amount, reference=number)]
    if rest_cash is None:
        rest_cash = due - held_amount
    if rest_cash:
        tenders.append(TenderInput(Tender.CASH, rest_cash))
    return completion.complete_sale(db, cart, tenders=tenders)


def test_the_deposit_is_spent_whole_once_on_the_sale_that_completes_it(demo_db):
    db = demo_db
    who = buyer(db)
    other = buyer(db, "13700000012", "Li Lei")
    restock(db, {BAG: 0})
    number = take(db, deposit=10_000, gift="Mouse pad").preorder_no
    receive_bags(db, 2)
    # another customer cannot spend it; a part of it cannot be spent
    for customer_id, amount, message_id in ((other.id, 10_000, "deposit.other_customer"),
                                            (who.id, 5_000, "deposit.not_whole")):
        with pytest.raises(UserError) as refused:
            sell_with_deposit(db, number, amount, customer_id=customer_id)
        assert refused.value.message_id == message_id
    assert tuple(held(db, number)) == (10_000, PreorderState.OPEN)
    sale = sell_with_deposit(db, number, 10_000, customer_id=who.id)  # 100.00 + 299.00 cash
    assert tuple(held(db, number)) == (0, PreorderState.COMPLETED)
    view = preorders.preorder_view(db, preorder_no=number)
    assert (view.completed_receipt, view.deposit_held, view.deposit) == (
        sale.receipt_no, 0, 10_000)
    with pytest.raises(UserError) as refused:  # a second use
        sell_with_deposit(db, number, 10_000, customer_id=who.id)
    assert refused.value.message_id == "deposit.already_used"
    assert preorders.deposits_held(db) == 0
    result = verify(db)
    assert result.ok, result.problem


def test_a_deposit_above_the_price_or_without_a_customer_is_refused_at_the_till(demo_db):
    db = demo_db
    who = buyer(db)
    number = take(db, deposit=39_900, price=80_000).preorder_no  # promised two bags' worth
    cart = new_cart(db)
    checkout.add_product(db, cart, code="BAG-NB-14")  # a cheaper bag than the deposit
    checkout.set_customer(db, cart, customer_id=who.id)
    due = sum(line.total for line in cart.lines)
    assert due < 39_900
    with pytest.raises(UserError) as refused:
        completion.complete_sale(db, cart, tenders=[
            TenderInput(Tender.DEPOSIT, 39_900, reference=number)])
    assert refused.value.message_id == "deposit.over_due"
    assert refused.value.params["held"] == 39_900
    checkout.set_customer(db, cart, customer_id=None)
    with pytest.raises(UserError) as refused:
        completion.complete_sale(db, cart, tenders=[
            TenderInput(Tender.DEPOSIT, due, reference=number)])
    assert refused.value.message_id == "deposit.needs_customer"
    assert tuple(held(db, number)) == (39_900, PreorderState.OPEN)
    assert verify(db).ok


def test_money_is_never_paid_back_to_a_deposit():
    with pytest.raises(UserError) as refused:
        money_back([TenderInput(Tender.DEPOSIT, 500, reference="S01-PO-000001")],
                   total=500, paid_with={Tender.DEPOSIT})
    assert refused.value.message_id == "deposit.not_refund_tender"


def test_a_manager_cancels_and_pays_the_deposit_back(demo_db):
    db = demo_db
    buyer(db)
    number = take(db, deposit=20_000, tender="wechat", terminal=None).preorder_no
    before = state(db)
    for kwargs, message_id in (
            ({"staff_id": staff_id(db, "cashier"), "tender": "cash", "terminal": "T01"},
             "permission.manager_must_approve"),
            ({"staff_id": staff_id(db, "manager"), "tender": "alipay"},
             "deposit.refund_tender"),
            ({"staff_id": staff_id(db, "manager"), "tender": "cash", "terminal": None},
             "account.cash_needs_till")):
        with pytest.raises(UserError) as refused:
            preorders.cancel_preorder(db, preorder_no=number, request_id=rid(), **kwargs)
        assert refused.value.message_id == message_id
    assert state(db) == before
    request = rid()
    done = preorders.cancel_preorder(db, preorder_no=number, staff_id=staff_id(db, "manager"),
                                     tender="cash", terminal="T01", request_id=request,
                                     reason="changed his mind")
    assert (done.doc_no, done.amount, done.preorder.state) == (
        "S01-DR-000001", 20_000, PreorderState.CANCELLED)
    assert preorders.cancel_preorder(db, preorder_no=number, staff_id=staff_id(db, "manager"),
                                     tender="cash", terminal="T01",
                                     request_id=request).replayed
    with pytest.raises(UserError) as refused:
        preorders.cancel_preorder(db, preorder_no=number, staff_id=staff_id(db, "manager"),
                                  tender="cash", terminal="T01", request_id=rid())
    assert refused.value.message_id == "preorder.cancelled"
    with pytest.raises(UserError) as refused:
        preorders.mark_called(db, preorder_no=number, staff_id=staff_id(db, "manager"))
    assert refused.value.message_id == "preorder.not_open"
    with pytest.raises(UserError) as refused:
        preorders.cancel_preorder(db, preorder_no="S01-PO-999999",
                                  staff_id=staff_id(db, "manager"), tender="cash",
                                  terminal="T01", request_id=rid())
    assert refused.value.message_id == "preorder.unknown"
    assert tuple(held(db, number)) == (0, PreorderState.CANCELLED)
    result = verify(db)
    assert result.ok, result.problem


def test_the_slip_is_queued_with_the_deposit_at_a_till(demo_db):
    from pos.db.models import PrintJob
    from pos.printjobs.account_slip import load_account_slip
    from pos.printjobs.print_queue import PrintRequest

    db = demo_db
    buyer(db)
    slip = [PrintRequest("account", "file:///tmp/never")]
    posted = take(db, gift="Mouse pad", print_requests=slip)
    with db.read_connection() as conn:
        jobs = conn.execute(select(PrintJob.kind, PrintJob.ref)).all()
    assert [(str(kind), ref) for kind, ref in jobs] == [("account", posted.doc_no)]
    record = load_account_slip(db, doc_no=posted.doc_no)
    assert (record.preorder, record.gift, record.amount) == (posted.preorder_no, "Mouse pad",
                                                            10_000)
    take(db, tender="wechat", terminal=None, print_requests=slip)  # no till: no job
    with db.read_connection() as conn:
        assert conn.execute(select(func.count()).select_from(PrintJob)).scalar() == 1
    assert verify(db).ok


def test_pos_preorder_commands_end_to_end(demo_db, capsys, tmp_path, monkeypatch):
    from pos.cli import main

    monkeypatch.setenv("POS_LOCALE", "en")
    db = demo_db
    buyer(db)
    url = "--db=" + db.engine.url.render_as_string(hide_password=False)

    def pos(*words):
        capsys.readouterr()
        code = main([url, *words])
        said = capsys.readouterr()
        return code, said.out + said.err

    before = state(db)
    for words, refusal in (
            (["--deposit", "-5.00"], "A deposit must be more than zero"),
            (["--deposit", "0"], "A deposit must be more than zero"),
            (["--deposit", "5.00", "--gift", "x" * 201], "The gift"),):
        code, said = pos("preorder", "take", "13700000011", BAG, "--tender", "cash",
                         "--staff", "Li Na", *words)
        assert (code, refusal in said) == (1, True), said
    code, said = pos("preorder", "take", "13900000000", BAG, "--deposit", "5.00",
                     "--tender", "cash", "--staff", "Li Na")
    assert code == 1 and "No customer" in said
    assert state(db) == before
    code, said = pos("preorder", "take", "13700000011", BAG, "--deposit", "100.00",
                     "--tender", "cash", "--gift", "Mouse pad", "--staff", "Li Na")
    assert code == 0 and "S01-PO-000001: deposit 100.00 taken (S01-DP-000001)" in said
    code, said = pos("preorder", "list", "--arrived")
    assert code == 0 and "S01-PO-000001" in said and "on hand" in said
    code, said = pos("preorder", "slip", "S01-PO-000001", "--pdf", str(tmp_path / "s.pdf"))
    assert code == 0 and (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    code, said = pos("preorder", "cancel", "S01-PO-000001", "--tender", "cash",
                     "--staff", "Li Na")
    assert code == 1 and "manager" in said
    code, said = pos("preorder", "cancel", "S01-PO-000001", "--tender", "cash",
                     "--staff", "Zhang Wei")
    assert code == 0 and "deposit 100.00 paid back (S01-DR-000001)" in said
    code, said = pos("preorder", "list", "--state", "cancelled")
    assert code == 0 and "S01-PO-000001" in said
    assert verify(db).ok


def test_a_cashier_cancels_with_a_managers_approval_for_that_amount(demo_db):
    from pos.people import approvals

    db = demo_db
    buyer(db)
    cashier = staff_id(db, "cashier")
    number = take(db, deposit=20_000).preorder_no
    wrong = approvals.approve(db, action="deposit_refund", ref=f"preorder:{number}",
                              amount=10_000, requested_by=cashier,
                              manager_id=staff_id(db, "manager"), pin="9999")
    before = state(db)
    with pytest.raises(UserError) as refused:
        preorders.cancel_preorder(db, preorder_no=number, staff_id=cashier, approval_id=wrong,
                                  tender="cash", terminal="T01", request_id=rid())
    assert refused.value.message_id == "approval.other_amount"
    assert state(db) == before
    right = approvals.approve(db, action="deposit_refund", ref=f"preorder:{number}",
                              amount=20_000, requested_by=cashier,
                              manager_id=staff_id(db, "manager"), pin="9999")
    done = preorders.cancel_preorder(db, preorder_no=number, staff_id=cashier,
                                     approval_id=right, tender="cash", terminal="T01",
                                     request_id=rid())
    assert done.amount == 20_000
    with db.read_connection() as conn:
        doc = conn.execute(select(AccountDocument.__table__).where(
            AccountDocument.doc_no == done.doc_no)).one()
    assert (doc.staff_id, doc.approved_by, doc.shift_id is not None) == (
        cashier, staff_id(db, "manager"), True)
    result = verify(db)
    assert result.ok, result.problem
