"""Staff members and their PINs.

A PIN is kept only as a salted scrypt hash of the PIN peppered with a key that is not in
the database (pos.db.keyfile, purpose "pins"): a copied staff table cannot be guessed
offline without the store's key file as well. Hashes written before the pepper
(`scrypt$N$r$p$salt$hash`) still verify and are re-hashed peppered at the next good PIN.

New PINs are refused when trivial (a repeat, a run like 1234 or 9876, a year, a well-known
PIN), and the store may require longer PINs per role (setting `pin_min_digits`).

Wrong PINs are counted atomically on every database: the staff row is locked (FOR UPDATE
on PostgreSQL; SQLite's write transaction) while the PIN is checked, so simultaneous
guesses queue, each sees the count the one before left, and the sixth is refused as
locked without being checked."""

from __future__ import annotations

import hashlib
import json
import hmac
import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from sqlalchemy import select, update

from pos.db.engine import Database
from pos.db.keyfile import derived_key, key_id
from pos.db.models import Setting, Staff
from pos.kernel.clock import utcnow
from pos.kernel.enums import StaffRole
from pos.kernel.errors import UserError
from pos.kernel.text import clean_text
from pos.ledger import audit, facts
from pos.people import permissions

LOCK_AFTER = 5  # wrong PINs in a row before the login locks
LOCK_SECONDS = 30  # the first lock; each further miss doubles it
LOCK_MAX_SECONDS = 3600

# scrypt cost: ~50 ms per check on a till, which makes guessing a stolen hash slow.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
PIN_MIN, PIN_MAX = 4, 8
NAME_MAX = 120  # staff.name
PEPPERED = "scrypt-pepper"  # PEPPERED$key id$N$r$p$salt$hash
PLAIN = "scrypt"  # before the pepper: scrypt$N$r$p$salt$hash
# A staff member who has no PIN at this store yet (one head office added: its PIN hash is
# head office's key's and never comes down); a manager sets it here with `set_pin`. Empty:
# no text is ever mistaken for it (the support bundle's scrub skips empty hashes).
NO_PIN = ""

# PINs people pick most that no rule below catches (DataGenetics' and others' counts).
COMMON_PINS = frozenset({
    "1004", "2580", "0852", "1379", "1397", "7913", "9731", "1470", "0741", "3690", "0963",
    "5683", "0007", "1122", "2211", "1313", "6969", "1010", "2020", "520520", "5201314",
    "112233", "121212", "123321", "147258", "159753", "147852", "258456", "1357", "2468",
    "13579", "24680", "1337", "007007", "8520", "0258",
})


@dataclass(frozen=True)
class StaffInfo:
    id: int
    name: str
    role: StaffRole
    active: bool


# --- hashing ---------------------------------------------------------------------------


def hash_pin(pin: str) -> str:
    """A new hash of the PIN, peppered with the store's key."""
    check_pin_format(pin)
    salt = secrets.token_bytes(16)
    digest = _scrypt(_peppered(pin), salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"{PEPPERED}${key_id()}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def pin_is_set(stored: str | None) -> bool:
    """Whether a staff row holds a PIN at all (not empty, not NO_PIN)."""
    return bool(stored) and stored != NO_PIN


def pin_matches(pin: str, stored: str) -> bool:
    """Whether the PIN is the one `stored` was made from (peppered or from before)."""
    if not pin_is_set(stored):
        return False
    parts = stored.split("$")
    try:
        if parts[0] == PEPPERED and len(parts) == 7:
            _, stored_key, n, r, p, salt_hex, digest_hex = parts
            if stored_key != key_id():
                raise UserError("staff.other_key")
            secret = _peppered(pin)
        elif parts[0] == PLAIN and len(parts) == 6:
            _, n, r, p, salt_hex, digest_hex = parts
            secret = pin.encode()
        else:
            return False
        digest = _scrypt(secret, bytes.fromhex(salt_hex), int(n), int(r), int(p))
        return hmac.compare_digest(digest, bytes.fromhex(digest_hex))
    except ValueError:  # a damaged hash matches nothing
        return False


def needs_rehash(stored: str) -> bool:
    """A hash from before the pepper, or with an older cost: re-hash at the next good PIN."""
    parts = stored.split("$")
    return not (parts[0] == PEPPERED and len(parts) == 7
                and parts[2:5] == [str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P)])


def _peppered(pin: str) -> bytes:
    return hmac.new(derived_key("pins"), pin.encode(), hashlib.sha256).digest()


def _scrypt(secret: bytes, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024)


# --- which PINs are allowed -------------------------------------------------------------


def check_pin_format(pin: str) -> None:
    if not (isinstance(pin, str) and pin.isascii() and pin.isdigit()
            and PIN_MIN <= len(pin) <= PIN_MAX):
        raise UserError("staff.pin_format", min=PIN_MIN, max=PIN_MAX)


def pin_is_trivial(pin: str, *, today: date | None = None) -> bool:
    """A PIN anyone would try early: one digit repeated (1111), a shorter block repeated
    (1212, 123123), pairs (112233), a run up or down by one or two (1234, 9876, 2468,
    7890), a year (1900 to next year), a date of birth, or one of the best-known PINs."""
    year = (today or date.today()).year
    length = len(pin)
    if pin in COMMON_PINS:
        return True
    for block in range(1, length // 2 + 1):  # 1111, 1212, 123123
        if length % block == 0 and pin == pin[:block] * (length // block):
            return True
    if length % 2 == 0 and all(pin[i] == pin[i + 1] for i in range(0, length, 2)):
        return True  # 1122, 112233
    digits = [int(ch) for ch in pin]
    steps = {(b - a) % 10 for a, b in pairwise(digits)}
    if len(steps) == 1 and steps.pop() in (1, 2, 8, 9):  # 1234, 2468, 9876, 8642, 7890
        return True
    if length == 4 and 1900 <= int(pin) <= year + 1:  # a year: a birthday's, this one
        return True
    return _is_date(pin, year)


def _is_date(pin: str, year: int) -> bool:
    """MMYYYY, YYYYMM, DDMMYYYY, MMDDYYYY or YYYYMMDD of a date from 1900 to next year."""
    def valid(y: str, m: str, d: str = "01") -> bool:
        return 1900 <= int(y) <= year + 1 and 1 <= int(m) <= 12 and 1 <= int(d) <= 31

    if len(pin) == 6:
        return valid(pin[2:], pin[:2]) or valid(pin[:4], pin[4:])
    if len(pin) == 8:
        return (valid(pin[4:], pin[2:4], pin[:2]) or valid(pin[4:], pin[:2], pin[2:4])
                or valid(pin[:4], pin[4:6], pin[6:]))
    return False


def check_new_pin(conn, pin: str, role: StaffRole) -> None:
    """The rules a PIN must meet when it is set: digits, not trivial, and as long as the
    store asks for this role."""
    check_pin_format(pin)
    if pin_is_trivial(pin):
        raise UserError("staff.pin_trivial")
    digits = _min_digits(conn, role)
    if len(pin) < digits:
        raise UserError("staff.pin_too_short", role=permissions.ROLE_NAMES[role.value],
                        digits=digits)


def _min_digits(conn, role: StaffRole) -> int:
    """The store's setting `pin_min_digits` for this role (its default, every role 4, is
    in pos.store.settings.DEFAULTS; read here directly, as people sit beside the store
    in the layers and do not import it)."""
    text = conn.execute(select(Setting.value_json).where(Setting.key == "pin_min_digits")).scalar()
    try:
        value = int(json.loads(text).get(role.value, PIN_MIN)) if text else PIN_MIN
    except (ValueError, TypeError, AttributeError):
        value = PIN_MIN
    return min(max(value, PIN_MIN), PIN_MAX)


# --- staff ------------------------------------------------------------------------------


def add_staff(db: Database, *, name: str, role: str | StaffRole, pin: str,
              by_staff_id: int | None = None, approval_id: int | None = None,
              demo_pin: bool = False) -> StaffInfo:
    """Add a staff member. From the app, `by_staff_id` is who is doing it and needs the
    staff-administration right; the `pos` command line is the machine administrator's.
    `demo_pin`: only the demo store (pos.demo) sets it, to keep the PINs its README
    prints (1111, 2222, 9999), which are refused anywhere else."""
    name = clean_text(name, max_length=NAME_MAX, field="field.name")
    if not name:
        raise UserError("staff.needs_name")
    try:
        role = StaffRole(role) if not isinstance(role, StaffRole) else role
    except ValueError:
        raise UserError("staff.unknown_role", role=role,
                        allowed=[r.value for r in StaffRole]) from None
    check_pin_format(pin)
    if not demo_pin:
        with db.read_connection() as conn:
            check_new_pin(conn, pin, role)
    pin_hash = hash_pin(pin)  # ~50 ms: before the write transaction, not inside it
    with db.unit_of_work() as session:
        conn = session.connection()
        if by_staff_id is not None:
            permissions.authorise(conn, action="staff_admin", ref=name, staff_id=by_staff_id,
                                  approval_id=approval_id)
        return insert_staff(session, name=name, role=role, pin_hash=pin_hash, by=by_staff_id)


def insert_staff(session, *, name: str, role: StaffRole, pin_hash: str,
                 by: int | None) -> StaffInfo:
    """Inside the caller's transaction: a new active staff member (name and PIN already
    checked, the PIN hashed), audited and sealed; a name already taken is refused.
    add_staff's write, and the first-run setup's (pos.setup), whose administrator is
    created in the store's own transaction."""
    conn = session.connection()
    if session.scalar(select(Staff.id).where(Staff.name == name)) is not None:
        raise UserError("staff.name_taken", name=name)
    staff = Staff(name=name, role=role, pin_hash=pin_hash, active=True)
    session.add(staff)
    session.flush()
    audit.record(conn, staff_id=by, action="staff_added", ref=name,
                 details={"role": role.value})
    facts.seal_staff(conn, by=by, staff_id=staff.id, name=staff.name,
                     role=staff.role, active=staff.active, pin_hash=staff.pin_hash)
    return StaffInfo(staff.id, staff.name, staff.role, staff.active)


def change_pin(db: Database, *, staff_id: int, pin: str, new_pin: str) -> None:
    """A staff member changes their own PIN (the old one first), to one the store's rules
    allow: how a manager moves to the longer PIN the store may require."""
    verify_pin(db, staff_id=staff_id, pin=pin)
    check_pin_format(new_pin)
    with db.read_connection() as conn:
        role = conn.execute(select(Staff.role).where(Staff.id == staff_id)).scalar_one()
        check_new_pin(conn, new_pin, role)
    _store_hash(db, staff_id, hash_pin(new_pin), by=staff_id, action="pin_changed")


def set_pin(db: Database, *, staff_id: int, new_pin: str, by_staff_id: int | None = None,
            approval_id: int | None = None) -> StaffInfo:
    """Set an active staff member's PIN without the old one: the first PIN of someone head
    office added (a manager or an administrator may), or a forgotten one replaced (staff
    administration). `by_staff_id` None is the `pos` command (the machine administrator's).
    Written, audited and sealed in one transaction; the wrong-PIN count starts again."""
    check_pin_format(new_pin)
    with db.read_connection() as conn:
        role = conn.execute(select(Staff.role).where(Staff.id == staff_id,
                                                     Staff.active.is_(True))).scalar()
        if role is None:
            raise UserError("staff.no_such")
        check_new_pin(conn, new_pin, role)
    pin_hash = hash_pin(new_pin)  # ~50 ms: before the write transaction
    with db.write_connection() as conn:
        row = conn.execute(select(_STAFF).where(_STAFF.c.id == staff_id, _STAFF.c.active.is_(True))
                           .with_for_update()).first()
        if row is None:
            raise UserError("staff.no_such")
        if by_staff_id is not None:
            by_role = conn.execute(select(Staff.role).where(
                Staff.id == by_staff_id, Staff.active.is_(True))).scalar()
            if pin_is_set(row.pin_hash) or by_role not in (StaffRole.MANAGER, StaffRole.ADMIN):
                permissions.authorise(conn, action="staff_admin", ref=row.name,
                                      staff_id=by_staff_id, approval_id=approval_id)
        conn.execute(update(_STAFF).where(_STAFF.c.id == staff_id)
                     .values(pin_hash=pin_hash, failed_pins=0, locked_until=None))
        audit.record(conn, staff_id=by_staff_id, action="pin_set", ref=row.name,
                     details={"first": not pin_is_set(row.pin_hash)})
        facts.seal_staff(conn, by=by_staff_id, staff_id=row.id, name=row.name, role=row.role,
                         active=row.active, pin_hash=pin_hash)
        return StaffInfo(row.id, row.name, row.role, row.active)


def list_staff(db: Database, *, include_inactive: bool = False) -> list[StaffInfo]:
    with db.read() as session:
        query = select(Staff).order_by(Staff.name)
        if not include_inactive:
            query = query.where(Staff.active.is_(True))
        return [StaffInfo(s.id, s.name, s.role, s.active) for s in session.scalars(query)]


_STAFF = Staff.__table__


def verify_pin(db: Database, *, staff_id: int, pin: str) -> StaffInfo:
    """The staff member if the PIN is theirs; a UserError otherwise (the same message for
    an unknown person and a wrong PIN, so the message gives nothing away). After five
    wrong PINs in a row the login is locked, for longer after each further miss.

    The row stays locked from reading the count to writing it back, PIN check included,
    so simultaneous attempts queue: each counts, and none is checked once locked."""
    refusal = None
    rehash = None
    with db.write_connection() as conn:
        staff = conn.execute(select(_STAFF).where(_STAFF.c.id == staff_id)
                             .with_for_update()).first()
        if staff is None or not staff.active or not isinstance(pin, str):
            raise UserError("staff.wrong_pin")
        now = utcnow()
        if not pin_is_set(staff.pin_hash):  # not a wrong PIN: none to match, none counted
            raise UserError("staff.no_pin", name=staff.name)
        if staff.locked_until is not None and staff.locked_until > now:
            seconds = int((staff.locked_until - now).total_seconds()) + 1
            refusal = UserError("staff.locked", name=staff.name, seconds=seconds)
        elif not pin_matches(pin, staff.pin_hash):
            failed = staff.failed_pins + 1  # the row is ours: no other attempt read it
            locked_until = None
            if failed >= LOCK_AFTER:
                delay = LOCK_SECONDS * 2 ** min(failed - LOCK_AFTER, 12)
                locked_until = now + timedelta(seconds=min(delay, LOCK_MAX_SECONDS))
            conn.execute(update(_STAFF).where(_STAFF.c.id == staff_id)
                         .values(failed_pins=failed, locked_until=locked_until))
            audit.record(conn, staff_id=staff.id, action="failed_login", ref=staff.name,
                         details={"failed_in_a_row": failed})
            refusal = UserError("staff.wrong_pin")
        else:
            if staff.failed_pins or staff.locked_until is not None:
                conn.execute(update(_STAFF).where(_STAFF.c.id == staff_id)
                             .values(failed_pins=0, locked_until=None))
            rehash = needs_rehash(staff.pin_hash)
            info = StaffInfo(staff.id, staff.name, staff.role, staff.active)
    if refusal is not None:  # raised after the commit, so the count of misses is kept
        raise refusal
    if rehash:
        _store_hash(db, staff_id, hash_pin(pin), by=staff_id, action=None,
                    replacing=staff.pin_hash)
    return info


def _store_hash(db: Database, staff_id: int, pin_hash: str, *, by: int | None,
                action: str | None, replacing: str | None = None) -> None:
    """Write a staff member's new PIN hash and seal the row (pos.ledger.facts) in the same
    transaction. `replacing`: only if the hash is still that one (a re-hash at login
    never overwrites a PIN changed meanwhile)."""
    with db.write_connection() as conn:
        query = update(_STAFF).where(_STAFF.c.id == staff_id)
        if replacing is not None:
            query = query.where(_STAFF.c.pin_hash == replacing)
        if conn.execute(query.values(pin_hash=pin_hash)).rowcount != 1:
            return
        row = conn.execute(select(_STAFF).where(_STAFF.c.id == staff_id)).one()
        if action is not None:
            audit.record(conn, staff_id=by, action=action, ref=row.name)
        facts.seal_staff(conn, by=by, staff_id=row.id, name=row.name, role=row.role,
                         active=row.active, pin_hash=row.pin_hash)
