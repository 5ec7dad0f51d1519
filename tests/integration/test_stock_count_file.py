"""A count read from a file is scanned in one transaction (pos.stock.counts.
scan_many_into_count): every row checked as a scan at the till is, the refused rows named
by their place, and nothing of the file kept when one is refused."""

from sqlalchemy import func, select

from pos.db.models import StockCountScan
from pos.stock import counts
from tests.integration.checkout_helpers import staff_id


def scans_kept(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.coalesce(func.sum(StockCountScan.qty), 0)))


def test_a_file_of_scans_is_all_or_nothing_naming_each_refused_row(demo_db):
    db = demo_db
    draft = counts.start_count(db, store="S01", scope="shelf:front",
                               staff_id=staff_id(db, "cashier"))
    refused = counts.scan_many_into_count(db, draft_id=draft, scans=[
        ("PRO-CLN-PC", 3, None), ("NO-SUCH-THING", 1, None), ("PRO-CLN-PC", 2, "SN-55501"),
        ("BAG-NB-156", 1, None)])
    assert [(index, refusal.message_id) for index, refusal in refused] == [
        (1, "stock.product_unknown"), (2, "stock.serial_not_tracked")]
    assert scans_kept(db) == 0  # nothing of the file was kept
    assert counts.scan_many_into_count(db, draft_id=draft, scans=[
        ("PRO-CLN-PC", 3, None), ("BAG-NB-156", 1, None), ("PRO-CLN-PC", 2, None)]) == []
    view = {line.sku: line.counted for line in counts.count_view(db, draft_id=draft).lines}
    assert view["PRO-CLN-PC"] == 5 and view["BAG-NB-156"] == 1
