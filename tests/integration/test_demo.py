"""The demo store: every main category, a full sheet each, every tier, three staff."""

from collections import Counter

import pytest
from sqlalchemy import func, select

from pos.catalog import checklists, products
from pos.db.models import Category, ServiceTier, SheetItem, SheetTemplate
from pos.demo import loader
from pos.kernel.barcodes import validate_barcode
from pos.kernel.enums import CategoryKind
from pos.kernel.errors import UserError
from pos.people import staff

MAIN_CATEGORIES = {"DESKTOP", "NOTEBOOK", "PHONE", "TABLET", "DSLR", "COMPACT", "CAMCORDER"}
TIERS = {"silver", "gold", "diamond", "blue-gold", "blue-diamond", "digital-1y", "hw-1y",
         "hw-2y", "phone-ext", "screen-break"}
README_PINS = {"cashier": "1111", "installer": "2222", "manager": "9999"}


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_demo_store_covers_the_business(db, locale):
    summary = loader.load_demo(db, locale=locale)
    assert summary.products >= 80
    found = products.search_products(db, "-", limit=1000)  # every sku has a dash
    assert len(found) == summary.products
    for product in found:
        assert product.barcode and validate_barcode(product.barcode)
        assert 0 < product.cost < product.price
    roles = Counter(p.price_role.value for p in found)
    shares = {role: roles[role] / len(found) for role in ("traffic", "mainstream", "resource")}
    assert abs(shares["traffic"] - 0.15) < 0.05
    assert abs(shares["mainstream"] - 0.60) < 0.05
    assert abs(shares["resource"] - 0.25) < 0.05

    with db.read() as session:
        mains = session.scalars(
            select(Category).where(Category.kind == CategoryKind.MAIN_UNIT)).all()
        assert {c.code for c in mains} == MAIN_CATEGORIES
        assert all(c.sheet_template_id is not None for c in mains)
        assert session.scalar(select(func.count()).select_from(SheetTemplate)) >= 5
        scripts = session.scalars(select(SheetItem.script)).all()
        assert len(scripts) >= 50 and all(s.strip() for s in scripts)
        assert session.scalar(select(func.count()).where(SheetItem.pack_price.is_not(None))) >= 4
        tiers = session.scalars(select(ServiceTier)).all()
        assert {t.code for t in tiers} == TIERS
        assert all(t.bands and t.category_links for t in tiers)

    members = staff.list_staff(db)
    assert sorted(m.role.value for m in members) == ["cashier", "installer", "manager"]
    for member in members:
        assert staff.verify_pin(db, staff_id=member.id, pin=README_PINS[member.role.value])


def test_chinese_demo_has_chinese_names(db):
    loader.load_demo(db, locale="zh_CN")
    assert products.search_products(db, "笔记本")
    assert "配置单" in checklists.export_checklists(db).decode()


def test_demo_loads_only_into_an_empty_database(db):
    loader.load_demo(db, locale="en")
    before = products.export_catalog(db)
    with pytest.raises(UserError, match="empty database"):
        loader.load_demo(db, locale="en")
    assert products.export_catalog(db) == before


def test_demo_sheets_survive_an_export_import_round_trip(db):
    loader.load_demo(db, locale="en")
    exported = checklists.export_checklists(db)
    checklists.import_checklists_file(db, data=exported)
    assert checklists.export_checklists(db) == exported
