"""The jobs board (Shift+F9): today's and overdue jobs sorted by the time left to the
promise, a late one in red, the kind and "only mine" filters, arrows and Enter; a job
registered at the counter (a refused one says why and writes nothing); English and
Chinese; the board fits 1366x768 and never widens the window; Esc gives the scan field
the keyboard back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos.kernel.clock import utcnow
from pos.service.jobs import register_job
from tests.gui.conftest import KeyCounter, log_in, settle, till_window
from tests.integration.job_helpers import job_counts, request, sell_notebook, staff_id


def three_jobs(db):
    """A city visit registered three hours ago (late), one just now (two hours left), and
    a repair (no promise) for nobody yet."""
    cashier = staff_id(db, "cashier")
    late_sale = sell_notebook(db, serial="PF3LATE001")
    late = register_job(db, kind="on_site", staff_id=cashier, request_id=request(),
                        receipt=late_sale.receipt_no, need="Printer will not connect",
                        area="city", technician="Wang Qiang", terminal="T01",
                        now=utcnow() - timedelta(hours=3))
    fresh_sale = sell_notebook(db, serial="PF3FRESH01")
    fresh = register_job(db, kind="installation", staff_id=cashier, request_id=request(),
                         receipt=fresh_sale.receipt_no, need="Set up", area="city",
                         technician="Wang Qiang", terminal="T01")
    repair = register_job(db, kind="repair", staff_id=cashier, request_id=request(),
                          serial="OTHER-0001", need="Does not start", fault="No power",
                          accessories="Charger", condition="Worn", estimate=8000,
                          terminal="T01")
    return late, fresh, repair


def open_board(qtbot, window, keys):
    from ui.jobs.jobs_screen import JobsDialog

    till = window.till
    keys.press(till.scan, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, JobsDialog))
    board = till.active_dialog
    qtbot.waitUntil(lambda: bool(board.jobs))
    return board


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_the_board_sorts_by_time_left_marks_late_fits_and_gives_focus_back(
        qtbot, sqlite_demo_db, locale):
    late, fresh, repair = three_jobs(sqlite_demo_db)
    with till_window(qtbot, sqlite_demo_db, locale=locale) as window:
        log_in(qtbot, window, name="Li Na", pin="1111")  # a cashier: every job, not mine
        keys = KeyCounter(qtbot, window)
        assert window.till.jobs_button.text() == (
            "Jobs [Shift+F9]" if locale == "en" else "工单 [Shift+F9]")
        width = window.width()
        board = open_board(qtbot, window, keys)
        assert not board.mine.isChecked()
        assert [row.job_no for row in board.jobs] == [late.job_no, fresh.job_no, repair.job_no]
        assert board.model.marked == {0}  # the late one, in red
        late_words = "Late" if locale == "en" else "超时"
        assert board.model.rows[0][0].startswith(late_words)
        assert board.model.rows[2][2] == ("Nobody yet" if locale == "en" else "未指派")
        if locale == "zh_CN":
            assert board.open_button.text().startswith("打开")
            assert board.model.headers[0] == "剩余时间"
            assert board.model.rows[1][4] == "安装调试" or "安" in board.model.rows[1][4]
        # it fits the till's screen and the window keeps its width
        screen = QApplication.primaryScreen().availableGeometry()
        assert board.width() <= max(1366, screen.width())
        assert board.height() <= max(768, screen.height())
        assert window.width() == width
        # the arrows choose, Enter opens
        keys.press(board.table, Qt.Key.Key_Down)
        assert board.chosen().job_no == fresh.job_no
        keys.press(board.table, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: board.detail is not None and board.detail.detail is not None)
        assert board.detail.detail.job.job_no == fresh.job_no
        assert board.detail.width() <= max(1366, screen.width())
        keys.press(board.detail.sheet, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: board.detail is None)
        assert window.width() == width
        # the kind filter
        board.kind.setCurrentIndex(board.kind.findData("repair"))
        qtbot.waitUntil(lambda: [row.job_no for row in board.jobs] == [repair.job_no])
        keys.press(board.table, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.till.active_dialog is None)
        qtbot.waitUntil(lambda: window.till.scan.hasFocus())


def test_only_mine_shows_a_technicians_own_jobs(qtbot, window, sqlite_demo_db):
    late, fresh, repair = three_jobs(sqlite_demo_db)
    log_in(qtbot, window, name="Wang Qiang", pin="2222")  # the board opens on his jobs
    from ui.jobs.jobs_screen import JobsDialog

    till = window.till
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, JobsDialog))
    board = till.active_dialog
    qtbot.waitUntil(lambda: bool(board.jobs))
    assert board.mine.isChecked()
    assert [row.job_no for row in board.jobs] == [late.job_no, fresh.job_no]
    board.mine.setChecked(False)
    qtbot.waitUntil(lambda: len(board.jobs) == 3)
    keys = KeyCounter(qtbot, window)
    keys.press(board.table, Qt.Key.Key_Escape)  # back to the till
    qtbot.waitUntil(lambda: till.active_dialog is None and till.scan.hasFocus())


def test_a_repair_registered_at_the_counter_and_a_refused_one(qtbot, window, sqlite_demo_db):
    sell_notebook(sqlite_demo_db, serial="PF3REG0001")
    three_jobs(sqlite_demo_db)
    log_in(qtbot, window, name="Li Na", pin="1111")
    keys = KeyCounter(qtbot, window)
    board = open_board(qtbot, window, keys)
    keys.press(board.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: board.form is not None)
    form = board.form
    assert form.receipt.text() == ""  # no sale at this till yet
    form.kind.setCurrentIndex(form.kind.findData("repair"))
    assert form.fault.isVisible() and not form.address.isVisible()
    form.serial.setText("PF3REG0001")
    form.need.setText("Fan is loud")
    before = job_counts(sqlite_demo_db)
    keys.press(form, Qt.Key.Key_F12)  # no fault: refused, nothing written
    qtbot.waitUntil(lambda: form.message.text() != "")
    assert board.form is form and job_counts(sqlite_demo_db) == before
    form.fault.setText("Fan noise under load")
    form.accessories.setText("Charger")
    form.estimate.setText("120")
    keys.press(form, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: board.form is None)
    settle(qtbot, window)
    job = form.answer
    assert job.kind.value == "repair" and job.serial == "PF3REG0001"
    assert job.estimate == 12000 and job.accessories == "Charger" and not job.not_sold_here
    qtbot.waitUntil(lambda: job.job_no in [row.job_no for row in board.jobs])
    assert board.chosen().job_no == job.job_no


def test_a_repair_diagnosed_claimed_collected_with_the_card_asked_at_pickup(
        qtbot, window, sqlite_demo_db, tmp_path, monkeypatch):
    """A carry-in repair of a notebook with a gold card: not collectable before it is
    diagnosed; F4 diagnoses it with an estimate; the claim (F10) recorded against the
    card, covered; ready, then collected with the card asked at pickup (yes on a unit
    that has one); the job card saved as a PDF; the journal verifies."""
    from pos.ledger.verify import verify
    from ui.report_parts import SavePath

    db = sqlite_demo_db
    sale = sell_notebook(db, serial="PF3REP0001", card="gold")
    job = register_job(db, kind="repair", staff_id=staff_id(db, "cashier"),
                       request_id=request(), receipt=sale.receipt_no, need="Keyboard",
                       fault="Keys stick", accessories="Charger", condition="Good",
                       technician="Wang Qiang", terminal="T01")
    log_in(qtbot, window, name="Wang Qiang", pin="2222")
    from ui.jobs.jobs_screen import JobsDialog

    till = window.till
    keys = KeyCounter(qtbot, window)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, JobsDialog))
    board = till.active_dialog
    qtbot.waitUntil(lambda: bool(board.jobs))
    keys.press(board.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: board.detail is not None and board.detail.detail is not None)
    detail = board.detail
    assert not any(b.isVisible() and b.property("state") == "collected"
                   for b in detail.move_buttons)  # never diagnosed: not collected yet
    assert "Card" in detail.coverage.text() and job.card_no in detail.coverage.text()

    keys.press(detail.sheet, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: detail.form is not None)
    form = detail.form
    form.finding.setText("Keyboard ribbon loose")
    form.estimate.setText("80")
    keys.press(form.finding, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: detail.detail.job.state.value == "diagnosed")
    assert detail.detail.job.estimate == 8000
    assert "Keyboard ribbon loose" in detail.fields["repair"].text()

    assert detail.claim_line.text() == "Covered: record the claim (F10)"
    keys.press(detail.sheet, Qt.Key.Key_F10)  # the claim against the card
    qtbot.waitUntil(lambda: bool(detail.detail.claims))
    claim = detail.detail.claims[-1]
    assert claim.covered and claim.job_no == job.job_no
    assert detail.claim_line.text() == f"Claim {claim.claim_no}: covered"
    assert not detail.claim_button.isEnabled()

    from tests.gui.test_technician_day import move_key

    keys.press(detail.sheet, move_key(detail, "ready"))
    qtbot.waitUntil(lambda: detail.detail.job.state.value == "ready")
    keys.press(detail.sheet, Qt.Key.Key_F11)  # the card asked at pickup: yes
    qtbot.waitUntil(lambda: "Card asked" in detail.confirmed.text())
    assert "at pickup" in detail.confirmed.text() or "pickup" in detail.confirmed.text()
    keys.press(detail.sheet, move_key(detail, "collected"))
    qtbot.waitUntil(lambda: detail.detail.job.state.value == "collected")

    path = tmp_path / "card.pdf"
    monkeypatch.setattr(SavePath, "ask", classmethod(lambda cls, *a: str(path)))
    keys.press(detail.sheet, Qt.Key.Key_F9)
    qtbot.waitUntil(path.exists)
    assert path.read_bytes().startswith(b"%PDF")
    assert "Saved" in detail.message.text()
    keys.press(detail.sheet, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: board.detail is None)
    keys.press(board.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: till.active_dialog is None and till.scan.hasFocus())
    assert verify(db).ok


def test_a_cashier_may_look_but_not_work_a_job_and_a_yes_to_the_card_says_sell_it(
        qtbot, window, sqlite_demo_db):
    """A cashier's arrival is refused (job.not_allowed) and said on the job, nothing
    changed; the installer's yes to a card on a unit without one says to sell it."""
    from tests.gui.test_technician_day import installation_for_wang, move_key

    db = sqlite_demo_db
    sale, job = installation_for_wang(db, serial="PF3CASH001")
    log_in(qtbot, window)  # Li Na, a cashier
    keys = KeyCounter(qtbot, window)
    board = open_board(qtbot, window, keys)
    keys.press(board.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: board.detail is not None and board.detail.detail is not None)
    detail = board.detail
    before = job_counts(db)
    keys.press(detail.sheet, move_key(detail, "arrived"))
    qtbot.waitUntil(lambda: detail.message.text() != "")
    assert job_counts(db) == before and detail.detail.job.state.value == "registered"
    keys.press(detail.sheet, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: board.detail is None)
    keys.press(board.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.till.active_dialog is None)

    keys.press(window.till.scan, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.login)
    log_in(qtbot, window, name="Wang Qiang", pin="2222")
    from ui.jobs.jobs_screen import JobsDialog

    qtbot.waitUntil(lambda: isinstance(window.till.active_dialog, JobsDialog))
    board = window.till.active_dialog
    qtbot.waitUntil(lambda: bool(board.jobs))
    keys.press(board.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: board.detail is not None and board.detail.detail is not None)
    detail = board.detail
    keys.press(detail.sheet, Qt.Key.Key_F11)  # yes: the unit has no card
    qtbot.waitUntil(lambda: "sell it on the job" in detail.message.text())


def test_an_installer_without_jobs_logs_in_at_the_till(qtbot, window):
    log_in(qtbot, window, name="Wang Qiang", pin="2222")
    settle(qtbot, window)
    assert window.till.active_dialog is None and window.till.scan.hasFocus()


def test_a_set_up_asked_for_at_the_till_is_registered_for_the_sale_just_made(
        qtbot, window, sqlite_demo_db):
    """The cashier sells a notebook; the customer asks for set-up at home: Shift+F9, F5,
    the form has the sale's receipt already; an installation in the city is registered
    for that unit."""
    from ui.checkout.dialogs import CardPrompt, SerialDialog
    from ui.checkout.payment import PaymentDialog

    log_in(qtbot, window)
    till = window.till
    keys = KeyCounter(qtbot, window)
    keys.scan(till.scan, "6923150020022")  # the notebook
    keys.press(till.scan, Qt.Key.Key_F12)
    for _ in range(4):
        qtbot.waitUntil(lambda: till.active_dialog is not None)
        dialog = till.active_dialog
        if isinstance(dialog, CardPrompt):
            keys.press(dialog, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
        elif isinstance(dialog, SerialDialog):
            keys.scan(dialog.field, "PF3TILL001")
        elif isinstance(dialog, PaymentDialog):
            keys.press(dialog.amount, Qt.Key.Key_F1)
            with qtbot.waitSignal(till.sale_completed, timeout=10_000):
                keys.press(dialog.amount, Qt.Key.Key_Return)
            break
        qtbot.waitUntil(lambda dialog=dialog: till.active_dialog is not dialog)
    settle(qtbot, window)
    receipt = till.last_receipt
    assert receipt
    keys.press(till.scan, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    from ui.jobs.jobs_screen import JobsDialog

    qtbot.waitUntil(lambda: isinstance(till.active_dialog, JobsDialog))
    board = till.active_dialog
    settle(qtbot, window)
    assert board.empty.isVisible()  # no jobs yet
    keys.press(board.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: board.form is not None)
    form = board.form
    assert form.receipt.text() == receipt
    form.need.setText("Set up at home")
    form.area.setCurrentIndex(form.area.findData("city"))
    form.address.setText("8 Garden Rd")
    keys.press(form, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: board.form is None)
    job = form.answer
    assert job.kind.value == "installation" and job.receipt_no == receipt
    assert job.serial == "PF3TILL001" and job.due_at is not None
    qtbot.waitUntil(lambda: [row.job_no for row in board.jobs] == [job.job_no])
    assert not board.empty.isVisible()


def test_a_visit_given_to_a_technician_with_an_appointment(qtbot, window, sqlite_demo_db):
    """Shift+F1 on a registered visit: Wang Qiang and an appointment; the job is
    scheduled, his, with its window; 'Scheduled' is never a bare move button."""
    db = sqlite_demo_db
    sale = sell_notebook(db, serial="PF3PLAN001")
    job = register_job(db, kind="on_site", staff_id=staff_id(db, "cashier"),
                       request_id=request(), receipt=sale.receipt_no, need="Wi-Fi",
                       area="county", terminal="T01")
    log_in(qtbot, window, name="Zhang Wei", pin="9999")  # a manager
    keys = KeyCounter(qtbot, window)
    board = open_board(qtbot, window, keys)
    keys.press(board.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: board.detail is not None and board.detail.detail is not None)
    detail = board.detail
    assert not any(b.isVisible() and b.property("state") == "scheduled"
                   for b in detail.move_buttons)
    before = job_counts(db)
    keys.press(detail.sheet, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: detail.form is not None)
    form = detail.form
    form.technician.setCurrentIndex(form.technician.findText("Wang Qiang"))
    form.booked.setChecked(True)
    keys.press(form.technician, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: detail.detail.job.state.value == "scheduled")
    planned = detail.detail.job
    assert planned.technician_name == "Wang Qiang" and planned.appointment_start is not None
    assert planned.appointment_end - planned.appointment_start == timedelta(hours=2)
    assert job_counts(db) != before and detail.fields["technician"].text() == "Wang Qiang"
    assert job.job_no == planned.job_no
