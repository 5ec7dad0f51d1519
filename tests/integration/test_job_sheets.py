"""Each job kind's own sheet (the department's list for the unit's category, imported
like the sales sheets with `department`), the pre-visit call and outcomes recorded on a
job; every refusal changes nothing; SQLite and PostgreSQL, ending with journal verify."""

import tomllib

import pytest
from sqlalchemy import func, select

from pos.catalog import checklists
from pos.db.models import (
    Category, DepartmentSheet, JobEvent, JobItemOutcome, SheetTemplate,
)
from pos.kernel.enums import Department, JobEventKind, Outcome
from pos.kernel.errors import UserError
from pos.ledger import verify
from pos.service import job_sheet, jobs, states
from tests.integration.job_helpers import job_snapshot, request, sell_notebook, staff_id


def assert_verifies(db):
    result = verify.verify(db)
    assert result.ok, result.problem


def job_on_notebook(db, kind="installation", serial="PF3JOB0001", sell=True, **changes):
    """A job on a notebook sold here (or, `sell=False`, a repair of one not sold here)."""
    if sell:
        sell_notebook(db, serial=serial)
    values = dict(kind=kind, staff_id=staff_id(db, "cashier"), request_id=request(),
                  serial=serial, need="Set up the new notebook at home", area="city",
                  address="12 Renmin Road")
    if kind == "repair":
        values.update(fault="Fan loud, shuts down when hot", area=None)
    values.update(changes)
    return jobs.register_job(db, **values)


def outcomes(db):
    with db.read() as session:
        return session.execute(select(JobItemOutcome.__table__).order_by(
            JobItemOutcome.id)).all()


def refused(db, message_id, call, *args, **kwargs):
    before = (job_snapshot(db), outcomes(db))
    with pytest.raises(UserError) as caught:
        call(*args, **kwargs)
    assert caught.value.message_id == message_id, caught.value
    assert (job_snapshot(db), outcomes(db)) == before


@pytest.mark.parametrize(("kind", "template", "department", "first_items"), [
    ("installation", "install-pc", Department.INSTALLATION, ["screen-film", "cleaning-kit"]),
    ("on_site", "onsite-pc", Department.ON_SITE, ["memory", "software", "router", "broadband"]),
    ("repair", "repair-pc", Department.REPAIR, ["ssd-upgrade", "memory", "battery"]),
])
def test_each_job_kind_shows_its_departments_sheet_for_the_unit(demo_db, kind, template,
                                                                department, first_items):
    job = job_on_notebook(demo_db, kind=kind)
    sheet = job_sheet.job_sheet(demo_db, job_no=job.job_no)
    assert sheet.template_code == template and sheet.department is department
    assert [item.code for item in sheet.items][:len(first_items)] == first_items
    for item in sheet.items:  # high price first, the item's price its dearest product's
        prices = [p.price for p in item.products]
        assert prices == sorted(prices, reverse=True) and item.price == prices[0]
        assert item.script and item.outcome is None and not item.proposed_in_call
    memory = sheet.item("memory") or sheet.item("mouse-keyboard")
    assert memory is not None
    # the counter's sheet of the category is untouched: still the notebook's
    with demo_db.read() as session:
        counter = session.scalar(select(SheetTemplate.code).join(
            Category, Category.sheet_template_id == SheetTemplate.id)
            .where(Category.code == "NOTEBOOK"))
    assert counter == "notebook"


def test_a_repair_of_a_unit_not_sold_here_takes_the_repair_desks_list(demo_db):
    job = job_on_notebook(demo_db, kind="repair", serial="ELSEWHERE-1", sell=False)
    assert job.not_sold_here
    sheet = job_sheet.job_sheet(demo_db, job_no=job.job_no)
    assert sheet.template_code == "repair-pc"
    assert {"ssd-upgrade", "battery", "backup"} <= {item.code for item in sheet.items}


def test_the_pre_visit_call_records_what_was_proposed_and_the_answers(demo_db):
    db = demo_db
    job = job_on_notebook(db, kind="on_site")
    technician = staff_id(db, "installer")
    sheet = job_sheet.record_call(db, job_no=job.job_no, staff_id=technician, items=[
        ("memory", "Yes, bring 16 GB", "not_offered"),
        ("router", "Has one already", Outcome.DECLINED),
    ])
    memory, router = sheet.item("memory"), sheet.item("router")
    assert memory.proposed_in_call and memory.answer == "Yes, bring 16 GB"
    assert memory.outcome is Outcome.NOT_OFFERED
    assert router.proposed_in_call and router.outcome is Outcome.DECLINED
    assert sheet.item("broadband").outcome is None and not sheet.item("broadband").proposed_in_call
    rows = {row.item_code: row for row in outcomes(db)}
    assert set(rows) == {"memory", "router"} and rows["router"].staff_id == technician
    with db.read() as session:
        events = session.execute(select(JobEvent.kind, JobEvent.details_json, JobEvent.staff_id)
                                 .where(JobEvent.job_id == rows["memory"].job_id)
                                 .order_by(JobEvent.id)).all()
    assert events[-1].kind is JobEventKind.CALL and events[-1].staff_id == technician
    assert '"Has one already"' in events[-1].details_json
    # on site the customer declines the memory after all; broadband never came up
    sheet = job_sheet.record_outcome(db, job_no=job.job_no, item_code="memory",
                                     outcome="declined", staff_id=technician)
    assert sheet.item("memory").outcome is Outcome.DECLINED
    assert sheet.item("memory").proposed_in_call  # still proposed on the call
    sheet = job_sheet.record_outcome(db, job_no=job.job_no, item_code="broadband",
                                     outcome="not_offered", staff_id=technician)
    assert sheet.item("broadband").outcome is Outcome.NOT_OFFERED
    assert job_sheet.job_sheet(db, job_no=job.job_no) == sheet
    assert_verifies(db)


def test_call_and_outcome_refusals_change_nothing(demo_db):
    db = demo_db
    job = job_on_notebook(db, kind="on_site")
    technician, cashier = staff_id(db, "installer"), staff_id(db, "cashier")
    call = job_sheet.record_call
    refused(db, "job.call_needs_items", call, db, job_no=job.job_no, staff_id=technician,
            items=[])
    refused(db, "job.item_not_on_sheet", call, db, job_no=job.job_no, staff_id=technician,
            items=[("memory", "yes", "not_offered"), ("game-wheel", "no", "declined")])
    refused(db, "job.item_sold_by_sale", call, db, job_no=job.job_no, staff_id=technician,
            items=[("memory", "yes", "sold")])
    refused(db, "sheet.bad_outcome", call, db, job_no=job.job_no, staff_id=technician,
            items=[("memory", "yes", "maybe")])
    refused(db, "job.not_allowed", call, db, job_no=job.job_no, staff_id=cashier,
            items=[("memory", "yes", "declined")])
    refused(db, "job.unknown", call, db, job_no="S01-JB-999999", staff_id=technician,
            items=[("memory", "yes", "declined")])
    refused(db, "job.item_sold_by_sale", job_sheet.record_outcome, db, job_no=job.job_no,
            item_code="memory", outcome="sold", staff_id=technician)
    states.move(db, job_no=job.job_no, to="cancelled", staff_id=technician)
    refused(db, "job.closed", call, db, job_no=job.job_no, staff_id=technician,
            items=[("memory", "yes", "declined")])
    refused(db, "job.closed", job_sheet.record_outcome, db, job_no=job.job_no,
            item_code="memory", outcome="declined", staff_id=technician)
    assert outcomes(db) == []
    assert_verifies(db)


REPAIR_SHEET = b'''
[[sheet]]
code = "repair-phone"
name = "Repair desk list (phones)"
department = "repair"
categories = ["PHONE"]

[[sheet.section]]
code = "care"
title = "Care"

[[sheet.section.item]]
code = "screen-protector"
name = "Screen protector"
products = ["PHN-GLS-PRIV", "PHN-GLS-HD"]
'''


def test_a_checklist_sheet_of_a_department_fills_its_department_sheets(demo_db):
    db = demo_db
    result = checklists.import_checklists_file(db, data=REPAIR_SHEET)
    assert result.sheets == 1
    with db.read() as session:
        template = session.scalar(select(SheetTemplate).where(
            SheetTemplate.code == "repair-phone"))
        assert template.department is Department.REPAIR
        linked = session.execute(select(DepartmentSheet.department, Category.code).join(
            Category, Category.id == DepartmentSheet.category_id).where(
            DepartmentSheet.template_id == template.id)).all()
        assert linked == [(Department.REPAIR, "PHONE")]
        # the phone's counter sheet stays the counter's
        assert session.scalar(select(SheetTemplate.code).join(
            Category, Category.sheet_template_id == SheetTemplate.id)
            .where(Category.code == "PHONE")) == "phone"
    exported = tomllib.loads(checklists.export_checklists(db).decode())
    sheets = {sheet["code"]: sheet for sheet in exported["sheet"]}
    assert sheets["repair-phone"]["department"] == "repair"
    assert sheets["repair-phone"]["categories"] == ["PHONE"]
    assert sheets["install-pc"]["categories"] == ["DESKTOP", "NOTEBOOK"]
    assert "department" not in sheets["phone"]
    # exported and imported back, nothing moves
    with db.read() as session:
        before = session.execute(select(DepartmentSheet.__table__).order_by(
            DepartmentSheet.department, DepartmentSheet.category_id)).all()
    checklists.import_checklists_file(db, data=checklists.export_checklists(db))
    with db.read() as session:
        assert session.execute(select(DepartmentSheet.__table__).order_by(
            DepartmentSheet.department, DepartmentSheet.category_id)).all() == before
    # a second repair sheet for the notebooks is refused: they are on repair-pc
    taken = REPAIR_SHEET.replace(b'"repair-phone"', b'"repair-nb"').replace(
        b'["PHONE"]', b'["NOTEBOOK"]')
    with pytest.raises(UserError) as caught:
        checklists.import_checklists_file(db, data=taken)
    assert "repair-pc" in " ".join(str(d) for d in caught.value.details)
    bad = REPAIR_SHEET.replace(b'"repair"', b'"warehouse"')
    with pytest.raises(UserError) as caught:
        checklists.import_checklists_file(db, data=bad)
    assert "warehouse" in " ".join(str(d) for d in caught.value.details)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(SheetTemplate).where(
            SheetTemplate.code.in_(["repair-nb"]))) == 0
