"""Store-wide tunables kept as JSON rows, each with its default written here."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.models import Setting
from pos.ledger import facts

DEFAULTS: dict[str, object] = {
    # Largest line discount each role may give without a manager, in basis points.
    "discount_limit_bp": {"cashier": 1000, "installer": 1000, "manager": 10000, "admin": 10000},
    # The fewest digits a new PIN may have, per role (4 to 8): a store may ask its
    # managers and administrators for 6, which makes a guessed PIN a hundred times rarer.
    "pin_min_digits": {"cashier": 4, "installer": 4, "manager": 4, "admin": 4},
    # Days a sale may stay on account.
    "account_days": {"consumer": 3, "business": 30},
    # Printers per terminal code: {"T01": {"receipt": URI, "documents": URI, "paper_mm": 80,
    # "sheet_after_sale": true, "encoding": "gb18030"}}; see pos.printjobs.print_queue.
    "printers": {},
    # A line sold under this margin (basis points of its price) is "sold without profit".
    "margin_threshold_bp": 500,
    # Commission steps per role: [[monthly sales reached (fen), rate (bp)], ...]; the rate
    # of the highest step reached applies. Defaults from the chain's practice: sales
    # advisors 5% / 10%, customer managers 10% / 15% / 20%.
    "commission_steps": {
        "cashier": [[0, 500], [10_000_000, 1000]],
        "installer": [[0, 500], [10_000_000, 1000]],
        "manager": [[0, 1000], [20_000_000, 1500], [50_000_000, 2000]],
        "admin": [[0, 0]],
    },
}


def get_setting(session_or_connection, key: str):
    """The setting's value, or its default; works inside a Session or a Core connection."""
    text = session_or_connection.execute(
        select(Setting.value_json).where(Setting.key == key)).scalar()
    return DEFAULTS[key] if text is None else json.loads(text)


def set_setting(session: Session, key: str, value, *, by: int | None = None) -> None:
    """Change a setting, sealed in the journal (pos.ledger.facts) in the same
    transaction, so `journal verify` notices a setting edited behind the store's back."""
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
