"""Reading a checklist file: the TOML document of configuration sheets and service-card
tiers, checked whole before anything is written. Every problem is reported with its
place in the file (a path through the document, and a line when it can be found)."""

from __future__ import annotations

import tomllib

from pos.kernel.enums import Audience, CategoryKind, ServiceMode
from pos.kernel.errors import UserError
from pos.kernel.messages import Message, msg
from pos.kernel.money import parse_amount

SHEET_KEYS = {"code", "name", "categories", "section"}
SECTION_KEYS = {"code", "title", "item"}
ITEM_KEYS = {"code", "name", "script", "products", "pack_price"}
TIER_KEYS = {
    "code", "name", "description", "audience", "lifetime", "term_months", "service",
    "units_covered", "categories", "bands",
}
BAND_KEYS = {"up_to", "price"}


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


def validate_sheets(document, categories, products, problems, currency) -> list[dict]:
    sheets_in = document.get("sheet", [])
    if not isinstance(sheets_in, list):
        problems.add(["sheet"], "checklist.array_of_tables", key="sheet")
        return []
    result, sheet_codes, claimed = [], set(), {}
    for s_index, sheet in enumerate(sheets_in, start=1):
        code = sheet.get("code") if isinstance(sheet, dict) else None
        path = [msg("checklist.sheet", code=code) if code else msg("checklist.sheet_n", n=s_index)]
        if not isinstance(sheet, dict):
            problems.add(path, "checklist.must_be_table")
            continue
        _check_keys(sheet, SHEET_KEYS, path, problems)
        if not _nonempty_str(code):
            problems.add(path, "checklist.needs_code")
        elif code in sheet_codes:
            problems.add(path, "checklist.sheet_code_taken", find=[code])
        sheet_codes.add(code)
        if not _nonempty_str(sheet.get("name")):
            problems.add(path, "checklist.needs_name", find=[code] if code else None)
        category_codes = sheet.get("categories", [])
        for category_code in category_codes if isinstance(category_codes, list) else []:
            category = categories.get(category_code)
            if category is None:
                problems.add(path, "catalog.unknown_category", code=category_code,
                             find=[code, category_code])
            elif category.kind is not CategoryKind.MAIN_UNIT:
                problems.add(path, "checklist.not_main_unit", code=category_code)
            elif category_code in claimed:
                problems.add(path, "checklist.category_on_sheet", code=category_code,
                             sheet=claimed[category_code])
            else:
                claimed[category_code] = code
        if not isinstance(category_codes, list) or not category_codes:
            problems.add(path, "checklist.needs_categories")
        sections = []
        section_codes, item_codes = set(), set()
        for x_index, section in enumerate(sheet.get("section", []), start=1):
            s_code = section.get("code") if isinstance(section, dict) else None
            s_path = path + [msg("checklist.section", code=s_code) if s_code
                             else msg("checklist.section_n", n=x_index)]
            if not isinstance(section, dict):
                problems.add(s_path, "checklist.must_be_table")
                continue
            _check_keys(section, SECTION_KEYS, s_path, problems)
            if not _nonempty_str(s_code):
                problems.add(s_path, "checklist.needs_code")
            elif s_code in section_codes:
                problems.add(s_path, "checklist.section_code_taken")
            section_codes.add(s_code)
            if not _nonempty_str(section.get("title")):
                problems.add(s_path, "checklist.needs_title")
            items = []
            for i_index, item in enumerate(section.get("item", []), start=1):
                items.append(
                    _validate_item(item, i_index, s_path, code, item_codes, products, problems, currency)
                )
            sections.append({"code": s_code, "title": section.get("title"), "items": items})
        if not sections:
            problems.add(path, "checklist.needs_section")
        result.append({"code": code, "name": sheet.get("name"), "categories": category_codes, "sections": sections})
    return result


def _validate_item(item, index, s_path, sheet_code, item_codes, products, problems, currency):
    code = item.get("code") if isinstance(item, dict) else None
    path = s_path + [msg("checklist.item", code=code) if code else msg("checklist.item_n", n=index)]
    if not isinstance(item, dict):
        problems.add(path, "checklist.must_be_table")
        return {}
    _check_keys(item, ITEM_KEYS, path, problems)
    if not _nonempty_str(code):
        problems.add(path, "checklist.needs_code")
    elif code in item_codes:
        problems.add(path, "checklist.item_code_taken", find=[sheet_code, code])
    item_codes.add(code)
    if not _nonempty_str(item.get("name")):
        problems.add(path, "checklist.needs_name", find=[sheet_code, code] if code else None)
    script = item.get("script", "")
    if not isinstance(script, str):
        problems.add(path, "checklist.script_text")
    skus = item.get("products", [])
    product_ids = []
    if not isinstance(skus, list) or not skus:
        problems.add(path, "checklist.needs_products", find=[sheet_code, code] if code else None)
        skus = []
    for sku in skus:
        if sku not in products:
            problems.add(path, "checklist.unknown_sku", sku=sku,
                         find=[sheet_code, code, sku] if code else None)
        elif products[sku][0] in product_ids:
            problems.add(path, "checklist.sku_twice", sku=sku,
                         find=[sheet_code, code, sku] if code else None)
        else:
            product_ids.append(products[sku][0])
    pack_price = None
    if "pack_price" in item:
        pack_price = _amount(item["pack_price"], path + ["pack_price"], problems, currency)
        if pack_price is not None:
            if len(skus) < 2:
                problems.add(path, "checklist.pack_two")
            parts = sum(products[s][1] for s in skus if s in products)
            if pack_price <= 0:
                problems.add(path, "checklist.pack_above_zero")
            elif parts and pack_price > parts:
                problems.add(path, "checklist.pack_above_parts", price=item["pack_price"],
                             parts=parts, find=[sheet_code, code] if code else None)
    return {
        "code": code, "name": item.get("name"), "script": script if isinstance(script, str) else "",
        "product_ids": product_ids, "pack_price": pack_price,
    }


def validate_tiers(document, categories, problems, currency) -> list[dict]:
    tiers_in = document.get("tier", [])
    if not isinstance(tiers_in, list):
        problems.add(["tier"], "checklist.array_of_tables", key="tier")
        return []
    result, codes = [], set()
    for index, tier in enumerate(tiers_in, start=1):
        code = tier.get("code") if isinstance(tier, dict) else None
        path = [msg("checklist.tier", code=code) if code else msg("checklist.tier_n", n=index)]
        if not isinstance(tier, dict):
            problems.add(path, "checklist.must_be_table")
            continue
        find = [code] if code else None
        _check_keys(tier, TIER_KEYS, path, problems)
        if not _nonempty_str(code):
            problems.add(path, "checklist.needs_code")
        elif code in codes:
            problems.add(path, "checklist.tier_code_taken", find=find)
        codes.add(code)
        if not _nonempty_str(tier.get("name")):
            problems.add(path, "checklist.needs_name", find=find)
        audience = _enum(Audience, tier.get("audience"), path + ["audience"], problems)
        mode = _enum(ServiceMode, tier.get("service"), path + ["service"], problems)
        lifetime = tier.get("lifetime", False)
        term = tier.get("term_months")
        if lifetime is True and term is not None:
            problems.add(path, "checklist.lifetime_or_term", find=find)
        elif lifetime is not True and not (isinstance(term, int) and not isinstance(term, bool) and term > 0):
            problems.add(path, "checklist.needs_term", find=find)
        units = tier.get("units_covered", 1)
        if not isinstance(units, int) or isinstance(units, bool) or units < 1:
            problems.add(path, "checklist.units_covered", find=find)
        category_ids = []
        for category_code in tier.get("categories", []) or []:
            category = categories.get(category_code)
            if category is None:
                problems.add(path, "catalog.unknown_category", code=category_code,
                             find=[code, category_code] if code else None)
            elif category.kind is not CategoryKind.MAIN_UNIT:
                problems.add(path, "checklist.not_main_unit", code=category_code)
            else:
                category_ids.append(category.id)
        if not tier.get("categories"):
            problems.add(path, "checklist.tier_needs_categories", find=find)
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
        problems.add(path, "checklist.needs_bands")
        return []
    result, previous = [], -1
    for index, band in enumerate(bands, start=1):
        b_path = path + [msg("checklist.band", n=index)]
        if not isinstance(band, dict):
            problems.add(b_path, "checklist.must_be_table")
            continue
        _check_keys(band, BAND_KEYS, b_path, problems)
        price = _amount(band.get("price"), b_path + ["price"], problems, currency)
        last = index == len(bands)
        up_to = None
        if "up_to" in band:
            up_to = _amount(band["up_to"], b_path + ["up_to"], problems, currency)
            if last:
                problems.add(b_path, "checklist.last_band_open")
            elif up_to is not None and up_to <= previous:
                problems.add(b_path, "checklist.up_to_rises")
            if up_to is not None:
                previous = up_to
        elif not last:
            problems.add(b_path, "checklist.needs_up_to")
        result.append((up_to, price))
    return result


def _check_keys(table: dict, allowed: set[str], path: list[str], problems: Problems) -> None:
    unknown = set(table) - allowed
    if unknown:
        problems.add(path, "checklist.unknown_keys", keys=sorted(unknown))


def _nonempty_str(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _amount(value, path, problems, currency) -> int | None:
    if not isinstance(value, str):
        problems.add(path, "checklist.quoted_amount")
        return None
    try:
        return parse_amount(value, currency=currency)
    except UserError as exc:
        problems.add(path, exc)
        return None


def _enum(enum_cls, value, path, problems):
    for member in enum_cls:
        if member.value == value:
            return member
    problems.add(path, "value.not_one_of", text=value,
                 allowed=[member.value for member in enum_cls])
    return None
