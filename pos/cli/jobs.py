"""`pos job ...`: service jobs (issue 20) through the same services as the till's jobs
board (pos.service).

    pos job register --kind installation|on_site|repair (--receipt R [--line N] | --serial S)
        --need TEXT [--customer PHONE|#id] [--priority 1-3] [--area city|county]
        [--address A] [--phone P] [--technician NAME] [--start "YYYY-MM-DD HH:MM"
        --end "YYYY-MM-DD HH:MM"] [--fault F] [--accessories A] [--condition C]
        [--estimate 150.00] [--request ID] --staff NAME
    pos job list [--store S01] [--technician NAME]       every open job, by time left
    pos job board [--day DATE] [--technician NAME] [--store S01] [--no-overdue]
    pos job show JOB_NO
    pos job move JOB_NO STATE [--note N] [--at "YYYY-MM-DD HH:MM"] --staff NAME
    pos job assign JOB_NO (--technician NAME | --nobody) --staff NAME
    pos job schedule JOB_NO --start "YYYY-MM-DD HH:MM" --end "YYYY-MM-DD HH:MM" --staff NAME
    pos job diagnose JOB_NO --diagnosis TEXT [--estimate 150.00] --staff NAME
    pos job promise [--from DATE] [--to DATE] [--store S01]

Times are the store's local time. Every refusal exits with 1 and changes nothing."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from pos.cli.common import day_argument, money
from pos.kernel.enums import ServiceJobKind, ServiceJobState
from pos.kernel.errors import UserError


def register(sub) -> None:
    group = sub.add_parser("job", help="service jobs: installation, on-site, repair") \
        .add_subparsers(dest="action", required=True)

    add = group.add_parser("register", help="register a job (the customer's request)")
    add.add_argument("--kind", required=True, choices=[k.value for k in ServiceJobKind])
    add.add_argument("--receipt", help="the sale of the unit")
    add.add_argument("--line", type=int, help="the unit's line on the receipt")
    add.add_argument("--serial", help="the unit's serial (or IMEI)")
    add.add_argument("--need", required=True, help="what the customer needs")
    add.add_argument("--customer", help="a phone or #id (else the sale's customer)")
    add.add_argument("--priority", type=int, default=2, help="1 urgent, 2, 3")
    add.add_argument("--area", help="the area of the service promise (city, county)")
    add.add_argument("--address", default="")
    add.add_argument("--phone", help="the contact phone")
    add.add_argument("--technician", metavar="STAFF_NAME")
    add.add_argument("--start", help="the appointment's start: YYYY-MM-DD HH:MM")
    add.add_argument("--end", help="the appointment's end")
    add.add_argument("--fault", default="", help="a repair's fault, as the customer says")
    add.add_argument("--accessories", default="", help="what was left with the unit")
    add.add_argument("--condition", default="", help="the unit's condition")
    add.add_argument("--estimate", help="the repair's estimate, e.g. 150.00")
    add.add_argument("--request", help="a request id (the same one again registers nothing)")
    _who(add)
    add.set_defaults(run=register_job)

    listing = group.add_parser("list", help="every open job of the store, by time left")
    listing.add_argument("--store", help="a store code (else the till's store)")
    listing.add_argument("--technician", metavar="STAFF_NAME")
    listing.set_defaults(run=list_jobs, writes=False, day=None, overdue=True)
    day = group.add_parser("board", help="a day's jobs and the overdue, by time left")
    day.add_argument("--day", metavar="DATE", help="YYYY-MM-DD (today when not given)")
    day.add_argument("--store", help="a store code (else the till's store)")
    day.add_argument("--technician", metavar="STAFF_NAME")
    day.add_argument("--no-overdue", dest="overdue", action="store_false")
    day.set_defaults(run=list_jobs, writes=False)

    show = group.add_parser("show", help="a job and its history (who, when, what)")
    show.add_argument("job_no")
    show.set_defaults(run=show_job, writes=False)

    move = group.add_parser("move", help="move a job to another state")
    move.add_argument("job_no")
    move.add_argument("state", choices=[s.value for s in ServiceJobState])
    move.add_argument("--note", default="")
    move.add_argument("--at", help="when it happened (YYYY-MM-DD HH:MM), else now")
    _who(move)
    move.set_defaults(run=move_job)

    assign = group.add_parser("assign", help="give a job to a technician")
    assign.add_argument("job_no")
    whom = assign.add_mutually_exclusive_group(required=True)
    whom.add_argument("--technician", metavar="STAFF_NAME")
    whom.add_argument("--nobody", action="store_true", help="take it from whoever has it")
    _who(assign)
    assign.set_defaults(run=assign_job)

    schedule = group.add_parser("schedule", help="agree a visit's appointment")
    schedule.add_argument("job_no")
    schedule.add_argument("--start", required=True, help="YYYY-MM-DD HH:MM")
    schedule.add_argument("--end", required=True, help="YYYY-MM-DD HH:MM")
    _who(schedule)
    schedule.set_defaults(run=schedule_job)

    diagnose = group.add_parser("diagnose", help="record a repair's diagnosis")
    diagnose.add_argument("job_no")
    diagnose.add_argument("--diagnosis", required=True)
    diagnose.add_argument("--estimate", help="e.g. 150.00")
    _who(diagnose)
    diagnose.set_defaults(run=diagnose_job)

    report = group.add_parser("promise", help="the service promise kept, per technician and area")
    report.add_argument("--from", dest="start", metavar="DATE", help="first day (30 days ago)")
    report.add_argument("--to", dest="end", metavar="DATE", help="last day (today)")
    report.add_argument("--store", help="a store code (all stores when not given)")
    report.set_defaults(run=promise_report, writes=False)


def _who(parser) -> None:
    parser.add_argument("--staff", required=True, metavar="STAFF_NAME",
                        help="who does it (an active staff member)")
    parser.add_argument("--pin", action="store_true",
                        help="also ask for and check the staff member's PIN")


def _staff(db, args) -> int:
    from pos.cli.stock import staff_id

    return staff_id(db, args)


def when(text: str | None) -> datetime | None:
    """A local date and time as typed (YYYY-MM-DD HH:MM), aware."""
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UserError("job.bad_when", text=text[:40]) from None
    return moment.astimezone() if moment.tzinfo is None else moment


def _amount(text: str | None) -> int | None:
    from pos.kernel.money import parse_amount

    return None if text is None else parse_amount(text)


def _local(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else "-"


def _appointment(args):
    start, end = when(args.start), when(args.end)
    if start is None and end is None:
        return None
    if start is None or end is None:
        raise UserError("job.appointment_order")
    return start, end


def _store(db, args, terminal):
    if args.store:
        return args.store
    from pos.accounts.accounts import store_for

    with db.read_connection() as conn:
        return store_for(conn, terminal)


def register_job(args, db, terminal) -> int:
    from pos.service import jobs

    job = jobs.register_job(
        db, kind=args.kind, staff_id=_staff(db, args), request_id=args.request or str(uuid.uuid4()),
        customer=args.customer, receipt=args.receipt, unit_line=args.line, serial=args.serial,
        need=args.need, priority=args.priority, area=args.area, address=args.address,
        contact_phone=args.phone, technician=args.technician, appointment=_appointment(args),
        fault=args.fault, accessories=args.accessories, condition=args.condition,
        estimate=_amount(args.estimate), terminal=terminal)
    again = " (already registered by this request)" if job.replayed else ""
    print(f"job {job.job_no} registered{again}: {job.kind.value}, {job.state.value}"
          + (f", due {_local(job.due_at)}" if job.due_at else "")
          + (", unit not sold here" if job.not_sold_here else "")
          + (f", card {job.card_no}" if job.card_no else ""))
    return 0


def list_jobs(args, db, terminal) -> int:
    from pos.service import board

    day = getattr(args, "day", None)
    day = day_argument(day) if day is not None or args.action == "board" else None
    store = _store(db, args, terminal) if not args.technician or args.store else None
    rows = board.jobs_board(db, store=store, technician=args.technician, day=day,
                            include_overdue=args.overdue)
    for row in rows:
        if row.minutes_left is None:
            left = "arrived" if row.due_at is not None else "-"
        else:
            left = f"{'LATE ' if row.late else ''}{row.minutes_left:+d} min"
        visit = (f"{_local(row.appointment_start)}-{row.appointment_end.astimezone():%H:%M}"
                 if row.appointment_start is not None and row.appointment_end is not None
                 else "-")
        print(f"{row.job_no}  {row.kind.value:<12} {row.state.value:<13} P{row.priority}  "
              f"{left:<14} {visit:<22} {row.technician_name or '-':<12} "
              f"{row.customer_name or '-'} {row.customer_phone or ''}  {row.unit_name} "
              f"{row.serial or ''}".rstrip())
    print(f"{len(rows)} jobs")
    return 0


def show_job(args, db, terminal) -> int:
    from pos.service import board

    job = board.job_view(db, job_no=args.job_no)
    print(f"job {job.job_no}: {job.kind.value}, {job.state.value}, priority {job.priority}")
    for label, value in (
            ("customer", f"{job.customer_name} ({job.customer_phone})" if job.customer_name
             else None),
            ("receipt", job.receipt_no), ("unit", f"{job.unit_name} {job.serial or ''}".strip()),
            ("not sold here", "yes" if job.not_sold_here else None), ("need", job.need),
            ("area", job.area), ("address", job.address), ("contact", job.contact_phone),
            ("technician", job.technician_name),
            ("appointment", f"{_local(job.appointment_start)} to {_local(job.appointment_end)}"
             if job.appointment_start else None),
            ("registered", _local(job.registered_at)),
            ("due", _local(job.due_at) if job.due_at else None),
            ("arrived", _local(job.arrived_at) if job.arrived_at else None),
            ("promise", {True: "met", False: "late", None: None}[job.met]),
            ("done", _local(job.done_at) if job.done_at else None),
            ("cancelled", _local(job.cancelled_at) if job.cancelled_at else None),
            ("fault", job.fault), ("accessories", job.accessories),
            ("condition", job.condition),
            ("estimate", money(job.estimate).strip() if job.estimate is not None else None),
            ("diagnosis", job.diagnosis), ("card", job.card_no)):
        if value:
            print(f"  {label}: {value}")
    print("  history:")
    for event in job.events:
        change = (f"{event.from_state.value if event.from_state else ''} -> "
                  f"{event.to_state.value}" if event.to_state else "")
        details = ", ".join(
            f"{k}={money(v).strip() if k == 'estimate' and isinstance(v, int) else v}"
            for k, v in event.details.items() if event.kind.value != "registered")
        print(f"    {_local(event.at)}  {event.staff_name or '-':<12} {event.kind.value:<12} "
              f"{change} {details}".rstrip())
    return 0


def move_job(args, db, terminal) -> int:
    from pos.service import states

    job = states.move(db, job_no=args.job_no, to=args.state, staff_id=_staff(db, args),
                      note=args.note, at=when(args.at))
    met = {True: ", promise met", False: ", promise missed", None: ""}[job.met]
    print(f"job {job.job_no}: {job.state.value}{met if job.state.value == 'arrived' else ''}")
    return 0


def assign_job(args, db, terminal) -> int:
    from pos.service import states

    job = states.assign(db, job_no=args.job_no, technician=None if args.nobody else
                        args.technician, staff_id=_staff(db, args))
    print(f"job {job.job_no}: technician {job.technician_name or '-'}")
    return 0


def schedule_job(args, db, terminal) -> int:
    from pos.service import states

    job = states.schedule(db, job_no=args.job_no, start=when(args.start), end=when(args.end),
                          staff_id=_staff(db, args))
    print(f"job {job.job_no}: {job.state.value}, {_local(job.appointment_start)} to "
          f"{_local(job.appointment_end)}")
    return 0


def diagnose_job(args, db, terminal) -> int:
    from pos.service import states

    job = states.diagnose(db, job_no=args.job_no, diagnosis=args.diagnosis,
                          estimate=_amount(args.estimate), staff_id=_staff(db, args))
    estimate = f", estimate {money(job.estimate).strip()}" if job.estimate is not None else ""
    print(f"job {job.job_no}: {job.state.value}{estimate}")
    return 0


def promise_report(args, db, terminal) -> int:
    from pos.kernel.money import percent_string
    from pos.service import promise

    end = day_argument(args.end)
    start = day_argument(args.start) if args.start else end - timedelta(days=29)
    rows = promise.promise_report(db, start=start, end=end, store=args.store)
    print(f"service promise {start} to {end}")
    print(f"{'technician':<14} {'area':<8} {'jobs':>5} {'on time':>8} {'late':>5} "
          f"{'kept':>7} {'avg min':>8}")
    for row in rows:
        kept = percent_string(row.kept_bp) + "%" if row.kept_bp is not None else "-"
        print(f"{row.technician_name or '(nobody)':<14} {row.area:<8} {row.jobs:>5} "
              f"{row.on_time:>8} {row.late:>5} {kept:>7} "
              f"{row.average_minutes if row.average_minutes is not None else '-':>8}")
    return 0

