"""Text from people never reaches a printer as a command: a product name, a staff name,
the store's footer or a payment reference carrying ESC/POS control bytes (an ESC p drawer
kick, a GS V cut, an ESC @ reset, a DLE DC4 real-time pulse) prints as text."""

import dataclasses

import pytest

from printing.escpos_out import INIT, receipt_bytes
from printing.receipt import Text, receipt_layout
from printing.receipt_pdf import receipt_pdf
from tests.printing.known_sale import known_sale

DRAWER_KICK = "\x1bp\x00\x19\xfa"       # ESC p m t1 t2: pulse the drawer
CUT = "\x1dV\x00"                       # GS V 0: full cut
RESET = "\x1b@"                         # ESC @: initialise the printer
REALTIME_PULSE = "\x10\x14\x01\x00\x05"  # DLE DC4 1 m t: pulse the drawer at once
HOSTILE = DRAWER_KICK + CUT + RESET + REALTIME_PULSE


def hostile_sale():
    sale = known_sale(locale="en")
    lines = tuple(dataclasses.replace(line, name=f"Bag{HOSTILE}XL",
                                      serial=line.serial and line.serial + DRAWER_KICK)
                  for line in sale.lines)
    store = dataclasses.replace(sale.store, name="Shop" + DRAWER_KICK,
                                footer="Thanks" + HOSTILE)
    payments = tuple(dataclasses.replace(p, reference=(p.reference or "") + DRAWER_KICK)
                     for p in sale.payments)
    customer = dataclasses.replace(sale.customer, name="Chen" + CUT)
    return dataclasses.replace(sale, lines=lines, store=store, payments=payments,
                               customer=customer, staff_name="Li" + DRAWER_KICK)


@pytest.mark.parametrize("width", [32, 48])
def test_escpos_commands_in_names_are_printed_as_text_never_sent(width):
    clean = receipt_bytes(receipt_layout(known_sale(locale="en"), width=width), width=width)
    data = receipt_bytes(receipt_layout(hostile_sale(), width=width), width=width)
    assert b"\x1bp" not in data                        # no drawer kick
    assert data.count(b"\x1dV") == clean.count(b"\x1dV") == 1  # the receipt's own cut only
    assert data.count(INIT) == clean.count(INIT) == 1            # the receipt's own reset
    assert b"\x10\x14" not in data                     # no real-time pulse
    assert b"Bag" in data and b"XL" in data            # the name is still there


def test_every_text_on_the_receipt_is_free_of_control_characters():
    for op in receipt_layout(hostile_sale(), width=48):
        if isinstance(op, Text):
            assert all(ch >= " " and ch != "\x7f" for ch in op.text), repr(op.text)


def test_a_hostile_name_takes_the_columns_of_its_characters_and_no_more():
    for op in receipt_layout(hostile_sale(), width=32):
        if isinstance(op, Text) and not op.double:
            assert len(op.text) <= 32, repr(op.text)


def test_the_pdf_preview_of_such_a_receipt_renders():
    assert receipt_pdf(receipt_layout(hostile_sale(), width=48), width=48).startswith(b"%PDF")
