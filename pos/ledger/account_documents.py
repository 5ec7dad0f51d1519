"""The account document model: the money documents on a customer's account that are not
sales (a payment received, a write-off, a credit applied to an invoice, a pre-order's
deposit taken or paid back), each numbered per store (S01-RP-000001) and built once as
frozen records; the same records are sealed in the journal (doc_type "account"), written
to the tables (pos.ledger.account_tables) and read back from them for `journal verify`.

An allocation names the items it settles by stable references, never row ids: a sale's
on-account payment is ``T01-000042/1`` (its receipt and payment position), a document's
own amount is its number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pos.kernel.enums import AccountDocKind, Tender
from pos.ledger import chain

PREFIX = {AccountDocKind.PAYMENT: "RP", AccountDocKind.WRITE_OFF: "BD",
          AccountDocKind.ALLOCATE: "AP", AccountDocKind.DEPOSIT: "DP",
          AccountDocKind.DEPOSIT_REFUND: "DR"}
# the kinds that put an amount of their own on the account (a credit, minus)
CREDITING = (AccountDocKind.PAYMENT, AccountDocKind.WRITE_OFF)


def account_doc_number(store_code: str, kind: AccountDocKind, sequence: int) -> str:
    return f"{store_code}-{PREFIX[kind]}-{sequence:06d}"


def counter_key(kind: AccountDocKind) -> str:
    """The store counter a kind is numbered by (beside the stock documents' kinds)."""
    return f"acct:{PREFIX[kind]}"


def sale_item_ref(receipt_no: str, position: int) -> str:
    return f"{receipt_no}/{position}"


@dataclass(frozen=True, slots=True)
class Allocation:
    """`amount` of the credit item `credit` applied to the invoice item `debit`."""

    debit: str
    credit: str
    amount: int

    def sealed(self) -> list:
        return [self.debit, self.credit, self.amount]


@dataclass(frozen=True, slots=True)
class PreorderTerms:
    """What a deposit was taken for, sealed with it: the promised gift is in the journal."""

    preorder_no: str
    product_id: int
    sku: str
    quantity: int
    gift: str = ""
    price: int | None = None  # a promised launch price

    def sealed(self) -> dict:
        return {"preorder_no": self.preorder_no, "product": self.product_id, "sku": self.sku,
                "quantity": self.quantity, "gift": self.gift, "price": self.price}


@dataclass(frozen=True, slots=True)
class AccountDocument:
    kind: AccountDocKind
    doc_no: str
    store_id: int
    customer_id: int
    business_date: date
    posted_at: datetime
    request_id: str
    amount: int  # > 0
    tender: Tender | None = None
    reference: str | None = None
    card_last4: str | None = None
    terminal_id: int | None = None
    shift_id: int | None = None
    staff_id: int | None = None
    approved_by: int | None = None
    reason: str = ""
    preorder: PreorderTerms | None = None
    allocations: tuple[Allocation, ...] = ()

    def payload(self) -> dict:
        return {
            "doc_no": self.doc_no, "kind": self.kind, "store": self.store_id,
            "customer": self.customer_id, "business_date": self.business_date.isoformat(),
            "posted_at": chain.sealed_time(self.posted_at), "request_id": self.request_id,
            "amount": self.amount, "tender": self.tender, "reference": self.reference,
            "card_last4": self.card_last4, "terminal": self.terminal_id,
            "shift": self.shift_id, "staff": self.staff_id, "approved_by": self.approved_by,
            "reason": self.reason,
            "preorder": self.preorder.sealed() if self.preorder is not None else None,
            "allocations": [a.sealed() for a in sorted(self.allocations, key=_order)],
        }

    @property
    def credit(self) -> int:
        """What the document puts on the account's balance (payments and write-offs
        lower it; the others do not touch receivables)."""
        return -self.amount if self.kind in CREDITING else 0


def _order(allocation: Allocation) -> tuple:
    return (allocation.debit, allocation.credit, allocation.amount)


def allocate_oldest_first(open_items, amount: int, chosen=()) -> list[tuple[object, int]]:
    """How `amount` settles open invoices: the `chosen` ones first (item, amount asked;
    in the order given), then the rest oldest due first (each item has `due_date`,
    `opened_on`, `open_amount` and `ref`). Returns (item, amount) pairs; what is left
    over stays unapplied (a credit). Pure: the caller checked the chosen amounts."""
    result: list[tuple[object, int]] = []
    left = amount
    taken: dict[str, int] = {}
    for item, asked in chosen:
        part = min(left, asked, item.open_amount - taken.get(item.ref, 0))
        if part > 0:
            result.append((item, part))
            taken[item.ref] = taken.get(item.ref, 0) + part
            left -= part
    rest = sorted((item for item in open_items if item.open_amount > 0),
                  key=lambda item: (item.due_date or item.opened_on, item.opened_on, item.ref))
    for item in rest:
        if left <= 0:
            break
        part = min(left, item.open_amount - taken.get(item.ref, 0))
        if part > 0:
            result.append((item, part))
            taken[item.ref] = taken.get(item.ref, 0) + part
            left -= part
    return result
