"""`pos journal verify --from-anchor CODE|last`: the anchor printed on a Z report pins the
chain at that point, so a verify can start there: the anchor's own entry and document
are checked, then only what was sealed after it. A tamper before the checkpoint is not
read again; one after it is found; a code that names no entry is refused."""

import pytest
from sqlalchemy import text

from pos.cli import main
from pos.kernel.errors import UserError
from pos.ledger import chain, verify
from tests.integration.tamper_day import a_day


@pytest.fixture
def day(demo_db):
    refs = a_day(demo_db)  # ... a Z report, then the fourth sale
    with demo_db.read() as session:
        digest = session.execute(text("SELECT journal_hash FROM shifts WHERE z_number = :z"),
                                 {"z": refs["z"]}).scalar_one()
    refs["anchor"] = chain.anchor_code(digest)  # as printed on the Z report
    assert verify.verify(demo_db).ok
    return demo_db, refs


def edit(db, statement, **values):
    with db.unit_of_work() as session:
        session.execute(text(statement), values)


def entries_after(db, anchor) -> int:
    with db.read() as session:
        seq = session.execute(text("SELECT seq FROM journal_entries WHERE hash LIKE :p"),
                              {"p": anchor.replace("-", "").lower() + "%"}).scalar_one()
        return session.execute(text("SELECT count(*) FROM journal_entries WHERE seq > :s"),
                               {"s": seq}).scalar_one()


@pytest.mark.parametrize("start", ["code", "last"])
def test_from_the_last_z_only_what_follows_is_read(day, start):
    db, refs = day
    result = verify.verify(db, from_anchor=refs["anchor"] if start == "code" else "last")
    assert result.ok and result.from_seq is not None
    assert result.checked == entries_after(db, refs["anchor"]) + 1  # and the anchor's own
    assert result.head == verify.verify(db).head


def test_a_tamper_before_the_checkpoint_is_not_read_again(day):
    db, refs = day
    # (a name: the Z report's own figures, checked with the anchor, do not show it)
    edit(db, "UPDATE sale_lines SET name = 'forged' WHERE sale_id = "
         "(SELECT id FROM sales WHERE receipt_no = :r)", r=refs["first"])
    assert verify.verify(db, from_anchor=refs["anchor"]).ok
    whole = verify.verify(db)  # the whole journal still finds it
    assert not whole.ok and refs["first"] in whole.problem


def test_a_tamper_after_the_checkpoint_is_found(day):
    db, refs = day
    edit(db, "UPDATE sales SET total = total - 1 WHERE receipt_no = :r", r=refs["fourth"])
    result = verify.verify(db, from_anchor="last")
    assert not result.ok
    assert f"(sale {refs['fourth']}): the sale was altered" in result.problem


def test_the_checkpoints_own_z_report_is_checked(day):
    db, refs = day
    edit(db, "UPDATE shifts SET counted_cash = counted_cash + 10000 WHERE z_number = :z",
         z=refs["z"])
    result = verify.verify(db, from_anchor=refs["anchor"])
    assert not result.ok and "the Z report or its shift was altered" in result.problem


@pytest.mark.parametrize("which, named", [("next", "is missing"), ("last", "its head says")])
def test_an_entry_removed_after_the_checkpoint_is_found(day, which, named):
    db, refs = day
    seq = verify.verify(db, from_anchor=refs["anchor"]).from_seq
    if which == "next":
        edit(db, "DELETE FROM journal_entries WHERE seq = :s", s=seq + 1)
    else:
        edit(db, "DELETE FROM journal_entries WHERE doc_ref = :r", r=refs["arrived"])  # the last
    result = verify.verify(db, from_anchor=refs["anchor"])
    assert not result.ok and named in result.problem


def test_a_wrong_anchor_is_refused_with_a_clear_message(day, capsys):
    db, refs = day
    wrong = "0123-4567-89AB-CDEF"
    with pytest.raises(UserError) as refused:
        verify.verify(db, from_anchor=wrong)
    assert refused.value.message_id == "journal.anchor_unknown"
    with pytest.raises(UserError):
        verify.verify(db, from_anchor="not a code")
    url = f"--db={db.url}"
    assert main([url, "journal", "verify", "--from-anchor", wrong]) != 0
    err = capsys.readouterr().err
    assert f"No journal entry carries the anchor {wrong}" in err and "Traceback" not in err
    assert main([url, "journal", "verify", "--from-anchor", refs["anchor"].lower()]) == 0
    out = capsys.readouterr().out
    assert "journal intact from its checkpoint" in out


def test_last_before_any_z_report_is_refused(demo_db):
    with pytest.raises(UserError) as refused:
        verify.verify(demo_db, from_anchor="last")
    assert refused.value.message_id == "journal.no_z_report"
