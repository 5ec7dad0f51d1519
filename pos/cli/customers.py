"""`pos customer PHONE`, `pos renewals` and `pos followup export|assign|calls|record`:
customers' histories, cards ending soon, and the weekly follow-up calls."""

from __future__ import annotations

from pos.cli.common import money, write_file
from pos.kernel.errors import UserError
from pos.people import followups, staff


def register(sub) -> None:
    group = sub.add_parser("followup", help="follow-up calls to recent buyers").add_subparsers(
        dest="action", required=True)
    export = group.add_parser("export", help="recent buyers as CSV for follow-up calls")
    export.add_argument("--days", type=int, default=7)
    export.add_argument("--kind", choices=["consumer", "business"])
    export.add_argument("--csv", required=True, metavar="FILE")
    export.set_defaults(run=export_calls, writes=False)
    assign = group.add_parser("assign", help="give recent buyers' calls to a salesperson")
    assign.add_argument("--days", type=int, default=7)
    assign.add_argument("--kind", choices=["consumer", "business"])
    assign.add_argument("--to", required=True, metavar="STAFF_NAME")
    assign.set_defaults(run=assign_calls)
    calls = group.add_parser("calls", help="a salesperson's open calls")
    calls.add_argument("--staff", required=True, metavar="STAFF_NAME")
    calls.set_defaults(run=open_calls, writes=False)
    record = group.add_parser("record", help="record how a call went")
    record.add_argument("call_id", type=int)
    record.add_argument("--staff", required=True, metavar="STAFF_NAME")
    record.add_argument("--outcome", required=True,
                        choices=["reached", "interested", "no_answer", "declined", "wrong_number"])
    record.add_argument("--notes", default="")
    record.set_defaults(run=record_call)

    customer = sub.add_parser("customer", help="a customer's sales, units and cards")
    customer.add_argument("phone")
    customer.set_defaults(run=show_customer, writes=False)
    renew = sub.add_parser("renewals", help="service cards ending soon, for renewal calls")
    renew.add_argument("--days", type=int, default=30)
    renew.set_defaults(run=show_renewals, writes=False)


def show_customer(args, db, terminal) -> int:
    history = followups.customer_history(db, phone=args.phone)
    print(f"{history.name}  {history.phone}  {history.kind}  {history.company or ''}".rstrip())
    for receipt, doc_kind, day, total in history.sales:
        print(f"  {day}  {receipt}  {doc_kind:<7} {money(total)}")
    for unit in history.units:
        print(f"  unit  {unit.name}  S/N {unit.serial or '-'}  ({unit.receipt_no})")
    for card in history.cards:
        until = card.end_date.isoformat() if card.end_date else "lifetime"
        print(f"  card  {card.card_no}  {card.tier_name}  until {until}  {card.state}")
    return 0


def show_renewals(args, db, terminal) -> int:
    for renewal in followups.cards_ending(db, within_days=args.days):
        print(f"{renewal.end_date}  {renewal.card_no}  {renewal.tier_name}  "
              f"{renewal.customer_name}  {renewal.phone}")
    return 0


def export_calls(args, db, terminal) -> int:
    write_file(args.csv, followups.export_followups(db, days=args.days, kind=args.kind))
    print(f"follow-up list written to {args.csv}")
    return 0


def staff_named(db, name: str):
    """The active staff member of that name (`pos sale` finds its seller so too)."""
    person = next((s for s in staff.list_staff(db) if s.name == name), None)
    if person is None:
        raise UserError("staff.no_one_called", name=name)
    return person


def open_calls(args, db, terminal) -> int:
    person = staff_named(db, args.staff)
    for call in followups.my_calls(db, staff_id=person.id):
        print(f"{call.id:>5}  {call.customer_name:<16} {call.phone:<14} {call.reason}")
    return 0


def record_call(args, db, terminal) -> int:
    person = staff_named(db, args.staff)
    followups.record_call(db, followup_id=args.call_id, staff_id=person.id,
                          outcome=args.outcome, notes=args.notes)
    print(f"call {args.call_id}: {args.outcome}")
    return 0


def assign_calls(args, db, terminal) -> int:
    person = staff_named(db, args.to)
    buyers = followups.recent_buyers(db, days=args.days, kind=args.kind)
    created = followups.assign_calls(db, customer_ids=[b.customer_id for b in buyers],
                                     staff_id=person.id)
    print(f"{created} calls assigned to {person.name} ({len(buyers) - created} already assigned)")
    return 0
