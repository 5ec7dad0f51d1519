"""Finding products as a cashier types: fast for every shape of query at 1M products,
on SQLite and on PostgreSQL alike.

The structure (migration 0012; `refresh` is the one place that keeps it in step with
`products`: call it after creating or changing products, with the changed ids):

- `catalog_search_terms` (term, neg_price, product_id), the key in that order (SQLite:
  WITHOUT ROWID, so the key is the table; PostgreSQL: terms in "C" collation, so a
  prefix is one index range in any locale). One row per term of each active product:
  every word of its name and sku (runs of letters and digits, case-folded), its
  barcode, and for each run of Chinese characters every two-character piece and the
  run's last character. Every query shape is then a walk of one short index range that
  stops after a page: a word or any prefix of one (1 character, 2 characters, an sku or
  barcode prefix) is the range [prefix, prefix with its last character + 1); a Chinese
  character is the range of terms it starts; two Chinese characters are one term;
  three or more are the rarest of their two-character pieces, the run then checked on
  `products.search_text`. Within a term the key is "highest price first", so the first
  rows are the ones the store wants sold. A second index, (product_id, term), serves
  refresh's deletes and "does this product also hold a word starting so".
- `catalog_search_words` (variant, word): the catalog's vocabulary of words of 4 to 24
  letters, each filed under itself and under every deletion of one letter. A typo (one
  letter wrong, missing, extra, or two swapped) shares a key with the word meant (the
  classic deletion neighbourhood), so a typed word's own deletions (at most 25 keys)
  find the few words it may mean, which are then looked up as terms. The vocabulary
  only grows (a stale word costs one empty look-up); a full refresh rebuilds it.
- Kept from migration 0002: SQLite's trigram FTS5 index (`product_search_fts`) and
  PostgreSQL's pg_trgm index on `products.search_text`, which find a string in the
  middle of a word ("book" in "notebook") when the terms found less than a page.
  (SQLite's `product_search` copy by price, which a short query had to walk whole, is
  gone.)

A search runs tiers until the page (`limit`, 50 by default) is full; each is a bounded
walk (LIMIT, and at most `_CAP` index entries where other words of the query must be
checked):
1. the exact barcode or sku (the unique indexes of `products`);
2. terms: with several words, the rarest (entries counted up to `_COUNT_CAP`) leads
   and each other must start a word of the product too;
3. inside a word (3+ letters or digits): the trigram indexes, with a LIMIT;
4. typos (a word of 4 to 24 letters): the words one edit away, as terms.
Tiers 3 and 4 run only for a rare lead (a common word that left the page short is no
typo). The page lists tier 1 first, then 2, 3 and 4, each by price, highest first. A
query of punctuation only ("-") looks at the first `_CAP` products only. Two letters
inside a word ("ok" of "notebook") are not searched: too common to find fast, and not
what a cashier types. Results are what the page can hold: the whole set of matches is
never counted or sorted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, func, or_, select, text as sql_text

from pos.catalog.search_index import (  # noqa: F401 - refresh and FULL_REFRESH_AT: callers'
    FULL_REFRESH_AT, FUZZY_MAX as _FUZZY_MAX, FUZZY_MIN as _FUZZY_MIN, MAX_TERM,
    PRODUCTS as _PRODUCTS, RUN as _RUN, TERMS as _TERMS, WORDS as _WORDS,
    deletions as _deletions, is_cjk as _is_cjk, product_terms, refresh,
)
from pos.db.engine import Database
from pos.db.models import Category, Product

_CAP = 1_000        # index entries walked at most where the rest of the query is checked
_COUNT_CAP = 1_000  # entries counted at most to tell which word of a query is rarest
_FUZZY_WORDS = 8    # words one edit away looked up at most


# --- searching --------------------------------------------------------------------------

_EXACT, _WORD, _CONTAINS, _FUZZY = range(4)


def search_product_rows(db: Database, text: str, columns: Sequence, *, limit: int = 50,
                        params: dict | None = None) -> list:
    """Rows of `columns` for products matching the text, any case, at most `limit`.

    The exact barcode or sku first, then products with a word starting with each typed
    word (Chinese as typed), then products holding it inside a word, then products with
    a word one typo away; within each, highest price first.
    """
    raw = text.strip()
    if not raw or limit <= 0:
        return []
    with db.read_connection() as connection:
        found = search_ids(connection, raw, limit)
        if not found:
            return []
        rows = connection.execute(
            select(*columns, Product.id, Product.price).join(Category)
            .where(Product.id.in_(list(found)), Product.active.is_(True)), params or {}
        ).all()
    width = len(columns)
    rows.sort(key=lambda row: (found[row[width]], -row[width + 1], row[width]))
    return [tuple(row[:width]) for row in rows]


def search_ids(connection: Connection, raw: str, limit: int) -> dict[int, int]:
    """{product id: tier} of the first page, in the order found."""
    found: dict[int, int] = {}

    def add(ids: Iterable[int], tier: int) -> None:
        for product_id in ids:
            if len(found) >= limit:
                return
            found.setdefault(product_id, tier)

    if " " not in raw and len(raw) <= _PRODUCTS.c.sku.type.length:
        add(connection.execute(
            select(_PRODUCTS.c.id).where(
                _PRODUCTS.c.active.is_(True),
                or_(_PRODUCTS.c.barcode == raw, _PRODUCTS.c.sku.in_({raw, raw.upper()})))
        ).scalars(), _EXACT)

    needle = raw.casefold()
    tokens = _RUN.findall(needle)
    if not tokens:  # punctuation only: a bounded walk
        add(_walk(connection, needle, limit), _WORD)
        return found

    keys = []  # (token, lo, hi): the term range the token may lead with
    for token in tokens:
        if _is_cjk(token) and len(token) > 2:
            keys.extend((token, piece, _after(piece))
                        for piece in sorted({token[i:i + 2] for i in range(len(token) - 1)}))
        else:
            keys.append((token, token[:MAX_TERM], _after(token[:MAX_TERM])))
    keys = list(dict.fromkeys(keys))
    if len(keys) == 1:
        lead, rare = keys[0], True
    else:  # the rarest leads (entries counted up to _COUNT_CAP, in one statement)
        counts = _counts(connection, [(lo, hi) for _, lo, hi in keys])
        (lead, count) = min(zip(keys, counts), key=lambda pair: (pair[1], -len(pair[0][0])))
        rare = count < _COUNT_CAP
    token = lead[0]
    # what the lead's range does not vouch for is checked for each product
    others = [t for t in dict.fromkeys(tokens)
              if t != token or (_is_cjk(t) and len(t) > 2) or len(t) > MAX_TERM]

    exact = bool(found)
    add(_postings(connection, lead[1], lead[2], others, limit), _WORD)
    # A code typed whole, or a common word that left the page short, is no typo, and
    # inside words finds nothing more; nor does a barcode-long number (barcodes are
    # terms only).
    rare = rare and not exact
    if (len(found) < limit and rare and not _is_cjk(token) and len(token) >= 3
            and not (token.isdigit() and len(token) >= 8)):
        add(_contains(connection, token, others, limit), _CONTAINS)
    if (len(found) < limit and rare and _FUZZY_MIN <= len(token) <= _FUZZY_MAX
            and token.isalpha() and not _is_cjk(token)):
        add(_typo_postings(connection, token, others, limit), _FUZZY)
    return found


def _after(prefix: str) -> str:
    """The first string after every string starting with `prefix` (code point order)."""
    last = ord(prefix[-1]) + 1
    if 0xD800 <= last < 0xE000:  # no string holds a surrogate: the next is U+E000
        last = 0xE000
    return prefix[:-1] + chr(last) if last <= 0x10FFFF else prefix + "\U0010ffff"


def _holds(connection: Connection, column, fragment: str):
    if connection.dialect.name == "sqlite":
        return func.instr(column, fragment) > 0
    return func.strpos(column, fragment) > 0


def _counts(connection: Connection, ranges: Sequence[tuple[str, str]]) -> Sequence[int]:
    """How many entries each term range holds, counted up to _COUNT_CAP."""
    return connection.execute(select(*[
        select(func.count()).select_from(
            select(_TERMS.c.product_id).where(_TERMS.c.term >= lo, _TERMS.c.term < hi)
            .limit(_COUNT_CAP).subquery()).scalar_subquery()
        for lo, hi in ranges])).one()


def _postings(connection: Connection, lo: str, hi: str | None, others: Sequence[str],
              limit: int) -> list[int]:
    """Products filed under a term in [lo, hi) (hi None: the term lo), in key order;
    with `others`, only those that also hold each (a word starting so, or a Chinese run
    in the search text), among the first _CAP."""
    where = [_TERMS.c.term >= lo, _TERMS.c.term < hi] if hi else [_TERMS.c.term == lo]
    walk = (select(_TERMS.c.product_id, _TERMS.c.term, _TERMS.c.neg_price).where(*where)
            .order_by(_TERMS.c.term, _TERMS.c.neg_price, _TERMS.c.product_id))
    # a product may be filed under several terms of the range: room for repeats
    fetch = limit * 2 + 8
    if not others:
        return list(dict.fromkeys(
            connection.execute(walk.with_only_columns(_TERMS.c.product_id).limit(fetch))
            .scalars()))
    walked = walk.limit(_CAP).subquery()
    checked = select(walked.c.product_id)
    prefixes = [o for o in others if _is_prefix_key(o)]
    fragments = [o for o in others if not _is_prefix_key(o)]
    for other in prefixes:  # another word starting so: the (product_id, term) index
        term = _TERMS.alias()
        checked = checked.where(select(term.c.product_id).where(
            term.c.product_id == walked.c.product_id, term.c.term >= other,
            term.c.term < _after(other)).exists())
    if fragments:  # a Chinese run of 3+ characters: on the search text
        checked = checked.join(_PRODUCTS, _PRODUCTS.c.id == walked.c.product_id).where(
            *[_holds(connection, _PRODUCTS.c.search_text, o) for o in fragments])
    # in the walk's order: it leads, and the statement stops at a page
    return list(dict.fromkeys(connection.execute(checked.limit(fetch)).scalars()))


def _is_prefix_key(token: str) -> bool:
    """Whether "a term starts with the token" says the product holds it."""
    return len(token) <= (2 if _is_cjk(token) else MAX_TERM)


def _contains(connection: Connection, token: str, others: Sequence[str], limit: int) -> list[int]:
    """Products whose search text holds the token inside a word (trigram indexes); with
    `others`, only those holding each, among the first _CAP holding the token."""
    if connection.dialect.name == "sqlite":
        checks = " AND ".join(f"instr(text, :o{i}) > 0" for i in range(len(others)))
        walk = "SELECT rowid, text FROM product_search_fts WHERE text LIKE :q"
        statement = (f"SELECT rowid FROM ({walk} LIMIT :cap) WHERE {checks} LIMIT :n"
                     if others else f"{walk} LIMIT :n")
        return list(connection.execute(sql_text(statement), {
            "q": f"%{token}%", "n": limit * 2, "cap": _CAP,
            **{f"o{i}": other for i, other in enumerate(others)}}).scalars())
    walk = (select(_PRODUCTS.c.id, _PRODUCTS.c.search_text)
            .where(_PRODUCTS.c.active.is_(True), _PRODUCTS.c.search_text.contains(token)))
    if not others:
        return list(connection.execute(
            walk.with_only_columns(_PRODUCTS.c.id).limit(limit * 2)).scalars())
    walked = walk.limit(_CAP).subquery()
    return list(connection.execute(
        select(walked.c.id)
        .where(*[_holds(connection, walked.c.search_text, o) for o in others])
        .limit(limit * 2)).scalars())


def _typo_postings(connection: Connection, token: str, others: Sequence[str],
                   limit: int) -> list[int]:
    """Products with a word one typo away from the token, highest price first."""
    near = connection.execute(
        select(_WORDS.c.word).distinct()
        .where(_WORDS.c.variant.in_(sorted(_deletions(token) | {token})))
    ).scalars().all()
    words = sorted(w for w in near if w != token and one_edit_apart(w, token))[:_FUZZY_WORDS]
    found: list[tuple[int, int]] = []
    for word in words:
        if others:
            ids = _postings(connection, word, None, others, limit)
            prices = dict(connection.execute(
                select(_TERMS.c.product_id, _TERMS.c.neg_price)
                .where(_TERMS.c.term == word, _TERMS.c.product_id.in_(ids))).all()) if ids else {}
            found.extend((prices[i], i) for i in ids if i in prices)
            continue
        found.extend((neg, pid) for pid, neg in connection.execute(
            select(_TERMS.c.product_id, _TERMS.c.neg_price).where(_TERMS.c.term == word)
            .order_by(_TERMS.c.neg_price, _TERMS.c.product_id).limit(limit)))
    found.sort()
    return [pid for _, pid in found]


def one_edit_apart(a: str, b: str) -> bool:
    """True when one letter changed, added, removed, or two neighbours swapped, turn a
    into b (or they are equal)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


def _walk(connection: Connection, needle: str, limit: int) -> list[int]:
    """Products whose search text holds the needle, among the first _CAP by id."""
    first = (select(_PRODUCTS.c.id, _PRODUCTS.c.search_text)
             .where(_PRODUCTS.c.active.is_(True)).order_by(_PRODUCTS.c.id).limit(_CAP)
             .subquery())
    return list(connection.execute(
        select(first.c.id).where(_holds(connection, first.c.search_text, needle))
        .order_by(first.c.id).limit(limit)).scalars())
