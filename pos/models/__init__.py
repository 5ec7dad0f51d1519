"""SQLAlchemy 2 typed mappings of the store's data. Import from here."""

from .base import Base, NAMING_CONVENTION
from .catalog import Category, CategoryKind, PriceRole, Product, SheetLayout, product_search_text
from .checklists import (
    Audience,
    ServiceMode,
    ServiceTier,
    SheetItem,
    SheetItemProduct,
    SheetSection,
    SheetTemplate,
    TierCategory,
    TierPriceBand,
)
from .people import Customer, CustomerKind, Staff, StaffRole
from .control import Approval, AuditEvent
from .followups import CallOutcome, FollowUp
from .shifts import CashMovement, Shift, ShiftState
from .printing import JobKind, JobState, PrintJob
from .sales import (
    CardState, DocumentCounter, DocumentKind, JournalEntry, JournalHead, LineKind, Outcome, OutcomeSubject,
    ParkedCart, Payment, Sale, SaleLine, SaleState, ServiceCard, SheetOutcome, SoldSerial, Tender,
)
from .store import Setting, Store, Terminal

__all__ = [
    "CashMovement", "Shift", "ShiftState",
    "CallOutcome", "FollowUp",
    "Approval", "AuditEvent", "DocumentKind",
    "JobKind", "JobState", "PrintJob",
    "CardState", "DocumentCounter", "JournalEntry", "JournalHead", "LineKind", "Outcome",
    "OutcomeSubject", "ParkedCart", "Payment", "Sale", "SaleLine", "SaleState", "ServiceCard",
    "SheetOutcome", "SoldSerial", "Tender",
    "Audience", "Base", "Category", "CategoryKind", "Customer", "CustomerKind",
    "NAMING_CONVENTION", "PriceRole", "Product", "ServiceMode", "ServiceTier", "Setting",
    "SheetItem", "SheetItemProduct", "SheetLayout", "SheetSection", "SheetTemplate", "Staff",
    "StaffRole", "Store", "Terminal", "TierCategory", "TierPriceBand", "product_search_text",
]
