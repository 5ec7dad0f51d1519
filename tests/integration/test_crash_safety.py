"""Power-cut safety on SQLite: a till process killed with SIGKILL at random moments,
again and again, never leaves a partial sale, a gap in the receipt numbers or a broken
journal, and never loses a sale it reported complete."""

import os
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from pos.db.models import JournalEntry, Payment, Sale, SaleLine
from pos.ledger import verify
from tests.integration.checkout_helpers import restock
from tests.support.sales_worker import ITEMS

ROOT = Path(__file__).resolve().parents[2]
KILLS = 60


# One process imports the app once and forks a fresh till process per run (the app's
# imports, not the sales, were most of each run's time); each forked till opens the
# database itself and is the one killed. It prints PID, then the worker's READY and
# receipts (the last one may lack its newline), and EXIT with its wait status once it is
# gone.
FORKER = """
import os, sys
from tests.support import sales_worker
url = sys.argv[1]
for _ in sys.stdin:
    pid = os.fork()
    if pid == 0:
        print("PID", os.getpid(), flush=True)  # before the worker's READY
        sys.argv = ["sales_worker", url, "T01", "0"]
        os._exit(sales_worker.main())
    status = os.waitpid(pid, 0)[1]
    print("\\nEXIT", status, flush=True)  # on a line of its own after a cut-off one
"""


def run_until_killed(forker: subprocess.Popen, rng: random.Random) -> list[str]:
    forker.stdin.write("go\n")
    forker.stdin.flush()
    pid = int(forker.stdout.readline().split()[1])
    reported: list[str] = []
    ready = threading.Event()
    status: list[int] = []
    seen: list[str] = []

    def read():
        for line in forker.stdout:
            line = line.strip()
            seen.append(line)
            if line == "READY":
                ready.set()
            elif line.startswith("T01-"):
                reported.append(line)
            elif line.startswith("EXIT "):
                status.append(int(line.split()[1]))
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(60), "child never ready" if reader.is_alive() else forker.stderr.read()
    # Kill somewhere inside the stream of sales: some kills land mid-transaction.
    killed = threading.Event()
    threading.Timer(rng.uniform(0.02, 0.6),
                    lambda: (os.kill(pid, signal.SIGKILL), killed.set())).start()
    reader.join(timeout=60)
    assert killed.is_set() and status, (seen[-5:], forker.poll())
    assert os.WIFSIGNALED(status[0]) and os.WTERMSIG(status[0]) == signal.SIGKILL
    return reported


@pytest.mark.slow
def test_sales_survive_sigkill_at_random_moments(sqlite_demo_db):
    db = sqlite_demo_db
    restock(db, {sku: 1_000_000 for sku in ITEMS})  # whatever the children sell, it is there
    url = db.url
    db.dispose()
    rng = random.Random(int(os.environ.get("CRASH_SEED", "20261123")))
    reported: list[str] = []
    forker = subprocess.Popen([sys.executable, "-c", FORKER, url], cwd=ROOT, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    try:
        for _ in range(KILLS):
            reported += run_until_killed(forker, rng)
    finally:
        forker.stdin.close()
        forker.wait(timeout=60)

    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    with db.read() as session:
        receipts = session.scalars(select(Sale.receipt_no).order_by(Sale.sequence)).all()
        sequences = session.scalars(select(Sale.sequence).order_by(Sale.sequence)).all()
        # no partial sale: every sale has both its lines and its payments, adding up
        broken = session.execute(text(
            "SELECT s.receipt_no FROM sales s WHERE "
            "s.total != (SELECT coalesce(sum(line_total), 0) FROM sale_lines WHERE sale_id = s.id) "
            "OR (SELECT count(*) FROM payments WHERE sale_id = s.id) != 2"
        )).scalars().all()
        journal_count = session.scalar(select(func.count()).select_from(JournalEntry)
                                       .where(JournalEntry.doc_type == "sale"))
        orphan_lines = session.scalar(select(func.count()).select_from(SaleLine).where(
            SaleLine.sale_id.not_in(select(Sale.id))))
        orphan_payments = session.scalar(select(func.count()).select_from(Payment).where(
            Payment.sale_id.not_in(select(Sale.id))))
    assert len(receipts) >= KILLS, "the children should complete sales between kills"
    assert broken == [] and orphan_lines == 0 and orphan_payments == 0
    assert sequences == list(range(1, len(sequences) + 1)), "receipt numbers have a gap"
    assert journal_count == len(receipts)
    assert set(reported) <= set(receipts), "a sale reported complete was lost"
    assert verify.verify(db).ok
