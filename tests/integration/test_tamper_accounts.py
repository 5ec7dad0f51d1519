"""Customer accounts edited behind the till's back are named by `journal verify` (issue
19): a balance, an open amount, an allocation, a credit limit, a due date, a deposit
held, a payment's tender; a write-off or an item deleted, a payment added by SQL, an
account passed to the big-account team set back to open. Each is refused with words that
name what was changed; the untouched day verifies."""

import pytest

from pos.ledger import verify
from tests.integration.account_day import an_account_day
from tests.integration.test_tamper import tampered

ITEM_OF = ("(SELECT i.id FROM account_items i JOIN sales s ON s.id = i.sale_id "
           "WHERE s.receipt_no = :r)")
DOC = "(SELECT id FROM account_documents WHERE doc_no = :d)"


@pytest.fixture
def day(demo_db):
    refs = an_account_day(demo_db)
    result = verify.verify(demo_db)
    assert result.ok, result.problem
    return demo_db, refs


def test_the_untouched_day_verifies(day):
    db, _ = day
    result = verify.verify(db)
    assert result.ok and result.problem is None


def test_a_balance_edited_is_named(day):
    db, refs = day
    problem = tampered(db, "UPDATE customer_accounts SET balance = balance - 10000 "
                       "WHERE customer_id = :c", c=refs["buyer"])
    assert problem.startswith("the balance of the account of Acme (13700000001) is ")
    assert "but the documents sealed in the journal make it" in problem


def test_an_open_amount_edited_is_named(day):
    db, refs = day
    problem = tampered(db, f"UPDATE account_items SET open_amount = open_amount - 100 "
                       f"WHERE id = {ITEM_OF}", r=refs["second"])
    assert problem.startswith(f"the open amount of {refs['second']}/1 on the account of Acme")
    assert "its sealed allocations leave" in problem


def test_an_allocation_edited_with_the_open_amounts_to_match_is_named(day):
    db, refs = day
    problem = tampered(
        db, f"UPDATE account_allocations SET amount = amount - 100 WHERE doc_id = {DOC} "
        f"AND debit_item_id = {ITEM_OF}",
        f"UPDATE account_items SET open_amount = open_amount + 100 WHERE id = {ITEM_OF}",
        d=refs["payment"], r=refs["second"])
    assert problem.endswith(f"account document {refs['payment']} was altered")


def test_a_credit_limit_raised_without_a_sealed_record_is_named(day):
    db, refs = day
    problem = tampered(db, "UPDATE customer_accounts SET credit_limit = 99999900 "
                       "WHERE customer_id = :c", c=refs["buyer"])
    assert problem.startswith("the account of Acme (13700000001) is not as last sealed")


def test_a_due_date_moved_is_named(day):
    db, refs = day
    problem = tampered(db, f"UPDATE account_items SET due_date = '2031-01-31' "
                       f"WHERE id = {ITEM_OF}", r=refs["second"])
    assert problem.startswith(f"the account item of {refs['second']}/1 is not what the sale's "
                              "on-account payment says")


def test_a_deposit_held_edited_is_named(day):
    db, refs = day
    problem = tampered(db, "UPDATE preorders SET deposit_held = 3000, state = 'open', "
                       "cancelled_at = NULL WHERE preorder_no = :p", p=refs["cancelled"])
    assert problem.startswith(f"pre-order {refs['cancelled']} holds 30.00 and is open, but its "
                              "sealed documents leave 0.00 held and make it cancelled")


def test_a_spent_deposit_put_back_is_named(day):
    db, refs = day
    problem = tampered(db, "UPDATE preorders SET deposit_held = 5000, state = 'open', "
                       "completed_sale_id = NULL WHERE preorder_no = :p", p=refs["preorder"])
    assert problem.startswith(f"pre-order {refs['preorder']} holds 50.00 and is open")


def test_a_payments_tender_edited_is_named(day):
    db, refs = day
    problem = tampered(db, "UPDATE account_documents SET tender = 'wechat' WHERE doc_no = :d",
                       d=refs["payment"])
    assert problem.endswith(f"account document {refs['payment']} was altered")


def test_a_write_off_deleted_with_the_balance_to_match_is_named(day):
    db, refs = day
    problem = tampered(
        db, f"DELETE FROM account_allocations WHERE doc_id = {DOC}",
        f"UPDATE account_items SET open_amount = open_amount + 500 WHERE id = {ITEM_OF}",
        f"DELETE FROM account_items WHERE doc_id = {DOC}",
        f"DELETE FROM account_documents WHERE id = {DOC}",
        "UPDATE customer_accounts SET balance = balance + 500 WHERE customer_id = :c",
        d=refs["write_off"], r=refs["second"], c=refs["buyer"])
    assert problem.endswith(f"account document {refs['write_off']} was deleted")


def test_an_item_deleted_with_the_balance_to_match_is_named(day):
    db, refs = day
    problem = tampered(
        db, f"DELETE FROM account_items WHERE id = {ITEM_OF}",
        "UPDATE customer_accounts SET balance = 0 WHERE customer_id = :c",
        r=refs["third"], c=refs["other"])
    assert problem == f"the on-account payment of {refs['third']} has no account item"


def test_a_payment_inserted_by_sql_is_named(day):
    db, refs = day
    problem = tampered(
        db, "INSERT INTO account_documents (doc_no, kind, store_id, customer_id, staff_id, "
        "amount, tender, reason, business_date, posted_at, request_id, journal_hash) "
        "SELECT 'S01-RP-000009', 'payment', store_id, customer_id, staff_id, 1000, 'cash', '', "
        "business_date, posted_at, 'forged-request', journal_hash FROM account_documents "
        "WHERE doc_no = :d",
        "INSERT INTO account_items (customer_id, store_id, kind, doc_id, amount, open_amount, "
        "opened_on) SELECT customer_id, store_id, 'payment', id, -1000, -1000, business_date "
        "FROM account_documents WHERE doc_no = 'S01-RP-000009'",
        "UPDATE customer_accounts SET balance = balance - 1000 WHERE customer_id = :c",
        d=refs["payment"], c=refs["buyer"])
    assert problem == "account document S01-RP-000009 is not in the journal"


def test_an_account_set_back_to_open_after_its_transfer_is_named(day):
    db, refs = day
    problem = tampered(db, "UPDATE customer_accounts SET state = 'open' WHERE customer_id = :c",
                       c=refs["other"])
    assert problem.startswith("the account of Bolt (13700000002) is not as last sealed")


def test_an_invoice_request_added_by_sql_is_named(day):
    db, refs = day
    problem = tampered(
        db, "INSERT INTO invoice_requests (sale_id, customer_id, requested_at, company, "
        "tax_id, address, phone, bank_name, bank_account) SELECT id, customer_id, "
        "completed_at, 'Acme Ltd', '91310000MA1FL0XX1X', '', '', '', '' FROM sales "
        "WHERE receipt_no = :r", r=refs["first"])
    assert problem == (f"the invoice request of {refs['first']} was made outside the till: "
                       "no sealed event")


def test_an_invoice_request_deleted_is_named(day):
    from tests.integration.account_day import invoice_request

    db, refs = day
    invoice_request(db, refs["first"])
    assert verify.verify(db).ok
    problem = tampered(db, "DELETE FROM invoice_requests")
    assert problem.startswith("the invoice request sealed as event #")
    assert problem.endswith(f"(sale:{refs['first']}) was deleted")


def test_a_preorder_deleted_is_named_by_its_deposit(day):
    db, refs = day
    problem = tampered(
        db, "UPDATE account_documents SET preorder_id = NULL WHERE preorder_id = "
        "(SELECT id FROM preorders WHERE preorder_no = :p)",
        "DELETE FROM preorders WHERE preorder_no = :p", p=refs["cancelled"])
    assert problem.endswith(f"account document {refs['deposit_2']} was altered")
