"""`pos staff add|list`: staff members (the command line is the machine administrator's)."""

from __future__ import annotations

from pos.cli.common import ask_pin
from pos.people import staff


def register(sub) -> None:
    group = sub.add_parser("staff", help="staff members").add_subparsers(dest="action", required=True)
    add = group.add_parser("add", help="add a staff member (asks the PIN twice)")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=["cashier", "installer", "manager", "admin",
                                                              "customer_manager"])
    add.set_defaults(run=add_staff)
    group.add_parser("list", help="list active staff").set_defaults(run=list_staff, writes=False)


def add_staff(args, db, terminal) -> int:
    info = staff.add_staff(db, name=args.name, role=args.role, pin=ask_pin())
    print(f"added {info.name} ({info.role.value})")
    return 0


def list_staff(args, db, terminal) -> int:
    for info in staff.list_staff(db):
        print(f"{info.id:>4}  {info.name:<24} {info.role.value}")
    return 0
