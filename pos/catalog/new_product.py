"""One product added by a manager, at the till, for a barcode the catalog does not know
yet (a new delivery scanned before the catalog file was updated): its name, category,
price, cost, stock and VAT rate, checked as a catalog file's row is, written with its
search text, its stock sealed and the addition audited, in one transaction.

Its product code (sku) is the barcode; the catalog file can rename it later."""

from __future__ import annotations

from sqlalchemy import or_, select

from pos.catalog import search
from pos.catalog.catalog_file import MAX_AMOUNT, MAX_NAME, MAX_SEARCH_TEXT, MAX_STOCK
from pos.catalog.products import ProductInfo, find_by_code
from pos.db.engine import Database
from pos.db.models import Category, Product, Staff, product_search_text
from pos.kernel.barcodes import validate_barcode
from pos.kernel.enums import CategoryKind, PriceRole, StaffRole
from pos.kernel.errors import UserError
from pos.kernel.money import percent_string, to_decimal_string
from pos.kernel.text import clean_text
from pos.ledger import audit
from pos.ledger.stock_opening import home_store, set_store_stock

MANAGERS = (StaffRole.MANAGER, StaffRole.ADMIN)
GOODS_VAT_BP = 1300  # China's VAT on goods, 13%; services (cards) 6%
SERVICE_VAT_BP = 600
ADDED = "product_added"  # the audit event


def default_vat_bp(kind: CategoryKind | str) -> int:
    """The VAT rate a new product of this kind of category starts with."""
    return SERVICE_VAT_BP if CategoryKind(kind) is CategoryKind.SERVICE else GOODS_VAT_BP


def create_product(db: Database, *, staff_id: int, barcode: str, name: str, category_code: str,
                   price: int, cost: int, stock: int, vat_rate_bp: int | None = None,
                   currency: str = "CNY", store_id: int | None = None) -> ProductInfo:
    """Add the product that `barcode` will find from now on. Only an active manager or
    administrator may; any bad value is refused naming it, and nothing is written. A
    main unit's serial or IMEI is asked when it is sold, as for the catalog's."""
    barcode = validate_barcode(barcode)
    name = clean_text(name, max_length=MAX_NAME, field="field.name", required=True)
    _check_amounts(price=price, cost=cost, currency=currency)
    if isinstance(stock, bool) or not isinstance(stock, int):
        raise TypeError("stock is a whole number")
    if stock < 0:
        raise UserError("value.negative", text=str(stock))
    if stock > MAX_STOCK:
        raise UserError("value.too_large", text=str(stock), max=MAX_STOCK)
    if vat_rate_bp is not None and not 0 <= vat_rate_bp <= 10_000:
        raise UserError("catalog.vat_over_100", text=percent_string(vat_rate_bp))
    with db.unit_of_work() as session:
        conn = session.connection()
        who = session.execute(select(Staff.name, Staff.role).where(
            Staff.id == staff_id, Staff.active.is_(True))).first()
        if who is None:
            raise UserError("permission.log_in_first")
        if who.role not in MANAGERS:
            raise UserError("catalog.add_managers_only")
        category = session.scalar(select(Category).where(Category.code == category_code))
        if category is None:
            raise UserError("catalog.unknown_category", code=category_code)
        owner = session.scalar(select(Product.sku).where(
            or_(Product.barcode == barcode, Product.sku == barcode)))
        if owner is not None:  # two tills adding it at once: the second is told whose it is
            raise UserError("catalog.barcode_taken", barcode=barcode, owner=owner)
        vat = default_vat_bp(category.kind) if vat_rate_bp is None else vat_rate_bp
        product = Product(sku=barcode, barcode=barcode, name=name,
                          search_text=product_search_text(name, barcode)[:MAX_SEARCH_TEXT],
                          category_id=category.id, price=price, cost=cost, vat_rate_bp=vat,
                          price_role=PriceRole.NONE,
                          serial_tracked=category.kind is CategoryKind.MAIN_UNIT, active=True)
        session.add(product)
        session.flush()
        search.refresh(conn, product_ids=[product.id])
        store = store_id if store_id is not None else home_store(conn)
        if stock and store is not None:
            set_store_stock(conn, store_id=store, quantities={product.id: stock},
                            staff_id=staff_id, note="product added at the till")
        audit.record(conn, staff_id=staff_id, action=ADDED, ref=barcode, details={
            "barcode": barcode, "name": name, "category": category.code, "price": price,
            "cost": cost, "stock": stock, "vat_rate_bp": vat, "by": who.name})
    return find_by_code(db, barcode, store_id=store_id)


def _check_amounts(*, price: int, cost: int, currency: str) -> None:
    for amount in (price, cost):
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise TypeError("amounts are integer minor units")
    if price <= 0:
        raise UserError("catalog.price_positive")
    for amount in (price, cost):
        if amount > MAX_AMOUNT:
            raise UserError("amount.too_large", text=to_decimal_string(amount, currency=currency),
                            max=MAX_AMOUNT)
    if cost < 0:
        raise UserError("value.negative", text=to_decimal_string(cost, currency=currency))
