"""A sheet mark updates one row (issue 16): the panel keeps its items (the same objects,
no model reset), only the rows whose look changed are drawn afresh (the one marked, and
the next one, which is now being asked), every other row is painted from the picture it
already had; and what the till says around the sheet (the total, "1 of 18 asked", the
progress line) follows the mark."""

from PySide6.QtCore import Qt

from pos.kernel.enums import Outcome
from tests.gui.conftest import KeyCounter, log_in

NOTEBOOK = "6923150020022"
NOTEBOOK_PRICE = 649900


def painted(sheet) -> None:
    """Paint the sheet's rows now (offscreen, as the screen would)."""
    sheet.view.viewport().grab()


def pictures(sheet) -> dict[int, object]:
    """Item id -> the picture its row was last drawn into (None: not drawn yet)."""
    return {item.item_id: getattr(item, "picture", None) for item in sheet.rows}


def test_a_mark_draws_only_the_rows_it_changed(qtbot, window):
    log_in(qtbot, window)
    keys = KeyCounter(qtbot, window)
    till = window.till
    keys.scan(till.scan, NOTEBOOK)
    sheet = till.sheet
    assert len(sheet.rows) > 6
    keys.press(till.scan, Qt.Key.Key_Down)  # row 1 is being asked
    painted(sheet)
    items = list(sheet.rows)
    entries = list(sheet.model.entries)
    before = pictures(sheet)
    drawn = [item_id for item_id, picture in before.items() if picture is not None]
    assert len(drawn) >= 4  # the rows on screen have their pictures
    resets, changed = [], []
    sheet.model.modelReset.connect(lambda: resets.append(True))
    sheet.model.dataChanged.connect(lambda first, last, *_: changed.extend(
        range(first.row(), last.row() + 1)))
    renders = sheet.delegate.renders

    keys.press(till.scan, Qt.Key.Key_Delete)  # row 1 declined; row 2 is asked next
    painted(sheet)

    assert sheet.rows == items and all(a is b for a, b in zip(sheet.rows, items))
    assert sheet.model.entries == entries and not resets
    assert items[1].outcome is Outcome.DECLINED and sheet.current == 2
    marked, following = (sheet._entries[id(items[row])] for row in (1, 2))
    assert set(changed) <= {marked, following, sheet._entries[id(items[0])]} | {
        e for e, entry in enumerate(entries) if isinstance(entry, str)}
    after = pictures(sheet)
    redrawn = {item_id for item_id in drawn if after[item_id] is not before[item_id]}
    assert redrawn == {items[1].item_id, items[2].item_id}
    # the next row once; the row marked when the focus leaves it and when its answer
    # comes back (the focus moves at the key, before the worker has answered)
    assert sheet.delegate.renders - renders <= 3
    # the rows drawn afresh show their new state
    assert after[items[1].item_id][0][0].outcome is Outcome.DECLINED
    assert after[items[2].item_id][0][4] is True  # drawn as the row being asked

    # The summary follows: "1 of N asked", the line, and no change to the total.
    total = len(sheet.rows)
    assert sheet.progress.text() == f"1 of {total} asked"
    assert (sheet.bar.value(), sheet.bar.maximum()) == (1, total)
    assert till.total_label.text().endswith(till.formats.money(NOTEBOOK_PRICE))


def test_a_sale_on_the_sheet_shows_in_the_total_and_goes_again(qtbot, window):
    log_in(qtbot, window)
    keys = KeyCounter(qtbot, window)
    till = window.till
    keys.scan(till.scan, NOTEBOOK)
    sheet = till.sheet
    painted(sheet)
    items = list(sheet.rows)
    first = items[0]
    price = first.row.candidates[first.choice].price if first.row.pack_price is None \
        else first.row.pack_price
    renders = sheet.delegate.renders

    keys.press(till.scan, Qt.Key.Key_Space)  # row 0 sold: its product under the unit
    painted(sheet)
    assert all(a is b for a, b in zip(sheet.rows, items))
    assert first.outcome is Outcome.SOLD
    assert sheet.delegate.renders - renders <= 3  # the row sold, the row asked next
    assert till.total_label.text().endswith(till.formats.money(NOTEBOOK_PRICE + price))
    assert sheet.progress.text() == f"1 of {len(items)} asked" and sheet.bar.value() == 1
    assert len(till.cart.children(till.current_unit)) == len(
        first.row.candidates) if first.row.pack_price is not None else 1

    sheet.move(-1)  # back to row 0, and not yet again: the line goes, the total too
    keys.press(till.scan, Qt.Key.Key_Backspace)
    painted(sheet)
    assert first.outcome is Outcome.NOT_OFFERED
    assert till.total_label.text().endswith(till.formats.money(NOTEBOOK_PRICE))
    assert sheet.progress.text() == f"0 of {len(items)} asked" and sheet.bar.value() == 0
    assert not till.cart.children(till.current_unit)


def test_a_new_unit_gets_new_rows_and_the_same_unit_again_keeps_them(qtbot, window):
    """The other side: scanning a unit builds its sheet (a model reset, rows drawn
    afresh); showing the same unit again with nothing changed draws nothing."""
    log_in(qtbot, window)
    keys = KeyCounter(qtbot, window)
    till = window.till
    keys.scan(till.scan, NOTEBOOK)
    sheet = till.sheet
    painted(sheet)
    items, renders = list(sheet.rows), sheet.delegate.renders
    sheet.view.doItemsLayout()  # a relayout repaints every row: from their pictures
    painted(sheet)
    assert sheet.delegate.renders == renders
    keys.scan(till.scan, NOTEBOOK)  # a second notebook: its own sheet
    painted(sheet)
    assert sheet.rows and not any(a is b for a, b in zip(sheet.rows, items))
    assert sheet.delegate.renders > renders
