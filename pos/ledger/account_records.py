"""An account's terms as facts: each time an account is opened, its limit or term
changes, or it passes to the big-account team, its values are sealed as an
`account_record` audit event, and `journal verify` checks each account row against the
last one sealed (as staff rows are checked against `staff_record`). The balance is not a
term: it is checked against the account's items."""

from __future__ import annotations

from pos.ledger import audit

ACCOUNT_RECORD = "account_record"


def account_values(*, customer_id: int, store_id: int, credit_limit: int | None,
                   term_days: int, state) -> dict:
    """What is sealed of an account row."""
    return {"customer": customer_id, "store": store_id, "credit_limit": credit_limit,
            "term_days": term_days, "state": getattr(state, "value", state)}


def seal_account(conn, *, by: int | None, customer_id: int, store_id: int,
                 credit_limit: int | None, term_days: int, state, note: str = "") -> int:
    """Inside the transaction that wrote an account row: seal its terms as they now are."""
    return audit.record(conn, staff_id=by, action=ACCOUNT_RECORD, ref=str(customer_id),
                        details={**account_values(customer_id=customer_id, store_id=store_id,
                                                  credit_limit=credit_limit,
                                                  term_days=term_days, state=state),
                                 "note": note})
