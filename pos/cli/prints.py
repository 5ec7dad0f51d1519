"""`pos print ...`: the command line's way into the print queue and the documents.

Part of the `pos` command (the composition root), so it may reach into printing/; the
store's logic elsewhere in pos/ never does."""

from __future__ import annotations

from pathlib import Path

from pos.kernel.errors import UserError
from pos.printjobs import print_queue
from pos.printjobs.print_queue import PrintRequest
from pos.printjobs.records import load_blank_sheet, load_card, load_sale


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
            raise UserError(f"receipt not printed (job {job.id} kept for retry): {outcome.message}")
        print(f"receipt {job.ref} printed (copy) to {outcome.message}")
        return 0
    if action == "sheet":
        from printing.sheet_pdf import sheet_pdf

        record = load_sale(db, receipt_no=args.number)
        copies = tuple(c.strip() for c in args.copies.split(",") if c.strip())
        unknown = set(copies) - {"customer", "store", "installer"}
        if unknown:
            raise UserError("copies are customer, store and installer; not " + ", ".join(sorted(unknown)))
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
        if args.run or args.retry is not None:
            for outcome in dispatch.run_due_jobs(db, terminal=terminal):
                state = "printed" if outcome.printed else "FAILED"
                print(f"job {outcome.job_id} {outcome.kind} {outcome.ref}: {state} {outcome.message}")
        for job in print_queue.failed_jobs(db, terminal=terminal):
            print(f"failed job {job.id} {job.kind} {job.ref} after {job.attempts} tries: {job.last_error}")
        return 0
    raise AssertionError(action)


def _write(path: str, pdf: bytes) -> None:
    try:
        Path(path).write_bytes(pdf)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror}") from exc
    print(f"written {path}")
