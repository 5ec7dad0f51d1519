"""Reading a checklist file: the TOML document of configuration sheets and service-card
tiers, checked whole before anything is written. Every problem is reported with its
place in the file (a path through the document, and a line when it can be found).

Anything in the file may be of the wrong type (`item = 5`, `products = [[1]]`): each
value's type is checked before it is used, text fits its column with no control
characters (the same on SQLite and PostgreSQL), amounts and terms stay within what a
store sells. The sheets are checked here (with their gift packs and free gifts), the
service-card tiers in pos.catalog.tier_file; the helpers for values are shared by both.

A sheet may take a category from another sheet only when the file says so: the other
sheet is in the same file without it, or the import is told to move categories.

A sheet belongs to a department (`department = "installation"`, "on_site" or "repair";
the counter's when left out): a department's sheet is what its installers, technicians
or repair desk propose for the units of its categories (a category has one sheet per
department), apart from the counter's configuration sheet of the same category."""

from __future__ import annotations

import tomllib

from pos.catalog.catalog_file import bounded_amount, shown, text_problem
from pos.db.models import SheetItem, SheetSection, SheetTemplate
from pos.kernel.enums import CategoryKind, Department
from pos.kernel.errors import UserError
from pos.kernel.messages import Message, msg
from pos.kernel.text import clean_text

SHEET_KEYS = {"code", "name", "categories", "section", "department"}
SECTION_KEYS = {"code", "title", "item"}
ITEM_KEYS = {"code", "name", "script", "products", "pack_price", "gift"}
# The columns' lengths (pos.db.models.checklists); a script or a description is a few
# sentences for the salesperson, kept to what a sheet or a screen can show.
MAX_CODE = SheetTemplate.code.type.length
MAX_SHEET_NAME = SheetTemplate.name.type.length
MAX_SECTION_TITLE = SheetSection.title.type.length
MAX_ITEM_NAME = SheetItem.name.type.length
MAX_SCRIPT = 1_000


class Problems:
    """Errors with their place: a path through the document (messages such as
    'sheet "notebook"', or the file's own keys), and a line when findable."""

    def __init__(self, text: str | None):
        self.lines = text.splitlines() if text is not None else None
        self.errors: list[Message] = []

    def add(self, path: list[str | Message], reason: str | Message | UserError, /, *,
            find: list[str] | None = None, **params) -> None:
        """One problem: `reason` is a message id with its `params` (or a Message or
        UserError already made); `find` names the values that locate its line."""
        if isinstance(reason, str):
            reason = msg(reason, **params)
        line = self._locate(find) if find else None
        if line:
            self.errors.append(msg("checklist.problem_at", line=line, where=list(path),
                                   reason=reason))
        else:
            self.errors.append(msg("checklist.problem", where=list(path), reason=reason))

    def _locate(self, needles: list[str]) -> int | None:
        """Find the needles in order (sheet code, item code, value) to name a line."""
        if not self.lines:
            return None
        index = 0
        for needle in needles:
            quoted = f'"{needle}"'
            while index < len(self.lines) and quoted not in self.lines[index]:
                index += 1
            if index == len(self.lines):
                return None
        return index + 1


def parse_document(data: bytes) -> tuple[dict, str]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError("checklist.not_utf8") from exc
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:  # the parser's own (English) words, with the place
        raise UserError("checklist.not_toml", error=str(exc)) from exc
    except RecursionError:  # tomllib descends once per level of nesting
        raise UserError("checklist.too_deep") from None


def code_of(table) -> str | None:
    """A table's code when it is usable text (to name the table's place), else None."""
    code = table.get("code") if isinstance(table, dict) else None
    return code if isinstance(code, str) and code.strip() else None


def list_of_tables(value, key: str, path, problems) -> list:
    """The tables of an array of tables ([[key]]), or [] after saying it is not one."""
    if value is None:
        return []
    if not isinstance(value, list):
        problems.add(path, "checklist.array_of_tables", key=key)
        return []
    return value


def check_code(code, path, problems, *, find=None) -> bool:
    """A code is text of at most MAX_CODE characters; True when it is."""
    if not nonempty_str(code):
        problems.add(path, "checklist.needs_code")
        return False
    problem = text_problem(code, MAX_CODE)
    if problem is not None:
        problems.add(path + ["code"], problem, find=find)
        return False
    return True


def check_text(table: dict, key: str, max_length: int, path, problems, *,
               required: bool, missing: str = "", find=None, multi_line: bool = False):
    """The text under `key`: present when `required` (else the `missing` message), text,
    within `max_length`, no control characters (line breaks only where `multi_line`)."""
    value = table.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.add(path, missing, find=find)
        return value
    if not isinstance(value, str):
        problems.add(path, "checklist.text_value", key=key, find=find)
        return None
    try:
        clean_text(value, max_length=max_length, single_line=not multi_line)
    except UserError as exc:
        problems.add(path + [key], msg("field.control_characters")
                     if exc.message_id == "text.control_characters"
                     else msg("field.too_long", max=max_length), find=find)
    return value


def text_list(value, key: str, path, problems) -> list[str]:
    """The text entries of a list (codes, skus); an entry of another type is a problem."""
    result = []
    for entry in value:
        if isinstance(entry, str):
            result.append(entry)
        else:
            problems.add(path, "checklist.text_value", key=key)
    return result


def validate_sheets(document, categories, products, problems, currency, *,
                    owners: dict[str, str] | None = None,
                    move_categories: bool = False) -> list[dict]:
    """The sheets of the document, checked. `owners` says which sheet (code) each
    category is on now (the counter's by category code, a department's by (department,
    category code)): a sheet that names a category of a sheet the file leaves out is
    refused, unless `move_categories`."""
    sheets_in = document.get("sheet", [])
    if not isinstance(sheets_in, list):
        problems.add(["sheet"], "checklist.array_of_tables", key="sheet")
        return []
    in_file = {code_of(sheet) for sheet in sheets_in}
    owners = owners or {}
    result, sheet_codes, claimed = [], set(), {}
    for s_index, sheet in enumerate(sheets_in, start=1):
        code = code_of(sheet)
        path = [msg("checklist.sheet", code=shown(code)) if code
                else msg("checklist.sheet_n", n=s_index)]
        if not isinstance(sheet, dict):
            problems.add(path, "checklist.must_be_table")
            continue
        check_keys(sheet, SHEET_KEYS, path, problems)
        if check_code(sheet.get("code"), path, problems, find=[code] if code else None):
            if code in sheet_codes:
                problems.add(path, "checklist.sheet_code_taken", find=[code])
            sheet_codes.add(code)
        check_text(sheet, "name", MAX_SHEET_NAME, path, problems, required=True,
                   missing="checklist.needs_name", find=[code] if code else None)
        department = Department.COUNTER
        if "department" in sheet:
            department = enum_value(Department, sheet["department"], path + ["department"],
                                    problems) or Department.COUNTER
        category_codes = sheet.get("categories", [])
        if isinstance(category_codes, list):
            category_codes = text_list(category_codes, "categories", path, problems)
        for category_code in category_codes if isinstance(category_codes, list) else []:
            category = categories.get(category_code)
            if category is None:
                problems.add(path, "catalog.unknown_category", code=category_code,
                             find=[code, category_code])
            elif category.kind is not CategoryKind.MAIN_UNIT:
                problems.add(path, "checklist.not_main_unit", code=category_code)
            elif (department, category_code) in claimed:
                problems.add(path, "checklist.category_on_sheet", code=category_code,
                             sheet=claimed[(department, category_code)])
            else:
                claimed[(department, category_code)] = code
                owner = owners.get(category_code if department is Department.COUNTER
                                   else (department.value, category_code))
                if (owner is not None and owner != code and owner not in in_file
                        and not move_categories):
                    problems.add(path, "checklist.category_owned", code=category_code,
                                 owner=owner, sheet=code, find=[code, category_code])
        if not isinstance(category_codes, list) or not category_codes:
            problems.add(path, "checklist.needs_categories")
        sections = []
        section_codes, item_codes = set(), set()
        sections_in = list_of_tables(sheet.get("section"), "sheet.section", path, problems)
        for x_index, section in enumerate(sections_in, start=1):
            s_code = code_of(section)
            s_path = path + [msg("checklist.section", code=shown(s_code)) if s_code
                             else msg("checklist.section_n", n=x_index)]
            if not isinstance(section, dict):
                problems.add(s_path, "checklist.must_be_table")
                continue
            check_keys(section, SECTION_KEYS, s_path, problems)
            if check_code(section.get("code"), s_path, problems):
                if s_code in section_codes:
                    problems.add(s_path, "checklist.section_code_taken")
                section_codes.add(s_code)
            check_text(section, "title", MAX_SECTION_TITLE, s_path, problems, required=True,
                       missing="checklist.needs_title")
            items = []
            items_in = list_of_tables(section.get("item"), "sheet.section.item", s_path,
                                      problems)
            for i_index, item in enumerate(items_in, start=1):
                items.append(
                    _validate_item(item, i_index, s_path, code, item_codes, products, problems, currency)
                )
            sections.append({"code": s_code, "title": section.get("title"), "items": items})
        if not sections:
            problems.add(path, "checklist.needs_section")
        result.append({"code": code, "name": sheet.get("name"), "categories": category_codes,
                       "sections": sections, "department": department})
    return result


def _validate_item(item, index, s_path, sheet_code, item_codes, products, problems, currency):
    code = code_of(item)
    path = s_path + [msg("checklist.item", code=shown(code)) if code
                     else msg("checklist.item_n", n=index)]
    if not isinstance(item, dict):
        problems.add(path, "checklist.must_be_table")
        return {}
    check_keys(item, ITEM_KEYS, path, problems)
    if check_code(item.get("code"), path, problems):
        if code in item_codes:
            problems.add(path, "checklist.item_code_taken", find=[sheet_code, code])
        item_codes.add(code)
    check_text(item, "name", MAX_ITEM_NAME, path, problems, required=True,
               missing="checklist.needs_name", find=[sheet_code, code] if code else None)
    script = item.get("script", "")
    if not isinstance(script, str):
        problems.add(path, "checklist.script_text")
    else:
        check_text(item, "script", MAX_SCRIPT, path, problems, required=False, multi_line=True)
    skus = item.get("products", [])
    product_ids = []
    if not isinstance(skus, list) or not skus:
        problems.add(path, "checklist.needs_products", find=[sheet_code, code] if code else None)
        skus = []
    skus = text_list(skus, "products", path, problems)
    for sku in skus:
        if sku not in products:
            problems.add(path, "checklist.unknown_sku", sku=sku,
                         find=[sheet_code, code, sku] if code else None)
        elif products[sku][0] in product_ids:
            problems.add(path, "checklist.sku_twice", sku=sku,
                         find=[sheet_code, code, sku] if code else None)
        else:
            product_ids.append(products[sku][0])
    gift = item.get("gift", False)
    if not isinstance(gift, bool):
        problems.add(path, "checklist.gift_boolean")
        gift = False
    pack_price = 0 if gift else None
    if "pack_price" in item:
        pack_price = amount_value(item["pack_price"], path + ["pack_price"], problems, currency)
        parts = sum(products[sku][1] for sku in skus if sku in products)
        find = [sheet_code, code] if code else None
        if pack_price is None:
            pass  # not an amount: said above
        elif gift and pack_price != 0:  # a gift is free
            problems.add(path, "checklist.gift_is_free", price=item["pack_price"], find=find)
        elif pack_price < 0:
            problems.add(path, "checklist.pack_above_zero")
        elif pack_price == 0 and not gift:
            problems.add(path, "checklist.zero_needs_gift", find=find)
        elif parts and pack_price > parts:
            problems.add(path, "checklist.pack_above_parts", price=item["pack_price"],
                         parts=parts, find=find)
    if pack_price is not None and not gift and len(skus) < 2:
        problems.add(path, "checklist.pack_two")  # a gift may be one product given free
    return {
        "code": code, "name": item.get("name"), "script": script if isinstance(script, str) else "",
        "product_ids": product_ids, "pack_price": pack_price, "gift": gift,
    }


def check_keys(table: dict, allowed: set[str], path: list[str], problems: Problems) -> None:
    unknown = set(table) - allowed
    if unknown:
        problems.add(path, "checklist.unknown_keys", keys=sorted(unknown))


def nonempty_str(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def amount_value(value, path, problems, currency) -> int | None:
    if not isinstance(value, str):
        problems.add(path, "checklist.quoted_amount")
        return None
    try:
        return bounded_amount(value, currency=currency)
    except UserError as exc:
        problems.add(path, exc)
        return None


def enum_value(enum_cls, value, path, problems):
    for member in enum_cls:
        if member.value == value:
            return member
    problems.add(path, "value.not_one_of", text=shown(str(value)),
                 allowed=[member.value for member in enum_cls])
    return None
