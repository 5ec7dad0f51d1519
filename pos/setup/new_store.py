"""Setting up a new store on an empty database: `set_up_store` checks everything first
(the details, the administrator's name and PIN by the store's PIN rules, the tills, every
file, the printer), then imports the files, then creates the store, its tills, the
administrator and the printer setting in one transaction, audited and sealed. A bad
value or file is refused with its message and nothing is written; a database that has a
store already is refused (its details and settings change through `pos store set`,
`pos settings set` or the till's Settings)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from pos.catalog.checklists import import_checklists
from pos.catalog.products import import_categories, import_products
from pos.db.engine import Database
from pos.db.models import Product, Store, Terminal
from pos.kernel.enums import StaffRole
from pos.kernel.errors import UserError
from pos.kernel.text import clean_text
from pos.ledger import audit
from pos.ledger.stock_opening import set_store_stock
from pos.people import staff
from pos.setup.details import (
    StoreDetails,
    Till,
    check_store,
    check_tills,
    refuse_if_set_up,
    store_name,
)
from pos.setup.files import CheckedFiles, check_files
from pos.store.setting_rules import validate
from pos.store.settings import get_setting, set_setting

PAPER_WIDTHS = (58, 80)


@dataclass(frozen=True)
class Printer:
    """The receipt printer of this computer's till: a URI (pos printers set --receipt),
    None for PDF previews in the data folder, and the paper's width."""

    uri: str | None = None
    paper_mm: int = 80


@dataclass(frozen=True)
class SetupResult:
    store: StoreDetails
    admin: staff.StaffInfo
    tills: list[Till]
    files: CheckedFiles
    printer: Printer
    this_terminal: str


def check_admin(db: Database, *, name: str, pin: str, pin_again: str | None = None) -> str:
    """The administrator's name as kept, once the name and the PIN pass: the PIN by the
    same rules as every staff member's (pos.people.staff: digits, not easy to guess, as
    long as the store asks of an administrator)."""
    name = check_admin_name(name)
    if pin_again is not None and pin != pin_again:
        raise UserError("staff.pins_differ")
    with db.read_connection() as conn:
        staff.check_new_pin(conn, pin, StaffRole.ADMIN)
    return name


def check_admin_name(name: str) -> str:
    name = clean_text(name, max_length=staff.NAME_MAX, field="field.name")
    if not name:
        raise UserError("setup.needs_admin_name")
    return name


def check_printer(printer: Printer, *, terminal: str) -> dict | None:
    """This till's entry of the `printers` setting (by the setting's own rule), or None
    when the defaults stand (PDF previews on 80 mm)."""
    if printer.uri is None and printer.paper_mm == 80:
        return None
    entry: dict = {"paper_mm": printer.paper_mm}
    if printer.uri is not None:
        entry["receipt"] = printer.uri.strip()
    return validate("printers", {terminal: entry})[terminal]


def set_up_store(db: Database, *, name: str, address: str = "", phone: str = "",
                 tax_id: str = "", locale: str, admin_name: str, admin_pin: str,
                 tills: list[tuple[str, str]], this_terminal: str,
                 categories: bytes | None = None, catalog: bytes | None = None,
                 checklists: bytes | None = None,
                 printer: Printer = Printer()) -> SetupResult:
    """The whole first run (see the module docstring). `tills` are (code, name) pairs and
    must include `this_terminal`, the computer's own; the files are their contents."""
    refuse_if_set_up(db)
    details = check_store(name=name, address=address, phone=phone, tax_id=tax_id,
                          locale=locale)
    admin_name = check_admin(db, name=admin_name, pin=admin_pin)
    checked_tills = check_tills(tills, this_terminal=this_terminal)
    printer = replace(printer, uri=printer.uri.strip() if printer.uri else None)
    entry = check_printer(printer, terminal=this_terminal)
    files = check_files(db, locale=details.locale, currency=details.currency,
                        categories=categories, catalog=catalog, checklists=checklists)
    pin_hash = staff.hash_pin(admin_pin)  # ~50 ms: before the write transaction

    # The files first, each all or nothing (and checked above): a store that exists has
    # everything, and a setup stopped half-way (a dropped connection) can run again.
    if files.category_rows is not None:
        import_categories(db, rows=files.category_rows)
    if files.catalog_rows is not None:
        # its stock is the store's: set once the store exists (in _create)
        import_products(db, rows=files.catalog_rows, currency=details.currency,
                        with_stock=False)
    if files.checklists is not None:
        document, text = files.checklists
        import_checklists(db, document=document, text=text, currency=details.currency)
    try:
        admin = _create(db, details, checked_tills, admin_name, pin_hash, this_terminal, entry,
                        _catalog_stock(files.catalog_rows))
    except IntegrityError:  # another setup of the same database won the race
        refuse_if_set_up(db)
        raise
    return SetupResult(details, admin, checked_tills, files, printer, this_terminal)


def _catalog_stock(rows) -> dict[str, int]:
    """The catalog file's stock column (checked already), sku -> quantity."""
    return {row.values["sku"].strip(): int(row.values["stock"]) for row in rows or ()
            if row.values.get("stock", "").strip() not in ("", "0")}


def _create(db: Database, details: StoreDetails, tills: list[Till], admin_name: str,
            pin_hash: str, terminal: str, printer_entry: dict | None,
            stock: dict[str, int]) -> staff.StaffInfo:
    """The store, its tills, the administrator and this till's printer, one transaction."""
    with db.unit_of_work() as session:
        conn = session.connection()
        name = store_name(session)
        if name is not None:
            raise UserError("setup.already_set_up", name=name)
        store = Store(code=details.code, name=details.name, address=details.address,
                      phone=details.phone, tax_id=details.tax_id, currency=details.currency,
                      locale=details.locale, receipt_footer="")
        session.add(store)
        session.flush()
        session.add_all(Terminal(code=till.code, store_id=store.id, name=till.name)
                        for till in tills)
        session.flush()
        if stock:
            ids = dict(session.execute(select(Product.sku, Product.id).where(
                Product.sku.in_(list(stock)))).all())
            set_store_stock(conn, store_id=store.id, staff_id=None, note="catalog at setup",
                            quantities={ids[sku]: quantity for sku, quantity in stock.items()})
        admin = staff.insert_staff(session, name=admin_name, role=StaffRole.ADMIN,
                                   pin_hash=pin_hash, by=None)
        if printer_entry is not None:
            # As pos.store.settings.change_setting writes a change: the value, sealed, and
            # its audit event; here inside the store's own transaction.
            old = get_setting(session, "printers")
            new = validate("printers", {**old, terminal: printer_entry}, conn)
            set_setting(session, "printers", new, by=admin.id)
            audit.record(conn, staff_id=admin.id, action="setting_changed", ref="printers",
                         details={"key": "printers", "old": old, "new": new, "by": admin.name})
        audit.record(conn, staff_id=admin.id, action="store_set_up", ref=details.code,
                     details={"name": details.name, "locale": details.locale,
                              "tills": [till.code for till in tills]})
    return admin
