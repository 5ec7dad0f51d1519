"""Support for the chain harness (tests/integration/test_chain_harness.py) and the chain
benchmark: a head-office PostgreSQL cluster that can be cut (`pg_ctl stop -m immediate`)
and started again on the same data folder and port, store databases, selling on a till,
and a sync process that is killed at an exact point of a batch.

    python -m tests.support.chain kill STORE_URL HQ_URL POINT

runs one push of the store's outbox to head office and kills itself with SIGKILL at
POINT: `before_commit` (head office has applied the batch's rows in its transaction and
not committed it) or `after_commit` (head office committed the batch, the store has not
yet forgotten the shipped outbox rows). It prints READY when set up and, just before the
kill, `KILLING in transaction: stream at N` or `KILLING committed: stream at N` (the end
of the store's chain as head office's transaction saw it), so the test knows where it
died.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from tests.support.pgserver import PostgresServer, PostgresUnavailable

ROOT = Path(__file__).resolve().parents[2]
ITEMS = ("PRO-NBF-16", "CBL-USBC-1M")  # 60 of each in the demo store, no serials


class CuttableServer(PostgresServer):
    """A PostgreSQL cluster of its own (head office in the harness): `cut()` stops it
    as a crash does (immediate: no checkpoint, recovery on the next start), `restore()`
    starts it again on the same data folder and port."""

    # A commit is on disk (in the WAL) before it is acknowledged, as a real head office
    # must run: with synchronous_commit off, a crash loses batches head office already
    # acknowledged and the store already forgot (the next batch is then a chain gap).
    # fsync stays off: the cut kills the server, not the machine, so the OS keeps what
    # was written.
    OPTIONS = ("-c fsync=off -c synchronous_commit=on -c full_page_writes=off "
               "-c max_connections=60 -c shared_buffers=128MB")

    def start(self) -> "CuttableServer":
        super().start()  # initdb, and a first start with the test server's settings
        done = self._pg_ctl("-m", "fast", "-w", "stop")
        if done.returncode != 0:
            raise PostgresUnavailable(f"pg_ctl stop failed: {done.stderr.strip()}")
        return self.restore()  # again with this server's own

    def _pg_ctl(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(self._cmd("pg_ctl", "-D", str(self.data), *args),
                              capture_output=True, text=True)

    def cut(self) -> None:
        done = self._pg_ctl("-m", "immediate", "-w", "stop")
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl stop failed: {done.stderr.strip()}")

    def restore(self) -> "CuttableServer":
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   + self.OPTIONS)
        done = self._pg_ctl("-o", options, "-l", str(self.root / "server.log"), "-w",
                            "-t", "60", "start")
        if done.returncode != 0:
            log = (self.root / "server.log").read_text(errors="replace")[-2000:]
            raise PostgresUnavailable(f"pg_ctl start failed: {done.stderr.strip()}\n{log}")
        return self

    def running(self) -> bool:
        return self._pg_ctl("status").returncode == 0

    def new_database(self, name: str, template: str | None = None) -> str:
        self.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        return self.url(name)


def sqlite_store(folder: Path, template: Path, code: str) -> str:
    """A store on SQLite (one till) from the demo store's template, made store `code`:
    the demo's one store row takes the code (done before anything is sealed with it, as
    a store set up with that code would be). Returns its URL."""
    import sqlite3

    path = folder / f"store_{code.lower()}.db"
    shutil.copyfile(template, path)
    connection = sqlite3.connect(path)
    with connection:
        (count,) = connection.execute("SELECT count(*) FROM stores").fetchone()
        assert count == 1, "the demo template holds one store"
        connection.execute("UPDATE stores SET code = ?", (code,))
    connection.close()
    return f"sqlite:///{path}"


def sell(db, terminal: str, count: int, *, items=ITEMS) -> list[str]:
    """Complete `count` sales on a till through the real checkout (cash and WeChat);
    the receipt numbers."""
    from pos.people import staff
    from pos.selling import checkout, completion
    from pos.selling.cart import TenderInput

    cashier = next(s.id for s in staff.list_staff(db) if s.role.value == "cashier")
    receipts = []
    for n in range(count):
        cart = checkout.open_cart(db, staff_id=cashier, terminal=terminal)
        for code in items:
            checkout.add_product(db, cart, code=code)
        due = sum(line.total for line in cart.lines)
        tenders = ([TenderInput("wechat", due // 2), TenderInput("cash", due - due // 2)]
                   if n % 2 else [TenderInput("cash", due)])
        receipts.append(completion.complete_sale(db, cart, tenders=tenders).receipt_no)
    return receipts


def run_killed_sync(store_url: str, hq_url: str, point: str, *, timeout: float = 60):
    """Run a push in a child process that kills itself with SIGKILL at `point`; the
    finished process (its returncode is -9 when it died there) and its output."""
    return subprocess.run([sys.executable, "-m", "tests.support.chain", "kill", store_url,
                           hq_url, point], capture_output=True, text=True, timeout=timeout,
                          cwd=ROOT, env=_env())


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """`python -m pos.cli ARGS` in a child process, with this process's data folder."""
    return subprocess.run([sys.executable, "-m", "pos.cli", *args], capture_output=True,
                          text=True, timeout=timeout, cwd=ROOT, env=_env())


def start_cli(*args: str) -> subprocess.Popen:
    """`python -m pos.cli ARGS` started in the background (`pos sync --loop`)."""
    return subprocess.Popen([sys.executable, "-m", "pos.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env=_env())


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT), POS_LOCALE="en")


def _kill_child(store_url: str, hq_url: str, point: str) -> int:
    from sqlalchemy import event

    from pos.db.engine import Database
    from pos.hq.receive import apply_batch
    from pos.sync.push import push_once

    store, hq = Database(store_url), Database(hq_url)

    def die(where: str) -> None:
        print("KILLING", where, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)

    def stream_end(conn, code) -> int:
        return conn.exec_driver_sql("SELECT last_seq FROM hq_streams WHERE store_code = "
                                    "%(c)s", {"c": code}).scalar()

    if point == "before_commit":
        # The batch's rows and the stream's new end are written in head office's
        # transaction; it dies as that transaction is about to commit.
        def deliver(batch):
            def at_commit(conn):
                die(f"in transaction: stream at {stream_end(conn, batch.store_code)}")
            event.listen(hq.engine, "commit", at_commit)
            return apply_batch(hq, batch)
    elif point == "after_commit":
        def deliver(batch):
            applied = apply_batch(hq, batch)  # committed at head office
            die(f"committed: stream at {applied.last_seq}")  # the store has not forgotten
    else:
        raise SystemExit(f"unknown point {point}")
    print("READY", flush=True)
    push_once(store, deliver=deliver)
    print("NOT KILLED", flush=True)  # nothing to push: the caller's test fails on this
    return 3


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "kill":
        sys.exit(_kill_child(*sys.argv[2:5]))
    raise SystemExit(__doc__)
