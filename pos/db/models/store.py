"""The store, its terminals, and tunable settings kept as key/value rows."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pos.db.models.base import Base


class Store(Base):
    __tablename__ = "stores"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    tax_id: Mapped[str] = mapped_column(String(40), default="")
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    locale: Mapped[str] = mapped_column(String(20), default="zh_CN")
    receipt_footer: Mapped[str] = mapped_column(Text, default="")

    terminals: Mapped[list[Terminal]] = relationship(back_populates="store")


class Terminal(Base):
    """A till. Which terminal a machine is comes from its local configuration."""

    __tablename__ = "terminals"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)  # e.g. T01
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), index=True)
    name: Mapped[str] = mapped_column(String(120), default="")

    store: Mapped[Store] = relationship(back_populates="terminals")


class Setting(Base):
    """A store-wide tunable (discount limits, commission steps, ...) as JSON text."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value_json: Mapped[str] = mapped_column(Text)
