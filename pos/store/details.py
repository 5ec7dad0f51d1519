"""The store's own details, its terminals, and which terminal this machine is."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import select

from pos.db.engine import Database

# Which terminal this is has to be known before the database layer loads (pos.db.location).
from pos.db.location import DEFAULT_TERMINAL, ENV_TERMINAL, this_terminal  # noqa: F401
from pos.db.models import Store, Terminal
from pos.kernel.errors import UserError

EDITABLE = ("name", "address", "phone", "tax_id", "currency", "locale", "receipt_footer")


@dataclass(frozen=True)
class StoreInfo:
    code: str
    name: str
    address: str
    phone: str
    tax_id: str
    currency: str
    locale: str
    receipt_footer: str
    terminal: str


def ensure_store(db: Database, *, code: str = "S01", name: str = "Tickbox store",
                 terminal: str = DEFAULT_TERMINAL, **details: str) -> None:
    """Create the store and the terminal if they do not exist yet (idempotent)."""
    with db.unit_of_work() as session:
        store = session.scalar(select(Store).where(Store.code == code))
        if store is None:
            store = Store(code=code, name=name, **details)
            session.add(store)
            session.flush()
        if session.scalar(select(Terminal).where(Terminal.code == terminal)) is None:
            session.add(Terminal(code=terminal, store_id=store.id, name=terminal))


def store_info(db: Database, *, terminal: str) -> StoreInfo:
    with db.read() as session:
        row = session.execute(
            select(Store, Terminal).join(Terminal).where(Terminal.code == terminal)
        ).first()
        if row is None:
            raise UserError("terminal.not_set_up_hint", terminal=terminal)
        store = row[0]
        values = {f.name: getattr(store, f.name) for f in fields(StoreInfo) if f.name != "terminal"}
        return StoreInfo(**values, terminal=terminal)


@dataclass(frozen=True)
class StoreTills:
    """A store and its tills (code, name), for choosing what a report covers."""

    code: str
    name: str
    terminals: tuple[tuple[str, str], ...]


def stores_and_tills(db: Database) -> list[StoreTills]:
    """Every store on the database with its terminals, by code."""
    with db.read_connection() as conn:
        stores = conn.execute(select(Store.id, Store.code, Store.name).order_by(Store.code)).all()
        tills = conn.execute(select(Terminal.store_id, Terminal.code, Terminal.name)
                             .order_by(Terminal.code)).all()
    return [StoreTills(code, name, tuple((t_code, t_name) for store_id, t_code, t_name in tills
                                         if store_id == sid)) for sid, code, name in stores]


def update_store(db: Database, *, terminal: str, **changes: str) -> StoreInfo:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        from pos.store.settings import DEFAULTS

        if unknown & set(DEFAULTS):  # margin_threshold_bp=800: `pos settings set` changes it
            raise UserError("store.is_a_setting", names=sorted(unknown & set(DEFAULTS)))
        raise UserError("store.unknown_settings", names=sorted(unknown))
    if "currency" in changes and (len(changes["currency"]) != 3 or not changes["currency"].isalpha()):
        raise UserError("store.currency")
    with db.unit_of_work() as session:
        store = session.scalar(select(Store).join(Terminal).where(Terminal.code == terminal))
        if store is None:
            raise UserError("terminal.not_set_up", terminal=terminal)
        for key, value in changes.items():
            setattr(store, key, value.upper() if key == "currency" else value)
        from pos.ledger import audit

        audit.record(session.connection(), staff_id=None, action="settings_change",
                     ref=f"store {store.code}", details=changes)
    return store_info(db, terminal=terminal)
