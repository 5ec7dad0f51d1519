"""`pos preorder ...`: pre-orders with deposits (预订有礼, issue 19), through the same
services as the till (pos.accounts.preorders).

    pos preorder list [--arrived] [--store S01] [--state open] [--customer PHONE]
    pos preorder take CUSTOMER SKU --deposit 500.00 --tender cash [--gift G] [--price P]
        [--quantity N] [--ref R] --staff NAME
    pos preorder cancel S01-PO-000001 --tender cash --staff NAME [--reason R]  # a manager
    pos preorder call S01-PO-000001 --staff NAME [--notes N]
    pos preorder slip S01-PO-000001 --pdf FILE [--locale zh_CN]

Cash crosses this till (--terminal, or POS_TERMINAL) and lands in its open shift. Each
posting is one request (--request-id repeats one safely). Every refusal exits with 1
and changes nothing."""

from __future__ import annotations

from pos.cli.common import money, write_file
from pos.cli.stock import request_id, staff_id
from pos.kernel.money import parse_amount

TENDERS = ("cash", "bank_card", "wechat", "alipay", "transfer")


def _who(parser) -> None:
    parser.add_argument("--staff", required=True, metavar="STAFF_NAME",
                        help="who does it (an active staff member)")
    parser.add_argument("--pin", action="store_true",
                        help="also ask for and check the staff member's PIN")
    parser.add_argument("--request-id", help="this posting's id (a uuid): the same id again "
                        "posts nothing new (default: a new one)")


def register(sub) -> None:
    group = sub.add_parser("preorder", help="pre-orders with deposits (预订有礼)") \
        .add_subparsers(dest="action", required=True)
    listing = group.add_parser("list", help="pre-orders, oldest first")
    listing.add_argument("--arrived", action="store_true",
                         help="only open pre-orders the store's stock now covers: whom to call")
    listing.add_argument("--store", help="a store's code (--arrived: default this till's)")
    listing.add_argument("--state", choices=["open", "completed", "cancelled"])
    listing.add_argument("--customer", help="a phone number or #id")
    listing.set_defaults(run=list_preorders, writes=False)

    take = group.add_parser("take", help="take a deposit against a product")
    take.add_argument("customer", help="a phone number or #id")
    take.add_argument("code", metavar="SKU", help="the product's sku or barcode")
    take.add_argument("--deposit", required=True, help="the deposit, e.g. 500.00")
    take.add_argument("--tender", required=True, choices=TENDERS)
    take.add_argument("--gift", default="", help="the gift promised with the pre-order")
    take.add_argument("--price", help="a promised launch price (default: the price on the day)")
    take.add_argument("--quantity", type=int, default=1)
    take.add_argument("--ref", help="the payment's reference (a transfer's, a WeChat order's)")
    take.add_argument("--approval", type=int,
                      help="a manager's approval id (a promised price below the catalog's)")
    _who(take)
    take.set_defaults(run=take_preorder)

    cancel = group.add_parser("cancel", help="cancel and pay the deposit back (a manager)")
    cancel.add_argument("preorder_no", metavar="PO")
    cancel.add_argument("--tender", required=True, choices=TENDERS,
                        help="cash, or the way the deposit was taken")
    cancel.add_argument("--reason", default="")
    cancel.add_argument("--approval", type=int, help="a manager's approval id")
    _who(cancel)
    cancel.set_defaults(run=cancel_preorder)

    call = group.add_parser("call", help="record that the customer was called: it arrived")
    call.add_argument("preorder_no", metavar="PO")
    call.add_argument("--notes", default="")
    call.add_argument("--staff", required=True, metavar="STAFF_NAME")
    call.add_argument("--pin", action="store_true")
    call.set_defaults(run=call_customer)

    slip = group.add_parser("slip", help="the deposit slip as a PDF")
    slip.add_argument("preorder_no", metavar="PO")
    slip.add_argument("--pdf", required=True, metavar="FILE")
    slip.add_argument("--locale", help="en or zh_CN (default: the store's)")
    slip.set_defaults(run=write_slip, writes=False)


def show(p) -> None:
    when = p.created_at.astimezone().strftime("%Y-%m-%d")
    held = f"held {money(p.deposit_held).strip()}" if p.deposit_held else p.state.value
    gift = f"  gift: {p.gift}" if p.gift else ""
    extra = f"  sold {p.completed_receipt}" if p.completed_receipt else ""
    called = "  called" if p.notified_at else ""
    stock = f"  on hand {p.on_hand}" if p.on_hand is not None else ""
    print(f"  {p.preorder_no}  {when}  {p.customer.name} ({p.customer.phone})  {p.sku} x"
          f"{p.quantity}  deposit {money(p.deposit).strip()} ({held}){gift}{extra}{called}"
          f"{stock}")


def list_preorders(args, db, terminal) -> int:
    from pos.accounts import preorders
    from pos.store.details import store_info

    if args.arrived:
        store = args.store or store_info(db, terminal=terminal).code
        found = preorders.arrivals(db, store=store)
        print(f"Arrived: pre-orders {store}'s stock now covers ({len(found)})")
    else:
        found = preorders.list_preorders(db, store=args.store, state=args.state,
                                         customer=args.customer)
        print(f"Pre-orders ({len(found)})")
    for p in found:
        show(p)
    return 0


def take_preorder(args, db, terminal) -> int:
    from pos.accounts import preorders

    price = parse_amount(args.price) if args.price else None
    posted = preorders.take_preorder(
        db, customer=args.customer, code=args.code, quantity=args.quantity,
        deposit=parse_amount(args.deposit, allow_negative=True), tender=args.tender,
        gift=args.gift, price=price, staff_id=staff_id(db, args), terminal=terminal,
        request_id=request_id(args), reference=args.ref, approval_id=args.approval)
    said = "already taken" if posted.replayed else "taken"
    print(f"{posted.preorder_no}: deposit {money(posted.amount).strip()} {said} "
          f"({posted.doc_no})")
    show(posted.preorder)
    return 0


def cancel_preorder(args, db, terminal) -> int:
    from pos.accounts import preorders

    posted = preorders.cancel_preorder(
        db, preorder_no=args.preorder_no, staff_id=staff_id(db, args),
        approval_id=args.approval, tender=args.tender,
        terminal=terminal if args.tender == "cash" else None,
        request_id=request_id(args), reason=args.reason)
    said = "already paid back" if posted.replayed else "paid back"
    print(f"{posted.preorder_no} cancelled: deposit {money(posted.amount).strip()} {said} "
          f"({posted.doc_no})")
    return 0


def call_customer(args, db, terminal) -> int:
    from pos.accounts import preorders

    args.request_id = None
    view = preorders.mark_called(db, preorder_no=args.preorder_no,
                                 staff_id=staff_id(db, args), notes=args.notes)
    print(f"{view.preorder_no}: call recorded")
    return 0


def write_slip(args, db, terminal) -> int:
    from pos.accounts import preorders
    from printing.preorder_pdf import preorder_slip_pdf

    view, header = preorders.preorder_slip(db, preorder_no=args.preorder_no)
    write_file(args.pdf, preorder_slip_pdf(view, store=header, locale=args.locale))
    print(f"written {args.pdf}")
    return 0
