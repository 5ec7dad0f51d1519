"""The one clock the store's records are stamped with: aware UTC datetimes."""

from __future__ import annotations

from datetime import datetime, timezone


def utcnow() -> datetime:
    return datetime.now(timezone.utc)
