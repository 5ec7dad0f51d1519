"""`pos` commands: customer accounts: statements, aging, overdue, payments, write-offs (issue 19).

    pos account CUSTOMER [--from D] [--to D] [--pdf F]          # the statement
    pos accounts aging [--store S01] [--as-of D] [--csv F]
    pos accounts overdue [--store S01] [--days N]
    pos accounts open CUSTOMER [--limit 5000.00|none] [--term 30] --staff NAME
    pos accounts pay CUSTOMER AMOUNT --tender cash|bank_card|transfer|wechat|alipay
        [--ref R] [--invoice RECEIPT[=AMOUNT]]... [--as-credit] --staff NAME
    pos accounts write-off CUSTOMER AMOUNT --reason R [--invoice ...] --staff NAME
    pos accounts transfer CUSTOMER --note N --staff NAME

CUSTOMER is a phone number or #id. Who does it: --staff (with --pin, their PIN checked),
as `pos stock`; the services check what their role may do. Cash is taken into this
till's drawer (--terminal), in its shift. Every refusal exits 1 and changes nothing."""

from __future__ import annotations

import csv
import io

from pos.kernel.errors import UserError
from pos.kernel.messages import msg

STATE_NAMES = {"open": "account.state.open", "transferred": "account.state.transferred",
               "closed": "account.state.closed"}

TENDERS = ("cash", "bank_card", "transfer", "bank_transfer", "wechat", "alipay")


def register(sub) -> None:
    account = sub.add_parser("account", help="a customer's account statement")
    account.add_argument("customer", metavar="CUSTOMER", help="phone number or #id")
    account.add_argument("--from", dest="start", metavar="DATE")
    account.add_argument("--to", dest="end", metavar="DATE")
    account.add_argument("--pdf", metavar="FILE", help="also write the statement as a PDF")
    account.set_defaults(run=show_statement, writes=False)

    group = sub.add_parser("accounts", help="customer accounts: aging, overdue, payments, "
                           "write-offs").add_subparsers(dest="action", required=True)
    aging = group.add_parser("aging", help="what is owed by how long overdue, per store")
    aging.add_argument("--store")
    aging.add_argument("--as-of", metavar="DATE")
    aging.add_argument("--csv", metavar="FILE")
    aging.set_defaults(run=show_aging, writes=False)

    late = group.add_parser("overdue", help="accounts with invoices past due")
    late.add_argument("--store")
    late.add_argument("--days", type=int, default=1, help="at least this many days (1)")
    late.set_defaults(run=show_overdue, writes=False)

    opening = group.add_parser("open", help="open an account (a manager)")
    opening.add_argument("customer", metavar="CUSTOMER")
    opening.add_argument("--limit", help="the credit limit, or none (default: the setting)")
    opening.add_argument("--term", type=int, help="days to pay (default and most: the setting)")
    _who(opening)
    opening.set_defaults(run=open_one)

    pay = group.add_parser("pay", help="a payment received on account")
    pay.add_argument("customer", metavar="CUSTOMER")
    pay.add_argument("amount", metavar="AMOUNT")
    pay.add_argument("--tender", required=True, choices=TENDERS)
    pay.add_argument("--ref", help="the bank's or payment's reference")
    pay.add_argument("--invoice", action="append", default=[], metavar="RECEIPT[=AMOUNT]",
                     help="settle this invoice first (repeatable)")
    pay.add_argument("--as-credit", action="store_true",
                     help="keep what is more than owed as a credit")
    _who(pay)
    pay.set_defaults(run=take)

    write_off = group.add_parser("write-off", help="write a bad debt off (a manager)")
    write_off.add_argument("customer", metavar="CUSTOMER")
    write_off.add_argument("amount", metavar="AMOUNT")
    write_off.add_argument("--reason", required=True)
    write_off.add_argument("--invoice", action="append", default=[], metavar="RECEIPT[=AMOUNT]")
    _who(write_off)
    write_off.set_defaults(run=write_off_one)

    transfer = group.add_parser("transfer", help="pass an account to the big-account team")
    transfer.add_argument("customer", metavar="CUSTOMER")
    transfer.add_argument("--note", required=True)
    _who(transfer)
    transfer.set_defaults(run=transfer_one)


def _who(parser) -> None:
    parser.add_argument("--staff", required=True, metavar="STAFF_NAME",
                        help="who does it (an active staff member)")
    parser.add_argument("--pin", action="store_true",
                        help="also ask for and check the staff member's PIN")
    parser.add_argument("--request-id", help="this posting's id (a uuid): the same id again "
                        "posts nothing new (default: a new one)")


def _amount(text: str) -> int:
    from pos.kernel.money import parse_amount

    return parse_amount(text)


def _customer(text: str):
    text = text.strip()
    return text


def _picks(values: list[str]):
    from pos.accounts.payments import InvoicePick

    picks = []
    for value in values:
        receipt, sep, amount = value.partition("=")
        if not receipt.strip() or (sep and not amount.strip()):
            raise UserError("accounts.cli.bad_invoice", text=value)
        picks.append(InvoicePick(receipt.strip(), _amount(amount) if sep else None))
    return picks


def _dates(args):
    from pos.cli.common import day_argument

    return (day_argument(args.start) if args.start else None,
            day_argument(args.end) if args.end else None)


def _d(amount: int) -> str:
    from pos.kernel.money import to_decimal_string

    return f"{to_decimal_string(amount):>12}"


def show_statement(args, db, terminal) -> int:
    from pos.accounts.statements import statement
    from pos.cli.stock import sayer

    say = sayer(db, terminal)
    start, end = _dates(args)
    found = statement(db, customer=_customer(args.customer), start=start, end=end)
    print(say("accounts.cli.statement", customer=found.customer.label,
              state=msg(STATE_NAMES[found.state.value]),
              start=start.isoformat() if start else "…", end=end.isoformat() if end else "…"))
    print(say("accounts.cli.opening", amount=found.opening))
    print(say("accounts.cli.statement_head"))
    for line in found.lines:
        print(f"{line.day.isoformat()}  {line.ref:<16} {line.kind.value:<12}"
              f"{_d(line.debit) if line.debit else ' ' * 12}"
              f"{_d(line.credit) if line.credit else ' ' * 12}{_d(line.balance)}  "
              f"{line.due_date.isoformat() if line.due_date else ' ' * 10}"
              f"{_d(line.open_amount) if line.open_amount else ''}")
    print(say("accounts.cli.closing", amount=found.closing, overdue=found.overdue))
    if args.pdf:
        from pos.cli.common import write_file
        from pos.store.details import store_info
        from printing.account_pdf import statement_pdf

        info = store_info(db, terminal=terminal)
        write_file(args.pdf, statement_pdf(found, locale=info.locale, store=info))
        print(say("accounts.cli.written", path=args.pdf))
    return 0


def aging_csv(report) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["as_of", "store", "customer_id", "name", "phone", "company", "state",
                     "current", "days_1_30", "days_31_60", "days_60_plus", "credit", "total"])
    from pos.kernel.money import to_decimal_string as d

    for r in report.rows:
        writer.writerow([report.as_of.isoformat(), r.store, r.customer_id, r.name, r.phone,
                         r.company or "", r.state.value, d(r.current), d(r.days_1_30),
                         d(r.days_31_60), d(r.days_60_plus), d(r.credit), d(r.total)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def show_aging(args, db, terminal) -> int:
    from pos.accounts.aging import aging
    from pos.cli.common import day_argument, write_file
    from pos.cli.stock import sayer

    say = sayer(db, terminal)
    report = aging(db, store=args.store, as_of=day_argument(args.as_of) if args.as_of else None)
    if not report.rows:
        print(say("accounts.cli.nothing"))
    else:
        print(say("accounts.cli.aging_head"))
        for r in report.rows:
            print(f"{r.store:<5} {r.name[:16]:<16} {r.phone:<12}{_d(r.current)}{_d(r.days_1_30)}"
                  f"{_d(r.days_31_60)}{_d(r.days_60_plus)}{_d(r.credit)}{_d(r.total)}")
        for store in report.stores:
            t = report.totals(store)
            print(f"{store:<5} {'':<16} {'':<12}{_d(t['current'])}{_d(t['days_1_30'])}"
                  f"{_d(t['days_31_60'])}{_d(t['days_60_plus'])}{_d(t['credit'])}"
                  f"{_d(t['total'])}")
    if args.csv:
        write_file(args.csv, aging_csv(report))
        print(say("accounts.cli.written", path=args.csv))
    return 0


def show_overdue(args, db, terminal) -> int:
    from pos.accounts.aging import overdue
    from pos.cli.stock import sayer

    say = sayer(db, terminal)
    rows = overdue(db, store=args.store, min_days=args.days)
    if not rows:
        print(say("accounts.cli.none_overdue"))
        return 0
    print(say("accounts.cli.overdue_head"))
    for r in rows:
        print(f"{r.name[:16]:<16} {r.phone:<12} {r.oldest_due.isoformat()} {r.days:>5}"
              f"{_d(r.amount)}{_d(r.balance)}  {'*' if r.transferred else ''}")
    return 0


def open_one(args, db, terminal) -> int:
    from pos.accounts.accounts import DEFAULT, open_account
    from pos.cli.stock import sayer, staff_id

    say = sayer(db, terminal)
    limit = DEFAULT
    if args.limit is not None:
        if args.limit.strip().lower() == "none":
            limit = None
        else:
            try:
                limit = _amount(args.limit)
            except UserError:
                raise UserError("accounts.cli.bad_limit", text=args.limit) from None
    view = open_account(db, customer=_customer(args.customer), staff_id=staff_id(db, args),
                        credit_limit=limit, term_days=args.term, terminal=terminal)
    print(say("accounts.cli.opened", customer=view.customer.label,
              limit=(_d(view.credit_limit).strip() if view.credit_limit is not None
                     else msg("accounts.cli.no_limit")),
              days=view.term_days, balance=view.balance))
    return 0


def _show_posted(say, posted) -> None:
    if posted.replayed:
        print(say("accounts.cli.replayed", doc=posted.doc_no))
        return
    print(say("accounts.cli.posted", doc=posted.doc_no, amount=posted.amount,
              balance=posted.balance))
    for ref, amount in posted.applied:
        print(say("accounts.cli.applied", ref=ref, amount=amount))
    if posted.unapplied:
        print(say("accounts.cli.unapplied", amount=posted.unapplied))


def take(args, db, terminal) -> int:
    from pos.accounts.payments import take_payment
    from pos.cli.stock import request_id, sayer, staff_id

    say = sayer(db, terminal)
    tender = "transfer" if args.tender == "bank_transfer" else args.tender
    posted = take_payment(db, customer=_customer(args.customer), amount=_amount(args.amount),
                          tender=tender, staff_id=staff_id(db, args),
                          terminal=terminal if tender == "cash" else None,
                          invoices=_picks(args.invoice), as_credit=args.as_credit,
                          reference=args.ref, request_id=request_id(args))
    _show_posted(say, posted)
    return 0


def write_off_one(args, db, terminal) -> int:
    from pos.accounts.writeoffs import write_off
    from pos.cli.stock import request_id, sayer, staff_id

    say = sayer(db, terminal)
    posted = write_off(db, customer=_customer(args.customer), amount=_amount(args.amount),
                       reason=args.reason, staff_id=staff_id(db, args),
                       invoices=_picks(args.invoice), request_id=request_id(args))
    _show_posted(say, posted)
    return 0


def transfer_one(args, db, terminal) -> int:
    from pos.accounts.accounts import transfer_to_big_accounts
    from pos.cli.stock import sayer, staff_id

    say = sayer(db, terminal)
    view = transfer_to_big_accounts(db, customer=_customer(args.customer),
                                    staff_id=staff_id(db, args), note=args.note)
    print(say("accounts.cli.transferred", customer=view.customer.label))
    return 0
