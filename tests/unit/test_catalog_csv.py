"""Every way a catalog CSV can be wrong gets a `line N, column: reason` message."""

import pytest

from pos.catalog.catalog_file import CATALOG_HEADER, validate_product_rows
from pos.kernel.csvio import ErrorList, decode_csv_bytes, read_rows
from pos.kernel.errors import UserError

HEADER = ",".join(CATALOG_HEADER)
GOOD = "NB1,6901234567892,Notebook 14,NOTEBOOK,4999.00,4700,5,mainstream,yes,13"
CATEGORIES = {"NOTEBOOK": 1, "BAGS": 2}


def errors_for(text: str, barcode_owner: dict[str, str] | None = None) -> list[str]:
    errors = ErrorList()
    rows = read_rows(text, CATALOG_HEADER, errors)
    validate_product_rows(rows, CATEGORIES, barcode_owner or {}, errors, "CNY")
    return [str(error) for error in errors.errors]  # each error in English


def test_a_good_file_has_no_errors():
    assert errors_for(f"{HEADER}\n{GOOD}\n") == []


@pytest.mark.parametrize(
    "row, expected",
    [
        ("NB2,,Bag,NOPE,10,5,1,none,no,13", "line 2, category: unknown category 'NOPE'"),
        ("NB2,6901234567893,Bag,BAGS,10,5,1,none,no,13", "line 2, barcode: barcode '6901234567893' has a bad check digit"),
        ("NB2,,Bag,BAGS,-10,5,1,none,no,13", "line 2, price: '-10' is negative"),
        ("NB2,,Bag,BAGS,10,-5,1,none,no,13", "line 2, cost: '-5' is negative"),
        ("NB2,,Bag,BAGS,10,5,-1,none,no,13", "line 2, stock: '-1' is negative"),
        ("NB2,,Bag,BAGS,ten,5,1,none,no,13", "line 2, price: 'ten' is not an amount"),
        ("NB2,,Bag,BAGS,10.001,5,1,none,no,13", "line 2, price: '10.001' has more than 2 decimal places"),
        ("NB2,,Bag,BAGS,10,5,1.5,none,no,13", "line 2, stock: '1.5' is not a whole number"),
        ("NB2,,Bag,BAGS,10,5,1,cheap,no,13", "line 2, role: 'cheap' is not one of traffic, mainstream, resource, none"),
        ("NB2,,Bag,BAGS,10,5,1,none,maybe,13", "line 2, serial_tracked: 'maybe' is not yes or no"),
        ("NB2,,Bag,BAGS,10,5,1,none,no,abc", "line 2, vat_rate: 'abc' is not a percentage"),
        ("NB2,,Bag,BAGS,10,5,1,none,no,130", "line 2, vat_rate: '130' is over 100%"),
        (",,Bag,BAGS,10,5,1,none,no,13", "line 2, sku: is empty"),
        ("NB 2,,Bag,BAGS,10,5,1,none,no,13", "line 2, sku: 'NB 2' must be at most 40 characters, no spaces"),
        ("NB2,,,BAGS,10,5,1,none,no,13", "line 2, name: is empty"),
        ("NB2,,Bag,BAGS,10,5", "line 2, row: has 6 fields, the header has 10"),
        ("NB2,,Bag,BAGS,,5,1,none,no,13", "line 2, price: an amount is required"),
    ],
)
def test_each_bad_field_is_reported_with_line_and_column(row, expected):
    found = errors_for(f"{HEADER}\n{row}\n")
    assert any(message.startswith(expected) for message in found), found


def test_duplicate_sku_and_barcode_in_the_file_name_the_first_line():
    found = errors_for(f"{HEADER}\n{GOOD}\n{GOOD}\n")
    assert "line 3, sku: 'NB1' already appears on line 2" in found
    assert "line 3, barcode: 6901234567892 already appears on line 2" in found


def test_barcode_of_another_product_in_the_database_is_a_clash():
    found = errors_for(f"{HEADER}\n{GOOD}\n", barcode_owner={"6901234567892": "OTHER"})
    assert found == ["line 2, barcode: 6901234567892 belongs to product OTHER"]


def test_barcode_may_stay_with_its_own_product_or_move_from_one_in_the_file():
    assert errors_for(f"{HEADER}\n{GOOD}\n", barcode_owner={"6901234567892": "NB1"}) == []
    moved = f"{HEADER}\n{GOOD}\nOLD,,Old,NOTEBOOK,1,1,1,none,no,13\n"
    assert errors_for(moved, barcode_owner={"6901234567892": "OLD"}) == []


def test_missing_and_unknown_columns_are_reported_on_the_header_line():
    found = errors_for("sku,name,colour\nA,B,C\n")
    assert "line 1, header: missing column(s): barcode, category, price, cost, stock, role, serial_tracked, vat_rate" in found
    assert "line 1, header: unknown column(s): colour" in found


def test_every_error_in_the_file_is_listed_not_just_the_first():
    text = f"{HEADER}\nA,,x,NOPE,1,1,1,none,no,13\nB,,y,BAGS,-1,1,1,none,no,13\n"
    assert len(errors_for(text)) == 2


def test_columns_may_come_in_any_order_and_blank_lines_are_skipped():
    header = "name,sku,barcode,category,price,cost,stock,role,serial_tracked,vat_rate"
    assert errors_for(f"{header}\n\nBag,B1,,BAGS,10,5,1,,no,13\n") == []


def test_quoted_multiline_field_keeps_the_line_it_starts_on():
    # A name is one line (a receipt prints it as one): the line break is refused, on the
    # line where the field starts, and the next row keeps its own line number.
    text = f'{HEADER}\nA,,"two\nlines",BAGS,10,5,1,none,no,13\nB,,x,NOPE,1,1,1,none,no,13\n'
    assert errors_for(text) == ["line 2, name: holds control characters (such as NUL)",
                                "line 4, category: unknown category 'NOPE'"]


def test_files_decode_as_excel_writes_them():
    text = "sku,name\nA,笔记本电脑\n"
    assert decode_csv_bytes(("\ufeff" + text).encode("utf-8")) == text
    assert decode_csv_bytes(text.encode("utf-8")) == text
    assert decode_csv_bytes(text.encode("gbk")) == text
    assert decode_csv_bytes(text.encode("gb18030")) == text


def test_binary_garbage_is_refused_with_advice():
    with pytest.raises(UserError, match="CSV UTF-8"):
        decode_csv_bytes(b"\xff\xfe\x00\x81\x30\xff\xff")


# --- files made to break the import (issue 12) ----------------------------------------


def test_a_field_over_the_csv_limit_is_an_error_on_its_line_not_a_crash():
    long_name = "a" * 140_000
    text = f"{HEADER}\nNB2,,{long_name},BAGS,10,5,1,none,no,13\nNB3,,x,NOPE,1,1,1,none,no,13\n"
    assert errors_for(text) == ["line 2, row: a field is longer than 131072 characters",
                                "line 3, category: unknown category 'NOPE'"]


def test_a_byte_order_mark_followed_by_gbk_names_the_line_and_says_how_to_save():
    data = "\ufeff".encode("utf-8") + f"{HEADER}\n{GOOD}\nNB2,,笔记本包,BAGS,1,1,1,none,no,13\n".encode("gbk")
    with pytest.raises(UserError) as refused:
        decode_csv_bytes(data)
    assert str(refused.value) == (
        "the file begins with UTF-8's byte-order mark, but line 3 is not UTF-8 (GBK?); "
        "save it from Excel as 'CSV UTF-8' and try again")


@pytest.mark.parametrize("row, expected", [
    ("NB2,,Bag,BAGS,10,5,99999999999999999999,none,no,13",
     "line 2, stock: '99999999999999999999' is more than 1000000"),
    ("NB2,,Bag,BAGS,10,5,1000001,none,no,13", "line 2, stock: '1000001' is more than 1000000"),
    ("NB2,,Bag,BAGS,999999999999999999999,5,1,none,no,13",
     "line 2, price: '999999999999999999999' is more than 99999999.99"),
    ("NB2,,Bag,BAGS,10,100000000.00,1,none,no,13",
     "line 2, cost: '100000000.00' is more than 99999999.99"),
    ("NB2,,Bag,BAGS," + "9" * 5000 + ",5,1,none,no,13",
     "line 2, price: '999999999999999999999999…' is more than 99999999.99"),
    ("NB2,," + "9" * 5000 + ",BAGS,10,5,1,none,no,13", "line 2, name: is longer than 200 characters"),
    ("NB2,,Bag,BAGS,10,5," + "9" * 5000 + ",none,no,13",
     "line 2, stock: '999999999999999999999999…' is more than 1000000"),
    ("NB2," + "9" * 5000 + ",Bag,BAGS,10,5,1,none,no,13",
     "line 2, barcode: barcode '999999999999999999999999…' has 5000 digits"),
    ("NB2,,Bag,BAGS,10,5,1,none,no," + "1" * 5000, "line 2, vat_rate: '111111111111111111111111…' is over 100%"),
])
def test_numbers_too_large_for_a_store_are_refused_before_they_overflow(row, expected):
    found = errors_for(f"{HEADER}\n{row}\n")
    assert any(message.startswith(expected) for message in found), found


@pytest.mark.parametrize("row, expected", [
    ("NB2,,Bag\x00XL,BAGS,10,5,1,none,no,13", "line 2, name: holds control characters (such as NUL)"),
    ("NB\x002,,Bag,BAGS,10,5,1,none,no,13", "line 2, sku: holds control characters (such as NUL)"),
    ("NB2,,Bag\x1b[31m,BAGS,10,5,1,none,no,13", "line 2, name: holds control characters (such as NUL)"),
    ("NB2,," + "x" * 201 + ",BAGS,10,5,1,none,no,13", "line 2, name: is longer than 200 characters"),
    ("S" * 41 + ",,Bag,BAGS,10,5,1,none,no,13", "line 2, sku: is longer than 40 characters"),
])
def test_text_is_checked_against_the_columns_rules(row, expected):
    assert errors_for(f"{HEADER}\n{row}\n") == [expected]


def test_category_codes_and_names_fit_their_columns():
    from pos.catalog.catalog_file import CATEGORY_HEADER, validate_category_rows

    errors = ErrorList()
    text = ("code,name,kind,sheet_layout\n"
            "BAGS,Bags,accessory,\n"
            f"LONG,{'n' * 121},accessory,\n"
            "NUL,Bad\x00name,accessory,\n"
            "C\x07,Bell,accessory,\n")
    validate_category_rows(read_rows(text, CATEGORY_HEADER, errors), errors)
    assert [str(error) for error in errors.errors] == [
        "line 3, name: is longer than 120 characters",
        "line 4, name: holds control characters (such as NUL)",
        "line 5, code: holds control characters (such as NUL)",
    ]
