"""Store-wide tunables kept as JSON rows, each with its default written here."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from .models import Setting

DEFAULTS: dict[str, object] = {
    # Largest line discount each role may give without a manager, in basis points.
    "discount_limit_bp": {"cashier": 1000, "installer": 1000, "manager": 10000, "admin": 10000},
    # Days a sale may stay on account.
    "account_days": {"consumer": 3, "business": 30},
}


def get_setting(session: Session, key: str):
    row = session.get(Setting, key)
    if row is None:
        return DEFAULTS[key]
    return json.loads(row.value_json)


def set_setting(session: Session, key: str, value) -> None:
    if key not in DEFAULTS:
        raise KeyError(key)
    row = session.get(Setting, key)
    text = json.dumps(value, sort_keys=True)
    if row is None:
        session.add(Setting(key=key, value_json=text))
    else:
        row.value_json = text
