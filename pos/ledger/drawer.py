"""Every document belongs to one shift of its terminal, and a shift's documents add up
to what its drawer should hold. This is the ledger's side of shifts: which open shift a
document lands in (inside the document's transaction), the shift's figures (an X report
while open, the figures a Z report seals when closed), and the Z document itself.
Opening, cash movements and closing are pos.day.shifts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import bindparam, func, select

from pos.db import prepared
from pos.db.models import AccountDocument, CashMovement, Payment, Sale, Shift
from pos.kernel.clock import utcnow
from pos.kernel.enums import AccountDocKind, DocumentKind, ShiftState, Tender
from pos.ledger import audit, chain

SELLING = (DocumentKind.SALE, DocumentKind.ADDON)  # what a shift sold
CORRECTING = (DocumentKind.REFUND, DocumentKind.VOID)  # what it took back


@dataclass(frozen=True)
class ShiftReport:
    """An X report (state open) or a Z report (closed, with its number and the count)."""

    terminal: str
    shift_id: int
    state: str
    opened_at: datetime
    closed_at: datetime | None
    opening_float: int
    sales: int  # documents of kind sale and add-on
    sales_total: int
    refunds_total: int  # refunds and voids, negative
    tenders: dict[str, int]  # net per tender (cash: after change given)
    paid_in: int
    paid_out: int
    expected_cash: int
    counted_cash: int | None
    z_number: int | None
    # A Z report's anchor: its seal as a short code, printed with it, so the paper can
    # prove later that the journal still holds it (`pos journal verify --anchor`).
    anchor: str | None = None
    # Account money that crossed the drawer (issue 19), per tender: payments received on
    # account, deposits taken (+) and deposits paid back (-). Empty when there was none.
    account_in: dict[str, int] = field(default_factory=dict)
    deposits_in: dict[str, int] = field(default_factory=dict)
    deposits_out: dict[str, int] = field(default_factory=dict)

    @property
    def over_short(self) -> int | None:
        return None if self.counted_cash is None else self.counted_cash - self.expected_cash


_SHIFTS = Shift.__table__
# Every sale looks up its shift, so these two are prepared (pos.db.prepared).
_OPEN_SHIFT = prepared.Prepared(
    select(_SHIFTS.c.id).where(_SHIFTS.c.terminal_id == bindparam("terminal_id"),
                               _SHIFTS.c.state == ShiftState.OPEN).with_for_update())
_START_SHIFT = prepared.insert(_SHIFTS, (
    "terminal_id", "state", "opened_by", "opened_at", "opening_float"), returning=[_SHIFTS.c.id])


def shift_for_sale(conn, terminal_id: int, staff_id: int) -> int:
    """The terminal's open shift, locked for this transaction; a new one (no float) if
    there is none, so a sale is never turned away or lost."""
    run = prepared.on(conn)
    shift_id = run.scalar(_OPEN_SHIFT, {"terminal_id": terminal_id})
    if shift_id is not None:
        return shift_id
    return start_shift(conn, terminal_id=terminal_id, staff_id=staff_id, opening_float=0,
                       automatic=True)


def start_shift(conn, *, terminal_id: int, staff_id: int, opening_float: int,
                automatic: bool = False) -> int:
    """Open a shift inside the caller's transaction, its opening sealed in the journal
    (the shift's row is checked against it by journal verify)."""
    opened_at = utcnow()
    shift_id = prepared.on(conn).scalar(_START_SHIFT, {
        "terminal_id": terminal_id, "state": ShiftState.OPEN, "opened_by": staff_id,
        "opened_at": opened_at, "opening_float": opening_float})
    audit.record(conn, staff_id=staff_id, action="shift_opened", ref=str(terminal_id),
                 details={"shift": shift_id, "terminal_id": terminal_id, "opened_by": staff_id,
                          "opened_at": chain.sealed_time(opened_at), "float": opening_float,
                          "automatic": automatic})
    return shift_id


def z_document(terminal: str, z_number: int, report: ShiftReport, counted: int,
               counts: dict[int, int], closed_at: datetime, closed_by: int, *,
               opened_by: int | None = None, version: int = chain.VERSION) -> dict:
    """What a Z report seals. From version 2 the shift's whole row is in it (who opened
    it and when, when it closed), so no field of a closed shift is outside the seal."""
    document = {"terminal": terminal, "z": z_number, "shift": report.shift_id,
                "float": report.opening_float, "sales": report.sales,
                "sales_total": report.sales_total, "refunds_total": report.refunds_total,
                "tenders": report.tenders, "paid_in": report.paid_in,
                "paid_out": report.paid_out, "expected_cash": report.expected_cash,
                "counted_cash": counted,
                "counts": {str(k): v for k, v in sorted(counts.items())}, "closed_by": closed_by}
    if version >= 2:
        document |= {"opened_by": opened_by, "opened_at": chain.sealed_time(report.opened_at),
                     "closed_at": chain.sealed_time(closed_at)}
    # Only when there was any, so every Z report sealed before accounts still verifies.
    for key in ("account_in", "deposits_in", "deposits_out"):
        if getattr(report, key):
            document[key] = getattr(report, key)
    return document


_ACCOUNT_MONEY = {AccountDocKind.PAYMENT: "account_in", AccountDocKind.DEPOSIT: "deposits_in",
                  AccountDocKind.DEPOSIT_REFUND: "deposits_out"}


def account_money(conn, shift_id: int) -> dict[str, dict[str, int]]:
    """The shift's account money per tender: payments received, deposits taken (+) and
    deposits paid back (-); one GROUP BY on the documents' shift index."""
    money: dict[str, dict[str, int]] = {key: {} for key in _ACCOUNT_MONEY.values()}
    docs = AccountDocument.__table__
    for kind, tender, amount in conn.execute(
            select(docs.c.kind, docs.c.tender, func.sum(docs.c.amount))
            .where(docs.c.shift_id == shift_id).group_by(docs.c.kind, docs.c.tender)):
        key = _ACCOUNT_MONEY.get(kind)
        if key is None or tender is None:
            continue
        sign = -1 if kind is AccountDocKind.DEPOSIT_REFUND else 1
        money[key][tender.value] = money[key].get(tender.value, 0) + sign * int(amount)
    return {key: dict(sorted(values.items())) for key, values in money.items()}


def shift_figures(conn, terminal: str, shift) -> ShiftReport:
    documents = conn.execute(
        select(Sale.kind, func.count(), func.coalesce(func.sum(Sale.total), 0),
               func.coalesce(func.sum(Sale.change_given), 0))
        .where(Sale.shift_id == shift.id).group_by(Sale.kind)).all()
    sales = sum(n for kind, n, _, _ in documents if kind in SELLING)
    sales_total = sum(int(t) for kind, _, t, _ in documents if kind in SELLING)
    refunds_total = sum(int(t) for kind, _, t, _ in documents if kind in CORRECTING)
    change = sum(int(c) for *_, c in documents)
    tenders = {tender.value: int(amount) for tender, amount in conn.execute(
        select(Payment.tender, func.sum(Payment.amount)).join(Sale, Sale.id == Payment.sale_id)
        .where(Sale.shift_id == shift.id).group_by(Payment.tender))}
    if change:
        tenders["cash"] = tenders.get("cash", 0) - change
    moves = conn.execute(select(CashMovement.amount).where(
        CashMovement.shift_id == shift.id)).scalars().all()
    paid_in = sum(m for m in moves if m > 0)
    paid_out = sum(m for m in moves if m < 0)
    money = account_money(conn, shift.id)
    cash = Tender.CASH.value
    expected = (shift.opening_float + tenders.get(cash, 0) + paid_in + paid_out
                + sum(values.get(cash, 0) for values in money.values()))
    return ShiftReport(terminal, shift.id, shift.state.value, shift.opened_at, shift.closed_at,
                       shift.opening_float, sales, sales_total, refunds_total,
                       dict(sorted(tenders.items())), paid_in, paid_out, expected,
                       shift.counted_cash, shift.z_number,
                       chain.anchor_code(shift.journal_hash) if shift.journal_hash else None,
                       **money)
