"""CSV files we write open safely in a spreadsheet, and what we write reads back as it was."""

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.kernel.csvio import ErrorList, from_cell, read_rows, to_cell, write_rows

FORMULAS = ["=1+1", "=HYPERLINK(\"http://x\",\"click\")", "+1+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "-cmd", "+",
            "-", "@"]


def cells_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("value", FORMULAS)
def test_a_cell_a_spreadsheet_would_run_is_written_as_text(value):
    written = cells_of(write_rows(("name",), [(value,)]))[1][0]
    assert written == "'" + value
    assert not written.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("value", ["-299.00", "-5", "0", "4999.00", "13", "12.5%", "-0.5%"])
def test_plain_numbers_negative_ones_included_stay_numbers(value):
    assert cells_of(write_rows(("amount",), [(value,)]))[1][0] == value


@pytest.mark.parametrize("value", ["'Tis the season", "'", "''", "'=already quoted", "''=x",
                                   "-Cable (USB-C)", "=", "Notebook 14", ""])
def test_what_is_written_reads_back_unchanged(value):
    errors = ErrorList()
    rows = read_rows(write_rows(("name", "sku"), [(value, "A1")]).decode("utf-8-sig"),
                     ("name", "sku"), errors)
    assert errors.errors == [] and rows[0].values["name"] == value.strip()


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=30))
def test_any_text_survives_the_round_trip_through_a_cell(value):
    assert from_cell(to_cell(value)) == value


def test_header_and_bom_are_as_excel_expects():
    data = write_rows(("sku", "name"), [("A1", "=x")])
    assert data.startswith("\ufeff".encode("utf-8"))
    assert data.decode("utf-8-sig") == "sku,name\r\nA1,'=x\r\n"
