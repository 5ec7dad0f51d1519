"""The store's setting for a chain (issue 21): `store_prices_allowed`, whether this store
may set its own price of a product (pos.sync.prices), kept when head office's master
data is pulled. Off by default: the chain's prices are head office's."""

from __future__ import annotations

import json

from pos.kernel.errors import UserError
from pos.kernel.messages import msg

DEFAULTS = {"store_prices_allowed": False}


def store_prices_allowed(value, conn=None) -> bool:
    if not isinstance(value, bool):
        raise UserError("setting.bad_value", key="store_prices_allowed",
                        expected=EXPECTED["store_prices_allowed"],
                        details=[msg("setting.at", where=["store_prices_allowed"],
                                     problem=msg("setting.need_bool",
                                                 value=json.dumps(value)[:40]))])
    return value


RULES = {"store_prices_allowed": store_prices_allowed}
EXPECTED = {"store_prices_allowed": msg("setting.expect.store_prices_allowed")}
HELP = {"store_prices_allowed": msg("setting.help.store_prices_allowed")}
