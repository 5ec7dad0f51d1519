"""`pos journal verify`: walk the chain from its start, check every entry's hash and the
head's authentication by the store's key, rebuild every sealed document from the live
tables, and account for every row that states a fact (pos.ledger.reconcile). The first
bad document is named; nothing here raises on a damaged or edited database: whatever
cannot even be read is reported as the entry or row that could not be read.

Each kind of sealed document is checked by the ledger module that owns its shape: sales
and corrections (documents), audit events (audit), Z reports (drawer). An entry of a
kind this version does not know is itself a problem, never skipped."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import (
    AuditEvent, CashMovement, JournalEntry, JournalHead, Sale, Shift, Terminal,
)
from pos.kernel.enums import DocumentKind
from pos.ledger import audit, chain, losses
from pos.ledger.drawer import shift_figures, z_document
from pos.ledger.head import Gap, find_gap, head_mac, read_witness, witness_path
from pos.ledger.reconcile import Broken, Facts, check_movement, reconcile
from pos.ledger.tables import load_stored

log = logging.getLogger(__name__)
SALE_TYPES = {kind.value: kind for kind in DocumentKind}


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int  # documents found good, in chain order, before the first problem
    problem: str | None = None
    head: str | None = None  # the anchor code of the chain's last entry
    anchor_found: bool | None = None  # when an anchor was asked for
    # Losses sealed at earlier starts (pos.ledger.losses), oldest first: the journal is
    # intact, and these are what it says went missing.
    losses: tuple[str, ...] = ()


def verify(db: Database, *, anchor: str | None = None) -> VerifyResult:
    """Walk the chain and account for every fact; report the first problem."""
    wanted = normalise_anchor(anchor) if anchor else None
    facts = Facts()
    witnessed = read_witness(witness_path(str(db.engine.url)))
    with db.read() as session:
        conn = session.connection()
        try:
            last = _walk(conn, facts, wanted)
            _check_head(conn, facts, last)
            _check_witness(find_gap(conn, witnessed))
            reconcile(conn, facts)
            noted = _sealed_losses(conn)
        except Broken as broken:
            return VerifyResult(False, facts.checked, broken.problem)
        except Exception as exc:  # noqa: BLE001 - a row so damaged it cannot be read
            log.exception("journal verify could not read the database")
            where = facts.current or "the database"
            return VerifyResult(False, facts.checked,
                                f"{where} could not be read ({type(exc).__name__}): the "
                                "database was edited or is damaged")
    head = chain.anchor_code(last.hash) if last is not None else None
    if wanted is not None and not facts.anchor_found:
        return VerifyResult(False, facts.checked,
                            f"the anchor {anchor} is not in this journal: the database does "
                            "not hold what was printed (entries were removed, replaced, or "
                            "an older copy was restored)", head, False)
    return VerifyResult(True, facts.checked, None, head,
                        facts.anchor_found if wanted is not None else None, noted)


def _sealed_losses(conn) -> tuple[str, ...]:
    found = []
    for at, details in conn.execute(select(AuditEvent.at, AuditEvent.details_json).where(
            AuditEvent.action == losses.ACTION).order_by(AuditEvent.id)):
        gap = json.loads(details)
        what = (f"the journal was rewritten from #{gap['witnessed_seq']} on" if gap["rewritten"]
                else f"{gap['lost']} documents after #{gap['head_seq']} were lost")
        found.append(f"{at:%Y-%m-%d %H:%M}: {what}")
    return tuple(found)


def normalise_anchor(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch in "0123456789ABCDEF")


def _walk(conn, facts: Facts, wanted: str | None):
    previous, last = None, None
    for entry in conn.execute(select(JournalEntry.__table__).order_by(JournalEntry.seq)):
        where = f"journal #{entry.seq} ({entry.doc_type} {entry.doc_ref})"
        facts.current = where
        expected = 1 if previous is None else previous.seq + 1
        if entry.seq != expected:
            raise Broken(f"journal #{expected} is missing: an entry was deleted")
        if entry.version not in (1, chain.VERSION) or (
                previous is not None and entry.version < previous.version):
            raise Broken(f"{where}: its seal's version was changed")
        if chain.entry_hash(version=entry.version, prev_hash=entry.prev_hash, seq=entry.seq,
                            doc_type=entry.doc_type, doc_ref=entry.doc_ref,
                            created_at=entry.created_at, payload=entry.payload) != entry.hash:
            raise Broken(f"{where}: the journal entry was altered or moved after it was sealed")
        follows = entry.prev_hash == (previous.hash if previous is not None else chain.GENESIS)
        if not follows and previous is not None and entry.version >= 2:
            # This entry is intact where it stands (its place is in its hash), so the one
            # before it is not the one it was chained to: that one was replaced.
            raise Broken(f"journal #{previous.seq} ({previous.doc_type} {previous.doc_ref}) "
                         f"was changed or replaced after it was sealed: #{entry.seq} no "
                         "longer follows it")
        if not follows:
            raise Broken(f"{where}: out of order or replaced")
        problem = _check_document(conn, entry, facts)
        if problem:
            raise Broken(f"{where}: {problem}")
        if wanted and chain.anchor_code(entry.hash).replace("-", "") == wanted:
            facts.anchor_found = True
        previous = last = entry
        facts.checked += 1
    facts.current = None
    return last


def _check_document(conn, entry, facts: Facts) -> str | None:
    if entry.doc_type in SALE_TYPES:
        return _check_sale(conn, entry, facts)
    if entry.doc_type == "audit":
        return audit.check_sealed(conn, entry, facts)
    if entry.doc_type == "z":
        return _check_z(conn, entry, facts)
    return f"'{entry.doc_type}' is no kind of document this journal seals"


def _check_sale(conn, entry, facts: Facts) -> str | None:
    sale = conn.execute(select(Sale.id, Sale.kind, Sale.journal_hash).where(
        Sale.receipt_no == entry.doc_ref)).first()
    kind = entry.doc_type
    if sale is None:
        return f"the {kind} was deleted"
    if sale.kind is not SALE_TYPES[kind]:
        return f"the {kind} is now marked a {sale.kind.value}"
    stored = load_stored(conn, sale.id)
    if chain.canonical(stored.document.payload(entry.version)) != entry.payload:
        return f"the {kind} was altered"
    if sale.journal_hash != entry.hash:
        return f"the {kind}'s seal does not match its entry"
    if entry.version >= 2 and stored.document.completed_at != entry.created_at:
        return f"the {kind}'s time was changed"
    facts.add_document(stored)
    return None


def _check_z(conn, entry, facts: Facts) -> str | None:
    terminal, _, z_text = entry.doc_ref.rpartition("-Z")
    if not terminal or not z_text.isdigit():
        return "the entry names no Z report"
    shift = conn.execute(select(Shift.__table__).join(Terminal).where(
        Terminal.code == terminal, Shift.z_number == int(z_text))).first()
    if shift is None:
        return "the closed shift was deleted"
    # Every document of a closed shift was sealed before its Z report: one that was not
    # is named, rather than the figures it spoils.
    for sale_id, receipt in conn.execute(select(Sale.id, Sale.receipt_no).where(
            Sale.shift_id == shift.id)):
        if sale_id not in facts.sale_ids:
            raise Broken(f"{receipt} is not in the journal: a document was added or its "
                         "entry removed")
    for movement in conn.execute(select(CashMovement.__table__).where(
            CashMovement.shift_id == shift.id)):
        check_movement(movement, facts)
    report = shift_figures(conn, terminal, shift)
    counts = {int(k): v for k, v in json.loads(shift.counted_json or "{}").items()}
    document = z_document(terminal, shift.z_number, report, shift.counted_cash, counts,
                          shift.closed_at, shift.closed_by, opened_by=shift.opened_by,
                          version=entry.version)
    if (chain.canonical(document) != entry.payload or shift.journal_hash != entry.hash
            or shift.expected_cash != report.expected_cash):
        return "the Z report or its shift was altered"
    if entry.version >= 2 and shift.closed_at != entry.created_at:
        return "the Z report's time was changed"
    facts.closed_shifts.add(shift.id)
    return None


def _check_witness(gap: Gap | None) -> None:
    """A database behind the head this till saw committed lost documents."""
    if gap is None:
        return
    seq = gap.witnessed.seq
    if gap.rewritten:
        raise Broken(f"journal #{seq} is not the entry this till saw committed there: the "
                     "journal was rewritten from that place on")
    raise Broken(f"this database ends at journal #{gap.head_seq}, but this till saw #{seq} "
                 f"committed: {gap.lost} documents were lost (a damaged file that rolled "
                 "back, or an older copy put back); restore the latest backup and check it "
                 "again")


def _check_head(conn, facts: Facts, last) -> None:
    head = conn.execute(select(JournalHead.__table__).where(JournalHead.id == 1)).first()
    if head is None:
        raise Broken("the journal's head was deleted")
    seq, digest = (last.seq, last.hash) if last is not None else (0, chain.GENESIS)
    if head.last_seq != seq or head.last_hash != digest:
        raise Broken(f"the chain ends at #{seq} but its head says #{head.last_seq}: entries "
                     "were removed or the head was edited")
    if last is not None and last.version >= 2 and head.mac != head_mac(seq, digest):
        raise Broken("the journal's head is not authenticated by this store's key: the "
                     "chain was rebuilt without the key, or this is not the store's key "
                     "(see store.key in the data folder)")
