"""The service job card (服务工单): one A4 page for an installation, an on-site visit or a
repair intake, in the store's language (English or Chinese). It shows the job number
large and as a code128 barcode (the counter scans it at pickup), the customer, the unit
and its serial, the need (and for a repair the fault, the accessories left with it, its
condition and the estimate), the coverage of the unit's card (what and until when, or
why the work is paid), the job sheet's items (proposed in the pre-visit call, sold,
declined, not offered), and boxes for the customer's and the technician's signatures.

It prints from a `JobCard`, plain values the caller reads from the services (ui.ops.jobs
builds one from pos.service's job view, sheet and coverage), so printing never reaches
the database."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4

from pos.printjobs.records import StoreHeader

from .fonts import draw_fitted, draw_text, wrap
from .pdf_common import (
    INK,
    MUTED,
    SOLD_INK,
    barcode,
    local_time,
    moment,
    money,
    new_canvas,
    rule,
    signature_line,
    state_ink,
    tick_box,
)
from .pdf_labels import language

WIDTH, HEIGHT = A4
MARGIN = 40
ACCENT = HexColor("#2F4F6F")


@dataclass(frozen=True)
class JobCardItem:
    """One item of the job's sheet: proposed in the pre-visit call (with the customer's
    answer) and its outcome (sold / declined / not_offered, or None: not asked yet)."""

    name: str
    proposed_in_call: bool = False
    answer: str = ""
    outcome: str | None = None


@dataclass(frozen=True)
class JobCard:
    job_no: str
    kind: str  # installation / on_site / repair
    state: str
    registered_at: datetime
    customer_name: str = ""
    customer_phone: str = ""
    unit_name: str = ""
    serial: str = ""
    not_sold_here: bool = False
    receipt_no: str = ""
    need: str = ""
    fault: str = ""
    accessories: str = ""
    condition: str = ""
    estimate: int | None = None
    diagnosis: str = ""
    priority: int = 2
    area: str = ""
    address: str = ""
    technician_name: str = ""
    appointment_start: datetime | None = None
    appointment_end: datetime | None = None
    card_no: str = ""
    coverage: str = ""  # what the card covers and until when, in the card's language
    claim_no: str = ""  # the claim recorded against the card, if any
    claim_paid: bool = False  # the work is outside the card's cover (a paid service line)
    claim: str = ""  # why the work is paid, in the card's language
    items: tuple[JobCardItem, ...] = field(default_factory=tuple)


WORDS = {
    "en": {
        "title": "Service job card", "job_no": "Job number", "kind": "Kind", "state": "State",
        "registered": "Registered", "customer": "Customer", "phone": "Phone",
        "unit": "Unit", "serial": "Serial", "not_sold_here": "not sold here",
        "receipt": "Receipt", "need": "Need as registered", "fault": "Fault",
        "accessories": "Accessories left", "condition": "Condition", "estimate": "Estimate",
        "diagnosis": "Diagnosis", "priority": "Priority", "area": "Area",
        "address": "Address", "technician": "Technician", "appointment": "Appointment",
        "coverage": "Service card", "no_card": "No service card: the work is paid",
        "covered": "Covered: claim {claim}", "paid_claim": "Paid service (claim {claim}): {why}",
        "paid": "Paid service: {why}",
        "sheet": "Job sheet", "item": "Item", "call": "Pre-visit call", "outcome": "Outcome",
        "proposed": "proposed", "no_items": "No items on this job's sheet",
        "sign_customer": "Customer's signature", "sign_technician": "Technician",
        "sign_date": "Date", "agree": "I have read the above and agree to the work, its "
        "estimate and the accessories listed as left with the unit.",
        "none": "—", "colon": ": ",
        "kinds": {"installation": "Installation", "on_site": "On-site visit",
                  "repair": "Repair intake"},
        "states": {"registered": "Registered", "scheduled": "Scheduled",
                   "on_the_way": "On the way", "arrived": "Arrived", "done": "Done",
                   "cancelled": "Cancelled", "received": "Received",
                   "diagnosed": "Diagnosed", "waiting_parts": "Waiting for parts",
                   "ready": "Ready", "collected": "Collected"},
        "outcomes": {"sold": "Sold", "declined": "Declined", "not_offered": "Not offered"},
        "priorities": {1: "High", 2: "Normal", 3: "Low"},
        "areas": {"city": "City", "county": "County"},
    },
    "zh_CN": {
        "title": "服务工单", "job_no": "工单号", "kind": "类型", "state": "状态",
        "registered": "登记时间", "customer": "客户", "phone": "电话",
        "unit": "机器", "serial": "序列号", "not_sold_here": "非本店售出",
        "receipt": "小票号", "need": "登记需求", "fault": "故障",
        "accessories": "随机附件", "condition": "外观状况", "estimate": "预估费用",
        "diagnosis": "检测结果", "priority": "优先级", "area": "区域",
        "address": "地址", "technician": "技术员", "appointment": "预约时间",
        "coverage": "服务卡", "no_card": "无服务卡：服务收费",
        "covered": "在保：理赔单 {claim}", "paid_claim": "收费服务（理赔单 {claim}）：{why}",
        "paid": "收费服务：{why}",
        "sheet": "服务推荐单", "item": "项目", "call": "上门前电话", "outcome": "结果",
        "proposed": "已推荐", "no_items": "本工单没有推荐项目",
        "sign_customer": "客户签字", "sign_technician": "技术员",
        "sign_date": "日期", "agree": "本人已阅读以上内容，同意服务内容、预估费用及所列随机附件。",
        "none": "—", "colon": "：",
        "kinds": {"installation": "安装调试", "on_site": "上门服务", "repair": "送修登记"},
        "states": {"registered": "已登记", "scheduled": "已预约", "on_the_way": "在路上",
                   "arrived": "已到达", "done": "已完成", "cancelled": "已取消",
                   "received": "已接收", "diagnosed": "已检测", "waiting_parts": "等待配件",
                   "ready": "待取机", "collected": "已取机"},
        "outcomes": {"sold": "已售", "declined": "拒绝", "not_offered": "未推荐"},
        "priorities": {1: "高", 2: "普通", 3: "低"},
        "areas": {"city": "市区", "county": "县乡"},
    },
}


def job_card_pdf(store: StoreHeader, job: JobCard, *, locale: str | None = None) -> bytes:
    """The job card for one service job, in the store's language unless told."""
    lang = language(locale or store.locale)
    words = WORDS[lang]
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, width=WIDTH, height=HEIGHT,
                        title=f"{words['title']} {job.job_no}")
    top = _heading(canvas, store, job, words, lang)
    top = _details(canvas, job, words, lang, store.currency, top)
    top = _texts(canvas, job, words, top)
    top = _coverage(canvas, job, words, top)
    _items(canvas, job, words, top, bottom=190)
    _signatures(canvas, job, words)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _heading(canvas, store: StoreHeader, job: JobCard, words, lang: str) -> float:
    top = HEIGHT - MARGIN
    draw_fitted(canvas, MARGIN, top - 10, store.name, 10, 300, bold=True, color=MUTED)
    info = "  ".join(part for part in (store.address, store.phone) if part)
    draw_fitted(canvas, MARGIN, top - 22, info, 7.5, 300, color=MUTED)
    draw_fitted(canvas, MARGIN, top - 50, words["title"], 20, 300, bold=True, color=ACCENT)
    kind = words["kinds"].get(job.kind, job.kind)
    state = words["states"].get(job.state, job.state)
    priority = words["priorities"].get(job.priority, str(job.priority))
    draw_fitted(canvas, MARGIN, top - 68, f"{kind} · {state} · {words['priority']}"
                f"{words['colon']}{priority}", 11, 300, bold=True, color=INK)
    right = WIDTH - MARGIN
    draw_text(canvas, right, top - 8, words["job_no"], 7, align="right", color=MUTED)
    draw_fitted(canvas, right, top - 28, job.job_no, 17, 200, bold=True, align="right",
                color=ACCENT)
    barcode(canvas, job.job_no, x=right, top=top - 34, max_width=190, height=26, text_size=7)
    rule(canvas, MARGIN, right, top - 82, color=ACCENT, width=1.2)
    return top - 90


def _when(value: datetime | None, lang: str) -> str:
    return moment(value, locale=lang) if value is not None else ""


def _appointment(job: JobCard, lang: str) -> str:
    if job.appointment_start is None:
        return ""
    start = _when(job.appointment_start, lang)
    if job.appointment_end is None:
        return start
    return f"{start}–{local_time(job.appointment_end):%H:%M}"


def _details(canvas, job: JobCard, words, lang: str, currency: str, top: float) -> float:
    """The job's particulars as label-over-value pairs, three to a row."""
    none = words["none"]
    serial = job.serial or none
    if job.not_sold_here:
        serial = f"{serial} ({words['not_sold_here']})"
    rows = [
        ((words["customer"], job.customer_name or none, 1),
         (words["phone"], job.customer_phone or none, 1),
         (words["registered"], _when(job.registered_at, lang), 1)),
        ((words["unit"], job.unit_name or none, 2), (words["serial"], serial, 1)),
        ((words["technician"], job.technician_name or none, 1),
         (words["appointment"], _appointment(job, lang) or none, 1),
         (words["receipt"], job.receipt_no or none, 1)),
    ]
    if job.kind == "repair":
        rows.append(((words["accessories"], job.accessories or none, 1),
                     (words["condition"], job.condition or none, 1),
                     (words["estimate"], money(job.estimate, currency=currency, locale=lang)
                      if job.estimate is not None else none, 1)))
    else:
        area = words["areas"].get(job.area, job.area) if job.area else none
        rows.append(((words["area"], area, 1), (words["address"], job.address or none, 2)))
    span = WIDTH - 2 * MARGIN
    column = (span - 24) / 3
    for row in rows:
        x = MARGIN
        for label, value, columns in row:
            width = column * columns + 12 * (columns - 1)
            _pair(canvas, x, top, width, label, value)
            x += width + 12
        top -= 27
    return top - 4


def _pair(canvas, x: float, top: float, width: float, label: str, value: str) -> None:
    draw_text(canvas, x, top - 7, label, 7, color=MUTED)
    draw_fitted(canvas, x, top - 19, value, 10, width, color=INK, min_size=7)
    rule(canvas, x, x + width, top - 22.5, dash=(1, 1.5))


def _texts(canvas, job: JobCard, words, top: float) -> float:
    """The need, and for a repair the fault and the diagnosis, wrapped."""
    span = WIDTH - 2 * MARGIN
    blocks = [(words["need"], job.need)]
    if job.fault:
        blocks.append((words["fault"], job.fault))
    if job.diagnosis:
        blocks.append((words["diagnosis"], job.diagnosis))
    for label, text in blocks:
        draw_text(canvas, MARGIN, top - 7, label, 7, color=MUTED)
        lines = wrap(" ".join(text.split()) or words["none"], 9.5, span, max_lines=3)
        for index, line in enumerate(lines):
            draw_text(canvas, MARGIN, top - 19 - index * 12, line, 9.5, color=INK)
        top -= 19 + 12 * len(lines)
    return top - 2


def _coverage(canvas, job: JobCard, words, top: float) -> float:
    """The card the unit holds: what it covers and until when, and whether this job is
    covered (or why it is paid)."""
    span = WIDTH - 2 * MARGIN
    height = 40
    canvas.saveState()
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.7)
    canvas.roundRect(MARGIN, top - height, span, height, 4, stroke=1, fill=0)
    canvas.restoreState()
    label = f"{words['coverage']} {job.card_no}" if job.card_no else words["coverage"]
    draw_text(canvas, MARGIN + 8, top - 11, label, 7.5, bold=True, color=ACCENT)
    first = job.coverage if job.card_no else words["no_card"]
    draw_fitted(canvas, MARGIN + 8, top - 23, first, 9, span - 16, color=INK, min_size=6.5)
    said = ""
    if job.claim_no and not job.claim_paid:
        said = words["covered"].format(claim=job.claim_no)
    elif job.claim_no:
        said = words["paid_claim"].format(claim=job.claim_no, why=job.claim)
    elif job.claim_paid and job.card_no:
        said = words["paid"].format(why=job.claim)
    if said:
        ink = state_ink("declined") if job.claim_paid else SOLD_INK
        draw_fitted(canvas, MARGIN + 8, top - 34, said, 8.5, span - 16, bold=True,
                    color=ink, min_size=6.5)
    return top - height - 14


def _items(canvas, job: JobCard, words, top: float, *, bottom: float) -> None:
    """The job sheet: each item with a box (ticked sold, crossed declined), the pre-visit
    call's answer, and its outcome in words."""
    right = WIDTH - MARGIN
    draw_text(canvas, MARGIN, top - 10, words["sheet"], 11, bold=True, color=ACCENT)
    top -= 18
    columns = (MARGIN + 18, MARGIN + 230, right - 90)
    for x, label in zip(columns, (words["item"], words["call"], words["outcome"])):
        draw_text(canvas, x, top - 8, label, 7, color=MUTED)
    rule(canvas, MARGIN, right, top - 12)
    top -= 14
    if not job.items:
        draw_text(canvas, MARGIN, top - 14, words["no_items"], 9, color=MUTED)
        return
    row = 17
    most = int((top - bottom) // row)
    for item in job.items[:most]:
        base = top - 12
        tick_box(canvas, MARGIN + 2, base - 1, 9, item.outcome)
        draw_fitted(canvas, columns[0], base, item.name, 9.5, columns[1] - columns[0] - 8,
                    color=INK, min_size=7)
        call = words["proposed"] if item.proposed_in_call else ""
        if item.answer:
            call = f"{call}{words['colon']}{item.answer}" if call else item.answer
        draw_fitted(canvas, columns[1], base, call, 8.5, columns[2] - columns[1] - 8,
                    color=INK, min_size=6.5)
        said = words["outcomes"].get(item.outcome or "", "")
        draw_fitted(canvas, columns[2], base, said, 9, right - columns[2], bold=True,
                    color=state_ink(item.outcome))
        rule(canvas, MARGIN, right, top - row + 1, dash=(1, 1.5))
        top -= row


def _signatures(canvas, job: JobCard, words) -> None:
    """The customer's signature box (with the words they agree to), the technician's
    and the date."""
    span = WIDTH - 2 * MARGIN
    top, height = 175.0, 120.0
    canvas.saveState()
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.8)
    canvas.rect(MARGIN, top - height, span, height, stroke=1, fill=0)
    canvas.restoreState()
    for index, line in enumerate(wrap(words["agree"], 8, span - 20, max_lines=2)):
        draw_text(canvas, MARGIN + 10, top - 14 - index * 10, line, 8, color=INK)
    half = (span - 40) / 2
    signature_line(canvas, MARGIN + 10, top - 70, half, words["sign_customer"], 8,
                   name=job.customer_name or None)
    signature_line(canvas, MARGIN + 30 + half, top - 70, half, words["sign_technician"], 8,
                   name=job.technician_name or None)
    signature_line(canvas, MARGIN + 10, top - 104, half, words["sign_date"], 8)
