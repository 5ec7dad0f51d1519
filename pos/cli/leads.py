"""`pos leads` and `pos lead ...`: leads (商机) and hand-overs to a team (转单, issue 19),
through the same services as the till's leads screen (pos.people.leads).

    pos leads [--owner NAME] [--state open] [--due 2026-12-04]
    pos lead add --kind smb --name N (--phone P | --wechat W) [--company C] [--who ..]
        [--what ..] [--can-use ..] [--values ..] [--summary ..] [--owner NAME]
        [--next 2026-12-04] [--customer PHONE|#id] --staff NAME
    pos lead show ID
    pos lead update ID [the same options] --staff NAME
    pos lead lost ID --reason R --staff NAME
    pos lead won ID [--customer PHONE|#id] --staff NAME
    pos lead reopen ID --staff NAME
    pos lead handover (ID | --customer PHONE|#id) --team business|customer|big_accounts [--to NAME]
        [--note N] --staff NAME

Anyone may add a lead; managers, admins and customer managers look after them. Every
refusal exits with 1 and changes nothing."""

from __future__ import annotations

from datetime import date

from pos.cli.common import day_argument
from pos.kernel.enums import LeadKind, LeadState, Team

NEEDS = (("who", "who uses it"), ("what", "what it is for"), ("can_use", "what they can use"),
         ("values", "what they value"), ("summary", "the summary of the need"))


def register(sub) -> None:
    listing = sub.add_parser("leads", help="leads (商机), those to contact first")
    listing.add_argument("--owner", metavar="STAFF_NAME")
    listing.add_argument("--state", choices=[s.value for s in LeadState])
    listing.add_argument("--due", metavar="DATE", help="due for contact by this date")
    listing.set_defaults(run=list_leads, writes=False)

    group = sub.add_parser("lead", help="a lead: add, show, update, won, lost, hand over") \
        .add_subparsers(dest="action", required=True)
    add = group.add_parser("add", help="a new lead with the five needs answers")
    _fields(add, required=True)
    _who(add)
    add.set_defaults(run=add_lead)
    show = group.add_parser("show", help="a lead and its needs")
    show.add_argument("lead_id", type=int, metavar="ID")
    show.set_defaults(run=show_lead, writes=False)
    update = group.add_parser("update", help="change a lead (what is given)")
    update.add_argument("lead_id", type=int, metavar="ID")
    _fields(update, required=False)
    _who(update)
    update.set_defaults(run=update_lead)
    lost = group.add_parser("lost", help="the lead was lost (say why)")
    lost.add_argument("lead_id", type=int, metavar="ID")
    lost.add_argument("--reason", default="")
    _who(lost)
    lost.set_defaults(run=move, to="lost", customer=None)
    won = group.add_parser("won", help="the lead bought: it becomes (or links) a customer")
    won.add_argument("lead_id", type=int, metavar="ID")
    won.add_argument("--customer", help="the customer it became: a phone or #id")
    _who(won)
    won.set_defaults(run=move, to="won", reason=None)
    reopen = group.add_parser("reopen", help="a lost lead is open again")
    reopen.add_argument("lead_id", type=int, metavar="ID")
    _who(reopen)
    reopen.set_defaults(run=move, to="open", reason=None, customer=None)
    hand = group.add_parser("handover", help="hand a lead or a customer to a team (转单)")
    hand.add_argument("lead_id", type=int, nargs="?", metavar="ID")
    hand.add_argument("--customer", help="hand over a customer instead: a phone or #id")
    hand.add_argument("--team", required=True, choices=[t.value for t in Team])
    hand.add_argument("--to", metavar="STAFF_NAME", help="who takes it on")
    hand.add_argument("--note", default="")
    _who(hand)
    hand.set_defaults(run=handover)


def _fields(parser, *, required: bool) -> None:
    parser.add_argument("--kind", required=required, choices=[k.value for k in LeadKind])
    parser.add_argument("--name", required=required, help="the contact's name")
    parser.add_argument("--phone")
    parser.add_argument("--wechat")
    parser.add_argument("--company")
    for name, text in NEEDS:
        parser.add_argument(f"--{name.replace('_', '-')}", dest=f"need_{name}", help=text)
    parser.add_argument("--owner", metavar="STAFF_NAME", help="who looks after it")
    parser.add_argument("--next", metavar="DATE", help="the next contact date")
    parser.add_argument("--customer", help="an existing customer with a new need: phone or #id")


def _who(parser) -> None:
    parser.add_argument("--staff", required=True, metavar="STAFF_NAME",
                        help="who does it (an active staff member)")
    parser.add_argument("--pin", action="store_true",
                        help="also ask for and check the staff member's PIN")


def _staff(db, args) -> int:
    from pos.cli.stock import staff_id

    return staff_id(db, args)


def _person(db, name: str | None) -> int | None:
    from pos.cli.customers import staff_named

    return None if name is None else staff_named(db, name).id


def _customer(db, text: str | None) -> int | None:
    if text is None:
        return None
    from pos.accounts.accounts import resolve_customer

    with db.read_connection() as conn:
        return resolve_customer(conn, text).id


def _day(text: str | None) -> date | None:
    return None if text is None else day_argument(text)


def list_leads(args, db, terminal) -> int:
    from pos.people import leads

    found = leads.list_leads(db, owner=_person(db, args.owner), state=args.state,
                             due_by=_day(args.due))
    for lead in found:
        contact = lead.phone or f"wechat:{lead.wechat}"
        print(f"{lead.id:>5}  {lead.state:<11} {str(lead.next_contact_on or '-'):<10}  "
              f"{lead.kind:<14} {lead.contact_name}  {contact}  {lead.company or ''}  "
              f"owner {lead.owner_name or '-'}".rstrip())
    print(f"{len(found)} leads")
    return 0


def _print(lead) -> None:
    print(f"lead {lead.id}: {lead.contact_name} ({lead.kind}), {lead.state}")
    for label, value in (("company", lead.company), ("phone", lead.phone),
                         ("wechat", lead.wechat), ("owner", lead.owner_name),
                         ("next contact", lead.next_contact_on), ("customer", lead.customer_id),
                         ("lost because", lead.lost_reason), ("team", lead.team),
                         ("handed over", lead.handed_over_at)):
        if value:
            print(f"  {label}: {value}")
    for name, text in NEEDS:
        print(f"  {text}: {getattr(lead.needs, name) or '-'}")


def show_lead(args, db, terminal) -> int:
    from pos.people import leads

    _print(leads.get_lead(db, lead_id=args.lead_id))
    return 0


def _needs(args, current=None) -> dict | None:
    given = {name: getattr(args, f"need_{name}") for name, _ in NEEDS}
    if current is None:
        return {name: value or "" for name, value in given.items()}
    if all(value is None for value in given.values()):
        return None
    return {name: getattr(current, name) if value is None else value
            for name, value in given.items()}


def add_lead(args, db, terminal) -> int:
    from pos.people import leads

    lead = leads.add_lead(
        db, staff_id=_staff(db, args), kind=args.kind, contact_name=args.name, phone=args.phone,
        wechat=args.wechat, company=args.company, needs=_needs(args),
        owner_id=_person(db, args.owner), next_contact_on=_day(args.next),
        customer_id=_customer(db, args.customer))
    print(f"lead {lead.id} added: {lead.contact_name}, owner {lead.owner_name or '-'}")
    return 0


def update_lead(args, db, terminal) -> int:
    from pos.people import leads

    current = leads.get_lead(db, lead_id=args.lead_id)
    changes = {key: value for key, value in (
        ("kind", args.kind), ("contact_name", args.name), ("phone", args.phone),
        ("wechat", args.wechat), ("company", args.company),
        ("owner_id", _person(db, args.owner)), ("next_contact_on", _day(args.next)),
        ("customer_id", _customer(db, args.customer)),
        ("needs", _needs(args, current.needs))) if value is not None}
    _print(leads.update_lead(db, lead_id=args.lead_id, staff_id=_staff(db, args), **changes))
    return 0


def move(args, db, terminal) -> int:
    from pos.people import leads

    lead = leads.move_lead(db, lead_id=args.lead_id, to=args.to, reason=args.reason,
                           staff_id=_staff(db, args), customer_id=_customer(db, args.customer))
    print(f"lead {lead.id}: {lead.state}"
          + (f", customer #{lead.customer_id}" if lead.state == "won" else ""))
    return 0


def handover(args, db, terminal) -> int:
    from pos.kernel.errors import UserError
    from pos.people import leads

    customer = _customer(db, args.customer)
    if (args.lead_id is None) == (customer is None):
        raise UserError("cli.lead_or_customer")
    done = leads.hand_over(db, lead_id=args.lead_id, customer_id=customer, team=args.team,
                           to_staff=_person(db, args.to), staff_id=_staff(db, args),
                           note=args.note)
    whom = f"lead {done.lead_id}" if done.lead_id else f"customer #{done.customer_id}"
    print(f"{whom} handed over to the {done.team} team (event A{done.event_id})")
    return 0
