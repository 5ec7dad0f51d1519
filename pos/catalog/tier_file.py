"""Reading the service-card tiers of a checklist file: what each card is called, who
may buy it, how it serves (`service`: on_site or carry_in), what it covers (`scope`:
software, hardware or screen), when its cover starts (`starts`: at the "sale", or at
"warranty_end", when the unit's maker's warranty ends), for how long (`term_months`,
or `lifetime = true`), the categories it is offered for and its price bands. Problems
go to the file's list with their place (pos.catalog.checklist_file.Problems).

The printed promise and the card's dates come from these fields (pos.catalog.coverage);
`description` is the store's own note, shown to the salesperson, never printed as the
promise."""

from __future__ import annotations

from pos.catalog.catalog_file import shown
from pos.catalog.checklist_file import (
    MAX_SCRIPT, amount_value, check_code, check_keys, check_text, code_of, enum_value,
    text_list,
)
from pos.db.models import ServiceTier
from pos.kernel.enums import Audience, CategoryKind, CoverageScope, CoverageStart, ServiceMode
from pos.kernel.messages import msg

TIER_KEYS = {
    "code", "name", "description", "audience", "lifetime", "term_months", "service", "scope",
    "starts", "units_covered", "categories", "bands",
}
BAND_KEYS = {"up_to", "price"}
MAX_TIER_NAME = ServiceTier.name.type.length
# A card's term: what a store sells (at most 10 years; longer is "lifetime"), so that
# every end date is a real date.
MAX_TERM_MONTHS = 120
MAX_UNITS_COVERED = 1_000


def validate_tiers(document, categories, problems, currency) -> list[dict]:
    tiers_in = document.get("tier", [])
    if not isinstance(tiers_in, list):
        problems.add(["tier"], "checklist.array_of_tables", key="tier")
        return []
    result, codes = [], set()
    for index, tier in enumerate(tiers_in, start=1):
        code = code_of(tier)
        path = [msg("checklist.tier", code=shown(code)) if code
                else msg("checklist.tier_n", n=index)]
        if not isinstance(tier, dict):
            problems.add(path, "checklist.must_be_table")
            continue
        find = [code] if code else None
        check_keys(tier, TIER_KEYS, path, problems)
        if check_code(tier.get("code"), path, problems, find=find):
            if code in codes:
                problems.add(path, "checklist.tier_code_taken", find=find)
            codes.add(code)
        check_text(tier, "name", MAX_TIER_NAME, path, problems, required=True,
                   missing="checklist.needs_name", find=find)
        description = check_text(tier, "description", MAX_SCRIPT, path, problems,
                                 required=False, multi_line=True, find=find)
        audience = enum_value(Audience, tier.get("audience"), path + ["audience"], problems)
        mode = enum_value(ServiceMode, tier.get("service"), path + ["service"], problems)
        scope = _required_enum(CoverageScope, tier, "scope", "checklist.needs_scope", path,
                               problems, find)
        starts = _required_enum(CoverageStart, tier, "starts", "checklist.needs_starts", path,
                                problems, find)
        lifetime = tier.get("lifetime", False)
        term = tier.get("term_months")
        if lifetime is True and term is not None:
            problems.add(path, "checklist.lifetime_or_term", find=find)
        elif lifetime is not True and not (isinstance(term, int) and not isinstance(term, bool) and term > 0):
            problems.add(path, "checklist.needs_term", find=find)
        elif lifetime is not True and term > MAX_TERM_MONTHS:
            problems.add(path, "checklist.term_too_long", max=MAX_TERM_MONTHS,
                         years=MAX_TERM_MONTHS // 12, find=find)
        units = tier.get("units_covered", 1)
        if not isinstance(units, int) or isinstance(units, bool) or units < 1:
            problems.add(path, "checklist.units_covered", find=find)
        elif units > MAX_UNITS_COVERED:
            problems.add(path, "checklist.units_covered_max", max=MAX_UNITS_COVERED, find=find)
        category_ids = []
        tier_categories = tier.get("categories")
        tier_categories = (text_list(tier_categories, "categories", path, problems)
                           if isinstance(tier_categories, list) else [])
        for category_code in tier_categories:
            category = categories.get(category_code)
            if category is None:
                problems.add(path, "catalog.unknown_category", code=category_code,
                             find=[code, category_code] if code else None)
            elif category.kind is not CategoryKind.MAIN_UNIT:
                problems.add(path, "checklist.not_main_unit", code=category_code)
            else:
                category_ids.append(category.id)
        if not tier_categories:
            problems.add(path, "checklist.tier_needs_categories", find=find)
        bands = _validate_bands(tier.get("bands"), path, problems, currency)
        result.append({
            "code": code, "name": tier.get("name"),
            "description": description if isinstance(description, str) else "",
            "audience": audience, "service_mode": mode, "scope": scope, "starts": starts,
            "term_months": None if lifetime is True else term,
            "units_covered": units, "category_ids": category_ids, "bands": bands,
            "position": index,
        })
    return result


def _required_enum(enum_cls, tier: dict, key: str, missing: str, path, problems, find):
    """The tier's `key` as one of `enum_cls`; the `missing` message when it is not given."""
    if key not in tier:
        problems.add(path, missing, find=find)
        return None
    return enum_value(enum_cls, tier[key], path + [key], problems)


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
        check_keys(band, BAND_KEYS, b_path, problems)
        price = amount_value(band.get("price"), b_path + ["price"], problems, currency)
        last = index == len(bands)
        up_to = None
        if "up_to" in band:
            up_to = amount_value(band["up_to"], b_path + ["up_to"], problems, currency)
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
