"""Head office's reports from the command line (--db is head office's database):

    pos hq report day [--date D] [--store CODE] [--csv F]
    pos hq report period (--from D [--to D] | --month YYYY-MM) [--store CODE] [--csv F]
    pos hq report commissions [--month YYYY-MM] [--store CODE] [--csv F]
    pos hq report stock [--store CODE] [--csv F]
    pos hq report accounts [--store CODE] [--as-of D] [--csv F]

Without --store, every store head office knows, added up (pos.hq.reports: each store's
own report code on head office's copy of its rows, the chain's figures their sums); the
day and period reports carry the commissions and the account figures as a store's do.
"""

from __future__ import annotations

import argparse

KINDS = ("day", "period", "commissions", "stock", "accounts")


def _subgroup(sub, name: str, *, help: str):  # noqa: A002 - argparse's word
    """The sub-commands of `pos NAME`, made if no module made them yet (`pos hq` is
    shared with pos.cli.sync's init, status, alerts and resume)."""
    parser = sub.choices.get(name) or sub.add_parser(name, help=help)
    for action in parser._actions:  # noqa: SLF001 - argparse has no public lookup
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return action
    return parser.add_subparsers(dest="action", required=True)


def register(sub) -> None:
    group = _subgroup(sub, "hq", help="head office of a chain of stores")
    report = group.add_parser("report", help="the chain's reports: every store's, added up")
    report.add_argument("what", choices=KINDS,
                        help="day: a business day; period: --from D --to D (or --month); "
                             "commissions: a month's statement (--month); "
                             "stock: on hand and in transit per store and product; "
                             "accounts: aging per store")
    report.add_argument("--store", help="one store's (default: every store, added up)")
    report.add_argument("--date", help="day: YYYY-MM-DD (default: today)")
    report.add_argument("--from", dest="start", metavar="DATE", help="period: first day")
    report.add_argument("--to", dest="end", metavar="DATE", help="period: last day (default: today)")
    report.add_argument("--month", help="period, commissions: YYYY-MM, a calendar month")
    report.add_argument("--as-of", dest="as_of", metavar="DATE", help="accounts: the day aged to")
    report.add_argument("--csv", metavar="FILE", help="also write the report as CSV")
    report.set_defaults(run=run, writes=False)


def run(args, db, terminal) -> int:
    return {"day": day, "period": period, "commissions": commissions, "stock": stock,
            "accounts": accounts}[args.what](args, db.url)


def _write(args, data: bytes) -> None:
    from pos.cli.common import write_file

    if args.csv:
        write_file(args.csv, data)
        print(f"written {args.csv}")


def show_streams(hq_url: str, store: str | None) -> None:
    """How far each store's documents have arrived: the figures hold what arrived."""
    from pos.hq.reports import streams

    for row in streams(hq_url):
        if store is None or row.store_code == store:
            when = f"{row.last_received_at.astimezone():%Y-%m-%d %H:%M}" \
                if row.last_received_at else "nothing yet"
            state = "" if row.state == "ok" else f", stream {row.state}"
            print(f"  store {row.store_code}: journal to #{row.last_seq}, last received "
                  f"{when}{state}")


def _show(args, hq_url: str, report, heading: str) -> int:
    from pos.cli.reports import show_report
    from pos.day.reports import report_csv

    print(heading)
    show_streams(hq_url, args.store)
    show_report(report)
    _write(args, report_csv(report))
    return 0


def day(args, hq_url: str) -> int:
    from pos.cli.common import day_argument
    from pos.hq.reports import chain_day_report

    when = day_argument(args.date)
    report = chain_day_report(hq_url, day=when, store=args.store)
    return _show(args, hq_url, report, f"Head office day report {when} ({report.scope})")


def period(args, hq_url: str) -> int:
    from pos.cli.common import day_argument
    from pos.day.commissions import month_bounds
    from pos.hq.reports import chain_period_report
    from pos.kernel.errors import UserError

    if args.month:
        if args.start or args.end:
            raise UserError("report.month_or_dates")
        start, end = month_bounds(args.month)
    else:
        if not args.start:
            raise UserError("report.period_needs_from")
        start, end = day_argument(args.start), day_argument(args.end)
    report = chain_period_report(hq_url, start=start, end=end, store=args.store)
    return _show(args, hq_url, report, f"Head office report {start} to {end} ({report.scope})")


def commissions(args, hq_url: str) -> int:
    from pos.cli.common import day_argument
    from pos.cli.reports import show_commissions
    from pos.day.commissions import month_bounds, statement_csv
    from pos.hq.reports import chain_commissions

    start, end = month_bounds(args.month or day_argument(None).isoformat()[:7])
    found = chain_commissions(hq_url, start=start, end=end, store=args.store)
    print(f"Head office commissions {start} to {end} ({found.scope})")
    show_commissions(found, indent="  ")
    _write(args, statement_csv(found))
    return 0


def stock(args, hq_url: str) -> int:
    from pos.hq.reports import chain_stock
    from pos.kernel.csvio import write_rows

    found = chain_stock(hq_url, store=args.store)
    names = {row.sku: row.name for row in found.rows}
    rows = [(row.store, row.sku, row.name, str(row.on_hand), str(row.in_transit))
            for row in found.rows]
    if args.store is None:
        rows += [("all stores", sku, names[sku], str(on_hand), str(in_transit))
                 for sku, (on_hand, in_transit) in found.totals().items()]
    print(f"Stock at head office ({args.store or 'all stores'}): on hand, in transit")
    for store, sku, name, on_hand, in_transit in rows:
        print(f"  {store:<10} {sku:<20} {name[:30]:<30} {on_hand:>7} {in_transit:>7}")
    _write(args, write_rows(("store", "sku", "name", "on_hand", "in_transit"), rows))
    return 0


def accounts(args, hq_url: str) -> int:
    from pos.cli.accounts import aging_csv
    from pos.cli.common import day_argument, money
    from pos.hq.reports import chain_aging

    found = chain_aging(hq_url, store=args.store,
                        as_of=day_argument(args.as_of) if args.as_of else None)
    print(f"Accounts aging at head office as of {found.as_of} ({args.store or 'all stores'}): "
          "current, 1-30, 31-60, over 60 days, credit, total")
    for store in found.stores + (() if args.store else (None,)):
        t = found.totals(store)
        print(f"  {store or 'all stores':<10}" + "".join(money(t[key]) for key in (
            "current", "days_1_30", "days_31_60", "days_60_plus", "credit", "total")))
    _write(args, aging_csv(found))
    return 0
