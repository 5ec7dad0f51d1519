"""The configuration sheet PDF: a real sale from the demo store (English and Chinese),
read back with pypdf (and pdftotext, as a proxy for glyphs that really render)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date, timezone

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, A5

from pos.db import schema
from pos.db.engine import Database
from pos.demo.loader import load_demo
from pos.kernel.errors import UserError
from pos.people import customers, staff
from pos.printjobs.records import (
    SaleRecord, SheetItemRecord, StoreHeader, UnitSheet, load_blank_sheet, load_sale,
)
from pos.selling import cards, checkout, completion, sheet
from pos.selling.cart import TenderInput
from printing.fonts import font_for, text_runs
from printing.sheet_pdf import blank_sheet_pdf, sheet_pdf

NOTEBOOK = "6923150020022"
LAYOUTS = ("desktop_pc", "notebook", "digital", "phone")
STATES = {"en": ("SOLD", "DECLINED", "not offered"), "zh_CN": ("已售", "拒绝", "未推荐")}
STATE_OF = {"en": {"SOLD": "sold", "DECLINED": "declined", "not offered": "not_offered"},
            "zh_CN": {"已售": "sold", "拒绝": "declined", "未推荐": "not_offered"}}
SALE_DAY = date(2026, 11, 23)


# ------------------------------------------------------------------ building sales


def sell_unit(db: Database, *, code: str = NOTEBOOK, serial: str = "PF3ABC12",
              marks: tuple[tuple[str, str], ...] = (("bag", "sold"), ("wireless-mouse", "sold"),
                                                   ("screen-film", "declined")),
              card: str | None = "gold", customer_name: str = "Chen Jie") -> SaleRecord:
    """A completed sale of one main unit with its sheet marked, as the till makes it."""
    cashier = next(s.id for s in staff.list_staff(db) if s.role.value == "cashier")
    cart = checkout.open_cart(db, staff_id=cashier, terminal="T01")
    unit = checkout.add_product(db, cart, code=code)
    rows = {row.code: row for row in sheet.sheet_rows(db, cart, main_line_id=unit.line_id)}
    for item_code, outcome in marks:
        sheet.mark_item(db, cart, main_line_id=unit.line_id, item_id=rows[item_code].item_id,
                        outcome=outcome)
    phone = "138-0013-8000"
    customer = (customers.find_customer(db, phone=phone)
                or customers.create_customer(db, phone=phone, name=customer_name))
    checkout.set_customer(db, cart, customer_id=customer.id)
    if card is not None:
        tier = next(offer for offer in cards.eligible_tiers(db, cart, main_line_id=unit.line_id)
                    if offer.code == card)
        cards.add_card(db, cart, main_line_id=unit.line_id, tier_id=tier.tier_id)
    checkout.set_serial(db, cart, line_id=unit.line_id, serial=serial)
    due = sum(line.total for line in cart.lines)
    done = completion.complete_sale(db, cart, tenders=[TenderInput("cash", due)],
                                    business_date=SALE_DAY)
    return load_sale(db, receipt_no=done.receipt_no)


def chinese_database(path) -> Database:
    db = Database(f"sqlite:///{path}")
    schema.upgrade(db.engine)
    load_demo(db, locale="zh_CN")
    return db


@pytest.fixture(scope="module")
def zh_db(tmp_path_factory):
    db = chinese_database(tmp_path_factory.mktemp("zh") / "zh.db")
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def zh_sale(zh_db) -> SaleRecord:
    return sell_unit(zh_db, customer_name="陈杰")


@pytest.fixture
def en_sale(sqlite_demo_db) -> SaleRecord:
    return sell_unit(sqlite_demo_db)


# ------------------------------------------------------------------ reading back


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def states_read_back(text: str, items, lang: str) -> dict[str, str]:
    """Item name -> the outcome its row's state word says (the word printed beside the
    box, on the same line as the item's name)."""
    words = "|".join(re.escape(word) for word in STATES[lang])
    found = {}
    for item in items:
        pattern = rf"^({words}) {re.escape(item.name)}(\s|$)"
        lines = [m.group(1) for m in re.finditer(pattern, text, flags=re.MULTILINE)]
        if lines:
            found[item.name] = STATE_OF[lang][lines[0]]
    return found


def item(record: SaleRecord, code: str):
    return next(i for i in record.sheets[0].items if i.code == code)


# ------------------------------------------------------------------ the sale's sheet


def test_every_item_reads_back_with_its_own_state_word(en_sale):
    first_page = pages_text(sheet_pdf(en_sale, locale="en"))[0]
    items = en_sale.sheets[0].items
    states = states_read_back(first_page, items, "en")
    assert states == {i.name: i.outcome for i in items}
    assert states["Notebook bag"] == "sold"
    assert states["Screen film"] == "declined"
    assert states["Cooling pad"] == "not_offered"


def test_a_sold_item_shows_the_product_and_its_price(en_sale):
    text = pages_text(sheet_pdf(en_sale, locale="en"))[0]
    bag = item(en_sale, "bag")
    line = next(line for line in text.splitlines() if line.startswith("SOLD Notebook bag"))
    assert bag.product_name in line and "399.00" in line


def test_three_copies_come_in_order_customer_store_installer(en_sale):
    pages = pages_text(sheet_pdf(en_sale, locale="en"))
    assert len(pages) == 3
    labels = ["CUSTOMER COPY", "STORE COPY", "INSTALLER COPY"]
    for page, label in zip(pages, labels):
        assert label in page
        assert [other for other in labels if other in page] == [label]


def test_the_sheet_carries_receipt_number_customer_serial_salesperson_and_card(en_sale):
    text = pages_text(sheet_pdf(en_sale, copies=("store",), locale="en"))[0]
    card = en_sale.cards[0]
    for expected in (en_sale.receipt_no, "Chen Jie", "PF3ABC12", en_sale.staff_name,
                     card.card_no, card.tier_name, "Notebook configuration sheet",
                     "Maker's warranty", "12 months",
                     "On-site software service for 36 months from the sale (to Nov 23, 2029)"):
        assert expected in text


def test_one_copy_can_be_printed_alone(en_sale):
    pages = pages_text(sheet_pdf(en_sale, copies=("installer",), locale="en"))
    assert len(pages) == 1 and "INSTALLER COPY" in pages[0]


@pytest.mark.parametrize("size, expected", [("A4", A4), ("A5", A5)])
def test_a4_and_a5_pages_have_their_paper_size(en_sale, size, expected):
    for page in PdfReader(io.BytesIO(sheet_pdf(en_sale, page_size=size, locale="en"))).pages:
        assert float(page.mediabox.width) == pytest.approx(expected[0], abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(expected[1], abs=0.5)


def test_an_a5_sheet_still_reads_every_item(en_sale):
    text = pages_text(sheet_pdf(en_sale, copies=("customer",), page_size="A5", locale="en"))
    items = en_sale.sheets[0].items
    assert states_read_back("\n".join(text), items, "en") == {i.name: i.outcome for i in items}


def test_the_chinese_sheet_reads_back_in_chinese(zh_sale):
    pages = pages_text(sheet_pdf(zh_sale, locale="zh_CN"))
    first = pages[0]
    bag = item(zh_sale, "bag")
    assert "配置单" in first and bag.product_name in first
    assert "客户联" in first and "存根联" in pages[1] and "安装联" in pages[2]
    states = states_read_back(first, zh_sale.sheets[0].items, "zh_CN")
    assert states[bag.name] == "sold"
    assert states[item(zh_sale, "screen-film").name] == "declined"
    assert states[item(zh_sale, "cooling-pad").name] == "not_offered"
    assert zh_sale.receipt_no in first and "厂商保修" in first and "12个月" in first
    assert "自购买之日起上门软件服务36个月（至2029年11月23日）" in first


def test_chinese_glyphs_render_according_to_pdftotext(zh_sale):
    """pdftotext maps each glyph through the font's CMap: a character the font lacks
    comes back missing, so finding the Chinese words means they have glyphs."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-", "-"],
                            input=sheet_pdf(zh_sale, locale="zh_CN"), capture_output=True,
                            check=True)
    if b"Missing language pack" in result.stderr:
        pytest.skip("poppler-data (the Adobe-GB1 CMaps) is not installed")
    text = result.stdout.decode("utf-8")
    bag = item(zh_sale, "bag")
    for expected in ("配置单", "已售", "拒绝", "未推荐", "客户联", bag.name, bag.product_name,
                     zh_sale.staff_name, "服务卡", "金卡"):
        assert expected in text


def test_the_receipt_barcode_scans_on_a_tinted_a5_copy(en_sale, tmp_path):
    """Installers scan the sheet to find the sale: render the pink A5 store copy (the
    smallest barcode on the least contrast) and decode it like a scanner would."""
    if shutil.which("pdftoppm") is None or shutil.which("zbarimg") is None:
        pytest.skip("pdftoppm (poppler-utils) and zbarimg (zbar-tools) are needed")
    pdf = tmp_path / "store_copy.pdf"
    pdf.write_bytes(sheet_pdf(en_sale, copies=("store",), page_size="A5", locale="en"))
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / "page")],
                   check=True)
    image = next(tmp_path.glob("page*.png"))
    scanned = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True)
    assert scanned.stdout.decode().split() == [en_sale.receipt_no]


def test_a_sale_without_a_main_unit_has_no_sheet(sqlite_demo_db):
    db = sqlite_demo_db
    cashier = next(s.id for s in staff.list_staff(db) if s.role.value == "cashier")
    cart = checkout.open_cart(db, staff_id=cashier, terminal="T01")
    checkout.add_product(db, cart, code="BAG-NB-156")
    done = completion.complete_sale(db, cart, tenders=[TenderInput("cash", cart.lines[0].total)])
    with pytest.raises(UserError):
        sheet_pdf(load_sale(db, receipt_no=done.receipt_no))


def test_unknown_page_sizes_and_copies_are_refused(en_sale):
    with pytest.raises(UserError):
        sheet_pdf(en_sale, page_size="Letter")
    with pytest.raises(UserError):
        sheet_pdf(en_sale, copies=("accounts",))


# ------------------------------------------------------------------ blank sheets


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_blank_sheet_lists_every_item_with_nothing_marked(sqlite_demo_db, layout):
    store, sheet = load_blank_sheet(sqlite_demo_db, layout=layout)
    text = "\n".join(pages_text(blank_sheet_pdf(store, sheet, locale="en")))
    assert sheet.template_name in text
    for entry in sheet.items:
        assert entry.name in text
        assert entry.candidates[0][:12] in text
    assert "SOLD" not in text and "DECLINED" not in text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_chinese_blank_sheet_has_no_sold_state(zh_db, layout):
    store, sheet = load_blank_sheet(zh_db, layout=layout)
    for size in ("A4", "A5"):
        pages = pages_text(blank_sheet_pdf(store, sheet, page_size=size, locale="zh_CN"))
        text = "\n".join(pages)
        assert "配置单" in text
        assert all(page.count("已售") == 1 for page in pages)  # in the legend, on no row
        assert all(entry.name in text for entry in sheet.items)


def long_sheet() -> tuple[StoreHeader, UnitSheet]:
    store = StoreHeader("Tickbox Digital", "1 Hongqiao Road", "021-6448 7000", "", "CNY", "en", "")
    items = tuple(SheetItemRecord(f"Section {n // 10}", f"item-{n}", f"Item number {n}",
                                  "not_offered", None, None, (f"Product {n}",))
                  for n in range(70))
    return store, UnitSheet("notebook", "Notebook configuration sheet", None, None, None, items,
                            None, ())


def test_a_sheet_too_long_for_a_page_continues_with_the_header_repeated():
    store, sheet = long_sheet()
    pages = pages_text(blank_sheet_pdf(store, sheet, page_size="A5", locale="en"))
    assert len(pages) >= 3
    for page in pages:
        assert "Notebook configuration sheet" in page and "Receipt no." in page
    assert "(continued)" in pages[1]
    assert "Customer signature" in pages[-1] and "Customer signature" not in pages[0]
    text = "\n".join(pages)
    assert all(text.count(f"Item number {n}\n") + text.count(f"Item number {n} ") == 1
               for n in range(70))


def test_a_sheet_without_items_still_prints_its_form():
    store, sheet = long_sheet()
    empty = UnitSheet("phone", "Phone sheet", "Phone X", 99900, "356938035643809", (), None, ())
    pages = pages_text(blank_sheet_pdf(store, empty, locale="en"))
    assert len(pages) == 1 and "Phone sheet" in pages[0] and "Customer signature" in pages[0]


# ------------------------------------------------------------------ fonts


def test_fonts_put_latin_in_the_latin_font_and_chinese_in_the_chinese_font():
    assert font_for("Gold card ¥399.00") == "LiberationSans"
    assert font_for("Gold card", bold=True) == "LiberationSans-Bold"
    assert font_for("金卡") == "DroidSansFallback"
    assert text_runs("联想小新 Pro 14") == (("DroidSansFallback", "联想小新"), ("LiberationSans", " Pro 14"))


def test_the_sale_time_is_printed_in_local_time(en_sale):
    text = pages_text(sheet_pdf(en_sale, copies=("customer",), locale="en"))[0]
    stored = en_sale.completed_at
    utc = stored if stored.tzinfo else stored.replace(tzinfo=timezone.utc)
    assert f"{utc.astimezone():%H:%M}" in text
