"""What can conflict between stores, flagged for a manager as it arrives, never dropped.

Documents are the stores' own and never merge; what can still go wrong across the chain:
- the same serial sold at two stores while both were offline: head office keeps every
  serial sold (`hq_serials`, by store) and raises `serial_twice` once per serial and set
  of stores;
- a store's stock below zero: `stock_negative`, once per store and product until it is
  back at zero or more (then that alert is resolved by the sync);
- a store clock far off head office's (more than SKEW_LIMIT_S): `clock_skew`, at most one
  open per store. The documents keep their own times.

Every alert's detail is the params of the message `hq.<kind>` (JSON).
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, delete, select, text, update
from sqlalchemy.dialects.postgresql import insert

from pos.db.models import HqAlert, HqSerial
from pos.hq.replica import replica_table
from pos.kernel.clock import utcnow
from pos.kernel.enums import UnitState

SKEW_LIMIT_S = 300
_SERIAL_LOCKS = 7_410_023  # the advisory locks' space for serials being recorded
_ALERTS = HqAlert.__table__
_SERIALS = HqSerial.__table__


def flag(conn: Connection, code: str, batch, *, skew: int) -> None:
    """Flag what this batch of store `code` brings (inside its transaction)."""
    _serials(conn, code, batch.upserts.get("serial_units", ()))
    _stock(conn, code, batch.upserts.get("store_stock", ()))
    if abs(skew) > SKEW_LIMIT_S and not _open(conn, code, "clock_skew"):
        _alert(conn, code, "clock_skew", {"store": code, "seconds": skew})


def _alert(conn: Connection, code: str, kind: str, detail: dict) -> None:
    conn.execute(_ALERTS.insert().values(store_code=code, kind=kind, at=utcnow(),
                                         detail=json.dumps(detail, ensure_ascii=False)))


def _open(conn: Connection, code: str, kind: str) -> list:
    """The store's open alerts of this kind: (id, detail as a dict)."""
    return [(row.id, json.loads(row.detail or "{}")) for row in conn.execute(
        select(_ALERTS.c.id, _ALERTS.c.detail).where(
            _ALERTS.c.store_code == code, _ALERTS.c.kind == kind,
            _ALERTS.c.resolved_at.is_(None)))]


def _serials(conn: Connection, code: str, rows) -> None:
    if not rows:
        return
    sold = [row for row in rows if row["state"] == UnitState.SOLD]
    unsold = {row["serial"] for row in rows if row["state"] != UnitState.SOLD}
    unsold -= {row["serial"] for row in sold}
    if unsold:
        conn.execute(delete(_SERIALS).where(_SERIALS.c.store_code == code,
                                            _SERIALS.c.serial.in_(sorted(unsold))))
    if not sold:
        return
    # Two stores' batches selling one serial may arrive at once: each waits for the
    # other's commit on that serial, so the second sees the first's row (and its alert).
    conn.execute(text(
        "SELECT pg_advisory_xact_lock(:space, h) FROM (SELECT DISTINCT hashtext(s) AS h "
        "FROM unnest(CAST(:serials AS text[])) AS s ORDER BY h) AS keys"),
        {"space": _SERIAL_LOCKS, "serials": sorted({row["serial"] for row in sold})})
    receipts = _receipts(conn, code, [r["sale_line_id"] for r in sold if r["sale_line_id"]])
    values = [dict(serial=row["serial"], store_code=code,
                   sale_ref=receipts.get(row["sale_line_id"], ("", None))[0],
                   at=receipts.get(row["sale_line_id"], ("", None))[1]) for row in sold]
    stmt = insert(_SERIALS)
    conn.execute(stmt.on_conflict_do_update(
        index_elements=["serial", "store_code"],
        set_={"sale_ref": stmt.excluded.sale_ref, "at": stmt.excluded.at}), values)
    holders: dict[str, set[str]] = {}
    for serial, store in conn.execute(select(_SERIALS.c.serial, _SERIALS.c.store_code).where(
            _SERIALS.c.serial.in_(sorted({row["serial"] for row in sold})))):
        holders.setdefault(serial, set()).add(store)
    for serial, stores in sorted(holders.items()):
        if len(stores) < 2:
            continue
        named = ", ".join(sorted(stores))
        if not _flagged_twice(conn, serial, named):
            _alert(conn, code, "serial_twice", {"serial": serial, "stores": named})


def _flagged_twice(conn: Connection, serial: str, stores: str) -> bool:
    for (detail,) in conn.execute(select(_ALERTS.c.detail).where(
            _ALERTS.c.kind == "serial_twice",
            _ALERTS.c.detail.contains(json.dumps(serial, ensure_ascii=False),
                                      autoescape=True))):
        found = json.loads(detail or "{}")
        if found.get("serial") == serial and found.get("stores") == stores:
            return True
    return False


def _receipts(conn: Connection, code: str, line_ids: list[int]) -> dict:
    """sale line id -> (receipt number, sale's time), for the lines head office holds."""
    if not line_ids:
        return {}
    lines, sales = replica_table(code, "sale_lines"), replica_table(code, "sales")
    return {row.id: (row.receipt_no or "", row.completed_at) for row in conn.execute(
        select(lines.c.id, sales.c.receipt_no, sales.c.completed_at)
        .join(sales, sales.c.id == lines.c.sale_id).where(lines.c.id.in_(line_ids)))}


def _stock(conn: Connection, code: str, rows) -> None:
    if not rows:
        return
    open_ = {(d.get("store_id"), d.get("product_id")): alert_id
             for alert_id, d in _open(conn, code, "stock_negative")}
    negative = [row for row in rows if (row["on_hand"] or 0) < 0
                and (row["store_id"], row["product_id"]) not in open_]
    back = [open_[key] for key in ((r["store_id"], r["product_id"]) for r in rows
                                   if (r["on_hand"] or 0) >= 0) if key in open_]
    if back:
        conn.execute(update(_ALERTS).where(_ALERTS.c.id.in_(back)).values(
            resolved_at=utcnow(), resolved_by="sync: stock back to zero or more"))
    if not negative:
        return
    skus = _skus(conn, code, [row["product_id"] for row in negative])
    for row in negative:
        _alert(conn, code, "stock_negative", {
            "store": code, "quantity": row["on_hand"], "sku": skus.get(row["product_id"], "?"),
            "store_id": row["store_id"], "product_id": row["product_id"]})


def _skus(conn: Connection, code: str, ids: list[int]) -> dict[int, str]:
    products = replica_table(code, "products")
    return dict(conn.execute(select(products.c.id, products.c.sku)
                             .where(products.c.id.in_(ids))).all())

