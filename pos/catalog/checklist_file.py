"""Reading a checklist file: the TOML document of configuration sheets and service-card
tiers, checked whole before anything is written. Every problem is reported with its
place in the file (a path through the document, and a line when it can be found)."""

from __future__ import annotations

import tomllib

from pos.kernel.enums import Audience, CategoryKind, ServiceMode
from pos.kernel.errors import UserError
from pos.kernel.money import parse_amount, to_decimal_string

SHEET_KEYS = {"code", "name", "categories", "section"}
SECTION_KEYS = {"code", "title", "item"}
ITEM_KEYS = {"code", "name", "script", "products", "pack_price"}
TIER_KEYS = {
    "code", "name", "description", "audience", "lifetime", "term_months", "service",
    "units_covered", "categories", "bands",
}
BAND_KEYS = {"up_to", "price"}


class Problems:
    """Errors with their place: a path through the document, and a line when findable."""

    def __init__(self, text: str | None):
        self.lines = text.splitlines() if text is not None else None
        self.errors: list[str] = []

    def add(self, path: list[str], reason: str, *, find: list[str] | None = None) -> None:
        where = " > ".join(path)
        line = self._locate(find) if find else None
        prefix = f"line {line}, " if line else ""
        self.errors.append(f"{prefix}{where}: {reason}")

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
        raise UserError("the checklist file must be UTF-8 text") from exc
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"the checklist file is not valid TOML: {exc}") from exc


def validate_sheets(document, categories, products, problems, currency) -> list[dict]:
    sheets_in = document.get("sheet", [])
    if not isinstance(sheets_in, list):
        problems.add(["sheet"], "must be an array of tables ([[sheet]])")
        return []
    result, sheet_codes, claimed = [], set(), {}
    for s_index, sheet in enumerate(sheets_in, start=1):
        code = sheet.get("code") if isinstance(sheet, dict) else None
        path = [f'sheet "{code}"' if code else f"sheet #{s_index}"]
        if not isinstance(sheet, dict):
            problems.add(path, "must be a table")
            continue
        _check_keys(sheet, SHEET_KEYS, path, problems)
        if not _nonempty_str(code):
            problems.add(path, "needs a code")
        elif code in sheet_codes:
            problems.add(path, "this code is used by another sheet", find=[code])
        sheet_codes.add(code)
        if not _nonempty_str(sheet.get("name")):
            problems.add(path, "needs a name", find=[code] if code else None)
        category_codes = sheet.get("categories", [])
        for category_code in category_codes if isinstance(category_codes, list) else []:
            category = categories.get(category_code)
            if category is None:
                problems.add(path, f"unknown category '{category_code}'", find=[code, category_code])
            elif category.kind is not CategoryKind.MAIN_UNIT:
                problems.add(path, f"category '{category_code}' is not a main-unit category")
            elif category_code in claimed:
                problems.add(path, f"category '{category_code}' is already on sheet '{claimed[category_code]}'")
            else:
                claimed[category_code] = code
        if not isinstance(category_codes, list) or not category_codes:
            problems.add(path, "needs categories = [main-unit category codes]")
        sections = []
        section_codes, item_codes = set(), set()
        for x_index, section in enumerate(sheet.get("section", []), start=1):
            s_code = section.get("code") if isinstance(section, dict) else None
            s_path = path + [f'section "{s_code}"' if s_code else f"section #{x_index}"]
            if not isinstance(section, dict):
                problems.add(s_path, "must be a table")
                continue
            _check_keys(section, SECTION_KEYS, s_path, problems)
            if not _nonempty_str(s_code):
                problems.add(s_path, "needs a code")
            elif s_code in section_codes:
                problems.add(s_path, "this code is used by another section of the sheet")
            section_codes.add(s_code)
            if not _nonempty_str(section.get("title")):
                problems.add(s_path, "needs a title")
            items = []
            for i_index, item in enumerate(section.get("item", []), start=1):
                items.append(
                    _validate_item(item, i_index, s_path, code, item_codes, products, problems, currency)
                )
            sections.append({"code": s_code, "title": section.get("title"), "items": items})
        if not sections:
            problems.add(path, "needs at least one [[sheet.section]]")
        result.append({"code": code, "name": sheet.get("name"), "categories": category_codes, "sections": sections})
    return result


def _validate_item(item, index, s_path, sheet_code, item_codes, products, problems, currency):
    code = item.get("code") if isinstance(item, dict) else None
    path = s_path + [f'item "{code}"' if code else f"item #{index}"]
    if not isinstance(item, dict):
        problems.add(path, "must be a table")
        return {}
    _check_keys(item, ITEM_KEYS, path, problems)
    if not _nonempty_str(code):
        problems.add(path, "needs a code")
    elif code in item_codes:
        problems.add(path, "this code is used by another item of the sheet", find=[sheet_code, code])
    item_codes.add(code)
    if not _nonempty_str(item.get("name")):
        problems.add(path, "needs a name", find=[sheet_code, code] if code else None)
    script = item.get("script", "")
    if not isinstance(script, str):
        problems.add(path, "script must be text")
    skus = item.get("products", [])
    product_ids = []
    if not isinstance(skus, list) or not skus:
        problems.add(path, "needs products = [one or more skus]", find=[sheet_code, code] if code else None)
        skus = []
    for sku in skus:
        if sku not in products:
            problems.add(path, f"unknown sku '{sku}'", find=[sheet_code, code, sku] if code else None)
        elif products[sku][0] in product_ids:
            problems.add(path, f"sku '{sku}' is listed twice", find=[sheet_code, code, sku] if code else None)
        else:
            product_ids.append(products[sku][0])
    pack_price = None
    if "pack_price" in item:
        pack_price = _amount(item["pack_price"], path + ["pack_price"], problems, currency)
        if pack_price is not None:
            if len(skus) < 2:
                problems.add(path, "a gift pack bundles two or more products")
            parts = sum(products[s][1] for s in skus if s in products)
            if pack_price <= 0:
                problems.add(path, "pack_price must be above zero")
            elif parts and pack_price > parts:
                problems.add(
                    path,
                    f"pack_price {item['pack_price']} is above the price of its parts "
                    f"({to_decimal_string(parts, currency=currency)})",
                    find=[sheet_code, code] if code else None,
                )
    return {
        "code": code, "name": item.get("name"), "script": script if isinstance(script, str) else "",
        "product_ids": product_ids, "pack_price": pack_price,
    }


def validate_tiers(document, categories, problems, currency) -> list[dict]:
    tiers_in = document.get("tier", [])
    if not isinstance(tiers_in, list):
        problems.add(["tier"], "must be an array of tables ([[tier]])")
        return []
    result, codes = [], set()
    for index, tier in enumerate(tiers_in, start=1):
        code = tier.get("code") if isinstance(tier, dict) else None
        path = [f'tier "{code}"' if code else f"tier #{index}"]
        if not isinstance(tier, dict):
            problems.add(path, "must be a table")
            continue
        find = [code] if code else None
        _check_keys(tier, TIER_KEYS, path, problems)
        if not _nonempty_str(code):
            problems.add(path, "needs a code")
        elif code in codes:
            problems.add(path, "this code is used by another tier", find=find)
        codes.add(code)
        if not _nonempty_str(tier.get("name")):
            problems.add(path, "needs a name", find=find)
        audience = _enum(Audience, tier.get("audience"), path + ["audience"], problems)
        mode = _enum(ServiceMode, tier.get("service"), path + ["service"], problems)
        lifetime = tier.get("lifetime", False)
        term = tier.get("term_months")
        if lifetime is True and term is not None:
            problems.add(path, "give either lifetime = true or term_months, not both", find=find)
        elif lifetime is not True and not (isinstance(term, int) and not isinstance(term, bool) and term > 0):
            problems.add(path, "needs term_months (a whole number above 0) or lifetime = true", find=find)
        units = tier.get("units_covered", 1)
        if not isinstance(units, int) or isinstance(units, bool) or units < 1:
            problems.add(path, "units_covered must be a whole number of 1 or more", find=find)
        category_ids = []
        for category_code in tier.get("categories", []) or []:
            category = categories.get(category_code)
            if category is None:
                problems.add(path, f"unknown category '{category_code}'", find=[code, category_code] if code else None)
            elif category.kind is not CategoryKind.MAIN_UNIT:
                problems.add(path, f"category '{category_code}' is not a main-unit category")
            else:
                category_ids.append(category.id)
        if not tier.get("categories"):
            problems.add(path, "needs categories = [the main-unit categories it covers]", find=find)
        bands = _validate_bands(tier.get("bands"), path, problems, currency)
        result.append({
            "code": code, "name": tier.get("name"), "description": tier.get("description", ""),
            "audience": audience, "service_mode": mode,
            "term_months": None if lifetime is True else term,
            "units_covered": units, "category_ids": category_ids, "bands": bands,
            "position": index,
        })
    return result


def _validate_bands(bands, path, problems, currency) -> list[tuple[int | None, int]]:
    if not isinstance(bands, list) or not bands:
        problems.add(path, "needs bands = [{ up_to = \"3000\", price = \"199\" }, ..., { price = \"399\" }]")
        return []
    result, previous = [], -1
    for index, band in enumerate(bands, start=1):
        b_path = path + [f"band {index}"]
        if not isinstance(band, dict):
            problems.add(b_path, "must be a table")
            continue
        _check_keys(band, BAND_KEYS, b_path, problems)
        price = _amount(band.get("price"), b_path + ["price"], problems, currency)
        last = index == len(bands)
        up_to = None
        if "up_to" in band:
            up_to = _amount(band["up_to"], b_path + ["up_to"], problems, currency)
            if last:
                problems.add(b_path, "the last band has no up_to: it prices every unit above the others")
            elif up_to is not None and up_to <= previous:
                problems.add(b_path, "up_to must rise from band to band")
            if up_to is not None:
                previous = up_to
        elif not last:
            problems.add(b_path, "needs up_to (only the last band is open-ended)")
        result.append((up_to, price))
    return result


def _check_keys(table: dict, allowed: set[str], path: list[str], problems: Problems) -> None:
    unknown = set(table) - allowed
    if unknown:
        problems.add(path, "unknown key(s): " + ", ".join(sorted(unknown)))


def _nonempty_str(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _amount(value, path, problems, currency) -> int | None:
    if not isinstance(value, str):
        problems.add(path, "write amounts as quoted decimal text, e.g. \"199.00\"")
        return None
    try:
        return parse_amount(value, currency=currency)
    except UserError as exc:
        problems.add(path, str(exc))
        return None


def _enum(enum_cls, value, path, problems):
    for member in enum_cls:
        if member.value == value:
            return member
    allowed = ", ".join(member.value for member in enum_cls)
    problems.add(path, f"'{value}' is not one of {allowed}")
    return None
