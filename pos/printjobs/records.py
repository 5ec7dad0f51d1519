"""What receipts, sheet copies and card certificates print: a completed document as
the ledger rebuilds it (pos.ledger.documents: its lines and payments are the very records
that were sealed), with what a reader needs around it (store, staff, customer, card
tiers, each unit's sheet with what installers added on site later). Read-only; no Qt,
no printing.

What a card promises is read back from its own sealed dates (pos.catalog.coverage
.card_terms), so it is printed as the card was sold; the units' maker's warranty is
the catalog's. Free gifts are told apart by what was sealed: a pack sold at 0."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import select

from pos.catalog.coverage import card_terms, unit_warranty
from pos.db.engine import Database
from pos.db.models import (
    Category, Customer, Product, Sale, SaleLine, ServiceCard, ServiceTier, SheetItem, SheetSection,
    SheetTemplate, Staff, Store, Terminal,
)
from pos.kernel.enums import DocumentKind, LineKind, Outcome, OutcomeSubject, SheetLayout
from pos.kernel.errors import UserError
from pos.kernel.messages import Message
from pos.kernel.vat import VatLine, vat_by_rate
from pos.ledger.documents import DocCard, DocLine, DocOutcome, DocPayment, SaleDocument
from pos.ledger.tables import Stored, load_stored, sale_id_of


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
    terms: Message | None = None  # what it promises, with its dates (pos.catalog.coverage)


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
    gift: bool = False  # given free (a gift item of the checklist, sold at 0)


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
    warranty_months: int | None = None  # the unit's maker's warranty (None: not known)


@dataclass(frozen=True)
class SaleRecord:
    receipt_no: str
    completed_at: datetime
    terminal: str
    staff_name: str
    store: StoreHeader
    customer: CustomerRecord | None
    lines: tuple[DocLine, ...]
    payments: tuple[DocPayment, ...]
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
    # main unit's position -> its maker's warranty in months (None: the catalog says not)
    warranties: Mapping[int, int | None] = field(default_factory=dict)
    gift_lines: frozenset[int] = frozenset()  # positions of lines given free
    journal_check: str = ""  # its journal entry's anchor code (pos.printjobs.receipt_check)
    einvoice_qr: str = ""  # the store's e-invoice (开票) QR content; "" for none

    def children(self, position: int) -> list[DocLine]:
        return [line for line in self.lines if line.parent == position]


def store_header(store) -> StoreHeader:
    return StoreHeader(store.name, store.address, store.phone, store.tax_id, store.currency,
                       store.locale, store.receipt_footer)


def _customer(conn, customer_id: int | None) -> CustomerRecord | None:
    if customer_id is None:
        return None
    c = conn.execute(select(Customer.__table__).where(Customer.id == customer_id)).one()
    return CustomerRecord(c.name, c.phone, c.kind.value, c.company)


def store_of(conn, terminal_id: int):
    return conn.execute(select(Store.__table__, Terminal.code.label("terminal"))
                        .join(Terminal, Terminal.store_id == Store.id)
                        .where(Terminal.id == terminal_id)).one()


def load_sale(db: Database, *, receipt_no: str) -> SaleRecord:
    """Everything a receipt or a sheet copy prints for one document; UserError if unknown."""
    with db.read_connection() as conn:
        return _sale_record(conn, _stored(conn, receipt_no))


def load_sheet_sale(db: Database, *, receipt_no: str) -> SaleRecord:
    """What a sheet job prints for a document: a sale, its own units' sheets; an add-on,
    the sheet of the earlier sale's unit it was sold for, with what was asked on site
    (this add-on's outcomes and every add-on before it) laid over the sale's. The record
    is the earlier sale's, so the sheet carries its receipt, date and customer, as the
    pad the customer already holds does. UserError print.no_main_unit when the document
    has no unit with a sheet."""
    with db.read_connection() as conn:
        stored = _stored(conn, receipt_no)
        doc = stored.document
        if doc.kind is DocumentKind.ADDON and doc.original_sale_id is not None:
            units = sheet_units(doc)
            original = load_stored(conn, doc.original_sale_id)
            record = _sale_record(conn, original)
            mains = [line.position for line in original.document.lines
                     if line.kind is LineKind.MAIN_UNIT]
            record = replace(record, sheets=tuple(
                sheet for position, sheet in zip(mains, record.sheets)
                if original.line_ids[position] in units))
        else:
            record = _sale_record(conn, stored)
    if not record.sheets:
        raise UserError("print.no_main_unit", receipt=doc.receipt_no)
    return record


def sheet_units(doc: SaleDocument) -> set[int]:
    """The units whose sheet a document changes: its own main units (by position) for
    a sale; for an add-on, the earlier sale's units (their line ids) that it sold for or
    asked about on site. Empty: no sheet to print (an accessory sold on its own)."""
    if doc.kind is DocumentKind.ADDON:
        return ({line.parent_line for line in doc.lines if line.parent_line is not None}
                | {card.main_line for card in doc.cards if card.main_line is not None}
                | {outcome.main_line for outcome in doc.outcomes
                   if outcome.main_line is not None})
    if doc.kind is DocumentKind.SALE:
        return {line.position for line in doc.lines if line.kind is LineKind.MAIN_UNIT}
    return set()


def _stored(conn, receipt_no: str) -> Stored:
    sale_id = sale_id_of(conn, receipt_no)
    if sale_id is None:
        raise UserError("sale.no_receipt", receipt=receipt_no)
    return load_stored(conn, sale_id)


def _sale_record(conn, stored: Stored) -> SaleRecord:
    doc = stored.document
    store = store_of(conn, doc.terminal_id)
    staff = conn.execute(select(Staff.name).where(Staff.id == doc.staff_id)).scalar()
    customer = _customer(conn, doc.customer_id)
    cards = tuple(_card_record(conn, card, _unit_name(conn, doc, card),
                               doc.line(card.line).line_total, customer, doc.receipt_no,
                               _unit_sold(conn, doc, card))
                  for card in doc.cards)
    sheets = tuple(_unit_sheet(conn, stored, line, cards) for line in doc.lines
                   if line.kind is LineKind.MAIN_UNIT)
    addon_unit = None
    if doc.kind is DocumentKind.ADDON:
        outside = next((line.parent_line for line in doc.lines if line.parent_line), None)
        addon_unit = _line_name(conn, outside) if outside else None
    return SaleRecord(
        doc.receipt_no, doc.completed_at, store.terminal, staff, store_header(store),
        customer, doc.lines, doc.payments, cards,
        vat_by_rate((line.vat_rate_bp, line.line_total) for line in doc.lines), doc.total,
        doc.discount_total, doc.tendered, doc.change, sheets, doc.kind.value,
        doc.original_receipt, addon_unit,
        {line.position: _warranty(conn, line.product_id) for line in doc.lines
         if line.kind is LineKind.MAIN_UNIT}, gift_positions(doc.lines),
        *_qr_payloads(conn, stored.sale_id))


def _qr_payloads(conn, sale_id: int) -> tuple[str, str]:
    """(journal check value, the store's e-invoice QR) for the receipt's QR codes."""
    from pos.ledger.chain import anchor_code
    from pos.store.settings import get_setting

    sealed = conn.execute(select(Sale.journal_hash).where(Sale.id == sale_id)).scalar()
    return (anchor_code(sealed) if sealed else "", str(get_setting(conn, "einvoice_qr") or ""))


def _line_name(conn, line_id: int) -> str:
    return conn.execute(select(SaleLine.name).where(SaleLine.id == line_id)).scalar()


def _unit_name(conn, doc: SaleDocument, card: DocCard) -> str:
    """The covered unit: on this document, or (an add-on's card) on the earlier sale."""
    if card.main is not None:
        return doc.line(card.main).name
    return _line_name(conn, card.main_line)


def _unit_sold(conn, doc: SaleDocument, card: DocCard) -> date:
    """The day the card's unit was sold: this document's, or (an add-on's card) the
    earlier sale's."""
    if card.main is not None or doc.original_sale_id is None:
        return doc.business_date
    return conn.execute(select(Sale.business_date).where(Sale.id == doc.original_sale_id)).scalar()


def _warranty(conn, product_id: int | None) -> int | None:
    """A unit's maker's warranty in months, as the catalog says now."""
    row = conn.execute(select(Product.warranty_months, Category.warranty_months)
                       .join(Category, Category.id == Product.category_id)
                       .where(Product.id == product_id)).first()
    return unit_warranty(*row) if row else None


def gift_positions(lines) -> frozenset[int]:
    """The positions of lines given free: every line of a pack sold at 0 in all."""
    packs: dict[tuple, list[DocLine]] = {}
    for line in lines:
        if line.pack is not None:
            packs.setdefault((line.parent, line.parent_line, line.pack), []).append(line)
    return frozenset(line.position for pack in packs.values()
                     if sum(line.line_total for line in pack) == 0 for line in pack)


def _card_record(conn, card: DocCard, unit_name: str, price: int,
                 customer: CustomerRecord | None, receipt_no: str,
                 unit_sold: date) -> CardRecord:
    tier = conn.execute(select(ServiceTier.__table__).where(ServiceTier.id == card.tier_id)).one()
    terms = card_terms(service_mode=tier.service_mode, scope=tier.scope, starts=tier.starts,
                       unit_sold=unit_sold, start=card.start_date, end=card.end_date)
    return CardRecord(card.card_no, tier.code, tier.name, tier.description, tier.term_months,
                      tier.service_mode.value, tier.units_covered, card.start_date, card.end_date,
                      unit_name, card.unit_serial, price, customer, receipt_no, terms)


def _unit_sheet(conn, stored: Stored, unit: DocLine, cards: tuple[CardRecord, ...]) -> UnitSheet:
    """A unit's sheet as sold, with what installers sold for it later laid over it."""
    doc = stored.document
    category = conn.execute(select(Category.__table__).join(Product, Product.category_id == Category.id)
                            .where(Product.id == unit.product_id)).one()
    template_name = category.name
    sections: dict[int, str] = {}
    if category.sheet_template_id is not None:
        template_name = conn.execute(select(SheetTemplate.name).where(
            SheetTemplate.id == category.sheet_template_id)).scalar()
        sections = dict(conn.execute(
            select(SheetItem.id, SheetSection.title).join(SheetSection)
            .where(SheetSection.template_id == category.sheet_template_id)).all())
    items, card_outcome = [], None
    for outcome in doc.outcomes:
        if outcome.main != unit.position:
            continue
        if outcome.subject is OutcomeSubject.SERVICE_CARD:
            card_outcome = outcome.outcome.value
            continue
        sold = [line for line in doc.lines if line.parent == unit.position
                and outcome.sheet_item_id is not None and line.sheet_item_id == outcome.sheet_item_id]
        items.append(_item(sections, outcome, sold, on_site=False))
    unit_line_id = stored.line_ids[unit.position]
    later_cards = []
    for addon in _addons(conn, stored.sale_id):
        items = _lay_over(items, sections, addon, unit_line_id)
        later_cards += [_card_record(conn, card, unit.name, addon.document.line(card.line).line_total,
                                     cards[0].customer if cards else None, doc.receipt_no,
                                     doc.business_date)
                        for card in addon.document.cards if card.main_line == unit_line_id]
    if later_cards:
        card_outcome = Outcome.SOLD.value
    unit_cards = tuple(card for card, doc_card in zip(cards, doc.cards)
                       if doc_card.main == unit.position) + tuple(later_cards)
    return UnitSheet(category.sheet_layout.value if category.sheet_layout else "notebook",
                     template_name, unit.name, unit.unit_price, unit.serial, tuple(items),
                     card_outcome, unit_cards, _warranty(conn, unit.product_id))


def _item(sections: dict, outcome: DocOutcome, sold: list[DocLine], *, on_site: bool) -> SheetItemRecord:
    return SheetItemRecord(
        sections.get(outcome.sheet_item_id, ""), outcome.item_code, outcome.item_name,
        outcome.outcome.value, " + ".join(line.name for line in sold) or None,
        sum(line.line_total for line in sold) if sold else None, (), on_site,
        bool(sold) and len(gift_positions(sold)) == len(sold))


def _addons(conn, sale_id: int) -> list[Stored]:
    """The add-on documents installers wrote later against this sale, oldest first."""
    ids = conn.execute(select(Sale.id).where(Sale.original_sale_id == sale_id,
                                             Sale.kind == DocumentKind.ADDON)
                       .order_by(Sale.id)).scalars().all()
    return [load_stored(conn, addon_id) for addon_id in ids]


def _lay_over(items: list, sections: dict, addon: Stored, unit_line_id: int) -> list:
    """The unit's sheet with what one add-on asked on site laid over it, marked on site;
    a later "declined" never hides what was sold."""
    by_code = {item.code: index for index, item in enumerate(items)}
    for outcome in addon.document.outcomes:
        if outcome.main_line != unit_line_id or outcome.subject is not OutcomeSubject.SHEET_ITEM:
            continue
        if outcome.outcome is not Outcome.SOLD and outcome.item_code in by_code \
                and items[by_code[outcome.item_code]].outcome == Outcome.SOLD:
            continue
        sold = []
        if outcome.sold is not None:
            first = addon.document.line(outcome.sold)
            sold = [line for line in addon.document.lines if line.pack and line.pack == first.pack
                    and line.parent_line == unit_line_id] or [first]
        record = _item(sections, outcome, sold, on_site=True)
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
            layouts = [layout.value for layout in SheetLayout]
            if sheet is not None:
                raise UserError("sheet.no_sheet_on_layout", sheet=sheet, layout=layout)
            raise UserError("sheet.no_layout", layout=layout, layouts=layouts)
        template = session.get(SheetTemplate, category.sheet_template_id)
        store = session.scalar(select(Store).order_by(Store.id))
        items = []
        for section in template.sections:
            for item in section.items:
                names = tuple(link.product.name for link in item.product_links)
                items.append(SheetItemRecord(section.title, item.code, item.name, "not_offered",
                                             None, item.pack_price, names, gift=item.gift))
        return store_header(store), UnitSheet(layout, template.name, None, None, None,
                                               tuple(items), None, ())


def load_card(db: Database, *, card_no: str) -> tuple[StoreHeader, CardRecord]:
    with db.read_connection() as conn:
        sale_id = conn.execute(select(ServiceCard.sale_id).where(
            ServiceCard.card_no == card_no.strip().upper())).scalar()
        if sale_id is None:
            raise UserError("card.no_number", card=card_no)
        doc = load_stored(conn, sale_id).document
        card = next(c for c in doc.cards if c.card_no == card_no.strip().upper())
        return store_header(store_of(conn, doc.terminal_id)), _card_record(
            conn, card, _unit_name(conn, doc, card), doc.line(card.line).line_total,
            _customer(conn, card.customer_id), doc.receipt_no, _unit_sold(conn, doc, card))
