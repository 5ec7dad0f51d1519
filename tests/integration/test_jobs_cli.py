"""`pos job ...`: each command, and each refusal exiting with 1 and changing nothing
(SQLite; the services are tested on both databases in test_jobs.py)."""

from datetime import timedelta

import pytest

from pos.cli import main
from pos.kernel.clock import utcnow
from pos.ledger import verify
from tests.integration.job_helpers import job_snapshot, sell_notebook


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("POS_LOCALE", "en")


def pos(db, *words) -> int:
    return main([f"--db={db.url}", "--terminal=T01", *words])


def local(moment) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def test_the_job_commands(sqlite_demo_db, capsys):
    db = sqlite_demo_db
    sale = sell_notebook(db, card="gold")
    capsys.readouterr()
    assert pos(db, "job", "register", "--kind", "on_site", "--serial", "PF3JOB0001",
               "--need", "Router setup", "--area", "city", "--address", "1 Park Rd",
               "--priority", "1", "--request", "req-1", "--staff", "Wang Qiang") == 0
    out = capsys.readouterr().out
    assert "S01-JB-000001 registered" in out and "due" in out and "card" in out
    # the same request: nothing new
    assert pos(db, "job", "register", "--kind", "on_site", "--serial", "PF3JOB0001",
               "--need", "Router setup", "--area", "city", "--request", "req-1",
               "--staff", "Wang Qiang") == 0
    assert "already registered" in capsys.readouterr().out
    assert pos(db, "job", "register", "--kind", "repair", "--serial", "ELSEWHERE-7",
               "--need", "Repair", "--fault", "No sound", "--accessories", "charger",
               "--estimate", "120.00", "--staff", "Wang Qiang") == 0
    assert "not sold here" in capsys.readouterr().out
    assert pos(db, "job", "register", "--kind", "installation", "--receipt", sale.receipt_no,
               "--need", "Set up", "--staff", "Wang Qiang") == 0
    capsys.readouterr()

    start = utcnow() + timedelta(hours=1)
    assert pos(db, "job", "assign", "S01-JB-000001", "--technician", "Wang Qiang",
               "--staff", "Wang Qiang") == 0
    assert pos(db, "job", "schedule", "S01-JB-000001", "--start", local(start), "--end",
               local(start + timedelta(hours=2)), "--staff", "Wang Qiang") == 0
    assert "scheduled" in capsys.readouterr().out
    assert pos(db, "job", "list") == 0
    out = capsys.readouterr().out
    assert out.index("S01-JB-000001") < out.index("S01-JB-000002") and "3 jobs" in out
    assert pos(db, "job", "board", "--technician", "Wang Qiang") == 0
    out = capsys.readouterr().out
    assert "S01-JB-000001" in out and "1 jobs" in out
    assert pos(db, "job", "move", "S01-JB-000001", "on_the_way", "--staff", "Wang Qiang") == 0
    assert pos(db, "job", "move", "S01-JB-000001", "arrived", "--staff", "Wang Qiang") == 0
    assert "promise met" in capsys.readouterr().out
    assert pos(db, "job", "move", "S01-JB-000001", "done", "--note", "all set",
               "--staff", "Wang Qiang") == 0
    assert pos(db, "job", "diagnose", "S01-JB-000002", "--diagnosis", "Speaker cable",
               "--estimate", "80.00", "--staff", "Wang Qiang") == 0
    assert "diagnosed, estimate" in capsys.readouterr().out
    assert pos(db, "job", "show", "S01-JB-000001") == 0
    out = capsys.readouterr().out
    assert "promise: met" in out and "note=all set" in out and "arrived" in out
    assert pos(db, "job", "promise") == 0
    out = capsys.readouterr().out
    assert "Wang Qiang" in out and "100%" in out

    before = job_snapshot(db)
    for words in (
            ("job", "register", "--kind", "on_site", "--serial", "NOPE", "--need", "x",
             "--area", "city", "--staff", "Wang Qiang"),
            ("job", "register", "--kind", "on_site", "--serial", "PF3JOB0001", "--need", "x",
             "--area", "mars", "--staff", "Wang Qiang"),
            ("job", "register", "--kind", "on_site", "--serial", "PF3JOB0001", "--need", "x",
             "--area", "city", "--start", "2020-01-01 10:00", "--end", "2020-01-01 11:00",
             "--staff", "Wang Qiang"),
            ("job", "register", "--kind", "on_site", "--serial", "PF3JOB0001", "--need", "x",
             "--area", "city", "--start", "tomorrow", "--end", "later",
             "--staff", "Wang Qiang"),
            ("job", "move", "S01-JB-000001", "cancelled", "--staff", "Wang Qiang"),
            ("job", "move", "S01-JB-000003", "done", "--staff", "Wang Qiang"),
            ("job", "move", "S01-JB-000003", "arrived", "--staff", "Li Na"),
            ("job", "move", "S01-JB-000002", "collected", "--staff", "Wang Qiang"),
            ("job", "diagnose", "S01-JB-000003", "--diagnosis", "x", "--staff", "Wang Qiang"),
            ("job", "show", "S01-JB-000404"),
            ("job", "promise", "--from", "2026-12-31", "--to", "2026-01-01")):
        assert pos(db, *words) == 1, words
    err = capsys.readouterr().err
    assert "No unit NOPE was sold here" in err and "not an area" in err
    assert job_snapshot(db) == before
    assert verify.verify(db).ok
