"""Selling on a job: an add-on against the unit sold here, or a plain sale linked to the
job for a repair of a unit not sold here; the sale names its job (sales.job_id), the
job's sheet items it sold are marked sold with the receipt and the job gets a sealed
"sold" event, all in the sale's transaction; a closed job takes no sale and a refusal
changes nothing. SQLite and PostgreSQL, ending with journal verify."""

import json

import pytest
from sqlalchemy import select

from pos.db.models import JobEvent, Sale, ServiceJob
from pos.kernel.enums import DocumentKind, JobEventKind, Outcome
from pos.kernel.errors import UserError
from pos.people import customers
from pos.selling import completion
from pos.selling.cart import TenderInput
from pos.service import job_sales, job_sheet, states
from tests.integration.checkout_helpers import db_state
from tests.integration.job_helpers import job_snapshot, staff_id
from tests.integration.test_job_sheets import assert_verifies, job_on_notebook, outcomes


def pay(db, cart):
    due = sum(line.total for line in cart.billable_lines())
    return completion.complete_sale(db, cart, tenders=[TenderInput("wechat", due)])


def job_events(db, job_no):
    with db.read() as session:
        return session.execute(
            select(JobEvent.kind, JobEvent.details_json, JobEvent.staff_id)
            .join(ServiceJob, ServiceJob.id == JobEvent.job_id)
            .where(ServiceJob.job_no == job_no).order_by(JobEvent.id)).all()


def test_an_installer_sells_on_the_job_as_an_add_on_to_the_unit_sold_here(demo_db):
    db = demo_db
    job = job_on_notebook(db, kind="installation")
    installer = staff_id(db, "installer")
    job_sheet.record_outcome(db, job_no=job.job_no, item_code="bag", outcome="declined",
                             staff_id=installer)
    cart = job_sales.open_job_sale(db, job_no=job.job_no, staff_id=installer, terminal="T02")
    assert cart.job_id is not None and cart.original_receipt == job.receipt_no
    unit = cart.main_units()[0]
    assert unit.existing_line_id is not None and unit.serial == "PF3JOB0001"
    film = job_sales.add_job_item(db, cart, job_no=job.job_no, item_code="screen-film")
    mouse = job_sales.add_job_item(db, cart, job_no=job.job_no, item_code="mouse-keyboard",
                                   sku="PER-MS-M185")
    assert (film.sku, mouse.sku) == ("PRO-NBF-16", "PER-MS-M185")  # the dearest, or chosen
    done = pay(db, cart)
    with db.read() as session:
        sale = session.scalar(select(Sale).where(Sale.id == done.sale_id))
        assert sale.kind is DocumentKind.ADDON and sale.job_id == cart.job_id
        assert sale.staff_id == installer
    sheet = job_sheet.job_sheet(db, job_no=job.job_no)
    for code in ("screen-film", "mouse-keyboard"):
        item = sheet.item(code)
        assert item.outcome is Outcome.SOLD and item.sold_receipt == done.receipt_no
    assert sheet.item("bag").outcome is Outcome.DECLINED
    assert sheet.item("router").outcome is None
    rows = {row.item_code: row for row in outcomes(db)}
    assert rows["screen-film"].sold_sale_id == done.sale_id
    assert rows["screen-film"].staff_id == installer
    sold = [e for e in job_events(db, job.job_no) if e.kind is JobEventKind.SOLD]
    assert len(sold) == 1 and sold[0].staff_id == installer
    assert json.loads(sold[0].details_json) == {
        "receipt": done.receipt_no, "items": ["screen-film", "mouse-keyboard"]}
    # what was sold stays sold: declining it later is refused
    with pytest.raises(UserError) as caught:
        job_sheet.record_outcome(db, job_no=job.job_no, item_code="screen-film",
                                 outcome="declined", staff_id=installer)
    assert caught.value.message_id == "job.item_already_sold"
    # the same cart again makes no second sale and no second event
    assert pay(db, cart).replayed
    assert len([e for e in job_events(db, job.job_no) if e.kind is JobEventKind.SOLD]) == 1
    assert_verifies(db)


def test_a_repair_of_a_unit_not_sold_here_sells_a_plain_sale_linked_to_the_job(demo_db):
    db = demo_db
    customer = customers.create_customer(db, phone="13700001111", name="Zhao Min")
    job = job_on_notebook(db, kind="repair", serial="ELSEWHERE-7", sell=False,
                          customer="13700001111")
    technician = staff_id(db, "installer")
    cart = job_sales.open_job_sale(db, job_no=job.job_no, staff_id=technician, terminal="T03")
    assert cart.original_sale_id is None and cart.customer_id == customer.id
    assert cart.main_units() == []
    job_sales.add_job_item(db, cart, job_no=job.job_no, item_code="ssd-upgrade")
    job_sales.add_job_item(db, cart, job_no=job.job_no, item_code="backup", sku="STO-USB-128")
    done = pay(db, cart)
    with db.read() as session:
        sale = session.scalar(select(Sale).where(Sale.id == done.sale_id))
        assert sale.kind is DocumentKind.SALE and sale.customer_id == customer.id
        assert sale.job_id == cart.job_id
    sheet = job_sheet.job_sheet(db, job_no=job.job_no)
    assert {i.code for i in sheet.items if i.outcome is Outcome.SOLD} == {"ssd-upgrade", "backup"}
    assert all(i.sold_receipt == done.receipt_no for i in sheet.items if i.outcome)
    assert_verifies(db)


def test_a_closed_job_takes_no_sale_and_the_refusal_changes_nothing(demo_db):
    db = demo_db
    job = job_on_notebook(db, kind="installation")
    installer = staff_id(db, "installer")
    with pytest.raises(UserError) as caught:
        job_sales.open_job_sale(db, job_no=job.job_no, staff_id=staff_id(db, "cashier"),
                                terminal="T02")
    assert caught.value.message_id == "job.not_allowed"
    cart = job_sales.open_job_sale(db, job_no=job.job_no, staff_id=installer, terminal="T02")
    job_sales.add_job_item(db, cart, job_no=job.job_no, item_code="screen-film")
    with pytest.raises(UserError) as caught:
        job_sales.add_job_item(db, cart, job_no=job.job_no, item_code="flight-stick")
    assert caught.value.message_id == "job.item_not_on_sheet"
    with pytest.raises(UserError) as caught:
        job_sales.add_job_item(db, cart, job_no=job.job_no, item_code="bag", sku="PRO-CLN-PC")
    assert caught.value.message_id == "sheet.product_not_for_item"
    states.move(db, job_no=job.job_no, to="cancelled", staff_id=installer)
    before = (db_state(db), job_snapshot(db), outcomes(db))
    with pytest.raises(UserError) as caught:  # opened before the job was cancelled
        pay(db, cart)
    assert caught.value.message_id == "job.closed"
    assert (db_state(db), job_snapshot(db), outcomes(db)) == before
    with pytest.raises(UserError) as caught:
        job_sales.open_job_sale(db, job_no=job.job_no, staff_id=installer, terminal="T02")
    assert caught.value.message_id == "job.closed"
    with pytest.raises(UserError) as caught:
        job_sales.open_job_sale(db, job_no="S01-JB-000404", staff_id=installer, terminal="T02")
    assert caught.value.message_id == "job.unknown"
    # the receipt number was not taken: the next add-on at T02 is the first
    other = job_on_notebook(db, kind="installation", serial="PF3JOB0002")
    cart = job_sales.open_job_sale(db, job_no=other.job_no, staff_id=installer, terminal="T02")
    job_sales.add_job_item(db, cart, job_no=other.job_no, item_code="cleaning-kit")
    assert pay(db, cart).receipt_no == "T02-000001"
    assert_verifies(db)


def test_a_job_cart_parks_and_resumes_with_its_job(demo_db):
    from pos.selling.cart import Cart

    job = job_on_notebook(demo_db, kind="installation")
    cart = job_sales.open_job_sale(demo_db, job_no=job.job_no,
                                   staff_id=staff_id(demo_db, "installer"), terminal="T02")
    again = Cart.from_json_dict(json.loads(json.dumps(cart.to_json_dict())))
    assert again.job_id == cart.job_id
    damaged = cart.to_json_dict() | {"job_id": "1"}
    with pytest.raises(UserError):
        Cart.from_json_dict(damaged)
