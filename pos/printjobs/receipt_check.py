"""A receipt's QR code and checking a returned receipt against the journal (issue 15).

The receipt's own QR code holds its number and its check value: the anchor code (first
16 hex digits, pos.ledger.chain.anchor_code) of the journal entry sealed for the document
(SaleRecord.journal_check). A returned receipt is checked by `verify_receipt` (that value
is the one sealed for that receipt, and the journal is intact and holds it), or at the
command line by `pos journal verify --anchor CODE`."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import Sale
from pos.kernel.errors import UserError
from pos.ledger.tables import sale_id_of

QR_PREFIX = "RECEIPT:"  # "RECEIPT:<receipt no>;CHECK:<anchor code>"


def receipt_qr_text(receipt_no: str, check: str) -> str:
    """What the receipt's own QR code holds: its number and its journal check value."""
    return f"{QR_PREFIX}{receipt_no};CHECK:{check}"


def parse_receipt_qr(text: str) -> tuple[str, str] | None:
    """(receipt no, check value) from a scanned receipt QR code; None if it is not one."""
    if not text.startswith(QR_PREFIX) or ";CHECK:" not in text:
        return None
    receipt_no, check = text[len(QR_PREFIX):].split(";CHECK:", 1)
    return receipt_no, check


@dataclass(frozen=True)
class ReceiptCheck:
    receipt_no: str
    matches: bool  # the printed value is the one sealed for this receipt in the journal
    journal_check: str  # what the journal holds for it (anchor code)
    journal_intact: bool  # the journal verifies up to and past that entry


def verify_receipt(db: Database, *, receipt_no: str, value: str) -> ReceiptCheck:
    """Whether a returned receipt's printed check value (or its whole QR text) is the
    one the journal sealed for that receipt, and whether the journal is intact (pos
    journal verify --anchor with it). UserError sale.no_receipt for an unknown receipt."""
    from pos.ledger import verify
    from pos.ledger.chain import anchor_code

    scanned = parse_receipt_qr(value.strip())
    if scanned is not None:
        if scanned[0] != receipt_no:
            return ReceiptCheck(receipt_no, False, "", False)
        value = scanned[1]
    wanted = verify.normalise_anchor(value)
    with db.read_connection() as conn:
        sale_id = sale_id_of(conn, receipt_no)
        if sale_id is None:
            raise UserError("sale.no_receipt", receipt=receipt_no)
        sealed = conn.execute(select(Sale.journal_hash).where(Sale.id == sale_id)).scalar()
    journal = anchor_code(sealed) if sealed else ""
    matches = len(wanted) == 16 and journal.replace("-", "") == wanted
    # The walk checks every entry, this sale against its seal, and that the journal holds
    # an entry with this anchor: a sale row edited or a journal replaced fails it.
    intact = verify.verify(db, anchor=journal).ok if journal else False
    return ReceiptCheck(receipt_no, matches, journal, intact)
