"""Head office's staff and settings applied at a store (issue 21), inside the pull's
transaction (pos.sync.pull), through the store's sealed paths: every change leaves the
store's journal a staff or setting record, as `pos staff add` and `pos settings set` do,
so `pos journal verify` still holds.

Staff, by name: head office's role and active flag; a name corrected at head office
renames the store's person (id and PIN kept); a person deleted there is deactivated here.
A person new to the store arrives with no PIN (pos.people.staff.NO_PIN: head office's PIN
hashes are its own key's and never travel); they cannot log in until a manager sets their
PIN here (`pos staff set-pin`, pos.people.staff.set_pin). A person deactivated at head
office is deactivated here (one the store has not got is made inactive, so what names them
holds); the store's own staff, whom head office has not got, are left alone.

Settings, by key: head office's value, checked by this store's own rule for the key; a
value the store refuses refuses the whole pull (nothing applied). The settings about this
store and its machines (master_keys.STORE_LOCAL_SETTINGS) are never applied, and a key
this store's version does not know is left out (as the store ignores a retired key).
Nothing is written, and nothing sealed, when the store already holds head office's values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, select, update
from sqlalchemy.orm import Session

from pos.db.models import Staff
from pos.kernel.enums import StaffRole
from pos.kernel.errors import UserError
from pos.kernel.messages import msg
from pos.ledger import audit, facts
from pos.people import staff as people
from pos.store import settings as store_settings
from pos.store.setting_rules import shown, validate
from pos.sync.master_keys import STORE_LOCAL_SETTINGS, MasterBatch

__all__ = ["STORE_LOCAL_SETTINGS", "PeopleApplied", "apply_people"]

FROM_HQ = "head office"  # who changed it, in the audit


@dataclass
class PeopleApplied:
    inserted: int = 0  # staff new to the store
    updated: int = 0  # staff whose role or active flag changed, settings changed
    deactivated: int = 0  # staff deactivated as head office did


def apply_people(conn: Connection, batch: MasterBatch) -> PeopleApplied:
    """Apply the batch's staff and settings; raises UserError (the caller rolls back)."""
    done = PeopleApplied()
    staff_rows = [_staff_row(row) for row in batch.rows.get("staff", ())]
    with Session(bind=conn, join_transaction_mode="rollback_only") as session:
        for old, new in batch.renames.get("staff", ()):
            _rename_staff(conn, done, old[0], new[0])
        for name, role, active in staff_rows:
            _apply_staff(session, done, name, role, active)
        for (name,) in batch.deletes.get("staff", ()):
            _change_staff(conn, done, name, active=False)
        session.flush()
        # checked once the staff are in (a scheme names them), every one before any is written
        for key, value in _settings(conn, batch.rows.get("settings", ())):
            old = store_settings.get_setting(session, key)
            if value == old:
                continue
            store_settings.set_setting(session, key, value)
            audit.record(conn, staff_id=None, action="setting_changed", ref=key,
                         details={"key": key, "old": old, "new": value, "by": FROM_HQ})
            done.updated += 1
        session.flush()
    return done


def _staff_row(row: dict) -> tuple[str, StaffRole, bool]:
    name = row.get("name")
    if not isinstance(name, str) or not name.strip():
        raise UserError("sync.master_bad_row", table="staff", key="?", field="name")
    if not isinstance(row.get("active"), bool):
        raise UserError("sync.master_bad_row", table="staff", key=name, field="active")
    try:
        role = StaffRole(row.get("role"))
    except ValueError:
        raise UserError("sync.master_bad_staff", name=name, role=str(row.get("role"))[:40]) \
            from None
    return name, role, row["active"]


def _held(conn: Connection, name: str):
    return conn.execute(select(Staff.__table__).where(Staff.name == name)
                        .with_for_update()).first()


def _apply_staff(session: Session, done: PeopleApplied, name: str, role: StaffRole,
                 active: bool) -> None:
    conn = session.connection()
    if _held(conn, name) is None:
        # made even when inactive at head office: a setting may name them (a commission
        # scheme's staff), and the store's rule checks the names it holds
        people.insert_staff(session, name=name, role=role, pin_hash=people.NO_PIN, by=None)
        done.inserted += 1
        if active:
            return
        done = PeopleApplied()  # their deactivation is part of being made: not counted
    _change_staff(conn, done, name, role=role, active=active)


def _change_staff(conn: Connection, done: PeopleApplied, name: str, *,
                  role: StaffRole | None = None, active: bool) -> None:
    """Head office's role and active flag (a person gone at head office: inactive), sealed;
    nothing written when the store holds them already or does not have the person."""
    held = _held(conn, name)
    role = held.role if held is not None and role is None else role
    if held is None or (held.role == role and bool(held.active) == active):
        return
    conn.execute(update(Staff).where(Staff.id == held.id).values(role=role, active=active))
    audit.record(conn, staff_id=None, action="staff_changed", ref=name,
                 details={"role": role.value, "active": active, "by": FROM_HQ})
    facts.seal_staff(conn, by=None, staff_id=held.id, name=held.name, role=role,
                     active=active, pin_hash=held.pin_hash)
    if held.active and not active:
        done.deactivated += 1
    else:
        done.updated += 1


def _rename_staff(conn: Connection, done: PeopleApplied, old: str, new: str) -> None:
    """A name corrected at head office: the store's person keeps their id and PIN."""
    if not isinstance(new, str) or not new.strip() or len(new) > people.NAME_MAX:
        raise UserError("sync.master_bad_row", table="staff", key=str(old)[:40], field="name")
    held = _held(conn, old)
    if held is None or _held(conn, new) is not None:
        return  # not here, or the new name is here already: the rows come as they are
    conn.execute(update(Staff).where(Staff.id == held.id).values(name=new))
    audit.record(conn, staff_id=None, action="staff_changed", ref=new,
                 details={"name": new, "was": old, "by": FROM_HQ})
    facts.seal_staff(conn, by=None, staff_id=held.id, name=new, role=held.role,
                     active=held.active, pin_hash=held.pin_hash)
    done.updated += 1


def _settings(conn: Connection, rows) -> list[tuple[str, object]]:
    """Head office's settings this store takes, each checked by the store's rule (all of
    them before anything is written)."""
    taken = []
    for row in rows:
        key = row.get("key")
        if key in STORE_LOCAL_SETTINGS or key not in store_settings.DEFAULTS:
            continue
        text = row.get("value_json")
        try:
            value = json.loads(text)
        except (TypeError, ValueError, RecursionError):
            raise UserError("sync.master_bad_setting", key=key, reason=msg(
                "setting.unreadable", key=key, text=shown(str(text)))) from None
        try:
            taken.append((key, validate(key, value, conn)))
        except UserError as refusal:
            raise UserError("sync.master_bad_setting", key=key, reason=refusal.as_message(),
                            details=refusal.details) from None
    return taken
