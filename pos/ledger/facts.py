"""Rows that state a fact without being a sale document: staff (who may do what, and
whose PIN opens the till), the store's settings (the discount limit...) and the stock a
catalog import sets. Each change to such a row is sealed in the journal as an audit
event carrying the row's sealed values, so `journal verify` can check every row against
the last sealed record of it (stock: the last stock set, less what sealed documents
sold since, plus what they took back).

A PIN hash is sealed as a digest of the hash (a fingerprint), never as the hash itself:
the audit trail is shown to managers and printed by `pos audit`."""

from __future__ import annotations

import hashlib

from pos.ledger import audit

STAFF_RECORD = "staff_record"
SETTING_RECORD = "setting"
STOCK_RECORD = "stock_set"


def pin_fingerprint(pin_hash: str) -> str:
    return hashlib.sha256(pin_hash.encode()).hexdigest()[:32]


def staff_values(*, staff_id: int, name: str, role, active: bool, pin_hash: str) -> dict:
    """What is sealed of a staff row."""
    return {"id": staff_id, "name": name, "role": getattr(role, "value", role),
            "active": bool(active), "pin": pin_fingerprint(pin_hash)}


def seal_staff(conn, *, by: int | None, staff_id: int, name: str, role, active: bool,
               pin_hash: str) -> None:
    """Inside the transaction that wrote a staff row: seal its values as they now are.
    Call it whenever a staff member's name, role, active flag or PIN hash changes."""
    audit.record(conn, staff_id=by, action=STAFF_RECORD, ref=str(staff_id),
                 details=staff_values(staff_id=staff_id, name=name, role=role, active=active,
                                      pin_hash=pin_hash))


def seal_setting(conn, *, by: int | None, key: str, value) -> None:
    """Inside the transaction that wrote a setting: seal its whole value."""
    audit.record(conn, staff_id=by, action=SETTING_RECORD, ref=key, details={"value": value})


def seal_stock(conn, *, by: int | None, stock: dict[int, int], source: str) -> None:
    """Inside the transaction that set products' stock (a catalog import): seal the
    quantities it set, product id -> stock. `source` says where they came from."""
    if stock:
        audit.record(conn, staff_id=by, action=STOCK_RECORD, ref=source[:60],
                     details={"products": len(stock),
                              "stock": {str(pid): qty for pid, qty in sorted(stock.items())}})
