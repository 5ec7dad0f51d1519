"""The cart as plain data, and the arithmetic on it: line totals, VAT (by the rule in
pos.kernel.vat), gift-pack splitting and tenders. No database here; the selling services
look things up and call these."""

from __future__ import annotations

import copy
import re
import unicodedata
import uuid
from dataclasses import asdict, dataclass, field

from pos.kernel.enums import CardStatus, CustomerKind, LineKind, Outcome, Tender
from pos.kernel.errors import UserError
from pos.kernel.text import clean_text
from pos.kernel.vat import VatLine, vat_by_rate

REFERENCE_MAX = 64  # payments.reference


@dataclass
class CartLine:
    line_id: str
    product_id: int | None
    sku: str
    name: str
    kind: LineKind
    quantity: int
    list_price: int
    unit_price: int
    unit_cost: int
    vat_rate_bp: int
    discount: int = 0
    serial_tracked: bool = False
    serial: str | None = None
    parent_line_id: str | None = None
    sheet_item_id: int | None = None
    pack_code: str | None = None
    tier_id: int | None = None
    override_reason: str | None = None
    sheet_template_id: int | None = None  # main units: the sheet they are sold with
    category_id: int | None = None
    # An installer's add-on cart shows the unit sold earlier: it carries that sale line's
    # id, is not sold again and costs nothing here (its price still sets card bands).
    existing_line_id: int | None = None
    has_card: bool = False  # that earlier unit already carries a service card
    # The audit events that allow this line's price and discount when the catalog and
    # the seller's limit alone do not (a price override; a discount beyond a limit).
    # Completion checks the line against them (pos.selling.pricing).
    price_event: int | None = None
    discount_event: int | None = None
    # The product's stock when it was last scanned (pos.selling.checkout.add_product): the
    # till warns when the cart holds more (short_of_stock). Completion, not this, decides.
    stock: int | None = None

    def __post_init__(self):
        self.kind = LineKind(self.kind)  # also from a parked cart's JSON

    @property
    def gross(self) -> int:
        return 0 if self.existing_line_id is not None else self.unit_price * self.quantity

    @property
    def total(self) -> int:
        return self.gross - self.discount


@dataclass
class Cart:
    uuid: str
    staff_id: int
    terminal: str
    lines: list[CartLine] = field(default_factory=list)
    customer_id: int | None = None
    customer_kind: CustomerKind | None = None
    # outcome_key(main line id, sheet item id) -> SOLD / DECLINED; unmarked = not offered
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    cards_declined: list[str] = field(default_factory=list)  # main line ids
    # Set on an installer's add-on cart: the sale it adds to.
    original_sale_id: int | None = None
    original_receipt: str | None = None
    # The store of the till (terminals.store_id), set when the cart opens: the on-hand the
    # till shows is this store's. A cart parked before it was kept is given it on resume.
    store_id: int | None = None
    # A quote opened as this cart (pos.accounts.quotes.open_quote): completion converts it
    # once. The customer asked for a fapiao: completion records it in the sale's transaction.
    quote_id: int | None = None
    invoice_requested: bool = False
    # Sold on a service job (pos.service.job_sales): completion links the sale to the job
    # (sales.job_id) and seals the job's "sold" event in the sale's transaction.
    job_id: int | None = None
    # The card confirmation points asked at the till (pos.selling.confirmations):
    # [main line id, point, accepted, staff id, ISO time]; completion writes and seals them.
    confirmations: list[list] = field(default_factory=list)

    @classmethod
    def new(cls, *, staff_id: int, terminal: str, store_id: int | None = None) -> Cart:
        return cls(uuid=str(uuid.uuid4()), staff_id=staff_id, terminal=terminal,
                   store_id=store_id)

    def line(self, line_id: str) -> CartLine:
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise UserError("cart.line_gone")

    def billable_lines(self) -> list[CartLine]:
        """What this cart sells (an add-on cart's earlier unit is not sold again)."""
        return [line for line in self.lines if line.existing_line_id is None]

    def main_units(self) -> list[CartLine]:
        return [line for line in self.lines if line.kind is LineKind.MAIN_UNIT]

    def main_line(self, line_id: str) -> CartLine:
        """The main unit with this line id; a UserError for any other line."""
        line = self.line(line_id)
        if line.kind is not LineKind.MAIN_UNIT:
            raise UserError("cart.not_main_unit", name=line.name)
        return line

    def children(self, main_line_id: str) -> list[CartLine]:
        return [line for line in self.lines if line.parent_line_id == main_line_id]

    def card_lines(self, main_line_id: str) -> list[CartLine]:
        return [line for line in self.children(main_line_id) if line.kind is LineKind.CARD]

    def item_lines(self, main_line_id: str, item_id: int) -> list[CartLine]:
        """The lines a sheet item of a unit was sold as (a pack: all its parts)."""
        return [line for line in self.children(main_line_id) if line.sheet_item_id == item_id]

    def after_children(self, main_line_id: str) -> int:
        """Where a new line under a unit goes: after the unit and what hangs under it."""
        index = next(i for i, l in enumerate(self.lines) if l.line_id == main_line_id) + 1
        while index < len(self.lines) and self.lines[index].parent_line_id == main_line_id:
            index += 1
        return index

    def outcome(self, main_line_id: str, item_id: int) -> Outcome:
        return self.outcomes.get(outcome_key(main_line_id, item_id), Outcome.NOT_OFFERED)

    def marks(self, main_line_id: str) -> dict[int, Outcome]:
        """Sheet item id -> how it was marked (sold or declined), for one unit."""
        prefix = main_line_id + ":"
        return {int(key[len(prefix):]): outcome for key, outcome in self.outcomes.items()
                if key.startswith(prefix)}

    def card_status(self, main_line_id: str) -> CardStatus:
        """What the "confirm the card" prompt needs to know about a unit."""
        if self.card_lines(main_line_id) or self.line(main_line_id).has_card:
            return CardStatus.CHOSEN
        if main_line_id in self.cards_declined:
            return CardStatus.DECLINED
        return CardStatus.NOT_ASKED

    def copy(self) -> Cart:
        """A copy to change without touching this one (the till changes a copy off its
        GUI thread and shows it once the change succeeded). Lines hold plain values, so
        copying each line (its fields, as copy.copy would, without its generic
        machinery), list and dict copies it all, at a twentieth of deepcopy's cost."""
        mine = copy.copy(self)
        mine.lines = [_copy_line(line) for line in self.lines]
        mine.outcomes, mine.cards_declined = dict(self.outcomes), list(self.cards_declined)
        mine.confirmations = [list(row) for row in self.confirmations]
        return mine

    def to_json_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json_dict(cls, data: dict) -> Cart:
        """A cart parked as JSON; its enums come back from their values. Anything that
        is not the shape of a cart is refused (a UserError, park.damaged): what it says
        is checked again, against the catalog, when the sale completes."""
        try:
            data = dict(data)
            lines = [CartLine(**line) for line in data.pop("lines")]
            outcomes = {str(key): Outcome(value) for key, value in data.pop("outcomes").items()}
            kind = data.pop("customer_kind")
            cart = cls(lines=lines, outcomes=outcomes,
                       customer_kind=CustomerKind(kind) if kind else None, **data)
        except (TypeError, ValueError, KeyError, AttributeError):
            raise UserError("park.damaged") from None
        if not (isinstance(cart.uuid, str) and isinstance(cart.terminal, str)
                and isinstance(cart.cards_declined, list)
                and (cart.store_id is None or type(cart.store_id) is int)
                and (cart.quote_id is None or type(cart.quote_id) is int)
                and (cart.job_id is None or type(cart.job_id) is int)
                and type(cart.invoice_requested) is bool
                and _confirmations_shape(cart.confirmations)):
            raise UserError("park.damaged")
        return cart


def _confirmations_shape(rows) -> bool:
    """A parked cart's confirmations are [line id, point, accepted, staff id, ISO time]."""
    return isinstance(rows, list) and all(
        isinstance(row, list) and len(row) == 5 and isinstance(row[0], str)
        and isinstance(row[1], str) and type(row[2]) is bool and type(row[3]) is int
        and isinstance(row[4], str) for row in rows)


def short_of_stock(cart: Cart) -> dict[str, int]:
    """Line id -> the product's stock, for every line of a product that the cart holds
    more of than was in stock when it was last scanned: the till shows a warning on the
    line (stock may still arrive; completion refuses what is not there, unless the store
    allows selling below zero)."""
    held: dict[int, int] = {}
    stock: dict[int, int] = {}
    for line in cart.billable_lines():
        if line.product_id is not None and type(line.stock) is int:
            held[line.product_id] = held.get(line.product_id, 0) + line.quantity
            stock[line.product_id] = line.stock
    return {line.line_id: stock[line.product_id] for line in cart.billable_lines()
            if line.product_id in held and held[line.product_id] > stock[line.product_id]}


def plain_text(text: str | None, *, max_length: int, field: str) -> str:
    """A code, a receipt number, a search: stripped, no control characters (NUL crashes
    PostgreSQL), at most `max_length` characters, the same on every database. Nothing is
    masked (an IMEI passes the card-number check; pos.kernel.text.clean_text is for
    text people write)."""
    value = (text or "").strip() if isinstance(text, str) or text is None else None
    if value is None:
        raise UserError("text.required", field=field)
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise UserError("text.control_characters", field=field)
    if len(value) > max_length:
        raise UserError("text.too_long", field=field, max=max_length)
    return value


def _copy_line(line: CartLine) -> CartLine:
    copied = object.__new__(type(line))
    copied.__dict__.update(line.__dict__)
    return copied


def outcome_key(main_line_id: str, item_id: int) -> str:
    return f"{main_line_id}:{item_id}"


def new_line_id() -> str:
    return uuid.uuid4().hex[:12]


@dataclass(frozen=True)
class Totals:
    gross: int  # before line discounts
    discount: int
    total: int
    vat: tuple[VatLine, ...]

    @property
    def vat_total(self) -> int:
        return sum(v.vat for v in self.vat)


def totals(lines: list[CartLine]) -> Totals:
    vat = vat_by_rate((line.vat_rate_bp, line.total) for line in lines)
    gross = sum(line.gross for line in lines)
    discount = sum(line.discount for line in lines)
    return Totals(gross=gross, discount=discount, total=gross - discount, vat=vat)


def split_pack_price(pack_price: int, list_prices: list[int]) -> list[int]:
    """Share a pack price across its parts in proportion to their list prices, so the
    shares add up exactly to the pack price (largest remainder goes first)."""
    if not list_prices:
        raise ValueError("a pack has parts")
    whole = sum(list_prices)
    if whole == 0:
        base, extra = divmod(pack_price, len(list_prices))
        return [base + (1 if i < extra else 0) for i in range(len(list_prices))]
    shares, remainders = [], []
    for index, price in enumerate(list_prices):
        share, remainder = divmod(pack_price * price, whole)
        shares.append(share)
        remainders.append((-remainder, index))
    for _, index in sorted(remainders)[: pack_price - sum(shares)]:
        shares[index] += 1
    return shares


@dataclass(frozen=True)
class TenderInput:
    tender: Tender
    amount: int
    reference: str | None = None
    card_last4: str | None = None

    def __post_init__(self):
        if not isinstance(self.tender, Tender):
            try:
                object.__setattr__(self, "tender", Tender(self.tender))
            except ValueError:
                raise UserError("tender.unknown", tender=self.tender) from None


# 12 or more digits, whatever a person types between them (spaces of any width, dashes,
# dots, slashes, underscores...): a card number, which a payment reference never holds.
_LONG_DIGIT_RUN = re.compile(r"\d(?:[\s\-_./\\·,:;|~]*\d){11,}")


def payment_fields(tender: TenderInput) -> tuple[str | None, str | None]:
    """A tender's reference and last-4 as they may be stored and printed: the reference
    is text of at most REFERENCE_MAX characters without control characters that holds no
    run of 12 or more digits, whatever separates them (a typed card number is refused,
    never kept), and only a bank card keeps a last-4, which is exactly four ASCII digits."""
    if tender.reference is not None and not isinstance(tender.reference, str):
        raise UserError("tender.card_number_typed")
    if tender.reference and _LONG_DIGIT_RUN.search(tender.reference):
        raise UserError("tender.card_number_typed")
    reference = clean_text(tender.reference, max_length=REFERENCE_MAX, field="field.reference")
    last4 = tender.card_last4
    if isinstance(last4, str):
        last4 = last4.strip()
    if last4 is not None and last4 != "" and (
            tender.tender is not Tender.BANK_CARD or not isinstance(last4, str)
            or not re.fullmatch(r"[0-9]{4}", last4)):
        raise UserError("tender.last4_bank_card_only")
    return reference or None, last4 or None


@dataclass(frozen=True)
class TenderCheck:
    tendered: int
    change: int


def check_tenders(due: int, tenders: list[TenderInput]) -> TenderCheck:
    """Refuse short payment, overpayment by non-cash tenders, and change beyond the cash."""
    if not tenders:
        raise UserError("tender.none")
    for tender in tenders:
        if isinstance(tender.amount, bool) or not isinstance(tender.amount, int):
            raise TypeError("tender amounts are int minor units")
        if tender.amount <= 0:
            raise UserError("tender.not_positive")
    tendered = sum(t.amount for t in tenders)
    non_cash = sum(t.amount for t in tenders if t.tender != Tender.CASH)
    cash = tendered - non_cash
    if tendered < due:
        raise UserError("tender.short", due=due - tendered)
    for tender in tenders:  # a pre-order's deposit is spent whole: never beyond the price
        if tender.tender == Tender.DEPOSIT and tender.amount > due:
            raise UserError("deposit.over_due", preorder=tender.reference or "",
                            held=tender.amount, due=due)
    if non_cash > due:
        raise UserError("tender.non_cash_over")
    change = tendered - due
    if change > cash:  # unreachable given the two checks above; kept as the rule itself
        raise UserError("tender.change_from_cash")
    return TenderCheck(tendered=tendered, change=change)
