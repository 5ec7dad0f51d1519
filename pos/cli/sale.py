"""`pos sale`: a sale completed from the command line, through the same services as the
till (pos.selling): the cart opened for a staff member at this terminal, each product
added by its code (a serial-tracked one with its serial), paid by one tender, completed
in one transaction with its receipt (and, as the terminal's settings say, its sheet
copies) queued as the till queues them.

For scripts and checks (the frozen app's smoke test completes a sale with it); a store
sells at the till. A main unit is sold with its sheet's items not asked and no service
card, as a cashier who paid at once would. The command line is the machine
administrator's, like `pos staff add`: no PIN is asked.
"""

from __future__ import annotations

from pos.kernel.enums import JobKind, Tender
from pos.kernel.errors import UserError


def register(sub) -> None:
    sale = sub.add_parser("sale", help="complete a sale: products by code, one tender")
    sale.add_argument("--staff", required=True, metavar="STAFF_NAME", help="who sells")
    sale.add_argument("--item", required=True, action="append", metavar="CODE[@SERIAL]",
                      help="a product's barcode or SKU; a serial-tracked one with @ and its "
                      "serial (6923150020022@PF3ABC12); repeat for each product")
    sale.add_argument("--tender", default="cash", choices=[t.value for t in Tender
                                                          if t is not Tender.EXCHANGE])
    sale.add_argument("--paid", metavar="AMOUNT",
                      help="the amount tendered (default: exactly what is due); cash beyond "
                      "it is given back as change")
    sale.add_argument("--reference", help="the payment's reference (a voucher's, a transfer's)")
    sale.set_defaults(run=complete_sale)


def complete_sale(args, db, terminal: str) -> int:
    from pos.cli.customers import staff_named
    from pos.kernel.money import parse_amount
    from pos.printjobs.print_queue import PrintRequest, printer_config
    from pos.selling import checkout, completion
    from pos.selling.cart import TenderInput, totals
    from pos.store.details import store_info

    seller = staff_named(db, args.staff)
    cart = checkout.open_cart(db, staff_id=seller.id, terminal=terminal)
    for item in args.item:
        code, _, serial = item.partition("@")
        line = checkout.add_product(db, cart, code=code.strip())
        if serial.strip():
            checkout.set_serial(db, cart, line_id=line.line_id, serial=serial.strip())
        elif line.serial_tracked:
            raise UserError("serial.missing", name=line.name)
    due = totals(cart.billable_lines()).total
    currency = store_info(db, terminal=terminal).currency
    paid = parse_amount(args.paid, currency=currency) if args.paid is not None else due
    tender = TenderInput(Tender(args.tender), paid, reference=args.reference)
    config = printer_config(db, terminal=terminal)
    jobs = [PrintRequest(JobKind.RECEIPT, config.receipt_uri,
                         open_drawer=tender.tender is Tender.CASH,
                         options={"paper_mm": config.paper_mm, "encoding": config.encoding})]
    if config.sheet_after_sale and cart.main_units():
        jobs.append(PrintRequest(JobKind.SHEET, config.documents_uri,
                                 options={"copies": ["customer", "store", "installer"],
                                          "page_size": "A4"}))
    done = completion.complete_sale(db, cart, tenders=[tender], print_jobs=jobs)
    from pos.cli.common import money

    print(f"sale {done.receipt_no}: total {money(done.total).strip()}, "
          f"paid {money(done.tendered).strip()} ({tender.tender.value}), "
          f"change {money(done.change).strip()}")
    return 0
