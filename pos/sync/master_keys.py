"""Master data by natural key (issue 21): what head office sends down and how a row is
known at both ends, since a store's ids are its own.

Each master table has a natural key, made of its own columns and its parents' keys:
a category by its code, a product by its sku, a sheet section or item by its template's
code and its own, a tier's price band by the tier's code and its position... (`KEY_PARTS`,
chosen from each table's unique constraints and the checklist import's identities). A row travels as its columns plus `_key` (its natural key) and `_ref`
(the natural key of the row each master foreign key names), so the store maps every
foreign key to its own id.

The children of a configuration sheet (sections, items, their products) and of a card
tier (price bands, categories) travel as whole families: when any of them changes at
head office, every tree of that family is sent, and the store makes its trees the same
(`MasterBatch.complete`), so a row head office deleted or moved is removed or moved at the
store too without head office having to remember the deleted row's key. The tables with
a code of their own (stores, categories, products, tiers, templates) leave the code of a
deleted or renamed row in `master_log` (pos.hq.master), and travel as deletes or renames.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import Connection, select, tuple_

from pos.db.models import Base
from pos.sync import capture

# Parents before children (categories name a sheet template: templates come first), and
# settings last: they may name categories and staff (imei_categories, commission_schemes),
# so head office's first log of everything never has a batch bring a setting before them.
ORDER = tuple(t.name for t in Base.metadata.sorted_tables
              if t.name in capture.MASTER and t.name != "settings") + ("settings",)

# A natural key: column names, and (foreign key column, parent table[, n]) for the parent's
# key (its first n parts). Sections and items are known by their codes, as the checklist
# import knows them (codes are unique in a sheet), so an item moved at head office moves
# at the store and keeps its id there, which the store's sales name.
KEY_PARTS: dict[str, tuple] = {
    "stores": ("code",),
    "categories": ("code",),
    "products": ("sku",),
    "service_tiers": ("code",),
    "sheet_templates": ("code",),
    "sheet_sections": (("template_id", "sheet_templates"), "code"),
    "sheet_items": (("section_id", "sheet_sections", 1), "code"),  # its template's, not section's
    "sheet_item_products": (("item_id", "sheet_items"), ("product_id", "products")),
    "tier_price_bands": (("tier_id", "service_tiers"), "position"),
    "tier_categories": (("tier_id", "service_tiers"), ("category_id", "categories")),
    "department_sheets": ("department", ("category_id", "categories")),
    "staff": ("name",),
    "settings": ("key",),
}
# The tables whose rows have a code of their own: its column.
CODES = {"stores": "code", "categories": "code", "products": "sku", "service_tiers": "code",
         "sheet_templates": "code", "staff": "name"}
# Families sent whole: child table -> the table of its trees' roots (None: the whole table).
FAMILIES: dict[str, str | None] = {
    "sheet_sections": "sheet_templates", "sheet_items": "sheet_templates",
    "sheet_item_products": "sheet_templates", "tier_price_bands": "service_tiers",
    "tier_categories": "service_tiers", "department_sheets": None,
}
# Applied at the store through its sealed paths (pos.sync.people_apply), not as rows: a
# staff member by name (role and active flag only: a PIN hash is the head office's key's,
# never sent), a setting by key (its value, checked by the store's own rule).
PEOPLE: dict[str, tuple[str, ...]] = {"staff": ("name", "role", "active"),
                                      "settings": ("key", "value_json")}
# Settings about this store and this machine, never sent down: its printers per till, its
# backups (folders, how many, how often), its own e-invoice QR (the store's taxpayer
# address printed on its receipts), its service promise (minutes to its own city and
# county). `store_prices_allowed` is head office's and flows down.
STORE_LOCAL_SETTINGS = frozenset({
    "printers", "backup_keep", "backup_second_folder", "backup_interval_hours",
    "einvoice_qr", "service_promise",
})
TOMBSTONE = "-"  # master_log.tbl of a gone code: "-products", pk [head office id, code]


@dataclass(frozen=True)
class MasterBatch:
    """Master data changed at head office after version `since`, as of one consistent
    read. `version`: the highest version in it (head office's newest when nothing is
    new); `hq_version`: head office's newest version at that read, so a store that holds
    more than head office does (head office restored from an older copy) can tell.
    `rows`: table -> row dicts (current state, one per key, with `_key` and `_ref`);
    `deletes`: table -> natural keys gone at head office; `renames`: table -> [old key,
    new key] of a code changed in place; `complete`: child table -> root keys whose every
    child row of that table is in `rows` ([] for the whole table); `more`: more versions
    wait after `version`."""

    version: int
    hq_version: int
    rows: dict[str, list[dict]] = field(default_factory=dict)
    deletes: dict[str, list[list]] = field(default_factory=dict)
    renames: dict[str, list[list]] = field(default_factory=dict)
    complete: dict[str, list[list]] = field(default_factory=dict)
    more: bool = False

    @property
    def empty(self) -> bool:
        return not (self.rows or self.deletes or self.renames or self.complete)


def master_refs(name: str) -> dict[str, str]:
    """A master table's foreign keys to master tables: column -> parent table."""
    return {fk.parent.name: fk.column.table.name
            for fk in capture.table(name).foreign_keys if fk.column.table.name in ORDER}


def plain(value):
    return value.value if isinstance(value, enum.Enum) else value


class Keys:
    """Ids and natural keys of the master rows of one database, read on first use and
    kept up to date by the caller as it writes (`add`, `drop`)."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self._by_ident: dict[str, dict[tuple, tuple]] = {}
        self._by_key: dict[str, dict[tuple, tuple]] = {}

    def _load(self, name: str) -> None:
        table = capture.table(name)
        pk = capture.pk_columns(name)
        wanted = list(dict.fromkeys(pk + [p if isinstance(p, str) else p[0]
                                          for p in KEY_PARTS[name]]))
        by_ident = {}
        for row in self.conn.execute(select(*[table.c[c] for c in wanted])).mappings():
            by_ident[tuple(row[c] for c in pk)] = self.key_of(name, row)
        self._by_ident[name] = by_ident
        self._by_key[name] = {key: ident for ident, key in by_ident.items()}

    def by_ident(self, name: str) -> dict[tuple, tuple]:
        if name not in self._by_ident:
            self._load(name)
        return self._by_ident[name]

    def by_key(self, name: str) -> dict[tuple, tuple]:
        if name not in self._by_key:
            self._load(name)
        return self._by_key[name]

    def key_of(self, name: str, row: Mapping) -> tuple:
        """The natural key of a row of this database (its foreign keys are this
        database's ids); a part whose parent is unknown is None."""
        key: list = []
        for part in KEY_PARTS[name]:
            if isinstance(part, str):
                key.append(plain(row[part]))
            else:
                parent = self.by_ident(part[1]).get((row[part[0]],))
                parent = (None,) if parent is None else parent
                key.extend(parent[:part[2]] if len(part) > 2 else parent)
        return tuple(key)

    def add(self, name: str, ident: tuple, key: tuple) -> None:
        self.by_ident(name)[ident] = key
        self.by_key(name)[key] = ident

    def drop(self, name: str, ident: tuple) -> None:
        key = self.by_ident(name).pop(ident, None)
        if key is not None:
            self.by_key(name).pop(key, None)


def read_rows(conn: Connection, name: str, idents: Iterable[tuple] | None = None,
              *, chunk: int = 500) -> list[dict]:
    """Rows of a table as they are now, by primary key (None: all of them), in key order."""
    table = capture.table(name)
    pk = [table.c[c] for c in capture.pk_columns(name)]
    if idents is None:
        return [dict(r) for r in conn.execute(select(table).order_by(*pk)).mappings()]
    idents = sorted(set(idents))
    found: list[dict] = []
    for start in range(0, len(idents), chunk):
        part = idents[start:start + chunk]
        where = pk[0].in_([i[0] for i in part]) if len(pk) == 1 else tuple_(*pk).in_(part)
        found.extend(dict(r) for r in conn.execute(select(table).where(where).order_by(*pk))
                     .mappings())
    return found


def shipped(keys: Keys, name: str, row: dict) -> dict:
    """A row as it travels: its columns, its natural key, its parents' keys (staff and
    settings: only the columns in PEOPLE)."""
    if name in PEOPLE:
        return {**{c: plain(row[c]) for c in PEOPLE[name]}, "_key": [plain(row[PEOPLE[name][0]])],
                "_ref": {}}
    refs = {}
    for column, parent in master_refs(name).items():
        value = row.get(column)
        refs[column] = None if value is None else list(keys.by_ident(parent).get((value,), ()))
    return {**{k: plain(v) for k, v in row.items()}, "_key": list(keys.key_of(name, row)),
            "_ref": refs}
