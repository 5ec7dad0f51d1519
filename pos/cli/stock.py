"""`pos stock ...`: stock per store from the command line, through the same services as
the stock screen (pos.stock). Files are CSV (pos.stock.stock_file says the columns of
each), checked whole before anything is posted (pos.stock.stock_import): a bad file is
refused with every bad line listed, and nothing changes.

    pos stock list [--store S01] [--low] [--search TEXT]
    pos stock import FILE [--store S01]              # on-hand set outright, reorder points
    pos stock receive FILE --store S01 --supplier X --note-no N --staff NAME
    pos stock transfer send FILE --from S01 --to S02 --staff NAME
    pos stock transfer receive S01-TO-000001 [FILE] --staff NAME
    pos stock transfer list [--store S02]
    pos stock count FILE --store S01 --scope category:NOTEBOOK --staff NAME   # a manager
    pos stock adjust FILE --store S01 --reason found --staff NAME             # a manager
    pos stock write-off FILE --store S01 --reason damaged --staff NAME        # a manager
    pos stock reorder SKU N --store S01 --staff NAME                          # a manager
    pos stock lookup CODE

Who does it: --staff names an active staff member (the services check what their role
may do); --pin also asks for, and checks, their PIN (one line on standard input when
it is not a terminal). Each posting is one request (--request-id to repeat one safely:
a request posted before is not posted again). What is said is in the reader's language
(POS_LOCALE, else the store's)."""

from __future__ import annotations

import uuid

from pos.cli.catalog import open_file
from pos.kernel.errors import UserError
from pos.kernel.messages import msg, render

WRITE_OFF_REASONS = ("damaged", "demo_unit", "lost")


def register(sub) -> None:
    group = sub.add_parser("stock", help="stock per store: levels, receiving, transfers, "
                           "counts, adjustments").add_subparsers(dest="action", required=True)
    listing = group.add_parser("list", help="what each store holds")
    listing.add_argument("--store", help="a store's code (default: every store)")
    listing.add_argument("--low", action="store_true", help="only products at or below "
                         "their reorder point")
    listing.add_argument("--search", metavar="TEXT", help="products whose name or sku has it")
    listing.add_argument("--limit", type=int, default=200)
    listing.set_defaults(run=list_stock, writes=False)

    importer = group.add_parser("import", help="set a store's on-hand (and reorder points) "
                                "from CSV: sku_or_barcode,quantity[,reorder_point]")
    importer.add_argument("file")
    importer.add_argument("--store", help="a store's code (default: this database's store)")
    _who(importer, required=False)
    importer.set_defaults(run=import_stock)

    receive = group.add_parser("receive", help="goods from a supplier, from CSV: "
                               "sku_or_barcode,quantity[,serial][,unit_cost]")
    receive.add_argument("file")
    receive.add_argument("--store", required=True)
    receive.add_argument("--supplier", required=True)
    receive.add_argument("--note-no", required=True, help="the delivery note's number")
    receive.add_argument("--note", default="", help="a note on the receipt")
    _who(receive)
    receive.set_defaults(run=receive_goods)

    transfer = group.add_parser("transfer", help="transfers between stores").add_subparsers(
        dest="what", required=True)
    send = transfer.add_parser("send", help="send goods to another store, from CSV: "
                               "sku_or_barcode,quantity[,serial]")
    send.add_argument("file")
    send.add_argument("--from", dest="from_store", required=True)
    send.add_argument("--to", dest="to_store", required=True)
    _who(send)
    send.set_defaults(run=send_transfer)
    arrive = transfer.add_parser("receive", help="receive a transfer: all it sent, or what "
                                 "a CSV file lists (sku_or_barcode,quantity[,serial])")
    arrive.add_argument("transfer_no", metavar="TRANSFER_NO")
    arrive.add_argument("file", nargs="?")
    arrive.add_argument("--store", help="the receiving store (a check: the transfer's own)")
    _who(arrive)
    arrive.set_defaults(run=receive_transfer)
    listing = transfer.add_parser("list", help="transfers not yet received")
    listing.add_argument("--store", help="transfers to this store (default: every store)")
    listing.set_defaults(run=list_transfers, writes=False)

    count = group.add_parser("count", help="a stock count from CSV (sku_or_barcode,quantity"
                             "[,serial]): started, every row scanned, posted")
    count.add_argument("file")
    count.add_argument("--store", required=True)
    count.add_argument("--scope", required=True, help="category:CODE or shelf:NAME")
    _who(count)
    count.set_defaults(run=count_stock)

    adjust = group.add_parser("adjust", help="an adjustment from CSV: sku_or_barcode,"
                              "quantity (+N found, -N taken)[,serial]")
    adjust.add_argument("file")
    adjust.add_argument("--store", required=True)
    adjust.add_argument("--reason", required=True)
    adjust.add_argument("--note", default="")
    _who(adjust)
    adjust.set_defaults(run=adjust_stock)

    write_off = group.add_parser("write-off", help="write units off, from CSV: "
                                 "sku_or_barcode,quantity[,serial]")
    write_off.add_argument("file")
    write_off.add_argument("--store", required=True)
    write_off.add_argument("--reason", required=True, choices=WRITE_OFF_REASONS)
    write_off.add_argument("--note", default="")
    _who(write_off)
    write_off.set_defaults(run=write_off_stock)

    reorder = group.add_parser("reorder", help="a product's reorder point at a store "
                               "(none: no reorder point)")
    reorder.add_argument("code", metavar="SKU")
    reorder.add_argument("point", metavar="N")
    reorder.add_argument("--store", required=True)
    _who(reorder)
    reorder.set_defaults(run=set_reorder)

    lookup = group.add_parser("lookup", help="a product (barcode or sku) across the stores")
    lookup.add_argument("code", metavar="CODE")
    lookup.set_defaults(run=lookup_product, writes=False)


def _who(parser, *, required: bool = True) -> None:
    parser.add_argument("--staff", required=required, metavar="STAFF_NAME",
                        help="who does it (an active staff member)")
    parser.add_argument("--pin", action="store_true",
                        help="also ask for and check the staff member's PIN")
    parser.add_argument("--request-id", help="this posting's id (a uuid): the same id again "
                        "posts nothing new (default: a new one)")


# --- saying things ---------------------------------------------------------------------


def sayer(db, terminal: str):
    """A renderer of messages in the reader's language: POS_LOCALE, else the store's,
    else the system's."""
    from pos.cli.common import reader_locale
    from pos.kernel.translations import load_translations

    translations = load_translations(reader_locale(db, terminal))
    translate = translations.message_template if translations else None
    return lambda message_id, **values: render(msg(message_id, **values), translate=translate)


def staff_id(db, args, *, required: bool = True) -> int | None:
    """The id of the staff member --staff names (their PIN checked with --pin)."""
    from pos.cli.customers import staff_named

    if not args.staff:
        if args.pin:
            raise UserError("stock.pin_needs_staff")
        return None
    person = staff_named(db, args.staff)
    if args.pin:
        from pos.people.staff import verify_pin

        verify_pin(db, staff_id=person.id, pin=_read_pin())
    return person.id


def _read_pin() -> str:
    import getpass
    import sys

    if sys.stdin.isatty():
        return getpass.getpass("PIN: ")
    return sys.stdin.readline().strip()


def request_id(args) -> str:
    if args.request_id:
        try:
            return str(uuid.UUID(args.request_id))
        except ValueError:
            raise UserError("cli.bad_request_id", text=args.request_id) from None
    return str(uuid.uuid4())


def read_lines(db, path: str, kind: str, store: str):
    """The checked lines of a stock file (pos.stock.stock_import.read_moves)."""
    from pos.stock.stock_import import read_moves

    with open_file(path) as file:
        return read_moves(db, file=file, kind=kind, store=store)


def show_posted(say, posted) -> None:
    kind = f"stock.kind.{posted.kind.value}"
    if posted.replayed:
        print(say("stock.cli.replayed", kind=msg(kind), doc=posted.doc_no))
        return
    print(say("stock.cli.posted", kind=msg(kind), doc=posted.doc_no, store=posted.store,
              lines=posted.lines, units=posted.units))
    for short in posted.shortages:
        print(say("stock.cli.short", name=short.name, sku=short.sku, sent=short.sent,
                  received=short.received))
        if short.serials_missing:
            print(say("stock.cli.missing_serials", serials=list(short.serials_missing)))


# --- the commands -----------------------------------------------------------------------


def list_stock(args, db, terminal) -> int:
    from pos.stock import levels

    say = sayer(db, terminal)
    rows = levels.list_stock(db, store=args.store, low=args.low, search=args.search,
                             limit=args.limit)
    if not rows:
        print(say("stock.cli.no_rows"))
        return 0
    print(say("stock.cli.list_header"))
    low = say("stock.cli.low")
    for row in rows:
        point = "-" if row.reorder_point is None else str(row.reorder_point)
        flag = f" ({low})" if row.low else ""
        print(f"{row.store:<6} {row.sku:<20} {row.on_hand:>7}  {row.reserved:>8}  "
              f"{row.in_transit:>10}  {point:>7}  {row.name}{flag}")
    return 0


def import_stock(args, db, terminal) -> int:
    from pos.stock.stock_import import import_stock as run_import

    who = staff_id(db, args, required=False)
    with open_file(args.file) as file:
        done = run_import(db, file=file, store=args.store, staff_id=who)
    print(sayer(db, terminal)("stock.cli.imported", store=done.store, products=done.products,
                              documents=len(done.documents), points=done.reorder_points))
    return 0


def receive_goods(args, db, terminal) -> int:
    from pos.stock import receiving

    who = staff_id(db, args)
    lines = read_lines(db, args.file, "receive", args.store)
    posted = receiving.receive(db, store=args.store, staff_id=who, supplier=args.supplier,
                               supplier_ref=args.note_no, lines=lines,
                               request_id=request_id(args), note=args.note)
    show_posted(sayer(db, terminal), posted)
    return 0


def send_transfer(args, db, terminal) -> int:
    from pos.stock import transfers

    who = staff_id(db, args)
    lines = read_lines(db, args.file, "transfer", args.from_store)
    posted = transfers.send_transfer(db, from_store=args.from_store, to_store=args.to_store,
                                     staff_id=who, lines=lines, request_id=request_id(args))
    show_posted(sayer(db, terminal), posted)
    return 0


def receive_transfer(args, db, terminal) -> int:
    from pos.stock import transfers

    who = staff_id(db, args)
    lines = None
    if args.file:
        store = args.store or transfers.transfer_view(db, transfer_no=args.transfer_no).to_store
        lines = read_lines(db, args.file, "transfer_in", store)
    posted = transfers.receive_transfer(db, transfer_no=args.transfer_no, staff_id=who,
                                        lines=lines, request_id=request_id(args),
                                        store=args.store)
    show_posted(sayer(db, terminal), posted)
    return 0


def list_transfers(args, db, terminal) -> int:
    from pos.stock import transfers

    say = sayer(db, terminal)
    found = transfers.open_transfers(db, store=args.store)
    if not found:
        print(say("stock.cli.no_transfers"))
    for view in found:
        received = say("stock.cli.transfer_received", doc=view.received_doc) \
            if view.received_doc else ""
        print(say("stock.cli.transfer_line", doc=view.doc_no, from_store=view.from_store,
                  to_store=view.to_store, sent=f"{view.sent_at.astimezone():%Y-%m-%d %H:%M}",
                  units=sum(line.qty for line in view.lines), received=received))
    return 0


def count_stock(args, db, terminal) -> int:
    """A count from a file: started, each row scanned into it, posted; any row the count
    refuses is listed with its line (all of them), and the count is discarded: nothing
    is left behind. A row of 0 is what a category count does with what it does not find;
    a shelf count lists only what is on the shelf."""
    from pos.kernel.csvio import ErrorList
    from pos.stock import counts
    from pos.stock.stock_file import CODE, QUANTITY
    from pos.stock.stock_import import MAX_LISTED, WHAT

    who = staff_id(db, args)
    lines = read_lines(db, args.file, "count", args.store)
    errors = ErrorList(limit=MAX_LISTED)
    if args.scope.strip().lower().startswith("shelf:"):
        for line in lines:
            if line.qty == 0:
                errors.add(line.line_no, QUANTITY, "stock.shelf_zero")
        errors.raise_if_any(WHAT)
    draft = counts.start_count(db, store=args.store, scope=args.scope, staff_id=who)
    try:
        scanned = [line for line in lines if line.qty != 0]
        for index, refusal in counts.scan_many_into_count(  # one transaction for the file
                db, draft_id=draft,
                scans=[(line.code, line.qty, line.serial) for line in scanned]):
            errors.add(scanned[index].line_no, CODE, refusal)
        errors.raise_if_any(WHAT)
        posted = counts.post_count(db, draft_id=draft, staff_id=who)
    except BaseException:
        try:  # nothing of a count not posted is left behind
            counts.discard_count(db, draft_id=draft, staff_id=who)
        except UserError:
            pass
        raise
    show_posted(sayer(db, terminal), posted)
    return 0


def adjust_stock(args, db, terminal) -> int:
    from pos.stock import adjustments

    who = staff_id(db, args)
    lines = read_lines(db, args.file, "adjust", args.store)
    posted = adjustments.adjust(db, store=args.store, staff_id=who, lines=lines,
                                reason=args.reason, request_id=request_id(args),
                                note=args.note)
    show_posted(sayer(db, terminal), posted)
    return 0


def write_off_stock(args, db, terminal) -> int:
    from pos.stock import adjustments

    who = staff_id(db, args)
    lines = read_lines(db, args.file, "write_off", args.store)
    posted = adjustments.write_off(db, store=args.store, staff_id=who, lines=lines,
                                   reason=args.reason, request_id=request_id(args),
                                   note=args.note)
    show_posted(sayer(db, terminal), posted)
    return 0


def set_reorder(args, db, terminal) -> int:
    from pos.stock import levels

    text = args.point.strip().lower()
    if text in ("none", "-", ""):
        point = None
    elif text.isascii() and text.isdigit() and len(text) < 9:
        point = int(text)
    else:
        raise UserError("stock.reorder_invalid")
    row = levels.set_reorder_point(db, store=args.store, code=args.code, point=point,
                                   staff_id=staff_id(db, args))
    say = sayer(db, terminal)
    if row.reorder_point is None:
        print(say("stock.cli.reorder_cleared", sku=row.sku, store=row.store))
    else:
        print(say("stock.cli.reorder_set", sku=row.sku, store=row.store,
                  point=row.reorder_point))
    return 0


def lookup_product(args, db, terminal) -> int:
    from pos.stock import levels

    say = sayer(db, terminal)
    found = levels.lookup(db, code=args.code)
    print(say("stock.cli.lookup_head", sku=found.sku, name=found.name))
    for held in found.stores:
        print(say("stock.cli.lookup_store", store=held.store, store_name=held.store_name,
                  on_hand=held.on_hand, in_transit=held.in_transit))
        if held.serials:
            print(say("stock.cli.lookup_serials", serials=list(held.serials)))
    return 0
