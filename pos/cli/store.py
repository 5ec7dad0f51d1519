"""`pos store show|set` (the store's details), `pos store add|list` (the chain's stores)
and `pos printers show|set` (where this terminal prints)."""

from __future__ import annotations

from pos.kernel.errors import UserError
from pos.printjobs import print_queue
from pos.store import details


def register(sub) -> None:
    group = sub.add_parser("store", help="store details").add_subparsers(dest="action", required=True)
    group.add_parser("show", help="show the store's details").set_defaults(run=show_store,
                                                                         writes=False)
    setter = group.add_parser("set", help="change details: KEY=VALUE ...")
    setter.add_argument("pairs", nargs="+", metavar="KEY=VALUE")
    setter.set_defaults(run=set_store)
    adder = group.add_parser("add", help="add a store to the chain: CODE NAME")
    adder.add_argument("code", metavar="CODE", help="1 to 20 letters, digits or dashes (S02)")
    adder.add_argument("name", metavar="NAME")
    adder.add_argument("--address", default="")
    adder.set_defaults(run=add_store)
    group.add_parser("list", help="every store of the chain").set_defaults(run=list_stores,
                                                                           writes=False)

    group = sub.add_parser("printers", help="this terminal's printers").add_subparsers(
        dest="action", required=True)
    group.add_parser("show", help="where this terminal prints").set_defaults(
        run=show_printers, writes=False)
    setter = group.add_parser("set", help="set printer URIs and paper")
    setter.add_argument("--receipt", help="network://HOST:9100, usb://VID:PID, serial:///dev/..., "
                        "file:///..., or pdf:///folder")
    setter.add_argument("--documents", help="where sheet and card PDFs go: pdf:///folder")
    setter.add_argument("--paper", type=int, choices=[58, 80])
    setter.add_argument("--sheet-after-sale", choices=["yes", "no"])
    setter.set_defaults(run=set_printers)


def _show(info) -> int:
    for key, value in vars(info).items():
        print(f"{key:<17} {value}")
    return 0


def show_store(args, db, terminal) -> int:
    return _show(details.store_info(db, terminal=terminal))


def set_store(args, db, terminal) -> int:
    changes = {}
    for pair in args.pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise UserError("cli.not_key_value", text=pair)
        changes[key.strip()] = value
    return _show(details.update_store(db, terminal=terminal, **changes))


def add_store(args, db, terminal) -> int:
    from pos.cli.stock import sayer
    from pos.store.stores import add_store as add

    added = add(db, code=args.code, name=args.name, address=args.address)
    print(sayer(db, terminal)("stock.cli.store_added", store=added.code, name=added.name))
    return 0


def list_stores(args, db, terminal) -> int:
    from pos.cli.stock import sayer
    from pos.store.stores import list_stores as stores

    print(sayer(db, terminal)("stock.cli.stores_header"))
    for row in stores(db):
        print(f"{row.code:<8} {row.name}")
    return 0


def show_printers(args, db, terminal) -> int:
    return _show(print_queue.printer_config(db, terminal=terminal))


def set_printers(args, db, terminal) -> int:
    changes = {key: value for key, value in (
        ("receipt", args.receipt), ("documents", args.documents), ("paper_mm", args.paper),
        ("sheet_after_sale", None if args.sheet_after_sale is None
         else args.sheet_after_sale == "yes")) if value is not None}
    return _show(print_queue.set_printer_config(db, terminal=terminal, **changes))
