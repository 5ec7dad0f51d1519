"""Files and arguments made to break the store: refused with the place and the reason,
a documented exit code, the same on SQLite and PostgreSQL, and nothing changed. And what
leaves the product (CSV files, the terminal) is safe to open."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import date

import pytest
from sqlalchemy import func, select, text

from pos.catalog import checklists, products
from pos.cli import EXIT_BUG, EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main
from pos.day import reports
from pos.db.models import Category, Product, ServiceTier, SheetItem
from pos.kernel.errors import UserError
from pos.people import customers, followups
from tests.integration.test_checklists import CATALOG, CATEGORIES, SHEETS


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("POS_LOCALE", "en")


@pytest.fixture
def store(store_db):
    db = store_db
    """The small catalog and sheets of the checklist tests, on SQLite and PostgreSQL."""
    products.import_categories_file(db, data=CATEGORIES.encode())
    products.import_catalog_file(db, data=CATALOG.encode())
    checklists.import_checklists_file(db, data=SHEETS.encode())
    return db


def counts(db) -> tuple:
    with db.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(model))
                     for model in (Category, Product, SheetItem, ServiceTier))


def refusal(call) -> list[str]:
    with pytest.raises(UserError) as refused:
        call()
    return str(refused.value).splitlines()


# --- text the database would keep differently (or not at all) ---------------------------

CATALOG_HEADER = "sku,barcode,name,category,price,cost,stock,role,serial_tracked,vat_rate\n"


@pytest.mark.parametrize("row, expected", [
    ("BAG-X,,Bag\x00XL,BAGS,99,40,1,none,no,13", "line 2, name: holds control characters (such as NUL)"),
    ("BAG-X,," + "x" * 201 + ",BAGS,99,40,1,none,no,13", "line 2, name: is longer than 200 characters"),
    ("BAG\x00X,,Bag,BAGS,99,40,1,none,no,13", "line 2, sku: holds control characters (such as NUL)"),
    ("BAG-X,,Bag,BAGS,99,40,99999999999999999999,none,no,13",
     "line 2, stock: '99999999999999999999' is more than 1000000"),
    ("BAG-X,,Bag,BAGS,999999999999999999999,40,1,none,no,13",
     "line 2, price: '999999999999999999999' is more than 99999999.99"),
])
def test_a_catalog_row_the_database_cannot_keep_is_refused_on_both_databases(store, row, expected):
    before = counts(store)
    lines = refusal(lambda: products.import_catalog_file(
        store, data=(CATALOG_HEADER + row + "\n").encode()))
    assert lines == ["catalog import refused: 1 error; nothing was changed", expected]
    assert counts(store) == before


@pytest.mark.parametrize("row, expected", [
    ("CABLES,Cables\x00,accessory,", "line 2, name: holds control characters (such as NUL)"),
    ("CABLES," + "c" * 121 + ",accessory,", "line 2, name: is longer than 120 characters"),
    ("C" * 41 + ",Cables,accessory,", "line 2, code: is longer than 40 characters"),
])
def test_a_category_row_the_database_cannot_keep_is_refused_on_both_databases(store, row, expected):
    before = counts(store)
    lines = refusal(lambda: products.import_categories_file(
        store, data=f"code,name,kind,sheet_layout\n{row}\n".encode()))
    assert lines[1:] == [expected]
    assert counts(store) == before


@pytest.mark.parametrize("change, expected", [
    (('name = "Bag"', 'name = "Bag\\u0000"'),
     'sheet "notebook" > section "accessories" > item "bag" > name: holds control characters'),
    (('name = "Bag"', 'name = "' + "B" * 121 + '"'),
     'sheet "notebook" > section "accessories" > item "bag" > name: is longer than 120'),
    (('script = "Carry it safely; a bag protects the screen."', 'script = "' + "s" * 1001 + '"'),
     'item "bag" > script: is longer than 1000 characters'),
    (('name = "Gold card"', 'name = "Gold\\u001bcard"'), 'tier "gold" > name: holds control'),
    (('description = "On-site service extended from 1 to 3 years"', 'description = 5'),
     'tier "gold": description must be text in quotes'),
    (('term_months = 24', 'term_months = 200000'),
     'tier "gold": term_months is at most 120 (10 years); for longer, write lifetime = true'),
    (('units_covered = 1', 'units_covered = 100000000000000000000'),
     'tier "gold": units_covered is at most 1000'),
    (('{ price = "399" }', '{ price = "99999999999999999999" }'),
     'tier "gold" > band 3 > price: \'99999999999999999999\' is more than 99999999.99'),
    (('pack_price = "200.00"', 'pack_price = "1e400"'), "pack_price: '1e400' is not an amount"),
    (('products = ["BAG-L", "BAG-S"]', 'products = [["BAG-L"], 5]'),
     'item "bag": products must be text in quotes'),
    (('categories = ["NOTEBOOK"]\n\n  [[sheet.section]]', 'categories = [["NOTEBOOK"]]\n\n  [[sheet.section]]'),
     'sheet "notebook": categories must be text in quotes'),
])
def test_a_checklist_value_of_the_wrong_kind_or_size_is_refused_on_both_databases(store, change,
                                                                                   expected):
    old, new = change
    assert old in SHEETS
    before = counts(store)
    lines = refusal(lambda: checklists.import_checklists_file(
        store, data=SHEETS.replace(old, new, 1).encode()))
    assert lines[0].startswith("checklist import refused")
    assert any(expected in line for line in lines[1:]), lines
    assert counts(store) == before


@pytest.mark.parametrize("document, expected", [
    (('[[sheet]]\ncode = "nb"\nname = "N"\ncategories = ["NOTEBOOK"]\n'
      'section = [{ code = "a", title = "A", item = 5 }]\n'),
     'sheet "nb" > section "a": must be an array of tables ([[sheet.section.item]])'),
    ('[[sheet]]\ncode = "nb"\nname = "N"\ncategories = ["NOTEBOOK"]\nsection = 5\n',
     'sheet "nb": must be an array of tables ([[sheet.section]])'),
    ('sheet = 5\n', "sheet: must be an array of tables ([[sheet]])"),
    (('[[tier]]\ncode = "t"\nname = "T"\naudience = "consumer"\nterm_months = 12\n'
      'service = "on_site"\ncategories = 5\nbands = [{ price = "1" }]\n'),
     'line 2, tier "t": needs categories = [the main-unit categories it covers]'),
])
def test_tables_of_the_wrong_type_are_refused_at_their_place(store, document, expected):
    before = counts(store)
    lines = refusal(lambda: checklists.import_checklists_file(store, data=document.encode()))
    assert expected in lines[1:], lines
    assert counts(store) == before


def test_a_checklist_file_nested_very_deep_is_refused_not_a_recursion_error(store):
    deep = ("a = " + "[" * 100_000 + "]" * 100_000 + "\n").encode()
    assert refusal(lambda: checklists.import_checklists_file(store, data=deep)) == [
        "the checklist file nests tables or arrays too deeply to be a checklist file"]


def test_the_longest_card_term_is_accepted_and_ends_on_a_real_date(store):
    """120 months is accepted, and a card sold with it ends on a date (not in 18693)."""
    from pos.catalog.coverage import add_months

    checklists.import_checklists_file(store, data=SHEETS.replace(
        "term_months = 24", "term_months = 120").encode())
    with store.read() as session:
        term = session.scalar(select(ServiceTier.term_months).where(ServiceTier.code == "gold"))
    assert term == 120
    assert add_months(date(2026, 11, 23), term) == date(2036, 11, 23)


# --- arguments ------------------------------------------------------------------------


@pytest.fixture
def db_arg(tmp_path):
    return f"--db=sqlite:///{tmp_path / 'cli.db'}"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """`pos demo load` into a database file, once for the module."""
    path = tmp_path_factory.mktemp("bad_input") / "demo.db"
    assert main([f"--db=sqlite:///{path}", "demo", "load"]) == EXIT_OK
    return path


@pytest.fixture
def demo_arg(db_arg, demo_file):
    """db_arg naming a database of the test's own that `pos demo load` filled (a copy)."""
    source, copy = sqlite3.connect(demo_file), sqlite3.connect(db_arg.removeprefix(
        "--db=sqlite:///"))
    try:
        source.backup(copy)  # whole, whatever is still in the write-ahead log
    finally:
        source.close()
        copy.close()
    return db_arg


def run(capsys, *argv) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("command", [
    ["followup", "export", "--days", "99999999", "--csv", "calls.csv"],
    ["followup", "assign", "--days", "99999999", "--to", "Li Na"],
    ["renewals", "--days", "99999999"],
])
def test_a_number_of_days_beyond_ten_years_is_refused(demo_arg, capsys, command, tmp_path,
                                                      monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, demo_arg, *command)
    assert (code, err.strip()) == (EXIT_REFUSED, "error: days must be from 1 to 3660")
    assert not (tmp_path / "calls.csv").exists()


def test_the_services_refuse_the_days_too(demo_db):
    for call in (lambda: followups.recent_buyers(demo_db, days=99_999_999),
                 lambda: followups.cards_ending(demo_db, within_days=99_999_999)):
        assert refusal(call) == ["days must be from 1 to 3660"]


@pytest.mark.parametrize("scope", [["--terminal", "T99"], ["--store", "S99"]])
@pytest.mark.parametrize("kind", ["day", "x", "z"])
def test_a_report_for_an_unknown_terminal_or_store_is_an_error_not_an_empty_report(
        demo_arg, capsys, scope, kind):
    db_arg = demo_arg
    for argv in ([db_arg, "report", kind, *scope], [db_arg, *scope, "report", kind]):
        if scope[0] == "--store" and argv[1] == "--store":
            continue  # --store belongs to the report
        code, out, err = run(capsys, *argv)
        assert code == EXIT_REFUSED, (argv, out, err)
        assert err.strip() in ("error: Terminal T99 is not set up in this database",
                               "error: No store has the code 'S99'")
        assert "Day report" not in out


def test_the_day_report_service_refuses_unknown_codes(demo_db):
    today = date.today()
    assert refusal(lambda: reports.day_report(demo_db, day=today, terminal="T99")) == [
        "Terminal T99 is not set up in this database"]
    assert refusal(lambda: reports.day_report(demo_db, day=today, store="S99")) == [
        "No store has the code 'S99'"]
    assert reports.day_report(demo_db, day=today, terminal="T01").scope == "T01"


@pytest.mark.parametrize("command", [
    ["catalog", "export"], ["categories", "export"], ["checklists", "export"],
    ["followup", "export", "--csv"], ["report", "day", "--csv"], ["report", "day", "--pdf"],
])
def test_an_export_to_a_missing_folder_is_a_message(demo_arg, capsys, tmp_path, command):
    target = tmp_path / "missing" / "out.file"
    code, _, err = run(capsys, demo_arg, *command, str(target))
    assert code == EXIT_REFUSED
    assert err.strip() == f"error: cannot write {target}: No such file or directory"
    assert not (tmp_path / "missing").exists()


def test_a_wrong_command_line_exits_64_and_a_bug_70(db_arg, capsys, monkeypatch):
    with pytest.raises(SystemExit) as usage:
        main([db_arg, "report", "day", "--bogus"])
    assert usage.value.code == EXIT_USAGE == 64
    from pos.cli import database

    def broken(args, db, terminal):
        raise RuntimeError("a bug")

    monkeypatch.setattr(database, "summary", broken)
    code, _, err = run(capsys, db_arg, "summary")
    assert code == EXIT_BUG == 70
    assert "RuntimeError: a bug" in err and err.strip().endswith("please report it")


# --- what leaves the product ----------------------------------------------------------

RISKY_NAMES = ["=HYPERLINK(\"http://evil.example\",\"Click\")", "+1+cmd|' /C calc'!A0",
               "-Cable (USB-C)", "@SUM(1+1)*cmd|' /C calc'!A0", "'Tis the season"]


def cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_catalog_export_runs_nothing_in_a_spreadsheet_and_imports_back_unchanged(store_db):
    db = store_db
    categories = "code,name,kind,sheet_layout\nCABLES,=Cables,accessory,\n"
    products.import_categories_file(db, data=categories.encode())
    rows = [CATALOG_HEADER.strip()] + [
        f'C{n},,"{name.replace(chr(34), chr(34) * 2)}",CABLES,19.90,5,1,none,no,13'
        for n, name in enumerate(RISKY_NAMES)]
    products.import_catalog_file(db, data=("\n".join(rows) + "\n").encode())
    exported = products.export_catalog(db)
    for row in cells(exported)[1:]:
        assert not row[2].startswith(("=", "+", "-", "@")), row
    assert cells(products.export_categories(db))[1][1] == "'=Cables"
    with db.read() as session:
        names_before = sorted(session.scalars(select(Product.name)))
    assert sorted(names_before) == sorted(RISKY_NAMES)
    products.import_catalog_file(db, data=exported)
    assert products.export_catalog(db) == exported
    with db.read() as session:
        assert sorted(session.scalars(select(Product.name))) == names_before


def test_the_follow_up_list_and_the_report_run_nothing_but_keep_negative_numbers(demo_db):
    customer = customers.create_customer(demo_db, phone="13800138000", name="Chen Jie")
    with demo_db.engine.begin() as connection:  # a name typed before names were checked
        connection.execute(text("UPDATE customers SET name = :n WHERE id = :i"),
                           {"n": "=cmd|' /C calc'!A0", "i": customer.id})
    from pos.selling import checkout, completion
    from pos.selling.cart import TenderInput
    from tests.integration.checkout_helpers import new_cart

    cart = new_cart(demo_db)
    checkout.add_product(demo_db, cart, code="BAG-NB-156")
    checkout.set_customer(demo_db, cart, customer_id=customer.id)
    due = sum(line.total for line in cart.lines)
    completion.complete_sale(demo_db, cart, tenders=[TenderInput("cash", due)])
    listed = cells(followups.export_followups(demo_db, days=7, today=sale_day(demo_db)))
    assert listed[1][0] == "'=cmd|' /C calc'!A0"
    report = reports.day_report(demo_db, day=sale_day(demo_db))
    report.documents["refund"] = (1, -29900)  # a refund, as the report shows one
    rows = cells(reports.report_csv(report))
    assert ["documents", "refund", "1", "-299.00", ""] in rows


def sale_day(db):
    from pos.db.models import Sale

    with db.read() as session:
        return session.scalar(select(Sale.business_date))


def test_what_the_command_prints_from_the_database_cannot_drive_the_terminal(demo_arg, capsys,
                                                                             tmp_path):
    db_arg = demo_arg
    from pos.db.engine import Database

    database = Database(db_arg.removeprefix("--db="))
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE stores SET name = :n"),
                           {"n": "Shop\x1b]0;owned\x07\x1b[2J"})
    database.dispose()
    code, out, _ = run(capsys, db_arg, "store", "show")
    assert code == EXIT_OK
    assert "\x1b" not in out and "\x07" not in out and "Shop ]0;owned  [2J" in out
