"""The day and period reports' attach selling by department (counter, installation,
on-site, repair) and by technician, from the jobs' sheets; left out of every output
when no job was worked, so reports without jobs are as before. SQLite and PostgreSQL."""

import io
from datetime import date, timedelta

from pypdf import PdfReader

from pos.cli.reports import show_report
from pos.day import reports
from pos.selling import checkout, sheet
from pos.service import job_sales, job_sheet
from pos.service.job_sales import DepartmentAttach
from printing.report_pdf import report_pdf
from tests.integration.checkout_helpers import NOTEBOOK, item_id, new_cart
from tests.integration.job_helpers import sell_notebook, staff_id
from tests.integration.test_job_selling import pay
from tests.integration.test_job_sheets import assert_verifies, job_on_notebook


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_a_report_without_jobs_has_no_department_section(demo_db, capsys):
    sell_notebook(demo_db)
    report = reports.day_report(demo_db, day=date.today())
    assert report.kpis.units == 1
    assert report.departments == [] and report.technicians == []
    assert b"attach_department" not in reports.report_csv(report)
    show_report(report)
    assert "by department" not in capsys.readouterr().out
    assert "Attach selling by department" not in pdf_text(report_pdf(report))


def test_attach_by_department_and_technician_from_the_jobs_sheets(demo_db, capsys):
    db = demo_db
    installer = staff_id(db, "installer")
    install = job_on_notebook(db, kind="installation", technician=installer)
    visit = job_on_notebook(db, kind="on_site", serial="PF3JOB0002", technician=installer)
    repair = job_on_notebook(db, kind="repair", serial="ELSEWHERE-9", sell=False)
    # the installer sells film and a mouse on the installation
    cart = job_sales.open_job_sale(db, job_no=install.job_no, staff_id=installer,
                                   terminal="T02")
    job_sales.add_job_item(db, cart, job_no=install.job_no, item_code="screen-film")
    job_sales.add_job_item(db, cart, job_no=install.job_no, item_code="mouse-keyboard")
    pay(db, cart)
    # the visit's call proposed memory, declined; the repair desk sells a battery
    job_sheet.record_call(db, job_no=visit.job_no, staff_id=installer,
                          items=[("memory", "Not now", "declined")])
    manager = staff_id(db, "manager")
    cart = job_sales.open_job_sale(db, job_no=repair.job_no, staff_id=manager, terminal="T03")
    job_sales.add_job_item(db, cart, job_no=repair.job_no, item_code="battery")
    pay(db, cart)

    # the counter sells a third notebook with its bag
    cart = new_cart(db)
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    checkout.set_serial(db, cart, line_id=unit.line_id, serial="PF3JOB0003")
    sheet.mark_item(db, cart, main_line_id=unit.line_id,
                    item_id=item_id(db, cart, unit.line_id, "bag"), outcome="sold")
    pay(db, cart)

    report = reports.day_report(db, day=date.today())
    k = report.kpis
    # the sales' KPIs count the installer's film and mouse for the unit; the counter's
    # attach does not: they were sold on the installation job
    assert k.units == 3 and k.attach.count == 2 and k.items_per_unit.count == 3
    assert report.departments == [
        DepartmentAttach("counter", 3, 1, 1),
        DepartmentAttach("installation", 1, 1, 2),
        DepartmentAttach("on_site", 1, 0, 0),
        DepartmentAttach("repair", 1, 1, 1),
    ]
    assert report.departments[1].rate_bp == 10_000 and report.departments[2].rate_bp == 0
    # the installer's two jobs; the repair, unassigned, is the manager's who sold on it
    assert report.technicians == [DepartmentAttach("Wang Qiang", 2, 1, 2),
                                  DepartmentAttach("Zhang Wei", 1, 1, 1)]
    csv = reports.report_csv(report).decode()
    assert "attach_department,installation,1,2,1 100%" in csv
    assert "attach_technician,Wang Qiang,2,2,1 50%" in csv
    show_report(report)
    out = capsys.readouterr().out
    assert "attach selling by department" in out and "Wang Qiang" in out
    text = pdf_text(report_pdf(report))
    assert "Attach selling by department" in text and "Installation" in text
    assert "Attach selling by technician" in text
    assert "各部门配售" in pdf_text(report_pdf(report, locale="zh_CN"))

    # a period holding the day says the same; so does the store's and its till's report
    week = reports.period_report(db, start=date.today() - timedelta(days=6), end=date.today())
    assert week.departments == report.departments and week.technicians == report.technicians
    assert reports.day_report(db, day=date.today(), store="S01").departments == \
        report.departments
    assert reports.day_report(db, day=date.today(), terminal="T01").departments[1:] == \
        report.departments[1:]
    # the day before had no job
    assert reports.day_report(db, day=date.today() - timedelta(days=1)).departments == []
    assert_verifies(db)
