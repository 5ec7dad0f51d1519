"""Staff members and their PINs. A PIN is kept only as a salted scrypt hash."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import Staff
from pos.kernel.clock import utcnow
from pos.kernel.enums import StaffRole
from pos.kernel.errors import UserError
from pos.ledger import audit, facts
from pos.people import permissions

LOCK_AFTER = 5  # wrong PINs in a row before the login locks
LOCK_SECONDS = 30  # the first lock; each further miss doubles it

# scrypt cost: ~50 ms per check on a till, which makes guessing a stolen hash slow.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
PIN_MIN, PIN_MAX = 4, 8


@dataclass(frozen=True)
class StaffInfo:
    id: int
    name: str
    role: StaffRole
    active: bool


def hash_pin(pin: str) -> str:
    check_pin_format(pin)
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(
        pin.encode(), salt=bytes.fromhex(salt_hex), n=int(n), r=int(r), p=int(p)
    )
    return hmac.compare_digest(digest, bytes.fromhex(digest_hex))


def check_pin_format(pin: str) -> None:
    if not (pin.isascii() and pin.isdigit() and PIN_MIN <= len(pin) <= PIN_MAX):
        raise UserError("staff.pin_format", min=PIN_MIN, max=PIN_MAX)


def add_staff(db: Database, *, name: str, role: str | StaffRole, pin: str,
              by_staff_id: int | None = None, approval_id: int | None = None) -> StaffInfo:
    """Add a staff member. From the app, `by_staff_id` is who is doing it and needs the
    staff-administration right; the `pos` command line is the machine administrator's."""
    name = name.strip()
    if not name:
        raise UserError("staff.needs_name")
    try:
        role = StaffRole(role) if not isinstance(role, StaffRole) else role
    except ValueError:
        raise UserError("staff.unknown_role", role=role,
                        allowed=[r.value for r in StaffRole]) from None
    pin_hash = hash_pin(pin)
    with db.unit_of_work() as session:
        conn = session.connection()
        if by_staff_id is not None:
            permissions.authorise(conn, action="staff_admin", ref=name, staff_id=by_staff_id,
                                  approval_id=approval_id)
        if session.scalar(select(Staff.id).where(Staff.name == name)) is not None:
            raise UserError("staff.name_taken", name=name)
        staff = Staff(name=name, role=role, pin_hash=pin_hash, active=True)
        session.add(staff)
        session.flush()
        audit.record(conn, staff_id=by_staff_id, action="staff_added", ref=name,
                     details={"role": role.value})
        facts.seal_staff(conn, by=by_staff_id, staff_id=staff.id, name=staff.name,
                         role=staff.role, active=staff.active, pin_hash=staff.pin_hash)
        return StaffInfo(staff.id, staff.name, staff.role, staff.active)


def list_staff(db: Database, *, include_inactive: bool = False) -> list[StaffInfo]:
    with db.read() as session:
        query = select(Staff).order_by(Staff.name)
        if not include_inactive:
            query = query.where(Staff.active.is_(True))
        return [StaffInfo(s.id, s.name, s.role, s.active) for s in session.scalars(query)]


def verify_pin(db: Database, *, staff_id: int, pin: str) -> StaffInfo:
    """The staff member if the PIN is theirs; a UserError otherwise (the same message for
    an unknown person and a wrong PIN, so the message gives nothing away). After five
    wrong PINs in a row the login is locked, for longer after each further miss."""
    refusal = None
    with db.unit_of_work() as session:
        staff = session.get(Staff, staff_id)
        if staff is None or not staff.active:
            raise UserError("staff.wrong_pin")
        now = utcnow()
        if staff.locked_until is not None and staff.locked_until > now:
            seconds = int((staff.locked_until - now).total_seconds()) + 1
            refusal = UserError("staff.locked", name=staff.name, seconds=seconds)
        elif not pin_matches(pin, staff.pin_hash):
            staff.failed_pins += 1
            if staff.failed_pins >= LOCK_AFTER:
                delay = LOCK_SECONDS * 2 ** (staff.failed_pins - LOCK_AFTER)
                staff.locked_until = now + timedelta(seconds=min(delay, 3600))
            audit.record(session.connection(), staff_id=staff.id, action="failed_login",
                         ref=staff.name, details={"failed_in_a_row": staff.failed_pins})
            refusal = UserError("staff.wrong_pin")
        else:
            staff.failed_pins, staff.locked_until = 0, None
            info = StaffInfo(staff.id, staff.name, staff.role, staff.active)
    if refusal is not None:  # raised after the commit, so the count of misses is kept
        raise refusal
    return info

