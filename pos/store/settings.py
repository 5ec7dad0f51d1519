"""Store-wide tunables kept as JSON rows, each with its default written here, its rule in
pos.store.setting_rules, and one way to change it: `change_setting`, used by `pos
settings set` and the till's settings screen alike (a manager or an administrator, or
the `pos` command, which is the machine administrator's), audited and sealed.

A stored row whose key is no longer a setting (``commission_steps``, replaced by
``commission_schemes``) is ignored: nothing reads it, `pos settings list` does not show
it, and `journal verify` still checks it against its sealed value."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.engine import Database
from pos.db.models import Setting, Staff
from pos.kernel.enums import StaffRole
from pos.kernel.errors import UserError
from pos.kernel.messages import Message, msg
from pos.ledger import audit, facts
from pos.store import more_settings
from pos.store.setting_rules import EXPECTED, HELP, shown, validate

DEFAULTS: dict[str, object] = {
    # Largest line discount each role may give without a manager, in basis points.
    "discount_limit_bp": {"cashier": 1000, "installer": 1000, "manager": 10000, "admin": 10000,
                          "customer_manager": 1000},
    # The fewest digits a new PIN may have, per role (4 to 8): a store may ask its
    # managers and administrators for 6, which makes a guessed PIN a hundred times rarer.
    "pin_min_digits": {"cashier": 4, "installer": 4, "manager": 4, "admin": 4,
                       "customer_manager": 4},
    # Days a sale may stay on account: consumers 3 at most, business customers 30.
    "account_days": {"consumer": 3, "business": 30},
    # Printers per terminal code: {"T01": {"receipt": URI, "documents": URI, "paper_mm": 80,
    # "sheet_after_sale": true, "encoding": "gb18030"}}; see pos.printjobs.print_queue.
    "printers": {},
    # A line sold under this margin (basis points of its price) is "sold without profit".
    "margin_threshold_bp": 500,
    # Whether a sale may take a product's stock below zero (pos.selling refuses it if not).
    "allow_negative_stock": False,
    # Which serials the till sells: "strict", only units received into the store's stock;
    # "lenient", also one never seen before (pos.store.stock_setting).
    "serial_stock": "lenient",
    # Categories whose serials must be IMEIs (15 digits, Luhn check digit).
    "imei_categories": ["PHONE"],
    # Commission schemes, the chain's three stepped ones. Each: a code, a name, a basis
    # ("all" sales, "attach": accessories and services, or "categories" listed), the
    # period ("month"), steps [[sales reached in the period (fen), rate (bp)], ...] from
    # 0 up (the rate of the highest step reached applies), and who it pays: a staff
    # member named in "staff", else by the first scheme whose "roles" hold their role.
    "commission_schemes": [
        {"code": "adviser", "name": "Store sales advisers", "basis": "all", "categories": [],
         "period": "month", "steps": [[0, 500], [10_000_000, 1000]],
         "roles": ["cashier", "installer"], "staff": []},
        {"code": "customer-manager", "name": "Customer managers", "basis": "all",
         "categories": [], "period": "month",
         "steps": [[0, 1000], [20_000_000, 1500], [50_000_000, 2000]],
         "roles": ["manager"], "staff": []},
        {"code": "business-manager", "name": "Business sales managers", "basis": "all",
         "categories": [], "period": "month",
         "steps": [[0, 1000], [30_000_000, 2000], [60_000_000, 3000]],
         "roles": [], "staff": []},
    ],
    # Whether the close-shift count shows the expected cash before the count is in (a
    # blind count by default: pos.day.shifts.start_count).
    "close_shift_show_expected": False,
    # What the receipt's second QR code holds for the customer to ask for an e-invoice
    # (开票): the store's e-invoice web address or text, up to 300 characters; "" for none.
    "einvoice_qr": "",
    # Backups (pos.backup): how many are kept, a second folder that gets a copy of each
    # ("" for none), how often the open app takes one (hours; 0: only at every Z close).
    "backup_keep": 14,
    "backup_second_folder": "",
    "backup_interval_hours": 2,
    # Customer accounts, quotes, follow-up, service jobs (pos.store.more_settings).
    **more_settings.DEFAULTS,
}
VALUE_MAX = 20_000  # characters of a value as typed
MANAGERS = (StaffRole.MANAGER, StaffRole.ADMIN)
COMMAND_LINE = "pos command"  # who changed a setting from the `pos` command, in the audit


def get_setting(session_or_connection, key: str):
    """The setting's value, or its default; works inside a Session or a Core connection."""
    text = session_or_connection.execute(
        select(Setting.value_json).where(Setting.key == key)).scalar()
    # a copy: a caller that edits the value must not change the default for everyone
    return copy.deepcopy(DEFAULTS[key]) if text is None else json.loads(text)


def set_setting(session: Session, key: str, value, *, by: int | None = None) -> None:
    """Write a setting as it is (no rule checked: `change_setting` checks), sealed in the
    journal (pos.ledger.facts) in the same transaction, so `journal verify` notices a
    setting edited behind the store's back."""
    if key not in DEFAULTS:
        raise KeyError(key)
    row = session.get(Setting, key)
    text = json.dumps(value, sort_keys=True)
    if row is None:
        session.add(Setting(key=key, value_json=text))
    else:
        row.value_json = text
    session.flush()
    facts.seal_setting(session.connection(), by=by, key=key, value=json.loads(text))


# --- reading and changing them, for people ------------------------------------------------


@dataclass(frozen=True)
class SettingInfo:
    key: str
    value: object
    default: object
    help: Message  # one line: what it does
    expected: Message  # what it takes

    @property
    def overridden(self) -> bool:
        return self.value != self.default

    @property
    def text(self) -> str:
        """The value as JSON, as `pos settings set` and the settings screen take it."""
        return value_text(self.value)


@dataclass(frozen=True)
class SettingChange:
    key: str
    old: object
    new: object
    changed: bool  # False: the value was already this; nothing was written

    @property
    def message(self) -> Message:
        if not self.changed:
            return msg("setting.unchanged", key=self.key, value=shown(self.new))
        return msg("setting.changed", key=self.key, old=shown(self.old), new=shown(self.new))


def value_text(value, *, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False, indent=indent)


def list_settings(db: Database) -> list[SettingInfo]:
    """Every setting with its value now, in the order of DEFAULTS."""
    with db.read() as session:
        return [_info(key, get_setting(session, key)) for key in DEFAULTS]


def read_setting(db: Database, key: str) -> SettingInfo:
    check_key(key)
    with db.read() as session:
        return _info(key, get_setting(session, key))


def _info(key: str, value) -> SettingInfo:
    return SettingInfo(key, value, DEFAULTS[key], HELP[key], EXPECTED[key])


def check_key(key: str) -> None:
    if key not in DEFAULTS:
        raise UserError("setting.unknown", key=shown(key)[:40], known=list(DEFAULTS))


def parse_value(key: str, text: str) -> object:
    """What was typed, as a value: JSON (``800``, ``true``, ``{"cashier": 1000}``), or a
    word as it is (``PHONE,TABLET``, ``yes``), which the key's rule may take."""
    if len(text) > VALUE_MAX:
        raise UserError("setting.too_long", key=key, most=VALUE_MAX)
    text = text.strip()
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        if not text or text[0] in "{[\"" or text[-1] in "}]\"":
            raise UserError("setting.unreadable", key=key, text=shown(text)) from None
        return text


def change_setting(db: Database, *, key: str, value_text: str,
                   staff_id: int | None) -> SettingChange:
    """Change one setting to the value typed (`parse_value`), once its rule takes it.
    `staff_id` is who asks, and must be an active manager or administrator; None is the
    `pos` command (the machine administrator's). The new value, and an audit event
    ``setting_changed`` with who, the old and the new value, are written and sealed in
    one transaction. A value equal to the one in force changes nothing."""
    check_key(key)
    value = parse_value(key, value_text)
    with db.unit_of_work() as session:
        conn = session.connection()
        who = _who_may_change(conn, staff_id)
        new = validate(key, value, conn)
        session.get(Setting, key, with_for_update=True)  # two managers at once: one waits
        old = get_setting(session, key)
        if new == old:
            return SettingChange(key, old, new, changed=False)
        set_setting(session, key, new, by=staff_id)
        audit.record(conn, staff_id=staff_id, action="setting_changed", ref=key,
                     details={"key": key, "old": old, "new": new, "by": who})
        return SettingChange(key, old, new, changed=True)


def _who_may_change(conn, staff_id: int | None) -> str:
    """Who is changing a setting, refused unless a manager or an administrator. The
    role is read here, as people sit beside the store in the layers (pos.people's
    permissions cannot be imported); the rule is the same: active, manager or admin."""
    if staff_id is None:
        return COMMAND_LINE
    row = conn.execute(select(Staff.name, Staff.role).where(
        Staff.id == staff_id, Staff.active.is_(True))).first()
    if row is None:
        raise UserError("permission.log_in_first")
    if row.role not in MANAGERS:
        raise UserError("setting.managers_only")
    return row.name
