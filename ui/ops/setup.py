"""The first-run wizard's calls (ui.first_run): each page's values checked by the setup
service (pos.setup) as the person goes, the printer's test page, the demo store, and the
setup itself. Files are named by path and read on the worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.ops.running import Call


def check_store(*, name: str, address: str, phone: str, tax_id: str, locale: str) -> Call:
    """The store's details as they will be kept (pos.setup.details.StoreDetails)."""
    def call(db):
        from pos.setup.details import check_store as check, refuse_if_set_up

        refuse_if_set_up(db)
        return check(name=name, address=address, phone=phone, tax_id=tax_id, locale=locale)
    return call


def check_admin(*, name: str, pin: str, pin_again: str) -> Call:
    def call(db):
        from pos.setup.new_store import check_admin as check

        return check(db, name=name, pin=pin, pin_again=pin_again)
    return call


def check_tills(*, tills: list[tuple[str, str]], this_terminal: str) -> Call:
    """The tills as they will be set up (pos.setup.details.Till)."""
    def call(db):
        from pos.setup.details import check_tills as check

        return check(tills, this_terminal=this_terminal)
    return call


def check_files(*, locale: str, categories: str, catalog: str, checklists: str) -> Call:
    """The files (paths; empty for none) read and checked as their imports will check
    them: a pos.setup.files.CheckedFiles."""
    def call(db):
        from pos.setup.files import check_files as check, read_file

        return check(db, locale=locale, currency="CNY", categories=read_file(categories),
                     catalog=read_file(catalog), checklists=read_file(checklists))
    return call


def check_printer(*, uri: str | None, paper_mm: int, terminal: str) -> Call:
    def call(db):
        from pos.setup.new_store import Printer, check_printer as check

        return check(Printer(uri, paper_mm), terminal=terminal)
    return call


def print_test_page(*, uri: str | None, paper_mm: int, store) -> Call:
    """The printer's test page now (printing.check_print), with the store's header as
    typed (`store`: a pos.setup.details.StoreDetails); where it went. No printer (None):
    a PDF preview where receipts go without one."""
    def call(db):
        from pos.db.location import data_dir
        from printing.check_print import print_check_page

        where = uri or f"pdf://{data_dir() / 'prints'}"
        return print_check_page(where, paper_mm=paper_mm, name=store.name, address=store.address,
                                phone=store.phone, tax_id=store.tax_id, locale=store.locale)
    return call


def load_demo(*, locale: str) -> Call:
    def call(db):
        from pos.demo.loader import load_demo as load

        return load(db, locale=locale, stores=True)
    return call


def set_up_store(*, store, admin_name: str, admin_pin: str, tills: list[tuple[str, str]],
                 this_terminal: str, categories: str, catalog: str, checklists: str,
                 printer_uri: str | None, paper_mm: int) -> Call:
    """The whole setup (pos.setup.new_store.set_up_store), every value checked again."""
    def call(db):
        from pos.setup.files import read_file
        from pos.setup.new_store import Printer, set_up_store as set_up

        return set_up(db, name=store.name, address=store.address, phone=store.phone,
                      tax_id=store.tax_id, locale=store.locale, admin_name=admin_name,
                      admin_pin=admin_pin, tills=tills, this_terminal=this_terminal,
                      categories=read_file(categories), catalog=read_file(catalog),
                      checklists=read_file(checklists), printer=Printer(printer_uri, paper_mm))
    return call
