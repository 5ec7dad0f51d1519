"""Producing the configuration sheet and card certificate PDFs for a demo sale.

    cd benchmarks && ../.venv/bin/python sheet_pdf.py [--runs 200]

The sale: a notebook with a bag and a mouse sold, screen film declined, a gold card and
a serial, on the English and the Chinese demo store. Timed: the three-copy sheet (A4
and A5), one blank sheet per layout, and the card certificate; each from the loaded
records (loading from the database is not timed).
Target (sheet PDFs): three-copy A4 sheet p95 under 150 ms.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import figures, timed

from pos.db import schema
from pos.db.engine import Database
from pos.demo.loader import load_demo
from pos.people import customers, staff
from pos.printjobs.records import load_blank_sheet, load_card, load_sale
from pos.selling import cards, checkout, completion, sheet
from pos.selling.cart import TenderInput
from printing.card_pdf import card_certificate_pdf
from printing.sheet_pdf import blank_sheet_pdf, sheet_pdf

NOTEBOOK = "6923150020022"


def demo_sale(db: Database):
    cashier = next(s.id for s in staff.list_staff(db) if s.role.value == "cashier")
    cart = checkout.open_cart(db, staff_id=cashier, terminal="T01")
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    rows = {r.code: r for r in sheet.sheet_rows(db, cart, main_line_id=unit.line_id)}
    for code, outcome in (("bag", "sold"), ("wireless-mouse", "sold"), ("screen-film", "declined")):
        sheet.mark_item(db, cart, main_line_id=unit.line_id, item_id=rows[code].item_id,
                        outcome=outcome)
    customer = customers.create_customer(db, phone="13800138000", name="Bench")
    checkout.set_customer(db, cart, customer_id=customer.id)
    gold = next(o for o in cards.eligible_tiers(db, cart, main_line_id=unit.line_id)
                if o.code == "gold")
    cards.add_card(db, cart, main_line_id=unit.line_id, tier_id=gold.tier_id)
    checkout.set_serial(db, cart, line_id=unit.line_id, serial="PF3BENCH1")
    due = sum(line.total for line in cart.lines)
    done = completion.complete_sale(db, cart, tenders=[TenderInput("cash", due)])
    return load_sale(db, receipt_no=done.receipt_no)


def bench_locale(folder: Path, locale: str, runs: int) -> list[str]:
    db = Database(f"sqlite:///{folder / f'{locale}.db'}")
    schema.upgrade(db.engine)
    load_demo(db, locale=locale)
    record = demo_sale(db)
    blanks = [load_blank_sheet(db, layout=layout)
              for layout in ("desktop_pc", "notebook", "digital", "phone")]
    store, card = load_card(db, card_no=record.cards[0].card_no)
    db.dispose()
    sheet_pdf(record, locale=locale)  # warm up: font registration, caches
    blank_index = iter(range(10**9))

    def one_blank():
        store_header, sheet = blanks[next(blank_index) % len(blanks)]
        blank_sheet_pdf(store_header, sheet, locale=locale)

    size_kb = len(sheet_pdf(record, locale=locale)) / 1024
    return [
        figures(f"[{locale}] sheet, 3 copies, A4 ({size_kb:.0f} KB)",
                timed(lambda: sheet_pdf(record, locale=locale), runs)),
        figures(f"[{locale}] sheet, 3 copies, A5",
                timed(lambda: sheet_pdf(record, page_size="A5", locale=locale), runs)),
        figures(f"[{locale}] blank sheet, A4 (4 layouts in turn)", timed(one_blank, runs)),
        figures(f"[{locale}] card certificate, A5",
                timed(lambda: card_certificate_pdf(store, card, locale=locale), runs)),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for locale in ("en", "zh_CN"):
            for line in bench_locale(Path(folder), locale, args.runs):
                print(line)


if __name__ == "__main__":
    main()
