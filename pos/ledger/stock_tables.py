"""Stock in the tables: a stock document written with everything that follows from it
(its movements, the stores' quantities, the serial units it moves), sealed in the
journal in the same transaction, and read back as the same records for `journal
verify`; and the stock side of a sale document (one movement per line of a product,
the till's store's quantity, the serials sold or taken back), called by
pos.ledger.tables.

Every writer locks the journal's head (chain.append) before it touches a quantity or a
unit, so documents and sales that move the same stock queue; the quantity is still
taken by a conditional statement (its row count says whether it was there), so two
tills selling the last unit sell it once on any database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import bindparam, select
from sqlalchemy.dialects import postgresql, sqlite

from pos.db import prepared
from pos.db.models import (
    Product, Sale, SaleLine, SerialUnit, StockMove, Store, StoreCounter, StoreStock,
)
from pos.db.models import StockDocument as DocRow
from pos.kernel.enums import Bucket, StockDocKind, StockReason, UnitState
from pos.kernel.errors import UserError
from pos.ledger import chain
from pos.ledger.stock_documents import StockDocument, StockLine, unit_state_after

STOCK, MOVES, UNITS = StoreStock.__table__, StockMove.__table__, SerialUnit.__table__
DOCS, STORES, PRODUCTS = DocRow.__table__, Store.__table__, Product.__table__
SELLABLE = (UnitState.IN_STOCK, UnitState.RETURNED)
STATE_NAMES = {  # message ids, for a refusal to name a unit's state
    UnitState.IN_STOCK: "stock.state.in_stock", UnitState.RETURNED: "stock.state.returned",
    UnitState.IN_TRANSIT: "stock.state.in_transit", UnitState.SOLD: "stock.state.sold",
    UnitState.REPAIR: "stock.state.repair", UnitState.WRITTEN_OFF: "stock.state.written_off"}


# --- numbers ---------------------------------------------------------------------------

def _counter_statement(dialect: str):
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(StoreCounter).values(
        store_id=bindparam("store_id"), kind=bindparam("kind"), last_number=1,
    ).on_conflict_do_update(
        index_elements=["store_id", "kind"],
        set_={"last_number": StoreCounter.last_number + 1},
    ).returning(StoreCounter.last_number)


_NEXT = prepared.Prepared(_counter_statement)


def next_store_number(conn, store_id: int, kind: StockDocKind | str) -> int:
    """The next number of a store's gapless sequence of one kind of stock document,
    inside the document's transaction (taken first: the counter row stays locked until
    commit, before the journal's head)."""
    return prepared.on(conn).scalar(_NEXT, {"store_id": store_id, "kind": str(kind)})


# --- quantities ------------------------------------------------------------------------

_ADD = prepared.Prepared(STOCK.update().where(
    STOCK.c.store_id == bindparam("s"), STOCK.c.product_id == bindparam("p"),
    STOCK.c.in_transit + bindparam("tr") >= 0)
    .values(on_hand=STOCK.c.on_hand + bindparam("oh"),
            in_transit=STOCK.c.in_transit + bindparam("tr")))
# Taking: only what is there, checked and taken in one statement.
_TAKE = prepared.Prepared(STOCK.update().where(
    STOCK.c.store_id == bindparam("s"), STOCK.c.product_id == bindparam("p"),
    STOCK.c.on_hand + bindparam("oh") >= 0, STOCK.c.in_transit + bindparam("tr") >= 0)
    .values(on_hand=STOCK.c.on_hand + bindparam("oh"),
            in_transit=STOCK.c.in_transit + bindparam("tr")))
_INSERT_STOCK = prepared.insert(STOCK, ("store_id", "product_id", "on_hand", "in_transit"))
_HELD = prepared.Prepared(select(
    PRODUCTS.c.name, STOCK.c.on_hand, STOCK.c.in_transit, STORES.c.code)
    .select_from(PRODUCTS.join(STORES, STORES.c.id == bindparam("s")).outerjoin(
        STOCK, (STOCK.c.product_id == PRODUCTS.c.id) & (STOCK.c.store_id == STORES.c.id)))
    .where(PRODUCTS.c.id == bindparam("p")))


@dataclass(frozen=True, slots=True)
class Short:
    """What a change would have taken below zero, to name in the refusal."""

    name: str
    store: str
    stock: int  # what there is (on hand, or in transit)
    asked: int


def change_quantities(run: prepared.Runner, changes: dict[tuple[int, int], list[int]], *,
                      negative_allowed: Callable[[], bool]) -> Short | None:
    """Apply (store, product) -> [on-hand change, in-transit change], in (store, product)
    order. On hand goes below zero only if `negative_allowed()` (asked only then); in
    transit never does. Returns what was short (nothing changed for it; the caller
    refuses and its transaction rolls back), or None."""
    rows = [{"s": s, "p": p, "oh": oh, "tr": tr}
            for (s, p), (oh, tr) in sorted(changes.items()) if oh or tr]
    takes = [row for row in rows if row["oh"] < 0 or row["tr"] < 0]
    adds = [row for row in rows if not (row["oh"] < 0 or row["tr"] < 0)]
    missing = [row for row, count in zip(adds, run.counts(_ADD, adds)) if count != 1]
    for row, count in zip(takes, run.counts(_TAKE, takes)):
        if count == 1:
            continue
        name, on_hand, in_transit, store = run.first(_HELD, row) or ("", None, None, "")
        if on_hand is None and row["tr"] >= 0 and negative_allowed():
            missing.append(row)
            continue
        if on_hand is not None and in_transit + row["tr"] >= 0 and negative_allowed():
            if run.counts(_ADD, [row]) == [1]:
                continue
        if row["tr"] < 0 and (in_transit or 0) + row["tr"] < 0:
            return Short(name, store, in_transit or 0, -row["tr"])
        return Short(name, store, on_hand or 0, -row["oh"])
    run.many(_INSERT_STOCK, [{"store_id": r["s"], "product_id": r["p"], "on_hand": r["oh"],
                              "in_transit": r["tr"]} for r in missing if r["tr"] >= 0])
    for row in missing:
        if row["tr"] < 0:
            name, _, _, store = run.first(_HELD, row) or ("", None, None, "")
            return Short(name, store, 0, -row["tr"])
    return None


# --- serial units ----------------------------------------------------------------------

UNIT = prepared.Prepared(select(
    UNITS.c.id, UNITS.c.state, UNITS.c.store_id, UNITS.c.sale_line_id)
    .where(UNITS.c.product_id == bindparam("product_id"), UNITS.c.serial == bindparam("serial")))
MOVE_UNIT = prepared.Prepared(UNITS.update().where(UNITS.c.id == bindparam("unit_id"))
                               .values(state=bindparam("state"), store_id=bindparam("store_id"),
                                       sale_line_id=bindparam("sale_line_id"),
                                       last_move_id=bindparam("last_move_id")))
NEW_UNIT = prepared.insert(UNITS, ("product_id", "serial", "state", "store_id",
                                    "sale_line_id", "last_move_id"))
_STORE_CODE = prepared.Prepared(select(STORES.c.code).where(STORES.c.id == bindparam("id")))
_SOLD_ON = prepared.Prepared(select(Sale.__table__.c.receipt_no).select_from(
    Sale.__table__.join(SaleLine.__table__, SaleLine.__table__.c.sale_id == Sale.__table__.c.id))
    .where(SaleLine.__table__.c.id == bindparam("line_id")))
_PRODUCT_NAME = prepared.Prepared(select(PRODUCTS.c.name).where(PRODUCTS.c.id == bindparam("id")))


class UnitRow(NamedTuple):
    id: int
    state: str
    store_id: int | None
    sale_line_id: int | None


def unit_row(run: prepared.Runner, product_id: int, serial: str) -> UnitRow | None:
    """The unit of a product's serial as it stands, or None."""
    row = run.first(UNIT, {"product_id": product_id, "serial": serial})
    return UnitRow(*row) if row is not None else None


def unit_refusal(run: prepared.Runner, unit, *, serial: str, store_id: int,
                 receiving: bool = False) -> UserError:
    """Why a unit (a row of UNIT) cannot be taken at `store_id` (or, `receiving`,
    received there as new stock): sold already (on which receipt), at another store
    (named), in transit (to where), or in some other state."""
    state = UnitState(unit.state)
    store = run.scalar(_STORE_CODE, {"id": unit.store_id}) if unit.store_id else ""
    if state is UnitState.SOLD:
        if receiving:
            receipt = run.scalar(_SOLD_ON, {"line_id": unit.sale_line_id}) or "?"
            return UserError("stock.serial_is_sold", serial=serial, receipt=receipt)
        return UserError("serial.already_sold", serial=serial)
    if receiving:
        return UserError("stock.serial_received_twice", serial=serial)
    if state in SELLABLE and unit.store_id != store_id:
        return UserError("stock.serial_at_store", serial=serial, store=store)
    if state is UnitState.IN_TRANSIT:
        return UserError("stock.serial_in_transit", serial=serial, store=store)
    return UserError("stock.serial_unavailable", serial=serial, state=STATE_NAMES[state])


def find_unit(conn, product_id: int, serial: str):
    """The unit (id, state, store_id, sale_line_id) of a product's serial, or None."""
    return unit_row(prepared.on(conn), product_id, serial)


def serial_refusal(conn, *, store_id: int, product_id: int, serial: str,
                   strict: bool) -> UserError | None:
    """Why this serial cannot be sold at this store now, or None when it can: a unit it
    holds in stock, or (not `strict`) a serial the store has never seen."""
    run = prepared.on(conn)
    unit = unit_row(run, product_id, serial)
    if unit is None:
        if not strict:
            return None
        name = run.scalar(_PRODUCT_NAME, {"id": product_id})
        return UserError("stock.serial_not_received", serial=serial, name=name or "")
    if UnitState(unit.state) in SELLABLE and unit.store_id == store_id:
        return None
    return unit_refusal(run, unit, serial=serial, store_id=store_id)


# --- stock documents -------------------------------------------------------------------

_INSERT_DOC = prepared.insert(DOCS, (
    "doc_no", "kind", "store_id", "other_store_id", "transfer_id", "staff_id", "terminal_id",
    "supplier", "supplier_ref", "reason", "note", "scope", "business_date", "posted_at",
    "request_id", "first_sale_id", "journal_hash"), returning=[DOCS.c.id])
INSERT_MOVE = prepared.insert(MOVES, (
    "doc_id", "position", "sale_line_id", "store_id", "product_id", "bucket", "qty", "serial",
    "unit_cost", "expected", "counted", "reason", "at"))
INSERT_MOVE_ID = prepared.insert(MOVES, (
    "doc_id", "position", "sale_line_id", "store_id", "product_id", "bucket", "qty", "serial",
    "unit_cost", "expected", "counted", "reason", "at"), returning=[MOVES.c.id])
_DOC_MOVE_IDS = prepared.Prepared(select(MOVES.c.position, MOVES.c.id).where(
    MOVES.c.doc_id == bindparam("doc_id")))
_SENT = prepared.Prepared(select(DOCS.c.id, DOCS.c.kind, DOCS.c.other_store_id).where(
    DOCS.c.doc_no == bindparam("doc_no")))
_RECEIVED = prepared.Prepared(select(DOCS.c.doc_no).where(DOCS.c.transfer_id == bindparam("id")))


def _transfer_received(run: prepared.Runner, document: StockDocument) -> int:
    """The transfer a TRANSFER_IN receives (its id), checked under the journal's head:
    a sent transfer, to this document's store, not received yet (the unique index on
    transfer_id is the last guard, not the first)."""
    sent = run.first(_SENT, {"doc_no": document.transfer_no})
    if (sent is None or document.kind is not StockDocKind.TRANSFER_IN
            or StockDocKind(sent[1]) is not StockDocKind.TRANSFER_OUT):
        raise UserError("stock.transfer_unknown", transfer=document.transfer_no)
    if sent[2] != document.store_id:
        store = run.scalar(_STORE_CODE, {"id": sent[2]}) or ""
        raise UserError("stock.transfer_not_for_store", transfer=document.transfer_no,
                        store=store)
    received = run.scalar(_RECEIVED, {"id": sent[0]})
    if received is not None:
        raise UserError("stock.transfer_already_received", transfer=document.transfer_no,
                        doc=received)
    return sent[0]


@dataclass(frozen=True, slots=True)
class WrittenStock:
    doc_id: int
    anchor: str  # the journal entry's anchor code


def write_stock_document(conn, document: StockDocument, *,
                         negative_stock_allowed: Callable[[], bool] = lambda: False,
                         ) -> WrittenStock:
    """Seal the document in the journal and write it inside the caller's transaction:
    its row, its movements, the stores' quantities and the serial units it moves. The
    caller took its number first. Refused (UserError; the caller's transaction rolls
    back) when it would take a store's stock below zero (on hand only if
    `negative_stock_allowed()` says so; in transit never) or move a unit that is not
    where the document says (a serial received twice, a sold one received, a unit sent
    from a store that does not hold it)."""
    if not document.lines and document.first_sale_id is None:
        raise UserError("stock.nothing_to_post")
    run = prepared.on(conn)
    sealed = chain.append(conn, document.payload(), doc_type="stock",
                          doc_ref=document.doc_no, at=document.posted_at)
    transfer_id = _transfer_received(run, document) if document.transfer_no is not None else None
    doc_id = run.scalar(_INSERT_DOC, dict(
        doc_no=document.doc_no, kind=document.kind, store_id=document.store_id,
        other_store_id=document.other_store_id, transfer_id=transfer_id,
        staff_id=document.staff_id, terminal_id=document.terminal_id,
        supplier=document.supplier, supplier_ref=document.supplier_ref,
        reason=document.reason, note=document.note, scope=document.scope,
        business_date=document.business_date, posted_at=document.posted_at,
        request_id=document.request_id, first_sale_id=document.first_sale_id,
        journal_hash=sealed.hash))
    lines = sorted(document.lines, key=lambda line: line.position)
    run.many(INSERT_MOVE, [{
        "doc_id": doc_id, "position": line.position, "sale_line_id": None,
        "store_id": line.store_id, "product_id": line.product_id, "bucket": line.bucket,
        "qty": line.qty, "serial": line.serial, "unit_cost": line.unit_cost,
        "expected": line.expected, "counted": line.counted, "reason": line.reason,
        "at": document.posted_at} for line in lines])
    changes: dict[tuple[int, int], list[int]] = {}
    for line in lines:
        change = changes.setdefault((line.store_id, line.product_id), [0, 0])
        change[0 if line.bucket is Bucket.ON_HAND else 1] += line.qty
    short = change_quantities(run, changes, negative_allowed=negative_stock_allowed)
    if short is not None:
        raise UserError("stock.short_at_store", name=short.name, store=short.store,
                        stock=short.stock, asked=short.asked)
    serial_lines = [line for line in lines if line.serial]
    if serial_lines:
        move_ids = dict(run.all(_DOC_MOVE_IDS, {"doc_id": doc_id}))
        _move_units(run, conn, serial_lines, move_ids)
    return WrittenStock(doc_id, chain.anchor_code(sealed.hash))


def _move_units(run: prepared.Runner, conn, lines: list[StockLine],
                move_ids: dict[int, int]) -> None:
    """Each serial line moves its unit, in position order: a line out of a bucket needs
    the unit there (in stock, or in transit, at that store); a line in needs it nowhere
    (new, written off, at repair) or just taken out by this document."""
    # -> [id or None, state, store, sale line, taken out by this document, last move]
    units: dict[tuple[int, str], list] = {
        key: [row.id, UnitState(row.state), row.store_id, row.sale_line_id, False, None]
        for key, row in _units_of(conn, {(line.product_id, line.serial) for line in lines}).items()}
    for line in lines:
        if line.qty not in (1, -1):
            raise ValueError(f"serial {line.serial}: a serial line moves one unit")
        key = (line.product_id, line.serial)
        unit = units.get(key)
        if unit is None:
            unit = units[key] = [None, None, None, None, False, None]
        state, store = unit[1], unit[2]
        if line.qty < 0:
            wanted = SELLABLE if line.bucket is Bucket.ON_HAND else (UnitState.IN_TRANSIT,)
            if state not in wanted or store != line.store_id:
                if state is None:
                    raise UserError("stock.serial_unknown", serial=line.serial)
                raise _out_refusal(run, unit, line)
        else:
            if state is not None and not unit[4] and state not in (
                    UnitState.WRITTEN_OFF, UnitState.REPAIR):
                raise unit_refusal(run, _Unit(unit), serial=line.serial,
                                   store_id=line.store_id, receiving=True)
        unit[1] = unit_state_after(from_sale=False, bucket=line.bucket, qty=line.qty,
                                   reason=line.reason)
        unit[2], unit[3] = line.store_id, None
        unit[4] = line.qty < 0  # taken out by this document: it may come in again
        unit[5] = move_ids[line.position]
    run.many(MOVE_UNIT, [{"unit_id": u[0], "state": u[1], "store_id": u[2],
                           "sale_line_id": None, "last_move_id": u[5]}
                          for u in units.values() if u[0] is not None])
    run.many(NEW_UNIT, [{"product_id": key[0], "serial": key[1], "state": u[1],
                          "store_id": u[2], "sale_line_id": None, "last_move_id": u[5]}
                         for key, u in units.items() if u[0] is None])


_UNITS_CHUNK = 500  # serials whose units one statement reads


def _units_of(conn, keys: set[tuple[int, str]]) -> dict[tuple[int, str], UnitRow]:
    """The units of these (product, serial) keys that exist, read a chunk at a time
    (a delivery of 10,000 serials is 20 statements, not 10,000)."""
    found: dict[tuple[int, str], UnitRow] = {}
    ordered = sorted(keys)
    for start in range(0, len(ordered), _UNITS_CHUNK):
        serials = sorted({serial for _, serial in ordered[start:start + _UNITS_CHUNK]})
        for row in conn.execute(select(
                UNITS.c.product_id, UNITS.c.serial, UNITS.c.id, UNITS.c.state, UNITS.c.store_id,
                UNITS.c.sale_line_id).where(UNITS.c.serial.in_(serials))):
            if (row[0], row[1]) in keys:
                found[(row[0], row[1])] = UnitRow(row[2], row[3], row[4], row[5])
    return found


class _Unit:
    def __init__(self, unit: list):
        self.id, self.state, self.store_id, self.sale_line_id = unit[0], unit[1], unit[2], unit[3]


def _out_refusal(run, unit: list, line: StockLine) -> UserError:
    if unit[1] in SELLABLE or unit[1] is UnitState.IN_TRANSIT or unit[1] is UnitState.SOLD:
        return unit_refusal(run, _Unit(unit), serial=line.serial, store_id=line.store_id)
    store = run.scalar(_STORE_CODE, {"id": line.store_id}) or ""
    return UserError("stock.serial_not_here", serial=line.serial, store=store)


# --- reading back ----------------------------------------------------------------------

LINE_ROW = tuple(MOVES.c[name] for name in (
    "position", "store_id", "product_id", "bucket", "qty", "serial", "unit_cost", "expected",
    "counted", "reason"))
_TRANSFER = DOCS.alias("transfer")
DOC_ROW = (select(DOCS, _TRANSFER.c.doc_no.label("transfer_no"))
           .outerjoin(_TRANSFER, _TRANSFER.c.id == DOCS.c.transfer_id))


def stock_from_rows(doc, line_rows: Iterable) -> StockDocument:
    """A stock document rebuilt from its row (DOC_ROW) and its movements (LINE_ROW, by
    position), as it would be sealed now."""
    return StockDocument(
        kind=StockDocKind(doc.kind), doc_no=doc.doc_no, store_id=doc.store_id,
        business_date=doc.business_date, posted_at=doc.posted_at, request_id=doc.request_id,
        lines=tuple(StockLine(position, store_id, product_id, Bucket(bucket), qty, serial,
                              unit_cost, expected, counted,
                              StockReason(reason) if reason is not None else None)
                    for (position, store_id, product_id, bucket, qty, serial, unit_cost,
                         expected, counted, reason) in line_rows),
        other_store_id=doc.other_store_id, transfer_no=doc.transfer_no, staff_id=doc.staff_id,
        terminal_id=doc.terminal_id, supplier=doc.supplier, supplier_ref=doc.supplier_ref,
        reason=StockReason(doc.reason) if doc.reason is not None else None, note=doc.note,
        scope=doc.scope, first_sale_id=doc.first_sale_id)


def load_stock_row(conn, doc_no: str):
    return conn.execute(DOC_ROW.where(DOCS.c.doc_no == doc_no)).first()


def load_stock_document(conn, doc_no: str) -> StockDocument | None:
    doc = load_stock_row(conn, doc_no)
    if doc is None:
        return None
    return stock_from_rows(doc, conn.execute(select(*LINE_ROW).where(
        MOVES.c.doc_id == doc.id).order_by(MOVES.c.position)).all())
