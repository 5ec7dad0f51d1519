"""`pos serial SN`: a serial-tracked unit's whole history, from its receipt to its sale
(and any return, transfer, count or write-off between), with where it is now; a serial
that several products share shows each product's unit."""

from __future__ import annotations

from pos.kernel.errors import UserError
from pos.kernel.messages import msg


def register(sub) -> None:
    serial = sub.add_parser("serial", help="a serial number's history: received, moved, sold")
    serial.add_argument("serial", metavar="SN")
    serial.set_defaults(run=show_serial, writes=False)


def show_serial(args, db, terminal) -> int:
    from pos.cli.stock import sayer
    from pos.ledger.stock_tables import STATE_NAMES
    from pos.stock.serials import serial_history

    say = sayer(db, terminal)
    found = serial_history(db, serial=args.serial)
    if not found:
        raise UserError("stock.serial_unknown", serial=args.serial.strip())
    for unit in found:
        where = say("stock.cli.serial_where", store=unit.store) if unit.store else ""
        print(say("stock.cli.serial_head", serial=unit.serial, name=unit.name, sku=unit.sku,
                  state=msg(STATE_NAMES[unit.state]), where=where))
        for event in unit.events:
            kind = _kind_name(say, event.kind)
            more = "".join(part for part in (
                f"  {event.staff}" if event.staff else "",
                f"  ({say(f'stock.reason.{event.reason.value}')})" if event.reason else ""))
            print(say("stock.cli.serial_event", at=f"{event.at.astimezone():%Y-%m-%d %H:%M}",
                      kind=kind, document=event.document, store=event.store,
                      state=msg(STATE_NAMES[event.state]), more=more))
    return 0


def _kind_name(say, kind) -> str:
    """A stock document's kind in words; a sale document's as it is called."""
    from pos.kernel.messages import CATALOG

    value = getattr(kind, "value", kind)
    return say(f"stock.kind.{value}") if f"stock.kind.{value}" in CATALOG else str(value)
