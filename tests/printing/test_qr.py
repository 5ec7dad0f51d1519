"""Issue 15: QR codes on the receipt. The printer draws them with its native GS ( k
command (parsed back here byte by byte); the receipt's PDF preview shows the same codes,
read back with zbar; the receipt's code holds its number and the check value sealed for
it in the journal, and a returned receipt is checked against the journal with it; the
store's e-invoice (开票) QR is a setting with its rule."""

import json
import shutil
import subprocess

import pytest
from sqlalchemy import update

from pos.cli import main
from pos.db.models import Sale
from pos.kernel.errors import UserError
from pos.printjobs import print_queue
from pos.printjobs.print_queue import PrintRequest
from pos.printjobs.receipt_check import parse_receipt_qr, receipt_qr_text, verify_receipt
from pos.printjobs.records import load_sale
from pos.store.settings import change_setting
from printing.dispatch import run_due_jobs
from printing.qr import EINVOICE_CAPTION, qr_bytes
from tests.printing.test_drawer_once import sell
from tests.support.tcp_printer import TcpTestPrinter

GS_K = b"\x1d(k"
EINVOICE = "https://fapiao.example.cn/s/T01?store=徐家汇店"


def qr_commands(data: bytes) -> list[tuple[int, int, bytes]]:
    """Every GS ( k command in printer bytes: (cn, fn, parameters), its length checked."""
    found, at = [], data.find(GS_K)
    while at >= 0:
        length = data[at + 3] + 256 * data[at + 4]
        body = data[at + 5: at + 5 + length]
        assert len(body) == length, "GS ( k runs past the end of the bytes"
        found.append((body[0], body[1], body[2:]))
        at = data.find(GS_K, at + 5 + length)
    return found


def qr_symbols(data: bytes) -> list[dict]:
    """The QR codes the printer would print: settings in force when each is printed."""
    symbols, state, stored = [], {}, None
    for cn, fn, params in qr_commands(data):
        assert cn == 0x31  # QR code
        if fn == 0x41:
            state["model"] = params[0] - 0x30
            assert params[1] == 0
        elif fn == 0x43:
            state["size"] = params[0]
        elif fn == 0x45:
            state["error"] = "LMQH"[params[0] - 48]
        elif fn == 0x50:
            assert params[0] == 0x30
            stored = params[1:].decode("utf-8")
        elif fn == 0x51:
            assert params == b"\x30" and stored is not None
            symbols.append({**state, "data": stored})
            stored = None
        else:
            raise AssertionError(f"unexpected QR function {fn:#x}")
    return symbols


def set_einvoice(db, value: str):
    return change_setting(db, key="einvoice_qr", value_text=json.dumps(value, ensure_ascii=False),
                          staff_id=None)


def test_gs_k_bytes_are_the_printers_qr_commands():
    data = qr_bytes("RECEIPT:T01-000001;CHECK:ABCD-0123-4567-89AB", size=5)
    assert data.startswith(b"\x1ba\x01") and data.endswith(b"\x1ba\x00")  # centred
    assert data[3:] .startswith(b"\x1d(k\x04\x00\x31\x41\x32\x00")  # model 2
    assert b"\x1d(k\x03\x00\x31\x43\x05" in data  # 5 dots a module
    assert b"\x1d(k\x03\x00\x31\x45\x31" in data  # error correction M
    assert b"\x1d(k\x2f\x00\x31\x50\x30RECEIPT:T01-000001;CHECK:ABCD-0123-4567-89AB" in data
    assert data.index(b"\x31\x50\x30") < data.index(b"\x1d(k\x03\x00\x31\x51\x30")  # then print
    assert qr_symbols(data) == [{"model": 2, "size": 5, "error": "M",
                                 "data": "RECEIPT:T01-000001;CHECK:ABCD-0123-4567-89AB"}]
    long = "开票" * 150  # 900 bytes of UTF-8: the length takes both pL and pH
    store = next(c for c in qr_commands(qr_bytes(long)) if c[1] == 0x50)
    assert len(store[2]) == 1 + 900 and qr_bytes(long).count(bytes((903 % 256, 903 // 256))) >= 1
    assert qr_symbols(qr_bytes(long))[0]["data"] == long
    for bad in ("", "x" * 7090):
        with pytest.raises(ValueError):
            qr_bytes(bad)


def test_the_printer_gets_the_receipt_qr_and_the_einvoice_qr(sqlite_demo_db):
    db = sqlite_demo_db
    with TcpTestPrinter() as printer:
        sale = sell(db, printer.uri, cash=False)
        run_due_jobs(db, terminal="T01", timeout=2)
        plain = printer.connections[-1]
        set_einvoice(db, EINVOICE)
        print_queue.enqueue(db, terminal="T01", ref=sale.receipt_no, reprint=True,
                            request=PrintRequest("receipt", printer.uri, options={"paper_mm": 80}))
        run_due_jobs(db, terminal="T01", timeout=2)
        copy = printer.connections[-1]
    check = load_sale(db, receipt_no=sale.receipt_no).journal_check
    assert len(check) == 19 and check.count("-") == 3
    own = receipt_qr_text(sale.receipt_no, check)
    assert qr_symbols(plain) == [{"model": 2, "size": 4, "error": "M", "data": own}]  # 58 mm
    assert qr_symbols(copy) == [{"model": 2, "size": 6, "error": "M", "data": own},
                                {"model": 2, "size": 6, "error": "M", "data": EINVOICE}]
    caption = copy.index(EINVOICE_CAPTION[1].encode("gb18030"))
    assert copy.index(EINVOICE_CAPTION[0].encode()) < caption < copy.rindex(GS_K)
    assert copy.index(GS_K) < copy.rindex(b"\x1dV")  # before the cut
    assert verify_receipt(db, receipt_no=sale.receipt_no, value=own).matches


@pytest.mark.parametrize("width, dots", [(32, 384), (48, 576)])
def test_a_long_einvoice_qr_still_fits_the_paper(width, dots):
    from printing.qr import module_size, modules

    longest = "https://fapiao.example.cn/s?q=" + "开" * 270  # 300 characters, 840 bytes
    assert len(longest) == 300
    size = module_size(longest, width=width)
    assert 1 <= size < (4 if width == 32 else 6) and modules(longest) * size <= dots
    assert module_size("RECEIPT:T01-000001;CHECK:ABCD-0123-4567-89AB", width=width) == (
        4 if width == 32 else 6)


def scan_pdf(pdf_path, tmp_path) -> list[str]:
    if shutil.which("pdftoppm") is None or shutil.which("zbarimg") is None:
        pytest.skip("pdftoppm (poppler-utils) and zbarimg (zbar-tools) are needed")
    prefix = tmp_path / pdf_path.stem
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf_path), str(prefix)],
                   check=True)
    scanned = subprocess.run(["zbarimg", "-q", str(prefix) + ".png"], capture_output=True)
    return scanned.stdout.decode("utf-8").splitlines()


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_the_receipt_preview_shows_the_same_qr_codes_read_back_with_zbar(
        sqlite_demo_db, tmp_path, paper_mm):
    db = sqlite_demo_db
    set_einvoice(db, EINVOICE)
    folder = tmp_path / "prints"
    cart_sale = sell(db, f"pdf://{folder}", cash=True)
    # sell() asks 58 mm; the 80 mm preview is a reprint at that width
    if paper_mm == 80:
        print_queue.enqueue(db, terminal="T01", ref=cart_sale.receipt_no, reprint=True,
                            request=PrintRequest("receipt", f"pdf://{folder}/80",
                                                 options={"paper_mm": 80}))
    assert all(o.printed for o in run_due_jobs(db, terminal="T01"))
    pdf = next((folder / "80").glob("*.pdf")) if paper_mm == 80 else folder / f"{cart_sale.receipt_no}.pdf"
    codes = scan_pdf(pdf, tmp_path)
    own = next(c for c in codes if c.startswith("QR-Code:RECEIPT:"))[len("QR-Code:"):]
    assert f"QR-Code:{EINVOICE}" in codes
    assert f"CODE-128:{cart_sale.receipt_no}" in codes  # the receipt number's barcode still reads
    receipt_no, check = parse_receipt_qr(own)
    assert receipt_no == cart_sale.receipt_no
    result = verify_receipt(db, receipt_no=receipt_no, value=check)
    assert result.matches and result.journal_intact


def test_a_receipt_without_the_setting_has_no_einvoice_qr(sqlite_demo_db, tmp_path):
    db = sqlite_demo_db
    sale = sell(db, f"pdf://{tmp_path}", cash=False)
    run_due_jobs(db, terminal="T01")
    codes = [c for c in scan_pdf(tmp_path / f"{sale.receipt_no}.pdf", tmp_path)
             if c.startswith("QR-Code:")]
    assert len(codes) == 1 and codes[0].startswith(f"QR-Code:RECEIPT:{sale.receipt_no};CHECK:")


def test_a_returned_receipt_is_checked_against_the_journal(demo_db, capsys):
    db = demo_db
    first = sell(db, "pdf:///tmp/h15-unused", cash=False)
    second = sell(db, "pdf:///tmp/h15-unused", cash=False)
    check = load_sale(db, receipt_no=first.receipt_no).journal_check
    other = load_sale(db, receipt_no=second.receipt_no).journal_check
    assert check != other
    good = verify_receipt(db, receipt_no=first.receipt_no, value=check)
    assert (good.matches, good.journal_intact, good.journal_check) == (True, True, check)
    # typed back without dashes, in lower case, or scanned whole: the same value
    assert verify_receipt(db, receipt_no=first.receipt_no, value=check.replace("-", "").lower()).matches
    assert verify_receipt(db, receipt_no=first.receipt_no,
                          value=receipt_qr_text(first.receipt_no, check)).matches
    # another receipt's value, a QR of another receipt, a value cut short: no match
    assert not verify_receipt(db, receipt_no=first.receipt_no, value=other).matches
    assert not verify_receipt(db, receipt_no=first.receipt_no,
                              value=receipt_qr_text(second.receipt_no, other)).matches
    assert not verify_receipt(db, receipt_no=first.receipt_no, value=check[:14]).matches
    with pytest.raises(UserError) as refused:
        verify_receipt(db, receipt_no="T01-999999", value=check)
    assert refused.value.message_id == "sale.no_receipt"
    # the command line: pos journal verify --anchor with the printed value
    assert main([f"--db={db.url}", "journal", "verify", "--anchor", check]) == 0
    assert "found" in capsys.readouterr().out
    # a sale altered behind the journal's back: the value still matches, the journal does not
    with db.unit_of_work() as session:
        session.execute(update(Sale).where(Sale.receipt_no == first.receipt_no)
                        .values(total=Sale.total + 100))
    altered = verify_receipt(db, receipt_no=first.receipt_no, value=check)
    assert altered.matches and not altered.journal_intact


@pytest.mark.parametrize("value, ok", [
    ("", ""), ("  https://fapiao.example.cn/s/T01  ", "https://fapiao.example.cn/s/T01"),
    ("请到前台开票，电话 021-5555 0000", "请到前台开票，电话 021-5555 0000"),
    ("x" * 300, "x" * 300), ("x" * 301, None), ("ftp://files.example.cn/a", None),
    ("https://", None), ("https://fapiao example.cn", None), ("line\nbreak", None),
    (42, None), (["https://a.cn"], None),
])
def test_the_einvoice_setting_takes_a_web_address_or_text_up_to_300(sqlite_demo_db, value, ok):
    db = sqlite_demo_db
    text = json.dumps(value, ensure_ascii=False)
    if ok is None:
        with pytest.raises(UserError) as refused:
            change_setting(db, key="einvoice_qr", value_text=text, staff_id=None)
        assert refused.value.message_id == "setting.bad_value"
        assert "einvoice_qr" in str(refused.value)
        with db.read_connection() as conn:
            from pos.store.settings import get_setting
            assert get_setting(conn, "einvoice_qr") == ""  # nothing changed
    else:
        change = change_setting(db, key="einvoice_qr", value_text=text, staff_id=None)
        assert change.new == ok
