"""The store's shared vocabularies as string enums: line kinds, sheet outcomes, tenders,
document kinds, states. Cart, services, database columns and screens all use these, and
they import nothing, so the pure cart and the first screen need no SQLAlchemy.

A member is its value (`LineKind.CARD == "card"`), which is what the database columns
store and what a parked cart's JSON keeps."""

from __future__ import annotations

from enum import StrEnum


class CategoryKind(StrEnum):
    MAIN_UNIT = "main_unit"
    ACCESSORY = "accessory"
    SOFTWARE = "software"
    SERVICE = "service"
    GIFT_PACK = "gift_pack"


class SheetLayout(StrEnum):
    """The pre-printed configuration-sheet family a main unit prints on."""

    DESKTOP_PC = "desktop_pc"
    NOTEBOOK = "notebook"
    DIGITAL = "digital"
    PHONE = "phone"


class PriceRole(StrEnum):
    TRAFFIC = "traffic"
    MAINSTREAM = "mainstream"
    RESOURCE = "resource"
    NONE = "none"


class Audience(StrEnum):
    CONSUMER = "consumer"
    BUSINESS = "business"


class ServiceMode(StrEnum):
    ON_SITE = "on_site"
    CARRY_IN = "carry_in"


class CoverageScope(StrEnum):
    """What a service card covers."""

    SOFTWARE = "software"  # software service: set-up, system faults, reinstalls
    HARDWARE = "hardware"  # hardware warranty (repair or parts)
    SCREEN = "screen"  # screen breakage


class CoverageStart(StrEnum):
    """When a service card's cover begins."""

    SALE = "sale"  # on the day the card is sold
    WARRANTY_END = "warranty_end"  # when the unit's maker's warranty ends


class CustomerKind(StrEnum):
    CONSUMER = "consumer"
    BUSINESS = "business"


class StaffRole(StrEnum):
    CASHIER = "cashier"
    INSTALLER = "installer"
    MANAGER = "manager"
    ADMIN = "admin"
    CUSTOMER_MANAGER = "customer_manager"  # 客户经理: owns leads and business customers


class CallOutcome(StrEnum):
    NOT_CALLED = "not_called"
    REACHED = "reached"  # spoke to them; notes say what they need
    INTERESTED = "interested"  # wants something more: a lead for a sale
    NO_ANSWER = "no_answer"
    DECLINED = "declined"  # does not want calls
    WRONG_NUMBER = "wrong_number"


class ShiftState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class JobState(StrEnum):
    PENDING = "pending"
    PRINTED = "printed"
    FAILED = "failed"


class JobKind(StrEnum):
    RECEIPT = "receipt"  # ESC/POS to the receipt printer
    SHEET = "sheet"  # configuration-sheet copies (PDF)
    CARD = "card"  # service-card certificate (PDF)
    DRAWER = "drawer"  # open the cash drawer (through the receipt printer)
    ZREPORT = "zreport"  # a closed shift's Z report: the receipt printer, or A4 PDF
    ACCOUNT = "account"  # the slip of a payment on account or a pre-order's deposit


class SaleState(StrEnum):
    COMPLETED = "completed"


class DocumentKind(StrEnum):
    """Corrections are documents of their own: a sale is never edited."""

    SALE = "sale"
    ADDON = "addon"  # sold on site by an installer, attached to an earlier sale's unit
    REFUND = "refund"  # a return against a receipt: negative lines and payments
    VOID = "void"  # cancels a whole sale of the current day


class LineKind(StrEnum):
    MAIN_UNIT = "main_unit"
    ACCESSORY = "accessory"  # anything sold with or without a unit that is not a card
    CARD = "card"


class Outcome(StrEnum):
    """How a sheet item (or a unit's service card) ended. In a cart an item not yet
    asked about is NOT_OFFERED until it is marked; completed so, it was not offered."""

    SOLD = "sold"
    DECLINED = "declined"
    NOT_OFFERED = "not_offered"


class CardStatus(StrEnum):
    """Where a unit in the cart stands on the "confirm the card" rule."""

    CHOSEN = "chosen"
    DECLINED = "declined"
    NOT_ASKED = "not_asked"


class OutcomeSubject(StrEnum):
    SHEET_ITEM = "sheet_item"
    SERVICE_CARD = "service_card"


class Tender(StrEnum):
    CASH = "cash"
    BANK_CARD = "bank_card"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    VOUCHER = "voucher"
    ON_ACCOUNT = "on_account"
    EXCHANGE = "exchange"  # credit from goods returned in an exchange, spent on the new sale
    DEPOSIT = "deposit"  # a pre-order's deposit, spent on the sale that completes it
    BANK_TRANSFER = "transfer"  # a bank transfer (payments on account)


class CardState(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"  # refunded or voided


class StockDocKind(StrEnum):
    """A stock document: every change to a store's stock that is not a sale line."""

    OPENING = "opening"  # a store's quantities set (a catalog or stock import, the upgrade)
    RECEIPT = "receipt"  # goods received from a supplier
    TRANSFER_OUT = "transfer_out"  # sent to another store: in transit until received
    TRANSFER_IN = "transfer_in"  # a transfer received (short: the difference shown)
    COUNT = "count"  # a stock count posted: differences become adjustments
    ADJUST = "adjust"  # a correction with a reason (found, lost, a till's override)
    WRITE_OFF = "write_off"  # damaged, a demo unit, lost


class Bucket(StrEnum):
    ON_HAND = "on_hand"  # in the store
    TRANSIT = "transit"  # on its way to the store


class UnitState(StrEnum):
    """Where a serial-tracked unit stands."""

    IN_STOCK = "in_stock"
    RETURNED = "returned"  # back from a customer: in stock again, sellable
    IN_TRANSIT = "in_transit"
    SOLD = "sold"
    REPAIR = "repair"  # sent for repair
    WRITTEN_OFF = "written_off"


class StockReason(StrEnum):
    OPENING = "opening"
    SUPPLIER = "supplier"
    TRANSFER = "transfer"
    DAMAGED = "damaged"
    DEMO_UNIT = "demo_unit"
    LOST = "lost"
    FOUND = "found"
    COUNT_DIFFERENCE = "count_difference"
    TRANSIT_SHORT = "transit_short"
    REPAIR_OUT = "repair_out"
    REPAIR_BACK = "repair_back"
    TILL_OVERRIDE = "till_override"
    CORRECTION = "correction"


class AccountState(StrEnum):
    OPEN = "open"
    TRANSFERRED = "transferred"  # passed to the big-account team: no more sales on account
    CLOSED = "closed"


class AccountDocKind(StrEnum):
    """A sealed money document on a customer's account that is not a sale."""

    PAYMENT = "payment"  # money received against the account (RP)
    WRITE_OFF = "write_off"  # a bad debt written off by a manager (BD)
    ALLOCATE = "allocate"  # a credit applied to an invoice, e.g. a refund to account (AP)
    DEPOSIT = "deposit"  # a pre-order's deposit taken: a liability (DP)
    DEPOSIT_REFUND = "deposit_refund"  # a cancelled pre-order's deposit paid back (DR)


class ItemKind(StrEnum):
    """One signed amount on an account's ledger."""

    INVOICE = "invoice"  # a sale or add-on on account (+)
    SALE_CREDIT = "sale_credit"  # a refund or void to account (-)
    PAYMENT = "payment"  # (-)
    WRITE_OFF = "write_off"  # (-)


class QuoteState(StrEnum):
    """Expired is not stored: an open or accepted quote past its date is expired."""

    OPEN = "open"
    ACCEPTED = "accepted"  # opened as a cart
    CONVERTED = "converted"  # sold
    CANCELLED = "cancelled"


class PreorderState(StrEnum):
    OPEN = "open"
    COMPLETED = "completed"  # sold, the deposit spent on it
    CANCELLED = "cancelled"  # the deposit paid back


class LeadKind(StrEnum):
    SMB = "smb"
    GOVERNMENT = "government"
    STAFF_REFERRAL = "staff_referral"
    WALK_IN = "walk_in"


class LeadState(StrEnum):
    OPEN = "open"
    QUOTED = "quoted"
    WON = "won"
    LOST = "lost"
    TRANSFERRED = "transferred"  # handed to the business team (转单)


class Team(StrEnum):
    BUSINESS = "business"  # the business (SMB) sales team
    CUSTOMER = "customer"  # the customer sales team (consumers and key customers)
    BIG_ACCOUNTS = "big_accounts"  # the big-account team: overdue accounts pass to it


class ContactKind(StrEnum):
    CALL = "call"
    VISIT = "visit"


class ServiceJobKind(StrEnum):
    INSTALLATION = "installation"  # 安调: set-up at the counter or at home
    ON_SITE = "on_site"  # 上门: a technician's visit
    REPAIR = "repair"  # 送修: a unit carried in for repair


class ServiceJobState(StrEnum):
    # installations and on-site visits
    REGISTERED = "registered"
    SCHEDULED = "scheduled"
    ON_THE_WAY = "on_the_way"
    ARRIVED = "arrived"
    DONE = "done"
    CANCELLED = "cancelled"
    # repairs
    RECEIVED = "received"
    DIAGNOSED = "diagnosed"
    WAITING_PARTS = "waiting_parts"
    READY = "ready"
    COLLECTED = "collected"


class Department(StrEnum):
    """Who sold: the counter, or the people who install, visit and repair."""

    COUNTER = "counter"
    INSTALLATION = "installation"
    ON_SITE = "on_site"
    REPAIR = "repair"


class ConfirmPoint(StrEnum):
    """The five times the service card is confirmed."""

    BEFORE_AGREE = "before_agree"  # before the sale is agreed
    AFTER_AGREE = "after_agree"  # after it is agreed
    AT_PAYMENT = "at_payment"  # before payment (the till's pay prompt)
    AT_PICKUP = "at_pickup"  # before the customer takes the unit
    DURING_INSTALL = "during_install"  # during installation


class JobEventKind(StrEnum):
    REGISTERED = "registered"
    STATE = "state"  # moved to another state
    ASSIGNED = "assigned"  # a technician
    APPOINTMENT = "appointment"
    CALL = "call"  # the pre-visit call, with the items proposed
    SOLD = "sold"  # a sale made on the job
    CLAIM = "claim"  # the service recorded against a card
    CONFIRMATION = "confirmation"  # a card confirmation point
    NOTE = "note"
