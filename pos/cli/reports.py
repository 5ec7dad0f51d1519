"""`pos report day|period|commissions|x|z`: the day's report, a period's (a week, a
month), the month's commission statement, the open shift's X report and the Z reports
of the shifts closed that day, on screen and as CSV or PDF."""

from __future__ import annotations

from pos.cli.common import day_argument, money, write_file
from pos.day import commissions, reports, shifts
from pos.kernel.errors import UserError
from pos.store import details


def register(sub) -> None:
    report = sub.add_parser("report", help="the day's report (sales, tenders, attach rate, ...)")
    report.add_argument("kind", choices=["day", "period", "commissions", "x", "z"],
                        help="day: a business day; period: --from D --to D (or --month); "
                             "commissions: a month's statement (--month); x: the open shift; "
                             "z: shifts closed that day")
    report.add_argument("--date", help="YYYY-MM-DD (default: today)")
    report.add_argument("--from", dest="start", metavar="DATE", help="period: first day")
    report.add_argument("--to", dest="end", metavar="DATE", help="period: last day (default: today)")
    report.add_argument("--month", help="YYYY-MM: a calendar month (default: this month)")
    report.add_argument("--store", help="a store code (default: all stores, or --terminal)")
    report.add_argument("--csv", metavar="FILE", help="also write the report as CSV")
    report.add_argument("--pdf", metavar="FILE", help="also write the report as a PDF with charts")
    report.set_defaults(run=run, writes=False)


def run(args, db, terminal) -> int:
    if args.kind == "period":
        return period_report(args, db, terminal)
    if args.kind == "commissions":
        return commission_report(args, db, terminal)
    day = day_argument(args.date)
    if args.kind == "day":
        return day_report(args, db, terminal, day)
    if args.store:  # X and Z are per terminal; a store named all the same must exist
        reports.check_codes(db, store=args.store)
    found = ([shifts.x_report(db, terminal=terminal)] if args.kind == "x"
             else shifts.z_reports(db, terminal=terminal, day=day))
    write_outputs(args, db, terminal, lambda: shifts.shift_reports_csv(found),
                  lambda pdf: pdf.shift_report_pdf(found, **pdf.store))
    if args.kind == "x":
        show_x(found[0])
    else:
        for z in found:
            show_z(z)
    return 0


def show_x(x) -> None:
    print(f"X report {x.terminal}, shift {x.shift_id} open since {x.opened_at:%Y-%m-%d %H:%M}")
    print(f"  sales {x.sales}  {money(x.sales_total)}   returns/voids {money(x.refunds_total)}")
    for tender, amount in x.tenders.items():
        print(f"  {tender:<12} {money(amount)}")
    print(f"  expected cash in drawer {money(x.expected_cash)}")


def show_z(z) -> None:
    print(f"Z {z.z_number} {z.terminal}: shift {z.shift_id}, {z.sales} sales "
          f"{money(z.sales_total).strip()}, returns/voids {money(z.refunds_total).strip()}")
    for tender, amount in z.tenders.items():
        print(f"  {tender:<12} {money(amount)}")
    print(f"  expected cash {money(z.expected_cash).strip()}, counted "
          f"{money(z.counted_cash).strip()}, over/short {money(z.over_short).strip()}")


def day_report(args, db, terminal, day) -> int:
    # --store for one store; else --terminal for one till; else every store
    report = reports.day_report(db, day=day, store=args.store,
                                terminal=None if args.store else args.terminal)
    print(f"Day report {day} ({report.scope})")
    show_report(report)
    write_outputs(args, db, terminal, lambda: reports.report_csv(report),
                  lambda pdf: pdf.report_pdf(report, **pdf.store))
    return 0


def period_report(args, db, terminal) -> int:
    if args.month:
        if args.start or args.end:
            raise UserError("report.month_or_dates")
        start, end = commissions.month_bounds(args.month)
    else:
        if not args.start:
            raise UserError("report.period_needs_from")
        start, end = day_argument(args.start), day_argument(args.end)
    report = reports.period_report(db, start=start, end=end, store=args.store,
                                   terminal=None if args.store else args.terminal)
    print(f"Report {start} to {end} ({report.scope})")
    show_report(report)
    write_outputs(args, db, terminal, lambda: reports.report_csv(report),
                  lambda pdf: pdf.report_pdf(report, **pdf.store))
    return 0


def show_report(report) -> None:
    """Every figure and every sheet item: nothing is cut without saying so."""
    for kind, (count, total) in report.documents.items():
        print(f"  {kind:<8} {count:>5}  {money(total)}")
    print(f"  {'net':<8} {'':>5}  {money(report.net)}")
    k = report.kpis
    print(f"  units sold (kept) {k.units}")
    print(f"  attach rate: {k.attach.count}/{k.attach.base} = {pct(k.attach)} "
          f"(units that left with a sheet item)")
    print(f"  items per unit: {k.items_per_unit.count}/{k.items_per_unit.base} = "
          f"{k.items_per_unit.per_unit_x100 / 100:.2f}")
    print(f"  card take-up (any card): {k.any_card.count}/{k.any_card.base} = {pct(k.any_card)}")
    for rate in k.attach_by_category:
        print(f"  attach rate {rate.key}: {rate.count}/{rate.base} = {pct(rate)}")
    for rate in k.cards_by_tier:
        print(f"  card take-up {rate.key}: {rate.count}/{rate.base} = {pct(rate)}")
    if k.items:
        print(f"  sheet items ({len(k.items)}):")
    for item in k.items:
        print(f"    {item.name:<28} sold {item.sold:>4}  declined {item.declined:>4}  "
              f"not offered {item.not_offered:>4}")
    for person in report.by_staff:
        print(f"  {person.name}: {person.units} units, {person.attached} with a sheet item, "
              f"{person.items_sold} items, cards {person.carded}/{person.card_eligible}, "
              f"sales {money(person.sales).strip()}")
    if report.commissions is not None:
        show_commissions(report.commissions, indent="  ")


def pct(ratio) -> str:
    return f"{ratio.rate_bp / 100:g}%"


def show_commissions(statement, indent: str = "") -> None:
    print(f"{indent}commissions {statement.start} to {statement.end}:")
    for p in statement.people:
        scheme = p.scheme_name or "no scheme"
        print(f"{indent}  {p.staff} ({scheme}): sold {money(p.sales).strip()}, returns "
              f"{money(p.reversals).strip()}, basis {money(p.basis).strip()}, step {p.step} "
              f"at {p.rate_bp / 100:g}% = {money(p.amount).strip()}")
    print(f"{indent}  total {money(statement.total).strip()}; store net sales "
          f"{money(statement.net_sales).strip()}, returns without a receipt "
          f"{money(statement.unattributed).strip()}")


def commission_report(args, db, terminal) -> int:
    start, end = commissions.month_bounds(args.month or day_argument(None).isoformat()[:7])
    found = commissions.commission_statement(db, start=start, end=end, store=args.store,
                                             terminal=None if args.store else args.terminal)
    print(f"Commissions {args.month or start.isoformat()[:7]} ({found.scope})")
    show_commissions(found)
    write_outputs(args, db, terminal, lambda: commissions.statement_csv(found),
                  lambda pdf: pdf.commission_pdf(found, **pdf.store))
    return 0


class _Pdf:
    """The PDF layouts, loaded only when a PDF is asked for (ReportLab is heavy), and the
    store's name and language they print with."""

    def __init__(self, db, terminal):
        from printing.report_pdf import commission_pdf, report_pdf
        from printing.shift_pdf import shift_report_pdf

        self.report_pdf, self.shift_report_pdf = report_pdf, shift_report_pdf
        self.commission_pdf = commission_pdf
        info = details.store_info(db, terminal=terminal)
        self.store = {"locale": info.locale, "store_name": info.name}


def write_outputs(args, db, terminal, csv_bytes, pdf_bytes) -> None:
    """--csv and --pdf, when asked for."""
    if args.csv:
        write_file(args.csv, csv_bytes())
        print(f"written {args.csv}")
    if args.pdf:
        write_file(args.pdf, pdf_bytes(_Pdf(db, terminal)))
        print(f"written {args.pdf}")
