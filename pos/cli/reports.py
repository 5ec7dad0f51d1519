"""`pos report day|x|z`: the day's report, the open shift's X report and the Z reports of
the shifts closed that day, on screen and as CSV or PDF."""

from __future__ import annotations

from pos.cli.common import day_argument, money, write_file
from pos.day import reports, shifts
from pos.store import details


def register(sub) -> None:
    report = sub.add_parser("report", help="the day's report (sales, tenders, attach rate, ...)")
    report.add_argument("kind", choices=["day", "x", "z"],
                        help="day: a business day; x: the open shift; z: shifts closed that day")
    report.add_argument("--date", help="YYYY-MM-DD (default: today)")
    report.add_argument("--store", help="a store code (default: all stores, or --terminal)")
    report.add_argument("--csv", metavar="FILE", help="also write the report as CSV")
    report.add_argument("--pdf", metavar="FILE", help="also write the report as a PDF with charts")
    report.set_defaults(run=run, writes=False)


def run(args, db, terminal) -> int:
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
    for kind, (count, total) in report.documents.items():
        print(f"  {kind:<8} {count:>5}  {money(total)}")
    print(f"  {'net':<8} {'':>5}  {money(report.net)}")
    for rate in report.attach_by_category:
        print(f"  attach rate {rate.key}: {rate.count}/{rate.base} = {rate.rate_bp / 100:g}%")
    for rate in report.cards_by_tier:
        print(f"  card take-up {rate.key}: {rate.count}/{rate.base} = {rate.rate_bp / 100:g}%")
    for item in report.items[:10]:
        print(f"  {item.name:<28} sold {item.sold:>3}  declined {item.declined:>3}  "
              f"not offered {item.not_offered:>3}")
    for commission in report.commissions:
        print(f"  commission {commission.staff}: {commission.rate_bp / 100:g}% of "
              f"{money(commission.sales).strip()} = {money(commission.amount).strip()}")
    write_outputs(args, db, terminal, lambda: reports.report_csv(report),
                  lambda pdf: pdf.report_pdf(report, **pdf.store))
    return 0


class _Pdf:
    """The PDF layouts, loaded only when a PDF is asked for (ReportLab is heavy), and the
    store's name and language they print with."""

    def __init__(self, db, terminal):
        from printing.report_pdf import report_pdf
        from printing.shift_pdf import shift_report_pdf

        self.report_pdf, self.shift_report_pdf = report_pdf, shift_report_pdf
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
