"""`pos report confirmations --from D --to D [--store S01] [--csv FILE]` (issue 20): the
units sold in the period that left without a service card, per salesperson and per
technician, each "card confirmed 3 of 5 times" against the store's required number, and
how many later turned into a card sale. It joins `pos report`'s kinds (pos.cli.reports)."""

from __future__ import annotations

from pos.cli.common import day_argument, write_file

KIND = "confirmations"


def register(sub) -> None:
    report = sub.choices["report"]
    kind = next(action for action in report._actions if action.dest == "kind")  # noqa: SLF001
    kind.choices = [*kind.choices, KIND]
    kind.help = (kind.help or "") + "; confirmations: units that left without a card and how " \
        "many times the card was confirmed (--from/--to)"
    earlier = report.get_default("run")

    def run(args, db, terminal) -> int:
        if args.kind == KIND:
            return confirmations(args, db, terminal)
        return earlier(args, db, terminal)

    report.set_defaults(run=run)


def confirmations(args, db, terminal) -> int:
    from pos.kernel.messages import render
    from pos.service.confirmation_report import confirmation_report, confirmation_report_csv

    end = day_argument(args.end)
    start = day_argument(args.start) if args.start else end
    found = confirmation_report(db, start=start, end=end, store=args.store)
    print(f"Card confirmations {found.start} to {found.end}"
          + (f" ({found.store})" if found.store else "")
          + f": {found.required} required; {found.with_card} units sold with a card")
    for title, people in (("salesperson", found.salespeople), ("technician", found.technicians)):
        print(f"  {title:<14} {'no card':>7} {'short':>5} {'points':>6} {'later card':>10}")
        for p in people:
            print(f"  {p.name:<14} {p.units:>7} {p.short:>5} {p.points:>6} {p.later_cards:>10}")
    for u in found.units:
        later = f"  -> card {u.later_card}" if u.later_card else ""
        print(f"  {u.receipt_no}  {u.sold_on}  {u.unit_name}  {u.serial or '-'}  "
              f"{u.seller_name}: {render(u.summary())}{later}")
    if args.csv:
        write_file(args.csv, confirmation_report_csv(found))
        print(f"written {args.csv}")
    return 0
