"""`pos report day|period|commissions|x|z`: the day's report, a period's (a week, a
month), the month's commission statement, the open shift's X report and the Z reports
of the shifts closed that day, on screen and as CSV or PDF. And the stock reports
(pos.stock.reports): `stock-value`, `stock-moves --from D --to D [--kind K]`,
`aged --days N`, `sell-through --from D --to D`, for a store (--store) or every store."""

from __future__ import annotations

from pos.cli.common import day_argument, money, write_file
from pos.day import commissions, reports, shifts
from pos.kernel.errors import UserError
from pos.kernel.messages import msg
from pos.store import details


def register(sub) -> None:
    report = sub.add_parser("report", help="the day's report (sales, tenders, attach rate, ...)")
    report.add_argument("kind", choices=["day", "period", "commissions", "x", "z", *STOCK],
                        help="day: a business day; period: --from D --to D (or --month); "
                             "commissions: a month's statement (--month); x: the open shift; "
                             "z: shifts closed that day; stock-value: stock at cost; "
                             "stock-moves: a period's stock movements (--from/--to, --kind); "
                             "aged: stock older than --days N; sell-through: sold of what "
                             "there was to sell (--from/--to)")
    report.add_argument("--date", help="YYYY-MM-DD (default: today)")
    report.add_argument("--from", dest="start", metavar="DATE", help="period: first day")
    report.add_argument("--to", dest="end", metavar="DATE", help="period: last day (default: today)")
    report.add_argument("--month", help="YYYY-MM: a calendar month (default: this month)")
    report.add_argument("--store", help="a store code (default: all stores, or --terminal)")
    report.add_argument("--days", type=int, help="aged: in stock longer than this many days")
    report.add_argument("--kind", dest="move_kind", metavar="KIND",
                        help="stock-moves: one kind (receipt, transfer_out, transfer_in, count, "
                             "adjust, write_off, opening, or sale)")
    report.add_argument("--csv", metavar="FILE", help="also write the report as CSV")
    report.add_argument("--pdf", metavar="FILE", help="also write the report as a PDF with charts")
    report.set_defaults(run=run, writes=False)


def run(args, db, terminal) -> int:
    if args.kind in STOCK:
        return stock_report(args, db, terminal)
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
    show_deposits_held(db, terminal)
    return 0


def show_deposits_held(db, terminal) -> None:
    """The till's store's pre-order deposits held now (a liability), when there are any."""
    from pos.accounts.preorders import deposits_held

    store = details.store_info(db, terminal=terminal).code
    held = deposits_held(db, store=store)
    if held:
        print("  " + _say()("report.store_deposits_held", store=store,
                            amount=money(held).strip()))


TENDER_NAMES = {"cash": "tender_name.cash", "bank_card": "tender_name.bank_card",
                "wechat": "tender_name.wechat", "alipay": "tender_name.alipay",
                "voucher": "tender_name.voucher", "on_account": "tender_name.on_account",
                "exchange": "tender_name.exchange", "deposit": "tender_name.deposit",
                "transfer": "tender_name.transfer"}
# the account money of a shift (issue 19), each shown only when there was any
SHIFT_ACCOUNT = (("account_in", "report.shift_account_in"),
                 ("deposits_in", "report.shift_deposits_in"),
                 ("deposits_out", "report.shift_deposits_out"))


def _say():
    """A renderer in the reader's language: POS_LOCALE, else the system's (the X and Z
    reports, as the A4 report and the receipt do, name tenders rather than codes)."""
    import os

    from pos.kernel.messages import render
    from pos.kernel.translations import choose_locale, load_translations

    translations = load_translations(choose_locale(os.environ.get("POS_LOCALE")))
    translate = translations.message_template if translations else None
    return lambda message_id, **values: render(msg(message_id, **values), translate=translate)


def _local(moment) -> str:
    """A stored (UTC) time as the store's clock shows it, as the PDF prints it."""
    return f"{moment.astimezone():%Y-%m-%d %H:%M}" if moment is not None else "-"


def _tenders(say, tenders: dict[str, int], indent: str = "  ") -> None:
    names = {tender: say(TENDER_NAMES[tender]) if tender in TENDER_NAMES else tender
             for tender in tenders}
    pad = max([len(name) + sum(1 for c in name if ord(c) > 0x2e80) for name in names.values()]
              + [12])
    for tender, amount in tenders.items():
        name = names[tender]
        print(f"{indent}{name}{' ' * (pad - len(name) - sum(1 for c in name if ord(c) > 0x2e80))} "
              f"{money(amount)}")


def _shift_account(say, shift) -> None:
    """Payments on account and deposits that crossed the drawer (in its expected cash)."""
    for key, message_id in SHIFT_ACCOUNT:
        values = getattr(shift, key, None)
        if values:
            print("  " + say(message_id))
            _tenders(say, values, indent="    ")


def show_x(x) -> None:
    say = _say()
    print(say("report.x_heading", terminal=x.terminal, shift=x.shift_id, opened=_local(x.opened_at)))
    print("  " + say("report.x_sales", count=x.sales, total=money(x.sales_total),
                     returns=money(x.refunds_total)))
    _tenders(say, x.tenders)
    _shift_account(say, x)
    print("  " + say("report.x_expected", amount=money(x.expected_cash)))


def show_z(z) -> None:
    say = _say()
    print(say("report.z_heading", number=z.z_number, terminal=z.terminal, shift=z.shift_id,
              opened=_local(z.opened_at), closed=_local(z.closed_at), count=z.sales,
              total=money(z.sales_total).strip(), returns=money(z.refunds_total).strip()))
    _tenders(say, z.tenders)
    _shift_account(say, z)
    print("  " + say("report.z_cash", expected=money(z.expected_cash).strip(),
                     counted=money(z.counted_cash).strip(),
                     over_short=money(z.over_short).strip()))


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
    if report.departments:
        show_departments(report)
    if report.has_account:
        show_account(report)
    if report.commissions is not None:
        show_commissions(report.commissions, indent="  ")


def show_departments(report) -> None:
    """Attach selling by department (the counter's units, the service departments' jobs)
    and by technician: shown when jobs were worked in the period."""
    print("  attach selling by department (units or jobs, with a sheet item, items sold):")
    for d in report.departments:
        print(f"    {d.key:<13} {d.base:>5}  attached {d.attached:>4} = "
              f"{d.rate_bp / 100:g}%  items {d.items_sold:>4}")
    if report.technicians:
        print("  attach selling by technician (jobs, with a sheet item sold, items sold):")
    for d in report.technicians:
        print(f"    {d.key:<13} {d.base:>5}  attached {d.attached:>4} = "
              f"{d.rate_bp / 100:g}%  items {d.items_sold:>4}")


def show_account(report) -> None:
    """The account section: none of it is in the sales; payments received and deposits
    are money in, shown apart, and counted in the takings."""
    a = report.account
    print("  customer accounts and deposits:")
    print(f"    sales on account {money(a.sales_on_account).strip()}, refunds to account "
          f"{money(a.refunds_to_account).strip()}, written off {money(a.write_offs).strip()}")
    for label, values in (("payments received", a.payments),
                          ("deposits taken", a.deposits_taken),
                          ("deposits paid back", a.deposits_refunded)):
        if values:
            parts = ", ".join(f"{tender} {money(amount).strip()}" for tender, amount in
                              values.items())
            print(f"    {label}: {parts}")
    print(f"    deposits used on sales {money(a.deposits_used).strip()}, held at the end "
          f"{money(a.deposits_held).strip()}")
    takings = ", ".join(f"{tender} {money(amount).strip()}" for tender, amount in
                        report.takings.items())
    print(f"  takings (money in): {takings or '-'}")


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


# --- stock ---------------------------------------------------------------------------

STOCK = ("stock-value", "stock-moves", "aged", "sell-through")


def _dates(args):
    if not args.start:
        raise UserError("report.period_needs_from")
    return day_argument(args.start), day_argument(args.end)


def stock_report(args, db, terminal) -> int:
    """The stock reports: printed, and written as CSV or PDF when asked."""
    from pos.stock import report_csv
    from pos.stock import reports as stock

    where = args.store or "all stores"
    if args.kind == "stock-value":
        found = stock.stock_value(db, store=args.store)
        print(f"Stock at cost ({where})")
        for s in found.stores:
            print(f"  {s.store} {s.name}: {s.units} units  {money(s.value)}")
            for c in s.categories:
                print(f"    {c.name:<34} {c.units:>7}  {money(c.value)}")
        print(f"  total {found.units} units  {money(found.value)}")
        csv_bytes, layout = report_csv.stock_value_csv, "stock_value_pdf"
    elif args.kind == "stock-moves":
        start, end = _dates(args)
        found = stock.movements(db, store=args.store, start=start, end=end, kind=args.move_kind)
        print(f"Stock movements {start} to {end} ({where}): {len(found.rows)}")
        for r in found.rows:
            print(f"  {r.at.astimezone():%Y-%m-%d %H:%M} {r.store} {r.document:<15} {r.kind:<12} "
                  f"{r.sku:<16} {r.qty:>+6} {r.serial or ''} {r.reason.value if r.reason else ''}"
                  .rstrip())
        csv_bytes, layout = report_csv.movements_csv, "movements_pdf"
    elif args.kind == "aged":
        found = stock.aged_stock(db, store=args.store,
                                 days=args.days if args.days is not None else -1)
        print(f"In stock longer than {found.days} days ({where}): {found.units} units, "
              f"{money(found.value).strip()} at cost")
        for r in found.rows:
            since = f"since {r.received.astimezone():%Y-%m-%d}" if r.received else "(first in, first out)"
            print(f"  {r.store} {r.sku:<16} {r.serial or '':<18} {r.qty:>5}  {money(r.value)}  {since}")
        csv_bytes, layout = report_csv.aged_csv, "aged_pdf"
    else:
        start, end = _dates(args)
        found = stock.sell_through(db, store=args.store, start=start, end=end)
        print(f"Sell-through {start} to {end} ({where})")
        for r in found.rows:
            rate = "-" if r.rate_bp is None else f"{r.rate_bp / 100:.2f}%"
            print(f"  {r.store} {r.sku:<16} sold {r.sold:>5} of {r.opening:>5} + {r.received:>5}"
                  f" received = {rate}")
        csv_bytes, layout = report_csv.sell_through_csv, "sell_through_pdf"

    def pdf_bytes(pdf):
        from printing import stock_reports

        return getattr(stock_reports, layout)(found, **pdf.store)

    write_outputs(args, db, terminal, lambda: csv_bytes(found), pdf_bytes)
    return 0
