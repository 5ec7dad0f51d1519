"""A chain of stores from the command line:

    pos hq init [--demo]            make the --db database head office (PostgreSQL)
    pos hq status                   every store: last document received, lag, stream, alerts
    pos hq alerts [--all]           what a manager must look at
    pos hq resume CODE              a stopped stream runs again, once looked at
    pos store join --hq URL --store CODE    this store's database joins head office
    pos sync [--loop]               send what waits, pull master data (or keep doing it)
    pos sync status                 this store: what waits, per till what head office holds

Refusals exit 1 as every command's (head office unreachable included: the store goes on
selling); what is said comes from the message catalog, in English or Chinese.
"""

from __future__ import annotations

import argparse
import getpass
from datetime import datetime, timezone

from pos.kernel.errors import UserError
from pos.kernel.messages import msg


def register(sub) -> None:
    from pos.cli import add_common_options

    group = subgroup(sub, "hq", help="head office of a chain of stores")
    init = group.add_parser("init", help="make this database (PostgreSQL) head office")
    init.add_argument("--demo", action="store_true",
                      help="with the demo's master data and stores S01, S02, S03")
    init.add_argument("--locale", default="en", choices=["en", "zh_CN"],
                      help="the demo's language (with --demo)")
    init.set_defaults(run=hq_init, migrate=False, writes=False)  # init_hq checks first
    group.add_parser("status", help="every store's stream: last document, lag, alerts"
                     ).set_defaults(run=hq_status, writes=False)
    listing = group.add_parser("alerts", help="open alerts (gaps, serials sold twice...)")
    listing.add_argument("--all", action="store_true", help="resolved ones too")
    listing.add_argument("--store", help="one store's only")
    listing.set_defaults(run=hq_alerts, writes=False)
    checker = group.add_parser("verify", help="check head office's copy of each store "
                               "against its seals (exit 2 when one fails)")
    checker.add_argument("code", metavar="CODE", nargs="?", help="one store (default: all)")
    checker.set_defaults(run=hq_verify, writes=False)
    resume = group.add_parser("resume", help="run a stopped store stream again")
    resume.add_argument("code", metavar="CODE")
    resume.add_argument("--by", default=None, help="who looked (default: this user)")
    resume.set_defaults(run=hq_resume)

    joiner = subgroup(sub, "store", help="store details").add_parser("join", help="join a chain: send documents to head office")
    joiner.add_argument("--hq", required=True, metavar="URL",
                        help="head office: postgresql://user:password@host/database")
    joiner.add_argument("--store", required=True, metavar="CODE", help="this store's code")
    joiner.set_defaults(run=store_join)

    syncer = sub.add_parser("sync", help="send documents to head office, pull master data")
    syncer.add_argument("--loop", action="store_true",
                        help="keep syncing (a service): every 10 s, backing off to 60 s "
                        "while head office cannot be reached")
    syncer.add_argument("--interval", type=float, default=10.0, help=argparse.SUPPRESS)
    add_common_options(syncer, default=argparse.SUPPRESS)
    syncer.set_defaults(run=sync_now)
    actions = syncer.add_subparsers(dest="action", metavar="status")
    actions.add_parser("status", help="what waits; per till, what head office holds"
                       ).set_defaults(run=sync_status, writes=False)
    actions.add_parser("resend", help="queue the store's whole history again (head office "
                       "lost what it had received)").set_defaults(run=sync_resend)


def subgroup(sub, name: str, *, help: str):  # noqa: A002 - argparse's word
    """The sub-commands of `pos NAME`, made if no module made them yet (`pos store` is
    pos.cli.store's, `pos hq` is shared with head office's reports)."""
    parser = sub.choices.get(name) or sub.add_parser(name, help=help)
    for action in parser._actions:  # noqa: SLF001 - argparse has no public lookup
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return action
    return parser.add_subparsers(dest="action", required=True)


def _say(db, terminal):
    from pos.cli.stock import sayer

    return sayer(db, terminal)


def _locale(db, terminal) -> str:
    from pos.cli.common import reader_locale

    return reader_locale(db, terminal)


def _local(when: datetime | None) -> datetime | None:
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone()


def _when(say, when: datetime | None) -> str:
    return _local(when).strftime("%Y-%m-%d %H:%M") if when else say("sync.cli.never")


def duration(say, seconds: int | None) -> str:
    """A lag as people read it: 45 s, 12 min, 3 h 05 min, 2 d 04 h ('-': none yet)."""
    if seconds is None:
        return "-"
    seconds = max(0, int(seconds))
    if seconds < 60:
        return say("sync.cli.seconds", n=seconds)
    minutes = seconds // 60
    if minutes < 60:
        return say("sync.cli.minutes", n=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return say("sync.cli.hours", h=hours, m=f"{minutes:02d}")
    days, hours = divmod(hours, 24)
    return say("sync.cli.days", d=days, h=f"{hours:02d}")


# --- head office -------------------------------------------------------------------------

def hq_init(args, db, terminal) -> int:
    from pos.hq.setup import init_hq

    done = init_hq(db, demo=args.demo, locale=args.locale)
    say = _say(db, terminal)
    if done.demo_loaded:
        print(say("sync.cli.demo_loaded"))
    print(say("sync.cli.hq_ready", where=done.where, codes=list(done.stores) or ["-"],
              version=done.master_version))
    return 0


def _state(row):
    if row.state == "stopped":
        return msg("hq.cli.state_stopped", error=row.error or "")
    return msg("hq.cli.state_ok")


def hq_status(args, db, terminal) -> int:
    from pos.hq.status import hq_status as status

    say = _say(db, terminal)
    for row in status(db):
        if not row.joined:
            print(say("hq.cli.store_not_joined", store=row.code, name=row.name))
            continue
        print(say("hq.cli.store_line", store=row.code, name=row.name, seq=row.last_seq,
                  document_at=_when(say, row.last_document_at),
                  received_at=_when(say, row.last_received_at), lag=duration(say, row.lag_s),
                  state=_state(row), alerts=row.open_alerts))
        for till in row.terminals:
            print(say("hq.cli.terminal_line", terminal=till.terminal,
                      receipt=till.last_receipt, at=_local(till.at)))
    return 0


def hq_alerts(args, db, terminal) -> int:
    from pos.hq.status import alerts

    say = _say(db, terminal)
    found = alerts(db, open_only=not args.all, store=args.store)
    if not found:
        print(say("hq.cli.no_alerts"))
    for alert in found:
        print(say("hq.cli.alert_line", id=alert.id, at=_local(alert.at),
                  store=alert.store_code, text=alert.text))
    return 0


def hq_verify(args, db, terminal) -> int:
    from pos.hq.verify import verify_chain, verify_store

    say = _say(db, terminal)
    verdicts = ([verify_store(db.url, args.code.strip().upper())] if args.code
                else verify_chain(db.url))
    for v in verdicts:
        if v.ok:
            print(say("hq.cli.verified", store=v.store, checked=v.checked, head=v.head or "-"))
        else:
            print(say("hq.cli.verify_failed", store=v.store, checked=v.checked,
                      problem=v.problem or ""))
    return 0 if all(v.ok for v in verdicts) else 2


def hq_resume(args, db, terminal) -> int:
    from pos.hq.receive import resume_stream

    code = args.code.strip().upper()
    resume_stream(db, code, by=args.by or getpass.getuser())
    print(_say(db, terminal)("hq.cli.resumed", store=code))
    return 0


# --- the store ---------------------------------------------------------------------------

def store_join(args, db, terminal) -> int:
    from pos.hq.link import join

    done = join(db, hq_url=args.hq, store_code=args.store)
    key = "sync.cli.rejoined" if done.already else "sync.cli.joined"
    print(_say(db, terminal)(key, code=done.store_code, hq=done.hq_display,
                             rows=done.queued_rows))
    return 0


def sync_resend(args, db, terminal) -> int:
    from pos.sync.resend import resend_all

    code, rows = resend_all(db)
    print(_say(db, terminal)("sync.cli.resend_queued", code=code, rows=rows))
    return 0


def _synced_line(say, result) -> str:
    return say("sync.cli.synced", documents=result.documents, rows=result.rows,
               batches=result.batches, version=result.master_version, pulled=result.pulled)


def sync_now(args, db, terminal) -> int:
    from pos.hq.link import sync_loop, sync_once

    say = _say(db, terminal)
    if not args.loop:
        print(_synced_line(say, sync_once(db)))
        return 0
    import signal
    import sys
    import threading

    locale = _locale(db, terminal)
    stopping = threading.Event()
    for name in ("SIGTERM", "SIGINT"):  # systemd stops it with SIGTERM: end between syncs
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), lambda *_: stopping.set())

    def said(outcome):
        if isinstance(outcome, UserError):
            from pos.cli.common import refusal_lines

            print("\n".join(refusal_lines(outcome, locale=locale)), file=sys.stderr,
                  flush=True)
        else:
            print(_synced_line(say, outcome), flush=True)

    sync_loop(db, stop=stopping.is_set, sleep=stopping.wait, interval=args.interval,
              on_result=said)
    return 0


def sync_status(args, db, terminal) -> int:
    from pos.sync.status import store_status

    say = _say(db, terminal)
    status = store_status(db)
    if not status.joined:
        print(say("sync.cli.not_joined"))
        return 0
    print(say("sync.cli.status_store", code=status.store_code, hq=status.hq_display))
    if status.rows_waiting:
        print(say("sync.cli.status_waiting", documents=status.documents_waiting,
                  rows=status.rows_waiting))
    else:
        print(say("sync.cli.status_synced"))
    if status.last_ok_at:
        print(say("sync.cli.last_ok", at=_local(status.last_ok_at),
                  version=status.master_version))
    else:
        print(say("sync.cli.never_synced", version=status.master_version))
    if status.unreachable_since:
        print(say("sync.cli.unreachable_since", at=_local(status.unreachable_since)))
    last_error = say("sync.cli.last_error", error=status.last_error) if status.last_error else ""
    if last_error:
        print(last_error)
    at_hq, why = _at_hq(status.store_code)
    if at_hq is None:
        if say("sync.cli.last_error", error=why) != last_error:  # not the same reason twice
            print(say("sync.cli.hq_not_asked", reason=why))
    else:
        print(say("sync.cli.hq_view", seq=at_hq.last_seq,
                  received_at=_when(say, at_hq.last_received_at),
                  lag=duration(say, at_hq.lag_s), state=_state(at_hq)))
    held = {till.terminal: till.last_receipt for till in at_hq.terminals} if at_hq else {}
    unknown = say("sync.cli.unknown")
    for till in status.terminals:
        received = held.get(till.terminal, "-") if at_hq else unknown
        if till.last_receipt:
            print(say("sync.cli.terminal_line", terminal=till.terminal,
                      receipt=till.last_receipt, at=_local(till.at), received=received))
        else:
            print(say("sync.cli.terminal_none", terminal=till.terminal, received=received))
    return 0


def _at_hq(code: str):
    """Head office's line of this store, or None and why it was not had."""
    from pos.db.engine import Database
    from pos.db.timeouts import Timeouts
    from pos.hq.status import store_at_hq
    from pos.sync.join import hq_address, hq_url, unreachable

    try:
        url = hq_address(hq_url())
    except UserError as exc:
        return None, exc.as_message()
    hq_db = Database(url, timeouts=Timeouts.for_till())
    try:
        row = store_at_hq(hq_db, code)
    except UserError as exc:
        return None, unreachable(exc).as_message()
    finally:
        hq_db.dispose()
    if row is None:
        return None, msg("sync.unknown_store", code=code)
    return row, None
