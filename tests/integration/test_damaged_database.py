"""A database that cannot be used as it is: damaged, read-only, full, in a folder that
does not exist, on a server that does not answer. Each is a clear message and a
documented exit code, never a traceback, and nothing is changed."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import socket
import sqlite3
import time

import pytest
from sqlalchemy import func, select

from pos.catalog import products
from pos.cli import EXIT_DB_DAMAGED, EXIT_DB_UNAVAILABLE, EXIT_OK, main
from pos.db import health
from pos.db.engine import Database, DatabaseDamaged, DatabaseUnavailable
from pos.db.models import Product
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import db_state, new_cart
from tests.integration.disk_full import disk_full

RESTORE_ADVICE = "restore the database from the latest backup (README: Restoring a damaged database)"


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("POS_LOCALE", "en")


@pytest.fixture
def demo_file(tmp_path, sqlite_demo_template):
    """A copy of the demo store's SQLite file (no WAL: closed cleanly)."""
    path = tmp_path / "store.db"
    shutil.copyfile(sqlite_demo_template, path)
    return path


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def overwrite_a_page_in_the_middle(path, seed: int = 12) -> int:
    """A page of the file's middle overwritten with random bytes, as a failing disk or a
    stray write leaves it. The file is vacuumed first, so the page is in use."""
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("VACUUM")
    page_size, pages = (raw.execute(f"PRAGMA {name}").fetchone()[0]
                        for name in ("page_size", "page_count"))
    raw.close()
    page = pages // 2
    with open(path, "r+b") as file:
        file.seek((page - 1) * page_size)
        file.write(random.Random(seed).randbytes(page_size))
    return page


def run(capsys, *argv) -> tuple[int, str]:
    capsys.readouterr()
    code = main(list(argv))
    return code, capsys.readouterr().err


# --- a damaged file ------------------------------------------------------------------


def test_a_sound_database_passes_the_quick_and_the_full_check(demo_db):
    quick, full = health.quick_check(demo_db), health.full_check(demo_db)
    assert (quick.kind, full.kind) == ("quick", "full")
    assert quick.checked is full.checked is (demo_db.engine.dialect.name == "sqlite")


@pytest.mark.parametrize("seed", [12, 13, 14])
def test_a_page_overwritten_in_the_middle_is_found_by_the_quick_check(demo_file, seed):
    overwrite_a_page_in_the_middle(demo_file, seed)
    db = Database(f"sqlite:///{demo_file}")
    try:
        for check in (health.quick_check, health.full_check):
            with pytest.raises(DatabaseDamaged) as refused:
                check(db)
            assert RESTORE_ADVICE in refused.value.message
            assert refused.value.details  # SQLite's own account of what is wrong
    finally:
        db.dispose()


def test_the_pos_command_writes_nothing_to_a_damaged_file(demo_file, capsys):
    overwrite_a_page_in_the_middle(demo_file)
    before = digest(demo_file)
    code, err = run(capsys, f"--db={demo_file}", "store", "set", "name=Elsewhere")
    assert code == EXIT_DB_DAMAGED == 4
    assert err.startswith(f"error: The database {demo_file} is damaged. Stop selling")
    assert "Traceback" not in err
    assert digest(demo_file) == before


def test_a_file_with_a_zeroed_header_is_damaged_not_a_traceback(demo_file, capsys):
    with open(demo_file, "r+b") as file:
        file.write(bytes(100))
    before = digest(demo_file)
    for command in (["summary"], ["store", "set", "name=X"], ["catalog", "export", "x.csv"]):
        code, err = run(capsys, f"--db={demo_file}", *command)
        assert code == EXIT_DB_DAMAGED, (command, err)
        assert RESTORE_ADVICE in err and "file is not a database" in err
    assert digest(demo_file) == before


def test_a_truncated_file_is_damaged_not_a_traceback(demo_file, capsys):
    with open(demo_file, "r+b") as file:
        file.truncate(os.path.getsize(demo_file) // 3)
    before = digest(demo_file)
    for command in (["summary"], ["store", "set", "name=X"]):
        code, err = run(capsys, f"--db={demo_file}", *command)
        assert code == EXIT_DB_DAMAGED, (command, err)
        assert RESTORE_ADVICE in err and "Traceback" not in err
    assert digest(demo_file) == before


# --- a file that cannot be written or opened ----------------------------------------


def test_a_read_only_database_refuses_writes_with_a_message(demo_file, capsys):
    before = digest(demo_file)
    read_only = f"sqlite:///file:{demo_file}?mode=ro&uri=true"
    code, err = run(capsys, f"--db={read_only}", "store", "set", "name=Elsewhere")
    assert code == EXIT_DB_UNAVAILABLE == 3
    assert err.startswith(f"error: The database {demo_file} is read-only: nothing was saved")
    code, _ = run(capsys, f"--db={read_only}", "summary")  # reading it still works
    assert code == EXIT_OK
    assert digest(demo_file) == before


def test_a_write_protected_file_refuses_writes_with_a_message(demo_file, capsys):
    if os.geteuid() == 0:  # root writes to read-only files: ask as a user who cannot
        return write_protected_as_nobody(demo_file)
    demo_file.chmod(0o444)
    demo_file.parent.chmod(0o555)
    try:
        code, err = run(capsys, f"--db={demo_file}", "store", "set", "name=Elsewhere")
    finally:
        demo_file.parent.chmod(0o755)
    assert code == EXIT_DB_UNAVAILABLE and "read-only" in err


def write_protected_as_nobody(demo_file):
    """The same, the pos command run as `nobody` on a file and folder it may only read
    (a till whose file was write-protected or copied from read-only media)."""
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    folder, data = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    try:
        path = folder / "store.db"
        shutil.copyfile(demo_file, path)
        path.chmod(0o444)
        folder.chmod(0o555)
        data.chmod(0o777)  # nobody's own data folder (the store key, logs)
        env = {**os.environ, "POS_DATA_DIR": str(data), "HOME": str(data)}
        env.pop("POS_KEY_FILE", None)

        def pos(*args):
            return subprocess.run([sys.executable, "-m", "pos.cli", *args], cwd=root, env=env,
                                  user="nobody", capture_output=True, text=True, timeout=120)

        if pos("--help").returncode != 0:
            pytest.skip("the user nobody cannot run this checkout")
        before = digest(path)
        done = pos(f"--db={path}", "store", "set", "name=Elsewhere")
        assert done.returncode == EXIT_DB_UNAVAILABLE, done.stderr
        assert "read-only" in done.stderr and "Traceback" not in done.stderr
        assert pos(f"--db={path}", "summary").returncode == EXIT_OK  # reading still works
        assert digest(path) == before
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(data, ignore_errors=True)


def test_a_database_in_a_missing_folder_is_a_message_and_creates_nothing(tmp_path, capsys):
    missing = tmp_path / "no" / "such" / "folder"
    for command in (["summary"], ["catalog", "import", str(tmp_path / "x.csv")]):
        code, err = run(capsys, f"--db={missing / 'tickbox.db'}", *command)
        assert code == EXIT_DB_UNAVAILABLE, err
        assert err.strip() == (f"error: The folder {missing} of the database "
                               f"{missing / 'tickbox.db'} does not exist: check --db or "
                               "POS_DATABASE_URL")
    assert not (tmp_path / "no").exists()


# --- a server that does not answer ---------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_postgresql_server_that_refuses_is_a_message(capsys):
    url = f"postgresql://tickbox:secret@127.0.0.1:{free_port()}/store"
    code, err = run(capsys, f"--db={url}", "summary")
    assert code == EXIT_DB_UNAVAILABLE
    assert "refused the connection: is it running?" in err and "secret" not in err


def test_a_postgresql_server_that_never_answers_times_out_with_a_message(capsys, monkeypatch):
    monkeypatch.setenv("POS_DB_CONNECT_TIMEOUT", "2")  # the setting (pos.db.timeouts)
    with socket.socket() as silent:  # accepts the connection, never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        url = f"postgresql://tickbox:secret@127.0.0.1:{port}/store"
        started = time.monotonic()
        code, err = run(capsys, f"--db={url}", "store", "set", "name=X")
        waited = time.monotonic() - started
    assert code == EXIT_DB_UNAVAILABLE
    assert err.strip() == (f"error: The database server 127.0.0.1:{port}/store did not answer "
                           "within 2 s: check the network and the server")
    assert waited < 15


# --- a full disk -----------------------------------------------------------------------


def catalog_csv(count: int) -> bytes:
    rows = ["sku,barcode,name,category,price,cost,stock,role,serial_tracked,vat_rate"]
    rows += [f"FILL-{n:05d},,Filler cable {n} with a long name to fill pages,CABLES,"
             f"19.90,5,10,none,no,13" for n in range(count)]
    return ("\n".join(rows) + "\n").encode()


def test_a_full_disk_during_a_catalog_import_is_a_message_and_changes_nothing(store_db):
    db = store_db
    products.import_categories_file(
        db, data=b"code,name,kind,sheet_layout\nCABLES,Cables,accessory,\n")
    with db.read() as session:
        before = session.scalar(select(func.count()).select_from(Product))
    with disk_full(db, table="products"), pytest.raises(DatabaseUnavailable) as refused:
        products.import_catalog_file(db, data=catalog_csv(500))
    assert refused.value.message.startswith("The disk holding the database")
    assert "is full: nothing was saved" in refused.value.message
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Product)) == before
    assert products.import_catalog_file(db, data=catalog_csv(500)).created == 500  # space again


def test_the_pos_command_says_the_disk_is_full_and_exits_3(sqlite_db, tmp_path, capsys):
    (tmp_path / "c.csv").write_text("code,name,kind,sheet_layout\nCABLES,Cables,accessory,\n")
    (tmp_path / "p.csv").write_bytes(catalog_csv(500))
    url = f"--db={sqlite_db.url}"
    assert main([url, "categories", "import", str(tmp_path / "c.csv")]) == EXIT_OK
    with disk_full(sqlite_db, table="products"):
        code, err = run(capsys, url, "catalog", "import", str(tmp_path / "p.csv"))
    assert code == EXIT_DB_UNAVAILABLE
    assert "is full: nothing was saved" in err and "Traceback" not in err


def big_cart(db, lines: int = 40):
    """A cart of many accessories: its document and rows need new pages."""
    cart = new_cart(db)
    with db.read() as session:
        codes = session.scalars(select(Product.sku).where(
            Product.serial_tracked.is_(False), Product.barcode.is_not(None))
            .order_by(Product.sku)).all()
    for code in codes[:lines]:
        checkout.add_product(db, cart, code=code)
    return cart


def test_a_full_disk_during_a_sale_refuses_it_and_the_cart_can_be_paid_later(demo_db):
    cart = big_cart(demo_db)
    due = sum(line.total for line in cart.lines)
    before = db_state(demo_db)
    with disk_full(demo_db, table="journal_entries"):
        with pytest.raises(DatabaseUnavailable) as refused:
            completion.complete_sale(demo_db, cart, tenders=[TenderInput("cash", due)])
        assert "is full: nothing was saved" in refused.value.message
        assert db_state(demo_db) == before
    sale = completion.complete_sale(demo_db, cart, tenders=[TenderInput("cash", due)])
    assert sale.receipt_no == "T01-000001"  # no number was used up by the refused sale



# --- a backup, and restoring from it ---------------------------------------------------


def test_the_readme_restore_a_backup_over_a_damaged_file_and_check_it(demo_file, tmp_path,
                                                                       capsys):
    db = f"--db={demo_file}"
    backup = tmp_path / "backups" / "store-monday.db"
    code, err = run(capsys, db, "db", "backup", str(backup))
    assert code == 3 and "folder" not in err or code == 1  # the folder must exist first
    backup.parent.mkdir()
    assert main([db, "db", "backup", str(backup)]) == EXIT_OK
    code, err = run(capsys, db, "db", "backup", str(backup))
    assert (code, err.strip()) == (1, f"error: {backup} already exists; give the backup a new name")
    overwrite_a_page_in_the_middle(demo_file)
    code, err = run(capsys, db, "db", "check")
    assert code == EXIT_DB_DAMAGED and RESTORE_ADVICE in err
    # README, "Restoring a damaged database": move the damaged file (and any -wal, -shm)
    # aside, copy the backup into its place, check it, verify the journal.
    demo_file.rename(tmp_path / "damaged.db")
    shutil.copyfile(backup, demo_file)
    capsys.readouterr()
    assert main([db, "db", "check", "--full"]) == EXIT_OK
    assert "full check ok" in capsys.readouterr().out
    assert main([db, "journal", "verify"]) == EXIT_OK


def test_a_backup_of_postgresql_says_to_use_pg_dump(pg_demo_db, capsys, tmp_path):
    code, err = run(capsys, f"--db={pg_demo_db.url}", "db", "backup", str(tmp_path / "x.db"))
    assert code == 1 and "pg_dump" in err and not (tmp_path / "x.db").exists()
