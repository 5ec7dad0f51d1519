"""Keeping the catalog's search structures in step with `products`: the terms each
product is filed under and the typo vocabulary (pos.catalog.search explains both and
searches them; `search.refresh` is this module's `refresh`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, delete, select, text as sql_text

from pos.db.models import Product, SearchTerm, SearchWord

# Kept for callers that decided between a full and a per-product refresh; a refresh by
# ids is now cheap at any size (batches of _CHUNK), so both are fine.
FULL_REFRESH_AT = 2_000

TERMS = SearchTerm.__table__
WORDS = SearchWord.__table__
PRODUCTS = Product.__table__
MAX_TERM = TERMS.c.term.type.length        # longer words are filed by their first 64
FUZZY_MIN, FUZZY_MAX = 4, WORDS.c.word.type.length
_CHUNK = 500        # ids per statement in refresh
_REBUILD_BATCH = 20_000
_STAGE = "catalog_search_stage"
_BY_PRODUCT = "ix_catalog_search_terms_product_id"

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
RUN = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+")


def is_cjk(run: str) -> bool:
    first = run[0]
    return ("\u3400" <= first <= "\u9fff" or "\uf900" <= first <= "\ufaff"
            or "\U00020000" <= first <= "\U0002fa1f") and not "\u4dc0" <= first <= "\u4dff"


def product_terms(search_text: str, barcode: str | None,
                  words: set[str] | None = None) -> set[str]:
    """The terms a product is filed under (see the module's docstring); its words that
    belong in the typo vocabulary are added to `words`."""
    terms: set[str] = set()
    for run in RUN.findall(search_text):
        if is_cjk(run):
            terms.update(run[i:i + 2] for i in range(len(run) - 1))
            terms.add(run[-1])
        else:
            terms.add(run[:MAX_TERM])
            if (words is not None and FUZZY_MIN <= len(run) <= FUZZY_MAX
                    and run.isalpha()):
                words.add(run)
    if barcode:
        terms.add(barcode.casefold()[:MAX_TERM])
    return terms


def deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def refresh(connection: Connection, product_ids: Iterable[int] | None = None) -> None:
    """Bring the search structures up to date for these products (None: all of them).

    Call it in the transaction that created or changed them (name, sku, barcode, price
    or active flag), after the change. Batch-friendly: an import may call it once per
    batch of ids it wrote; the cost is proportional to the batch.
    """
    if product_ids is None:
        _rebuild(connection)
        return
    ids = sorted({int(pid) for pid in product_ids})
    sqlite = connection.dialect.name == "sqlite"
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        connection.execute(delete(TERMS).where(TERMS.c.product_id.in_(chunk)))
        if sqlite:
            marks = ",".join(str(pid) for pid in chunk)
            connection.execute(sql_text(f"DELETE FROM product_search_fts WHERE rowid IN ({marks})"))
            connection.execute(sql_text(
                "INSERT INTO product_search_fts (rowid, text) "
                f"SELECT id, search_text FROM products WHERE active AND id IN ({marks})"))
        rows = connection.execute(
            select(PRODUCTS.c.id, PRODUCTS.c.price, PRODUCTS.c.search_text,
                   PRODUCTS.c.barcode)
            .where(PRODUCTS.c.active.is_(True), PRODUCTS.c.id.in_(chunk))
        ).all()
        _file(connection, rows)


def _rebuild(connection: Connection) -> None:
    """Every active product filed again. The terms are staged in a temporary table
    (appends), then written in key order in one statement and indexed by product after:
    a build of the whole catalog writes each page once instead of every page per batch."""
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection.execute(sql_text("DELETE FROM catalog_search_terms"))
        connection.execute(sql_text("DELETE FROM catalog_search_words"))
        connection.execute(sql_text("DELETE FROM product_search_fts"))
        connection.execute(sql_text(
            "INSERT INTO product_search_fts (rowid, text) "
            "SELECT id, search_text FROM products WHERE active"))
    else:  # transactional on PostgreSQL: an import that fails takes it back
        connection.execute(sql_text("TRUNCATE catalog_search_terms, catalog_search_words"))
    connection.execute(sql_text(f"DROP INDEX {_BY_PRODUCT}"))
    connection.execute(sql_text(f"DROP TABLE IF EXISTS {_STAGE}"))
    collate = "" if sqlite else ' COLLATE "C"'
    connection.execute(sql_text(
        f"CREATE TEMPORARY TABLE {_STAGE} (term VARCHAR(64){collate} NOT NULL, "
        "neg_price BIGINT NOT NULL, product_id INTEGER NOT NULL)"))
    last = 0
    while True:  # in batches by id: memory stays bounded at any catalog size
        rows = connection.execute(
            select(PRODUCTS.c.id, PRODUCTS.c.price, PRODUCTS.c.search_text,
                   PRODUCTS.c.barcode)
            .where(PRODUCTS.c.id > last, PRODUCTS.c.active.is_(True))
            .order_by(PRODUCTS.c.id).limit(_REBUILD_BATCH)
        ).all()
        if not rows:
            break
        _file(connection, rows, into=_STAGE)
        last = rows[-1][0]
    connection.execute(sql_text(
        "INSERT INTO catalog_search_terms (term, neg_price, product_id) "
        f"SELECT term, neg_price, product_id FROM {_STAGE} ORDER BY term, neg_price, product_id"))
    connection.execute(sql_text(f"DROP TABLE {_STAGE}"))
    connection.execute(sql_text(
        f"CREATE INDEX {_BY_PRODUCT} ON catalog_search_terms (product_id, term)"))


def _file(connection: Connection, rows: Sequence, into: str = "catalog_search_terms") -> None:
    """Insert the terms of these (id, price, search_text, barcode) rows, and their new
    words' deletion keys."""
    terms = []
    words: set[str] = set()
    for product_id, price, search_text, barcode in rows:
        negative = -price
        terms.extend((term, negative, product_id)
                     for term in product_terms(search_text, barcode, words))
    if terms:
        terms.sort()  # in key order: a batch walks the index once, front to back
        _insert_many(connection, into, ("term", "neg_price", "product_id"), terms)
    if words:
        known = set()
        listed = sorted(words)
        for start in range(0, len(listed), _CHUNK):
            part = listed[start:start + _CHUNK]
            known.update(connection.execute(
                select(WORDS.c.word).where(WORDS.c.variant.in_(part),
                                            WORDS.c.word == WORDS.c.variant)).scalars())
        keys = sorted({(variant, word) for word in words - known
                       for variant in deletions(word) | {word}})
        if keys:
            # Two tills filing the same new word at once: the second one's keys are there.
            _insert_many(connection, "catalog_search_words", ("variant", "word"), keys,
                         ignore_duplicates=True)


def _insert_many(connection: Connection, table: str, columns: Sequence[str], rows: list,
                 *, ignore_duplicates: bool = False) -> None:
    names = ", ".join(columns)
    if connection.dialect.name == "postgresql" and not ignore_duplicates and len(rows) > 200:
        cursor = connection.connection.driver_connection.cursor()
        with cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    statement = (f"INSERT INTO {table} ({names}) VALUES ({', '.join([mark] * len(columns))})"
                 + (" ON CONFLICT DO NOTHING" if ignore_duplicates else ""))
    connection.exec_driver_sql(statement, rows)
