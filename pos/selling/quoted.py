"""A quote's prices at the till: a quote opened as a cart (pos.accounts.quotes.open_quote)
seals one `quote_prices` event naming the cart, the quote and each line's product, tier,
price and discount; each line's price_event and discount_event point to it. Completion
(pos.selling.pricing) accepts a line's price and discount when that event allows them
for this cart, while the cart still carries the quote (so it is converted, once)."""

from __future__ import annotations

import json

from sqlalchemy import bindparam, select

from pos.db import prepared
from pos.db.models import AuditEvent
from pos.kernel.errors import UserError

QUOTE_PRICES = "quote_prices"
_EVENT = prepared.Prepared(
    select(AuditEvent.__table__.c.action, AuditEvent.__table__.c.details_json)
    .where(AuditEvent.__table__.c.id == bindparam("event_id")))


def _whole(value, low: int = 0) -> bool:
    return type(value) is int and value >= low


class QuotedPrices:
    """The quote_prices events of one cart's check, each read once."""

    def __init__(self, run: prepared.Runner, cart):
        self.run, self.cart = run, cart
        self.events: dict[int, dict | None] = {}

    def line(self, event_id, line) -> dict | None:
        """This line's quoted values ({product, tier, price, discount, gross}) when
        `event_id` is this cart's quote_prices event and names the line, else None."""
        if not _whole(event_id, 1):
            return None
        if event_id not in self.events:
            row = self.run.first(_EVENT, {"event_id": event_id})
            details = None
            if row is not None and row[0] == QUOTE_PRICES:
                try:
                    details = json.loads(row[1])
                except ValueError:
                    details = None
            ours = (isinstance(details, dict) and details.get("cart") == self.cart.uuid
                    and self.cart.quote_id is not None
                    and details.get("quote_id") == self.cart.quote_id
                    and isinstance(details.get("lines"), dict))
            self.events[event_id] = details if ours else None
        details = self.events[event_id]
        entry = details["lines"].get(line.line_id) if details else None
        if not isinstance(entry, dict) or entry.get("product") != line.product_id \
                or entry.get("tier") != line.tier_id:
            return None
        return entry

    def price(self, line) -> bool:
        """Whether the line's price is the one quoted for it, for no more units than were
        quoted (quote.over_quantity: more would sell them at the quote's price too)."""
        entry = self.line(line.price_event, line)
        if entry is None or not _whole(line.unit_price) or entry.get("price") != line.unit_price:
            return False
        quoted = entry.get("quantity")
        if quoted is not None and (not _whole(line.quantity, 1) or line.quantity > quoted):
            details = self.events.get(line.price_event) or {}
            raise UserError("quote.over_quantity", quote=str(details.get("quote") or ""),
                            quantity=quoted, name=line.name)
        return True

    def discount(self, line) -> bool:
        """Whether the line's discount is within the one quoted (no more, and no larger a
        share of the line)."""
        entry = self.line(line.discount_event, line)
        allowed, gross = (entry or {}).get("discount"), (entry or {}).get("gross")
        return (_whole(allowed) and _whole(gross, 1) and line.discount <= allowed
                and line.discount * gross <= allowed * line.gross)
