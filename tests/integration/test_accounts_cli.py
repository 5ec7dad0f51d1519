"""`pos account` and `pos accounts ...` end to end: each command, what it says, the files
it writes, and every refusal exiting 1 with nothing changed. SQLite and PostgreSQL."""

import csv
import io
import uuid

import pytest
from sqlalchemy import func, select

from pos.cli import main
from pos.db.models import AccountDocument, CustomerAccount, JournalEntry
from pos.ledger.verify import verify
from tests.integration.test_account_ledger import business, sell_on_account

MANAGER, CASHIER = "Zhang Wei", "Li Na"


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("POS_LOCALE", "en")


def pos(db, *words, capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db=" + db.engine.url.render_as_string(hide_password=False),
                 *map(str, words)])
    said = capsys.readouterr()
    return code, said.out, said.err


def counts(db):
    with db.read_connection() as conn:
        return (conn.execute(select(func.count()).select_from(JournalEntry)).scalar(),
                conn.execute(select(func.count()).select_from(AccountDocument)).scalar(),
                conn.execute(select(func.count()).select_from(CustomerAccount)).scalar())


def test_open_sell_pay_statement_aging_overdue_transfer(demo_db, tmp_path, capsys):
    db = demo_db
    buyer = business(db)
    code, out, err = pos(db, "accounts", "open", buyer.phone, "--limit", "5000.00", "--term",
                         "20", "--staff", MANAGER, capsys=capsys)
    assert code == 0, err
    assert "limit 5000.00, term 20 days" in out
    first, due = sell_on_account(db, buyer.id)
    second, _ = sell_on_account(db, buyer.id)
    code, out, err = pos(db, "accounts", "pay", buyer.phone, "100.00", "--tender", "transfer",
                         "--ref", "ICBC-1", "--invoice", f"{second.receipt_no}=100.00",
                         "--staff", CASHIER, capsys=capsys)
    assert code == 0, err
    assert "S01-RP-000001 posted" in out and f"applied to {second.receipt_no}/1" in out
    request = str(uuid.uuid4())
    for _ in range(2):
        code, out, err = pos(db, "accounts", "pay", buyer.phone, "50", "--tender", "cash",
                             "--staff", CASHIER, "--request-id", request, capsys=capsys)
        assert code == 0, err
    assert "already posted for this request" in out
    code, out, err = pos(db, "accounts", "pay", f"#{buyer.id}", "2000", "--tender", "wechat",
                         "--as-credit", "--staff", CASHIER, capsys=capsys)
    assert code == 0, err
    balance = 2 * due - 10000 - 5000 - 200000
    assert "kept as a credit" in out
    pdf = tmp_path / "statement.pdf"
    code, out, err = pos(db, "account", buyer.phone, "--pdf", pdf, capsys=capsys)
    assert code == 0, err
    assert f"{first.receipt_no}/1" in out and "S01-RP-000003" in out
    assert "Balance: -" in out and pdf.read_bytes().startswith(b"%PDF")
    code, out, err = pos(db, "account", buyer.phone, "--from", "2000-01-01", "--to",
                         "2000-01-31", capsys=capsys)
    assert code == 0 and "Brought forward: 0.00" in out
    sheet = tmp_path / "aging.csv"
    code, out, err = pos(db, "accounts", "aging", "--store", "S01", "--csv", sheet,
                         capsys=capsys)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    assert [(r["phone"], r["total"]) for r in rows] == [(buyer.phone, f"{balance / 100:.2f}")]
    code, out, err = pos(db, "accounts", "overdue", capsys=capsys)
    assert code == 0 and "No account is overdue" in out
    code, out, err = pos(db, "accounts", "aging", "--as-of", "2099-01-01", capsys=capsys)
    assert code == 0 and buyer.name in out
    code, out, err = pos(db, "accounts", "write-off", buyer.phone, "1", "--reason", "x",
                         "--staff", MANAGER, capsys=capsys)
    assert code == 1 and "0.00 is open" in err  # the account is in credit
    code, out, err = pos(db, "accounts", "transfer", buyer.phone, "--note", "moved",
                         "--staff", MANAGER, capsys=capsys)
    assert code == 0 and "big-account team" in out
    assert verify(db).ok


def test_write_off_by_a_manager(demo_db, capsys):
    db = demo_db
    buyer = business(db)
    assert pos(db, "accounts", "open", buyer.phone, "--limit", "none", "--staff", MANAGER,
               capsys=capsys)[0] == 0
    sale, due = sell_on_account(db, buyer.id)
    code, out, err = pos(db, "accounts", "write-off", buyer.phone, "99.00", "--reason",
                         "closed down", "--staff", MANAGER, capsys=capsys)
    assert code == 0, err
    assert "S01-BD-000001 posted" in out
    assert verify(db).ok


def test_refusals_change_nothing(demo_db, tmp_path, capsys):
    db = demo_db
    buyer = business(db)
    pos(db, "accounts", "open", buyer.phone, "--staff", MANAGER, capsys=capsys)
    sale, due = sell_on_account(db, buyer.id)
    plain = business(db, "13700000005")
    cases = [
        (("account", "13999999999"), "No customer '13999999999'"),
        (("account", plain.phone), "has no account"),
        (("account", buyer.phone, "--from", "2026-13-01"), "is not a date"),
        (("accounts", "aging", "--store", "S99"), "No store has the code 'S99'"),
        (("accounts", "overdue", "--days", "0"), "at least 1"),
        (("accounts", "open", plain.phone, "--staff", CASHIER), "manager"),
        (("accounts", "open", plain.phone, "--limit", "lots", "--staff", MANAGER),
         "--limit is an amount or 'none'"),
        (("accounts", "open", plain.phone, "--term", "45", "--staff", MANAGER), "at most 30 days"),
        (("accounts", "open", buyer.phone, "--staff", MANAGER), "already has an account"),
        (("accounts", "pay", buyer.phone, "100000", "--tender", "transfer", "--staff", CASHIER),
         "is more than the"),
        (("accounts", "pay", buyer.phone, "0", "--tender", "transfer", "--staff", CASHIER),
         "more than zero"),
        (("accounts", "pay", buyer.phone, "abc", "--tender", "transfer", "--staff", CASHIER),
         "error:"),
        (("accounts", "pay", buyer.phone, "10", "--tender", "transfer", "--invoice",
          "T01-999999", "--staff", CASHIER), "not an open invoice"),
        (("accounts", "pay", buyer.phone, "10", "--tender", "transfer", "--invoice",
          f"{sale.receipt_no}=", "--staff", CASHIER), "--invoice is RECEIPT"),
        (("accounts", "pay", buyer.phone, "10", "--tender", "transfer", "--staff", "Nobody"),
         "No staff member is called 'Nobody'"),
        (("accounts", "pay", buyer.phone, "10", "--tender", "transfer", "--staff", CASHIER,
          "--request-id", "nope"), "is not a request id"),
        (("accounts", "write-off", buyer.phone, "10", "--reason", "bad", "--staff", CASHIER),
         "manager"),
        (("accounts", "write-off", buyer.phone, "10", "--reason", " ", "--staff", MANAGER),
         "needs a reason"),
        (("accounts", "transfer", buyer.phone, "--note", "x", "--staff", CASHIER), "manager"),
    ]
    before = counts(db)
    for words, said in cases:
        code, out, err = pos(db, *words, capsys=capsys)
        assert code == 1, (words, out, err)
        assert said in err, (words, err)
        assert counts(db) == before, words
    assert verify(db).ok
