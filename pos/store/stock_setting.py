"""The store's stock settings beyond allow_negative_stock (issue 18): `serial_stock`,
which serials the till sells. "strict": only units received into this store's stock;
"lenient" (the default, so a store that never received serials keeps selling): also a
serial never seen before, which becomes a unit as it is sold. Either way a unit known
to be sold, at another store or in transit is refused (pos.ledger.stock_tables)."""

from __future__ import annotations

import json

from pos.kernel.errors import UserError
from pos.kernel.messages import msg

CHOICES = ("lenient", "strict")


def serial_stock(value, conn=None) -> str:
    if value not in CHOICES:
        raise UserError("setting.bad_value", key="serial_stock",
                        expected=msg("setting.expect.serial_stock"),
                        details=[msg("setting.at", where=["serial_stock"],
                                     problem=msg("setting.need_serial_stock",
                                                 value=json.dumps(value, ensure_ascii=False)))])
    return value


RULES = {"serial_stock": serial_stock}
EXPECTED = {"serial_stock": msg("setting.expect.serial_stock")}
HELP = {"serial_stock": msg("setting.help.serial_stock")}
