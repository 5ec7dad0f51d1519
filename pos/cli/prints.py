"""`pos print ...`: the command line's way into the print queue and the documents.

Part of the `pos` command (the composition root), so it may reach into printing/; the
store's logic elsewhere in pos/ never does."""

from __future__ import annotations

from pos.cli.common import write_file
from pos.kernel.errors import UserError
from pos.printjobs import print_queue
from pos.printjobs.print_queue import PrintRequest
from pos.printjobs.records import load_blank_sheet, load_card, load_sale


def register(sub) -> None:
    group = sub.add_parser("print", help="receipts, sheets and card certificates").add_subparsers(
        dest="action", required=True)
    receipt = group.add_parser("receipt", help="reprint a receipt (marked as a copy)")
    receipt.add_argument("number")
    receipt.add_argument("--printer", help="printer URI (default: this terminal's receipt printer)")
    receipt.add_argument("--paper", type=int, choices=[58, 80])
    sheet = group.add_parser("sheet", help="a sale's configuration-sheet copies as PDF")
    sheet.add_argument("number")
    sheet.add_argument("--out", required=True)
    sheet.add_argument("--copies", default="customer,store,installer")
    sheet.add_argument("--page", default="A4", choices=["A4", "A5"])
    sheet.set_defaults(writes=False)
    blank = group.add_parser("blank-sheet", help="an empty sheet of a layout, for paper pads")
    blank.add_argument("layout", choices=["desktop_pc", "notebook", "digital", "phone"])
    blank.add_argument("--out", required=True)
    blank.add_argument("--page", default="A4", choices=["A4", "A5"])
    blank.add_argument("--sheet", help="the sheet's code where a layout has several (dslr, compact)")
    blank.set_defaults(writes=False)
    card = group.add_parser("card", help="a service-card certificate (A5 PDF)")
    card.add_argument("number")
    card.add_argument("--out", required=True)
    card.set_defaults(writes=False)
    queue = group.add_parser("queue", help="print jobs: list failed ones, retry, run what is due")
    queue.add_argument("--retry", type=int, metavar="JOB_ID")
    queue.add_argument("--run", action="store_true", dest="run_due",  # not args.run: the command
                       help="send every due job now")
    sub.choices["print"].set_defaults(run=run_print_command)


def run_print_command(args, db, terminal: str) -> int:
    from printing import dispatch

    action = args.action
    if action == "receipt":
        config = print_queue.printer_config(db, terminal=terminal)
        load_sale(db, receipt_no=args.number)  # a clear error for an unknown number
        job = print_queue.enqueue(db, terminal=terminal, ref=args.number.strip().upper(), reprint=True,
                                  request=PrintRequest("receipt", args.printer or config.receipt_uri,
                                                       options={"paper_mm": args.paper or config.paper_mm,
                                                                "encoding": config.encoding}))
        outcome = dispatch.run_job(db, job)
        if not outcome.printed:
            raise UserError("print.receipt_not_printed", job=job.id,
                            reason=outcome.refusal or outcome.message)
        print(f"receipt {job.ref} printed (copy) to {outcome.message}")
        return 0
    if action == "sheet":
        from printing.sheet_pdf import sheet_pdf

        record = load_sale(db, receipt_no=args.number)
        copies = tuple(c.strip() for c in args.copies.split(",") if c.strip())
        unknown = set(copies) - {"customer", "store", "installer"}
        if unknown:
            raise UserError("print.bad_copies", copies=sorted(unknown))
        _write(args.out, sheet_pdf(record, copies=copies, page_size=args.page,
                                   locale=record.store.locale))
        return 0
    if action == "blank-sheet":
        from printing.sheet_pdf import blank_sheet_pdf

        store, sheet = load_blank_sheet(db, layout=args.layout, sheet=args.sheet)
        _write(args.out, blank_sheet_pdf(store, sheet, page_size=args.page, locale=store.locale))
        return 0
    if action == "card":
        from printing.card_pdf import card_certificate_pdf

        store, card = load_card(db, card_no=args.number)
        _write(args.out, card_certificate_pdf(store, card, locale=store.locale))
        return 0
    if action == "queue":
        if args.retry is not None:
            print_queue.retry(db, job_id=args.retry)
        if args.run_due or args.retry is not None:
            for outcome in dispatch.run_due_jobs(db, terminal=terminal):
                state = "printed" if outcome.printed else "FAILED"
                print(f"job {outcome.job_id} {outcome.kind} {outcome.ref}: {state} {outcome.message}")
        for job in print_queue.failed_jobs(db, terminal=terminal):
            print(f"failed job {job.id} {job.kind} {job.ref} after {job.attempts} tries: {job.last_error}")
        return 0
    raise AssertionError(action)


def _write(path: str, pdf: bytes) -> None:
    write_file(path, pdf)
    print(f"written {path}")
