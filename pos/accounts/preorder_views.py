"""Pre-orders as the till, the screens, the CLI and the slip see them (pos.accounts.preorders
takes, cancels and calls them): one query joining the pre-order to its customer, product,
deposit document and completing sale."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from pos.accounts.accounts import resolve_customer
from pos.accounts.records import CustomerRef
from pos.db.engine import Database
from pos.db.models import (
    AccountDocument as DocRow,
)
from pos.db.models import (
    Customer,
    Preorder,
    Product,
    Sale,
    Staff,
    Store,
)
from pos.kernel.enums import AccountDocKind, CustomerKind, PreorderState, Tender
from pos.kernel.errors import UserError
from pos.kernel.text import printable
from pos.printjobs.records import StoreHeader, store_header

PREORDERS = Preorder.__table__
DOCS = DocRow.__table__


@dataclass(frozen=True)
class PreorderView:
    """A pre-order as the till, the screens and the slip show it."""

    preorder_no: str
    store_code: str
    customer: CustomerRef
    product_id: int
    sku: str
    product_name: str
    quantity: int
    gift: str
    price: int | None  # a promised launch price (None: the price on the day)
    state: PreorderState
    deposit: int  # what was taken
    deposit_held: int  # what is held now (0 once used or paid back)
    deposit_doc_no: str
    deposit_tender: Tender | None
    created_at: datetime
    created_by: str
    completed_receipt: str | None = None
    cancelled_at: datetime | None = None
    notified_at: datetime | None = None
    on_hand: int | None = None  # the store's on-hand of the product (arrivals)



def views_where(conn, conditions, order=None) -> list[PreorderView]:
    deposit = DOCS.alias("dp")
    rows = conn.execute(
        select(PREORDERS, Store.code.label("store_code"), Customer.phone, Customer.name,
               Customer.kind.label("customer_kind"), Customer.company,
               Product.sku, Product.name.label("product_name"), Staff.name.label("staff_name"),
               deposit.c.doc_no, deposit.c.amount, deposit.c.tender,
               Sale.receipt_no)
        .select_from(PREORDERS.join(Store, Store.id == PREORDERS.c.store_id)
                     .join(Customer, Customer.id == PREORDERS.c.customer_id)
                     .join(Product, Product.id == PREORDERS.c.product_id)
                     .outerjoin(Staff, Staff.id == PREORDERS.c.created_by)
                     .outerjoin(deposit, (deposit.c.preorder_id == PREORDERS.c.id)
                                & (deposit.c.kind == AccountDocKind.DEPOSIT.value))
                     .outerjoin(Sale, Sale.id == PREORDERS.c.completed_sale_id))
        .where(*conditions)
        .order_by(*(order or (PREORDERS.c.created_at, PREORDERS.c.id)))).all()
    return [PreorderView(
        r.preorder_no, r.store_code,
        CustomerRef(r.customer_id, r.phone, r.name, CustomerKind(r.customer_kind), r.company),
        r.product_id, r.sku, r.product_name, r.quantity, r.gift,
        None if r.price is None else int(r.price), PreorderState(r.state),
        int(r.amount or 0), int(r.deposit_held), r.doc_no or "",
        Tender(r.tender) if r.tender else None, r.created_at, r.staff_name or "",
        r.receipt_no, r.cancelled_at, r.notified_at) for r in rows]


def one_preorder(conn, preorder_no: str) -> PreorderView:
    found = None
    if len(preorder_no) <= 24 and preorder_no.isprintable():  # PostgreSQL refuses NUL
        found = views_where(conn, [PREORDERS.c.preorder_no == preorder_no])
    if not found:
        raise UserError("preorder.unknown", preorder=printable(preorder_no)[:30])
    return found[0]


def preorder_view(db: Database, *, preorder_no: str) -> PreorderView:
    with db.read_connection() as conn:
        return one_preorder(conn, (preorder_no or "").strip().upper())


def preorder_slip(db: Database, *, preorder_no: str) -> tuple[PreorderView, StoreHeader]:
    """What the deposit slip prints (printing.preorder_pdf): the pre-order and the
    letterhead of the store that took it."""
    with db.read_connection() as conn:
        view = one_preorder(conn, (preorder_no or "").strip().upper())
        store = conn.execute(select(Store.__table__).where(
            Store.code == view.store_code)).one()
    return view, store_header(store)


def store_id_of(conn, store: str | None) -> int | None:
    if store is None:
        return None
    code = store.strip()
    found = conn.execute(select(Store.id).where(Store.code == code)).scalar() \
        if len(code) <= 24 and code.isprintable() else None  # PostgreSQL refuses NUL
    if found is None:
        raise UserError("store.unknown", store=printable(store)[:40])
    return found


def list_preorders(db: Database, *, store: str | None = None, state=None,
                   customer=None) -> list[PreorderView]:
    """Pre-orders, oldest first: of a store (its code), in a state, of a customer (a
    phone, #id or id; the till's payment screen lists a customer's open ones)."""
    with db.read_connection() as conn:
        conditions = []
        store_id = store_id_of(conn, store)
        if store_id is not None:
            conditions.append(PREORDERS.c.store_id == store_id)
        if state is not None:
            conditions.append(PREORDERS.c.state == PreorderState(state).value)
        if customer is not None:
            conditions.append(PREORDERS.c.customer_id == resolve_customer(conn, customer).id)
        return views_where(conn, conditions)
