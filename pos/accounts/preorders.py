"""Pre-orders with deposits (预订有礼): a product not in stock yet (or a launch product)
promised to a customer against a deposit, with the gift promised with it.

Taking one writes the pre-order's row and its DEPOSIT account document (S01-DP-000001,
sealed with the product, the quantity, the gift and a promised price) in one
transaction; the deposit is a liability (`preorders.deposit_held`) until the sale that
completes the pre-order spends it whole as the tender `deposit` (pos.ledger.account_sales)
or a manager pays it back (a DEPOSIT_REFUND document). Money taken in cash crosses a
till: the document carries the till and its open shift, so X and Z count it.

When stock arrives, `arrivals` lists whom to call (first come, first served, as far as
the store's on-hand covers), and `mark_called` records the call as a follow-up.

Every posting is exactly once by its request id (unique on account_documents)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from pos.accounts.accounts import resolve_customer, store_for
from pos.accounts.preorder_views import (  # noqa: F401  (the service's whole surface)
    PreorderView, list_preorders, one_preorder, preorder_slip, preorder_view, store_id_of,
    views_where,
)
from pos.catalog.catalog_file import MAX_AMOUNT
from pos.db.engine import Database
from pos.db.models import AccountDocument as DocRow
from pos.db.models import (
    FollowUp, Preorder, PrintJob, Product, Staff, Store, StoreStock, Terminal,
)
from pos.kernel.clock import utcnow
from pos.kernel.enums import AccountDocKind, CallOutcome, ContactKind, PreorderState, Tender
from pos.kernel.errors import UserError
from pos.kernel.money import to_decimal_string
from pos.kernel.text import clean_text, printable
from pos.ledger.account_documents import AccountDocument, PreorderTerms, account_doc_number
from pos.ledger.account_tables import next_account_number, write_account_document
from pos.ledger.drawer import shift_for_sale
from pos.ledger.stock_tables import next_store_number
from pos.people.customers import detail_text
from pos.people.permissions import authorise
from pos.printjobs.print_queue import PrintRequest, job_rows

# the ways a deposit is taken (and paid back, with cash)
DEPOSIT_TENDERS = (Tender.CASH, Tender.BANK_CARD, Tender.WECHAT, Tender.ALIPAY,
                   Tender.BANK_TRANSFER)
TENDER_NAMES = {Tender.CASH: "tender_name.cash", Tender.BANK_CARD: "tender_name.bank_card",
                Tender.WECHAT: "tender_name.wechat", Tender.ALIPAY: "tender_name.alipay",
                Tender.BANK_TRANSFER: "tender_name.transfer"}
STATE_NAMES = {PreorderState.OPEN: "preorder.state.open",
               PreorderState.COMPLETED: "preorder.state.completed",
               PreorderState.CANCELLED: "preorder.state.cancelled"}
GIFT_MAX = 200
QUANTITY_MAX = 99
ARRIVED = "preorder_arrived"  # the follow-up's reason
PREORDERS = Preorder.__table__
DOCS = DocRow.__table__


@dataclass(frozen=True)
class PostedDeposit:
    """A deposit taken or paid back (or found posted by the same request id)."""

    doc_no: str  # S01-DP-000001 / S01-DR-000001
    preorder_no: str
    amount: int
    preorder: PreorderView
    replayed: bool = False


def _money(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("money is int minor units")
    return value


def _tender(value) -> Tender:
    try:
        tender = Tender(value)
    except ValueError:
        raise UserError("deposit.bad_tender") from None
    if tender not in DEPOSIT_TENDERS:
        raise UserError("deposit.bad_tender")
    return tender


def _till(conn, terminal: str | None, tender: Tender) -> tuple[int, int | None]:
    """(store id, terminal id): money in cash crosses a till and lands in its open shift
    (the caller takes it); other money taken at a till is counted in its shift too."""
    if not terminal:
        if tender is Tender.CASH:
            raise UserError("account.cash_needs_till")
        return store_for(conn, None), None
    row = conn.execute(select(Terminal.id, Terminal.store_id).where(
        Terminal.code == terminal)).first()
    if row is None:
        raise UserError("terminal.not_set_up", terminal=terminal)
    return row.store_id, row.id


def _staff(conn, staff_id: int) -> None:
    if conn.execute(select(Staff.id).where(Staff.id == staff_id,
                                           Staff.active.is_(True))).scalar() is None:
        raise UserError("permission.log_in_first")


def _product(conn, code: str):
    code = (code or "").strip()
    row = None
    if code and len(code) <= 64 and code.isprintable():  # else no product's (nor PostgreSQL's)
        for column in (Product.barcode, Product.sku):
            row = conn.execute(select(Product.id, Product.sku, Product.price).where(
                column == code, Product.active.is_(True))).first()
            if row is not None:
                break
    if row is None:
        raise UserError("preorder.product_unknown", code=printable(code)[:40])
    return row


def _replayed(conn, request_id: str) -> PostedDeposit | None:
    row = conn.execute(select(DOCS.c.doc_no, DOCS.c.amount, DOCS.c.preorder_id).where(
        DOCS.c.request_id == request_id)).first()
    if row is None:
        return None
    number = conn.execute(select(PREORDERS.c.preorder_no).where(
        PREORDERS.c.id == row.preorder_id)).scalar()
    return PostedDeposit(row.doc_no, number, int(row.amount), views_where(conn, [
        PREORDERS.c.id == row.preorder_id])[0], replayed=True)


def _queue(conn, terminal_id: int | None, doc_no: str, requests) -> None:
    """The slip's print jobs, in the document's transaction (only at a till)."""
    if terminal_id is not None and requests:
        conn.execute(PrintJob.__table__.insert(), job_rows(terminal_id, doc_no, requests))


def _exactly_once(db: Database, request_id: str, write) -> PostedDeposit:
    if not isinstance(request_id, str) or not 8 <= len(request_id) <= 36:
        raise ValueError("a request id is a uuid4 string")
    try:
        with db.write_connection() as conn:
            done = _replayed(conn, request_id)
            if done is not None:
                return done
            return write(conn)
    except IntegrityError:  # the same request, racing: the first one wrote it
        with db.read_connection() as conn:
            done = _replayed(conn, request_id)
        if done is None:
            raise
        return done


def take_preorder(db: Database, *, customer, code: str, quantity: int = 1, deposit: int,
                  tender, gift: str = "", price: int | None = None, staff_id: int,
                  terminal: str | None, request_id: str, reference: str | None = None,
                  print_requests: Sequence[PrintRequest] = (),
                  approval_id: int | None = None) -> PostedDeposit:
    """Take a deposit against a product for a customer: the pre-order (open, its number
    from the store's `preorder` sequence) and its sealed DEPOSIT document, in one
    transaction. Refused, changing nothing: deposit.not_positive, deposit.needs_customer,
    customer.unknown, preorder.product_unknown, preorder.quantity, preorder.bad_price,
    deposit.over_price (more than the promised or current price of the units),
    deposit.bad_tender, account.cash_needs_till (cash without a till), a promised price
    below the catalog's without a manager (price_override, or `approval_id` for
    ref "preorder:SKU" and that price). At a till the
    receipt printer's slip (print job kind account, `print_requests`) is queued in the
    same transaction; the A4 slip is printing.preorder_pdf (preorder_slip)."""
    if _money(deposit) <= 0:
        raise UserError("deposit.not_positive")
    if isinstance(quantity, bool) or not isinstance(quantity, int) \
            or not 1 <= quantity <= QUANTITY_MAX:
        raise UserError("preorder.quantity")
    if price is not None and _money(price) <= 0:
        raise UserError("preorder.bad_price")
    for amount in (deposit, price or 0):  # what a store takes; never an overflow further on
        if amount > MAX_AMOUNT:
            raise UserError("amount.too_large", text=to_decimal_string(amount), max=MAX_AMOUNT)
    tender = _tender(tender)
    gift = detail_text(gift, max_length=GIFT_MAX, field="field.gift")  # no bidi controls
    reference = clean_text(reference, max_length=40, field="field.reference") or None
    if customer is None or str(customer).strip() == "":
        raise UserError("deposit.needs_customer")

    def write(conn) -> PostedDeposit:
        _staff(conn, staff_id)
        who = resolve_customer(conn, customer)
        product = _product(conn, code)
        if price is not None and price < int(product.price):  # a price change the slip keeps
            authorise(conn, action="price_override", ref=f"preorder:{product.sku}",
                      staff_id=staff_id, approval_id=approval_id, amount=price)
        unit = int(product.price) if price is None else price
        if deposit > unit * quantity:
            raise UserError("deposit.over_price", deposit=deposit, price=unit * quantity)
        store_id, terminal_id = _till(conn, terminal, tender)
        store_code = conn.execute(select(Store.code).where(Store.id == store_id)).scalar()
        number = f"{store_code}-PO-{next_store_number(conn, store_id, 'preorder'):06d}"
        doc_no = account_doc_number(store_code, AccountDocKind.DEPOSIT, next_account_number(
            conn, store_id, AccountDocKind.DEPOSIT))
        shift_id = (shift_for_sale(conn, terminal_id, staff_id) if terminal_id is not None
                    else None)
        now = utcnow()
        conn.execute(PREORDERS.insert().values(
            preorder_no=number, store_id=store_id, customer_id=who.id,
            product_id=product.id, quantity=quantity, gift=gift, price=price,
            state=PreorderState.OPEN.value, deposit_held=0, created_by=staff_id,
            created_at=now))
        write_account_document(conn, AccountDocument(
            kind=AccountDocKind.DEPOSIT, doc_no=doc_no, store_id=store_id,
            customer_id=who.id, business_date=date.today(), posted_at=now,
            request_id=request_id, amount=deposit, tender=tender, reference=reference,
            terminal_id=terminal_id, shift_id=shift_id, staff_id=staff_id,
            preorder=PreorderTerms(number, product.id, product.sku, quantity, gift, price)))
        _queue(conn, terminal_id, doc_no, print_requests)
        return PostedDeposit(doc_no, number, deposit,
                             views_where(conn, [PREORDERS.c.preorder_no == number])[0])

    return _exactly_once(db, request_id, write)


def cancel_preorder(db: Database, *, preorder_no: str, staff_id: int,
                    approval_id: int | None = None, tender, terminal: str | None = None,
                    request_id: str, reason: str = "",
                    print_requests: Sequence[PrintRequest] = ()) -> PostedDeposit:
    """Cancel an open pre-order and pay its deposit back, whole (a DEPOSIT_REFUND
    document): a manager's (money action deposit_refund, bound to the amount), in cash
    at a till with its shift, or the way the deposit was taken."""
    tender = _tender(tender)
    reason = clean_text(reason, max_length=200, field="field.reason")
    number = (preorder_no or "").strip().upper()

    def write(conn) -> PostedDeposit:
        view = one_preorder(conn, number)
        if view.state is PreorderState.COMPLETED:
            raise UserError("deposit.already_used", preorder=number,
                            receipt=view.completed_receipt or "")
        if view.state is PreorderState.CANCELLED:
            raise UserError("preorder.cancelled", preorder=number)
        if view.deposit_held != view.deposit:  # edited in the database file: never pay back
            raise UserError("deposit.not_as_taken", preorder=number, held=view.deposit_held,
                            taken=view.deposit)
        if tender is not Tender.CASH and tender is not view.deposit_tender:
            raise UserError("deposit.refund_tender",
                            tender=TENDER_NAMES[view.deposit_tender or Tender.CASH])
        auth = authorise(conn, action="deposit_refund", ref=f"preorder:{number}",
                         staff_id=staff_id, approval_id=approval_id, amount=view.deposit_held)
        store_id = conn.execute(select(PREORDERS.c.store_id).where(
            PREORDERS.c.preorder_no == number)).scalar()
        till_store, terminal_id = _till(conn, terminal, tender)
        if terminal_id is not None:
            store_id = till_store
        store_code = conn.execute(select(Store.code).where(Store.id == store_id)).scalar()
        doc_no = account_doc_number(store_code, AccountDocKind.DEPOSIT_REFUND,
                                    next_account_number(conn, store_id,
                                                        AccountDocKind.DEPOSIT_REFUND))
        shift_id = (shift_for_sale(conn, terminal_id, staff_id) if terminal_id is not None
                    else None)
        write_account_document(conn, AccountDocument(
            kind=AccountDocKind.DEPOSIT_REFUND, doc_no=doc_no, store_id=store_id,
            customer_id=view.customer.id, business_date=date.today(), posted_at=utcnow(),
            request_id=request_id, amount=view.deposit_held, tender=tender,
            terminal_id=terminal_id, shift_id=shift_id, staff_id=staff_id,
            approved_by=auth.approved_by, reason=reason,
            preorder=PreorderTerms(number, view.product_id, view.sku, view.quantity,
                                   view.gift, view.price)))
        _queue(conn, terminal_id, doc_no, print_requests)
        return PostedDeposit(doc_no, number, view.deposit_held, one_preorder(conn, number))

    return _exactly_once(db, request_id, write)


# --- arrivals and calls ----------------------------------------------------------------


def arrivals(db: Database, *, store: str | None = None) -> list[PreorderView]:
    """The open pre-orders of the store (its code; None: every store, each against its
    own stock) whose product its on-hand now covers, first come first served: per store
    and product, the oldest pre-orders as long as their quantities add up to at most
    what is on hand (a later one waits behind an earlier one not covered)."""
    with db.read_connection() as conn:
        store_id = store_id_of(conn, store)
        conditions = [PREORDERS.c.state == PreorderState.OPEN.value]
        if store_id is not None:
            conditions.append(PREORDERS.c.store_id == store_id)
        waiting = views_where(conn, conditions)
        products = {view.product_id for view in waiting}
        stock = (select(Store.code, StoreStock.product_id, StoreStock.on_hand)
                 .join(Store, Store.id == StoreStock.store_id)
                 .where(StoreStock.product_id.in_(products)))
        if store_id is not None:
            stock = stock.where(StoreStock.store_id == store_id)
        on_hand = {(code, product): int(n) for code, product, n in
                   conn.execute(stock).all()} if products else {}
    left = {key: max(0, n) for key, n in on_hand.items()}
    blocked: set[tuple[str, int]] = set()
    called = []
    for view in waiting:
        key = (view.store_code, view.product_id)
        if key in blocked:
            continue
        if view.quantity > left.get(key, 0):
            blocked.add(key)
            continue
        left[key] -= view.quantity
        called.append(replace(view, on_hand=on_hand.get(key, 0)))
    return called


def mark_called(db: Database, *, preorder_no: str, staff_id: int,
                outcome=CallOutcome.REACHED, notes: str = "") -> PreorderView:
    """The customer was called about their pre-order's arrival: a follow-up (reason
    preorder_arrived, a call) and the pre-order's `notified_at`."""
    outcome = CallOutcome(outcome)
    notes = clean_text(notes, max_length=500, field="field.notes", single_line=False)
    number = (preorder_no or "").strip().upper()
    with db.write_connection() as conn:
        _staff(conn, staff_id)
        view = one_preorder(conn, number)
        if view.state is not PreorderState.OPEN:
            raise UserError("preorder.not_open", preorder=number,
                            state=STATE_NAMES[view.state])
        now = utcnow()
        preorder_id = conn.execute(select(PREORDERS.c.id).where(
            PREORDERS.c.preorder_no == number)).scalar()
        conn.execute(FollowUp.__table__.insert().values(
            customer_id=view.customer.id, preorder_id=preorder_id,
            kind=ContactKind.CALL.value, reason=ARRIVED, assigned_to=staff_id,
            created_at=now, outcome=outcome.value, notes=notes, called_at=now))
        conn.execute(PREORDERS.update().where(PREORDERS.c.id == preorder_id)
                     .values(notified_at=now))
        return one_preorder(conn, number)


def deposits_held(db: Database, *, store: str | None = None) -> int:
    """What the store (or every store) holds in deposits now: a liability."""
    with db.read_connection() as conn:
        store_id = store_id_of(conn, store)
        query = select(func.coalesce(func.sum(PREORDERS.c.deposit_held), 0)).where(
            PREORDERS.c.state == PreorderState.OPEN.value)
        if store_id is not None:
            query = query.where(PREORDERS.c.store_id == store_id)
        return int(conn.execute(query).scalar())
