"""A catalog import streams: batches checked then written inside one transaction, so a
file of any size imports in bounded memory and still all or nothing (issue 16, point 3).
On SQLite and PostgreSQL; batches made small here so a few hundred rows cross several."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pos.catalog import catalog_import, products, search
from pos.db.models import AuditEvent, JournalEntry, Product, StockDocument, StockMove, StoreStock
from pos.kernel.enums import StockDocKind
from pos.kernel.barcodes import make_ean13
from pos.kernel.errors import UserError
from pos.ledger.verify import verify

HEADER = "sku,barcode,name,category,price,cost,stock,role,serial_tracked,vat_rate\n"
CATEGORIES = "code,name,kind,sheet_layout\nBAGS,Bags,accessory,\nNB,Notebooks,main_unit,notebook\n"
ROOT = Path(__file__).resolve().parents[2]


def row(i: int, *, barcode: str | None = None, stock: int | None = None) -> str:
    code = make_ean13(f"69{i:010d}") if barcode is None else barcode
    return (f"SKU{i:05d},{code},Bag {i} 电脑包,BAGS,{100 + i}.50,{50 + i},"
            f"{i % 7 if stock is None else stock},mainstream,no,13\n")


def catalog(count: int, **changes) -> str:
    """`count` rows, lines 2..count+1; changes: {index: row text} replaces a row."""
    rows = [changes.get(f"r{i}", row(i)) for i in range(count)]
    return HEADER + "".join(rows)


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(catalog_import, "BATCH", 50)
    monkeypatch.setattr(catalog_import, "SEAL_CHUNK", 120)


@pytest.fixture
def shop(store_db):
    db = store_db
    products.import_categories_file(db, data=CATEGORIES.encode())
    return db


def state(db) -> tuple:
    """Everything an import may change: the catalog as exported, product ids, and the
    audit events and journal entries sealing it."""
    with db.read() as session:
        counted = tuple(session.scalar(select(func.count()).select_from(model))
                        for model in (Product, AuditEvent, JournalEntry))
        ids = tuple(session.scalars(select(Product.id).order_by(Product.id)))
    return products.export_catalog(db), counted, ids


def refusal(call) -> list[str]:
    with pytest.raises(UserError) as refused:
        call()
    return str(refused.value).splitlines()


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("POS_LOCALE", "en")


def test_a_file_of_many_batches_imports_every_row_and_seals_its_stock(shop, small_batches):
    result = products.import_catalog_stream(shop, file=_file(catalog(333)))
    assert (result.created, result.updated) == (333, 0)
    with shop.read() as session:
        found = {sku: (price, stock, barcode) for sku, price, stock, barcode in session.execute(
            select(Product.sku, Product.price, func.coalesce(StoreStock.on_hand, 0),
                   Product.barcode)
            .outerjoin(StoreStock, StoreStock.product_id == Product.id))}
        documents = session.execute(select(StockDocument.id, StockDocument.kind)).all()
        moved = dict(session.execute(select(StockMove.product_id, StockMove.qty)).all())
        lines = [session.scalar(select(func.count()).select_from(StockMove).where(
            StockMove.doc_id == doc_id)) for doc_id, _ in documents]
    assert len(found) == 333
    assert found["SKU00000"] == (10050, 0, make_ean13("690000000000"))
    assert found["SKU00332"] == (43250, 332 % 7, make_ean13("690000000332"))
    # the stock of every row sealed: opening documents of at most SEAL_CHUNK lines (a
    # product whose stock is 0 needs none)
    assert {kind for _, kind in documents} == {StockDocKind.OPENING}
    assert all(n <= 120 for n in lines) and len(lines) == 3
    ids = _ids(shop)
    assert moved == {ids[f"SKU{i:05d}"]: i % 7 for i in range(333) if i % 7}
    assert verify(shop).ok
    # found by search as by scan, the last batch's products too
    assert [p.sku for p in products.search_products(shop, "SKU00331")] == ["SKU00331"]
    assert products.find_by_code(shop, make_ean13("690000000330")).sku == "SKU00330"


def test_a_bad_line_near_the_end_changes_nothing(shop, small_batches):
    products.import_catalog_file(shop, data=catalog(120).encode())
    before = state(shop)
    bad = catalog(300, r297=row(297).replace("mainstream", "bestseller"))
    lines = refusal(lambda: products.import_catalog_file(shop, data=bad.encode()))
    assert lines[0] == "catalog import refused: 1 error; nothing was changed"
    assert lines[1].strip().startswith("line 299, role: 'bestseller' is not one of")
    assert state(shop) == before


def test_a_failure_while_writing_the_later_batches_leaves_the_database_as_it_was(
        shop, small_batches, monkeypatch):
    products.import_catalog_file(shop, data=catalog(80).encode())
    before = state(shop)
    real, calls = search.refresh, []

    def failing(connection, product_ids=None):
        calls.append(product_ids)
        if len(calls) == 5:  # four batches written, updated and sealed: then it fails
            raise RuntimeError("the disk is full")
        return real(connection, product_ids)

    monkeypatch.setattr(search, "refresh", failing)
    changed = catalog(400).replace(",mainstream,", ",resource,")
    with pytest.raises(RuntimeError):
        products.import_catalog_file(shop, data=changed.encode())
    assert len(calls) == 5
    assert state(shop) == before


def test_error_lines_are_right_across_batches(shop, small_batches):
    taken = make_ean13("690000000900")  # SKU00900's, and the file leaves SKU00900 out
    products.import_catalog_file(shop, data=(HEADER + row(900)).encode())
    twice = make_ean13("690000000010")
    text = catalog(
        260,
        r60=row(3, barcode=make_ean13("690000000060")),  # the sku of row 3, again
        r149=row(149, barcode=taken).replace("mainstream", "bestseller"),
        r201=row(201, barcode=twice),  # the barcode of row 10
        r255=row(255, barcode=twice),  # and of row 201
    )
    text = text.replace("\n", "\nragged,row\n", 1)  # line 2: row i is on line i + 3
    before = state(shop)
    lines = [line.strip() for line in
             refusal(lambda: products.import_catalog_file(shop, data=text.encode()))]
    assert lines[0] == "catalog import refused: 6 errors; nothing was changed"
    assert lines[1:5] == [
        "line 2, row: has 2 fields, the header has 10",
        "line 63, sku: 'SKU00003' already appears on line 6",
        f"line 152, barcode: {taken} belongs to product SKU00900",
    ] + lines[4:5]
    assert lines[4].startswith("line 152, role: 'bestseller' is not one of")
    assert lines[5:] == [
        f"line 204, barcode: {twice} already appears on line 13",
        f"line 258, barcode: {twice} already appears on line 204",
    ]
    assert state(shop) == before


def test_barcodes_swap_between_the_first_and_last_batch(shop, small_batches):
    products.import_catalog_file(shop, data=catalog(200).encode())
    first, last = make_ean13("690000000000"), make_ean13("690000000199")
    swapped = catalog(200, r0=row(0, barcode=last), r199=row(199, barcode=first))
    result = products.import_catalog_file(shop, data=(swapped + row(200, barcode="")).encode())
    assert (result.created, result.updated) == (1, 200)
    assert products.find_by_code(shop, first).sku == "SKU00199"
    assert products.find_by_code(shop, last).sku == "SKU00000"
    # a barcode of a product the file leaves out stays taken, wherever it comes
    lines = refusal(lambda: products.import_catalog_file(
        shop, data=(HEADER + "".join(row(i) for i in range(300, 360))
                    + row(360, barcode=make_ean13("690000000050"))).encode()))
    assert lines[1].strip() == (f"line 62, barcode: {make_ean13('690000000050')} "
                                "belongs to product SKU00050")
    assert verify(shop).ok


MEASURE = textwrap.dedent("""
    import sys, time
    from pos.catalog import products
    from pos.db.engine import Database

    def peak():
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])

    db = Database(sys.argv[1])
    with open(sys.argv[2], "rb") as file:  # warm up: imports and caches of a small file
        products.import_catalog_stream(db, file=file)
    base = peak()
    with open(sys.argv[3], "rb") as file:
        result = products.import_catalog_stream(db, file=file)
    print(result.created, result.updated, base, peak())
""")


def test_a_large_file_imports_in_bounded_memory(tmp_path):
    """150,000 rows (11 MB of CSV). Held whole, as rows, they took about 420 MiB more
    than the process had (2.6 GB at 1M rows); streamed, the import grows by what is
    bounded whatever the file's size: SQLite's page cache (64 MiB, pos.db.engine), one
    batch, the scratch files' caches; about 120 MiB, the same at 300,000 rows."""
    from pos.db import schema
    from pos.db.engine import Database

    url = f"sqlite:///{tmp_path / 'big.db'}"
    db = Database(url)
    schema.upgrade(db.engine)
    with db.engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO stores (code, name, address, phone, tax_id, "
                                   "currency, locale, receipt_footer) VALUES "
                                   "('S01', 'Big', '', '', '', 'CNY', 'en', '')")
    products.import_categories_file(db, data=CATEGORIES.encode())
    db.dispose()
    small, big = tmp_path / "small.csv", tmp_path / "big.csv"
    small.write_text(HEADER + "".join(row(i) for i in range(90_000, 90_200)))
    with open(big, "w") as out:
        out.write(HEADER)
        out.writelines(f"B{i:06d},{make_ean13(f'68{i:010d}')},Bag {i} 电脑包,BAGS,99.50,"
                      f"50,{i % 9},mainstream,no,13\n" for i in range(150_000))
    done = subprocess.run([sys.executable, "-c", MEASURE, url, str(small), str(big)],
                          capture_output=True, text=True, cwd=ROOT, check=False, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    created, updated, base, peak = map(int, done.stdout.split())
    assert (created, updated) == (150_000, 0)
    grown_mib = (peak - base) / 1024
    assert grown_mib < 200, f"the import grew memory by {grown_mib:.0f} MiB"
    assert big.stat().st_size > 10 * 2**20


def _file(text: str):
    import io

    return io.BytesIO(text.encode())


def _ids(db) -> dict[str, int]:
    with db.read() as session:
        return dict(session.execute(select(Product.sku, Product.id)).all())


def test_a_file_of_many_bad_rows_lists_the_first_and_counts_the_rest(shop, small_batches,
                                                                       monkeypatch):
    monkeypatch.setattr(catalog_import, "MAX_LISTED", 5)
    before = state(shop)
    bad = catalog(120).replace(",13\n", ",130\n")  # every row's VAT over 100 %
    lines = [line.strip() for line in
             refusal(lambda: products.import_catalog_file(shop, data=bad.encode()))]
    assert lines[0] == "catalog import refused: 120 errors; nothing was changed"
    assert [line.split(",")[0] for line in lines[1:6]] == [f"line {n}" for n in range(2, 7)]
    assert lines[6:] == ["…and 115 more problems: the first 5 are listed"]
    assert state(shop) == before


def test_a_file_of_most_of_the_catalog_rebuilds_search_once_and_a_few_rows_refresh_theirs(
        shop, small_batches, monkeypatch):
    monkeypatch.setattr(search, "FULL_REFRESH_AT", 100)
    real, calls = search.refresh, []

    def counted(connection, product_ids=None):
        calls.append(None if product_ids is None else len(product_ids))
        return real(connection, product_ids)

    monkeypatch.setattr(search, "refresh", counted)
    products.import_catalog_file(shop, data=catalog(333).encode())
    assert calls == [None]  # one rebuild, after every batch was written
    assert [p.sku for p in products.search_products(shop, "SKU00332")] == ["SKU00332"]
    calls.clear()
    products.import_catalog_file(shop, data=(HEADER + row(7, stock=3) + row(400)).encode())
    assert calls == [2]  # two of 334 products: theirs only
    assert [p.sku for p in products.search_products(shop, "SKU00400")] == ["SKU00400"]
    assert verify(shop).ok
