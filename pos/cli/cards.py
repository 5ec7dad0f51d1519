"""`pos card ...`: a service card's history, the units a business card covers, and its
claims, through the same services as the till (pos.service.card_history, card_units,
claims). The certificate itself is `pos print card`.

    pos card show S01-C-000001 [--pdf FILE] [--locale zh_CN]
    pos card register S01-C-000001 SERIAL --staff NAME [--product SKU]
    pos card claims S01-C-000001
    pos card cover SERIAL                 # which card covers a unit, and what it gives

Every refusal exits with 1 and changes nothing."""

from __future__ import annotations

from pos.cli.common import write_file
from pos.cli.stock import staff_id
from pos.kernel.messages import render


def register(sub) -> None:
    group = sub.add_parser("card", help="service cards: history, business cards' units, "
                           "claims").add_subparsers(dest="action", required=True)
    show = group.add_parser("show", help="a card, its units and its claims")
    show.add_argument("card_no", metavar="CARD")
    show.add_argument("--pdf", metavar="FILE", help="also write the history as a PDF")
    show.add_argument("--locale", help="the PDF's language: en or zh_CN (default: the store's)")
    show.set_defaults(run=show_card, writes=False)

    units = group.add_parser("register", help="register a unit on a business card")
    units.add_argument("card_no", metavar="CARD")
    units.add_argument("serial", metavar="SERIAL")
    units.add_argument("--product", metavar="SKU", help="the unit's sku or barcode (default: "
                       "the product this serial is a unit of here, if known)")
    units.add_argument("--staff", required=True, metavar="STAFF_NAME",
                       help="who registers it (an active staff member)")
    units.add_argument("--pin", action="store_true",
                       help="also ask for and check the staff member's PIN")
    units.set_defaults(run=register_unit)

    listing = group.add_parser("claims", help="the claims against a card, oldest first")
    listing.add_argument("card_no", metavar="CARD")
    listing.set_defaults(run=list_claims, writes=False)

    cover = group.add_parser("cover", help="the card that covers a unit, and what it gives")
    cover.add_argument("serial", metavar="SERIAL")
    cover.set_defaults(run=show_cover, writes=False)


def _claim_line(c) -> str:
    when = c.at.strftime("%Y-%m-%d")
    kind = f" {c.job_kind.value}" if c.job_kind else ""
    result = "covered" if c.covered else f"PAID: {render(c.why)}"
    who = c.technician or c.staff_name or ""
    return f"  {c.claim_no}  {when}  {c.job_no or ''}{kind}  {c.what}  {result}  {who}".rstrip()


def show_card(args, db, terminal) -> int:
    from pos.service.card_history import card_history

    history = card_history(db, card_no=args.card_no)
    card = history.card
    until = card.end_date.isoformat() if card.end_date else "lifetime"
    state = "in force" if history.in_force else f"NOT in force: {render(history.why_not)}"
    print(f"{card.card_no}  {card.tier_name}  {card.start_date.isoformat()} to {until}  "
          f"({state})")
    if card.terms is not None:
        print(f"  {render(card.terms)}")
    if card.customer is not None:
        print(f"  customer: {card.customer.name} ({card.customer.phone})")
    print(f"  sold on {card.receipt_no}: {card.unit_name} {card.unit_serial or ''}".rstrip())
    if card.units_covered > 1:
        print(f"Units ({len(history.units)} of {card.units_covered})")
        for unit in history.units:
            own = "  (sold with the card)" if unit.own else ""
            print(f"  {unit.serial}  {unit.product_name or ''}{own}".rstrip())
    print(f"Claims ({len(history.claims)}, {history.covered_claims} covered)")
    for claim in history.claims:
        print(_claim_line(claim))
    if args.pdf:
        from printing.card_history_pdf import card_history_pdf

        write_file(args.pdf, card_history_pdf(history, locale=args.locale))
        print(f"written {args.pdf}")
    return 0


def register_unit(args, db, terminal) -> int:
    from pos.service import card_units

    unit = card_units.register_unit(db, card_no=args.card_no, serial=args.serial,
                                    staff_id=staff_id(db, args), product=args.product)
    print(f"{unit.card_no}: unit {unit.serial} registered"
          + (f" ({unit.product_name})" if unit.product_name else ""))
    return 0


def list_claims(args, db, terminal) -> int:
    from pos.service.card_history import card_history

    history = card_history(db, card_no=args.card_no)
    print(f"Claims on {history.card.card_no} ({len(history.claims)}, "
          f"{history.covered_claims} covered)")
    for claim in history.claims:
        print(_claim_line(claim))
    return 0


def show_cover(args, db, terminal) -> int:
    from pos.service import claims

    found = claims.coverage(db, serial=args.serial)
    if found is None:
        print(f"{args.serial.strip().upper()}: no service card")
        return 0
    state = "covered" if found.covered else f"NOT covered: {render(found.why)}"
    print(f"{found.serial}: card {found.card_no} ({found.tier_name}), {state}")
    print(f"  {render(found.terms)}")
    return 0
