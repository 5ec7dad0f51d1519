"""`pos sale`: a sale completed from the command line through the till's services (the
frozen app's smoke test completes one with it); and `pos print queue --run`."""

import pytest
from sqlalchemy import select

from pos.cli import main
from pos.db.models import Payment, PrintJob, Sale
from pos.kernel.enums import LineKind
from pos.ledger import verify
from tests.integration.checkout_helpers import NOTEBOOK, db_state


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("POS_LOCALE", "en")


def url_of(db) -> str:
    return "--db=" + db.engine.url.render_as_string(hide_password=False)


def test_a_sale_with_a_serial_and_change_is_completed_and_sealed(demo_db, capsys):
    assert main([url_of(demo_db), "sale", "--staff", "Li Na", "--item", f"{NOTEBOOK}@pf3abc12",
                 "--item", "BAG-NB-156", "--item", "BAG-NB-156", "--paid", "10000"]) == 0
    said = capsys.readouterr().out
    assert said.startswith("sale T01-000001: total ") and "(cash)" in said
    with demo_db.read() as session:
        sale = session.scalar(select(Sale))
        lines = [(line.kind, line.quantity, line.serial) for line in sale.lines]
        payment = session.scalar(select(Payment).where(Payment.sale_id == sale.id))
        paid, total, change = (payment.tender.value, payment.amount), sale.total, sale.change_given
        jobs = sorted(str(job.kind) for job in session.scalars(
            select(PrintJob).where(PrintJob.ref == sale.receipt_no)))
    # the notebook's sheet lists a bag: each scanned bag is sold on it, a line each
    assert lines == [(LineKind.MAIN_UNIT, 1, "PF3ABC12"), (LineKind.ACCESSORY, 1, None),
                     (LineKind.ACCESSORY, 1, None)]
    assert paid == ("cash", 1_000_000)
    assert change == 1_000_000 - total and f"change {change // 100}.{change % 100:02d}" in said
    assert jobs == ["receipt", "sheet"]  # queued as the till queues them
    assert verify.verify(demo_db).ok


@pytest.mark.parametrize("args, said", [
    (["--staff", "Nobody", "--item", "BAG-NB-156"], "No staff member is called 'Nobody'"),
    (["--staff", "Li Na", "--item", NOTEBOOK], "serial number"),
    (["--staff", "Li Na", "--item", "BAG-NB-156", "--paid", "1"], "error: "),
    (["--staff", "Li Na", "--item", "NO-SUCH-CODE"], "error: "),
    (["--staff", "Li Na", "--item", "BAG-NB-156", "--tender", "wechat", "--paid", "99999"],
     "error: "),
])
def test_a_refused_sale_changes_nothing(sqlite_demo_db, capsys, args, said):
    before = db_state(sqlite_demo_db)
    assert main([url_of(sqlite_demo_db), "sale", *args]) == 1
    assert said in capsys.readouterr().err
    assert db_state(sqlite_demo_db) == before


def test_print_queue_run_sends_the_due_jobs(sqlite_demo_db, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))  # the PDF previews land here
    url = url_of(sqlite_demo_db)
    assert main([url, "sale", "--staff", "Li Na", "--item", f"{NOTEBOOK}@PF3ABC12"]) == 0
    assert main([url, "print", "queue"]) == 0  # lists, sends nothing
    assert "printed" not in capsys.readouterr().out
    assert main([url, "print", "queue", "--run"]) == 0
    said = capsys.readouterr().out
    assert "receipt T01-000001: printed" in said and "sheet T01-000001: printed" in said
    assert (tmp_path / "prints" / "T01-000001.pdf").read_bytes().startswith(b"%PDF")
