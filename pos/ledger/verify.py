"""`pos journal verify`: walk the chain from its start, check every entry's hash and the
head's authentication by the store's key, rebuild every sealed document from the live
tables, and account for every row that states a fact (pos.ledger.reconcile). The first
bad document is named; nothing here raises on a damaged or edited database: whatever
cannot even be read is reported as the entry or row that could not be read.

Each kind of sealed document is checked by the ledger module that owns its shape: sales
and corrections (documents), audit events (audit), Z reports (drawer), stock documents
(stock_reconcile: one document at a time; a store posts a few a day). An entry of a
kind this version does not know is itself a problem, never skipped.

The chain is read BATCH entries at a time by sequence number, and the rows of a batch's
documents with one query per table (pos.ledger.batch), so a verify runs a few statements
per batch, not per document. Between batches only the previous entry and counts are
kept (pos.ledger.reconcile.Facts): memory does not grow with the chain.

From a checkpoint (`from_anchor`: the anchor a Z report prints, or the last Z report's),
the anchor's entry is checked where it stands and against its document, and then only
what follows it; the tables are reconciled as a whole only by a verify of everything."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from sqlalchemy import bindparam, func, select

from pos.db.engine import Database
from pos.db.models import (
    AccountDocument, AuditEvent, CashMovement, JournalEntry, JournalHead, Sale, Shift,
    StockDocument, Terminal,
)
from pos.kernel.enums import DocumentKind, ShiftState
from pos.kernel.errors import UserError
from pos.ledger import account_entries, audit, batch, chain, losses, stock_reconcile
from pos.ledger.drawer import shift_figures, z_document
from pos.ledger.head import Gap, find_gap, head_mac, read_witness, witness_path
from pos.ledger.reconcile import Broken, Facts, check_movement, first_unsealed_sale, reconcile
from pos.ledger.tables import load_stored

log = logging.getLogger(__name__)
SALE_TYPES = {kind.value: kind for kind in DocumentKind}
ENTRIES = JournalEntry.__table__
BATCH = 2000  # journal entries read, and their documents' rows, at a time


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
    # Verified from a checkpoint: the anchor's entry (what was sealed before it was not
    # read again, nor the tables reconciled as a whole); None: the whole chain.
    from_seq: int | None = None


def verify(db: Database, *, anchor: str | None = None, from_anchor: str | None = None,
           batch_size: int = BATCH, keyed: bool = True) -> VerifyResult:
    """Walk the chain and account for every fact; report the first problem.

    `keyed=False` checks a copy of a store's database held where the store's key and its
    witness are not (head office's copy, pos.hq.verify): everything but the head's MAC
    and the witness; the copy's end is checked against what head office received.

    `from_anchor`: start at the entry with this anchor code (a Z report prints its own),
    or "last" for the last Z report's: that entry is checked (its hash, its document),
    then only what follows it; what was sealed before it is not read again, nor are the
    tables reconciled as a whole (that needs the whole chain). A code that names no entry
    is refused (UserError journal.anchor_unknown), and "last" with no Z report yet
    (journal.no_z_report)."""
    wanted = normalise_anchor(anchor) if anchor else None
    facts = Facts()
    witnessed = read_witness(witness_path(str(db.engine.url))) if keyed else None
    with db.read() as session:
        conn = session.connection()
        start = _start(conn, from_anchor) if from_anchor else None
        try:
            last = _walk(conn, facts, wanted, start, batch_size)
            _check_head(conn, facts, last, keyed=keyed)
            if keyed:
                _check_witness(find_gap(conn, witnessed))
            if start is None:
                reconcile(conn, facts)
            noted = _sealed_losses(conn)
        except Broken as broken:
            return VerifyResult(False, facts.checked, broken.problem, from_seq=_seq(start))
        except Exception as exc:  # noqa: BLE001 - a row so damaged it cannot be read
            log.exception("journal verify could not read the database")
            where = facts.current or "the database"
            return VerifyResult(False, facts.checked,
                                f"{where} could not be read ({type(exc).__name__}): the "
                                "database was edited or is damaged", from_seq=_seq(start))
    head = chain.anchor_code(last.hash) if last is not None else None
    if wanted is not None and not facts.anchor_found:
        return VerifyResult(False, facts.checked,
                            f"the anchor {anchor} is not in this journal: the database does "
                            "not hold what was printed (entries were removed, replaced, or "
                            "an older copy was restored)", head, False, from_seq=_seq(start))
    return VerifyResult(True, facts.checked, None, head,
                        facts.anchor_found if wanted is not None else None, noted,
                        from_seq=_seq(start))


def _seq(start) -> int | None:
    return start.entry.seq if start is not None else None


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


@dataclass(frozen=True)
class _Start:
    """Where a verify from an anchor starts: the anchor's entry, and its time (what was
    sealed by then is before the checkpoint)."""

    entry: object
    code: str


def _start(conn, code: str) -> _Start:
    """The entry an anchor code names (UserError when none does)."""
    if code.strip().lower() == "last":
        digest = conn.execute(select(Shift.journal_hash).where(
            Shift.state == ShiftState.CLOSED, Shift.journal_hash.is_not(None))
            .order_by(Shift.closed_at.desc(), Shift.id.desc()).limit(1)).scalar()
        if digest is None:
            raise UserError("journal.no_z_report")
        code = chain.anchor_code(digest)
    digits = normalise_anchor(code)
    entry = _anchored(conn, digits.lower()) if len(digits) == 16 else None
    if entry is None:
        raise UserError("journal.anchor_unknown", anchor=code)
    return _Start(entry, chain.anchor_code(entry.hash))


def _anchored(conn, prefix: str):
    """The first entry whose hash starts with `prefix`. The journal's hashes are not
    indexed (an index is a page more for every sale), so the document that carries the
    seal is found first in its own, smaller table (a Z report's shift, a receipt's sale,
    an audit event), and its entry by its time: entries are appended in time order, so a
    binary search on the sequence number finds the place and a few entries around it
    hold the one. Only failing that is the whole journal read."""
    like = f"{prefix}%"
    for table, at in ((Shift.__table__, Shift.closed_at), (Sale.__table__, Sale.completed_at),
                      (AuditEvent.__table__, AuditEvent.at),
                      (StockDocument.__table__, StockDocument.posted_at),
                      (AccountDocument.__table__, AccountDocument.posted_at)):
        found = conn.execute(select(table.c.journal_hash, at).where(
            table.c.journal_hash.like(like)).limit(1)).first()
        if found is not None and found[1] is not None:
            entry = _entry_near(conn, found[0], found[1])
            if entry is not None:
                return entry
    return conn.execute(select(ENTRIES).where(ENTRIES.c.hash.like(like))
                        .order_by(ENTRIES.c.seq).limit(1)).first()


_AROUND = 64  # entries either side of the place the time points at


def _entry_near(conn, digest: str, at):
    low, high = conn.execute(select(func.min(ENTRIES.c.seq), func.max(ENTRIES.c.seq))).one()
    if low is None:
        return None
    while low < high:  # the first entry at or after `at`
        middle = (low + high) // 2
        when = conn.execute(select(ENTRIES.c.created_at).where(
            ENTRIES.c.seq >= middle).order_by(ENTRIES.c.seq).limit(1)).scalar()
        if when is not None and when < at:
            low = middle + 1
        else:
            high = middle
    return conn.execute(select(ENTRIES).where(
        ENTRIES.c.seq.between(low - _AROUND, low + _AROUND), ENTRIES.c.hash == digest)
        .order_by(ENTRIES.c.seq).limit(1)).first()


_ENTRY_BATCH = select(ENTRIES).where(ENTRIES.c.seq > bindparam("after")).order_by(
    ENTRIES.c.seq).limit(bindparam("size"))


def _walk(conn, facts: Facts, wanted: str | None, start: _Start | None, size: int):
    """Every entry in chain order, `size` at a time, each with its document's rows read
    for the whole batch at once (pos.ledger.batch); what is kept between batches is the
    previous entry and the facts' counts."""
    previous = last = None
    after = 0
    if start is not None:
        # The checkpoint: its entry must be intact where it stands and its document as
        # sealed; what it follows was checked when the anchor was printed.
        facts.anchor_time, facts.anchor_seq = start.entry.created_at, start.entry.seq
        _check_entry(conn, start.entry, None, facts, wanted, batch.read(conn, [start.entry]))
        previous = last = start.entry
        after = start.entry.seq
    while True:
        entries = conn.execute(_ENTRY_BATCH, {"after": after, "size": size}).all()
        if not entries:
            break
        rows = batch.read(conn, entries)
        for entry in entries:
            _check_entry(conn, entry, previous, facts, wanted, rows)
            previous = last = entry
        after = entries[-1].seq
        entries = rows = None  # let the batch go before the next is read
    facts.current = None
    return last


def _check_entry(conn, entry, previous, facts: Facts, wanted: str | None, rows) -> None:
    where = f"journal #{entry.seq} ({entry.doc_type} {entry.doc_ref})"
    facts.current = where
    expected = 1 if previous is None else previous.seq + 1
    if entry.seq != expected and not (previous is None and facts.anchor_time is not None):
        raise Broken(f"journal #{expected} is missing: an entry was deleted")
    if entry.version not in (1, chain.VERSION) or (
            previous is not None and entry.version < previous.version):
        raise Broken(f"{where}: its seal's version was changed")
    if chain.entry_hash(version=entry.version, prev_hash=entry.prev_hash, seq=entry.seq,
                        doc_type=entry.doc_type, doc_ref=entry.doc_ref,
                        created_at=entry.created_at, payload=entry.payload) != entry.hash:
        raise Broken(f"{where}: the journal entry was altered or moved after it was sealed")
    if previous is None and facts.anchor_time is not None:
        follows = True  # the checkpoint: what it follows is before it
    else:
        follows = entry.prev_hash == (previous.hash if previous is not None else chain.GENESIS)
    if not follows and previous is not None and entry.version >= 2:
        # This entry is intact where it stands (its place is in its hash), so the one
        # before it is not the one it was chained to: that one was replaced.
        raise Broken(f"journal #{previous.seq} ({previous.doc_type} {previous.doc_ref}) "
                     f"was changed or replaced after it was sealed: #{entry.seq} no "
                     "longer follows it")
    if not follows:
        raise Broken(f"{where}: out of order or replaced")
    problem = _check_document(conn, entry, facts, rows)
    if problem:
        raise Broken(f"{where}: {problem}")
    if wanted and chain.anchor_code(entry.hash).replace("-", "") == wanted:
        facts.anchor_found = True
    facts.checked += 1


def _check_document(conn, entry, facts: Facts, rows) -> str | None:
    if entry.doc_type in SALE_TYPES:
        return _check_sale(conn, entry, facts, rows)
    if entry.doc_type == "audit":
        return audit.check_sealed(conn, entry, facts, rows.events if rows else None)
    if entry.doc_type == "z":
        return _check_z(conn, entry, facts)
    if entry.doc_type == "stock":
        problem, document = stock_reconcile.check_entry(conn, entry, sealed_as)
        if problem is None:
            facts.add_stock(document)
        return problem
    if entry.doc_type == "account":
        problem, document = account_entries.check_entry(
            conn, entry, sealed_as, rows.accounts if rows is not None else None)
        if problem is None:
            facts.add_account(document)
        return problem
    return f"'{entry.doc_type}' is no kind of document this journal seals"


def _check_sale(conn, entry, facts: Facts, rows) -> str | None:
    kind = entry.doc_type
    if rows is not None:
        sale = rows.sales.get(entry.doc_ref)
    else:
        sale = conn.execute(select(Sale.id, Sale.kind, Sale.journal_hash).where(
            Sale.receipt_no == entry.doc_ref)).first()
    if sale is None:
        return f"the {kind} was deleted"
    if sale.kind is not SALE_TYPES[kind]:
        return f"the {kind} is now marked a {sale.kind.value}"
    stored = rows.stored(sale) if rows is not None else load_stored(conn, sale.id)
    if not sealed_as(stored.document.payload(entry.version), entry.payload):
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
    _check_shift_sales(conn, entry, shift, facts)
    problem = account_entries.shift_documents(conn, entry, shift.id, facts)
    if problem:
        raise Broken(problem)
    checked = []
    for movement in conn.execute(select(CashMovement.__table__).where(
            CashMovement.shift_id == shift.id)):
        if (facts.anchor_time is not None and movement.id not in facts.movements
                and movement.at <= facts.anchor_time):
            continue  # sealed before the checkpoint: not read again
        check_movement(movement, facts)
        checked.append(movement.id)
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
    facts.add_z(shift, checked)
    return None


def _check_shift_sales(conn, entry, shift, facts: Facts) -> None:
    """The shift's sales are the ones found good before its Z report (counted as they
    were: each is one row): when the table holds more, the first other one is named.
    From a checkpoint, the shift's sales up to it are before it."""
    in_table = select(func.count()).select_from(Sale).where(Sale.shift_id == shift.id)
    found = facts.shift_sales.get(shift.id, 0)
    if facts.anchor_time is not None and entry.seq > facts.anchor_seq:
        found += conn.execute(in_table.where(Sale.completed_at <= facts.anchor_time)).scalar_one()
    elif facts.anchor_time is not None:  # the checkpoint itself: all before it
        return
    if conn.execute(in_table).scalar_one() == found:
        return
    receipt = first_unsealed_sale(conn, shift_id=shift.id, before_seq=entry.seq)
    raise Broken(f"{receipt} is not in the journal: a document was added or its "
                 "entry removed")


def sealed_as(document: dict, payload: str) -> bool:
    """Whether a document rebuilt from the tables says what the entry sealed. The sealed
    text is parsed and compared rather than the document written out again: the same
    answer (the entry's hash already proved the text is what was sealed, and sealed
    text is canonical), at a third of the cost."""
    try:
        return json.loads(payload) == document
    except ValueError:
        return False


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


def _check_head(conn, facts: Facts, last, *, keyed: bool = True) -> None:
    head = conn.execute(select(JournalHead.__table__).where(JournalHead.id == 1)).first()
    if head is None:
        raise Broken("the journal's head was deleted")
    seq, digest = (last.seq, last.hash) if last is not None else (0, chain.GENESIS)
    if head.last_seq != seq or head.last_hash != digest:
        raise Broken(f"the chain ends at #{seq} but its head says #{head.last_seq}: entries "
                     "were removed or the head was edited")
    if keyed and last is not None and last.version >= 2 and head.mac != head_mac(seq, digest):
        raise Broken("the journal's head is not authenticated by this store's key: the "
                     "chain was rebuilt without the key, or this is not the store's key "
                     "(see store.key in the data folder)")
