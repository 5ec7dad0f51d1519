"""`pos setup`: a new store on an empty database without the demo (pos.setup). Asks what
it is not given when a person is at the terminal; takes flags, and the administrator's
PIN twice on standard input, when scripted:

    printf '4826\\n4826\\n' | pos setup --name "Tickbox Xuhui" --locale zh_CN \\
        --admin-name "Zhou Min" --till "T01=Front till" --catalog catalog.csv --printer pdf:///srv/tickbox/prints

Part of the `pos` command (the composition root), so the test page reaches printing/."""

from __future__ import annotations

import os
import sys

from pos.cli.common import ask_pin, refusal_lines
from pos.kernel.errors import UserError
from pos.kernel.messages import Message, msg, render
from pos.kernel.translations import SUPPORTED, choose_locale, load_translations
from pos.setup import new_store
from pos.setup.details import CURRENCY, check_store, check_tills, parse_till, refuse_if_set_up
from pos.setup.files import check_files, read_file


def register(sub) -> None:
    setup = sub.add_parser("setup", help="set up a new store (no demo): details, administrator, "
                           "tills, catalog, printer")
    setup.add_argument("--name", help="the store's name, as receipts print it")
    setup.add_argument("--address", help="the store's address")
    setup.add_argument("--phone", help="the store's phone number")
    setup.add_argument("--tax-id", help="the store's tax ID (unified social credit code)")
    setup.add_argument("--locale", choices=list(SUPPORTED),
                       help="the till's, receipts' and sheets' language")
    setup.add_argument("--admin-name", help="the administrator (the PIN is asked twice)")
    setup.add_argument("--till", action="append", metavar="CODE=NAME",
                       help="a till to set up, e.g. T01='Front till' (again for each; "
                       "default: this computer's terminal)")
    setup.add_argument("--categories", metavar="FILE",
                       help="the store's categories CSV (default: the standard categories)")
    setup.add_argument("--catalog", metavar="FILE", help="products to import (CSV)")
    setup.add_argument("--checklists", metavar="FILE",
                       help="configuration sheets and service-card tiers (TOML)")
    setup.add_argument("--printer", metavar="URI",
                       help="this till's receipt printer (network://HOST:9100, usb://VID:PID, "
                       "serial:///dev/..., file:///..., pdf:///folder); a test page is printed")
    setup.add_argument("--paper", type=int, choices=list(new_store.PAPER_WIDTHS), default=80)
    setup.set_defaults(run=run)


def run(args, db, terminal: str) -> int:
    refuse_if_set_up(db)  # before any question
    if sys.stdin.isatty():
        pin = _ask_missing(args, db, terminal)
    else:
        missing = [flag for flag, value in (("--name", args.name),
                                            ("--admin-name", args.admin_name)) if not value]
        if missing:
            raise UserError("setup.missing_options", options=missing)
        pin = ask_pin()
    result = new_store.set_up_store(
        db, name=args.name, address=args.address or "", phone=args.phone or "",
        tax_id=args.tax_id or "", locale=args.locale or _reader_locale(),
        admin_name=args.admin_name, admin_pin=pin, tills=_tills(args, terminal),
        this_terminal=terminal, categories=read_file(args.categories),
        catalog=read_file(args.catalog), checklists=read_file(args.checklists),
        printer=new_store.Printer(args.printer, args.paper))
    _report(result)
    if result.printer.uri:
        _test_print(result)
    print("open the till with: pos   (log in as the administrator, then add staff with "
          "pos staff add)")
    return 0


def _reader_locale() -> str:
    return choose_locale(os.environ.get("POS_LOCALE"))


def _tills(args, terminal: str) -> list[tuple[str, str]]:
    return [parse_till(text) for text in args.till or [terminal]]


def _ask_missing(args, db, terminal: str) -> str:
    """A person at the terminal: what the flags left out, asked in turn ([default]), each
    group checked as soon as it is answered and asked again when refused. The PIN."""
    print("Setting up a new store (Ctrl+C stops; nothing is written until the end).")
    given = {option: getattr(args, option) is not None
             for option in ("name", "address", "phone", "tax_id", "locale", "admin_name",
                            "till", "catalog", "checklists", "printer")}

    def store() -> None:
        for option, label in (("name", "Store name"), ("address", "Address"),
                              ("phone", "Phone"), ("tax_id", "Tax ID")):
            if not given[option]:
                setattr(args, option, _ask(label, getattr(args, option) or ""))
        if not given["locale"]:
            args.locale = _ask("Language (en or zh_CN)", args.locale or _reader_locale())
        check_store(name=args.name or "", address=args.address or "", phone=args.phone or "",
                    tax_id=args.tax_id or "", locale=args.locale or "")

    def admin() -> str:
        if not given["admin_name"]:  # the name again only when it was refused
            args.admin_name = new_store.check_admin_name(
                _ask("Administrator's name", args.admin_name or ""))
            given["admin_name"] = True
        print("The administrator's PIN: 4 to 8 digits, not easy to guess "
              "(not 1234, 1111 or a year).")
        pin = ask_pin()
        new_store.check_admin(db, name=args.admin_name, pin=pin)
        return pin

    def tills() -> None:
        if not given["till"]:
            args.till = []
            while True:
                hint = "empty to go on" if args.till else f"{terminal} is this computer"
                till = _ask(f"Till as CODE=Name ({hint})",
                            "" if args.till else f"{terminal}=Front till")
                if not till:
                    break
                args.till.append(till)
        check_tills(_tills(args, terminal), this_terminal=terminal)

    def files() -> None:
        for option, label in (("catalog", "Catalog CSV to import (empty: none)"),
                              ("checklists", "Checklists TOML to import (empty: none)")):
            if not given[option]:
                setattr(args, option, _ask(label) or None)
        check_files(db, locale=args.locale, currency=CURRENCY,
                    categories=read_file(args.categories), catalog=read_file(args.catalog),
                    checklists=read_file(args.checklists))

    def printer() -> None:
        if not given["printer"]:
            args.printer = _ask("Receipt printer URI (empty: PDF previews)") or None
        new_store.check_printer(new_store.Printer(args.printer, args.paper), terminal=terminal)

    pin = ""
    for group, options in ((store, ("name", "address", "phone", "tax_id", "locale")),
                           (admin, ()),  # the PIN is always asked
                           (tills, ("till",)), (files, ("catalog", "checklists")),
                           (printer, ("printer",))):
        while True:
            try:
                pin = group() or pin
                break
            except UserError as exc:
                if options and all(given[option] for option in options):
                    raise  # nothing to ask again: the flags said it all
                print("\n".join(refusal_lines(exc, locale=_reader_locale())))
    return pin


def _ask(label: str, default: str = "") -> str:
    shown = f" [{default}]" if default else ""
    return input(f"{label}{shown}: ").strip() or default


def _report(result: new_store.SetupResult) -> None:
    files, store = result.files, result.store
    print(f"store set up: {store.name} ({store.code}), language {store.locale}")
    print(f"  administrator {result.admin.name}")
    for till in result.tills:
        mine = "  (this computer)" if till.code == result.this_terminal else ""
        print(f"  till {till.code} {till.name}{mine}")
    if files.category_rows is not None:
        kind = "standard categories" if files.standard_categories else "categories imported"
        print(f"  {len(files.category_rows)} {kind}")
    if files.catalog_rows is not None:
        print(f"  {files.products} products imported")
    if files.checklists is not None:
        print(f"  {files.sheets} sheets and {files.tiers} service tiers imported")
    printer = result.printer
    print(f"  receipt printer: {printer.uri or 'PDF previews'} on {printer.paper_mm} mm paper")


def _test_print(result: new_store.SetupResult) -> None:
    from printing.check_print import print_check_page

    store = result.store
    try:
        where = print_check_page(result.printer.uri, paper_mm=result.printer.paper_mm,
                                 name=store.name, address=store.address, phone=store.phone,
                                 tax_id=store.tax_id, locale=store.locale)
    except UserError as exc:
        warning = msg("setup.test_print_failed", reason=exc.as_message())
        print(f"warning: {_say(warning, store.locale)}", file=sys.stderr)
        return
    print(f"  test page printed to {where}")


def _say(message: Message, store_locale: str) -> str:
    """In the reader's language: POS_LOCALE, else the store's just chosen."""
    translations = load_translations(choose_locale(os.environ.get("POS_LOCALE") or store_locale))
    return render(message, translate=translations.message_template if translations else None)
