"""Configuration-sheet templates and service-card tiers, edited as a readable TOML file.

Import validates the whole document first (pos.catalog.checklist_file: every error with
its place in the file), then upserts by code in one transaction so ids stay stable for sales that refer to them.
The file format is documented in the README.
"""

from __future__ import annotations

from dataclasses import dataclass

import tomli_w
from sqlalchemy import delete, select
from sqlalchemy.orm import selectinload

from pos.db.engine import Database
from pos.db.models import (
    Category, DepartmentSheet, Product, ServiceTier, SheetItem, SheetItemProduct, SheetSection, SheetTemplate,
    TierCategory, TierPriceBand,
)
from pos.catalog.checklist_file import Problems, parse_document, validate_sheets
from pos.catalog.tier_file import validate_tiers
from pos.kernel.enums import Department
from pos.kernel.errors import UserError
from pos.kernel.messages import msg
from pos.kernel.money import to_decimal_string


@dataclass(frozen=True)
class ChecklistImportResult:
    sheets: int
    items: int
    tiers: int

    def __str__(self) -> str:
        return f"{self.sheets} sheets with {self.items} items, {self.tiers} service tiers"


def import_checklists_file(db: Database, *, data: bytes, currency: str = "CNY",
                           move_categories: bool = False):
    document, text = parse_document(data)
    return import_checklists(db, document=document, text=text, currency=currency,
                             move_categories=move_categories)


def import_checklists(
    db: Database, *, document: dict, text: str | None = None, currency: str = "CNY",
    move_categories: bool = False,
) -> ChecklistImportResult:
    """Validate the whole document, then create or update sheets and tiers by code. A
    sheet that names a category another sheet (not in this file) is on is refused,
    naming both, unless `move_categories`: then the category moves to it."""
    problems = Problems(text)
    with db.unit_of_work() as session:
        categories = {c.code: c for c in session.scalars(select(Category))}
        products = {
            sku: (pid, price)
            for pid, sku, price in session.execute(select(Product.id, Product.sku, Product.price))
        }
        owners = dict(session.execute(
            select(Category.code, SheetTemplate.code)
            .join(SheetTemplate, SheetTemplate.id == Category.sheet_template_id)).all())
        owners.update(((department.value, category), sheet) for department, category, sheet in
                      session.execute(
                          select(DepartmentSheet.department, Category.code, SheetTemplate.code)
                          .join(Category, Category.id == DepartmentSheet.category_id)
                          .join(SheetTemplate, SheetTemplate.id == DepartmentSheet.template_id)))
        sheets = validate_sheets(document, categories, products, problems, currency,
                                 owners=owners, move_categories=move_categories)
        tiers = validate_tiers(document, categories, problems, currency)
        unknown = set(document) - {"sheet", "tier"}
        if unknown:
            problems.add([msg("checklist.document")], "checklist.unknown_tables",
                         tables=sorted(unknown))
        if problems.errors:
            count = len(problems.errors)
            raise UserError("import.refused_one" if count == 1 else "import.refused",
                            what="import.checklists", count=count, details=problems.errors)
        item_count = sum(len(s["items"]) for sheet in sheets for s in sheet["sections"])
        for sheet in sheets:
            _upsert_sheet(session, sheet, categories)
        for tier in tiers:
            _upsert_tier(session, tier, categories)
    return ChecklistImportResult(len(sheets), item_count, len(tiers))


# --- writing ------------------------------------------------------------------------


def _upsert_sheet(session, sheet: dict, categories: dict[str, Category]) -> None:
    template = session.scalar(
        select(SheetTemplate)
        .where(SheetTemplate.code == sheet["code"])
        .options(selectinload(SheetTemplate.sections).selectinload(SheetSection.items))
    )
    if template is None:
        template = SheetTemplate(code=sheet["code"], name=sheet["name"])
        session.add(template)
        session.flush()
    template.name = sheet["name"]
    department = sheet.get("department", Department.COUNTER)
    template.department = department
    counter = department is Department.COUNTER
    for category in categories.values():
        if category.sheet_template_id == template.id and (
                not counter or category.code not in sheet["categories"]):
            category.sheet_template_id = None
    # A department's sheet: department_sheets (department, category) -> the template.
    session.flush()
    session.execute(delete(DepartmentSheet).where(DepartmentSheet.template_id == template.id))
    for code in sheet["categories"]:
        if counter:
            categories[code].sheet_template_id = template.id
        else:
            session.execute(delete(DepartmentSheet).where(
                DepartmentSheet.department == department,
                DepartmentSheet.category_id == categories[code].id))
            session.add(DepartmentSheet(department=department, category_id=categories[code].id,
                                        template_id=template.id))
    session.flush()

    old_sections = {s.code: s for s in template.sections}
    old_items = {i.code: i for s in template.sections for i in s.items}
    # Park positions out of the way so sections and items may be reordered freely.
    for offset, section in enumerate(template.sections, start=1):
        section.position = -offset
        for i_offset, item in enumerate(section.items, start=1):
            item.position = -i_offset
    session.flush()

    kept_items = set()
    for position, s_data in enumerate(sheet["sections"], start=1):
        section = old_sections.pop(s_data["code"], None)
        if section is None:
            section = SheetSection(template_id=template.id, code=s_data["code"])
            session.add(section)
        section.title = s_data["title"]
        section.position = position
        session.flush()
        for i_position, i_data in enumerate(s_data["items"], start=1):
            item = old_items.get(i_data["code"])
            if item is None:
                item = SheetItem(code=i_data["code"])
                session.add(item)
            item.section_id = section.id
            item.position = i_position
            item.name = i_data["name"]
            item.script = i_data["script"]
            item.pack_price = i_data["pack_price"]
            item.gift = i_data["gift"]
            session.flush()
            kept_items.add(item.id)
            for link in list(item.product_links):
                session.delete(link)
            session.flush()
            for p_position, product_id in enumerate(i_data["product_ids"], start=1):
                session.add(SheetItemProduct(item_id=item.id, product_id=product_id, position=p_position))
    for item in old_items.values():
        if item.id not in kept_items:
            session.delete(item)
    for section in old_sections.values():
        session.delete(section)
    session.flush()


def _upsert_tier(session, data: dict, categories: dict[str, Category]) -> None:
    tier = session.scalar(select(ServiceTier).where(ServiceTier.code == data["code"]))
    if tier is None:
        tier = ServiceTier(code=data["code"])
        session.add(tier)
    tier.name = data["name"]
    tier.description = data["description"]
    tier.audience = data["audience"]
    tier.service_mode = data["service_mode"]
    tier.scope = data["scope"]
    tier.starts = data["starts"]
    tier.term_months = data["term_months"]
    tier.units_covered = data["units_covered"]
    tier.position = data["position"]
    tier.active = True
    tier.bands.clear()
    tier.category_links.clear()
    session.flush()
    for position, (up_to, price) in enumerate(data["bands"], start=1):
        tier.bands.append(TierPriceBand(position=position, max_unit_price=up_to, price=price))
    for category_id in data["category_ids"]:
        tier.category_links.append(TierCategory(category_id=category_id))
    session.flush()


# --- export -------------------------------------------------------------------------


def export_checklists(db: Database, *, currency: str = "CNY") -> bytes:
    """The sheets and tiers as TOML; importing it back changes nothing."""
    money = lambda amount: to_decimal_string(amount, currency=currency)  # noqa: E731
    with db.read() as session:
        templates = session.scalars(
            select(SheetTemplate)
            .order_by(SheetTemplate.code)
            .options(
                selectinload(SheetTemplate.categories),
                selectinload(SheetTemplate.sections)
                .selectinload(SheetSection.items)
                .selectinload(SheetItem.product_links)
                .selectinload(SheetItemProduct.product),
            )
        ).all()
        department_categories: dict[int, list[str]] = {}
        for template_id, code in session.execute(
                select(DepartmentSheet.template_id, Category.code)
                .join(Category, Category.id == DepartmentSheet.category_id)):
            department_categories.setdefault(template_id, []).append(code)
        sheets = []
        for template in templates:
            sections = []
            for section in template.sections:
                items = []
                for item in section.items:
                    entry = {"code": item.code, "name": item.name, "script": item.script,
                             "products": [link.product.sku for link in item.product_links]}
                    if item.pack_price is not None:
                        entry["pack_price"] = money(item.pack_price)
                    if item.gift:
                        entry["gift"] = True
                    items.append(entry)
                sections.append({"code": section.code, "title": section.title, "item": items})
            counter = template.department is Department.COUNTER
            sheet = {"code": template.code, "name": template.name}
            if not counter:
                sheet["department"] = template.department.value
            sheet["categories"] = sorted(c.code for c in template.categories) if counter else \
                sorted(department_categories.get(template.id, []))
            sheet["section"] = sections
            sheets.append(sheet)
        tiers = []
        for tier in session.scalars(
            select(ServiceTier)
            .where(ServiceTier.active.is_(True))
            .order_by(ServiceTier.position, ServiceTier.code)
            .options(selectinload(ServiceTier.bands),
                     selectinload(ServiceTier.category_links).selectinload(TierCategory.category))
        ):
            entry = {"code": tier.code, "name": tier.name, "description": tier.description,
                     "audience": tier.audience.value}
            if tier.term_months is None:
                entry["lifetime"] = True
            else:
                entry["term_months"] = tier.term_months
            entry["service"] = tier.service_mode.value
            entry["scope"] = tier.scope.value
            entry["starts"] = tier.starts.value
            entry["units_covered"] = tier.units_covered
            entry["categories"] = sorted(link.category.code for link in tier.category_links)
            entry["bands"] = [
                ({"up_to": money(b.max_unit_price)} if b.max_unit_price is not None else {})
                | {"price": money(b.price)}
                for b in tier.bands
            ]
            tiers.append(entry)
    header = (
        "# Tickbox POS configuration sheets and service-card tiers.\n"
        "# Edit, then load with: pos checklists import FILE. Amounts are quoted decimals.\n"
        "# A tier's scope: software, hardware or screen; starts: sale or warranty_end (when\n"
        "# the unit's maker's warranty ends). A sheet item with gift = true is given free.\n"
        "# A sheet with department = \"installation\", \"on_site\" or \"repair\" is what that\n"
        "# department proposes for its categories' units (the counter's when left out).\n\n"
    )
    return (header + tomli_w.dumps({"sheet": sheets, "tier": tiers})).encode("utf-8")
