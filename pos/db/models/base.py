"""Declarative base, the constraint naming convention Alembic relies on, and enum columns."""

from __future__ import annotations

import enum
from datetime import timezone

from sqlalchemy import DateTime, Enum, MetaData
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

from pos.kernel.clock import utcnow  # noqa: F401 - column defaults use it

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def enum_column(enum_cls: type[enum.Enum]) -> Enum:
    """A portable enum column: VARCHAR holding the enum's values (not names) on every
    database, so SQLite and PostgreSQL store the same text and migrations stay simple."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=max(len(member.value) for member in enum_cls) + 8,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


class _UtcDateTime(TypeDecorator):
    """Aware UTC datetimes in and out. SQLite keeps no zone and hands back naive values;
    those are UTC here, and are returned as such, so nothing downstream mistakes them
    for local time."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(timezone.utc)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


def UtcDateTime() -> _UtcDateTime:  # noqa: N802 - reads like a column type
    return _UtcDateTime()


# Search structures made by raw SQL in revision 0002, outside the ORM metadata.
_OUTSIDE_METADATA = ("product_search", "ix_products_search_trgm")


def include_in_autogenerate(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's include_object hook: leave the hand-written search structures alone."""
    return not (reflected and compare_to is None and name and name.startswith(_OUTSIDE_METADATA))
