"""The five card confirmations (issue 20), on SQLite and PostgreSQL: the till's three
points kept on the cart and written with the sale (sealed in its transaction), a job's
two points as job events, the last answer kept, bad points refused with nothing changed,
a later yes opening the add-on that sells the card, tampered rows found by verify, and
the report per salesperson and technician."""

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import delete, func, insert, select, update

from pos.db.models import AuditEvent, CardConfirmation, JobEvent
from pos.kernel.enums import ConfirmPoint
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.people import customers
from pos.selling import addons, cards, checkout, completion
from pos.selling.cart import TenderInput
from pos.selling.confirmations import record_confirmation
from pos.service.confirmations import confirm_on_job
from pos.service.jobs import register_job
from tests.integration.checkout_helpers import NOTEBOOK, new_cart, staff_id, tier_id

PHONE_NO = "13800138077"


def unit_cart(db, serial: str, *, card: str | None = None, role: str = "cashier"):
    cart = new_cart(db, role)
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    customer = (customers.find_customer(db, phone=PHONE_NO)
                or customers.create_customer(db, phone=PHONE_NO, name="Zhao Min"))
    checkout.set_customer(db, cart, customer_id=customer.id)
    if card:
        cards.add_card(db, cart, main_line_id=unit.line_id,
                       tier_id=tier_id(db, cart, unit.line_id, card))
    checkout.set_serial(db, cart, line_id=unit.line_id, serial=serial)
    return cart, unit


def pay(db, cart):
    due = sum(line.total for line in cart.lines)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", due)])


def rows(db):
    with db.read_connection() as conn:
        return conn.execute(select(CardConfirmation.__table__)
                            .order_by(CardConfirmation.id)).all()


def counts(db):
    with db.read_connection() as conn:
        return tuple(conn.execute(select(func.count()).select_from(model)).scalar_one()
                     for model in (CardConfirmation, JobEvent, AuditEvent))


def installation(db, receipt: str):
    return register_job(db, kind="installation", staff_id=staff_id(db, "cashier"),
                        request_id=str(uuid.uuid4()), receipt=receipt, need="set it up")


def test_the_tills_points_are_written_and_sealed_with_the_sale(demo_db):
    seller = staff_id(demo_db, "cashier")
    cart, unit = unit_cart(demo_db, "PF3CONF001")
    record_confirmation(cart, main_line_id=unit.line_id, point="before_agree", accepted=True,
                        staff_id=seller)
    record_confirmation(cart, main_line_id=unit.line_id, point=ConfirmPoint.AFTER_AGREE,
                        accepted=False, staff_id=seller)
    record_confirmation(cart, main_line_id=unit.line_id, point="before_agree", accepted=False,
                        staff_id=seller)  # again: the last answer stands
    cards.decline_card(cart, main_line_id=unit.line_id)
    record_confirmation(cart, main_line_id=unit.line_id, point="at_payment", accepted=False,
                        staff_id=seller)
    assert len(cart.confirmations) == 3
    sale = pay(demo_db, cart)
    written = rows(demo_db)
    assert [(r.sale_id, r.job_id, r.serial, r.point.value, r.accepted, r.staff_id)
            for r in written] == [
        (sale.sale_id, None, "PF3CONF001", "after_agree", False, seller),
        (sale.sale_id, None, "PF3CONF001", "before_agree", False, seller),
        (sale.sale_id, None, "PF3CONF001", "at_payment", False, seller)]
    with demo_db.read_connection() as conn:
        sealed = conn.execute(select(AuditEvent.ref).where(
            AuditEvent.action == "card_confirmations")).scalars().all()
    assert sealed == [sale.receipt_no]
    assert verify(demo_db).ok
    # A cart without confirmations writes none.
    cart2, _ = unit_cart(demo_db, "PF3CONF002")
    before = counts(demo_db)
    pay(demo_db, cart2)
    assert counts(demo_db)[0] == before[0]
    assert verify(demo_db).ok


def test_a_bad_point_is_refused_and_changes_nothing(demo_db):
    seller = staff_id(demo_db, "cashier")
    cart, unit = unit_cart(demo_db, "PF3CONF003")
    for point in ("at_pickup", "during_install", "sometime", ""):
        with pytest.raises(UserError) as refused:
            record_confirmation(cart, main_line_id=unit.line_id, point=point, accepted=True,
                                staff_id=seller)
        assert refused.value.message_id == "confirm.bad_point"
    assert cart.confirmations == []
    sale = pay(demo_db, cart)
    job = installation(demo_db, sale.receipt_no)
    before = counts(demo_db)
    for point in ("before_agree", "at_payment", "nope"):
        with pytest.raises(UserError) as refused:
            confirm_on_job(demo_db, job_no=job.job_no, accepted=True,
                           staff_id=staff_id(demo_db, "installer"), point=point)
        assert refused.value.message_id == "confirm.bad_point"
    with pytest.raises(UserError) as refused:
        confirm_on_job(demo_db, job_no="S01-JB-999999", accepted=True,
                       staff_id=staff_id(demo_db, "installer"), point="at_pickup")
    assert refused.value.message_id == "job.unknown"
    with pytest.raises(UserError) as refused:  # a cashier does not install
        confirm_on_job(demo_db, job_no=job.job_no, accepted=True,
                       staff_id=staff_id(demo_db, "cashier"), point="during_install")
    assert refused.value.message_id == "job.not_allowed"
    assert counts(demo_db) == before
    assert verify(demo_db).ok


def test_job_points_are_sealed_events_and_a_later_yes_opens_the_card_addon(demo_db):
    installer = staff_id(demo_db, "installer")
    cart, unit = unit_cart(demo_db, "PF3CONF004")
    cards.decline_card(cart, main_line_id=unit.line_id)
    sale = pay(demo_db, cart)
    job = installation(demo_db, sale.receipt_no)
    said_no = confirm_on_job(demo_db, job_no=job.job_no, accepted=False, staff_id=installer,
                             point="during_install")
    assert said_no.addon is None and not said_no.has_card
    yes = confirm_on_job(demo_db, job_no=job.job_no, accepted=True, staff_id=installer,
                         point="during_install")  # changed their mind: the last answer
    assert yes.id == said_no.id
    assert yes.addon is not None and yes.addon.receipt_no == sale.receipt_no
    written = rows(demo_db)
    assert [(r.job_id, r.sale_id, r.serial, r.point.value, r.accepted) for r in written] == [
        (job.id, None, "PF3CONF004", "during_install", True)]
    with demo_db.read_connection() as conn:
        events = conn.execute(select(JobEvent.kind).where(JobEvent.job_id == job.id)
                              .order_by(JobEvent.id)).scalars().all()
    assert [e.value for e in events].count("confirmation") == 2
    assert verify(demo_db).ok
    # The yes becomes a card sold on site, against the unit: the add-on flow.
    addon = addons.open_addon(demo_db, receipt_no=yes.addon.receipt_no, staff_id=installer,
                              terminal="T01", unit_position=yes.addon.unit_position)
    main = addon.main_units()[0]
    cards.add_card(demo_db, addon, main_line_id=main.line_id,
                   tier_id=tier_id(demo_db, addon, main.line_id, "gold"))
    pay(demo_db, addon)
    again = confirm_on_job(demo_db, job_no=job.job_no, accepted=True, staff_id=installer,
                           point="at_pickup")
    assert again.has_card and again.addon is None
    assert verify(demo_db).ok


@pytest.mark.parametrize("tamper", ["flip", "delete", "add", "move"])
def test_verify_finds_a_confirmation_changed_outside_the_till(demo_db, tamper):
    seller, installer = staff_id(demo_db, "cashier"), staff_id(demo_db, "installer")
    cart, unit = unit_cart(demo_db, "PF3CONF005")
    record_confirmation(cart, main_line_id=unit.line_id, point="before_agree", accepted=False,
                        staff_id=seller)
    record_confirmation(cart, main_line_id=unit.line_id, point="at_payment", accepted=False,
                        staff_id=seller)
    sale = pay(demo_db, cart)
    job = installation(demo_db, sale.receipt_no)
    confirm_on_job(demo_db, job_no=job.job_no, accepted=False, staff_id=installer,
                   point="during_install")
    assert verify(demo_db).ok
    table = CardConfirmation.__table__
    with demo_db.write_connection() as conn:
        first, last = conn.execute(select(func.min(table.c.id), func.max(table.c.id))).one()
        if tamper == "flip":  # a "no" made a "yes"
            conn.execute(update(table).where(table.c.id == first).values(accepted=True))
        elif tamper == "delete":  # the job's point removed
            conn.execute(delete(table).where(table.c.id == last))
        elif tamper == "add":  # a point that never happened
            row = conn.execute(select(table).where(table.c.id == first)).first()
            conn.execute(insert(table).values(
                sale_id=row.sale_id, unit_line_id=row.unit_line_id, serial=row.serial,
                point="after_agree", accepted=False, staff_id=row.staff_id, at=row.at))
        else:  # the sale's point moved to the job
            conn.execute(update(table).where(table.c.id == first).values(
                sale_id=None, job_id=job.id))
    result = verify(demo_db)
    assert not result.ok
    assert "card confirmation" in result.problem


DAY = date(2030, 1, 15)  # a day the demo sold nothing on


def pay_on(db, cart, day=DAY):
    due = sum(line.total for line in cart.lines)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", due)],
                                    business_date=day)


def report_scene(db):
    """Three notebooks sold on DAY by the cashier: one confirmed at the till's three
    points and during installation (a yes there: a card sold later on site), one with its
    card, one never confirmed."""
    seller, installer = staff_id(db, "cashier"), staff_id(db, "installer")
    cart, unit = unit_cart(db, "PF3CONF101")
    for point in ("before_agree", "after_agree", "at_payment"):
        record_confirmation(cart, main_line_id=unit.line_id, point=point, accepted=False,
                            staff_id=seller)
    cards.decline_card(cart, main_line_id=unit.line_id)
    first = pay_on(db, cart)
    job = register_job(db, kind="installation", staff_id=seller, request_id=str(uuid.uuid4()),
                       receipt=first.receipt_no, need="set it up", technician=installer)
    yes = confirm_on_job(db, job_no=job.job_no, accepted=True, staff_id=installer,
                         point="during_install")
    addon = addons.open_addon(db, receipt_no=yes.addon.receipt_no, staff_id=installer,
                              terminal="T01", unit_position=yes.addon.unit_position)
    main = addon.main_units()[0]
    cards.add_card(db, addon, main_line_id=main.line_id,
                   tier_id=tier_id(db, addon, main.line_id, "gold"))
    pay_on(db, addon, DAY + timedelta(days=1))
    pay_on(db, unit_cart(db, "PF3CONF102", card="gold")[0])
    third = pay_on(db, unit_cart(db, "PF3CONF103")[0])
    return first, third, job


def test_the_report_per_salesperson_and_technician(demo_db):
    from pos.kernel.messages import render
    from pos.service.confirmation_report import confirmation_report, confirmation_report_csv

    first, third, job = report_scene(demo_db)
    found = confirmation_report(demo_db, start=DAY, end=DAY)
    assert found.required == 5 and found.with_card == 1
    assert [u.receipt_no for u in found.units] == [first.receipt_no, third.receipt_no]
    confirmed, never = found.units
    assert confirmed.answers == {ConfirmPoint.BEFORE_AGREE: False,
                                 ConfirmPoint.AFTER_AGREE: False,
                                 ConfirmPoint.AT_PAYMENT: False,
                                 ConfirmPoint.DURING_INSTALL: True}
    assert render(confirmed.summary()) == "card confirmed 4 of 5 times"
    assert confirmed.short and confirmed.later_card is not None
    assert never.count == 0 and never.later_card is None and never.technicians == ()
    cashier = found.salespeople
    assert [(p.staff_id, p.units, p.short, p.points, p.later_cards, p.with_card)
            for p in cashier] == [(staff_id(demo_db, "cashier"), 2, 2, 4, 1, 1)]
    assert [(p.staff_id, p.units, p.short, p.points, p.later_cards)
            for p in found.technicians] == [(staff_id(demo_db, "installer"), 1, 1, 1, 1)]
    assert confirmed.technicians == (found.technicians[0].name,)
    csv_rows = confirmation_report_csv(found).decode("utf-8-sig").splitlines()
    assert csv_rows[1].split(",")[6:13] == ["no", "no", "no", "", "yes", "4", "5"]
    # The store requires three: the confirmed unit is no longer short.
    from pos.store.settings import change_setting
    change_setting(demo_db, key="card_confirmations_required", value_text="3",
                   staff_id=staff_id(demo_db, "manager"))
    again = confirmation_report(demo_db, start=DAY, end=DAY)
    assert [u.short for u in again.units] == [False, True]
    assert render(again.units[0].summary()) == "card confirmed 4 of 3 times"
    with pytest.raises(UserError) as refused:
        confirmation_report(demo_db, start=DAY, end=DAY - timedelta(days=1))
    assert refused.value.message_id == "job.bad_period"
    assert verify(demo_db).ok


def test_pos_report_confirmations(sqlite_demo_db, tmp_path, capsys, monkeypatch):
    from pos.cli import main

    monkeypatch.setenv("POS_LOCALE", "en")
    db = sqlite_demo_db
    first, _third, _job = report_scene(db)
    out = tmp_path / "c.csv"
    assert main([f"--db={db.url}", "--terminal=T01", "report", "confirmations", "--from",
                 DAY.isoformat(), "--to", DAY.isoformat(), "--csv", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"{first.receipt_no}" in printed and "card confirmed 4 of 5 times" in printed
    assert out.read_bytes().decode("utf-8-sig").splitlines()[0].startswith("receipt,sold_on")
    assert main([f"--db={db.url}", "report", "confirmations", "--from", "2030-01-16",
                 "--to", "2030-01-15"]) == 1
    assert main([f"--db={db.url}", "report", "day", "--date", DAY.isoformat()]) == 0


def test_points_are_parked_and_resumed_with_the_cart(demo_db):
    from pos.selling import parking

    seller = staff_id(demo_db, "cashier")
    cart, unit = unit_cart(demo_db, "PF3CONF201")
    record_confirmation(cart, main_line_id=unit.line_id, point="before_agree", accepted=False,
                        staff_id=seller)
    parking.park_cart(demo_db, cart, label="back soon")
    back = parking.resume_cart(demo_db, cart_uuid=cart.uuid, staff_id=staff_id(demo_db, "manager"))
    assert back.confirmations == cart.confirmations
    record_confirmation(back, main_line_id=unit.line_id, point="after_agree", accepted=False,
                        staff_id=back.staff_id)
    sale = pay(demo_db, back)
    assert sorted((r.point.value, r.staff_id, r.sale_id) for r in rows(demo_db)) == [
        ("after_agree", staff_id(demo_db, "manager"), sale.sale_id),
        ("before_agree", seller, sale.sale_id)]
    assert verify(demo_db).ok


def test_a_sale_without_points_adds_no_statement(demo_db):
    """Completion's hot path: a cart with no confirmation point touches neither the
    table nor the journal for them; one with points writes them in the sale's own
    transaction."""
    from sqlalchemy import event

    seen = []

    def statement(_conn, _cursor, text, *_args):
        seen.append(text)

    plain, _ = unit_cart(demo_db, "PF3CONF301")
    asked, unit = unit_cart(demo_db, "PF3CONF302")
    record_confirmation(asked, main_line_id=unit.line_id, point="at_payment", accepted=False,
                        staff_id=asked.staff_id)
    event.listen(demo_db.engine, "before_cursor_execute", statement)
    try:
        pay(demo_db, plain)
        without = list(seen)
        seen.clear()
        pay(demo_db, asked)
    finally:
        event.remove(demo_db.engine, "before_cursor_execute", statement)
    assert not any("card_confirmations" in text for text in without)
    assert sum("INSERT INTO card_confirmations" in text for text in seen) == 1
