"""`pos customer PHONE`, `pos renewals` and `pos followup export|assign|calls|record|plan|
week|report`: customers' histories, cards ending soon, the weekly follow-up calls, the
week's planned calls and visits, and the manager's follow-up report."""

from __future__ import annotations

import argparse

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
    record = group.add_parser("record", help="record how a call (or, --visit, a visit) went")
    record.add_argument("call_id", type=int)
    record.add_argument("--staff", required=True, metavar="STAFF_NAME")
    record.add_argument("--outcome", required=True,
                        choices=["reached", "interested", "no_answer", "declined", "wrong_number"])
    record.add_argument("--visit", action="store_true", help="a visit (it needs --notes)")
    record.add_argument("--notes", default="")
    record.set_defaults(run=record_call)
    _register_week(group)

    customer = sub.add_parser("customer", help="a customer's sales, units and cards; "
                              "`customer set PHONE ...` changes their invoice details")
    customer.add_argument("phone", action=_CustomerVerb)
    _register_customer_set(customer)
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
    kind = "visit" if args.visit else "call"
    followups.record_contact(db, followup_id=args.call_id, staff_id=person.id, kind=kind,
                             outcome=args.outcome, notes=args.notes)
    print(f"{kind} {args.call_id}: {args.outcome}")
    return 0


# --- the week's plan and the manager's report (issue 19) -------------------------------


def _register_week(group) -> None:
    plan = group.add_parser("plan", help="plan a week's calls and visits (leads due, "
                            "prospects to revisit, business customers, recent buyers)")
    plan.add_argument("--week", required=True, help="2026-W49, or the Monday's date")
    plan.add_argument("--staff", required=True, metavar="STAFF_NAME", help="who plans")
    plan.set_defaults(run=plan_week)
    week = group.add_parser("week", help="a week's planned and recorded calls and visits")
    week.add_argument("--week", required=True, help="2026-W49, or the Monday's date")
    week.add_argument("--staff", metavar="STAFF_NAME", help="only theirs")
    week.set_defaults(run=show_week, writes=False)
    report = group.add_parser("report", help="per person: planned vs done, visits a day "
                              "against the target, sales within 30 days")
    report.add_argument("--week", required=True, help="2026-W49, or the Monday's date")
    report.add_argument("--staff", metavar="STAFF_NAME", help="only theirs")
    report.add_argument("--csv", metavar="FILE")
    report.set_defaults(run=show_report, writes=False)


def plan_week(args, db, terminal) -> int:
    from pos.people.followup_plan import plan_week as plan, week_name

    done = plan(db, week_start=args.week, staff_id=staff_named(db, args.staff).id)
    print(f"week {week_name(done.week_start)}: {done.planned} contacts planned, "
          f"{done.already} already planned")
    for reason, count in sorted(done.by_reason.items()):
        print(f"  {reason:<18} {count}")
    return 0


def show_week(args, db, terminal) -> int:
    from pos.people.followup_plan import week_plan

    who = staff_named(db, args.staff).id if args.staff else None
    for c in week_plan(db, week_start=args.week, staff=who):
        print(f"{c.id:>5}  {str(c.due_on or '-'):<10}  {c.kind:<5} {c.reason:<16} "
              f"{c.assigned_name:<12} {c.name}  {c.phone or ''}  {c.outcome}")
    return 0


def show_report(args, db, terminal) -> int:
    from pos.people.followup_plan import week_name
    from pos.people.followup_report import followup_report, report_csv

    who = staff_named(db, args.staff).id if args.staff else None
    rows = followup_report(db, week_start=args.week, staff=who)
    if args.csv:
        write_file(args.csv, report_csv(rows))
        print(f"follow-up report written to {args.csv}")
        return 0
    for p in rows:
        target = ("" if p.target is None
                  else f"  target {p.target}/day, {len(p.days_below)} days below")
        print(f"{week_name(p.week_start)}  {p.name:<12} planned {p.planned:>3} done {p.done:>3}"
              f"  calls {p.calls:>3} visits {p.visits:>3} "
              f"({' '.join(str(n) for n in p.visits_by_day)}){target}  "
              f"sales {p.sales_count} {money(p.sales).strip()}")
    return 0


def assign_calls(args, db, terminal) -> int:
    person = staff_named(db, args.to)
    buyers = followups.recent_buyers(db, days=args.days, kind=args.kind)
    created = followups.assign_calls(db, customer_ids=[b.customer_id for b in buyers],
                                     staff_id=person.id)
    print(f"{created} calls assigned to {person.name} ({len(buyers) - created} already assigned)")
    return 0


# --- pos customer set PHONE: invoice details and owner (issue 19) --------------------

class _CustomerVerb(argparse.Action):
    """`pos customer set PHONE --company ...` changes details; `pos customer PHONE` shows."""

    def __call__(self, parser, namespace, value, option_string=None):
        setattr(namespace, self.dest, value)
        if value == "set":
            namespace.run, namespace.writes = set_customer, True


def _register_customer_set(customer) -> None:
    customer.add_argument("target", nargs="?", metavar="PHONE", help="(after set)")
    for flag, help_text in (("--company", "company name"), ("--tax-id", "tax id (15-20 "
                            "letters and digits)"), ("--address", "invoice address"),
                            ("--phone", "invoice phone"), ("--bank", "bank name"),
                            ("--account", "bank account number"),
                            ("--owner", "the staff member who looks after them ('' none)")):
        customer.add_argument(flag, help=help_text + "; '' clears it",  # not PHONE's dest
                              **({"dest": "invoice_phone"} if flag == "--phone" else {}))


def set_customer(args, db, terminal) -> int:
    from pos.accounts.accounts import resolve_customer
    from pos.people.customers import UNSET, update_customer

    if args.target is None:
        raise UserError("customer.unknown", customer="")
    with db.read_connection() as conn:
        ref = resolve_customer(conn, args.target)
    given = {name: value for name, value in (
        ("company", args.company), ("tax_id", args.tax_id), ("invoice_address", args.address),
        ("invoice_phone", args.invoice_phone), ("bank_name", args.bank),
        ("bank_account", args.account)) if value is not None}
    if args.owner is not None:
        given["owner_id"] = staff_named(db, args.owner).id if args.owner else None
    update_customer(db, customer_id=ref.id, **{k: given.get(k, UNSET) for k in (
        "company", "tax_id", "invoice_address", "invoice_phone", "bank_name", "bank_account",
        "owner_id")})
    print(f"{ref.label}: " + (", ".join(sorted(given)) or "nothing") + " set")
    return 0
