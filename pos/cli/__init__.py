"""The `pos` command: the app with no arguments, administration with them.

Every command opens the database from --db / POS_DATABASE_URL / the user data folder,
brings its schema up to date (or refuses a newer one), then runs one service call.

The database layer and the services are imported by the commands, not at the top: the
app (no arguments) shows its first screen before they load (see ui.app).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pos.kernel.errors import UserError

if TYPE_CHECKING:
    from pos.db.engine import Database


def _add_common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="database URL or SQLite file (default: POS_DATABASE_URL, "
                        "else tickbox.db in the user data folder)")
    parser.add_argument("--terminal", help="this till's terminal code (default: POS_TERMINAL or T01)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pos", description="Tickbox POS")
    _add_common_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    db_cmd = sub.add_parser("db", help="database schema").add_subparsers(dest="action", required=True)
    db_cmd.add_parser("upgrade", help="migrate the database to this version's schema")
    db_cmd.add_parser("current", help="show the database's schema version")

    for name, what in (("catalog", "products"), ("categories", "categories")):
        group = sub.add_parser(name, help=f"{what} CSV import/export").add_subparsers(
            dest="action", required=True)
        group.add_parser("import", help=f"create or update {what} from a CSV file").add_argument("file")
        group.add_parser("export", help=f"write all {what} to a CSV file").add_argument("file")

    group = sub.add_parser("checklists", help="configuration sheets and service tiers (TOML)")
    actions = group.add_subparsers(dest="action", required=True)
    actions.add_parser("import", help="create or update sheets and tiers").add_argument("file")
    actions.add_parser("export", help="write sheets and tiers to a TOML file").add_argument("file")

    group = sub.add_parser("demo", help="the demo store").add_subparsers(dest="action", required=True)
    load = group.add_parser("load", help="fill an empty database with the demo store")
    load.add_argument("--locale", default="en", choices=["en", "zh_CN"])
    load.add_argument("--if-empty", action="store_true",
                      help="do nothing (and succeed) when the database already has data")

    group = sub.add_parser("staff", help="staff members").add_subparsers(dest="action", required=True)
    add = group.add_parser("add", help="add a staff member (asks the PIN twice)")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=["cashier", "installer", "manager", "admin"])
    group.add_parser("list", help="list active staff")

    group = sub.add_parser("store", help="store details").add_subparsers(dest="action", required=True)
    group.add_parser("show", help="show the store's details")
    setter = group.add_parser("set", help="change details: KEY=VALUE ...")
    setter.add_argument("pairs", nargs="+", metavar="KEY=VALUE")

    group = sub.add_parser("journal", help="the tamper-evident journal").add_subparsers(
        dest="action", required=True)
    group.add_parser("verify", help="check the hash chain over every completed document")

    group = sub.add_parser("print", help="receipts, sheets and card certificates").add_subparsers(
        dest="action", required=True)
    receipt = group.add_parser("receipt", help="reprint a receipt (marked as a copy)")
    receipt.add_argument("number")
    receipt.add_argument("--printer", help="printer URI (default: this terminal's receipt printer)")
    receipt.add_argument("--paper", type=int, choices=[58, 80])
    sheet = group.add_parser("sheet", help="a sale's configuration-sheet copies as PDF")
    sheet.add_argument("number")
    sheet.add_argument("--out", required=True)
    sheet.add_argument("--copies", default="customer,store,installer")
    sheet.add_argument("--page", default="A4", choices=["A4", "A5"])
    blank = group.add_parser("blank-sheet", help="an empty sheet of a layout, for paper pads")
    blank.add_argument("layout", choices=["desktop_pc", "notebook", "digital", "phone"])
    blank.add_argument("--out", required=True)
    blank.add_argument("--page", default="A4", choices=["A4", "A5"])
    blank.add_argument("--sheet", help="the sheet's code where a layout has several (dslr, compact)")
    card = group.add_parser("card", help="a service-card certificate (A5 PDF)")
    card.add_argument("number")
    card.add_argument("--out", required=True)
    queue = group.add_parser("queue", help="print jobs: list failed ones, retry, run what is due")
    queue.add_argument("--retry", type=int, metavar="JOB_ID")
    queue.add_argument("--run", action="store_true", help="send every due job now")

    group = sub.add_parser("printers", help="this terminal's printers").add_subparsers(
        dest="action", required=True)
    group.add_parser("show", help="where this terminal prints")
    setter = group.add_parser("set", help="set printer URIs and paper")
    setter.add_argument("--receipt", help="network://HOST:9100, usb://VID:PID, serial:///dev/..., "
                        "file:///..., or pdf:///folder")
    setter.add_argument("--documents", help="where sheet and card PDFs go: pdf:///folder")
    setter.add_argument("--paper", type=int, choices=[58, 80])
    setter.add_argument("--sheet-after-sale", choices=["yes", "no"])

    audit = sub.add_parser("audit", help="the audit trail: voids, refunds, overrides, approvals, ...")
    audit.add_argument("--action", help="only this action (void, refund, approval, failed_login, ...)")
    audit.add_argument("--limit", type=int, default=100)

    group = sub.add_parser("followup", help="follow-up calls to recent buyers").add_subparsers(
        dest="action", required=True)
    export = group.add_parser("export", help="recent buyers as CSV for follow-up calls")
    export.add_argument("--days", type=int, default=7)
    export.add_argument("--kind", choices=["consumer", "business"])
    export.add_argument("--csv", required=True, metavar="FILE")
    assign = group.add_parser("assign", help="give recent buyers' calls to a salesperson")
    assign.add_argument("--days", type=int, default=7)
    assign.add_argument("--kind", choices=["consumer", "business"])
    assign.add_argument("--to", required=True, metavar="STAFF_NAME")

    calls = group.add_parser("calls", help="a salesperson's open calls")
    calls.add_argument("--staff", required=True, metavar="STAFF_NAME")
    record = group.add_parser("record", help="record how a call went")
    record.add_argument("call_id", type=int)
    record.add_argument("--staff", required=True, metavar="STAFF_NAME")
    record.add_argument("--outcome", required=True,
                        choices=["reached", "interested", "no_answer", "declined", "wrong_number"])
    record.add_argument("--notes", default="")

    customer = sub.add_parser("customer", help="a customer's sales, units and cards")
    customer.add_argument("phone")
    renew = sub.add_parser("renewals", help="service cards ending soon, for renewal calls")
    renew.add_argument("--days", type=int, default=30)

    report = sub.add_parser("report", help="the day's report (sales, tenders, attach rate, ...)")
    report.add_argument("kind", choices=["day", "x", "z"],
                        help="day: a business day; x: the open shift; z: shifts closed that day")
    report.add_argument("--date", help="YYYY-MM-DD (default: today)")
    report.add_argument("--store", help="a store code (default: all stores, or --terminal)")
    report.add_argument("--csv", metavar="FILE", help="also write the report as CSV")
    report.add_argument("--pdf", metavar="FILE", help="also write the report as a PDF with charts")

    sub.add_parser("summary", help="what is in the database")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # Opening the app (no command) skips building every command's parser: the till's
    # first screen is timed against a bare Qt window.
    app_only = argparse.ArgumentParser(prog="pos", add_help=False)
    _add_common_options(app_only)
    app_args, rest = app_only.parse_known_args(argv)
    if not rest:
        return _open_app(app_args)
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _open_app(args)
    from pos.db import schema
    from pos.db.engine import Database
    from pos.db.location import resolve_url

    db = Database(resolve_url(args.db))
    try:
        if not (args.command == "db" and args.action == "current"):
            done = schema.ensure_schema(db.engine)
            if done != "current":
                print(f"database {done} at schema {schema.head_revision()}", file=sys.stderr)
        return _run(args, db)
    except UserError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        for detail in exc.details:
            print(f"  {detail}", file=sys.stderr)
        return 1
    finally:
        db.dispose()


def _run(args, db: Database) -> int:
    from pos.catalog import checklists, products
    from pos.db import location, schema
    from pos.people import staff
    from pos.store import details

    terminal = location.this_terminal(args.terminal)
    command, action = args.command, getattr(args, "action", None)
    if command == "db":
        if action == "current":
            print(schema.current_revision(db.engine) or "empty (no schema)")
        else:
            print(f"schema at {schema.head_revision()}")
        return 0
    if command in ("catalog", "categories"):
        importer = products.import_catalog_file if command == "catalog" else products.import_categories_file
        exporter = products.export_catalog if command == "catalog" else products.export_categories
        if action == "import":
            print(f"{command}: {importer(db, data=_read(args.file))}")
        else:
            Path(args.file).write_bytes(exporter(db))
            print(f"{command} written to {args.file}")
        return 0
    if command == "checklists":
        if action == "import":
            print(f"checklists: {checklists.import_checklists_file(db, data=_read(args.file))}")
        else:
            Path(args.file).write_bytes(checklists.export_checklists(db))
            print(f"checklists written to {args.file}")
        return 0
    if command == "demo":
        from pos.demo import loader  # the demo tables load only when asked for

        if args.if_empty and not loader.database_is_empty(db):
            print("database already has data; demo store not loaded")
            return 0
        summary = loader.load_demo(db, locale=args.locale)
        print(f"demo store loaded ({summary.locale}): {summary.categories} categories, "
              f"{summary.products} products, {summary.sheets} sheets with "
              f"{summary.sheet_items} items, {summary.tiers} service tiers")
        for name, role, pin in summary.staff:
            print(f"  staff {name} ({role}), PIN {pin}")
        return 0
    if command == "staff":
        if action == "add":
            pin = _ask_pin()
            info = staff.add_staff(db, name=args.name, role=args.role, pin=pin)
            print(f"added {info.name} ({info.role.value})")
        else:
            for info in staff.list_staff(db):
                print(f"{info.id:>4}  {info.name:<24} {info.role.value}")
        return 0
    if command == "store":
        if action == "set":
            changes = {}
            for pair in args.pairs:
                key, sep, value = pair.partition("=")
                if not sep:
                    raise UserError(f"'{pair}' is not KEY=VALUE")
                changes[key.strip()] = value
            info = details.update_store(db, terminal=terminal, **changes)
        else:
            info = details.store_info(db, terminal=terminal)
        for key, value in vars(info).items():
            print(f"{key:<15} {value}")
        return 0
    if command == "journal":
        from pos.ledger.verify import verify

        result = verify(db)
        if result.ok:
            print(f"journal intact: {result.checked} documents verified")
            return 0
        print(f"journal BROKEN after {result.checked} good documents: {result.problem}",
              file=sys.stderr)
        return 2
    if command == "print":
        from pos.cli.prints import run_print_command  # ReportLab and escpos load only here

        return run_print_command(args, db, terminal)
    if command == "printers":
        from pos.printjobs import print_queue

        if action == "set":
            changes = {key: value for key, value in (
                ("receipt", args.receipt), ("documents", args.documents),
                ("paper_mm", args.paper),
                ("sheet_after_sale", None if args.sheet_after_sale is None
                 else args.sheet_after_sale == "yes")) if value is not None}
            config = print_queue.set_printer_config(db, terminal=terminal, **changes)
        else:
            config = print_queue.printer_config(db, terminal=terminal)
        for key, value in vars(config).items():
            print(f"{key:<17} {value}")
        return 0
    if command in ("followup", "customer", "renewals"):
        return _customers(args, db)
    if command == "report":
        return _report(args, db, terminal)
    if command == "audit":
        from pos.ledger.audit import list_audit

        for event in list_audit(db, limit=args.limit, action=args.action):
            details = ", ".join(f"{k}={v}" for k, v in sorted(event.details.items()) if v not in (None, "", []))
            print(f"{event.at:%Y-%m-%d %H:%M:%S}  {event.action:<22} {event.ref:<18} "
                  f"{event.staff_name or '-':<12} {details}")
        return 0
    if command == "summary":
        print(_summary(db))
        return 0
    raise AssertionError(f"unhandled command {command}")


def _customers(args, db: Database) -> int:
    from pos.people import followups, staff

    if args.command == "customer":
        history = followups.customer_history(db, phone=args.phone)
        kind = "business" if history.kind == "business" else "consumer"
        print(f"{history.name}  {history.phone}  {kind}  {history.company or ''}".rstrip())
        for receipt, doc_kind, day, total in history.sales:
            print(f"  {day}  {receipt}  {doc_kind:<7} {_money(total)}")
        for unit in history.units:
            print(f"  unit  {unit.name}  S/N {unit.serial or '-'}  ({unit.receipt_no})")
        for card in history.cards:
            until = card.end_date.isoformat() if card.end_date else "lifetime"
            print(f"  card  {card.card_no}  {card.tier_name}  until {until}  {card.state}")
        return 0
    if args.command == "renewals":
        for renewal in followups.cards_ending(db, within_days=args.days):
            print(f"{renewal.end_date}  {renewal.card_no}  {renewal.tier_name}  "
                  f"{renewal.customer_name}  {renewal.phone}")
        return 0
    if args.action == "export":
        Path(args.csv).write_bytes(followups.export_followups(db, days=args.days, kind=args.kind))
        print(f"follow-up list written to {args.csv}")
        return 0
    name = args.to if args.action == "assign" else args.staff
    person = next((s for s in staff.list_staff(db) if s.name == name), None)
    if person is None:
        raise UserError(f"No staff member is called '{name}'")
    if args.action == "calls":
        for call in followups.my_calls(db, staff_id=person.id):
            print(f"{call.id:>5}  {call.customer_name:<16} {call.phone:<14} {call.reason}")
        return 0
    if args.action == "record":
        followups.record_call(db, followup_id=args.call_id, staff_id=person.id,
                              outcome=args.outcome, notes=args.notes)
        print(f"call {args.call_id}: {args.outcome}")
        return 0
    buyers = followups.recent_buyers(db, days=args.days, kind=args.kind)
    created = followups.assign_calls(db, customer_ids=[b.customer_id for b in buyers],
                                     staff_id=person.id)
    print(f"{created} calls assigned to {person.name} ({len(buyers) - created} already assigned)")
    return 0


def _report(args, db: Database, terminal: str) -> int:
    from datetime import date

    from pos.day import reports, shifts
    from pos.db import location
    from pos.store import details

    if args.kind in ("x", "z"):
        try:
            day = date.fromisoformat(args.date) if args.date else date.today()
        except ValueError:
            raise UserError(f"'{args.date}' is not a date like 2026-11-23") from None
        found = ([shifts.x_report(db, terminal=terminal)] if args.kind == "x"
                 else shifts.z_reports(db, terminal=terminal, day=day))
        if args.csv:
            Path(args.csv).write_bytes(shifts.shift_reports_csv(found))
            print(f"written {args.csv}")
        if args.pdf:
            from printing.shift_pdf import shift_report_pdf  # ReportLab loads only here

            info = details.store_info(db, terminal=terminal)
            Path(args.pdf).write_bytes(shift_report_pdf(found, locale=info.locale,
                                                        store_name=info.name))
            print(f"written {args.pdf}")
    if args.kind == "x":
        x = shifts.x_report(db, terminal=terminal)
        print(f"X report {x.terminal}, shift {x.shift_id} open since {x.opened_at:%Y-%m-%d %H:%M}")
        print(f"  sales {x.sales}  {_money(x.sales_total)}   returns/voids {_money(x.refunds_total)}")
        for tender, amount in x.tenders.items():
            print(f"  {tender:<12} {_money(amount)}")
        print(f"  expected cash in drawer {_money(x.expected_cash)}")
        return 0
    try:
        day = date.fromisoformat(args.date) if args.date else date.today()
    except ValueError:
        raise UserError(f"'{args.date}' is not a date like 2026-11-23") from None
    if args.kind == "z":
        for z in shifts.z_reports(db, terminal=terminal, day=day):
            print(f"Z {z.z_number} {z.terminal}: shift {z.shift_id}, {z.sales} sales "
                  f"{_money(z.sales_total).strip()}, returns/voids {_money(z.refunds_total).strip()}")
            for tender, amount in z.tenders.items():
                print(f"  {tender:<12} {_money(amount)}")
            print(f"  expected cash {_money(z.expected_cash).strip()}, counted "
                  f"{_money(z.counted_cash).strip()}, over/short {_money(z.over_short).strip()}")
        return 0
    report = reports.day_report(db, day=day, store=args.store,
                                terminal=None if args.store else args.terminal)
    print(f"Day report {day} ({report.scope})")
    for kind, (count, total) in report.documents.items():
        print(f"  {kind:<8} {count:>5}  {_money(total)}")
    print(f"  {'net':<8} {'':>5}  {_money(report.net)}")
    for rate in report.attach_by_category:
        print(f"  attach rate {rate.key}: {rate.count}/{rate.base} = {rate.rate_bp / 100:g}%")
    for rate in report.cards_by_tier:
        print(f"  card take-up {rate.key}: {rate.count}/{rate.base} = {rate.rate_bp / 100:g}%")
    for item in report.items[:10]:
        print(f"  {item.name:<28} sold {item.sold:>3}  declined {item.declined:>3}  "
              f"not offered {item.not_offered:>3}")
    for commission in report.commissions:
        print(f"  commission {commission.staff}: {commission.rate_bp / 100:g}% of "
              f"{_money(commission.sales).strip()} = {_money(commission.amount).strip()}")
    if args.csv:
        Path(args.csv).write_bytes(reports.report_csv(report))
        print(f"written {args.csv}")
    if args.pdf:
        from printing.report_pdf import report_pdf  # ReportLab loads only here

        info = details.store_info(db, terminal=terminal)
        Path(args.pdf).write_bytes(report_pdf(report, locale=info.locale, store_name=info.name))
        print(f"written {args.pdf}")
    return 0


def _money(amount: int) -> str:
    from pos.kernel.money import to_decimal_string

    return f"{to_decimal_string(amount):>12}"


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from exc


def _ask_pin() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("PIN: ")
        second = getpass.getpass("PIN again: ")
    else:  # scripted use: two lines on standard input, never echoed anywhere
        first = sys.stdin.readline().strip()
        second = sys.stdin.readline().strip()
    if first != second:
        raise UserError("the two PINs differ; nothing was changed")
    return first


def _summary(db: Database) -> str:
    from sqlalchemy import func, select

    from pos.db.models import Category, Product, ServiceTier, SheetItem, SheetTemplate, Staff

    counts = {}
    with db.read() as session:
        for label, model in (("categories", Category), ("products", Product),
                             ("sheets", SheetTemplate), ("sheet items", SheetItem),
                             ("service tiers", ServiceTier), ("staff", Staff)):
            counts[label] = session.scalar(select(func.count()).select_from(model))
    lines = [f"Tickbox POS database: {db.engine.url.render_as_string(hide_password=True)}"]
    lines += [f"  {label:<14} {count}" for label, count in counts.items()]
    return "\n".join(lines)


def _open_app(args) -> int:
    try:
        from ui.app import run_app
    except ImportError as exc:  # Qt itself, or a system library it needs, is missing
        print(f"error: the till cannot open its window: {exc}\n"
              "  Qt (PySide6) and its system libraries are needed; see the README's quick "
              "start. The commands work without them: pos --help", file=sys.stderr)
        return 1
    return run_app(db_url=args.db, terminal=args.terminal)


if __name__ == "__main__":
    sys.exit(main())
