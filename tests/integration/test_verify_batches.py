"""`pos journal verify` reads the chain a batch at a time (pos.ledger.batch): a problem is
found wherever it falls among the batches, the number of statements grows with the
batches and not with the documents, and memory does not grow with the chain."""

import tracemalloc

import pytest
from sqlalchemy import event, text

from pos.ledger import verify
from tests.integration.long_chain import LongChain

BATCH = 40  # small batches: a chain of a few hundred documents spans many


@pytest.fixture
def chain(demo_db):
    """About 250 documents: sales, a refund in every 50, a Z report every 100."""
    LongChain(demo_db, per_shift=100, refund_every=50, per_transaction=50).extend(250)
    assert verify.verify(demo_db, batch_size=BATCH).ok
    return demo_db


def sale_at(db, seq: int) -> str:
    """The receipt of the first sale at or after journal #seq."""
    with db.read() as session:
        return session.execute(text(
            "SELECT doc_ref FROM journal_entries WHERE seq >= :s AND doc_type = 'sale' "
            "ORDER BY seq LIMIT 1"), {"s": seq}).scalar_one()


def last_seq(db) -> int:
    with db.read() as session:
        return session.execute(text("SELECT max(seq) FROM journal_entries")).scalar_one()


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_an_altered_sale_is_named_in_any_batch(chain, where):
    seq = {"first": 3, "middle": last_seq(chain) // 2, "last": last_seq(chain) - 2}[where]
    receipt = sale_at(chain, seq)
    with chain.unit_of_work() as session:
        session.execute(text("UPDATE sale_lines SET unit_price = unit_price + 1 WHERE id = "
                             "(SELECT min(l.id) FROM sale_lines l JOIN sales s ON "
                             "s.id = l.sale_id WHERE s.receipt_no = :r)"), {"r": receipt})
    result = verify.verify(chain, batch_size=BATCH)
    assert not result.ok and f"sale {receipt}): the sale was altered" in result.problem
    # every document before it was found good, none after
    with chain.read() as session:
        before = session.execute(text("SELECT seq FROM journal_entries WHERE doc_ref = :r"),
                                 {"r": receipt}).scalar_one() - 1
    assert result.checked == before


@pytest.mark.parametrize("offset", [0, 1])
def test_an_entry_deleted_at_a_batch_boundary_is_named(chain, offset):
    """The link between the last entry of one batch and the first of the next is checked
    like any other."""
    seq = 2 * BATCH + offset
    with chain.unit_of_work() as session:
        session.execute(text("DELETE FROM journal_entries WHERE seq = :s"), {"s": seq})
    result = verify.verify(chain, batch_size=BATCH)
    assert not result.ok and f"journal #{seq} is missing" in result.problem
    assert result.checked == seq - 1


def test_a_row_of_a_later_batch_that_cannot_be_read_names_its_own_entry(chain):
    """A batch's rows are read at once; a row so damaged it cannot be read is still
    named by the entry it belongs to (that batch is then read one document at a time)."""
    receipt = sale_at(chain, 3 * BATCH + 5)
    with chain.unit_of_work() as session:
        session.execute(text("UPDATE sales SET completed_at = 'not a time' "
                             "WHERE receipt_no = :r") if chain.engine.dialect.name == "sqlite"
                        else text("UPDATE sales SET kind = 'bogus' WHERE receipt_no = :r"),
                        {"r": receipt})
    result = verify.verify(chain, batch_size=BATCH)
    assert not result.ok and receipt in result.problem
    assert "could not be read" in result.problem or "was altered" in result.problem


def test_a_forged_card_state_and_serial_are_found_after_the_walk(chain):
    with chain.unit_of_work() as session:
        card = session.execute(text("SELECT card_no FROM service_cards WHERE state = 'cancelled' "
                                    "ORDER BY id LIMIT 1")).scalar_one()
        session.execute(text("UPDATE service_cards SET state = 'active' WHERE card_no = :c"),
                        {"c": card})
    assert f"service card {card} is active" in verify.verify(chain, batch_size=BATCH).problem


def count_statements(db, run) -> int:
    statements = []

    def note(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)
    event.listen(db.engine, "before_cursor_execute", note)
    try:
        result = run()
    finally:
        event.remove(db.engine, "before_cursor_execute", note)
    assert result.ok
    return len(statements)


def test_statements_grow_with_batches_not_documents(demo_db):
    db = demo_db
    LongChain(db, per_shift=2500, refund_every=100).extend(2500)
    whole = count_statements(db, lambda: verify.verify(db))
    assert whole < 100  # 2,500 documents: about 7 statements a batch of 2,000
    smaller = count_statements(db, lambda: verify.verify(db, batch_size=500))
    # more than twice the batches: about 7 statements more a batch, and nothing like
    # one per document
    assert whole < smaller < whole + 8 * 7 + 10


def peak_of_verify(db) -> int:
    tracemalloc.start()
    try:
        assert verify.verify(db).ok
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_chain(sqlite_demo_db):
    chain = LongChain(sqlite_demo_db, per_shift=1000, refund_every=100)
    chain.extend(2000)
    small = peak_of_verify(sqlite_demo_db)
    chain.extend(8000)
    large = peak_of_verify(sqlite_demo_db)
    # four times the documents: the same batches, at most a little more (what grows is
    # bounded by the store: its products' stock, staff, settings), never 4x
    assert large < 1.5 * small, (small, large)
