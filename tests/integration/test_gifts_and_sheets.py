"""Free gifts on the configuration sheet and sheets that own their categories, on SQLite
and PostgreSQL: an item is sold at 0 only when the checklist marks it gift = true, it
counts as sold and prints as a gift; a sheet may not take another sheet's category
unless the import is told to move it."""

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select, update

from pos.catalog import checklists
from pos.cli import main
from pos.db.models import Category, SaleLine, SheetItem, SheetOutcome, SheetTemplate
from pos.kernel.enums import Outcome
from pos.kernel.errors import UserError
from pos.printjobs.records import load_blank_sheet, load_sale
from pos.selling import checkout, completion, sheet
from pos.selling.cart import TenderInput
from printing.escpos_out import receipt_bytes
from printing.receipt import receipt_layout
from printing.sheet_pdf import blank_sheet_pdf, sheet_pdf
from tests.integration.checkout_helpers import PHONE, db_state, item_id, new_cart
from tests.integration.test_checklists import CATALOG, CATEGORIES, SHEETS

IMEI = "356938035643809"  # 15 digits with a good check digit


def phone_cart(db, *marks: tuple[str, str]):
    cart = new_cart(db)
    unit = checkout.add_product(db, cart, code=PHONE)
    for code, outcome in marks:
        sheet.mark_item(db, cart, main_line_id=unit.line_id,
                        item_id=item_id(db, cart, unit.line_id, code), outcome=outcome)
    checkout.set_serial(db, cart, line_id=unit.line_id, serial=IMEI)
    return cart, unit


def pay(db, cart):
    due = sum(line.total for line in cart.lines)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", due)])


# --- free gifts ---------------------------------------------------------------------


def test_a_free_film_is_sold_at_0_counted_as_sold_and_printed_as_a_gift(demo_db):
    cart, unit = phone_cart(demo_db, ("free-film", "sold"), ("case", "declined"))
    gift = [line for line in cart.children(unit.line_id) if line.sheet_item_id is not None]
    assert [(line.sku, line.unit_price, line.list_price) for line in gift] == [
        ("PHN-GLS-HD", 0, 2990)]
    sale = pay(demo_db, cart)
    with demo_db.read() as session:
        line = session.scalar(select(SaleLine).where(SaleLine.sale_id == sale.sale_id,
                                                     SaleLine.sku == "PHN-GLS-HD"))
        assert (line.unit_price, line.line_total) == (0, 0)
        outcome = session.scalar(select(SheetOutcome.outcome).where(
            SheetOutcome.sale_id == sale.sale_id, SheetOutcome.item_code == "free-film"))
    assert outcome is Outcome.SOLD
    record = load_sale(demo_db, receipt_no=sale.receipt_no)
    assert record.gift_lines == {line_position(record, "PHN-GLS-HD")}
    english = receipt_bytes(receipt_layout(record, width=48), width=48).decode("gb18030")
    film = next(row for row in english.splitlines() if "HD tempered-glass" in row)
    assert film.rstrip().endswith("Gift") and "0.00" not in film
    free = next(item for item in record.sheets[0].items if item.code == "free-film")
    assert free.gift and free.outcome == "sold"
    text = PdfReader(io.BytesIO(sheet_pdf(record, copies=("customer",), locale="en"))) \
        .pages[0].extract_text()
    assert any("Free screen film" in row and row.rstrip().endswith("Gift")
               for row in text.splitlines())


def test_a_chinese_receipt_calls_the_gift_a_gift(demo_db):
    cart, _ = phone_cart(demo_db, ("free-film", "sold"))
    record = load_sale(demo_db, receipt_no=pay(demo_db, cart).receipt_no)
    record = type(record)(**{**record.__dict__,
                             "store": type(record.store)(**{**record.store.__dict__,
                                                            "locale": "zh_CN"})})
    assert "赠品".encode("gb18030") in receipt_bytes(receipt_layout(record, width=32), width=32)


def line_position(record, sku: str) -> int:
    return next(line.position for line in record.lines if line.sku == sku)


def test_a_gift_line_given_a_price_is_refused_at_completion(demo_db):
    cart, unit = phone_cart(demo_db, ("free-film", "sold"))
    gift = next(line for line in cart.children(unit.line_id) if line.sheet_item_id)
    gift.unit_price = 2990
    before = db_state(demo_db)
    with pytest.raises(UserError, match="price of .* is 0.00"):
        pay(demo_db, cart)
    assert db_state(demo_db) == before


def test_a_line_at_0_for_an_item_that_is_not_a_gift_is_refused_at_completion(demo_db):
    cart, unit = phone_cart(demo_db, ("screen-protector", "sold"))
    line = next(line for line in cart.children(unit.line_id) if line.sheet_item_id)
    line.unit_price = 0
    before = db_state(demo_db)
    with pytest.raises(UserError, match="price of .* is 79.00"):
        pay(demo_db, cart)
    assert db_state(demo_db) == before


def test_a_free_item_no_longer_marked_a_gift_is_not_sold_at_0(demo_db):
    cart, _ = phone_cart(demo_db, ("free-film", "sold"))
    with demo_db.unit_of_work() as session:  # a database edited by hand, not by an import
        session.execute(update(SheetItem).where(SheetItem.code == "free-film").values(gift=False))
    before = db_state(demo_db)
    with pytest.raises(UserError) as refused:
        pay(demo_db, cart)
    assert refused.value.message_id == "sale.line_not_valid"
    assert db_state(demo_db) == before


def test_a_blank_phone_sheet_prints_the_free_film_as_a_gift(demo_db):
    store, blank = load_blank_sheet(demo_db, layout="phone")
    free = next(item for item in blank.items if item.code == "free-film")
    assert free.gift and free.price == 0
    text = PdfReader(io.BytesIO(blank_sheet_pdf(store, blank, locale="zh_CN"))).pages[0] \
        .extract_text()
    assert any(free.name in row and row.rstrip().endswith("赠品") for row in text.splitlines())


# --- gifts in the checklist file -----------------------------------------------------

GIFT = '''
    [[sheet.section.item]]
    code = "free-sleeve"
    name = "Free sleeve"
    products = ["BAG-S"]
'''


@pytest.fixture
def store(store_db):
    from pos.catalog import products

    db = store_db
    products.import_categories_file(db, data=CATEGORIES.encode())
    products.import_catalog_file(db, data=CATALOG.encode())
    return db


def with_item(lines: str) -> bytes:
    anchor = '    pack_price = "200.00"\n'
    return SHEETS.replace(anchor, anchor + GIFT + lines, 1).encode()


@pytest.mark.parametrize("lines", ['    gift = true\n', '    gift = true\n    pack_price = "0.00"\n',
                                   '    pack_price = "0"\n    gift = true\n'])
def test_an_item_marked_gift_is_free_and_exports_as_such(store, lines):
    checklists.import_checklists_file(store, data=with_item(lines))
    with store.read() as session:
        item = session.scalar(select(SheetItem).where(SheetItem.code == "free-sleeve"))
        assert (item.gift, item.pack_price) == (True, 0)
    exported = checklists.export_checklists(store)
    assert b'pack_price = "0.00"\ngift = true' in exported
    checklists.import_checklists_file(store, data=exported)
    assert checklists.export_checklists(store) == exported


@pytest.mark.parametrize("lines, message", [
    ('    pack_price = "0.00"\n',
     'item "free-sleeve": pack_price is 0: an item given free is marked gift = true'),
    ('    pack_price = "0.00"\n    gift = false\n',
     'item "free-sleeve": pack_price is 0: an item given free is marked gift = true'),
    ('    gift = true\n    pack_price = "5.00"\n',
     'item "free-sleeve": a gift is free: its pack_price is "0.00" or left out, not 5.00'),
    ('    gift = "yes"\n', 'item "free-sleeve": gift must be true or false'),
])
def test_a_price_of_0_needs_gift_and_a_gift_needs_no_price(store, lines, message):
    checklists.import_checklists_file(store, data=SHEETS.encode())
    before = checklists.export_checklists(store)
    with pytest.raises(UserError) as refused:
        checklists.import_checklists_file(store, data=with_item(lines))
    assert any(message in str(detail) for detail in refused.value.details), \
        [str(detail) for detail in refused.value.details]
    assert checklists.export_checklists(store) == before


# --- which sheet a category is on ----------------------------------------------------

OTHER = SHEETS.split("[[tier]]")[0].replace('code = "notebook"', 'code = "notebook-2"', 1) \
    .replace('name = "笔记本配置单"', 'name = "Notebook sheet 2"', 1)


def owner(db) -> str | None:
    with db.read() as session:
        return session.scalar(select(SheetTemplate.code).join(
            Category, Category.sheet_template_id == SheetTemplate.id)
            .where(Category.code == "NOTEBOOK"))


def test_a_sheet_taking_another_sheets_category_is_refused_naming_both(store):
    checklists.import_checklists_file(store, data=SHEETS.encode())
    before = checklists.export_checklists(store)
    with pytest.raises(UserError) as refused:
        checklists.import_checklists_file(store, data=OTHER.encode())
    assert [str(detail) for detail in refused.value.details] == [
        "line 5, sheet \"notebook-2\": category 'NOTEBOOK' is on sheet 'notebook'; importing "
        "it on sheet 'notebook-2' would move it: take it off one of the two sheets, or import "
        "with --move-categories"]
    assert checklists.export_checklists(store) == before and owner(store) == "notebook"


def test_the_category_moves_when_the_import_is_told_to(store):
    checklists.import_checklists_file(store, data=SHEETS.encode())
    result = checklists.import_checklists_file(store, data=OTHER.encode(), move_categories=True)
    assert result.sheets == 1 and owner(store) == "notebook-2"


def test_importing_the_sheet_that_owns_the_category_again_is_fine(store):
    checklists.import_checklists_file(store, data=SHEETS.encode())
    checklists.import_checklists_file(store, data=SHEETS.encode())
    assert owner(store) == "notebook"


def test_a_file_that_moves_a_category_between_two_of_its_sheets_needs_no_flag(store):
    from pos.catalog import products

    products.import_categories_file(store, data=(
        "code,name,kind,sheet_layout\nDESKTOP,Desktops,main_unit,desktop_pc\n").encode())
    checklists.import_checklists_file(store, data=SHEETS.encode())
    # the sheet that had the category is in the file, now with another one: the file
    # itself says where NOTEBOOK goes
    old = SHEETS.split("[[tier]]")[0].replace('categories = ["NOTEBOOK"]',
                                              'categories = ["DESKTOP"]')
    checklists.import_checklists_file(store, data=(OTHER + old).encode())
    assert owner(store) == "notebook-2"
    # two sheets of one file naming the same category are refused, flag or not
    with pytest.raises(UserError) as refused:
        checklists.import_checklists_file(store, data=(OTHER + SHEETS).encode(),
                                          move_categories=True)
    assert any("category 'NOTEBOOK' is already on sheet" in str(detail)
               for detail in refused.value.details)


def test_the_command_takes_move_categories(tmp_path, capsys):
    db_arg = f"--db=sqlite:///{tmp_path / 'cli.db'}"
    for name, text in (("c.csv", CATEGORIES), ("p.csv", CATALOG), ("a.toml", SHEETS),
                       ("b.toml", OTHER)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert main([db_arg, "categories", "import", str(tmp_path / "c.csv")]) == 0
    from tests.support.stores import add_store_to_sqlite

    add_store_to_sqlite(tmp_path / "cli.db")
    assert main([db_arg, "catalog", "import", str(tmp_path / "p.csv")]) == 0
    assert main([db_arg, "checklists", "import", str(tmp_path / "a.toml")]) == 0
    capsys.readouterr()
    assert main([db_arg, "checklists", "import", str(tmp_path / "b.toml")]) == 1
    assert "--move-categories" in capsys.readouterr().err
    assert main([db_arg, "checklists", "import", str(tmp_path / "b.toml"),
                 "--move-categories"]) == 0

