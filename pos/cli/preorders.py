"""`pos` commands: pre-orders with deposits (issue 19)."""

from __future__ import annotations


def register(sub) -> None:
    """No commands yet: the part of issue 19 that owns this module adds them."""
