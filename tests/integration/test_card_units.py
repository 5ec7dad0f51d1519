"""Business cards for ten PCs (issue 20, point 4), on SQLite and PostgreSQL: the card's own
unit is registered at its sale; more are registered by serial up to the tier's limit
(the eleventh refused), each sealed as an audit event; a claim is accepted for any
registered unit; every refusal changes nothing; every test ends with verify."""

import json
import uuid
from datetime import date

import pytest
from sqlalchemy import func, select, update

from pos.db.models import AuditEvent, CardUnit, JournalEntry
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.service import card_units, claims
from pos.service.card_history import card_history
from pos.service.jobs import register_job
from tests.integration.checkout_helpers import NOTEBOOK, staff_id
from tests.integration.test_card_claims import sell


def snapshot(db) -> tuple:
    with db.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(model))
                     for model in (CardUnit, AuditEvent, JournalEntry))


def refused(db, call, message_id: str) -> UserError:
    before = snapshot(db)
    with pytest.raises(UserError) as caught:
        call()
    assert caught.value.message_id == message_id, caught.value
    assert snapshot(db) == before
    return caught.value


def register(db, card_no: str, serial: str, **kw):
    return card_units.register_unit(db, card_no=card_no, serial=serial,
                                    staff_id=staff_id(db, "cashier"), **kw)


def test_a_business_card_covers_its_own_unit_and_nine_more_not_eleven(demo_db):
    db = demo_db
    sale = sell(db, "PF3BIZ1000", "blue-gold", business=True)
    card_no = sale.card_numbers[0]
    history = card_history(db, card_no=card_no)
    assert [(u.serial, u.own) for u in history.units] == [("PF3BIZ1000", True)]
    assert history.units[0].registered_at is not None  # registered and sealed at the sale
    with db.read() as session:
        sealed = session.scalar(select(AuditEvent).where(AuditEvent.action == "card_unit"))
        assert json.loads(sealed.details_json)["serial"] == "PF3BIZ1000"
    refused(db, lambda: register(db, card_no, "pf3biz1000"), "card.unit_registered")
    first = register(db, card_no, " pf3biz1001 ", product=NOTEBOOK)
    assert (first.serial, first.own, first.product_name) == (
        "PF3BIZ1001", False, "Lenovo Xiaoxin Pro 14 notebook (Ultra 5 / 32GB / 1TB)")
    for n in range(2, 10):
        register(db, card_no, f"PF3BIZ10{n:02d}")
    assert len(card_history(db, card_no=card_no).units) == 10
    error = refused(db, lambda: register(db, card_no, "PF3BIZ1010"), "card.units_full")
    assert error.params == {"card": card_no, "most": 10}
    refused(db, lambda: register(db, card_no, "PF3BIZ1011", product="NO-SUCH"),
            "card.units_full")
    refused(db, lambda: register(db, "S01-C-NOPE", "PF3BIZ1012"), "card.no_number")
    assert verify(db).ok


def test_a_claim_is_accepted_for_any_registered_unit(demo_db):
    db = demo_db
    sale = sell(db, "PF3BIZ2000", "blue-gold", business=True)
    card_no = sale.card_numbers[0]
    register(db, card_no, "PF3BIZ2001")
    # a PC of the business not bought here, now on the card: an on-site visit by serial
    visit = register_job(db, kind="on_site", staff_id=staff_id(db, "cashier"),
                         request_id=str(uuid.uuid4()), serial="PF3BIZ2001", area="city",
                         need="reinstall the office suite")
    made = claims.claim(db, job_no=visit.job_no, staff_id=staff_id(db, "installer"))
    assert (made.covered, made.card_no, made.serial) == (True, card_no, "PF3BIZ2001")
    found = claims.coverage(db, serial="PF3BIZ2001")
    assert found.card_no == card_no and found.covered and found.units_covered == 10
    history = card_history(db, card_no=card_no)
    assert [c.claim_no for c in history.claims] == [made.claim_no]
    assert history.claims[0].job_no == visit.job_no
    assert verify(db).ok


def test_single_unit_cancelled_and_expired_cards_take_no_units(demo_db):
    db = demo_db
    gold = sell(db, "PF3BIZ3000", "gold").card_numbers[0]
    refused(db, lambda: register(db, gold, "PF3BIZ3001"), "card.single_unit")
    blue = sell(db, "PF3BIZ3100", "blue-gold", business=True).card_numbers[0]
    later = date.today().replace(year=date.today().year + 2)
    refused(db, lambda: register(db, blue, "PF3BIZ3101", on=later), "card.unit_card_expired")
    refused(db, lambda: register(db, blue, "PF3BIZ3000"), "card.unit_other_card")
    refused(db, lambda: card_units.register_unit(db, card_no=blue, serial="PF3BIZ3102",
                                                 staff_id=999_999), "permission.log_in_first")
    from pos.aftersale import returns
    from pos.aftersale.returns import ReturnItem
    from pos.db.models import SaleLine, ServiceCard
    from pos.selling.cart import TenderInput

    with db.read() as session:
        card = session.scalar(select(ServiceCard).where(ServiceCard.card_no == blue))
        line = session.get(SaleLine, card.line_id)
        receipt = line.sale.receipt_no
        position, price = line.position, line.line_total
    returns.refund(db, receipt_no=receipt, staff_id=staff_id(db, "manager"),
                   items=[ReturnItem(position, 1)], tenders=[TenderInput("cash", price)])
    refused(db, lambda: register(db, blue, "PF3BIZ3103"), "card.unit_card_cancelled")
    assert verify(db).ok


def test_a_tampered_or_deleted_unit_fails_verify(demo_db):
    db = demo_db
    card_no = sell(db, "PF3BIZ4000", "blue-gold", business=True).card_numbers[0]
    register(db, card_no, "PF3BIZ4001")
    assert verify(db).ok
    with db.write_connection() as conn:  # a PC swapped on the card behind the till's back
        conn.execute(update(CardUnit).where(CardUnit.serial == "PF3BIZ4001")
                     .values(serial="PF3OTHER01"))
    result = verify(db)
    assert not result.ok and "PF3OTHER01" in result.problem
    with db.write_connection() as conn:
        conn.execute(CardUnit.__table__.delete().where(CardUnit.serial == "PF3OTHER01"))
    result = verify(db)
    assert not result.ok and "PF3BIZ4001" in result.problem and "has no row" in result.problem


def race(calls) -> list:
    """Run the calls at once (threads through a barrier): each one's result or refusal."""
    import threading

    barrier, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(index, call):
        barrier.wait()
        try:
            results[index] = call()
        except UserError as refusal:
            results[index] = refusal.message_id

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_tills_racing_for_the_last_units_register_only_up_to_the_limit(demo_db):
    db = demo_db
    card_no = sell(db, "PF3BIZ5000", "blue-gold", business=True).card_numbers[0]
    cashier = staff_id(db, "cashier")
    for n in range(1, 8):
        register(db, card_no, f"PF3BIZ50{n:02d}")
    results = race([lambda n=n: card_units.register_unit(
        db, card_no=card_no, serial=f"PF3BIZ51{n:02d}", staff_id=cashier) for n in range(5)])
    registered = [r for r in results if not isinstance(r, str)]
    assert len(registered) == 2 and results.count("card.units_full") == 3
    assert len(card_history(db, card_no=card_no).units) == 10
    # two claims of the same work on one job at once: one claim
    visit = register_job(db, kind="on_site", staff_id=cashier, request_id=str(uuid.uuid4()),
                         serial="PF3BIZ5001", area="city", need="antivirus")
    results = race([lambda: claims.claim(db, job_no=visit.job_no, staff_id=cashier)
                    for _ in range(3)])
    assert sum(not isinstance(r, str) for r in results) == 1
    assert results.count("claim.already") == 2
    assert verify(db).ok
