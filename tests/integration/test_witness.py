"""The journal's witness (pos.ledger.head) and what is found with it at start
(pos.ledger.losses): a database file that went back loses documents without a sign
inside it; the till names them, seals that it lost them before selling on, and never
takes a store that started over for one that lost everything."""

import shutil
from pathlib import Path

from sqlalchemy import func, select

from pos.cli import main
from pos.db import schema
from pos.db.engine import Database
from pos.db.models import AuditEvent
from pos.demo.loader import load_demo
from pos.ledger import losses, verify
from pos.ledger.head import read_witness, witness_path
from tests.integration.test_checkout import three_sales


def sealed_losses(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == losses.ACTION))


def rolled_back(db: Database) -> Database:
    """Three sales, a copy of the file, three more; then the copy put back."""
    path = Path(db.url.removeprefix("sqlite:///"))
    three_sales(db)
    db.dispose()  # the WAL folded back into the file: a clean copy
    shutil.copyfile(path, path.with_name("earlier.db"))
    db = Database(db.url)
    three_sales(db)
    db.dispose()
    shutil.copyfile(path.with_name("earlier.db"), path)
    return Database(f"sqlite:///{path}")


def test_a_loss_found_at_start_is_sealed_and_outlives_the_next_sale(sqlite_demo_db, capsys):
    db = rolled_back(sqlite_demo_db)
    try:
        assert "3 documents were lost" in verify.verify(db).problem
        gap = losses.seal_lost_documents(db)
        assert gap is not None and gap.lost == 3 and not gap.rewritten
        three_sales(db)  # selling on moves the witness past the loss...
        result = verify.verify(db)
        assert result.ok  # ...the journal is whole again, and says what it lost
        assert len(result.losses) == 1 and "3 documents after #" in result.losses[0]
        assert losses.seal_lost_documents(db) is None  # sealed once, not at every start
        assert sealed_losses(db) == 1
        assert main(["--db", db.url, "journal", "verify"]) == 0
        assert "3 documents after #" in capsys.readouterr().out
    finally:
        db.dispose()


def test_the_pos_command_seals_a_loss_before_it_writes(sqlite_demo_db, capsys):
    db = rolled_back(sqlite_demo_db)
    url = db.url
    db.dispose()
    assert main(["--db", url, "journal", "verify"]) == 2  # reading only: reported
    assert "3 documents were lost" in capsys.readouterr().err
    assert main(["--db", url, "demo", "load", "--if-empty"]) == 0  # writes: sealed first
    assert "journal_behind" in capsys.readouterr().err
    db = Database(url)
    try:
        assert sealed_losses(db) == 1 and verify.verify(db).ok
    finally:
        db.dispose()


def test_nothing_lost_writes_nothing(sqlite_demo_db):
    three_sales(sqlite_demo_db)
    witnessed = read_witness(witness_path(sqlite_demo_db.engine.url))
    assert witnessed is not None
    assert losses.seal_lost_documents(sqlite_demo_db) is None
    assert read_witness(witness_path(sqlite_demo_db.engine.url)) == witnessed
    assert sealed_losses(sqlite_demo_db) == 0


def test_a_store_that_starts_over_in_the_same_place_lost_nothing(tmp_path):
    path = tmp_path / "tickbox.db"
    for _ in range(2):  # the second time, a new database where the first one was
        if path.exists():
            path.unlink()
        db = Database(f"sqlite:///{path}")
        schema.upgrade(db.engine)
        load_demo(db, locale="en")
        if _ == 0:
            three_sales(db)
            three_sales(db)
        try:
            assert losses.seal_lost_documents(db) is None
            assert verify.verify(db).ok
        finally:
            db.dispose()


def test_a_witness_not_made_with_the_key_is_not_trusted(sqlite_demo_db):
    three_sales(sqlite_demo_db)
    path = witness_path(sqlite_demo_db.engine.url)
    seq, digest, first, mac = path.read_text().split()
    path.write_text(f"{int(seq) + 50:020d} {digest} {first} {mac}\n")  # claims 50 more
    assert read_witness(path) is None
    assert verify.verify(sqlite_demo_db).ok
    path.write_text("garbage")
    assert read_witness(path) is None and losses.seal_lost_documents(sqlite_demo_db) is None
