"""Catalog search finds what a cashier means for every shape of query (barcodes, sku and
barcode prefixes, 1-2 characters, words, typos, Chinese inside a name), on SQLite and
PostgreSQL; the search structures follow imports, new products and edits; and the short
and typo queries are served by an index, never by a walk of the catalog."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import event, inspect, select, text, update

from pos.catalog import products, search
from pos.catalog.new_product import create_product
from pos.db import schema
from pos.db.engine import Database
from pos.db.models import Category, Product, product_search_text
from pos.people.staff import add_staff

CATEGORIES = (
    "code,name,kind,sheet_layout\r\n"
    "NOTEBOOK,Notebooks,main_unit,notebook\r\n"
    "CABLES,Cables,accessory,\r\n"
)
HEADER = "sku,barcode,name,category,price,cost,stock,role,serial_tracked,vat_rate\r\n"
CATALOG = HEADER + (
    "LT-X1,6901234567892,Lenovo ThinkPad X1 Carbon,NOTEBOOK,12999,11000,3,mainstream,yes,13\r\n"
    "LX-16,6901234500011,联想 笔记本电脑 小新 16,NOTEBOOK,5999,5000,4,mainstream,yes,13\r\n"
    "HW-M60,6902000000018,华为 手机 Mate 60,NOTEBOOK,6999,6000,2,mainstream,yes,13\r\n"
    "CN-R50,6903000000015,Canon EOS R50 相机,NOTEBOOK,6499,5800,1,traffic,yes,13\r\n"
    "SLV-X1,,Sleeve for LT-X1,CABLES,19999,100,9,resource,no,13\r\n"
) + "".join(
    f"USB-{i:03d},,USB Cable {i},CABLES,{10 + i}.00,5,50,resource,no,13\r\n"
    for i in range(1, 71))


@pytest.fixture
def catalog(store_db):
    db = store_db
    products.import_categories_file(db, data=CATEGORIES.encode())
    products.import_catalog_file(db, data=CATALOG.encode())
    return db


def skus(db, query: str, limit: int = 50) -> list[str]:
    return [p.sku for p in products.search_products(db, query, limit=limit)]


def test_a_scanned_barcode_or_typed_sku_comes_first(catalog):
    # The sleeve costs more and names the sku, yet the exact code leads.
    assert skus(catalog, "LT-X1")[:2] == ["LT-X1", "SLV-X1"]
    assert skus(catalog, "lt-x1")[0] == "LT-X1"
    assert skus(catalog, "6901234567892") == ["LT-X1"]


def test_barcode_and_sku_prefixes(catalog):
    assert set(skus(catalog, "690123")) == {"LT-X1", "LX-16"}
    assert skus(catalog, "6902") == ["HW-M60"]
    assert skus(catalog, "USB-00")[:3] == ["USB-009", "USB-008", "USB-007"]  # by price
    assert len(skus(catalog, "USB-00")) == 9


def test_one_and_two_characters_return_a_capped_page(catalog):
    page = products.search_products(catalog, "u")
    assert len(page) == 50  # 70 cables match; the page stops at 50
    assert all(p.sku.startswith("USB-") for p in page)
    prices = [p.price for p in page]
    assert prices == sorted(prices, reverse=True)
    assert len(products.search_products(catalog, "us", limit=12)) == 12
    assert skus(catalog, "le") == ["LT-X1"]
    assert set(skus(catalog, "x1")) == {"LT-X1", "SLV-X1"}


def test_words_and_several_words(catalog):
    assert skus(catalog, "carbon") == ["LT-X1"]
    assert skus(catalog, "Lenovo X1") == ["LT-X1"]
    assert skus(catalog, "cable 7") == ["USB-070", "USB-007"]
    assert skus(catalog, "zzzz-no-match") == []
    assert skus(catalog, "%") == []


@pytest.mark.parametrize("typed", ["lenvo", "lneovo", "lenovvo", "lenavo", "thinkpda", "carbn",
                                   "CANIN"])
def test_one_typo_in_a_word_finds_the_product(catalog, typed):
    assert skus(catalog, typed)[0] in {"LT-X1", "CN-R50"}
    assert skus(catalog, "lenvo")[0] == "LT-X1"


def test_a_typo_with_another_word_still_narrows(catalog):
    assert skus(catalog, "cabel 70") == ["USB-070"]
    assert skus(catalog, "lenvo carbon") == ["LT-X1"]
    assert skus(catalog, "lenvo mate") == []


def test_exact_and_prefix_matches_come_before_typos(catalog):
    # "mate" is a word of the Huawei; "male"/"mare" would be typos of nothing here,
    # but "cable" is one letter from "table": a product called so comes first for it.
    products.import_catalog_file(catalog, data=(
        HEADER + "TBL-1,,Table lamp,CABLES,1.00,0.5,1,resource,no,13\r\n").encode())
    found = skus(catalog, "table")
    assert found[0] == "TBL-1"
    assert len(found) == 50 and set(found[1:]) <= {f"USB-{i:03d}" for i in range(1, 71)}


@pytest.mark.parametrize("typed, expected", [
    ("想", {"LX-16"}), ("记本", {"LX-16"}), ("笔记本", {"LX-16"}), ("本电脑", {"LX-16"}),
    ("笔记本电脑", {"LX-16"}), ("相机", {"CN-R50"}), ("手机", {"HW-M60"}), ("机", {"HW-M60", "CN-R50"}),
    ("小新 16", {"LX-16"}), ("联想笔", set()),
])
def test_chinese_inside_a_name(catalog, typed, expected):
    assert set(skus(catalog, typed)) == expected


def test_inside_a_word(catalog):
    assert skus(catalog, "kpad") == ["LT-X1"]  # the trigram indexes: part of "thinkpad"
    assert skus(catalog, "nkpa x1") == ["LT-X1"]


# --- kept in step ----------------------------------------------------------------------


def test_reimport_renames_reprices_and_retires_terms(catalog):
    renamed = CATALOG.replace("Lenovo ThinkPad X1 Carbon,NOTEBOOK,12999",
                              "Lenovo Yoga Slim,NOTEBOOK,8999")
    products.import_catalog_file(catalog, data=renamed.encode())
    assert skus(catalog, "carbon") == []
    assert skus(catalog, "yoga") == ["LT-X1"]
    assert skus(catalog, "yoag") == ["LT-X1"]  # the new word is in the typo vocabulary
    assert products.search_products(catalog, "slim")[0].price == 899900


def test_new_product_at_the_till_is_found_at_once(catalog):
    manager = add_staff(catalog, name="Mia", role="manager", pin="4826").id
    create_product(catalog, staff_id=manager, barcode="6905000000019", name="Anker 充电器 Nano",
                category_code="CABLES", price=9900, cost=5000, stock=3)
    assert skus(catalog, "充电") == ["6905000000019"]
    assert skus(catalog, "ankr") == ["6905000000019"]
    assert skus(catalog, "690500") == ["6905000000019"]


def test_refresh_by_batch_of_ids_follows_direct_writes(catalog):
    with catalog.unit_of_work() as session:
        connection = session.connection()
        category = session.scalar(select(Category.id).where(Category.code == "CABLES"))
        connection.execute(Product.__table__.insert(), [
            {"sku": f"HDMI-{i}", "barcode": None, "name": f"Ugreen HDMI {i}",
             "search_text": product_search_text(f"Ugreen HDMI {i}", f"HDMI-{i}"),
             "category_id": category, "price": 1000 + i, "cost": 1, "vat_rate_bp": 1300,
             "stock": 1, "price_role": "resource", "serial_tracked": False, "active": True}
            for i in range(3)])
        ids = session.scalars(select(Product.id).where(Product.sku.like("HDMI-%"))).all()
        search.refresh(connection, ids)
    assert skus(catalog, "ugreen") == ["HDMI-2", "HDMI-1", "HDMI-0"]
    with catalog.unit_of_work() as session:
        session.execute(update(Product).where(Product.sku == "HDMI-2").values(active=False))
        session.execute(update(Product).where(Product.sku == "HDMI-0").values(price=9000))
        search.refresh(session.connection(), ids)
    assert skus(catalog, "ugren") == ["HDMI-0", "HDMI-1"]


def test_migration_files_the_products_already_there(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        schema.upgrade(database.engine, target="0011")
        with database.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO categories (id, code, name, kind) VALUES (1, 'C', 'C', 'accessory')"))
            connection.execute(text(
                "INSERT INTO products (sku, barcode, name, search_text, category_id, price, cost,"
                " vat_rate_bp, stock, price_role, serial_tracked, active) VALUES "
                "('OLD-1', '6901234567892', '旧款 Router', :s, 1, 100, 50, 1300, 1, 'none', 0, 1)"),
                {"s": product_search_text("旧款 Router", "OLD-1")})
        schema.upgrade(database.engine)
        assert skus(database, "旧款") == ["OLD-1"]
        assert skus(database, "routr") == ["OLD-1"]
        assert skus(database, "69012") == ["OLD-1"]
    finally:
        database.dispose()


# --- served by an index ------------------------------------------------------------------

SHORT_AND_TYPO = ["u", "us", "6", "690123", "USB-0", "lenvo", "cabel 70", "想", "记本",
                  "笔记本电脑", "lenovo x1", "kpad", "zzzz-no-match"]
CATALOG_TABLES = ("products", "catalog_search_terms", "catalog_search_words")


def _statements(db, query: str) -> list[tuple[str, object]]:
    seen = []

    def before(_conn, _cursor, statement, parameters, _context, executemany):
        seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        products.search_products(db, query)
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
    return [s for s in seen if s[0].lstrip().upper().startswith("SELECT")]


def _full_scans(db, statement: str, parameters) -> list[str]:
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        if db.engine.dialect.name == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
            return [row[3] for row in cursor.fetchall()
                    if re.match(rf"SCAN ({'|'.join(CATALOG_TABLES)})\b", row[3])]
        cursor.execute("SET enable_seqscan = off")  # a Seq Scan still chosen has no index
        cursor.execute("EXPLAIN (FORMAT JSON) " + statement, parameters)
        plan = cursor.fetchone()[0]
        plan = json.loads(plan) if isinstance(plan, str) else plan
        found = []

        def walk(node):
            if node.get("Node Type") == "Seq Scan" and node.get("Relation Name") in CATALOG_TABLES:
                found.append(f"Seq Scan on {node['Relation Name']}")
            for child in node.get("Plans", []):
                walk(child)

        walk(plan[0]["Plan"])
        return found
    finally:
        raw.rollback()
        raw.close()


def test_short_and_typo_queries_use_the_index_not_a_scan(catalog):
    if catalog.engine.dialect.name == "postgresql":
        with catalog.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    checked = 0
    for query in SHORT_AND_TYPO:
        for statement, parameters in _statements(catalog, query):
            scans = _full_scans(catalog, statement, parameters)
            assert scans == [], f"{query!r}: {scans}\n  in {statement}"
            checked += 1
    assert checked >= 2 * len(SHORT_AND_TYPO)


def test_a_full_refresh_files_everything_again(catalog):
    with catalog.unit_of_work() as session:
        session.execute(update(Product).where(Product.sku == "CN-R50").values(
            name="Canon PowerShot", search_text=product_search_text("Canon PowerShot", "CN-R50")))
        session.execute(text("DELETE FROM catalog_search_terms WHERE term = 'lenovo'"))
        search.refresh(session.connection())
    assert skus(catalog, "lenovo") == ["LT-X1"]
    assert skus(catalog, "powershto") == ["CN-R50"]
    assert skus(catalog, "eos") == []
    # the index by product is back: a later refresh by ids still finds its rows
    assert "ix_catalog_search_terms_product_id" in {
        ix["name"] for ix in inspect(catalog.engine).get_indexes("catalog_search_terms")}
