"""Configuration-sheet templates (sections, items, the products that satisfy an item)
and the service-card tiers a main unit can be sold with."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pos.db.models.base import Base, enum_column
from pos.db.models.catalog import Category, Product
from pos.kernel.enums import Audience, CoverageScope, CoverageStart, Department, ServiceMode


class SheetTemplate(Base):
    __tablename__ = "sheet_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    # Whose sheet: the counter's (a category's configuration sheet) or a service
    # department's (what an installer, a technician or the repair desk proposes).
    department: Mapped[Department] = mapped_column(
        enum_column(Department), default=Department.COUNTER, server_default="counter")

    sections: Mapped[list[SheetSection]] = relationship(
        back_populates="template",
        order_by="SheetSection.position",
        cascade="all, delete-orphan",
    )
    categories: Mapped[list[Category]] = relationship(viewonly=True)


class SheetSection(Base):
    __tablename__ = "sheet_sections"
    __table_args__ = (UniqueConstraint("template_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("sheet_templates.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(40))  # accessories, software, connectivity, ...
    title: Mapped[str] = mapped_column(String(120))

    template: Mapped[SheetTemplate] = relationship(back_populates="sections")
    items: Mapped[list[SheetItem]] = relationship(
        back_populates="section", order_by="SheetItem.position", cascade="all, delete-orphan"
    )


class SheetItem(Base):
    """One tick box on the sheet. A plain item is satisfied by any one of its products;
    a gift pack is all of its products together, sold at ``pack_price``."""

    __tablename__ = "sheet_items"
    __table_args__ = (UniqueConstraint("section_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(
        ForeignKey("sheet_sections.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    script: Mapped[str] = mapped_column(Text, default="")
    pack_price: Mapped[int | None] = mapped_column(BigInteger)  # minor units; set = gift pack
    # Given free with the unit (免费送): its products are sold at 0, pack_price is 0.
    gift: Mapped[bool] = mapped_column(Boolean, default=False)

    section: Mapped[SheetSection] = relationship(back_populates="items")
    product_links: Mapped[list[SheetItemProduct]] = relationship(
        back_populates="item", order_by="SheetItemProduct.position", cascade="all, delete-orphan"
    )

    @property
    def is_gift_pack(self) -> bool:
        return self.pack_price is not None


class SheetItemProduct(Base):
    __tablename__ = "sheet_item_products"
    __table_args__ = (UniqueConstraint("item_id", "product_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("sheet_items.id", ondelete="CASCADE"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)

    item: Mapped[SheetItem] = relationship(back_populates="product_links")
    product: Mapped[Product] = relationship()


class ServiceTier(Base):
    __tablename__ = "service_tiers"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    audience: Mapped[Audience] = mapped_column(enum_column(Audience))
    term_months: Mapped[int | None] = mapped_column(Integer)  # None: lifetime
    service_mode: Mapped[ServiceMode] = mapped_column(enum_column(ServiceMode))
    # What it covers and from when; with term_months these make the printed promise
    # and the card's dates (pos.catalog.coverage).
    scope: Mapped[CoverageScope] = mapped_column(enum_column(CoverageScope))
    starts: Mapped[CoverageStart] = mapped_column(enum_column(CoverageStart))
    units_covered: Mapped[int] = mapped_column(Integer, default=1)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    bands: Mapped[list[TierPriceBand]] = relationship(
        back_populates="tier", order_by="TierPriceBand.position", cascade="all, delete-orphan"
    )
    category_links: Mapped[list[TierCategory]] = relationship(
        back_populates="tier", cascade="all, delete-orphan"
    )

    @property
    def lifetime(self) -> bool:
        return self.term_months is None


class TierCategory(Base):
    __tablename__ = "tier_categories"
    __table_args__ = (UniqueConstraint("tier_id", "category_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tier_id: Mapped[int] = mapped_column(ForeignKey("service_tiers.id", ondelete="CASCADE"))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), index=True)

    tier: Mapped[ServiceTier] = relationship(back_populates="category_links")
    category: Mapped[Category] = relationship()


class TierPriceBand(Base):
    """The card's price when the covered unit's price is at most ``max_unit_price``
    (None: any price above the previous band)."""

    __tablename__ = "tier_price_bands"
    __table_args__ = (UniqueConstraint("tier_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tier_id: Mapped[int] = mapped_column(ForeignKey("service_tiers.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    max_unit_price: Mapped[int | None] = mapped_column(BigInteger)
    price: Mapped[int] = mapped_column(BigInteger)

    tier: Mapped[ServiceTier] = relationship(back_populates="bands")
