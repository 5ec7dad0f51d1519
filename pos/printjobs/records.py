"""A completed sale, a unit's configuration sheet and a service card as plain records:
what receipts, sheet copies and card certificates print. Read-only; no Qt, no printing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import (
    Category, Customer, Payment, Product, Sale, SaleLine, ServiceCard, ServiceTier, SheetItem,
    SheetOutcome, SheetSection, SheetTemplate, Staff, Store, Terminal,
)
from pos.kernel.enums import DocumentKind
from pos.kernel.errors import UserError
from pos.kernel.vat import VatLine, vat_by_rate


@dataclass(frozen=True)
class StoreHeader:
    name: str
    address: str
    phone: str
    tax_id: str
    currency: str
    locale: str
    footer: str


@dataclass(frozen=True)
class CustomerRecord:
    name: str
    phone: str
    kind: str  # consumer / business
    company: str | None


@dataclass(frozen=True)
class LineRecord:
    position: int
    kind: str  # main_unit / accessory / card
    sku: str
    name: str
    quantity: int
    list_price: int
    unit_price: int
    discount: int
    total: int
    vat_rate_bp: int
    serial: str | None
    pack_code: str | None
    parent_position: int | None
    override_reason: str | None


@dataclass(frozen=True)
class CardRecord:
    card_no: str
    tier_code: str
    tier_name: str
    description: str
    term_months: int | None  # None: lifetime
    service_mode: str  # on_site / carry_in
    units_covered: int
    start_date: date
    end_date: date | None  # None: lifetime
    unit_name: str
    unit_serial: str | None
    price: int
    customer: CustomerRecord | None
    receipt_no: str


@dataclass(frozen=True)
class PaymentRecord:
    tender: str
    amount: int
    reference: str | None
    card_last4: str | None
    due_date: date | None


@dataclass(frozen=True)
class SheetItemRecord:
    section: str
    code: str
    name: str
    outcome: str  # sold / declined / not_offered
    product_name: str | None  # what was sold for it
    price: int | None  # what it was sold for (a pack: the pack price)
    candidates: tuple[str, ...]  # the products that satisfy the item (for a blank sheet)
    added_on_site: bool = False  # sold later by an installer (an add-on)


@dataclass(frozen=True)
class UnitSheet:
    layout: str  # desktop_pc / notebook / digital / phone
    template_name: str
    unit_name: str | None  # None on a blank sheet
    unit_price: int | None
    serial: str | None
    items: tuple[SheetItemRecord, ...]
    card_outcome: str | None  # sold / declined / not_offered
    cards: tuple[CardRecord, ...]


@dataclass(frozen=True)
class SaleRecord:
    receipt_no: str
    completed_at: datetime
    terminal: str
    staff_name: str
    store: StoreHeader
    customer: CustomerRecord | None
    lines: tuple[LineRecord, ...]
    payments: tuple[PaymentRecord, ...]
    cards: tuple[CardRecord, ...]
    vat: tuple[VatLine, ...]
    total: int
    discount_total: int
    tendered: int
    change: int
    sheets: tuple[UnitSheet, ...]
    kind: str = "sale"  # sale / addon / refund / void
    original_receipt: str | None = None  # what an add-on, refund or void refers to
    addon_unit: str | None = None  # the unit an add-on was sold for

    def children(self, position: int) -> list[LineRecord]:
        return [line for line in self.lines if line.parent_position == position]


def _store_header(store: Store) -> StoreHeader:
    return StoreHeader(store.name, store.address, store.phone, store.tax_id, store.currency,
                       store.locale, store.receipt_footer)


def _customer(customer: Customer | None) -> CustomerRecord | None:
    if customer is None:
        return None
    return CustomerRecord(customer.name, customer.phone, customer.kind.value, customer.company)


def load_sale(db: Database, *, receipt_no: str) -> SaleRecord:
    """Everything a receipt or a sheet copy prints for one sale; UserError if unknown."""
    with db.read() as session:
        sale = session.scalar(select(Sale).where(Sale.receipt_no == receipt_no.strip().upper()))
        if sale is None:
            raise UserError(f"No sale has the receipt number '{receipt_no}'")
        terminal = session.get(Terminal, sale.terminal_id)
        store = session.get(Store, terminal.store_id)
        staff = session.get(Staff, sale.staff_id)
        customer = _customer(session.get(Customer, sale.customer_id) if sale.customer_id else None)
        rows = session.scalars(select(SaleLine).where(SaleLine.sale_id == sale.id)
                               .order_by(SaleLine.position)).all()
        position = {row.id: row.position for row in rows}
        lines = tuple(_line_record(r, position.get(r.parent_line_id)) for r in rows)
        by_position = {line.position: line for line in lines}

        def unit_of(card: ServiceCard) -> LineRecord:
            if card.main_line_id in position:
                return by_position[position[card.main_line_id]]
            return _line_record(session.get(SaleLine, card.main_line_id), None)  # an add-on's

        cards = tuple(_card_record(session, card, unit_of(card),
                                   by_position[position[card.line_id]].total, customer,
                                   sale.receipt_no)
                      for card in session.scalars(select(ServiceCard).where(
                          ServiceCard.sale_id == sale.id).order_by(ServiceCard.card_no)))
        payments = tuple(PaymentRecord(p.tender.value, p.amount, p.reference, p.card_last4,
                                       p.due_date)
                         for p in session.scalars(select(Payment).where(Payment.sale_id == sale.id)
                                                  .order_by(Payment.position)))
        item_of = {row.position: row.sheet_item_id for row in rows}
        sheets = tuple(_unit_sheet(session, sale, row, item_of, by_position, cards)
                       for row in rows if row.kind.value == "main_unit")
        vat = vat_by_rate((line.vat_rate_bp, line.total) for line in lines)
        original = session.get(Sale, sale.original_sale_id) if sale.original_sale_id else None
        addon_unit = None
        if sale.kind.value == "addon":
            outside = [r.parent_line_id for r in rows if r.parent_line_id not in position]
            unit = session.get(SaleLine, outside[0]) if outside and outside[0] else None
            addon_unit = unit.name if unit else None
        return SaleRecord(
            sale.receipt_no, sale.completed_at, terminal.code, staff.name, _store_header(store),
            customer, lines, payments, cards, vat, sale.total, sale.discount_total, sale.tendered,
            sale.change_given, sheets, sale.kind.value,
            original.receipt_no if original else None, addon_unit)


def _line_record(row: SaleLine, parent_position: int | None) -> LineRecord:
    return LineRecord(row.position, row.kind.value, row.sku, row.name, row.quantity,
                      row.list_price, row.unit_price, row.discount, row.line_total,
                      row.vat_rate_bp, row.serial, row.pack_code, parent_position,
                      row.override_reason)


def _card_record(session, card: ServiceCard, unit: LineRecord, price: int,
                 customer: CustomerRecord | None, receipt_no: str) -> CardRecord:
    tier = session.get(ServiceTier, card.tier_id)
    return CardRecord(card.card_no, tier.code, tier.name, tier.description, tier.term_months,
                      tier.service_mode.value, tier.units_covered, card.start_date, card.end_date,
                      unit.name, card.unit_serial, price, customer, receipt_no)


def _unit_sheet(session, sale: Sale, unit_row: SaleLine, item_of: dict[int, int | None],
                by_position: dict[int, LineRecord], cards) -> UnitSheet:
    category = session.scalar(select(Category).join(Product).where(Product.id == unit_row.product_id))
    template = session.get(SheetTemplate, category.sheet_template_id) if category.sheet_template_id else None
    sections = {}
    if template is not None:
        for item_id, title in session.execute(
                select(SheetItem.id, SheetSection.title).join(SheetSection)
                .where(SheetSection.template_id == template.id)):
            sections[item_id] = title
    outcomes = session.scalars(select(SheetOutcome).where(
        SheetOutcome.sale_id == sale.id, SheetOutcome.main_line_id == unit_row.id)
        .order_by(SheetOutcome.id)).all()
    items, card_outcome = [], None
    for outcome in outcomes:
        if outcome.subject.value == "service_card":
            card_outcome = outcome.outcome.value
            continue
        sold = [line for line in by_position.values()
                if line.parent_position == unit_row.position and outcome.sheet_item_id is not None
                and item_of[line.position] == outcome.sheet_item_id]
        product_name = " + ".join(line.name for line in sold) if sold else None
        price = sum(line.total for line in sold) if sold else None
        items.append(SheetItemRecord(sections.get(outcome.sheet_item_id, ""), outcome.item_code,
                                     outcome.item_name, outcome.outcome.value, product_name, price,
                                     ()))
    items = _with_addons(session, unit_row, items, sections)
    later_cards = session.scalars(select(ServiceCard).where(
        ServiceCard.main_line_id == unit_row.id, ServiceCard.sale_id != sale.id)
        .order_by(ServiceCard.card_no)).all()
    unit_record = by_position[unit_row.position]
    added_cards = tuple(
        _card_record(session, card, unit_record, session.get(SaleLine, card.line_id).line_total,
                     cards[0].customer if cards else None, sale.receipt_no)
        for card in later_cards)
    if added_cards:
        card_outcome = "sold"
    unit_cards = tuple(card for card in cards if card.unit_name == unit_row.name
                       and card.unit_serial == unit_row.serial) + added_cards
    return UnitSheet(category.sheet_layout.value if category.sheet_layout else "notebook",
                     template.name if template else category.name, unit_row.name,
                     unit_row.unit_price, unit_row.serial, tuple(items), card_outcome, unit_cards)


def _with_addons(session, unit_row: SaleLine, items: list, sections: dict) -> list:
    """The unit's sheet with what installers sold later laid over it, marked on site."""
    later = session.execute(
        select(SheetOutcome, SaleLine).outerjoin(SaleLine, SaleLine.id == SheetOutcome.sold_line_id)
        .where(SheetOutcome.sale_id.in_(select(Sale.id).where(
                   Sale.original_sale_id == unit_row.sale_id, Sale.kind == DocumentKind.ADDON)),
               SheetOutcome.main_line_id == unit_row.id, SheetOutcome.subject == "sheet_item")
        .order_by(SheetOutcome.id)).all()
    by_code = {item.code: index for index, item in enumerate(items)}
    for outcome, sold in later:
        if outcome.outcome.value != "sold" and outcome.item_code in by_code \
                and items[by_code[outcome.item_code]].outcome == "sold":
            continue  # a later "declined" never hides what was sold
        pack_lines = []
        if sold is not None and sold.pack_code:
            pack_lines = session.scalars(select(SaleLine).where(
                SaleLine.sale_id == sold.sale_id, SaleLine.pack_code == sold.pack_code,
                SaleLine.parent_line_id == unit_row.id)).all()
        sold_lines = pack_lines or ([sold] if sold is not None else [])
        record = SheetItemRecord(
            sections.get(outcome.sheet_item_id, ""), outcome.item_code, outcome.item_name,
            outcome.outcome.value, " + ".join(l.name for l in sold_lines) or None,
            sum(l.line_total for l in sold_lines) if sold_lines else None, (), True)
        if outcome.item_code in by_code:
            items[by_code[outcome.item_code]] = record
        else:
            by_code[outcome.item_code] = len(items)
            items.append(record)
    return items


def load_blank_sheet(db: Database, *, layout: str,
                     sheet: str | None = None) -> tuple[StoreHeader, UnitSheet]:
    """The whole sheet of a layout family with nothing ticked, for stores that fill pads
    by hand: every item with the products that satisfy it. A family with several sheets
    (digital: DSLR and compact) takes `sheet`, the sheet's code, to pick one."""
    with db.read() as session:
        query = select(Category).where(Category.sheet_layout == layout,
                                       Category.sheet_template_id.is_not(None))
        if sheet is not None:
            query = query.join(SheetTemplate, SheetTemplate.id == Category.sheet_template_id) \
                .where(SheetTemplate.code == sheet)
        category = session.scalar(query.order_by(Category.code))
        if category is None:
            layouts = "desktop_pc, notebook, digital, phone"
            if sheet is not None:
                raise UserError(f"No sheet '{sheet}' prints on the {layout} layout")
            raise UserError(f"No sheet uses the layout '{layout}' (layouts: {layouts})")
        template = session.get(SheetTemplate, category.sheet_template_id)
        store = session.scalar(select(Store).order_by(Store.id))
        items = []
        for section in template.sections:
            for item in section.items:
                names = tuple(link.product.name for link in item.product_links)
                items.append(SheetItemRecord(section.title, item.code, item.name, "not_offered",
                                             None, item.pack_price, names))
        return _store_header(store), UnitSheet(layout, template.name, None, None, None,
                                               tuple(items), None, ())


def load_card(db: Database, *, card_no: str) -> tuple[StoreHeader, CardRecord]:
    with db.read() as session:
        card = session.scalar(select(ServiceCard).where(ServiceCard.card_no == card_no.strip().upper()))
        if card is None:
            raise UserError(f"No service card has the number '{card_no}'")
        sale = session.get(Sale, card.sale_id)
        store = session.get(Store, session.get(Terminal, sale.terminal_id).store_id)
        unit = session.get(SaleLine, card.main_line_id)
        line = session.get(SaleLine, card.line_id)
        customer = _customer(session.get(Customer, card.customer_id))
        return _store_header(store), _card_record(session, card, _line_record(unit, None),
                                                  line.line_total, customer, sale.receipt_no)
