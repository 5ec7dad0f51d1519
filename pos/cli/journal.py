"""`pos journal verify` (the hash chain over every sealed document) and `pos audit`
(the audit trail)."""

from __future__ import annotations

import sys

from pos.ledger.audit import list_audit, readable
from pos.ledger.verify import verify


def register(sub) -> None:
    group = sub.add_parser("journal", help="the tamper-evident journal").add_subparsers(
        dest="action", required=True)
    check = group.add_parser("verify", help="check the chain and every sealed fact (exit 0: "
                             "intact; 2: broken, the first problem named)")
    check.add_argument("--anchor", metavar="CODE",
                       help="the code printed on a Z report: prove the journal still holds it")
    check.add_argument("--from-anchor", metavar="CODE",
                       help="start at a checkpoint: the code printed on a Z report, or 'last' "
                       "for the last Z report's; checks that entry and only what follows it "
                       "(the default checks the whole journal and every table)")
    # Reads only: a database behind its witness is reported, not sealed as such.
    check.set_defaults(run=verify_journal, writes=False)
    audit = sub.add_parser("audit", help="the audit trail: voids, refunds, overrides, approvals, ...")
    audit.add_argument("--action", help="only this action (void, refund, approval, failed_login, ...)")
    audit.add_argument("--limit", type=int, default=100)
    audit.set_defaults(run=show_audit, writes=False)


def verify_journal(args, db, terminal) -> int:
    result = verify(db, anchor=args.anchor, from_anchor=args.from_anchor)
    if result.ok:
        if result.from_seq is not None:
            print(f"journal intact from its checkpoint (#{result.from_seq}): "
                  f"{result.checked} documents verified; head {result.head}; what was "
                  "sealed before the checkpoint was not read again (run without "
                  "--from-anchor for the whole journal and every table)")
        else:
            print(f"journal intact: {result.checked} documents verified; head {result.head}")
        for loss in result.losses:
            print(f"  recorded at a start: {loss} (a damaged file rolled back, or an "
                  "older copy was put back)")
        if args.anchor:
            print(f"anchor {args.anchor} found: the journal holds what was printed")
        return 0
    print(f"journal BROKEN after {result.checked} good documents: {result.problem}",
          file=sys.stderr)
    return 2


def show_audit(args, db, terminal) -> int:
    for event in list_audit(db, limit=args.limit, action=args.action):
        details = ", ".join(f"{k}={v}" for k, v in sorted(readable(event.details).items())
                            if v not in (None, "", []))
        print(f"{event.at:%Y-%m-%d %H:%M:%S}  {event.action:<22} {event.ref:<18} "
              f"{event.staff_name or '-':<12} {details}")
    return 0
