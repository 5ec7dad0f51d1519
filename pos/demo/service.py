"""The demo store's service jobs (issue 20), loaded with its business customers by `pos
demo load`: a notebook sold with its serial and an installation at the customer's home
booked for tomorrow with the installer, an on-site visit in the county for the same unit
still to be assigned, and a repair carried in for a unit not sold here. Through the services a
store uses, so the jobs board has something to show on a new machine."""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta

from pos.db.engine import Database
from pos.kernel.clock import utcnow
from pos.people import customers
from pos.people.staff import list_staff
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from pos.service.jobs import register_job

NOTEBOOK = "6923150020022"  # Lenovo Xiaoxin Pro 14, serial-tracked
TEXTS = {
    "install": ("Set up the new notebook at home and move the files from the old PC",
                "上门安装新笔记本,并把旧电脑的资料迁移过来"),
    "visit": ("The notebook is slow and shows pop-ups at the customer's office; wants a "
              "check and antivirus", "笔记本在客户办公室运行很慢且有弹窗,需要上门检查并安装杀毒软件"),
    "fault": ("Does not power on after a fall", "摔落后无法开机"),
    "accessories": ("charger", "充电器"),
    "condition": ("lid scratched, one corner dented", "顶盖有划痕,一角凹陷"),
    "repair_need": ("Repair estimate wanted before any work", "先报价再维修"),
}


def _text(locale: str, key: str) -> str:
    english, chinese = TEXTS[key]
    return chinese if locale == "zh_CN" else english


def load_service(db: Database, *, locale: str) -> None:
    staff = {person.role.value: person.id for person in list_staff(db)}
    cashier, installer = staff["cashier"], staff["installer"]
    chen = customers.create_customer(db, phone="13812345001", kind="consumer",
                                     name="陈杰" if locale == "zh_CN" else "Chen Jie")
    cart = checkout.open_cart(db, staff_id=cashier, terminal="T01")
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    checkout.set_serial(db, cart, line_id=unit.line_id, serial="PF3DEMO1")
    checkout.set_customer(db, cart, customer_id=chen.id)
    total = sum(line.total for line in cart.lines)
    sale = completion.complete_sale(db, cart, tenders=[TenderInput("bank_card", total)])
    tomorrow = (utcnow() + timedelta(days=1)).date()
    start = datetime.combine(tomorrow, time(2, 0), tzinfo=utcnow().tzinfo)  # 10:00 in Shanghai
    register_job(db, kind="installation", staff_id=cashier, request_id=str(uuid.uuid4()),
                 customer=chen.id, receipt=sale.receipt_no, unit_line=1,
                 need=_text(locale, "install"), area="city",
                 address="徐汇区漕溪北路 18 号 1203 室" if locale == "zh_CN"
                 else "Room 1203, 18 Caoxi North Road, Xuhui", technician=installer,
                 appointment=(start, start + timedelta(hours=2)), terminal="T01")
    zhou = customers.create_customer(db, phone="13812345002", kind="consumer",
                                     name="周敏" if locale == "zh_CN" else "Zhou Min")
    register_job(db, kind="on_site", staff_id=cashier, request_id=str(uuid.uuid4()),
                 customer=chen.id, receipt=sale.receipt_no, unit_line=1,
                 need=_text(locale, "visit"), area="county", priority=1,
                 address="松江区泗泾镇江川路 66 号" if locale == "zh_CN"
                 else "66 Jiangchuan Road, Sijing, Songjiang", terminal="T01")
    register_job(db, kind="repair", staff_id=cashier, request_id=str(uuid.uuid4()),
                 customer=zhou.id, serial="EXT2024A917", need=_text(locale, "repair_need"),
                 fault=_text(locale, "fault"), accessories=_text(locale, "accessories"),
                 condition=_text(locale, "condition"), estimate=30_000, terminal="T01")
