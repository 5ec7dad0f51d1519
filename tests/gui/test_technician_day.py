"""A technician's day at the till (issue 20): the installer logs in and the till opens
on their jobs; Enter opens the job; arrival recorded; a memory upgrade sold on site (an
add-on against the original unit, linked to the job); the card's fourth confirmation
(during installation) recorded; the job closed; back at the till the scan field has the
keyboard. All of it sealed: the journal verifies."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from pos.db.models import CardConfirmation, Sale, ServiceJob
from pos.kernel.enums import ServiceJobState
from pos.ledger.verify import verify
from pos.service.jobs import register_job
from tests.gui.conftest import KeyCounter, log_in, settle
from tests.integration.job_helpers import request, sell_notebook, staff_id

MEMORY = "MEM-DDR4-8"


def installation_for_wang(db, serial="PF3DAY0001"):
    sale = sell_notebook(db, serial=serial)
    job = register_job(db, kind="installation", staff_id=staff_id(db, "cashier"),
                       request_id=request(), receipt=sale.receipt_no, need="Set up, move data",
                       area="city", address="8 Garden Rd", technician="Wang Qiang",
                       terminal="T01")
    return sale, job


def board_of(qtbot, till):
    from ui.jobs.jobs_screen import JobsDialog

    qtbot.waitUntil(lambda: isinstance(till.active_dialog, JobsDialog))
    board = till.active_dialog
    qtbot.waitUntil(lambda: bool(board.jobs))
    return board


def open_detail(qtbot, keys, board, job_no):
    row = [job.job_no for job in board.jobs].index(job_no)
    board.table.selectRow(row)
    keys.press(board.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: board.detail is not None and board.detail.detail is not None)
    return board.detail


def move_key(detail, state: str):
    from ui.jobs.job_detail import MOVE_KEYS

    index = next(i for i, b in enumerate(detail.move_buttons)
                 if b.isVisible() and b.property("state") == state)
    return MOVE_KEYS[index]


def test_a_technicians_day(qtbot, window, sqlite_demo_db):
    db = sqlite_demo_db
    sale, job = installation_for_wang(db)
    log_in(qtbot, window, name="Wang Qiang", pin="2222")
    till = window.till
    keys = KeyCounter(qtbot, window)

    board = board_of(qtbot, till)  # the installer's login opens on their jobs
    assert board.mine.isChecked()
    assert [row.job_no for row in board.jobs] == [job.job_no]
    assert board.model.rows[0][2] == "Wang Qiang" and "Liu Yang" in board.model.rows[0][6]

    detail = open_detail(qtbot, keys, board, job.job_no)
    keys.press(detail.sheet, move_key(detail, "arrived"))
    qtbot.waitUntil(lambda: detail.detail.job.state is ServiceJobState.ARRIVED)
    assert detail.detail.job.arrived_at is not None
    assert "Met: arrived" in detail.fields["promise"].text()

    keys.press(detail.sheet, Qt.Key.Key_F8)  # sell on the job: the till's add-on cart
    qtbot.waitUntil(lambda: till.active_dialog is None)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: till.cart.original_receipt == sale.receipt_no)
    assert till.cart.job_id == job.id
    assert f"On job {job.job_no}" in till.banner.text()
    assert till.scan.hasFocus()
    keys.scan(till.scan, MEMORY)
    qtbot.waitUntil(lambda: any(line.sku == MEMORY for line in till.cart.lines))
    from ui.checkout.dialogs import CardPrompt
    from ui.checkout.payment import PaymentDialog

    keys.press(till.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CardPrompt))  # at payment
    keys.press(till.active_dialog, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, PaymentDialog))
    keys.press(till.active_dialog.amount, Qt.Key.Key_F1)
    with qtbot.waitSignal(till.sale_completed, timeout=10_000) as completed:
        keys.press(till.active_dialog.amount, Qt.Key.Key_Return)
    addon = completed.args[0]
    with db.read() as session:
        assert session.scalar(select(Sale.job_id).where(
            Sale.receipt_no == addon.receipt_no)) == job.id

    keys.press(till.scan, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    board = board_of(qtbot, till)
    detail = open_detail(qtbot, keys, board, job.job_no)
    assert any("Sold on the job" in row[2] and addon.receipt_no in row[2]
               for row in detail.events_model.rows)
    keys.press(detail.sheet, Qt.Key.Key_F12)  # the card, asked during installation: no
    qtbot.waitUntil(lambda: "Card asked" in detail.confirmed.text())
    with db.read() as session:
        asked = session.execute(select(CardConfirmation.point, CardConfirmation.accepted)
                                .where(CardConfirmation.job_id == job.id)).all()
    assert [(row.point, row.accepted) for row in asked] == [("during_install", False)]

    keys.press(detail.sheet, move_key(detail, "done"))
    qtbot.waitUntil(lambda: detail.detail.job.state is ServiceJobState.DONE)
    assert not detail.sell_button.isEnabled()  # a closed job sells nothing more
    keys.press(detail.sheet, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: board.detail is None)
    qtbot.waitUntil(lambda: not board.jobs or job.job_no not in
                    [row.job_no for row in board.jobs])  # done: off the board
    keys.press(board.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: till.active_dialog is None)
    qtbot.waitUntil(lambda: till.scan.hasFocus())
    with db.read() as session:
        assert session.scalar(select(ServiceJob.state).where(ServiceJob.id == job.id)) == "done"
    assert verify(db).ok
