"""Categories and products: what the store sells."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pos.db.models.base import Base, enum_column
from pos.kernel.enums import CategoryKind, PriceRole, SheetLayout


class Category(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[CategoryKind] = mapped_column(enum_column(CategoryKind))
    # Only main units print on a sheet; the layout picks the sheet family.
    sheet_layout: Mapped[SheetLayout | None] = mapped_column(enum_column(SheetLayout))
    # The configuration-sheet template its main units are sold with.
    sheet_template_id: Mapped[int | None] = mapped_column(
        ForeignKey("sheet_templates.id", ondelete="SET NULL"), index=True
    )
    # The maker's warranty of its products, in months, unless a product says otherwise.
    warranty_months: Mapped[int | None] = mapped_column(Integer)

    products: Mapped[list[Product]] = relationship(back_populates="category")


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(40), unique=True)
    barcode: Mapped[str | None] = mapped_column(String(14), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # casefold(name + " " + sku): substring search without per-row function calls.
    search_text: Mapped[str] = mapped_column(String(260))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), index=True)
    price: Mapped[int] = mapped_column(BigInteger, index=True)  # VAT-inclusive, minor units
    cost: Mapped[int] = mapped_column(BigInteger)  # minor units
    vat_rate_bp: Mapped[int] = mapped_column(Integer)  # basis points: 1300 = 13%
    price_role: Mapped[PriceRole] = mapped_column(
        enum_column(PriceRole), default=PriceRole.NONE
    )
    serial_tracked: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The maker's warranty in months; None: the category's (pos.catalog.coverage).
    warranty_months: Mapped[int | None] = mapped_column(Integer)

    category: Mapped[Category] = relationship(back_populates="products")


# The search's own structures (pos.catalog.search keeps them in step with `products`).
# Terms compare in code point order on every database ("C" on PostgreSQL), so a prefix is
# one index range whatever the database's locale.
_TERM = String(64).with_variant(String(64, collation="C"), "postgresql")


class SearchTerm(Base):
    """One searchable term of an active product: a word of its name or sku, its barcode,
    or a piece of a Chinese run; the key's order is "this term, highest price first"."""

    __tablename__ = "catalog_search_terms"
    # by product: what refresh deletes, and "does this product also hold that word"
    __table_args__ = (Index("ix_catalog_search_terms_product_id", "product_id", "term"),
                      {"sqlite_with_rowid": False})

    term: Mapped[str] = mapped_column(_TERM, primary_key=True)
    neg_price: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    product_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class SearchWord(Base):
    """The catalog's words of 4+ letters, each under itself and under every way of
    deleting one letter from it: a typo (one letter wrong, missing, extra or swapped)
    shares one of these keys with the word meant."""

    __tablename__ = "catalog_search_words"
    __table_args__ = {"sqlite_with_rowid": False}

    variant: Mapped[str] = mapped_column(String(24), primary_key=True)
    word: Mapped[str] = mapped_column(String(24), primary_key=True)


def product_search_text(name: str, sku: str) -> str:
    return f"{name} {sku}".casefold()


__all__ = [
    "Category",
    "CategoryKind",
    "PriceRole",
    "Product",
    "SearchTerm",
    "SearchWord",
    "SheetLayout",
    "product_search_text",
]
