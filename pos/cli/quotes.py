"""`pos` commands: quotes for business customers and invoice requests (issue 19).

    pos quote list [--state open|accepted|converted|cancelled|expired] [--store S01]
        [--customer PHONE|#id]
    pos quote show S01-QT-000001 [--pdf FILE] [--locale en|zh_CN]
    pos quote cancel S01-QT-000001 --staff NAME
    pos quote report --from 2026-12-01 --to 2026-12-31 [--store S01] [--csv FILE]
    pos invoices list [--from D] [--to D] [--unexported]
    pos invoices request RECEIPT --staff NAME
    pos invoices export --from D --to D --csv FILE [--all]

`pos customer set PHONE --company --tax-id --address --phone --bank --account --owner`
lives with the other customer commands (pos.cli.customers)."""

from __future__ import annotations

from pos.cli.common import day_argument, money, write_file

STATES = ("open", "accepted", "converted", "cancelled", "expired")


def register(sub) -> None:
    group = sub.add_parser("quote", help="quotes for business customers (报价单)") \
        .add_subparsers(dest="action", required=True)
    listing = group.add_parser("list", help="quotes, newest first")
    listing.add_argument("--state", choices=STATES)
    listing.add_argument("--store", metavar="CODE")
    listing.add_argument("--customer", metavar="PHONE|#ID")
    listing.set_defaults(run=list_quotes, writes=False)
    show = group.add_parser("show", help="a quote's lines and totals; --pdf prints it")
    show.add_argument("quote_no")
    show.add_argument("--pdf", metavar="FILE")
    show.add_argument("--locale", choices=["en", "zh_CN"], help="the PDF's language "
                      "(the store's unless given)")
    show.set_defaults(run=show_quote, writes=False)
    cancel = group.add_parser("cancel", help="the customer declined: the quote is not sold")
    cancel.add_argument("quote_no")
    cancel.add_argument("--staff", required=True, metavar="STAFF_NAME")
    cancel.set_defaults(run=cancel_quote)
    report = group.add_parser("report", help="issued, converted (rate), expired, open and "
                              "cancelled quotes per staff member")
    report.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    report.add_argument("--store", metavar="CODE")
    report.add_argument("--csv", metavar="FILE")
    report.set_defaults(run=quote_report, writes=False)

    invoices = sub.add_parser("invoices", help="invoice (fapiao) requests for the "
                              "accounting system").add_subparsers(dest="action", required=True)
    requests = invoices.add_parser("list", help="invoice requests, oldest first")
    requests.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
    requests.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
    requests.add_argument("--unexported", action="store_true", help="only those not exported")
    requests.set_defaults(run=list_requests, writes=False)
    request = invoices.add_parser("request", help="ask for an invoice for a sale made")
    request.add_argument("receipt_no")
    request.add_argument("--staff", required=True, metavar="STAFF_NAME")
    request.set_defaults(run=request_invoice)
    export = invoices.add_parser("export", help="the requests as CSV by VAT rate (marked "
                                 "exported)")
    export.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    export.add_argument("--csv", required=True, metavar="FILE")
    export.add_argument("--all", action="store_true", help="also those exported before")
    export.set_defaults(run=export_requests)


def _staff(db, name: str):
    from pos.cli.customers import staff_named

    return staff_named(db, name)


def list_quotes(args, db, terminal) -> int:
    from pos.accounts import quotes

    for q in quotes.list_quotes(db, store=args.store, state=args.state, customer=args.customer):
        sold = f"  -> {q.converted_receipt}" if q.converted_receipt else ""
        print(f"{q.quote_no}  {q.created_at:%Y-%m-%d}  {q.state:<9} until {q.valid_until}  "
              f"{money(q.total)}  {q.staff_name:<12} {q.customer}{sold}")
    return 0


def show_quote(args, db, terminal) -> int:
    from pos.accounts import quotes

    q = quotes.quote_view(db, quote_no=args.quote_no)
    print(f"{q.quote_no}  {q.state}  issued {q.created_at:%Y-%m-%d} by {q.staff_name}, "
          f"valid until {q.valid_until}")
    print(f"for {q.invoice.company or q.customer.name}  {q.customer.name} {q.customer.phone}"
          + (f"  tax id {q.invoice.tax_id}" if q.invoice.tax_id else ""))
    for line in q.lines:
        indent = "  " if line.parent is not None else ""
        off = f" -{money(line.discount).strip()}" if line.discount else ""
        print(f"  {line.position:>3} {indent}{line.sku:<16} {line.name[:40]:<40} "
              f"{line.quantity:>4} x {money(line.unit_price).strip()}{off}  "
              f"{money(line.line_total)}")
    print(f"  total {money(q.total)} (VAT {money(q.vat_total).strip()})")
    if q.note:
        print(f"  note: {q.note}")
    if q.converted_receipt:
        print(f"  sold as {q.converted_receipt}")
    if args.pdf:
        write_file(args.pdf, _quote_pdf(db, q, args.locale))
        print(f"written {args.pdf}")
    return 0


def _quote_pdf(db, q, locale: str | None) -> bytes:
    from sqlalchemy import select

    from pos.db.models import Store
    from pos.printjobs.records import store_header
    from printing.quote_pdf import quote_pdf

    with db.read() as session:
        store = store_header(session.scalars(select(Store).where(
            Store.code == q.store_code)).one())
    return quote_pdf(q, locale=locale or store.locale, store=store)


def cancel_quote(args, db, terminal) -> int:
    from pos.accounts import quotes

    q = quotes.cancel_quote(db, quote_no=args.quote_no, staff_id=_staff(db, args.staff).id)
    print(f"{q.quote_no} cancelled")
    return 0


def quote_report(args, db, terminal) -> int:
    from pos.accounts.quote_report import quote_report as report
    from pos.accounts.quote_report import quote_report_csv

    found = report(db, start=day_argument(args.start), end=day_argument(args.end),
                   store=args.store)
    print(f"Quotes {found.start} to {found.end}" + (f" ({found.store})" if found.store else ""))
    print(f"  {'staff':<14} {'issued':>6} {'value':>12} {'sold':>5} {'value':>12} {'rate':>5} "
          f"{'expired':>7} {'open':>5} {'cancelled':>9}")
    for f in (*found.people, found.total):
        print(f"  {f.staff_name or 'total':<14} {f.issued:>6} {money(f.issued_value)} "
              f"{f.converted:>5} {money(f.converted_value)} {f.rate_bp // 100:>4}% "
              f"{f.expired:>7} {f.open:>5} {f.cancelled:>9}")
    if args.csv:
        write_file(args.csv, quote_report_csv(found))
        print(f"written {args.csv}")
    return 0


def list_requests(args, db, terminal) -> int:
    from pos.accounts import invoices

    start = day_argument(args.start) if args.start else None
    end = day_argument(args.end) if args.end else None
    for r in invoices.list_requests(db, start=start, end=end, unexported_only=args.unexported):
        done = "exported" if r.exported_at else "new"
        print(f"{r.receipt_no}  {r.business_date}  {money(r.total)}  {done:<8} {r.company}  "
              f"{r.tax_id}")
    return 0


def request_invoice(args, db, terminal) -> int:
    from pos.accounts import invoices

    r = invoices.request_invoice(db, receipt_no=args.receipt_no,
                                 staff_id=_staff(db, args.staff).id)
    print(f"invoice requested for {r.receipt_no}: {r.company} {r.tax_id}")
    return 0


def export_requests(args, db, terminal) -> int:
    from pos.accounts import invoices

    data = invoices.export_requests(db, start=day_argument(args.start),
                                    end=day_argument(args.end), unexported_only=not args.all,
                                    deliver=lambda data: write_file(args.csv, data))
    rows = data.decode("utf-8-sig").count("\n") - 1
    print(f"written {args.csv} ({rows} rows)")
    return 0
