"""The configuration sheet of a unit in the cart: its items, highest price first, with
the products that satisfy each and their stock, and marking an item sold (its product,
or a pack's parts at the pack price, added under the unit), declined, or back to not
yet asked. A free gift (gift = true on the checklist) is a pack at 0: its products are
added at 0 and it counts as sold like any item."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import Select, select

from pos.catalog.stock_here import stock_here
from pos.db.engine import Database
from pos.db.models import Product, SheetItem, SheetItemProduct, SheetSection
from pos.kernel.enums import LineKind, Outcome
from pos.kernel.errors import UserError
from pos.selling.cart import Cart, CartLine, new_line_id, outcome_key, split_pack_price


@dataclass(frozen=True)
class Candidate:
    product_id: int
    sku: str
    name: str
    price: int
    stock: int


@dataclass(frozen=True)
class SheetRow:
    item_id: int
    section: str
    code: str
    name: str
    script: str
    pack_price: int | None
    candidates: tuple[Candidate, ...]  # highest price first (a pack: its parts)
    outcome: Outcome  # NOT_OFFERED: not asked yet
    sold_product_id: int | None
    gift: bool = False  # given free: pack_price is 0


def sheet_rows(db: Database, cart: Cart, *, main_line_id: str) -> list[SheetRow]:
    main = cart.main_line(main_line_id)
    if main.sheet_template_id is None:
        return []
    with db.read_connection() as connection:  # one statement, no Session
        return rows_from(connection.execute(sheet_select(main.sheet_template_id),
                                            stock_at(cart)).all(),
                         cart, main_line_id=main_line_id)


def stock_at(cart: Cart) -> dict:
    """The parameters that make a statement's stock_here column the cart's store's."""
    return {"stock_store": cart.store_id}


# The columns of sheet_select, in order (pos.selling.unit_view unions them with the tiers').
SHEET_COLUMNS = (
    SheetSection.title, SheetItem.id, SheetItem.code, SheetItem.name, SheetItem.script,
    SheetItem.pack_price, SheetItem.gift, Product.id, Product.sku, Product.name, Product.price,
    stock_here(), SheetSection.position, SheetItem.position, SheetItemProduct.position,
)
SHEET_WIDTH = len(SHEET_COLUMNS)


def sheet_select(template_id: int, *, before=(), after=()) -> Select:
    """A template's items, each with the products that satisfy it as they are now
    (price, on-hand at the statement's `stock_store`: run it with stock_at(cart)): one
    row per item and product. `before`/`after`: columns around these (a union's
    padding)."""
    return (select(*before, *SHEET_COLUMNS, *after)
            .select_from(SheetSection)
            .join(SheetItem, SheetItem.section_id == SheetSection.id)
            .join(SheetItemProduct, SheetItemProduct.item_id == SheetItem.id)
            .join(Product, Product.id == SheetItemProduct.product_id)
            .where(SheetSection.template_id == template_id))


def rows_from(rows, cart: Cart, *, main_line_id: str) -> list[SheetRow]:
    """SheetRows from sheet_select's rows (in any order), marked as the cart has them."""
    items: dict[int, tuple] = {}
    for (title, item_id, code, name, script, pack_price, gift, product_id, sku, product_name,
         price, stock, *_positions) in sorted(rows, key=lambda r: (r[12], r[13], r[14])):
        entry = items.setdefault(item_id, (title, code, name, script, pack_price, [], gift))
        entry[5].append(Candidate(product_id, sku, product_name, price, stock))
    result = []
    for item_id, (title, code, name, script, pack_price, candidates, gift) in items.items():
        if pack_price is None:
            candidates.sort(key=lambda c: (-c.price, c.sku))
        sold = cart.item_lines(main_line_id, item_id)
        result.append(SheetRow(item_id, title, code, name, script, pack_price, tuple(candidates),
                               cart.outcome(main_line_id, item_id),
                               sold[0].product_id if sold and pack_price is None else None,
                               bool(gift)))
    return result


def mark_item(db: Database, cart: Cart, *, main_line_id: str, item_id: int, outcome: Outcome | str,
              product_id: int | None = None) -> None:
    """Mark a sheet item sold (adding its product, or a pack's parts at the pack price,
    under the unit), declined, or back to not yet asked (NOT_OFFERED)."""
    main = cart.main_line(main_line_id)
    try:
        outcome = Outcome(outcome)
    except ValueError:
        raise UserError("sheet.bad_outcome", outcome=outcome) from None
    rows = {row.item_id: row for row in sheet_rows(db, cart, main_line_id=main_line_id)}
    row = rows.get(item_id)
    if row is None:
        raise UserError("sheet.item_not_on_sheet", name=main.name)
    new_lines: list[CartLine] = []
    if outcome is Outcome.SOLD:
        new_lines = _lines_for_item(db, row, main, product_id, stock_at(cart))
    key = outcome_key(main_line_id, item_id)
    old = {l.line_id for l in cart.item_lines(main_line_id, item_id)}
    cart.lines = [l for l in cart.lines if l.line_id not in old]
    insert_at = cart.after_children(main_line_id)
    cart.lines[insert_at:insert_at] = new_lines
    if outcome is Outcome.NOT_OFFERED:
        cart.outcomes.pop(key, None)
    else:
        cart.outcomes[key] = outcome


def _lines_for_item(db, row: SheetRow, main: CartLine, product_id: int | None,
                    stock_store: dict) -> list[CartLine]:
    if row.pack_price is not None:
        parts = row.candidates
        shares = split_pack_price(row.pack_price, [c.price for c in parts])
        chosen = list(zip(parts, shares))
    else:
        if product_id is None:
            candidate = row.candidates[0]
        else:
            matches = [c for c in row.candidates if c.product_id == product_id]
            if not matches:
                raise UserError("sheet.product_not_for_item", item=row.name)
            candidate = matches[0]
        chosen = [(candidate, candidate.price)]
    with db.read_connection() as connection:
        products = {p.id: p for p in connection.execute(
            select(Product.id, Product.sku, Product.name, Product.price, Product.cost,
                   Product.vat_rate_bp, Product.serial_tracked, Product.category_id,
                   stock_here())
            .where(Product.id.in_([c.product_id for c, _ in chosen])), stock_store)}
        lines = []
        for candidate, price in chosen:
            product = products[candidate.product_id]
            lines.append(CartLine(
                line_id=new_line_id(), product_id=product.id, sku=product.sku, name=product.name,
                kind=LineKind.ACCESSORY, quantity=1, list_price=product.price, unit_price=price,
                unit_cost=product.cost, vat_rate_bp=product.vat_rate_bp,
                serial_tracked=product.serial_tracked, parent_line_id=main.line_id,
                sheet_item_id=row.item_id,
                pack_code=row.code if row.pack_price is not None else None,
                category_id=product.category_id, stock=product.stock,
            ))
    return lines


def attach_scanned(db: Database, cart: Cart) -> None:
    """Put each loose accessory (scanned, not ticked) on the sheet of a unit in the cart
    whose sheet lists it and has not sold that item yet: it hangs under the unit and the
    item reads *sold*, on screen, in the report and on the printed sheet. A cleaning kit
    scanned with a notebook was sold with it, not forgotten. One piece goes on a sheet:
    of a line of several, one is split off for the unit and the rest stay loose (a
    discounted or repriced line stays as it is). Pack items (several parts at a pack
    price) are only sold by ticking them."""
    units = [u for u in cart.main_units() if u.sheet_template_id is not None]
    loose = [l for l in cart.lines if l.kind is LineKind.ACCESSORY and l.parent_line_id is None
             and l.pack_code is None and l.product_id is not None and l.existing_line_id is None
             and not l.discount and l.override_reason is None and l.price_event is None]
    if not units or not loose:
        return
    with db.read() as session:
        rows = session.execute(
            select(SheetItemProduct.product_id, SheetItem.id, SheetSection.template_id)
            .join(SheetItem, SheetItem.id == SheetItemProduct.item_id)
            .join(SheetSection, SheetSection.id == SheetItem.section_id)
            .where(SheetItemProduct.product_id.in_({l.product_id for l in loose}),
                   SheetSection.template_id.in_({u.sheet_template_id for u in units}),
                   SheetItem.pack_price.is_(None))
            .order_by(SheetSection.position, SheetItem.position)).all()
    items: dict[tuple[int, int], list[int]] = {}  # (product, template) -> sheet items
    for product_id, item_id, template_id in rows:
        items.setdefault((product_id, template_id), []).append(item_id)
    for line in loose:
        for unit in units:
            free = [i for i in items.get((line.product_id, unit.sheet_template_id), ())
                    if not cart.item_lines(unit.line_id, i)]
            if not free:
                continue
            whole = line.quantity == 1
            if whole:
                cart.lines.remove(line)
                piece = line
            else:  # one for this unit's sheet; the rest stay loose for the next unit
                line.quantity -= 1
                piece = replace(line, line_id=new_line_id(), quantity=1)
            piece.parent_line_id, piece.sheet_item_id = unit.line_id, free[0]
            cart.lines.insert(cart.after_children(unit.line_id), piece)
            cart.outcomes[outcome_key(unit.line_id, free[0])] = Outcome.SOLD
            if whole:
                break
