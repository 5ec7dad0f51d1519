"""The configuration sheet as a complete document: the sale's grand total and, on the
Chinese sheet, the amount in capitals (大写); quantities and unit prices; what else was
sold with the unit or with the sale; the store-stamp box and dated signatures; and the
blank pad's prices and legend."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from pos.kernel.money import chinese_capitals
from pos.people import customers, staff
from pos.printjobs.records import load_blank_sheet, load_card, load_sale
from pos.selling import cards, checkout, completion, sheet
from pos.selling.cart import TenderInput
from printing.card_pdf import card_certificate_pdf
from printing.pdf_common import day, money
from printing.pdf_labels import LABELS, STATE_WORDS
from printing.sheet_pdf import blank_sheet_pdf, sheet_pdf
from tests.printing.test_sheet_pdf import NOTEBOOK, SALE_DAY, chinese_database, pages_text


@pytest.mark.parametrize("fen, words", [
    (753690, "人民币柒仟伍佰叁拾陆元玖角整"),
    (100505, "人民币壹仟零伍元零伍分"),
    (0, "人民币零元整"),
    (5, "人民币伍分"),
    (90, "人民币玖角整"),
    (1000, "人民币壹拾元整"),
    (100000, "人民币壹仟元整"),
    (1000000, "人民币壹万元整"),
    (1010000, "人民币壹万零壹佰元整"),
    (10001000, "人民币壹拾万零壹拾元整"),
    (129900, "人民币壹仟贰佰玖拾玖元整"),
    (10000000000, "人民币壹亿元整"),
    (10001000000, "人民币壹亿零壹万元整"),
    (10100000000, "人民币壹亿零壹佰万元整"),
    (2000000005, "人民币贰仟万元零伍分"),
    (-12345, "人民币负壹佰贰拾叁元肆角伍分"),
])
def test_chinese_capitals(fen, words):
    assert chinese_capitals(fen) == words


def test_chinese_capitals_refuses_floats():
    with pytest.raises(TypeError):
        chinese_capitals(12.5)


# ------------------------------------------------------------------ the blank pad


@pytest.fixture(scope="module")
def zh_db(tmp_path_factory):
    db = chinese_database(tmp_path_factory.mktemp("zh_complete") / "zh.db")
    yield db
    db.dispose()


@pytest.mark.parametrize("size", ["A4", "A5"])
def test_a_chinese_blank_sheet_prints_every_pack_price_whole(zh_db, size):
    store, sheet = load_blank_sheet(zh_db, layout="desktop_pc")
    text = "\n".join(pages_text(blank_sheet_pdf(store, sheet, page_size=size, locale="zh_CN")))
    packs = [item for item in sheet.items if item.price is not None and not item.gift]
    assert packs
    for item in packs:
        assert f"礼包价 {money(item.price, currency=store.currency, locale='zh_CN')}" in text
    assert "...." not in text and "..." not in text


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_legend_names_the_state_the_rows_print(lang):
    assert LABELS[lang]["legend_taken"].casefold() == STATE_WORDS[lang]["sold"].casefold()
    assert LABELS[lang]["legend_declined"].casefold() == STATE_WORDS[lang]["declined"].casefold()
    assert LABELS[lang]["legend_empty"].casefold() == STATE_WORDS[lang]["not_offered"].casefold()
    assert "taken" not in LABELS[lang]["summary"]


# ------------------------------------------------------------------ a sale's sheet


def sell_with_scans(db, *, scans=(("PRO-CLN-PC", 1), ("CBL-HDMI-3M", 2)),
                    customer_name="陈杰"):
    """A notebook with its sheet ticked (bag, mouse sold; film declined), a gold card,
    and products scanned rather than ticked: a cleaning kit its sheet lists and two
    HDMI cables it does not."""
    cashier = next(s.id for s in staff.list_staff(db) if s.role.value == "cashier")
    cart = checkout.open_cart(db, staff_id=cashier, terminal="T01")
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    rows = {row.code: row for row in sheet.sheet_rows(db, cart, main_line_id=unit.line_id)}
    for item_code, outcome in (("bag", "sold"), ("wireless-mouse", "sold"),
                               ("screen-film", "declined")):
        sheet.mark_item(db, cart, main_line_id=unit.line_id, item_id=rows[item_code].item_id,
                        outcome=outcome)
    for code, quantity in scans:
        checkout.add_product(db, cart, code=code, quantity=quantity)
    phone = "138-0013-8000"
    customer = (customers.find_customer(db, phone=phone)
                or customers.create_customer(db, phone=phone, name=customer_name))
    checkout.set_customer(db, cart, customer_id=customer.id)
    tier = next(offer for offer in cards.eligible_tiers(db, cart, main_line_id=unit.line_id)
                if offer.code == "gold")
    cards.add_card(db, cart, main_line_id=unit.line_id, tier_id=tier.tier_id)
    checkout.set_serial(db, cart, line_id=unit.line_id, serial="PF3SCAN1")
    due = sum(line.total for line in cart.lines)
    done = completion.complete_sale(db, cart, tenders=[TenderInput("cash", due)],
                                    business_date=SALE_DAY)
    return load_sale(db, receipt_no=done.receipt_no)


@pytest.fixture(scope="module")
def zh_scanned(zh_db):
    return sell_with_scans(zh_db)


@pytest.fixture
def en_scanned(sqlite_demo_db):
    return sell_with_scans(sqlite_demo_db, customer_name="Chen Jie")


def sheet_lines(data: bytes) -> list[str]:
    return "\n".join(pages_text(data)).splitlines()


def test_the_chinese_sheet_prints_the_sale_total_and_its_capitals(zh_scanned):
    text = "\n".join(pages_text(sheet_pdf(zh_scanned, locale="zh_CN")))
    total = money(zh_scanned.total, currency="CNY", locale="zh_CN")
    assert f"合计 {total}" in text
    assert f"合计金额（大写） {chinese_capitals(zh_scanned.total)}" in text
    assert text.count(chinese_capitals(zh_scanned.total)) == 3  # on each copy


def test_the_english_sheet_prints_the_sale_total_without_capitals(en_scanned):
    text = "\n".join(pages_text(sheet_pdf(en_scanned, locale="en")))
    assert f"Sale total {money(en_scanned.total, currency='CNY', locale='en')}" in text
    assert "人民币" not in text


def test_a_scanned_product_the_sheet_lists_shows_as_sold(zh_scanned):
    lines = sheet_lines(sheet_pdf(zh_scanned, copies=("customer",), locale="zh_CN"))
    row = next(line for line in lines if "清洁套装" in line and "屏幕键盘" in line)
    assert "已售" in row


def test_products_on_no_checklist_row_are_listed_with_quantity_and_unit_price(zh_scanned):
    cable = next(line for line in zh_scanned.lines if line.sku == "CBL-HDMI-3M")
    assert cable.parent is None and cable.quantity == 2
    lines = sheet_lines(sheet_pdf(zh_scanned, copies=("customer",), locale="zh_CN"))
    assert any("其他商品" in line for line in lines)
    row = next(line for line in lines if cable.name in line)
    each = money(cable.unit_price, currency="CNY", locale="zh_CN")
    amount = money(cable.line_total, currency="CNY", locale="zh_CN")
    assert "已售" in row and " 2 " in f" {row} " and each in row and amount in row
    assert cable.line_total == 2 * cable.unit_price


def test_the_sheet_has_a_stamp_box_and_dated_signatures(zh_scanned, en_scanned):
    zh = "\n".join(pages_text(sheet_pdf(zh_scanned, copies=("customer",), locale="zh_CN")))
    assert "门店盖章" in zh and zh.count("日期：") == 3
    en = "\n".join(pages_text(sheet_pdf(en_scanned, copies=("customer",), locale="en")))
    assert "Store stamp" in en and en.count("Date: ") == 3


@pytest.mark.parametrize("size", ["A4", "A5"])
def test_the_completed_sheet_still_fits_its_page(zh_scanned, size):
    reader = PdfReader(io.BytesIO(sheet_pdf(zh_scanned, copies=("customer",), page_size=size,
                                            locale="zh_CN")))
    assert len(reader.pages) <= 2


# ------------------------------------------------------------------ the card certificate


def certificate_text(db, sale, locale: str) -> tuple[str, object]:
    store, card = load_card(db, card_no=sale.cards[0].card_no)
    return pages_text(card_certificate_pdf(store, card, locale=locale))[0], card


def test_the_certificate_terms_come_from_the_tier_with_its_dates(en_scanned, sqlite_demo_db):
    text, card = certificate_text(sqlite_demo_db, en_scanned, "en")
    flat = " ".join(text.split())
    assert card.tier_name == "Gold card" and card.end_date is not None
    start, end = day(card.start_date, locale="en"), day(card.end_date, locale="en")
    assert f"Valid from {start} to {end}." in flat
    assert card.description not in flat  # the store's note; the terms are generated
    assert "It covers one unit:" in flat and "PF3SCAN1" in flat
    assert "On-site service" in flat and "Carry-in service" not in flat


def test_a_carry_in_lifetime_card_says_so_in_chinese(zh_db, zh_scanned):
    store, card = load_card(zh_db, card_no=zh_scanned.cards[0].card_no)
    silver = replace(card, tier_name="银卡", description="终身送修软件服务", end_date=None,
                     service_mode="carry_in", units_covered=10)
    text = " ".join(pages_text(card_certificate_pdf(store, silver, locale="zh_CN"))[0].split())
    assert f"自 {day(card.start_date, locale='zh_CN')} 起终身有效" in text
    assert "终身送修软件服务" not in text
    assert "送修服务" in text and "上门服务承诺" not in text
    assert "最多保 10 台" in text


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_each_sold_row_has_quantity_unit_price_and_amount(lang, zh_scanned, en_scanned):
    sale = zh_scanned if lang == "zh_CN" else en_scanned
    lines = sheet_lines(sheet_pdf(sale, copies=("customer",), locale=lang))
    assert any(LABELS[lang]["qty"] in line and LABELS[lang]["each"] in line for line in lines)
    for item in sale.sheets[0].items:
        if item.outcome != "sold":
            continue
        row = next(line for line in lines if item.product_name in line)
        price = money(item.price, currency="CNY", locale=lang)
        assert row.endswith(f" 1 {price} {price}"), row


@pytest.mark.parametrize("size", ["A4", "A5"])
def test_a_blank_pad_has_lines_for_the_total_and_its_capitals(zh_db, size):
    store, sheet = load_blank_sheet(zh_db, layout="notebook")
    pages = pages_text(blank_sheet_pdf(store, sheet, page_size=size, locale="zh_CN"))
    last = " ".join(pages[-1].split())
    assert "合计金额（大写）" in last and "合计 ¥" in last
    assert "门店盖章" in last and last.count("日期：") == 3
