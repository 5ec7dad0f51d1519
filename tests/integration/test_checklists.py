"""Configuration sheets and service tiers from a readable TOML file."""

import pytest
from sqlalchemy import select

from pos.catalog import checklists, products
from pos.db.models import Category, SheetItem
from pos.kernel.errors import UserError

CATEGORIES = (
    "code,name,kind,sheet_layout\n"
    "NOTEBOOK,Notebooks,main_unit,notebook\n"
    "BAGS,Bags,accessory,\n"
    "SOFT,Software,software,\n"
)
CATALOG = (
    "sku,barcode,name,category,price,cost,stock,role,serial_tracked,vat_rate\n"
    "NB-14,,Notebook 14,NOTEBOOK,4999,4700,5,mainstream,yes,13\n"
    "BAG-L,,Backpack,BAGS,299,120,9,resource,no,13\n"
    "BAG-S,,Sleeve,BAGS,99,40,9,mainstream,no,13\n"
    "AV-1,,Antivirus,SOFT,199,60,50,resource,no,6\n"
)
SHEETS = '''
[[sheet]]
code = "notebook"
name = "笔记本配置单"
categories = ["NOTEBOOK"]

  [[sheet.section]]
  code = "accessories"
  title = "Accessories"

    [[sheet.section.item]]
    code = "bag"
    name = "Bag"
    script = "Carry it safely; a bag protects the screen."
    products = ["BAG-L", "BAG-S"]

  [[sheet.section]]
  code = "gift_packs"
  title = "Gift packs"

    [[sheet.section.item]]
    code = "security-pack"
    name = "Security pack"
    script = "Bag and antivirus together, 98 less."
    products = ["BAG-S", "AV-1"]
    pack_price = "200.00"

[[tier]]
code = "gold"
name = "Gold card"
description = "On-site service extended from 1 to 3 years"
audience = "consumer"
term_months = 24
service = "on_site"
scope = "software"
starts = "warranty_end"
units_covered = 1
categories = ["NOTEBOOK"]
bands = [{ up_to = "3000", price = "199" }, { up_to = "6000", price = "299" }, { price = "399" }]

[[tier]]
code = "silver"
name = "Silver card"
audience = "consumer"
lifetime = true
service = "carry_in"
scope = "software"
starts = "sale"
categories = ["NOTEBOOK"]
bands = [{ price = "99" }]
'''


@pytest.fixture
def store(store_db):
    db = store_db
    products.import_categories_file(db, data=CATEGORIES.encode())
    products.import_catalog_file(db, data=CATALOG.encode())
    return db


def test_import_then_export_then_import_is_stable(store):
    result = checklists.import_checklists_file(store, data=SHEETS.encode())
    assert (result.sheets, result.items, result.tiers) == (1, 2, 2)
    exported = checklists.export_checklists(store)
    assert "笔记本配置单" in exported.decode()
    checklists.import_checklists_file(store, data=exported)
    assert checklists.export_checklists(store) == exported


def test_items_keep_their_ids_when_the_file_is_reordered(store):
    checklists.import_checklists_file(store, data=SHEETS.encode())
    with store.read() as session:
        before = dict(session.execute(select(SheetItem.code, SheetItem.id)).all())
    # move the gift-pack section first and rename the bag item
    head, packs = SHEETS.split("  [[sheet.section]]\n  code = \"gift_packs\"")
    packs, tiers = packs.split("[[tier]]", 1)
    reordered = (head.replace("  [[sheet.section]]\n  code = \"accessories\"",
                              "  [[sheet.section]]\n  code = \"gift_packs\"" + packs
                              + "  [[sheet.section]]\n  code = \"accessories\"")
                 + "[[tier]]" + tiers).replace('name = "Bag"', 'name = "Computer bag"')
    checklists.import_checklists_file(store, data=reordered.encode())
    with store.read() as session:
        after = dict(session.execute(select(SheetItem.code, SheetItem.id)).all())
        assert session.scalar(select(SheetItem.name).where(SheetItem.code == "bag")) == "Computer bag"
    assert after == before


def test_the_category_is_linked_to_its_sheet(store):
    checklists.import_checklists_file(store, data=SHEETS.encode())
    with store.read() as session:
        category = session.scalar(select(Category).where(Category.code == "NOTEBOOK"))
        assert category.sheet_template_id is not None


def test_unknown_sku_is_refused_with_its_place_in_the_file(store):
    bad = SHEETS.replace('products = ["BAG-L", "BAG-S"]', 'products = ["BAG-L", "BAG-XL"]')
    with pytest.raises(UserError) as refused:
        checklists.import_checklists_file(store, data=bad.encode())
    line = bad.splitlines().index('    products = ["BAG-L", "BAG-XL"]') + 1
    assert [str(d) for d in refused.value.details] == [
        f'line {line}, sheet "notebook" > section "accessories" > item "bag": unknown sku \'BAG-XL\''
    ]
    assert checklists.export_checklists(store).count(b"[[sheet]]") == 0


@pytest.mark.parametrize(
    "change, message",
    [
        (('term_months = 24', 'term_months = 0'), "needs term_months"),
        (('lifetime = true', 'lifetime = true\nterm_months = 12'), "either lifetime = true or term_months"),
        (('audience = "consumer"\nterm', 'audience = "shoppers"\nterm'), "'shoppers' is not one of consumer, business"),
        (('{ up_to = "6000", price = "299" }', '{ up_to = "2000", price = "299" }'), "up_to must rise"),
        (('bands = [{ price = "99" }]', 'bands = [{ price = "9.999" }]'), "more than 2 decimal places"),
        (('pack_price = "200.00"', 'pack_price = "500.00"'), "above the price of its parts"),
        (('categories = ["NOTEBOOK"]\n\n  [[sheet.section]]', 'categories = ["BAGS"]\n\n  [[sheet.section]]'), "not a main-unit category"),
        (('script = "Carry', 'scrpit = "Carry'), "unknown key(s): scrpit"),
        (('code = "silver"', 'code = "gold"'), "this code is used by another tier"),
    ],
)
def test_each_invalid_document_is_refused_and_changes_nothing(store, change, message):
    checklists.import_checklists_file(store, data=SHEETS.encode())
    before = checklists.export_checklists(store)
    old, new = change
    assert old in SHEETS
    with pytest.raises(UserError) as refused:
        checklists.import_checklists_file(store, data=SHEETS.replace(old, new, 1).encode())
    details = [str(d) for d in refused.value.details]  # each in English
    assert any(message in detail for detail in details), details
    assert checklists.export_checklists(store) == before


def test_a_file_that_is_not_toml_says_so(store):
    with pytest.raises(UserError, match="not valid TOML"):
        checklists.import_checklists_file(store, data=b"[[sheet]\ncode = ")
