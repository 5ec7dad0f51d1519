"""A day of customer accounts verifies (issue 19): account documents sealed and
reconciled; the shift's account money (payments on account, deposits taken and paid
back) in its X and Z reports and its expected cash; the Z report with account money
verifies, also from its anchor; an account document put in a shift after its Z report
is named."""

from sqlalchemy import select, text

from pos.db.models import Shift
from pos.day import shifts
from pos.ledger.drawer import z_document
from pos.ledger.verify import verify
from tests.integration.account_day import an_account_day, business, take_deposit
from tests.integration.checkout_helpers import staff_id


def test_an_account_day_verifies(demo_db):
    an_account_day(demo_db)
    result = verify(demo_db)
    assert result.ok, result.problem


def test_the_shifts_account_money_is_in_its_x_and_z_and_the_z_verifies_from_its_anchor(demo_db):
    db = demo_db
    before = shifts.x_report(db, terminal="T01") if _open(db) else None
    assert before is None or (before.account_in, before.deposits_in, before.deposits_out) == (
        {}, {}, {})
    refs = an_account_day(db)
    x = shifts.x_report(db, terminal="T01")
    paid = refs["due"] + 1000
    assert x.account_in == {"cash": paid}
    assert x.deposits_in == {"cash": 8000}
    assert x.deposits_out == {"cash": -3000}
    cash_sales = x.tenders.get("cash", 0)
    assert x.expected_cash == x.opening_float + cash_sales + x.paid_in + x.paid_out + paid \
        + 8000 - 3000
    z = shifts.close_shift(db, terminal="T01", staff_id=staff_id(db, "manager"),
                           counts={100: 1})
    assert (z.account_in, z.deposits_in, z.deposits_out) == (
        {"cash": paid}, {"cash": 8000}, {"cash": -3000})
    with db.read_connection() as conn:
        sealed = conn.execute(text("SELECT payload FROM journal_entries WHERE doc_type = 'z' "
                                   "ORDER BY seq DESC LIMIT 1")).scalar()
    assert '"account_in":{"cash":' in sealed.replace(" ", "")
    # a till that took no account money seals its Z as before: no new keys
    assert "account_in" not in z_document("T09", 1, _plain(z), 0, {}, z.closed_at, 1)
    result = verify(db)
    assert result.ok, result.problem
    buyer = business(db, "13700000009", "Later")
    take_deposit(db, buyer.id, 2000)  # in the next shift
    result = verify(db, from_anchor="last")
    assert result.ok, result.problem
    assert result.from_seq is not None
    assert verify(db, from_anchor=z.anchor).ok


def test_an_account_document_moved_into_a_closed_shift_is_named(demo_db):
    db = demo_db
    manager = staff_id(db, "manager")
    refs = an_account_day(db)
    z = shifts.close_shift(db, terminal="T01", staff_id=manager, counts={100: 1})
    _, later = take_deposit(db, refs["buyer"], 1500)
    with db.unit_of_work() as session:
        session.execute(text("UPDATE account_documents SET shift_id = (SELECT id FROM shifts "
                             "WHERE z_number = :z AND terminal_id = (SELECT id FROM terminals "
                             "WHERE code = 'T01')) WHERE doc_no = :d"), {"z": z.z_number,
                                                                         "d": later})
    result = verify(db)
    assert not result.ok
    assert f"account document {later} was posted in shift" in result.problem
    assert "after its Z report" in result.problem


def _open(db) -> bool:
    with db.read_connection() as conn:
        return conn.execute(select(Shift.id).where(Shift.state == "open")).first() is not None


def _plain(report):
    from dataclasses import replace

    return replace(report, account_in={}, deposits_in={}, deposits_out={})


def test_account_documents_are_read_a_batch_at_a_time(demo_db):
    """The walk reads a batch's account documents with a few statements, not a few per
    document: ten more payments cost verify no more statements than two."""
    from pos.kernel.enums import AccountDocKind
    from tests.integration.account_day import post, sell
    from tests.integration.test_verify_batches import count_statements

    db = demo_db
    refs = an_account_day(db)
    for _ in range(3):
        sell(db, refs["buyer"])

    def payments(n):
        for _ in range(n):
            post(db, AccountDocKind.PAYMENT, refs["buyer"], 100, tender="bank_card",
                 oldest=True)

    payments(2)
    few = count_statements(db, lambda: verify(db))
    payments(10)
    many = count_statements(db, lambda: verify(db))
    assert many == few, (few, many)
    assert verify(db).ok
