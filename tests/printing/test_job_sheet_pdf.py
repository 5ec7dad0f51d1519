"""The service job card PDF (printing.job_sheet_pdf): the job number as a barcode, the
customer, unit and serial, need and fault, accessories, condition, estimate, the card's
coverage and the claim, the job sheet's items with their outcomes, and the customer's
signature box, in English and Chinese on one A4 page."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from pos.printjobs.records import StoreHeader
from printing.job_sheet_pdf import JobCard, JobCardItem, job_card_pdf

STORE = StoreHeader("Tickbox Electronics", "12 Main St", "010-5555", "", "CNY", "en", "")
ITEMS = (JobCardItem("Memory upgrade 8 GB", True, "Yes, interested", "sold"),
         JobCardItem("Antivirus 1 year", True, "Maybe later", "declined"),
         JobCardItem("Wi-Fi router", False, "", "not_offered"))


def repair(**changes) -> JobCard:
    values = dict(
        job_no="S01-JB-000042", kind="repair", state="received",
        registered_at=datetime(2026, 12, 2, 3, 0, tzinfo=UTC),
        customer_name="Chen Jie", customer_phone="13800138000",
        unit_name="ThinkPad E14 Gen 5", serial="PF3ABC12", receipt_no="S01-000123",
        need="Screen flickers", fault="Flickers past 90 degrees", accessories="Charger, bag",
        condition="Scratch on the lid", estimate=15000, technician_name="Wang Qiang",
        card_no="S01-CD-000007", coverage="Hardware repair carry-in until Nov 23, 2029",
        claim_no="S01-CL-000001", items=ITEMS)
    values.update(changes)
    return JobCard(**values)


def text_of(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) == 1
    return pages[0].extract_text()


def test_the_job_card_shows_the_job_unit_coverage_items_and_signature_box():
    data = job_card_pdf(STORE, repair(), locale="en")
    text = text_of(data)
    for expected in ("Service job card", "Repair intake", "S01-JB-000042", "Chen Jie",
                     "13800138000", "ThinkPad E14 Gen 5", "PF3ABC12", "Screen flickers",
                     "Flickers past 90 degrees", "Charger, bag", "Scratch on the lid",
                     "150.00", "S01-CD-000007", "until Nov 23, 2029",
                     "Covered: claim S01-CL-000001", "Memory upgrade 8 GB", "Sold",
                     "Declined", "Not offered", "proposed: Yes, interested",
                     "Customer's signature", "Wang Qiang"):
        assert expected in text, expected
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert float(page.mediabox.width) == pytest.approx(A4[0], abs=0.5)


def test_a_job_without_a_card_says_the_work_is_paid_and_an_installation_has_its_area():
    job = repair(kind="installation", state="arrived", card_no="", coverage="", claim_no="",
                 fault="", accessories="", condition="", estimate=None, area="city",
                 address="8 Garden Rd", items=())
    text = text_of(job_card_pdf(STORE, job, locale="en"))
    assert "No service card: the work is paid" in text
    assert "Installation" in text and "Arrived" in text and "City" in text
    assert "8 Garden Rd" in text and "No items on this job's sheet" in text
    assert "Accessories left" not in text and "Estimate" not in text


def test_the_job_card_in_chinese():
    text = text_of(job_card_pdf(STORE, repair(), locale="zh_CN"))
    for expected in ("服务工单", "送修登记", "已接收", "客户签字", "随机附件", "预估费用",
                     "服务推荐单", "已售", "拒绝", "未推荐", "已推荐：Yes, interested",
                     "S01-JB-000042", "在保：理赔单 S01-CL-000001"):
        assert expected in text, expected
    assert "Service job card" not in text


def test_paid_work_says_why():
    job = repair(claim_no="S01-CL-000002", claim_paid=True,
                 claim="The card ended on Nov 23, 2025")
    text = text_of(job_card_pdf(STORE, job, locale="en"))
    assert "Paid service (claim S01-CL-000002): The card ended on Nov 23, 2025" in text
    assert "Covered" not in text


def real_job_card(db, locale: str) -> tuple[bytes, object]:
    """An on-site visit for a notebook sold here with a gold card, its call made, an
    item declined and the service claimed on the card; its card as ui.ops.jobs prints it."""
    from pos.service.claims import claim
    from pos.service.job_sheet import record_call, record_outcome
    from pos.service.jobs import register_job
    from tests.integration.job_helpers import request, sell_notebook, staff_id
    from ui.ops.jobs import job_card, load_detail

    sale = sell_notebook(db, serial="PF3CARD001", card="gold")
    wang = staff_id(db, "installer")
    job = register_job(db, kind="on_site", staff_id=wang, request_id=request(),
                       receipt=sale.receipt_no, need="No network after an update",
                       area="county", address="Lucun 12", technician=wang, terminal="T01")
    items = [item for section in load_detail(db, job.job_no).sheet.sections
             for item in section.items]
    record_call(db, job_no=job.job_no, staff_id=wang,
                items=[(items[0].code, "Interested", "not_offered")])
    record_outcome(db, job_no=job.job_no, item_code=items[1].code, outcome="declined",
                   staff_id=wang)
    claimed = claim(db, job_no=job.job_no, staff_id=wang)
    detail = load_detail(db, job.job_no)
    return job_card_pdf(STORE, job_card(detail, locale), locale=locale), (job, claimed, items)


def test_a_real_jobs_card_has_its_card_claim_and_sheet(sqlite_demo_db):
    data, (job, claimed, items) = real_job_card(sqlite_demo_db, "en")
    text = text_of(data)
    assert claimed.covered
    for expected in (job.job_no, job.card_no, f"Covered: claim {claimed.claim_no}",
                     "On-site visit", "Liu Yang",
                     "PF3CARD001", "No network after an update", "County", "Lucun 12",
                     items[0].name, "proposed: Interested", items[1].name, "Declined"):
        assert expected in text, expected
    assert "No service card" not in text
