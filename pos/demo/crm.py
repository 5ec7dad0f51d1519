"""The demo store's business customers and follow-up (issue 19), loaded by `pos demo
load` and the first run's demo (not by the tests' demo): a customer manager, three
business customers with their invoice details and owner, two accounts (one overdue: a
sale on account 35 days ago on a 30-day term; one part paid by transfer), a quote, a
pre-order with a deposit and a gift, leads in every state with their five needs answers,
last week's calls and visits recorded (the report has something to show, sales included)
and this week planned. Everything goes through the services a store uses; only the
times of last week's contacts are set back, as pos.demo.chain dates its documents."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select, update

from pos.accounts.accounts import open_account
from pos.accounts.payments import take_payment
from pos.accounts.preorders import take_preorder
from pos.accounts.quotes import save_quote
from pos.db.engine import Database
from pos.db.models import FollowUp, Staff
from pos.kernel.enums import StaffRole
from pos.people import customers, leads
from pos.people.followup_plan import plan_week
from pos.people.followups import record_contact
from pos.people.staff import add_staff
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput

CUSTOMER_MANAGER = ("Zhao Min", "赵敏", "customer_manager", "3333")
OVERDUE_DAYS = 35  # the overdue account's sale: past its 30-day term


@dataclass(frozen=True)
class Business:
    phone: str
    name: tuple[str, str]
    company: tuple[str, str]
    tax_id: str
    address: tuple[str, str]
    invoice_phone: str
    bank: tuple[str, str]
    account: str


BUSINESSES = (
    Business("13761002001", ("Ms Sun Li", "孙丽"), ("Sunrise Accounting Co., Ltd.",
                                                  "旭日会计师事务所有限公司"),
             "91310104MA1FL4XQ2K", ("88 Caoxi Road, Xuhui District, Shanghai",
                                    "上海市徐汇区漕溪路88号"), "021-64380001",
             ("Bank of China, Xuhui branch", "中国银行徐汇支行"), "4563 5100 0000 1234"),
    Business("13761002002", ("Mr Zhou Hua", "周华"), ("Huaxin Design Studio",
                                                    "华新设计工作室"),
             "92310115MA7C2L3P9R", ("1200 Zhangyang Road, Pudong, Shanghai",
                                    "上海市浦东新区张杨路1200号"), "021-58880002",
             ("China Merchants Bank, Pudong branch", "招商银行浦东支行"), "6214 8312 3456 7890"),
    Business("13761002003", ("Ms Qian Yun", "钱芸"), ("Xuhui District Education Bureau",
                                                    "徐汇区教育局"),
             "11310104002345678X", ("99 Nandan Road, Xuhui District, Shanghai",
                                    "上海市徐汇区南丹路99号"), "021-64870003",
             ("Industrial and Commercial Bank of China, Xuhui", "中国工商银行徐汇支行"),
             "1001 2345 6789 0123 456"),
)

# (kind, contact, company, phone, wechat, the five answers, state, days to next contact)
LEADS = (
    ("smb", ("Mr Lin Tao", "林涛"), ("Lin & Partners Law Firm", "林氏律师事务所"), "13761003001",
     None, (("8 lawyers and 2 assistants", "8 名律师和 2 名助理"),
            ("documents, video calls, client files", "写文书、视频会议、客户档案"),
            ("Windows, nobody for IT", "会用 Windows，没有专职 IT"),
            ("on-site service and one invoice", "上门服务、统一开票"),
            ("10 notebooks with a blue-gold card", "10 台笔记本配蓝金卡")), "open", 2),
    ("government", ("Ms Qian Yun", "钱芸"), ("Xuhui District Education Bureau", "徐汇区教育局"),
     "13761002003", None, (("the bureau's 20 staff", "局里 20 名工作人员"),
                           ("office work and a training room", "办公和培训室"),
                           ("standard office software", "常用办公软件"),
                           ("the purchase list's brands, a fapiao", "采购目录品牌、开具发票"),
                           ("20 desktops and monitors, quote sent", "20 套台式机和显示器，已报价")),
     "quoted", 4),
    ("staff_referral", ("Mr Wu Gang", "吴刚"), ("Wu's Tea House", "吴记茶馆"), None, "wugang_tea",
     (("the cashier and the owner", "收银员和老板"), ("orders and the tea house's accounts",
                                                     "点单和记账"),
      ("a phone, little else", "只会用手机"), ("a low price", "价格便宜"),
      ("a mini desktop and a receipt printer", "一台迷你主机和小票打印机")), "open", 0),
    ("smb", ("Ms He Jing", "何静"), ("Jingyi Dental Clinic", "静怡口腔诊所"), "13761003004",
     None, (("the front desk", "前台"), ("appointments and X-ray images", "预约和看 X 光片"),
            ("their imaging software", "影像软件"), ("a sharp screen", "屏幕清晰"),
            ("2 monitors: bought at Huaxin's price", "2 台显示器：已按华新的价格买")), "won", None),
    ("walk_in", ("Mr Ma Chao", "马超"), ("", ""), "13761003005", None,
     (("his son, at university", "上大学的儿子"), ("design coursework", "设计作业"),
      ("Photoshop, Blender", "Photoshop、Blender"), ("the graphics card", "显卡"),
      ("a gaming notebook: bought online", "游戏本：已在网上购买")), "lost", None),
    ("smb", ("Mr Zheng Kai", "郑凯"), ("Kaiyuan Logistics", "凯源物流"), "13761003006", None,
     (("40 drivers and 6 dispatchers", "40 名司机和 6 名调度"), ("routes, tracking, phones",
                                                                 "路线、跟踪、手机"),
      ("phones and a dispatch system", "手机和调度系统"), ("a contract price", "协议价格"),
      ("46 phones with screen-break cover: for the business team", "46 部手机配碎屏险：转企业团队")),
     "transferred", None),
)


def _pick(locale: str, pair: tuple[str, str]) -> str:
    return pair[1] if locale == "zh_CN" else pair[0]


def load_crm(db: Database, *, locale: str) -> tuple[str, str, str]:
    """Load the CRM demo; returns the customer manager's (name, role, PIN)."""
    name = _pick(locale, CUSTOMER_MANAGER[:2])
    cm = add_staff(db, name=name, role=CUSTOMER_MANAGER[2], pin=CUSTOMER_MANAGER[3],
                   demo_pin=True).id
    with db.read_connection() as conn:
        manager = conn.execute(select(Staff.id).where(Staff.role == StaffRole.MANAGER.value)
                               .order_by(Staff.id).limit(1)).scalar_one()
    today = date.today()
    found = {}
    for business in BUSINESSES:
        made = customers.create_customer(db, phone=business.phone, kind="business",
                                         name=_pick(locale, business.name),
                                         company=_pick(locale, business.company))
        customers.update_customer(db, customer_id=made.id, tax_id=business.tax_id,
                                  invoice_address=_pick(locale, business.address),
                                  invoice_phone=business.invoice_phone,
                                  bank_name=_pick(locale, business.bank),
                                  bank_account=business.account, owner_id=cm)
        found[business.phone] = made.id
    sunrise, huaxin, bureau = (found[b.phone] for b in BUSINESSES)
    open_account(db, customer=sunrise, staff_id=manager, credit_limit=5_000_000, term_days=30)
    open_account(db, customer=huaxin, staff_id=manager, credit_limit=2_000_000, term_days=30)
    _sell(db, cm, sunrise, [("MON-DELL-U27", 2)], "on_account",
          today - timedelta(days=OVERDUE_DAYS))  # overdue now
    _sell(db, cm, huaxin, [("FUR-DESK-120", 1), ("FUR-CHR-M57", 1)], "on_account",
          today - timedelta(days=10))
    take_payment(db, customer=huaxin, amount=50_000, tender="transfer", staff_id=manager,
                 reference="CMB-20261", request_id=str(uuid.uuid4()))
    cart = checkout.open_cart(db, staff_id=cm, terminal="T01")
    for code, quantity in (("MON-AOC-Q27", 3), ("NET-RT-XDR6088", 1)):
        checkout.add_product(db, cart, code=code, quantity=quantity)
    checkout.set_customer(db, cart, customer_id=bureau)
    save_quote(db, cart, customer_id=bureau, staff_id=cm, request_id=str(uuid.uuid4()),
                       note=_pick(locale, ("For the training room", "培训室用")))
    buyer = customers.create_customer(db, phone="13761004001",
                                      name=_pick(locale, ("Mr Deng Yu", "邓宇")))
    take_preorder(db, customer=buyer.id, code="PH-HW-M60PRO", deposit=50_000, tender="wechat",
                  gift=_pick(locale, ("leather case and screen protector",
                                      "真皮保护壳和钢化膜")),
                  staff_id=cm, terminal="T01", request_id=str(uuid.uuid4()))
    made_leads = _leads(db, locale, cm, manager, today, bureau)
    whom = [("customer", sunrise), ("customer", huaxin), ("customer", bureau),
            *(("lead", lead) for lead in made_leads[:3]), ("lead", made_leads[5])]
    _week(db, locale, cm, manager, today, whom)
    return name, CUSTOMER_MANAGER[2], CUSTOMER_MANAGER[3]


def _sell(db, staff_id, customer_id, lines, tender, business_date=None):
    cart = checkout.open_cart(db, staff_id=staff_id, terminal="T01")
    for code, quantity in lines:
        checkout.add_product(db, cart, code=code, quantity=quantity)
    checkout.set_customer(db, cart, customer_id=customer_id)
    total = sum(line.total for line in cart.lines)
    return completion.complete_sale(db, cart, tenders=[TenderInput(tender, total)],
                                    business_date=business_date)


def _leads(db, locale, cm, manager, today, bureau) -> list[int]:
    made = []
    for kind, contact, company, phone, wechat, answers, state, days in LEADS:
        needs = dict(zip(("who", "what", "can_use", "values", "summary"),
                         (_pick(locale, answer) for answer in answers)))
        lead = leads.add_lead(
            db, staff_id=cm, kind=kind, contact_name=_pick(locale, contact), phone=phone,
            wechat=wechat, company=_pick(locale, company) or None, needs=needs,
            next_contact_on=None if days is None else today + timedelta(days=days),
            customer_id=bureau if state == "quoted" else None)
        if state == "quoted":
            leads.move_lead(db, lead_id=lead.id, to="quoted", staff_id=cm)
        elif state == "won":
            leads.move_lead(db, lead_id=lead.id, to="won", staff_id=cm)
        elif state == "lost":
            leads.move_lead(db, lead_id=lead.id, to="lost", staff_id=cm,
                            reason=_pick(locale, ("bought online", "已在网上购买")))
        elif state == "transferred":
            leads.hand_over(db, lead_id=lead.id, team="business", staff_id=manager,
                            note=_pick(locale, ("46 phones: a contract for the business team",
                                                "46 部手机：企业团队签协议")))
        made.append(lead.id)
    return made


NOTES = (("met the office manager; wants a demo unit", "见到办公室主任，想要一台样机"),
         ("looked at their old desktops: due for renewal", "看了他们的旧台式机，该换新了"),
         ("left the quote and the service card leaflet", "留下报价单和服务卡资料"))
# last week, day by day: how many visits (to as many customers and leads), then calls
WEEK = ((6, 1), (3, 2), (6, 0), (2, 2), (4, 1))


def _week(db, locale, cm, manager, today, whom) -> None:
    """Last week's contacts recorded (visits on the target on some days, short of it on
    others), a sale after one of them, and this week planned."""
    monday = today - timedelta(days=today.weekday())
    last = monday - timedelta(days=7)
    table = FollowUp.__table__
    n = 0
    for day, (visits, calls) in enumerate(WEEK):
        on = last + timedelta(days=day)
        for i in range(visits + calls):
            kind = "visit" if i < visits else "call"
            who, ref = whom[(i + day) % len(whom)]
            with db.write_connection() as conn:
                followup = conn.execute(table.insert().values(
                    customer_id=ref if who == "customer" else None,
                    lead_id=ref if who == "lead" else None, kind=kind, due_on=on,
                    reason=("business_visit" if who == "customer" else "lead") if i < visits
                    else "recent_purchase" if who == "customer" else "prospect_revisit",
                    assigned_to=cm, planned_by=manager, outcome="not_called", notes="",
                    created_at=datetime.combine(last, time(8)).astimezone())
                    .returning(table.c.id)).scalar_one()
            record_contact(db, followup_id=followup, staff_id=cm, kind=kind,
                           outcome=("interested", "reached", "no_answer")[n % 3],
                           notes=_pick(locale, NOTES[n % len(NOTES)]))
            with db.write_connection() as conn:
                conn.execute(update(FollowUp).where(FollowUp.id == followup).values(
                    called_at=datetime.combine(on, time(9 + i)).astimezone()))
            n += 1
    huaxin = whom[1][1]
    _sell(db, cm, huaxin, [("NET-RT-XDR6088", 1)], "cash")  # after last week's visit
    plan_week(db, week_start=monday, staff_id=cm)
