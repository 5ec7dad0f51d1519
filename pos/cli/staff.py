"""`pos staff add|set-pin|list`: staff members (the command line is the machine administrator's)."""

from __future__ import annotations

from pos.cli.common import ask_pin
from pos.kernel.errors import UserError
from pos.people import staff


def register(sub) -> None:
    group = sub.add_parser("staff", help="staff members").add_subparsers(dest="action", required=True)
    add = group.add_parser("add", help="add a staff member (asks the PIN twice)")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=["cashier", "installer", "manager", "admin",
                                                              "customer_manager"])
    add.set_defaults(run=add_staff)
    set_pin = group.add_parser("set-pin", help="set a staff member's PIN (asks it twice): the "
                               "first PIN of someone head office added, or a forgotten one")
    set_pin.add_argument("--name", required=True)
    set_pin.set_defaults(run=set_staff_pin)
    group.add_parser("list", help="list active staff").set_defaults(run=list_staff, writes=False)


def add_staff(args, db, terminal) -> int:
    info = staff.add_staff(db, name=args.name, role=args.role, pin=ask_pin())
    print(f"added {info.name} ({info.role.value})")
    return 0


def list_staff(args, db, terminal) -> int:
    for info in staff.list_staff(db):
        print(f"{info.id:>4}  {info.name:<24} {info.role.value}")
    return 0


def set_staff_pin(args, db, terminal) -> int:
    found = [info for info in staff.list_staff(db) if info.name == args.name]
    if not found:
        raise UserError("staff.no_one_called", name=args.name)
    info = staff.set_pin(db, staff_id=found[0].id, new_pin=ask_pin())
    print(f"PIN set for {info.name}")
    return 0
