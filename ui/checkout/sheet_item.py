"""One configuration-sheet item as the till shows it (ui.checkout.sheet_panel) and the
words drawn for it (ui.checkout.sheet_delegate): the service's row, the product chosen
on screen, whether its script shows, and on an add-on how the item ended before."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from pos.kernel.enums import Outcome
from pos.kernel.messages import msg
from ui.messages import refusal_text

if TYPE_CHECKING:
    from pos.selling.addons import EarlierOutcome
    from pos.selling.sheet import SheetRow


# The row's strings keep the translation context ("SheetItemRow") of the row widget
# they were first written for, so their translations stay; each is written out whole
# so that lupdate finds it.
def outcome_label(outcome: Outcome) -> str:
    translate = QCoreApplication.translate
    return {Outcome.SOLD: translate("SheetItemRow", "Sold"),
            Outcome.DECLINED: translate("SheetItemRow", "Declined"),
            Outcome.NOT_OFFERED: translate("SheetItemRow", "Not yet")}[outcome]


def earlier_label(earlier: EarlierOutcome) -> str:
    """What an add-on's unit had for this item: sold or declined, at the counter or on
    site (an earlier add-on, with its receipt)."""
    translate, sold = QCoreApplication.translate, earlier.outcome is Outcome.SOLD
    if earlier.on_site:
        text = (translate("SheetItemRow", "Sold on site ({receipt})") if sold
                else translate("SheetItemRow", "Declined on site ({receipt})"))
        return text.format(receipt=earlier.receipt_no)
    return (translate("SheetItemRow", "Sold at the counter") if sold
            else translate("SheetItemRow", "Declined at the counter"))


@dataclass
class SheetItem:
    """One sheet item as the till shows it: the service's row, plus what the person
    chose on screen (which product, whether the script is open) and, on an add-on, how
    the item ended before (read-only)."""

    row: SheetRow
    choice: int = 0  # index into row.candidates
    script_open: bool | None = None  # None: shown while the item is the one being asked
    earlier: EarlierOutcome | None = None

    @property
    def item_id(self) -> int:
        return self.row.item_id

    @property
    def name(self) -> str:
        return self.row.name

    @property
    def code(self) -> str:
        return self.row.code

    @property
    def outcome(self) -> Outcome:
        return self.row.outcome

    @property
    def pack(self) -> bool:
        return self.row.pack_price is not None

    @property
    def locked(self) -> bool:
        """Sold before this add-on and not marked on it: shown, not changed."""
        return (self.earlier is not None and self.earlier.outcome is Outcome.SOLD
                and self.row.outcome is Outcome.NOT_OFFERED)

    @property
    def asked(self) -> bool:
        """Marked on this sale, or (an add-on) answered before."""
        return self.row.outcome is not Outcome.NOT_OFFERED or self.earlier is not None

    @property
    def shown_outcome(self) -> Outcome:
        """The colour the row takes: this sale's mark, else what was sold before."""
        return Outcome.SOLD if self.locked else self.row.outcome

    def shows_script(self, current: bool) -> bool:
        if not self.row.script:
            return False
        return current if self.script_open is None else self.script_open

    def chosen_product(self) -> int | None:
        if self.pack or not self.row.candidates:
            return None
        return self.row.candidates[self.choice].product_id

    def update(self, row: SheetRow) -> None:
        """The service's new state of this item; a sold item shows what was sold."""
        self.row = row
        if row.sold_product_id is not None:
            for index, candidate in enumerate(row.candidates):
                if candidate.product_id == row.sold_product_id:
                    self.choice = index
        self.choice = min(self.choice, max(0, len(row.candidates) - 1))


def choice_text(item: SheetItem, money) -> str:
    row = item.row
    if item.locked and item.earlier.product:
        return item.earlier.product  # what the unit already has
    if row.gift:  # a free gift: its products at 0, so no price to show
        return refusal_text(msg("sheet.gift_row", parts=" + ".join(c.name for c in row.candidates)))
    if item.pack:
        return QCoreApplication.translate("SheetItemRow", "Pack {price}: {parts}").format(
            price=money(row.pack_price), parts=" + ".join(c.name for c in row.candidates))
    if not row.candidates:
        return ""
    candidate = row.candidates[item.choice]
    return QCoreApplication.translate("SheetItemRow", "{price} · {name} · stock {stock}").format(
        name=candidate.name, price=money(candidate.price), stock=candidate.stock)


def choice_lines(item: SheetItem, money) -> tuple[str, str]:
    """The choice box's two lines: the product (a pack: its price), then its price and
    stock (a pack: its parts); one line where there is one thing to say."""
    row = item.row
    if (item.locked and item.earlier.product) or row.gift or not row.candidates:
        return choice_text(item, money), ""
    if item.pack:
        return (QCoreApplication.translate("SheetItemRow", "Pack {price}").format(
            price=money(row.pack_price)), " + ".join(c.name for c in row.candidates))
    candidate = row.candidates[item.choice]
    return candidate.name, QCoreApplication.translate(
        "SheetItemRow", "{price} · stock {stock}").format(price=money(candidate.price),
                                                          stock=candidate.stock)
