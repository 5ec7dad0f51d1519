"""A batch of head office's master data applied at a store, by natural key, inside the
caller's transaction (pos.sync.pull opens it).

Each row is found by its natural key (pos.sync.master_keys); its foreign keys become the
store's own ids through their parents' keys; a new row gets the store's own id. A row
the store holds as it is stays untouched (nothing to send back up, nothing counted). A
product whose price the store set itself (price_overrides) keeps that price and takes
head office's other columns.

A row gone at head office is deleted at the store unless the store's documents still
name it or anything deleting it would take with it (a sale line, a sheet outcome, stock):
then a row with an `active` flag is deactivated, and any other is kept.

Bad input is refused with a UserError and the caller's transaction rolls back, so
nothing is applied: a row without a required field, a row naming a parent the store does
not hold, a row that clashes with the store's own data (a barcode another product has).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, delete, exists, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from pos.catalog import search
from pos.db.models import Base, PriceOverride
from pos.kernel.errors import UserError
from pos.sync import capture
from pos.sync.master_keys import (
    CODES, ORDER, PEOPLE, Keys, MasterBatch, master_refs, plain, read_rows,
)


# Sections and items hold unique positions in their template or section: before a family
# is applied, the rows that move (and the ones head office no longer has) are parked out
# of the way, as the checklist import does. One kept for the store's sales goes last.
GROUPS = {"sheet_sections": "template_id", "sheet_items": "section_id"}
KEPT_AT = 1_000_000


@dataclass
class Applied:
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    deactivated: int = 0
    kept: int = 0  # gone at head office, kept here: the store's documents name it


def shown_key(key) -> str:
    return "/".join(str(part) for part in key)


def _required(name: str) -> list[str]:
    """Columns a row must bring: not null, no default, not the id."""
    table = capture.table(name)
    return [c.name for c in table.columns if not c.nullable and c.default is None
            and c.server_default is None and c.name != "id"]


class Applier:
    """Applies one batch; `product_ids` are the store's products it changed."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.keys = Keys(conn)
        self.done = Applied()
        self.product_ids: set[int] = set()
        self.overrides = dict(conn.execute(select(PriceOverride.sku, PriceOverride.price)).all())
        self.kept_prices: list[tuple[str, int, int]] = []  # sku, store price, head office's
        self.current: dict[tuple, dict] = {}  # the rows of the table being applied, as held

    def apply(self, batch: MasterBatch) -> Applied:
        for name, pairs in batch.renames.items():
            if name in PEOPLE:
                continue
            for old, new in pairs:
                self._rename(name, tuple(old), tuple(new))
        for name in ORDER:
            if name in PEOPLE:
                continue  # staff and settings: pos.sync.people_apply, through sealed paths
            if name in GROUPS and name in batch.complete:
                self._park(name, batch)
            rows = batch.rows.get(name, ())
            by_key = self.keys.by_key(name)
            held = [by_key[tuple(r["_key"])] for r in rows
                    if r.get("_key") and tuple(r["_key"]) in by_key]
            pk = capture.pk_columns(name)
            self.current = {tuple(r[c] for c in pk): r for r in read_rows(self.conn, name, held)} \
                if held else {}
            for row in rows:
                self._upsert(name, row)
        for name in reversed(ORDER):
            if name in batch.complete:
                self._complete(name, batch)
        for name in reversed(ORDER):
            if name in PEOPLE:
                continue  # a staff or setting row is never deleted behind the journal
            for key in batch.deletes.get(name, ()):
                ident = self.keys.by_key(name).get(tuple(key))
                if ident is not None:
                    self._remove(name, ident)
        if self.product_ids:
            _refresh_search(self.conn, self.product_ids)
        return self.done

    # --- rows in -----------------------------------------------------------------------

    def _rename(self, name: str, old: tuple, new: tuple) -> None:
        by_key = self.keys.by_key(name)
        ident = by_key.get(old)
        if ident is None or new in by_key:
            return  # not here, or the new code is here already: the rows come as they are
        column = CODES[name]
        self.conn.execute(update(capture.table(name)).where(capture.table(name).c.id == ident[0])
                          .values({column: new[0]}))
        self.keys.drop(name, ident)
        self.keys.add(name, ident, new)
        self.done.updated += 1
        if name == "products":
            self.product_ids.add(ident[0])
            if old[0] in self.overrides:  # the store's price follows its product
                self.conn.execute(update(PriceOverride).where(PriceOverride.sku == old[0])
                                  .values(sku=new[0]))
                self.overrides[new[0]] = self.overrides.pop(old[0])

    def _values(self, name: str, row: dict) -> tuple[tuple, dict]:
        key = row.get("_key")
        if not key or any(part is None for part in key):
            raise UserError("sync.master_bad_row", table=name, key="?", field="_key")
        key = tuple(key)
        table = capture.table(name)
        refs = master_refs(name)
        for column in _required(name):
            if row.get(column) is None and column not in refs:
                raise UserError("sync.master_bad_row", table=name, key=shown_key(key),
                                field=column)
        values = {c.name: row[c.name] for c in table.columns
                  if c.name in row and c.name not in refs and c.name != "id"}
        for column, parent in refs.items():
            ref = (row.get("_ref") or {}).get(column)
            if not ref:
                if not table.c[column].nullable:
                    raise UserError("sync.master_bad_row", table=name, key=shown_key(key),
                                    field=column)
                values[column] = None
                continue
            ident = self.keys.by_key(parent).get(tuple(ref))
            if ident is None:
                raise UserError("sync.master_missing", table=name, key=shown_key(key),
                                parent=parent, ref=shown_key(ref))
            values[column] = ident[0]
        if name == "products" and values.get("sku") in self.overrides:
            own = self.overrides[values["sku"]]
            self.kept_prices.append((values["sku"], own, values.get("price")))
            values["price"] = own
        return key, values

    def _upsert(self, name: str, row: dict) -> None:
        key, values = self._values(name, row)
        table = capture.table(name)
        pk = capture.pk_columns(name)
        ident = self.keys.by_key(name).get(key)
        try:
            if ident is None:
                if pk == ["id"]:
                    new_id = self.conn.execute(insert(table).values(values)
                                               .returning(table.c.id)).scalar_one()
                    ident = (new_id,)
                else:
                    self.conn.execute(insert(table).values(values))
                    ident = tuple(values[c] for c in pk)
                self.keys.add(name, ident, key)
                self.done.inserted += 1
            else:
                where = [table.c[c] == v for c, v in zip(pk, ident)]
                now = self.current.get(ident)
                if now is None:  # renamed or made by this batch: read it
                    now = self.conn.execute(select(table).where(*where)).mappings().one()
                different = {c: v for c, v in values.items() if plain(now[c]) != plain(v)}
                if not different:
                    return
                self.conn.execute(update(table).where(*where).values(different))
                self.done.updated += 1
        except IntegrityError as error:
            raise UserError("sync.master_conflict", table=name, key=shown_key(key),
                            detail=str(error.orig).splitlines()[0][:200]) from None
        if name == "products":
            self.product_ids.add(ident[0])

    # --- rows out ----------------------------------------------------------------------

    def _complete(self, name: str, batch: MasterBatch) -> None:
        """Make the store's trees of this family the same as head office's."""
        sent = {tuple(row["_key"]) for row in batch.rows.get(name, ())}
        scopes = [tuple(scope) for scope in batch.complete[name]]
        for key, ident in list(self.keys.by_key(name).items()):
            if key in sent or not any(key[:len(scope)] == scope for scope in scopes):
                continue
            self._remove(name, ident)

    def _park(self, name: str, batch: MasterBatch) -> None:
        """Move out of the way the rows of a family's trees that change place or go."""
        table, group = capture.table(name), GROUPS[name]
        sent = {tuple(row["_key"]): row for row in batch.rows.get(name, ()) if row.get("_key")}
        scopes = [tuple(scope) for scope in batch.complete[name]]
        held = {key: ident for key, ident in self.keys.by_key(name).items()
                if any(key[:len(scope)] == scope for scope in scopes)}
        now = {r["id"]: r for r in read_rows(self.conn, name, held.values())}
        for key, ident in held.items():
            row, current = sent.get(key), now[ident[0]]
            if row is None:
                moves = current["position"] < KEPT_AT
            else:
                values = self._values(name, row)[1]
                moves = (values["position"], values[group]) != (current["position"],
                                                                 current[group])
            if moves:
                self.conn.execute(update(table).where(table.c.id == ident[0])
                                  .values(position=-ident[0]))

    def _remove(self, name: str, ident: tuple) -> None:
        table = capture.table(name)
        where = [table.c[c] == v for c, v in zip(capture.pk_columns(name), ident)]
        if not _in_use(self.conn, name, ident):
            try:
                with self.conn.begin_nested():
                    self.conn.execute(delete(table).where(*where))
            except IntegrityError:
                pass  # a master row of the store's own still names it
            else:
                if name == "products":  # its store price goes with it
                    self.conn.execute(delete(PriceOverride).where(
                        PriceOverride.sku == self.keys.by_ident(name)[ident][0]))
                    self.product_ids.add(ident[0])
                self.keys.drop(name, ident)
                self.done.deleted += 1
                return
        if name in GROUPS:  # still on the store's sheet, after head office's items
            self.conn.execute(update(table).where(*where, table.c.position < KEPT_AT)
                              .values(position=KEPT_AT + ident[0]))
        elif "active" in table.c:
            if self.conn.execute(update(table).where(*where, table.c.active.is_(True))
                                 .values(active=False)).rowcount:
                self.done.deactivated += 1
                if name == "products":
                    self.product_ids.add(ident[0])
                return
        self.done.kept += 1


def _refresh_search(conn: Connection, ids: set[int]) -> None:
    """As a catalog import does: the changed products' terms, or the whole structure
    rebuilt once when most of the catalog changed (one pass over each page)."""
    if len(ids) > search.FULL_REFRESH_AT:
        catalog = conn.execute(select(func.count()).select_from(capture.table("products")))
        if len(ids) * 4 >= catalog.scalar():
            search.refresh(conn)
            return
    search.refresh(conn, product_ids=ids)


def _in_use(conn: Connection, name: str, ident: tuple) -> bool:
    """Whether the store's documents name this row or a row deleting it would delete
    (a template's sections and items, a tier's bands)."""
    if len(ident) != 1:
        return False  # department_sheets: no document names one
    for other in Base.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table.name != name:
                continue
            column = fk.parent
            if other.name in ORDER:
                if fk.ondelete != "CASCADE" or "id" not in other.c:
                    continue
                children = conn.execute(select(other.c.id).where(column == ident[0])).scalars()
                if any(_in_use(conn, other.name, (child,)) for child in children):
                    return True
            elif conn.execute(select(exists().where(column == ident[0]))).scalar():
                return True
    return False
