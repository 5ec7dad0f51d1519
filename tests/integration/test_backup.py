"""Backups of the SQLite database (pos.backup): taken by SQLite's backup API while tills
sell, checked (integrity and `journal verify`) before they count, the last N kept, a copy
in a second folder, a bad backup reported as such; `pos backup` and `pos restore`."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pos.backup import files
from pos.backup import sqlite_backup
from pos.backup.run import backup_age
from pos.db import schema
from pos.backup.sqlite_backup import check_backup, read_only_url, take_backup
from pos.cli import main
from pos.db import keyfile
from pos.db.engine import Database
from pos.db.models import Sale
from pos.ledger.verify import verify
from tests.integration.checkout_helpers import restock
from tests.support.sales_worker import ITEMS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    """A data folder of the test's own, with the store's key the databases were sealed
    with (POS_KEY_FILE), as a till whose data folder holds its key."""
    monkeypatch.setenv(keyfile.ENV_KEY_FILE, str(keyfile.key_path()))
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("POS_DATA_DIR", str(folder))
    monkeypatch.setenv("POS_LOCALE", "en")
    return folder


def sales_in(path: Path) -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM sales").fetchone()[0]
    finally:
        connection.close()


def sell(db, count: int, terminal: str = "T01") -> list[str]:
    """Complete `count` sales through the services, as tests.support.sales_worker does."""
    from pos.people import staff
    from pos.selling import checkout, completion
    from pos.selling.cart import TenderInput

    cashier = next(s.id for s in staff.list_staff(db) if s.role.value == "cashier")
    receipts = []
    for _ in range(count):
        cart = checkout.open_cart(db, staff_id=cashier, terminal=terminal)
        for code in ITEMS:
            checkout.add_product(db, cart, code=code)
        due = sum(line.total for line in cart.lines)
        receipts.append(completion.complete_sale(
            db, cart, tenders=[TenderInput("cash", due)]).receipt_no)
    return receipts


def test_a_backup_is_checked_before_it_counts(sqlite_demo_db, data_folder):
    outcome = take_backup(sqlite_demo_db, reason="manual")
    assert outcome.good and outcome.problem is None and outcome.revision == schema.HEAD
    path = data_folder / "backups" / outcome.file
    assert path.is_file() and path.name.startswith("tickbox-") and path.name.endswith(f"-r{schema.HEAD}.db")
    assert not list((data_folder / "backups").glob(".*.tmp"))  # written aside, then renamed
    check = check_backup(path)
    assert check.good and check.journal_checked and check.documents > 0
    assert files.last_good(data_folder).file == outcome.file
    age = backup_age(data_folder=data_folder)
    assert age.last_good is not None and not age.stale


def test_a_backup_taken_while_another_process_sells_is_consistent(sqlite_demo_db, data_folder):
    db = sqlite_demo_db
    restock(db, {sku: 100_000 for sku in ITEMS})
    worker = subprocess.Popen([sys.executable, "-m", "tests.support.sales_worker", db.url, "T02",
                               "0"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=dict(os.environ))
    outcomes = []
    try:
        assert worker.stdout.readline().strip() == "READY"
        for _ in range(3):
            for _ in range(5):  # sales are completed between and during the backups
                assert worker.stdout.readline().startswith("T02-")
            outcomes.append(take_backup(db, reason="manual", keep=10))
    finally:
        worker.kill()
        worker.communicate(timeout=30)
    counts = []
    for outcome in outcomes:
        assert outcome.good, outcome.problem
        path = data_folder / "backups" / outcome.file
        copy = Database(read_only_url(path))
        try:
            result = verify(copy)  # every sale sealed in it is whole, and nothing more
        finally:
            copy.dispose()
        assert result.ok, result.problem
        counts.append(sales_in(path))
    assert counts == sorted(counts) and counts[-1] > counts[0] >= 5


def test_only_the_last_n_backups_are_kept(sqlite_demo_db, data_folder):
    taken = [take_backup(sqlite_demo_db, keep=3).file for _ in range(5)]
    kept = sorted(p.name for p in (data_folder / "backups").glob("tickbox-*.db"))
    assert kept == sorted(taken[-3:])
    assert len(files.attempts(data_folder)) == 5


def test_a_good_backup_is_copied_to_the_second_folder(sqlite_demo_db, data_folder, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    for _ in range(3):
        outcome = take_backup(sqlite_demo_db, keep=2, second_folder=str(stick))
        assert outcome.second_copy == "ok"
    copies = sorted(p.name for p in stick.glob("*.db"))
    assert len(copies) == 2 and copies[-1] == outcome.file
    assert (stick / outcome.file).read_bytes() == \
        (data_folder / "backups" / outcome.file).read_bytes()
    assert check_backup(stick / outcome.file).good


def test_a_missing_second_folder_is_reported_not_fatal(sqlite_demo_db, data_folder, tmp_path):
    outcome = take_backup(sqlite_demo_db, second_folder=str(tmp_path / "stick-not-plugged-in"))
    assert outcome.good
    assert "stick-not-plugged-in" in outcome.second_copy and "not there" in outcome.second_copy
    assert files.last_good(data_folder).second_copy == outcome.second_copy


def test_an_unwritable_second_folder_is_reported_not_fatal(sqlite_demo_db, data_folder,
                                                            tmp_path, monkeypatch):
    share = tmp_path / "share"
    share.mkdir()
    if os.name == "posix" and os.geteuid() != 0:
        share.chmod(0o500)  # a read-only share, as the operating system refuses it
    else:  # root (CI) writes anywhere: the share refuses as a network share would
        def refused(source, target):
            raise PermissionError(errno.EACCES, "Permission denied", str(target))

        monkeypatch.setattr(sqlite_backup.shutil, "copyfile", refused)
    try:
        outcome = take_backup(sqlite_demo_db, second_folder=str(share))
    finally:
        share.chmod(0o700)
    assert outcome.good and outcome.second_copy.startswith("cannot write to the second folder")
    assert "Permission denied" in outcome.second_copy
    assert list(share.iterdir()) == []


def test_a_full_second_folder_is_reported_not_fatal(sqlite_demo_db, data_folder, tmp_path,
                                                    monkeypatch):
    stick = tmp_path / "full-stick"
    stick.mkdir()

    def no_space(source, target):
        Path(target).write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sqlite_backup.shutil, "copyfile", no_space)
    outcome = take_backup(sqlite_demo_db, second_folder=str(stick))
    assert outcome.good and "No space left on device" in outcome.second_copy
    assert list(stick.iterdir()) == []  # the half-written copy is gone
    assert (data_folder / "backups" / outcome.file).is_file()


def _corrupt(path: Path) -> None:
    """Overwrite a run of pages after the first few, as a failing disk does (from the
    start of the file's second part on: its middle may be free pages a migration left)."""
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        for offset in range(8192, min(size, 8192 + 65536), 512):
            handle.seek(offset)
            handle.write(b"\xde\xad\xbe\xef" * 16)


def test_a_corrupted_backup_file_is_reported_not_good(sqlite_demo_db, data_folder):
    path = data_folder / "backups" / take_backup(sqlite_demo_db).file
    _corrupt(path)
    check = check_backup(path)
    assert not check.good and check.problem


def test_a_backup_whose_journal_does_not_verify_is_not_good(sqlite_demo_db, data_folder):
    path = data_folder / "backups" / take_backup(sqlite_demo_db).file
    connection = sqlite3.connect(path)
    # a sealed document's kind edited behind the journal's back
    connection.execute("UPDATE journal_entries SET doc_type = 'note' WHERE seq = 2")
    connection.commit()
    connection.close()
    check = check_backup(path)
    assert not check.good and check.problem.startswith("journal verify")


def test_a_backup_that_does_not_check_never_counts(sqlite_demo_db, data_folder, monkeypatch):
    good = take_backup(sqlite_demo_db)
    real_copy = sqlite_backup.copy_database

    def copy_then_damage(db, target):
        real_copy(db, target)
        _corrupt(target)

    monkeypatch.setattr(sqlite_backup, "copy_database", copy_then_damage)
    bad = take_backup(sqlite_demo_db)
    assert not bad.good and bad.problem and bad.file == ""
    assert [p.name for p in (data_folder / "backups").glob("*.db")] == [good.file]
    assert files.last_good(data_folder).file == good.file  # the last good one still is
    assert backup_age(data_folder=data_folder).last_problem == bad.problem


def test_pos_backup_writes_a_checked_backup(sqlite_demo_db, data_folder, capsys):
    assert main([f"--db={sqlite_demo_db.url}", "backup"]) == 0
    out = capsys.readouterr().out
    assert "backup written and checked" in out
    assert files.last_good(data_folder).good


def test_restore_into_a_new_folder(sqlite_demo_db, data_folder, tmp_path, capsys):
    backup = data_folder / "backups" / take_backup(sqlite_demo_db).file
    new = tmp_path / "restored"
    assert main([f"--db={sqlite_demo_db.url}", "restore", str(backup), "--to", str(new)]) == 0
    out = capsys.readouterr().out
    assert "journal verified" in out and "next:" in out and "POS_DATA_DIR" in out
    restored = new / "tickbox.db"
    assert (new / "store.key").read_bytes() == keyfile.key_path().read_bytes()
    copy = Database(f"sqlite:///{restored}")
    try:
        assert verify(copy).ok
        with copy.read() as session:
            assert session.scalar(select(func.count()).select_from(Sale)) == sales_in(backup)
    finally:
        copy.dispose()
    # the folder now holds a database: a second restore into it is refused
    assert main([f"--db={sqlite_demo_db.url}", "restore", str(backup), "--to", str(new)]) == 1
    assert "already holds a database" in capsys.readouterr().err


def test_restore_refuses_a_damaged_or_unknown_file(sqlite_demo_db, data_folder, tmp_path,
                                                  capsys):
    backup = data_folder / "backups" / take_backup(sqlite_demo_db).file
    newer = tmp_path / "newer.db"
    newer.write_bytes(backup.read_bytes())
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    _corrupt(backup)
    for bad, said in ((backup, "cannot be restored"), (newer, "does not know")):
        target = tmp_path / f"into-{bad.stem}"
        assert main([f"--db={sqlite_demo_db.url}", "restore", str(bad), "--to",
                     str(target)]) == 1
        assert said in capsys.readouterr().err
        assert not (target / "tickbox.db").exists()


def test_restore_over_the_live_database_needs_the_typed_confirmation(
        sqlite_demo_db, data_folder, monkeypatch, capsys):
    db = sqlite_demo_db
    backup = data_folder / "backups" / take_backup(db).file
    restock(db, {ITEMS[0]: 500})  # the live database moves on after the backup
    live = Path(db.url[len("sqlite:///"):])
    db.dispose()
    before = live.read_bytes()
    for typed in ("", "yes", "restore"):
        monkeypatch.setattr("sys.stdin", __import__("io").StringIO(typed + "\n"))
        assert main([f"--db={db.url}", "restore", str(backup), "--over-live"]) == 1
        assert "give --over-live and type RESTORE" in capsys.readouterr().err
    assert live.read_bytes() == before  # nothing was written
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("RESTORE\n"))
    assert main([f"--db={db.url}", "restore", str(backup), "--over-live"]) == 0
    assert "restored over" in capsys.readouterr().out
    kept_aside = list((data_folder / "backups").glob("*-before-restore.db"))
    assert len(kept_aside) == 1  # the file replaced was backed up first
    restored = Database(db.url)
    try:
        with restored.read() as session:
            stock = session.execute(select(func.count()).select_from(Sale)).scalar()
        assert stock == sales_in(backup)
    finally:
        restored.dispose()


def test_restore_without_the_stores_key_says_where_to_put_it(sqlite_demo_db, data_folder,
                                                            tmp_path, monkeypatch, capsys):
    backup = data_folder / "backups" / take_backup(sqlite_demo_db).file
    missing = tmp_path / "new-machine" / "store.key"
    monkeypatch.setenv(keyfile.ENV_KEY_FILE, str(missing))
    assert main([f"--db={sqlite_demo_db.url}", "restore", str(backup), "--to",
                 str(tmp_path / "restored")]) == 1
    assert f"The store's key {missing} is not there" in capsys.readouterr().err
    assert not missing.exists()  # no new key made behind the store's back
