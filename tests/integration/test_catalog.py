"""Catalog and category import/export on a real database: all or nothing, round trips."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from pos.catalog import products
from pos.db.models import Category, Product
from pos.kernel.enums import CategoryKind
from pos.kernel.errors import UserError

CATEGORIES = (
    "code,name,kind,sheet_layout\r\n"
    "NOTEBOOK,Notebooks,main_unit,notebook\r\n"
    "BAGS,Bags,accessory,\r\n"
    "CAMERA,相机,main_unit,digital\r\n"
)
CATALOG = (
    "sku,barcode,name,category,price,cost,stock,role,serial_tracked,vat_rate\r\n"
    "NB-14,6901234567892,Notebook 14,NOTEBOOK,4999,4700.5,5,mainstream,yes,13\r\n"
    'BAG-15,,"Bag 15"", black",BAGS,199.00,80,20,resource,no,13\r\n'
    "CAM-1,6900000000014,佳能 EOS 相机,CAMERA,5499.90,5200,2,traffic,是,13\r\n"
)


@pytest.fixture
def stocked(store_db):
    db = store_db
    products.import_categories_file(db, data=CATEGORIES.encode())
    products.import_catalog_file(db, data=CATALOG.encode("utf-8-sig"))
    return db


def snapshot(db) -> bytes:
    return products.export_catalog(db)


def test_import_creates_products_with_money_in_minor_units(stocked):
    product = products.find_by_code(stocked, "6901234567892")
    assert (product.sku, product.price, product.cost, product.stock) == ("NB-14", 499900, 470050, 5)
    assert product.serial_tracked and product.vat_rate_bp == 1300
    assert products.find_by_code(stocked, "BAG-15").name == 'Bag 15", black'
    assert products.find_by_code(stocked, "CAM-1").serial_tracked is True


def test_export_then_import_then_export_gives_identical_files(stocked):
    first = snapshot(stocked)
    assert first.startswith(b"\xef\xbb\xbf")
    result = products.import_catalog_file(stocked, data=first)
    assert (result.created, result.updated) == (0, 3)
    assert snapshot(stocked) == first


def test_reimport_updates_products_by_sku(stocked):
    changed = CATALOG.replace("4999,4700.5,5", "4799,4600,9").encode()
    result = products.import_catalog_file(stocked, data=changed)
    assert (result.created, result.updated) == (0, 3)
    assert products.find_by_code(stocked, "NB-14").price == 479900


def test_a_file_saved_by_chinese_excel_in_gbk_loads(stocked):
    data = CATALOG.replace("Bag 15", "电脑包 15").encode("gbk")
    products.import_catalog_file(stocked, data=data)
    assert products.find_by_code(stocked, "BAG-15").name == '电脑包 15", black'


@pytest.mark.parametrize(
    "bad_row, message",
    [
        ("X1,,Thing,NOPE,1,1,1,none,no,13", "unknown category"),
        ("X1,6901234567893,Thing,BAGS,1,1,1,none,no,13", "bad check digit"),
        ("X1,6900000000014,Thing,BAGS,1,1,1,none,no,13", "already appears on line 4"),
        ("NB-14,,Thing,BAGS,1,1,1,none,no,13", "already appears on line 2"),
        ("X1,,Thing,BAGS,1.001,1,1,none,no,13", "more than 2 decimal places"),
        ("X1,,Thing,BAGS,-1,1,1,none,no,13", "negative"),
        ("X1,,Thing,BAGS,1,1,1,budget,no,13", "is not one of"),
    ],
)
def test_a_refused_import_changes_nothing(stocked, bad_row, message):
    before = snapshot(stocked)
    data = (CATALOG.replace("4999,4700.5,5", "1,1,1") + bad_row + "\r\n").encode()
    with pytest.raises(UserError) as refused:
        products.import_catalog_file(stocked, data=data)
    assert "nothing was changed" in refused.value.message
    details = [str(d) for d in refused.value.details]  # each in English
    assert any(message in detail for detail in details), details
    assert snapshot(stocked) == before


def test_a_barcode_clash_with_a_product_not_in_the_file_changes_nothing(stocked):
    before = snapshot(stocked)
    data = CATALOG.splitlines()[0] + "\r\nX1,6901234567892,Thing,BAGS,1,1,1,none,no,13\r\n"
    with pytest.raises(UserError) as refused:
        products.import_catalog_file(stocked, data=data.encode())
    assert [str(d) for d in refused.value.details] == ["line 2, barcode: 6901234567892 belongs to product NB-14"]
    assert snapshot(stocked) == before


def test_missing_columns_refuse_the_file(stocked):
    before = snapshot(stocked)
    with pytest.raises(UserError) as refused:
        products.import_catalog_file(stocked, data=b"sku,name\r\nA,B\r\n")
    assert str(refused.value.details[0]).startswith("line 1, header: missing column(s)")
    assert snapshot(stocked) == before


def test_two_products_may_swap_barcodes_in_one_file(stocked):
    swapped = CATALOG.replace("6901234567892", "TMP").replace("6900000000014", "6901234567892")
    swapped = swapped.replace("TMP", "6900000000014")
    products.import_catalog_file(stocked, data=swapped.encode())
    assert products.find_by_code(stocked, "6901234567892").sku == "CAM-1"
    assert products.find_by_code(stocked, "6900000000014").sku == "NB-14"


def test_database_enforces_unique_sku_and_barcode(stocked):
    with pytest.raises(IntegrityError):
        with stocked.unit_of_work() as session:
            category_id = session.scalar(select(Category.id).where(Category.code == "BAGS"))
            session.add(Product(sku="NB-14", name="dup", search_text="dup", category_id=category_id,
                                price=1, cost=1, vat_rate_bp=1300))
    with pytest.raises(IntegrityError):
        with stocked.unit_of_work() as session:
            session.add(Product(sku="NEW", barcode="6901234567892", name="dup", search_text="dup",
                                category_id=category_id, price=1, cost=1, vat_rate_bp=1300))
    with stocked.read() as session:
        assert session.scalar(select(func.count()).select_from(Product)) == 3


def test_unknown_barcode_is_a_clear_user_error(stocked):
    with pytest.raises(UserError, match="No product has the barcode or code '123'"):
        products.find_by_code(stocked, "123")


def test_search_finds_substrings_in_any_case_and_chinese(stocked):
    assert [p.sku for p in products.search_products(stocked, "notebook")] == ["NB-14"]
    assert [p.sku for p in products.search_products(stocked, "BAG 15")] == ["BAG-15"]
    assert [p.sku for p in products.search_products(stocked, "相机")] == ["CAM-1"]
    assert products.search_products(stocked, "%") == []  # LIKE wildcards are literal


def test_categories_round_trip_and_refuse_bad_rows(stocked):
    exported = products.export_categories(stocked)
    products.import_categories_file(stocked, data=exported)
    assert products.export_categories(stocked) == exported
    with pytest.raises(UserError) as refused:
        products.import_categories_file(
            stocked, data=b"code,name,kind,sheet_layout\r\nPHONE,Phones,main_unit,\r\nX,Y,gadget,\r\n")
    assert [str(d) for d in refused.value.details] == [
        "line 2, sheet_layout: a main-unit category needs a sheet layout",
        "line 3, kind: 'gadget' is not one of main_unit, accessory, software, service, gift_pack",
    ]
    assert products.export_categories(stocked) == exported
    assert {c.kind for c in products.list_categories(stocked)} == {
        CategoryKind.MAIN_UNIT, CategoryKind.ACCESSORY}


def test_search_follows_renames_and_price_changes_after_reimport(stocked):
    renamed = CATALOG.replace("Notebook 14,NOTEBOOK,4999", "ThinkBook 16,NOTEBOOK,99").encode()
    products.import_catalog_file(stocked, data=renamed)
    assert products.search_products(stocked, "notebook") == []
    assert [p.price for p in products.search_products(stocked, "thinkbook")] == [9900]
    # sell high first: the most expensive match comes first
    assert [p.sku for p in products.search_products(stocked, "1")] == ["CAM-1", "BAG-15", "NB-14"]
