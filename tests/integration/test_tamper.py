"""The tamper suite: someone with the database file (or a PostgreSQL login) edits it to
hide something. `pos journal verify` must name what was touched, never pass and never
crash, on SQLite and PostgreSQL. Without the store's key even recomputing every hash
does not help; with the key, the anchor printed on a Z report still does."""

import pytest
from sqlalchemy import text

from pos.cli import main
from pos.ledger import chain, verify
from tests.integration.tamper_day import a_day, rechain


@pytest.fixture
def day(demo_db):
    refs = a_day(demo_db)
    assert verify.verify(demo_db).ok
    return demo_db, refs


def tampered(db, *statements, **values):
    with db.unit_of_work() as session:
        for statement in statements:
            session.execute(text(statement), values)
    result = verify.verify(db)
    assert not result.ok and result.problem
    return result.problem


def test_a_relabelled_entry_is_named_and_never_skipped(day):
    db, refs = day
    problem = tampered(db, "UPDATE journal_entries SET doc_type = 'note' WHERE doc_ref = :r",
                       "DELETE FROM payments WHERE sale_id = "
                       "(SELECT id FROM sales WHERE receipt_no = :r)", r=refs["second"])
    assert f"(note {refs['second']})" in problem


def test_an_entry_relabelled_as_an_audit_event_is_named_without_a_traceback(day):
    db, refs = day
    problem = tampered(db, "UPDATE journal_entries SET doc_type = 'audit' WHERE doc_ref = :r",
                       r=refs["second"])
    assert f"(audit {refs['second']})" in problem


def test_a_relabelled_and_rechained_journal_is_caught_by_the_key(day):
    db, refs = day
    with db.unit_of_work() as session:
        session.execute(text("UPDATE journal_entries SET doc_type = 'note' WHERE doc_ref = :r"),
                        {"r": refs["second"]})
        rechain(session.connection())
    result = verify.verify(db)
    assert not result.ok
    # every hash fits again: the unknown kind, or the head's key, gives it away
    assert "no kind of document" in result.problem or "store's key" in result.problem


def test_a_forged_sale_copying_another_sales_seal_is_not_in_the_journal(day):
    db, refs = day
    problem = tampered(db, """
        INSERT INTO sales (cart_uuid, receipt_no, terminal_id, sequence, staff_id, customer_id,
            state, completed_at, business_date, total, discount_total, vat_total, tendered,
            change_given, journal_hash, kind, original_sale_id, shift_id)
        SELECT 'forged', 'T01-000099', terminal_id, 99, staff_id, customer_id, state,
            completed_at, business_date, total, discount_total, vat_total, tendered,
            change_given, journal_hash, kind, original_sale_id, shift_id
        FROM sales WHERE receipt_no = :r""", r=refs["second"])
    assert "T01-000099 is not in the journal" in problem


def test_a_refunded_card_set_back_to_active_is_named(day):
    db, refs = day
    problem = tampered(db, "UPDATE service_cards SET state = 'active' WHERE card_no = :c",
                       c=refs["card"])
    assert f"service card {refs['card']} is active" in problem


def test_a_sold_serial_deleted_so_it_could_be_sold_again_is_named(day):
    db, _ = day
    problem = tampered(db, "DELETE FROM serial_units WHERE serial = 'SN-RET-2'")
    assert "serial SN-RET-2" in problem and "no longer marked sold" in problem


@pytest.mark.parametrize("statement, named", [
    ("UPDATE sales SET completed_at = completed_at - INTERVAL '3 days' WHERE receipt_no = :r",
     "the sale was altered"),
    ("UPDATE journal_entries SET created_at = created_at - INTERVAL '3 days' WHERE doc_ref = :r",
     "the journal entry was altered"),
])
def test_times_moved_by_three_days_are_named(day, statement, named):
    db, refs = day
    if db.engine.dialect.name == "sqlite":
        column = "completed_at" if "completed_at" in statement else "created_at"
        statement = statement.replace(f"{column} - INTERVAL '3 days'",
                                      f"datetime({column}, '-3 days')")
    problem = tampered(db, statement, r=refs["second"])
    assert refs["second"] in problem and named in problem


def test_cutting_the_tail_is_caught_by_the_key(day):
    db, _ = day
    with db.unit_of_work() as session:
        last = session.execute(text("SELECT max(seq) FROM journal_entries")).scalar()
        session.execute(text("DELETE FROM journal_entries WHERE seq > :s"), {"s": last - 3})
        rechain(session.connection())
    result = verify.verify(db)
    assert not result.ok and "store's key" in result.problem


def test_a_sale_edited_mid_chain_and_rechained_is_caught_by_the_key(day):
    db, refs = day
    with db.unit_of_work() as session:
        entry = session.execute(text("SELECT seq, payload FROM journal_entries "
                                     "WHERE doc_ref = :r"), {"r": refs["fourth"]}).one()
        session.execute(text("UPDATE sales SET total = total - 1 WHERE receipt_no = :r"),
                        {"r": refs["fourth"]})
        payload = entry.payload.replace('"total":', '"total_":', 1)  # any edit re-sealed
        session.execute(text("UPDATE journal_entries SET payload = :p WHERE seq = :s"),
                        {"p": payload, "s": entry.seq})
        rechain(session.connection(), from_seq=entry.seq)
    result = verify.verify(db)
    assert not result.ok
    assert refs["fourth"] in result.problem or "store's key" in result.problem


def test_an_audit_event_deleted_and_the_chain_rebuilt_is_caught_by_the_key(day):
    db, _ = day
    with db.unit_of_work() as session:
        event = session.execute(text("SELECT id FROM audit_events WHERE action = 'void'")).scalar()
        seq = session.execute(text("SELECT seq FROM journal_entries WHERE doc_ref = :r"),
                              {"r": f"A{event}"}).scalar()
        session.execute(text("DELETE FROM audit_events WHERE id = :i"), {"i": event})
        session.execute(text("DELETE FROM journal_entries WHERE seq = :s"), {"s": seq})
        session.execute(text("UPDATE journal_entries SET seq = seq - 1 WHERE seq > :s"),
                        {"s": seq})
        rechain(session.connection(), from_seq=seq)
    result = verify.verify(db)
    assert not result.ok


def test_with_the_key_stolen_the_printed_anchor_still_catches_a_rebuilt_chain(day):
    db, refs = day
    printed = verify.verify(db).head  # as on the last Z report or printout
    with db.unit_of_work() as session:
        session.execute(text("UPDATE journal_entries SET payload = replace(payload, "
                             "'\"total\":', '\"total_\":') WHERE doc_ref = :r"),
                        {"r": refs["first"]})
        session.execute(text("UPDATE journal_entries SET doc_type = 'note' WHERE doc_ref = :r"),
                        {"r": refs["first"]})
        rechain(session.connection(), with_key=True)
    assert not verify.verify(db, anchor=printed).ok


@pytest.mark.parametrize("statement, named", [
    ("UPDATE staff SET role = 'manager' WHERE name = 'Li Na'", "staff member Li Na"),
    ("UPDATE staff SET pin_hash = (SELECT pin_hash FROM staff WHERE name = 'Zhang Wei') "
     "WHERE name = 'Li Na'", "staff member Li Na"),
    ("UPDATE settings SET value_json = '{\"receipt\": \"file:///dev/null\"}' "
     "WHERE key = 'printers'", "the setting printers"),
    ("INSERT INTO settings (key, value_json) VALUES ('discount_limit_bp', "
     "'{\"cashier\": 10000}')", "the setting discount_limit_bp"),
    ("UPDATE cash_movements SET amount = -500000", "cash movement"),
    ("UPDATE shifts SET opening_float = 100000 WHERE state = 'open'", "open shift"),
    ("UPDATE shifts SET counted_cash = counted_cash + 10000 WHERE state = 'closed'",
     "the Z report or its shift was altered"),
    ("UPDATE journal_head SET mac = NULL", "store's key"),
    ("UPDATE journal_entries SET version = 1 WHERE seq = (SELECT max(seq) FROM journal_entries)",
     "version was changed"),
])
def test_facts_edited_outside_the_till_are_named(day, statement, named):
    db, _ = day
    assert named in tampered(db, statement)


def test_pos_journal_verify_prints_the_head_and_checks_an_anchor(day, capsys):
    db, _ = day
    url = f"--db={db.url}"
    head = verify.verify(db).head
    assert main([url, "journal", "verify"]) == 0
    assert head in capsys.readouterr().out
    assert main([url, "journal", "verify", "--anchor", head.lower().replace("-", " ")]) == 0
    assert main([url, "journal", "verify", "--anchor", "0000-0000-0000-0000"]) == 2
    assert "not in this journal" in capsys.readouterr().err


def test_the_z_report_carries_the_anchor_of_its_own_seal(day):
    db, refs = day
    from pos.day import shifts

    with db.read() as session:
        digest = session.execute(text("SELECT journal_hash FROM shifts WHERE z_number = :z"),
                                 {"z": refs["z"]}).scalar()
    from datetime import date

    (z,) = [r for r in shifts.z_reports(db, terminal="T01", day=date.today())
            if r.z_number == refs["z"]]
    assert z.anchor == chain.anchor_code(digest)
    assert verify.verify(db, anchor=z.anchor).anchor_found


def test_stock_edited_outside_the_till_is_named(day):
    db, _ = day
    problem = tampered(db, "UPDATE store_stock SET on_hand = on_hand + 5 WHERE product_id = "
                       "(SELECT id FROM products WHERE sku = 'BAG-NB-156') AND store_id = "
                       "(SELECT id FROM stores WHERE code = 'S01')")
    assert "the stock of BAG-NB-156 at S01" in problem


def test_documents_lost_to_a_file_that_rolled_back_are_counted(sqlite_demo_db):
    """A damaged WAL frame after a crash, or an older copy put back, leaves a shorter
    chain that is consistent in itself: the head this till saw committed, kept outside
    the database, tells how many documents went missing."""
    import shutil
    from pathlib import Path

    from pos.db.engine import Database
    from tests.integration.test_checkout import three_sales

    db = sqlite_demo_db
    path = Path(db.url.removeprefix("sqlite:///"))
    three_sales(db)
    db.dispose()  # the WAL folded back into the file: a clean copy
    shutil.copyfile(path, path.with_name("earlier.db"))
    db = Database(db.url)
    three_sales(db)  # three more, the witness follows
    assert verify.verify(db).ok
    db.dispose()
    shutil.copyfile(path.with_name("earlier.db"), path)
    db = Database(f"sqlite:///{path}")
    try:
        result = verify.verify(db)
        assert not result.ok and "3 documents were lost" in result.problem
    finally:
        db.dispose()
