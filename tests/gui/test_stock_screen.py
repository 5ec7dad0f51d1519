"""The manager's stock screen at the till (issue 18, point 5): a product and a serial looked
up across the stores, goods received with serials, a refusal said with nothing posted, a
transfer sent and one received short showing the difference, a count scanned and posted;
in Chinese too; managers only; it never widens the window."""

import uuid

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, insert, select

from pos.db.models import SerialUnit, StockDocument, StockMove, Store, StoreStock
from pos.ledger.verify import verify
from pos.stock.receiving import receive
from pos.stock.records import MoveInput
from pos.stock.transfers import send_transfer
from tests.gui.conftest import KeyCounter, log_in, settle, till_window

NOTEBOOK, NOTEBOOK_SKU = "6923150020022", "NB-LEN-XXPRO14"
MONITOR, MONITOR_SKU = "6923150080019", "MON-DELL-U27"  # 6 at S01, no serials
MONITOR_2, MONITOR_3 = "6923150080026", "6923150080033"  # 15 and 20 at S01
MANAGER = ("Zhang Wei", "9999")


def add_store(db, code: str = "S02") -> int:
    with db.write_connection() as conn:
        return conn.execute(insert(Store).values(code=code, name=f"Store {code}")
                            .returning(Store.id)).scalar_one()


def manager_id(db) -> int:
    from pos.db.models import Staff

    with db.read_connection() as conn:
        return conn.execute(select(Staff.id).where(Staff.name == MANAGER[0])).scalar_one()


def documents(db) -> int:
    with db.read_connection() as conn:
        return conn.execute(select(func.count()).select_from(StockDocument)).scalar_one()


def on_hand(db, store: str, sku: str, column=StoreStock.on_hand) -> int:
    from pos.db.models import Product

    with db.read_connection() as conn:
        return conn.execute(select(func.coalesce(func.sum(column), 0))
                            .select_from(StoreStock)
                            .join(Store, Store.id == StoreStock.store_id)
                            .join(Product, Product.id == StoreStock.product_id)
                            .where(Store.code == store, Product.sku == sku)).scalar_one()


def unit(db, serial: str):
    with db.read_connection() as conn:
        return conn.execute(select(SerialUnit.state, Store.code)
                            .outerjoin(Store, Store.id == SerialUnit.store_id)
                            .where(SerialUnit.serial == serial)).first()


def received(db, serials, store="S01"):
    return receive(db, store=store, staff_id=manager_id(db), supplier="Lenovo",
                   supplier_ref=f"DN-{uuid.uuid4().hex[:6]}",
                   lines=[MoveInput(NOTEBOOK, 1, serial=s) for s in serials],
                   request_id=str(uuid.uuid4()))


@pytest.fixture
def window(qtbot, sqlite_demo_db):
    add_store(sqlite_demo_db, "S02")
    with till_window(qtbot, sqlite_demo_db) as main:
        yield main
        settle(qtbot, main)


@pytest.fixture
def keys(qtbot, window):
    return KeyCounter(qtbot, window)


def open_stock(qtbot, window, keys):
    from ui.stock.stock_screen import StockDialog

    log_in(qtbot, window, *MANAGER)
    till = window.till
    assert till.stock_button.isVisible()
    keys.press(till.scan, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, StockDialog))
    settle(qtbot, window)
    qtbot.waitUntil(till.active_dialog.lookup.scan.hasFocus)  # the scanner goes there
    return till.active_dialog


def test_a_product_is_looked_up_across_the_stores(qtbot, window, keys, sqlite_demo_db):
    screen = open_stock(qtbot, window, keys)
    panel = screen.lookup
    keys.scan(panel.scan, NOTEBOOK)
    assert panel.title.text().startswith(NOTEBOOK_SKU)
    stores = panel.model.column(0)
    assert [s.split(" · ")[0] for s in stores] == ["S01", "S02"]
    assert panel.model.rows[0][1] == str(on_hand(sqlite_demo_db, "S01", NOTEBOOK_SKU))
    assert panel.model.rows[1][1] == "0"
    assert panel.scan.text() == ""
    qtbot.waitUntil(panel.scan.hasFocus)


def test_a_reorder_point_is_set_and_the_product_shows_as_low(qtbot, window, keys,
                                                             sqlite_demo_db):
    screen = open_stock(qtbot, window, keys)
    panel = screen.lookup
    keys.scan(panel.scan, MONITOR)  # 6 on hand
    assert panel.point_row.isVisible() and panel.point.value() == -1  # none yet
    panel.point.setValue(6)
    keys.press(panel.scan, Qt.Key.Key_F6)
    assert panel.model.rows[0][3] == "6" and 0 in panel.model.marked  # at it: low
    with sqlite_demo_db.read_connection() as conn:
        assert conn.execute(select(StoreStock.reorder_point).where(
            StoreStock.reorder_point.is_not(None))).scalars().all() == [6]
    keys.press(panel.scan, Qt.Key.Key_F5)  # low stock, every store
    assert panel.model.column(1) == [MONITOR_SKU] and not panel.point_row.isVisible()


def test_a_serial_is_looked_up_with_its_history(qtbot, window, keys, sqlite_demo_db):
    posted = received(sqlite_demo_db, ["SN-LOOK-1"])
    screen = open_stock(qtbot, window, keys)
    keys.scan(screen.lookup.scan, "SN-LOOK-1")
    panel = screen.lookup
    assert "SN-LOOK-1" in panel.title.text() and "S01" in panel.title.text()
    assert "in stock" in panel.title.text()
    assert posted.doc_no in panel.model.column(2)
    keys.scan(panel.scan, "NOTHING-HAS-THIS")
    assert "NOTHING-HAS-THIS" in panel.message.text()


def test_goods_are_received_with_serials(qtbot, window, keys, sqlite_demo_db):
    screen = open_stock(qtbot, window, keys)
    keys.press(screen.lookup.scan, Qt.Key.Key_F2)
    panel = screen.receive
    assert screen.tabs.currentWidget() is panel
    before = on_hand(sqlite_demo_db, "S01", NOTEBOOK_SKU)
    qtbot.keyClicks(panel.supplier, "Lenovo China")
    qtbot.keyClick(panel.supplier, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.supplier_ref, "DN-2026-118")
    qtbot.keyClick(panel.supplier_ref, Qt.Key.Key_Return)
    qtbot.waitUntil(panel.scan.hasFocus)
    panel.entry.cost.setText("4999.00")  # the notebooks' unit cost
    keys.scan(panel.scan, NOTEBOOK)
    assert panel.entry.cost.text() == ""  # it went with the notebook
    keys.scan(panel.scan, "SN-RCV-001")
    keys.scan(panel.scan, "SN-RCV-002")
    panel.entry.qty.setValue(3)
    keys.scan(panel.scan, MONITOR)
    assert panel.entry.model.column(2) == ["SN-RCV-001", "SN-RCV-002", ""]
    assert panel.entry.model.column(3) == ["1", "1", "3"]
    assert [line.unit_cost for line in panel.entry.lines()] == [499900, 499900, None]
    keys.press(panel.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: panel.posted is not None)
    assert panel.posted.doc_no in panel.done.text()
    assert panel.posted.units == 5 and not panel.entry.lines()
    assert on_hand(sqlite_demo_db, "S01", NOTEBOOK_SKU) == before + 2
    assert tuple(unit(sqlite_demo_db, "SN-RCV-002")) == ("in_stock", "S01")
    with sqlite_demo_db.read_connection() as conn:
        assert conn.execute(select(StockMove.unit_cost).where(
            StockMove.serial == "SN-RCV-001")).scalar_one() == 499900
    assert verify(sqlite_demo_db).ok


def test_a_refusal_is_said_and_nothing_is_posted(qtbot, window, keys, sqlite_demo_db):
    received(sqlite_demo_db, ["SN-TWICE"])
    screen = open_stock(qtbot, window, keys)
    keys.press(screen.lookup.scan, Qt.Key.Key_F2)
    panel = screen.receive
    qtbot.keyClicks(panel.supplier, "Lenovo China")
    qtbot.keyClicks(panel.supplier_ref, "DN-7")
    keys.scan(panel.scan, NOTEBOOK)
    keys.scan(panel.scan, "SN-NEW-1")
    keys.scan(panel.scan, "SN-TWICE")  # already in stock
    count, request = documents(sqlite_demo_db), panel.request_id
    keys.press(panel.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: bool(panel.entry.message.text()))
    assert "SN-TWICE" in panel.entry.message.text()
    assert documents(sqlite_demo_db) == count and panel.posted is None
    assert unit(sqlite_demo_db, "SN-NEW-1") is None
    assert [line.serial for line in panel.entry.lines()] == ["SN-NEW-1", "SN-TWICE"]
    qtbot.waitUntil(panel.scan.hasFocus)
    assert panel.request_id == request  # the same attempt, retried, keeps its id
    keys.press(panel.scan, Qt.Key.Key_F12)  # again, unchanged: refused again, nothing posted
    qtbot.waitUntil(lambda: not panel.posting)
    assert documents(sqlite_demo_db) == count and panel.request_id == request
    panel.entry.table.selectRow(1)
    keys.press(panel.scan, Qt.Key.Key_F8)  # remove the line
    assert panel.request_id != request  # another document: another attempt
    keys.press(panel.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: panel.posted is not None)
    assert documents(sqlite_demo_db) == count + 1
    assert tuple(unit(sqlite_demo_db, "SN-NEW-1")) == ("in_stock", "S01")


def test_a_retry_after_a_lost_answer_posts_the_receipt_once(qtbot, window, keys,
                                                           sqlite_demo_db, monkeypatch):
    """The receipt was written but the answer was lost: the retry (the same request id)
    gets the receipt already posted, never a second one."""
    from pos.kernel.errors import UserError
    from pos.stock import receiving

    real, calls = receiving.receive, []

    def answer_lost_once(db, **options):
        calls.append(options["request_id"])
        posted = real(db, **options)
        if len(calls) == 1:
            raise UserError("db.connection_lost", where="pos.db")
        return posted

    monkeypatch.setattr(receiving, "receive", answer_lost_once)
    screen = open_stock(qtbot, window, keys)
    keys.press(screen.lookup.scan, Qt.Key.Key_F2)
    panel = screen.receive
    qtbot.keyClicks(panel.supplier, "Dell")
    qtbot.keyClicks(panel.supplier_ref, "DN-LOST")
    keys.scan(panel.scan, MONITOR)
    count = documents(sqlite_demo_db)
    keys.press(panel.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: "lost" in panel.entry.message.text())
    assert panel.posted is None and panel.entry.lines()
    keys.press(panel.scan, Qt.Key.Key_F12)  # try again
    qtbot.waitUntil(lambda: panel.posted is not None)
    assert calls[0] == calls[1] and panel.posted.replayed
    assert documents(sqlite_demo_db) == count + 1
    assert panel.posted.doc_no in panel.done.text()


def test_typed_words_list_the_stock_of_the_products_named(qtbot, window, keys):
    screen = open_stock(qtbot, window, keys)
    panel = screen.lookup
    keys.scan(panel.scan, "UltraSharp")
    assert panel.model.column(1) == [MONITOR_SKU]
    assert panel.model.rows[0][0] == "S01" and panel.model.rows[0][3] == "6"


def test_a_transfer_is_sent_to_another_store(qtbot, window, keys, sqlite_demo_db):
    received(sqlite_demo_db, ["SN-SEND-1"])
    screen = open_stock(qtbot, window, keys)
    keys.press(screen.lookup.scan, Qt.Key.Key_F3)
    page = screen.transfers.send_page
    assert page.to_store.currentData() == "S02"
    keys.scan(page.scan, "SN-SEND-1")  # a known unit's serial names its product
    page.entry.qty.setValue(2)
    keys.scan(page.scan, MONITOR)
    keys.press(page.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: page.posted is not None)
    assert page.posted.doc_no in page.done.text()
    assert tuple(unit(sqlite_demo_db, "SN-SEND-1")) == ("in_transit", "S02")
    assert on_hand(sqlite_demo_db, "S02", MONITOR_SKU, StoreStock.in_transit) == 2
    assert verify(sqlite_demo_db).ok


def test_a_transfer_received_short_shows_the_difference(qtbot, window, keys, sqlite_demo_db):
    db = sqlite_demo_db
    staff = manager_id(db)
    received(db, ["SN-S02-1", "SN-S02-2"], store="S02")
    receive(db, store="S02", staff_id=staff, supplier="Dell", supplier_ref="DN-S02",
            lines=[MoveInput(MONITOR, 4)], request_id=str(uuid.uuid4()))
    sent = send_transfer(db, from_store="S02", to_store="S01", staff_id=staff,
                         lines=[MoveInput(MONITOR, 3), MoveInput(NOTEBOOK, 1, serial="SN-S02-1"),
                                MoveInput(NOTEBOOK, 1, serial="SN-S02-2")],
                         request_id=str(uuid.uuid4()))
    other = send_transfer(db, from_store="S02", to_store="S01", staff_id=staff,
                          lines=[MoveInput(MONITOR, 1)], request_id=str(uuid.uuid4()))
    before = on_hand(db, "S01", MONITOR_SKU)
    screen = open_stock(qtbot, window, keys)
    keys.press(screen.lookup.scan, Qt.Key.Key_F3)
    keys.press(screen.lookup.scan, Qt.Key.Key_F7)
    page = screen.transfers.incoming_page
    settle(qtbot, window)
    assert page.list_model.column(0) == [sent.doc_no, other.doc_no]
    keys.scan(page.scan, other.doc_no)  # the slip's number chooses the transfer
    assert other.doc_no in page.chosen_label.text() and not page.entry.lines()
    keys.scan(page.scan, sent.doc_no)
    assert sent.doc_no in page.chosen_label.text()
    page.entry.qty.setValue(2)
    keys.scan(page.scan, MONITOR)  # 2 of 3 arrived
    keys.scan(page.scan, "SN-S02-1")  # one of the two notebooks
    keys.press(page.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: page.posted is not None)
    assert page.posted.shortages and page.short_table.isVisible()
    rows = {row[0]: row for row in page.short_model.rows}
    assert rows[MONITOR_SKU][2:5] == ["3", "2", "-1"]
    assert "SN-S02-2" in rows[NOTEBOOK_SKU][5]
    assert page.posted.doc_no in page.done.text()
    assert on_hand(db, "S01", MONITOR_SKU) == before + 2
    assert tuple(unit(db, "SN-S02-1")) == ("in_stock", "S01")
    assert page.list_model.column(0) == [other.doc_no]  # received: no longer on its way
    assert verify(db).ok


def test_a_count_is_scanned_and_posted(qtbot, window, keys, sqlite_demo_db):
    db = sqlite_demo_db
    screen = open_stock(qtbot, window, keys)
    keys.press(screen.lookup.scan, Qt.Key.Key_F4)
    panel = screen.count
    qtbot.waitUntil(panel.scope_name.hasFocus)
    keys.scan(panel.scope_name, "MONITOR")  # a category count (the first choice)
    assert panel.pages.currentIndex() == 1
    qtbot.waitUntil(panel.scan.hasFocus)
    for _ in range(5):
        keys.scan(panel.scan, MONITOR)  # 6 on the books: one missing
    panel.qty.setValue(15)
    keys.scan(panel.scan, MONITOR_2)  # 15: as the books say
    rows = {row[0]: row for row in panel.model.rows}
    assert rows[MONITOR_SKU][2:5] == ["6", "5", "-1"]
    keys.press(panel.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: panel.posted is not None)
    assert panel.posted.doc_no in panel.start_done.text()
    assert on_hand(db, "S01", MONITOR_SKU) == 5
    assert on_hand(db, "S01", "MON-AOC-Q27") == 15
    assert on_hand(db, "S01", "MON-PHI-24") == 0  # in the category, not scanned: none
    assert verify(db).ok


def test_a_count_left_open_is_resumed(qtbot, window, keys, sqlite_demo_db):
    screen = open_stock(qtbot, window, keys)
    keys.press(screen.lookup.scan, Qt.Key.Key_F4)
    panel = screen.count
    panel.scope_kind.setCurrentIndex(1)  # a shelf
    keys.scan(panel.scope_name, "A3")
    keys.scan(panel.scan, MONITOR_3)
    keys.press(panel.scan, Qt.Key.Key_F9)  # leave it open
    settle(qtbot, window)
    assert panel.pages.currentIndex() == 0 and panel.open_model.column(0) == ["shelf:A3"]
    keys.press(panel.scope_name, Qt.Key.Key_F11)
    assert panel.pages.currentIndex() == 1
    assert [row[3] for row in panel.model.rows] == ["1"]


def test_a_count_is_discarded_once_confirmed(qtbot, window, keys, sqlite_demo_db, monkeypatch):
    from pos.db.models import StockCountDraft
    from ui.messages import Confirm

    screen = open_stock(qtbot, window, keys)
    keys.press(screen.lookup.scan, Qt.Key.Key_F4)
    panel = screen.count
    panel.scope_kind.setCurrentIndex(1)
    keys.scan(panel.scope_name, "B1")
    keys.scan(panel.scan, MONITOR_3)
    answers = [False, True]
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, text: answers.pop(0)))
    keys.press(panel.scan, Qt.Key.Key_F8)  # "no": the count stays
    assert panel.pages.currentIndex() == 1 and panel.view is not None
    keys.press(panel.scan, Qt.Key.Key_F8)
    settle(qtbot, window)
    assert panel.pages.currentIndex() == 0 and panel.open_model.rows == []
    with sqlite_demo_db.read_connection() as conn:
        assert conn.execute(select(func.count()).select_from(StockCountDraft)).scalar_one() == 0


def test_a_cashier_has_no_stock_screen(qtbot, window, keys):
    log_in(qtbot, window)  # Li Na, a cashier
    till = window.till
    assert not till.stock_button.isVisible()
    keys.press(till.scan, Qt.Key.Key_F5)
    assert till.active_dialog is None


def test_the_stock_button_never_widens_a_narrower_till(qtbot, window, keys):
    """The manager's top bar is full at 1280 px in English: the Stock button folds away
    (drawing nothing) rather than widen the window, and F5 still opens the screen."""
    from ui.stock.stock_screen import StockDialog

    log_in(qtbot, window, *MANAGER)
    till = window.till
    # At 1366 px the button shows unless the bar is full: with the backup's age shown
    # (an earlier test took a backup) English needs about 34 px more. A known limit,
    # in the session's note; what must hold is that it never widens the window.
    assert till.stock_button.text() == "Stock [F5]" and window.width() == 1366
    window.resize(1280, 720)  # laid out when the event loop gets to it (later under load)
    qtbot.waitUntil(lambda: window.width() == 1280 and till.stock_button.folded())
    keys.press(till.scan, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, StockDialog))
    assert till.active_dialog.width() <= 1280


def test_the_screen_fits_the_till_and_the_focus_comes_back(qtbot, window, keys):
    screen = open_stock(qtbot, window, keys)
    for key in (Qt.Key.Key_F2, Qt.Key.Key_F3, Qt.Key.Key_F4, Qt.Key.Key_F1):
        keys.press(screen.panel().scan if key != Qt.Key.Key_F1 else screen.count.field, key)
        assert screen.width() <= 1366 and screen.height() <= 768
        assert screen.minimumSizeHint().width() <= 1366
    assert window.width() == 1366
    keys.press(screen.lookup.scan, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.till.active_dialog is None)
    qtbot.waitUntil(lambda: window.till.scan.hasFocus())


def test_the_stock_screen_speaks_chinese(qtbot, sqlite_demo_db):
    from tests.gui.test_messages_zh import chinese

    add_store(sqlite_demo_db, "S02")
    with till_window(qtbot, sqlite_demo_db, "zh_CN") as main:
        keys = KeyCounter(qtbot, main)
        screen = open_stock(qtbot, main, keys)
        titles = [screen.tabs.tabText(i) for i in range(screen.tabs.count())]
        assert all(chinese(title) for title in titles), titles
        assert chinese(main.till.stock_button.text())
        assert main.minimumSizeHint().width() <= 1366 and main.width() == 1366
        keys.scan(screen.lookup.scan, "NOTHING-HAS-THIS")
        assert chinese(screen.lookup.message.text())
        keys.press(screen.lookup.scan, Qt.Key.Key_F2)
        assert chinese(screen.receive.post_button.text())
        assert all(chinese(h) for h in screen.receive.entry.model.headers
                   if h not in ("SKU",))
        settle(qtbot, main)
