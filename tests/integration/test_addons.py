"""Installers sell on site against an earlier sale's unit."""

import pytest
from sqlalchemy import select

from pos.db.models import Sale, SaleLine
from pos.kernel.enums import DocumentKind
from pos.kernel.errors import UserError
from pos.ledger import verify
from pos.printjobs.records import load_sale
from pos.selling import addons, cards, checkout, completion, sheet
from pos.selling.cart import TenderInput
from printing.escpos_out import receipt_bytes
from printing.receipt import Text, receipt_layout
from tests.integration.checkout_helpers import NOTEBOOK, item_id, staff_id, tier_id
from tests.integration.test_corrections import notebook_sale


def test_an_installer_add_on_attaches_to_the_unit_and_shows_on_its_sheet(demo_db):
    db = demo_db
    sale = notebook_sale(db)  # bag sold, gold card, the rest not offered
    installer = staff_id(db, "installer")
    cart = addons.open_addon(db, receipt_no=sale.receipt_no, staff_id=installer, terminal="T02")
    unit = cart.main_units()[0]
    assert unit.existing_line_id is not None and unit.serial == "SN-RET-1"
    sheet.mark_item(db, cart, main_line_id=unit.line_id,
                    item_id=item_id(db, cart, unit.line_id, "cooling-pad"), outcome="sold")
    cards.add_card(db, cart, main_line_id=unit.line_id,
                   tier_id=tier_id(db, cart, unit.line_id, "hw-2y"))
    due = sum(line.total for line in cart.lines)
    assert due == sum(line.total for line in cart.billable_lines())  # the unit is not sold again
    done = completion.complete_sale(db, cart, tenders=[TenderInput("wechat", due)])
    assert done.receipt_no == "T02-000001" and len(done.card_numbers) == 1

    with db.read() as session:
        addon = session.scalar(select(Sale).where(Sale.receipt_no == done.receipt_no))
        original = session.scalar(select(Sale).where(Sale.receipt_no == sale.receipt_no))
        assert addon.kind is DocumentKind.ADDON and addon.original_sale_id == original.id
        assert addon.staff_id == installer
        unit_line = session.scalar(select(SaleLine).where(SaleLine.sale_id == original.id,
                                                          SaleLine.position == 1))
        lines = session.scalars(select(SaleLine).where(SaleLine.sale_id == addon.id)).all()
        assert {l.parent_line_id for l in lines} == {unit_line.id}
        assert all(l.seller_id == installer for l in lines)

    unit_sheet = load_sale(db, receipt_no=sale.receipt_no).sheets[0]
    items = {item.code: item for item in unit_sheet.items}
    assert items["cooling-pad"].outcome == "sold" and items["cooling-pad"].added_on_site
    assert items["bag"].outcome == "sold" and not items["bag"].added_on_site
    assert {card.tier_code for card in unit_sheet.cards} == {"gold", "hw-2y"}
    assert verify.verify(db).ok

    record = load_sale(db, receipt_no=done.receipt_no)
    texts = [op.text for op in receipt_layout(record, width=48) if isinstance(op, Text)]
    assert f"Added on site to {sale.receipt_no}" in texts
    assert b"Added on site to" in receipt_bytes(receipt_layout(record, width=48), width=48)


def test_an_add_on_sells_no_new_unit_and_keeps_the_old_one(demo_db):
    sale = notebook_sale(demo_db)
    cart = addons.open_addon(demo_db, receipt_no=sale.receipt_no,
                             staff_id=staff_id(demo_db, "installer"), terminal="T01")
    with pytest.raises(UserError, match="new sale"):
        checkout.add_product(demo_db, cart, code=NOTEBOOK)
    with pytest.raises(UserError, match="sold earlier"):
        checkout.remove_line(cart, line_id=cart.lines[0].line_id)
    with pytest.raises(UserError, match="The cart is empty"):
        completion.complete_sale(demo_db, cart, tenders=[TenderInput("cash", 100)])


def test_add_ons_attach_only_to_sales(demo_db):
    from pos.aftersale import voids

    sale = notebook_sale(demo_db)
    void = voids.void_sale(demo_db, receipt_no=sale.receipt_no,
                           staff_id=staff_id(demo_db, "manager"))
    with pytest.raises(UserError, match="add to the original sale"):
        addons.open_addon(demo_db, receipt_no=void.receipt_no,
                          staff_id=staff_id(demo_db, "installer"), terminal="T01")
    with pytest.raises(UserError, match="No sale has the receipt number"):
        addons.open_addon(demo_db, receipt_no="T09-000001",
                          staff_id=staff_id(demo_db, "installer"), terminal="T01")
