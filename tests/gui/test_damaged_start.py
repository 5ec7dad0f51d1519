"""The till on a database that fails: a damaged file is refused at start with how to
restore it, and nothing is sold from it; a full disk at payment leaves the sale in the
cart and the cashier reads that the disk is full."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from pos.db.models import Category, Product, Sale
from pos.kernel.enums import CategoryKind
from tests.gui.conftest import log_in, settle
from tests.gui.test_startup import start  # noqa: F401 - the staged-start fixture
from tests.integration.disk_full import disk_full
from tests.integration.test_damaged_database import overwrite_a_page_in_the_middle
from ui.app import StartFailure
from ui.checkout.payment import PaymentDialog
from ui.messages import Notice


def test_a_damaged_file_stops_the_start_and_says_how_to_restore(
        qtbot, start, tmp_path, sqlite_demo_template, monkeypatch):  # noqa: F811
    path = tmp_path / "tickbox.db"
    shutil.copyfile(sqlite_demo_template, path)
    overwrite_a_page_in_the_middle(path)
    told = []
    monkeypatch.setattr(StartFailure, "tell",
                        classmethod(lambda cls, parent, text: told.append(text)))
    startup = start(f"sqlite:///{path}")
    with qtbot.waitSignal(startup.failed, timeout=30_000):
        pass
    assert len(told) == 1
    assert told[0].startswith(f"The database {path} is damaged. Stop selling on this till")
    assert "Restoring a damaged database" in told[0]
    assert startup.window.till is None  # no till: nothing can be sold from the file


def test_a_full_disk_at_payment_keeps_the_sale_in_the_cart(qtbot, window, keys, sqlite_demo_db):
    log_in(qtbot, window)
    till = window.till
    with sqlite_demo_db.read() as session:  # many accessories: the sale needs new pages
        barcodes = session.scalars(select(Product.barcode).join(Category).where(
            Category.kind != CategoryKind.MAIN_UNIT, Product.serial_tracked.is_(False),
            Product.barcode.is_not(None)).order_by(Product.sku).limit(40)).all()
    for barcode in barcodes:
        keys.scan(till.scan, barcode)
    lines = [line.line_id for line in till.cart.lines]
    assert len(lines) >= 30
    settle(qtbot, window)
    with disk_full(sqlite_demo_db, table="journal_entries"):
        keys.press(till.scan, Qt.Key.Key_F12)
        qtbot.waitUntil(lambda: isinstance(till.active_dialog, PaymentDialog))
        keys.press(till.active_dialog.amount, Qt.Key.Key_F1)
        keys.press(till.active_dialog.amount, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: Notice.last is not None and "is full" in Notice.last)
    assert Notice.last.startswith("The disk holding the database")
    assert "Traceback" not in Notice.last
    assert [line.line_id for line in till.cart.lines] == lines  # nothing lost
    with sqlite_demo_db.read() as session:
        assert session.scalar(select(func.count()).select_from(Sale)) == 0
