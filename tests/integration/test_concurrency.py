"""Several terminals completing sales at once on one PostgreSQL database: receipt numbers
stay gapless and unique per terminal, stock is decremented exactly, the journal holds."""

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pos.db.models import JournalEntry, Product, Sale, StoreStock, Terminal
from pos.ledger import verify
from tests.integration.checkout_helpers import restock
from tests.support.sales_worker import ITEMS

ROOT = Path(__file__).resolve().parents[2]
PROCESSES, SALES_EACH = 8, 200


@pytest.mark.postgres
@pytest.mark.slow
def test_eight_processes_completing_200_sales_each(pg_demo_db):
    db = pg_demo_db
    restock(db, {sku: 10_000 for sku in ITEMS})  # 1,600 of each are sold
    with db.read() as session:
        stock_before = dict(session.execute(select(Product.sku, StoreStock.on_hand).join(StoreStock, StoreStock.product_id == Product.id)).all())
    terminals = ["T01", "T02", "T03"]
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.support.sales_worker", db.url,
             terminals[index % len(terminals)], str(SALES_EACH)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for index in range(PROCESSES)
    ]
    reported = []
    for worker in workers:
        out, err = worker.communicate(timeout=600)
        assert worker.returncode == 0, err[-3000:]
        reported += [line for line in out.split() if line.startswith("T0")]
    assert len(reported) == PROCESSES * SALES_EACH == len(set(reported))

    with db.read() as session:
        rows = session.execute(select(Terminal.code, Sale.sequence, Sale.receipt_no)
                               .join(Terminal)).all()
        stock_after = dict(session.execute(select(Product.sku, StoreStock.on_hand).join(StoreStock, StoreStock.product_id == Product.id)).all())
    per_terminal = defaultdict(list)
    for code, sequence, receipt in rows:
        per_terminal[code].append(sequence)
        assert receipt == f"{code}-{sequence:06d}"
    for code, sequences in per_terminal.items():
        assert sorted(sequences) == list(range(1, len(sequences) + 1)), code
    assert sorted(r for _, _, r in rows) == sorted(reported)
    sold = PROCESSES * SALES_EACH
    for sku in ITEMS:
        assert stock_after[sku] == stock_before[sku] - sold
    assert all(stock_after[s] == stock_before[s] for s in stock_before if s not in ITEMS)
    result = verify.verify(db)
    with db.read() as session:  # the demo's staff records and each till's shift opening
        others = session.scalar(select(func.count()).select_from(JournalEntry)
                                .where(JournalEntry.doc_type != "sale"))
    assert result.ok and result.checked == sold + others
