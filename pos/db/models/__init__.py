"""SQLAlchemy 2 typed mappings of the store's data. Import from here."""

from pos.db.models.accounts import (
    AccountAllocation, AccountDocument, AccountItem, CustomerAccount, InvoiceRequest, Preorder,
    Quote, QuoteLine,
)
from pos.db.models.base import NAMING_CONVENTION, Base
from pos.db.models.catalog import (
    Category, CategoryKind, PriceRole, Product, SearchTerm, SearchWord, SheetLayout,
    product_search_text,
)
from pos.db.models.checklists import (
    Audience, ServiceMode, ServiceTier, SheetItem, SheetItemProduct, SheetSection, SheetTemplate,
    TierCategory, TierPriceBand,
)
from pos.db.models.control import Approval, AuditEvent
from pos.db.models.crm import Lead
from pos.db.models.followups import CallOutcome, FollowUp
from pos.db.models.people import Customer, CustomerKind, Staff, StaffRole
from pos.db.models.printing import JobKind, JobState, PrintJob
from pos.db.models.sales import (
    CardState, DocumentCounter, DocumentKind, JournalEntry, JournalHead, LineKind, Outcome,
    OutcomeSubject, ParkedCart, Payment, Sale, SaleLine, SaleState, ServiceCard, SheetOutcome,
    Tender,
)
from pos.db.models.stock import (
    SerialUnit, StockCountDraft, StockCountScan, StockDocument, StockMove, StoreCounter, StoreStock,
)
from pos.db.models.service import (
    CardClaim, CardConfirmation, CardUnit, DepartmentSheet, JobEvent, JobItemOutcome, ServiceJob,
)
from pos.db.models.shifts import CashMovement, Shift, ShiftState
from pos.db.models.store import Setting, Store, Terminal
from pos.db.models.sync import (
    HqAlert, HqSerial, HqStream, MasterLog, PriceOverride, SyncOutbox, SyncState,
)

__all__ = [
    "HqAlert", "HqSerial", "HqStream", "MasterLog", "PriceOverride", "SyncOutbox", "SyncState",
    "CardClaim", "CardConfirmation", "CardUnit", "DepartmentSheet", "JobEvent", "JobItemOutcome",
    "ServiceJob",
    "AccountAllocation", "AccountDocument", "AccountItem", "CustomerAccount", "InvoiceRequest",
    "Lead", "Preorder", "Quote", "QuoteLine",
    "CashMovement", "Shift", "ShiftState",
    "CallOutcome", "FollowUp",
    "Approval", "AuditEvent", "DocumentKind",
    "JobKind", "JobState", "PrintJob",
    "CardState", "DocumentCounter", "JournalEntry", "JournalHead", "LineKind", "Outcome",
    "OutcomeSubject", "ParkedCart", "Payment", "Sale", "SaleLine", "SaleState", "ServiceCard",
    "SheetOutcome", "Tender",
    "SerialUnit", "StockCountDraft", "StockCountScan", "StockDocument", "StockMove",
    "StoreCounter", "StoreStock",
    "Audience", "Base", "Category", "CategoryKind", "Customer", "CustomerKind",
    "NAMING_CONVENTION", "PriceRole", "Product", "SearchTerm", "SearchWord", "ServiceMode", "ServiceTier", "Setting",
    "SheetItem", "SheetItemProduct", "SheetLayout", "SheetSection", "SheetTemplate", "Staff",
    "StaffRole", "Store", "Terminal", "TierCategory", "TierPriceBand", "product_search_text",
]
