"""Stock files (pos.stock.stock_import): every refusal names its line, a refused file
changes nothing, serials repeated anywhere in the file name both lines, and a large file
streams through in bounded memory."""

import io
import tracemalloc
import uuid

import pytest
from sqlalchemy import func, select

from pos.db.models import AuditEvent, JournalEntry, StockDocument, StoreStock
from pos.kernel.errors import UserError
from pos.kernel.messages import render
from pos.ledger import verify
from pos.stock import receiving, stock_import
from pos.store.stores import add_store
from tests.integration.checkout_helpers import imei, staff_id

NOTEBOOK_SKU = "NB-HW-D14"  # serial-tracked, not a phone: any serial of 4-64 characters
PHONE_SKU = "PH-MI-14"  # serial-tracked, takes an IMEI
CASE = "PHN-CASE-TPU"  # not serial-tracked


def csv(*lines: str) -> io.BytesIO:
    return io.BytesIO(("\n".join(lines) + "\n").encode())


def refusal(call) -> list[str]:
    with pytest.raises(UserError) as caught:
        call()
    return [render(caught.value.as_message()), *(render(d) for d in caught.value.details)]


def state(db) -> tuple:
    with db.read_connection() as conn:
        return (conn.execute(select(func.count()).select_from(JournalEntry)).scalar(),
                conn.execute(select(func.count()).select_from(StockDocument)).scalar(),
                tuple(conn.execute(select(StoreStock.store_id, StoreStock.product_id,
                                          StoreStock.on_hand, StoreStock.reorder_point)
                                   .order_by(StoreStock.store_id, StoreStock.product_id))))


def on_hand(db, store: str, sku: str):
    from pos.stock import levels

    found = levels.lookup(db, code=sku)
    return next((s.on_hand for s in found.stores if s.store == store), 0)


def receive(db, store: str, *lines):
    return receiving.receive(db, store=store, staff_id=staff_id(db, "cashier"), supplier="S",
                             supplier_ref="DN", lines=list(lines), request_id=str(uuid.uuid4()))


def moves(db, kind: str, *lines: str, store: str = "S01"):
    return stock_import.read_moves(db, file=csv(*lines), kind=kind, store=store)


# --- pos stock import -------------------------------------------------------------------


def test_an_import_sets_on_hand_and_reorder_points_by_sku_or_barcode(demo_db):
    add_store(demo_db, code="S07", name="East")
    done = stock_import.import_stock(demo_db, store="S07", file=csv(
        "sku_or_barcode,quantity,reorder_point", f"{CASE},7,3", "6923150020022,4,",
        f"{NOTEBOOK_SKU},0,2"))
    assert (done.store, done.products, done.reorder_points) == ("S07", 3, 2)
    assert done.documents == ("S07-OP-000001",)
    assert (on_hand(demo_db, "S07", CASE), on_hand(demo_db, "S07", "NB-LEN-XXPRO14"),
            on_hand(demo_db, "S07", NOTEBOOK_SKU)) == (7, 4, 0)
    assert on_hand(demo_db, "S01", CASE) == 120  # the demo store's own stock is untouched
    with demo_db.read_connection() as conn:
        points = dict(conn.execute(select(StoreStock.product_id, StoreStock.reorder_point)
                                   .where(StoreStock.reorder_point.is_not(None))).all())
        event = conn.execute(select(AuditEvent.action, AuditEvent.ref)
                             .where(AuditEvent.action == "reorder_point_set")).one()
    assert sorted(points.values()) == [2, 3] and tuple(event) == ("reorder_point_set", "S07")
    # the same file again changes no quantity: no new document
    again = stock_import.import_stock(demo_db, store="S07", file=csv(
        "sku_or_barcode,quantity", f"{CASE},7"))
    assert again.documents == ()
    assert verify.verify(demo_db).ok


def test_an_import_refusal_lists_every_bad_line_and_changes_nothing(demo_db):
    before = state(demo_db)
    said = refusal(lambda: stock_import.import_stock(demo_db, file=csv(
        "sku_or_barcode,quantity,reorder_point",
        f"{CASE},5,1",                 # 2 fine
        "NO-SUCH,1,",                  # 3 unknown product
        f"{NOTEBOOK_SKU},-2,",         # 4 negative
        "BAG-NB-14,many,",             # 5 not a number
        f"{CASE},6,",                  # 6 the same product again
        "BAG-NB-156,1,-1",             # 7 a bad reorder point
        ",1,")))                       # 8 no product
    assert said == [
        "stock file refused: 6 errors; nothing was changed",
        "line 3, sku_or_barcode: No product NO-SUCH in the catalog",
        "line 4, quantity: A counted quantity is a whole number of 0 or more (-2)",
        "line 5, quantity: 'many' is not a whole number",
        f"line 6, sku_or_barcode: {CASE} is already on line 2",
        "line 7, reorder_point: A reorder point is a whole number of 0 or more",
        "line 8, sku_or_barcode: is empty",
    ]
    assert state(demo_db) == before


def test_an_import_into_an_unknown_store_is_refused(demo_db):
    said = refusal(lambda: stock_import.import_stock(
        demo_db, store="S09", file=csv("sku_or_barcode,quantity", f"{CASE},1")))
    assert said == ["There is no store S09"]


# --- receive, transfer, count, adjust, write-off files ----------------------------------


def test_a_receipt_file_reads_into_lines_with_their_line_numbers(demo_db):
    lines = moves(demo_db, "receive", "sku_or_barcode,quantity,serial,unit_cost",
                  f"{CASE},7,,12.50", f"{NOTEBOOK_SKU},1,sn-1001,3999", f"{NOTEBOOK_SKU},,SN-1002,",
                  f"{PHONE_SKU},1,{imei(1)[:2]} {imei(1)[2:]},")
    assert [(m.code, m.qty, m.serial, m.unit_cost, m.line_no) for m in lines] == [
        (CASE, 7, None, 1250, 2), (NOTEBOOK_SKU, 1, "SN-1001", 399900, 3),
        (NOTEBOOK_SKU, 1, "SN-1002", None, 4), (PHONE_SKU, 1, imei(1), None, 5)]


def test_a_receipt_file_refusal_names_each_line(demo_db):
    receive(demo_db, "S01", receiving_line("SN-HELD"))
    add_store(demo_db, code="S07", name="East")
    said = refusal(lambda: moves(
        demo_db, "receive", "sku_or_barcode,quantity,serial,unit_cost",
        f"{CASE},1,ABC-1234,",          # 2 a serial on a product without
        f"{NOTEBOOK_SKU},1,,",          # 3 no serial for a tracked one
        f"{NOTEBOOK_SKU},2,SN-2001,",   # 4 a serial moves one unit
        f"{NOTEBOOK_SKU},1,SN-2002,x",  # 5 not a cost
        f"{CASE},0,,",                  # 6 zero
        f"{NOTEBOOK_SKU},1,sn-2002,",   # 7 the serial of line 5 again
        f"{NOTEBOOK_SKU},1,SN-HELD,",   # 8 already in stock
        f"{PHONE_SKU},1,12345,",        # 9 not an IMEI
        "NOPE,1,,"))                    # 10 unknown
    assert said[0] == "stock file refused: 9 errors; nothing was changed"
    assert said[1:] == [
        "line 2, serial: Clear anti-drop phone case does not take serial numbers",
        "line 3, serial: Huawei MateBook D 14 notebook (i5 / 16GB / 512GB) is serial-tracked: "
        "give each unit's serial number",
        "line 4, quantity: a row with a serial moves one unit, not 2",
        "line 5, unit_cost: 'x' is not a cost (an amount like 129.00)",
        "line 6, quantity: Quantities are whole numbers of at least 1 (0)",
        "line 7, serial: serial SN-2002 is already on line 5",
        "line 8, serial: Serial SN-HELD is already in stock or was already received: a unit "
        "is received once",
        said[8],  # the IMEI's own message
        "line 10, sku_or_barcode: No product NOPE in the catalog",
    ]
    assert said[8].startswith("line 9, serial: '12345' is not a valid IMEI")


def receiving_line(serial: str, sku: str = NOTEBOOK_SKU):
    from pos.stock.records import MoveInput

    return MoveInput(sku, 1, serial=serial)


def test_a_serial_sold_or_held_elsewhere_is_refused_with_its_line(demo_db):
    add_store(demo_db, code="S07", name="East")
    receive(demo_db, "S07", receiving_line("SN-EAST"))
    from pos.kernel.enums import Tender
    from pos.selling import checkout, completion
    from pos.selling.cart import TenderInput, totals
    from tests.integration.checkout_helpers import new_cart

    cart = new_cart(demo_db)
    line = checkout.add_product(demo_db, cart, code=NOTEBOOK_SKU)
    checkout.set_serial(demo_db, cart, line_id=line.line_id, serial="SN-SOLD")
    due = totals(cart.billable_lines()).total
    completion.complete_sale(demo_db, cart, tenders=[TenderInput(Tender.CASH, due)])
    said = refusal(lambda: moves(demo_db, "receive", "sku_or_barcode,quantity,serial",
                                 f"{NOTEBOOK_SKU},1,SN-SOLD", f"{NOTEBOOK_SKU},1,SN-EAST"))
    assert said[1].startswith("line 2, serial: Serial SN-SOLD was sold on T01-")
    assert said[2] == ("line 3, serial: Serial SN-EAST is already in stock or was already "
                       "received: a unit is received once")
    # sending or writing off: the unit must be in stock at the file's store
    for kind in ("transfer", "write_off"):
        said = refusal(lambda kind=kind: moves(
            demo_db, kind, "sku_or_barcode,quantity,serial", f"{NOTEBOOK_SKU},1,SN-EAST",
            f"{NOTEBOOK_SKU},1,SN-NEVER", f"{NOTEBOOK_SKU},1,SN-SOLD"))
        assert said[1:] == [
            "line 2, serial: Serial SN-EAST is in stock at S07, not here: transfer it first, "
            "or a manager may override",
            "line 3, serial: Serial SN-NEVER is not known to the store",
            "line 4, serial: Serial SN-SOLD has already been sold",
        ], said
    assert [m.serial for m in moves(demo_db, "transfer", "sku_or_barcode,quantity,serial",
                                    f"{NOTEBOOK_SKU},1,SN-EAST", store="S07")] == ["SN-EAST"]


def test_adjust_and_count_quantities(demo_db):
    lines = moves(demo_db, "adjust", "sku_or_barcode,quantity", f"{CASE},-3", f"{CASE},+2")
    assert [m.qty for m in lines] == [-3, 2]
    said = refusal(lambda: moves(demo_db, "adjust", "sku_or_barcode,quantity", f"{CASE},0"))
    assert said[1] == "line 2, quantity: an adjustment adds (+N) or takes (-N) at least one " \
                      "unit, not '0'"
    assert [m.qty for m in moves(demo_db, "count", "sku_or_barcode,quantity", f"{CASE},0")] == [0]
    said = refusal(lambda: moves(demo_db, "count", "sku_or_barcode,quantity", f"{CASE},-1"))
    assert said[1] == "line 2, quantity: A counted quantity is a whole number of 0 or more (-1)"
    said = refusal(lambda: moves(demo_db, "write_off", "sku_or_barcode,quantity", f"{CASE},-1"))
    assert said[1] == "line 2, quantity: Quantities are whole numbers of at least 1 (-1)"


def test_a_file_with_wrong_columns_is_refused_at_its_header(demo_db):
    said = refusal(lambda: moves(demo_db, "transfer", "sku,qty", f"{CASE},1"))
    assert said[1:] == ["line 1, header: missing column(s): sku_or_barcode, quantity",
                        "line 1, header: unknown column(s): sku, qty"]


# --- large files --------------------------------------------------------------------------


def test_a_serial_repeated_batches_apart_names_both_lines(sqlite_demo_db):
    rows = [f"{NOTEBOOK_SKU},1,SN-{n:06d}" for n in range(12_000)]
    rows.append(f"{NOTEBOOK_SKU},1,SN-000003")  # the serial of line 5, two batches on
    lines = ["sku_or_barcode,quantity,serial", *rows]
    said = refusal(lambda: moves(sqlite_demo_db, "receive", *lines))
    assert said[1:] == ["line 12002, serial: serial SN-000003 is already on line 5"]


def test_a_refusal_lists_the_first_ten_thousand_problems_and_counts_the_rest(sqlite_demo_db):
    lines = ["sku_or_barcode,quantity", *(f"NOPE-{n},1" for n in range(10_250))]
    said = refusal(lambda: moves(sqlite_demo_db, "transfer", *lines))
    assert said[0] == "stock file refused: 10250 errors; nothing was changed"
    assert len(said) == 1 + stock_import.MAX_LISTED + 1
    assert said[-1] == "…and 250 more problems: the first 10000 are listed"


def _peak_of_checking(db, path) -> tuple[int, list[str]]:
    tracemalloc.start()
    try:
        with open(path, "rb") as file:
            said = refusal(lambda: stock_import.read_moves(db, file=file, kind="receive",
                                                           store="S01"))
        return tracemalloc.get_traced_memory()[1], said
    finally:
        tracemalloc.stop()


def _big_file(path, rows: int):
    with open(path, "w") as file:
        file.write("sku_or_barcode,quantity,serial,unit_cost\nNOPE,1,,\n")
        file.writelines(f"{NOTEBOOK_SKU},1,SERIAL-NUMBER-OF-A-LONG-KIND-{n:09d},3999.00\n" for n in range(rows))
    return path


def test_a_large_file_streams_in_bounded_memory(sqlite_demo_db, tmp_path):
    """A file is read a batch at a time: its bad first row refuses it, the rest is still
    checked (serials seen kept on disk), and the memory the check takes does not grow
    with the file: four times the rows, about the same peak."""
    _peak_of_checking(sqlite_demo_db, _big_file(tmp_path / "warm.csv", 10))  # imports, caches
    small, said = _peak_of_checking(sqlite_demo_db, _big_file(tmp_path / "small.csv", 10_000))
    large, said_large = _peak_of_checking(sqlite_demo_db,
                                          _big_file(tmp_path / "large.csv", 40_000))
    assert said[1:] == said_large[1:] == ["line 2, sku_or_barcode: No product NOPE in the "
                                          "catalog"]
    assert (tmp_path / "large.csv").stat().st_size > 2_000_000
    assert large < small * 1.5, (small, large)
