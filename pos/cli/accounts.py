"""`pos` commands: customer accounts: statements, aging, overdue, payments, write-offs (issue 19)."""

from __future__ import annotations


def register(sub) -> None:
    """No commands yet: the part of issue 19 that owns this module adds them."""
