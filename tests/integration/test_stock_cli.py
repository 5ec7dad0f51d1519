"""`pos stock`, `pos serial` and `pos store add|list` end to end: exit codes, what is
said (in English and Chinese), and a refused file or command that changes nothing."""

import os
import re
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from pos.cli import main
from pos.db.models import (
    AuditEvent,
    JournalEntry,
    StockCountDraft,
    StockDocument,
    Store,
)
from pos.ledger import verify
from pos.stock import levels

NOTEBOOK_SKU = "NB-HW-D14"  # serial-tracked
CASE = "PHN-CASE-TPU"  # not serial-tracked; the demo store holds 120


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("POS_LOCALE", "en")


def url_of(db) -> str:
    return "--db=" + db.engine.url.render_as_string(hide_password=False)


def pos(db, *words, capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([url_of(db), *map(str, words)])
    said = capsys.readouterr()
    return code, said.out, said.err


def write(tmp_path, name: str, *lines: str) -> str:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def number(out: str, kind: str) -> str:
    """The number of the document of `kind` (GR, TO...) a command's output names."""
    found = re.search(rf"\bS01-{kind}-\d{{6}}\b", out)
    assert found, out
    return found.group()


def counts(db) -> tuple[int, int]:
    with db.read_connection() as conn:
        return (conn.execute(select(func.count()).select_from(JournalEntry)).scalar(),
                conn.execute(select(func.count()).select_from(StockDocument)).scalar())


def held(db, store: str, sku: str) -> tuple[int, int, tuple[str, ...]]:
    found = levels.lookup(db, code=sku)
    row = next((s for s in found.stores if s.store == store), None)
    return (row.on_hand, row.in_transit, tuple(row.serials)) if row else (0, 0, ())


def test_store_add_and_list(demo_db, capsys):
    assert pos(demo_db, "store", "add", "s07", "East store", "--address", "1 East Rd",
               capsys=capsys)[:2] == (0, "store S07 added: East store\n")
    code, out, _ = pos(demo_db, "store", "list", capsys=capsys)
    assert code == 0 and out.splitlines()[-1] == "S07      East store"
    with demo_db.read_connection() as conn:
        assert conn.execute(select(Store.address).where(Store.code == "S07")).scalar() == \
            "1 East Rd"
        event = conn.execute(select(AuditEvent.action, AuditEvent.ref)
                             .where(AuditEvent.action == "store_added")).one()
    assert tuple(event) == ("store_added", "S07")
    before = counts(demo_db)
    for words, said in ((("S07", "Again"), "error: Store S07 already exists"),
                        (("S 03", "Gap"), "error: A store code is 1 to 20 letters, digits or "
                                          "dashes, like S02"),
                        (("S03", " "), "error: Give the store a name"),
                        (("S" * 21, "Long"), "error: A store code is 1 to 20")):
        code, _, err = pos(demo_db, "store", "add", *words, capsys=capsys)
        assert code == 1 and err.startswith(said), err
    assert counts(demo_db) == before
    assert verify.verify(demo_db).ok


def test_receive_transfer_and_receive_it_short(demo_db, tmp_path, capsys):
    assert pos(demo_db, "store", "add", "S07", "East", capsys=capsys)[0] == 0
    goods = write(tmp_path, "in.csv", "sku_or_barcode,quantity,serial,unit_cost",
                  f"{CASE},10,,12.50", f"{NOTEBOOK_SKU},1,sn-a1,3999", f"{NOTEBOOK_SKU},,SN-A2,")
    code, out, err = pos(demo_db, "stock", "receive", goods, "--store", "S01", "--supplier",
                         "Lenovo", "--note-no", "DN-1", "--staff", "Li Na", capsys=capsys)
    receipt = number(out, "GR")
    assert (code, out, err) == (0, f"goods received {receipt} posted at S01: 3 lines, "
                                   "12 units\n", "")
    assert held(demo_db, "S01", CASE)[0] == 130
    sent = write(tmp_path, "out.csv", "sku_or_barcode,quantity,serial", f"{CASE},4,",
                 f"{NOTEBOOK_SKU},1,SN-A1", f"{NOTEBOOK_SKU},1,SN-A2")
    code, out, _ = pos(demo_db, "stock", "transfer", "send", sent, "--from", "S01", "--to",
                       "S07", "--staff", "Li Na", capsys=capsys)
    transfer = number(out, "TO")
    assert (code, out) == (0, f"transfer sent {transfer} posted at S01: 6 lines, 6 units\n")
    code, out, _ = pos(demo_db, "stock", "transfer", "list", "--store", "S07", capsys=capsys)
    assert code == 0 and out.startswith(f"{transfer}  S01 -> S07  sent ") \
        and out.endswith("  6 units\n")
    arrived = write(tmp_path, "arrived.csv", "sku_or_barcode,quantity,serial", f"{CASE},3,",
                    f"{NOTEBOOK_SKU},1,SN-A1")
    code, out, _ = pos(demo_db, "stock", "transfer", "receive", transfer, arrived,
                       "--staff", "Li Na", capsys=capsys)
    assert code == 0 and out.splitlines() == [
        "transfer received S07-TI-000001 posted at S07: 6 lines, 4 units",  # as it reports
        "  Clear anti-drop phone case (PHN-CASE-TPU): 4 sent, 3 received",
        "  Huawei MateBook D 14 notebook (i5 / 16GB / 512GB) (NB-HW-D14): 2 sent, 1 received",
        "    serials not received: SN-A2",
    ]
    assert held(demo_db, "S07", CASE) == (3, 0, ())
    assert held(demo_db, "S07", NOTEBOOK_SKU) == (1, 0, ("SN-A1",))
    code, out, _ = pos(demo_db, "serial", "sn-a1", capsys=capsys)
    lines = out.splitlines()
    assert code == 0 and lines[0] == ("serial SN-A1: Huawei MateBook D 14 notebook (i5 / 16GB "
                                      "/ 512GB) (NB-HW-D14), in stock at S07")
    assert [line.split("  ")[2:4] for line in lines[1:]] == [
        ["goods received", receipt], ["transfer sent", transfer],
        ["transfer received", "S07-TI-000001"]]
    # the transfer is received once
    code, _, err = pos(demo_db, "stock", "transfer", "receive", transfer,
                       "--staff", "Li Na", capsys=capsys)
    assert code == 1 and err.startswith(f"error: Transfer {transfer} was already received")
    assert verify.verify(demo_db).ok


def test_a_bad_file_is_refused_with_its_lines_and_changes_nothing(demo_db, tmp_path, capsys):
    before = counts(demo_db)
    goods = write(tmp_path, "in.csv", "sku_or_barcode,quantity,serial,unit_cost",
                  f"{CASE},10,,12.50", f"{NOTEBOOK_SKU},1,SN-B1,", f"{NOTEBOOK_SKU},1,SN-B1,",
                  "NOPE,1,,", f"{CASE},-2,,")
    code, out, err = pos(demo_db, "stock", "receive", goods, "--store", "S01", "--supplier",
                         "X", "--note-no", "1", "--staff", "Li Na", capsys=capsys)
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "error: stock file refused: 3 errors; nothing was changed",
        "  line 4, serial: serial SN-B1 is already on line 3",
        "  line 5, sku_or_barcode: No product NOPE in the catalog",
        "  line 6, quantity: Quantities are whole numbers of at least 1 (-2)"]
    assert counts(demo_db) == before and held(demo_db, "S01", CASE)[0] == 120


def test_refusals_of_the_command_itself(demo_db, tmp_path, capsys):
    before = counts(demo_db)
    good = write(tmp_path, "ok.csv", "sku_or_barcode,quantity", f"{CASE},1")
    cases = [
        (("stock", "receive", good, "--store", "S09", "--supplier", "X", "--note-no", "1",
          "--staff", "Li Na"), "error: There is no store S09"),
        (("stock", "receive", good, "--store", "S01", "--supplier", "X", "--note-no", "1",
          "--staff", "Nobody"), "error: No staff member is called 'Nobody'"),
        (("stock", "receive", str(tmp_path / "none.csv"), "--store", "S01", "--supplier", "X",
          "--note-no", "1", "--staff", "Li Na"), "error: cannot read "),
        (("stock", "adjust", good, "--store", "S01", "--reason", "found", "--staff", "Li Na"),
         "error: Only a manager or an administrator"),
        (("stock", "write-off", good, "--store", "S01", "--reason", "damaged", "--staff",
          "Li Na"), "error: Only a manager or an administrator"),
        (("stock", "reorder", CASE, "-4", "--store", "S01", "--staff", "Zhang Wei"),
         "error: A reorder point is a whole number of 0 or more"),
        (("stock", "transfer", "send", good, "--from", "S01", "--to", "S01", "--staff",
          "Li Na"), "error: A transfer goes to another store"),
        (("stock", "receive", good, "--store", "S01", "--supplier", "X", "--note-no", "1",
          "--staff", "Li Na", "--request-id", "not-a-uuid"), "error: 'not-a-uuid' is not a "
         "request id"),
    ]
    for words, said in cases:
        code, out, err = pos(demo_db, *words, capsys=capsys)
        assert (code, out) == (1, ""), (words, out, err)
        assert err.startswith(said), (words, err)
    with pytest.raises(SystemExit) as usage:  # a reason that is not one: a wrong command line
        main([url_of(demo_db), "stock", "write-off", good, "--store", "S01", "--reason",
              "stolen", "--staff", "Zhang Wei"])
    assert usage.value.code == 64
    assert counts(demo_db) == before


def test_adjust_write_off_reorder_and_list_as_a_manager(demo_db, tmp_path, capsys):
    adjust = write(tmp_path, "adj.csv", "sku_or_barcode,quantity", f"{CASE},-5", "BAG-NB-14,+2")
    code, out, _ = pos(demo_db, "stock", "adjust", adjust, "--store", "S01", "--reason", "lost",
                       "--staff", "Zhang Wei", capsys=capsys)
    assert (code, out) == (0, f"adjustment {number(out, 'AD')} posted at S01: 2 lines, 7 units\n")
    gone = write(tmp_path, "wo.csv", "sku_or_barcode,quantity", f"{CASE},1")
    code, out, _ = pos(demo_db, "stock", "write-off", gone, "--store", "S01", "--reason",
                       "damaged", "--staff", "Zhang Wei", "--request-id",
                       "6f0b1c3e-0000-4000-8000-000000000001", capsys=capsys)
    written_off = number(out, "WO")
    assert (code, out) == (0, f"write-off {written_off} posted at S01: 1 lines, 1 units\n")
    # the same request again: the document already posted, nothing new
    code, out, _ = pos(demo_db, "stock", "write-off", gone, "--store", "S01", "--reason",
                       "damaged", "--staff", "Zhang Wei", "--request-id",
                       "6f0b1c3e-0000-4000-8000-000000000001", capsys=capsys)
    assert (code, out) == (0, f"write-off {written_off} was already posted for this request: "
                              "nothing new was written\n")
    assert held(demo_db, "S01", CASE)[0] == 114
    assert pos(demo_db, "stock", "reorder", CASE, "200", "--store", "S01", "--staff",
               "Zhang Wei", capsys=capsys)[:2] == (0, f"reorder point of {CASE} at S01: 200\n")
    code, out, _ = pos(demo_db, "stock", "list", "--store", "S01", "--low", "--search", CASE,
                       capsys=capsys)
    assert code == 0 and out.splitlines()[1:] == [
        f"S01    {CASE}             114         0           0      200  Clear anti-drop "
        "phone case (low)"]
    assert pos(demo_db, "stock", "reorder", CASE, "none", "--store", "S01", "--staff",
               "Zhang Wei", capsys=capsys)[:2] == (0, f"{CASE} at S01 has no reorder point now\n")
    assert pos(demo_db, "stock", "list", "--store", "S01", "--low", "--search", CASE,
               capsys=capsys)[:2] == (0, "no stock to show\n")
    code, out, _ = pos(demo_db, "stock", "lookup", CASE, capsys=capsys)
    assert code == 0 and out.splitlines()[:2] == [
        f"{CASE}  Clear anti-drop phone case",
        "  S01 Tickbox Digital, Xujiahui store: on hand 114, in transit 0"], out
    assert verify.verify(demo_db).ok


def test_a_count_from_a_file_is_posted_by_a_manager_else_left_no_draft(demo_db, tmp_path,
                                                                        capsys):
    found = write(tmp_path, "count.csv", "sku_or_barcode,quantity,serial",
                  "NB-LEN-Y9000P,1,SN-Y1", "NB-HON-X14,1,SN-H1")
    before = counts(demo_db)
    code, _, err = pos(demo_db, "stock", "count", found, "--store", "S01", "--scope",
                       "category:NOTEBOOK", "--staff", "Li Na", capsys=capsys)
    assert code == 1 and err.startswith("error: Only a manager or an administrator")
    with demo_db.read_connection() as conn:
        assert conn.execute(select(func.count()).select_from(StockCountDraft)).scalar() == 0
    assert counts(demo_db) == before
    code, out, _ = pos(demo_db, "stock", "count", found, "--store", "S01", "--scope",
                       "category:NOTEBOOK", "--staff", "Zhang Wei", capsys=capsys)
    assert code == 0 and out.startswith(f"stock count {number(out, 'SC')} posted at S01: ")
    # a category count: what was not found is 0 now, what was found is there
    assert held(demo_db, "S01", "NB-LEN-XXPRO14")[0] == 0
    assert held(demo_db, "S01", "NB-HON-X14") == (1, 0, ("SN-H1",))
    assert verify.verify(demo_db).ok


def test_a_count_file_the_count_refuses_is_listed_by_line_and_discarded(demo_db, tmp_path,
                                                                       capsys):
    before = counts(demo_db)
    rows = write(tmp_path, "count.csv", "sku_or_barcode,quantity,serial",
                 "NB-HON-X14,1,SN-H1", f"{CASE},4,", "NB-LEN-Y9000P,0,", "BAG-NB-14,2,")
    code, out, err = pos(demo_db, "stock", "count", rows, "--store", "S01", "--scope",
                         "category:NOTEBOOK", "--staff", "Zhang Wei", capsys=capsys)
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == "error: stock file refused: 2 errors; nothing was changed"
    assert lines[1].startswith("  line 3, sku_or_barcode: ") and "NOTEBOOK" in lines[1]
    assert lines[2].startswith("  line 5, sku_or_barcode: ")
    code, _, err = pos(demo_db, "stock", "count", rows, "--store", "S01", "--scope", "shelf:A1",
                       "--staff", "Zhang Wei", capsys=capsys)
    assert code == 1 and err.splitlines()[1:] == [
        "  line 4, quantity: a shelf count lists what is on the shelf: leave out what is not "
        "there (a category count sets what it does not find to 0)"]
    with demo_db.read_connection() as conn:
        assert conn.execute(select(func.count()).select_from(StockCountDraft)).scalar() == 0
    assert counts(demo_db) == before
    # a 0 on a category count: what the count does with what it does not find
    found = write(tmp_path, "found.csv", "sku_or_barcode,quantity,serial",
                  "NB-HON-X14,1,SN-H1", "NB-LEN-Y9000P,0,")
    assert pos(demo_db, "stock", "count", found, "--store", "S01", "--scope",
               "category:NOTEBOOK", "--staff", "Zhang Wei", capsys=capsys)[0] == 0
    assert held(demo_db, "S01", "NB-LEN-Y9000P")[0] == 0
    assert held(demo_db, "S01", "NB-HON-X14") == (1, 0, ("SN-H1",))
    assert verify.verify(demo_db).ok


def test_stock_import_and_catalog_import_into_a_store(demo_db, tmp_path, capsys):
    assert pos(demo_db, "store", "add", "S07", "East", capsys=capsys)[0] == 0
    stock = write(tmp_path, "stock.csv", "sku_or_barcode,quantity,reorder_point", f"{CASE},7,3",
                  "6923150020022,2,")
    code, out, _ = pos(demo_db, "stock", "import", stock, "--store", "S07", capsys=capsys)
    assert (code, out) == (0, "stock set at S07: 2 products in the file, 1 opening documents, "
                              "1 reorder points\n")
    assert held(demo_db, "S07", CASE)[0] == 7 and held(demo_db, "S01", CASE)[0] == 120
    exported = tmp_path / "catalog.csv"
    assert pos(demo_db, "catalog", "export", exported, "--store", "S07", capsys=capsys)[0] == 0
    rows = exported.read_text(encoding="utf-8-sig").splitlines()
    case_row = next(row for row in rows if row.startswith(f"{CASE},"))
    assert case_row.split(",")[6] == "7"  # the stock column is S07's
    edited = tmp_path / "edited.csv"
    edited.write_text("\n".join(row if row != case_row else ",".join(
        [*case_row.split(",")[:6], "9", *case_row.split(",")[7:]]) for row in rows) + "\n",
        encoding="utf-8")
    assert pos(demo_db, "catalog", "import", edited, "--store", "S07", capsys=capsys)[0] == 0
    assert held(demo_db, "S07", CASE)[0] == 9 and held(demo_db, "S01", CASE)[0] == 120
    assert verify.verify(demo_db).ok


def test_commands_speak_chinese(demo_db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("POS_LOCALE", "zh_CN")
    stock = write(tmp_path, "stock.csv", "sku_or_barcode,quantity", f"{CASE},7", "NOPE,1")
    code, _, err = pos(demo_db, "stock", "import", stock, capsys=capsys)
    assert code == 1 and "NOPE" in err and not err.isascii()
    assert pos(demo_db, "store", "add", "S07", "东店", capsys=capsys)[1] == "门店 S07 已添加：东店\n"


def test_pin_is_checked_when_asked(demo_db, tmp_path):
    """--pin reads the staff member's PIN (a line on standard input) and checks it: a
    wrong one refuses the command before anything is read or posted."""
    good = write(tmp_path, "wo.csv", "sku_or_barcode,quantity", f"{CASE},1")
    command = [sys.executable, "-m", "pos.cli", url_of(demo_db), "stock", "write-off", good,
               "--store", "S01", "--reason", "damaged", "--staff", "Zhang Wei", "--pin"]
    env = dict(os.environ, POS_LOCALE="en")
    before = counts(demo_db)
    wrong = subprocess.run(command, input="1234\n", capture_output=True, text=True, env=env,
                           check=False)
    assert wrong.returncode == 1 and wrong.stdout == "", wrong.stderr
    assert "PIN" in wrong.stderr, wrong.stderr
    assert counts(demo_db)[1] == before[1]
    right = subprocess.run(command, input="9999\n", capture_output=True, text=True, env=env,
                           check=False)
    assert right.returncode == 0, (right.stderr, right.stdout)
    assert right.stdout.startswith(f"write-off {number(right.stdout, 'WO')} posted")
