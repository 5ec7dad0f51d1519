"""The stores of a chain: each a row of `stores` with its code (S01, S02...), which
numbers its stock documents (S02-GR-000001) and names it in stock and reports. A store
added is an audit event sealed in the journal (`store_added`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select

from pos.db.engine import Database
from pos.db.models import Store, Terminal
from pos.kernel.errors import UserError
from pos.kernel.text import clean_text
from pos.ledger import audit

CODE = re.compile(r"[A-Za-z0-9-]{1,20}")
MAX_NAME = Store.name.type.length
MAX_ADDRESS = Store.address.type.length


@dataclass(frozen=True, slots=True)
class StoreRow:
    code: str
    name: str
    address: str
    terminals: int


def add_store(db: Database, *, code: str, name: str, address: str = "",
              staff_id: int | None = None) -> StoreRow:
    """A new store: its code 1 to 20 letters, digits or dashes (kept in upper case), not
    taken; its name required. The store keeps the currency and language of the first
    store (one chain, one currency)."""
    code = (code or "").strip().upper()
    if not CODE.fullmatch(code):
        raise UserError("store.code_invalid")
    name = clean_text(name, max_length=MAX_NAME, field="field.store_name")
    if not name:
        raise UserError("store.name_required")
    address = clean_text(address, max_length=MAX_ADDRESS, field="field.address")
    with db.write_connection() as conn:
        if conn.execute(select(Store.id).where(func.upper(Store.code) == code)).first():
            raise UserError("store.exists", store=code)
        first = conn.execute(select(Store.currency, Store.locale).order_by(Store.id)
                             .limit(1)).first()
        values = {"code": code, "name": name, "address": address, "phone": "", "tax_id": "",
                  "receipt_footer": ""}
        if first is not None:
            values.update(currency=first.currency, locale=first.locale)
        conn.execute(Store.__table__.insert().values(**values))
        audit.record(conn, staff_id=staff_id, action="store_added", ref=code,
                     details={"code": code, "name": name, "address": address})
    return StoreRow(code, name, address, 0)


def list_stores(db: Database) -> list[StoreRow]:
    """Every store, by code, with how many tills it has."""
    with db.read_connection() as conn:
        tills = (select(func.count()).where(Terminal.store_id == Store.id)
                 .scalar_subquery())
        return [StoreRow(*row) for row in conn.execute(
            select(Store.code, Store.name, Store.address, tills).order_by(Store.code))]
