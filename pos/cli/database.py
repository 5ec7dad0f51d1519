"""`pos db upgrade|current` and `pos summary`: the schema's version and what is in the
database."""

from __future__ import annotations

from sqlalchemy import func, select

from pos.db import schema
from pos.db.models import Category, Product, ServiceTier, SheetItem, SheetTemplate, Staff


def register(sub) -> None:
    group = sub.add_parser("db", help="database schema").add_subparsers(dest="action", required=True)
    group.add_parser("upgrade", help="migrate the database to this version's schema").set_defaults(
        run=upgrade)
    group.add_parser("current", help="show the database's schema version").set_defaults(
        run=current, migrate=False)
    sub.add_parser("summary", help="what is in the database").set_defaults(run=summary)


def upgrade(args, db, terminal) -> int:
    print(f"schema at {schema.head_revision()}")
    return 0


def current(args, db, terminal) -> int:
    print(schema.current_revision(db.engine) or "empty (no schema)")
    return 0


def summary(args, db, terminal) -> int:
    counts = {}
    with db.read() as session:
        for label, model in (("categories", Category), ("products", Product),
                             ("sheets", SheetTemplate), ("sheet items", SheetItem),
                             ("service tiers", ServiceTier), ("staff", Staff)):
            counts[label] = session.scalar(select(func.count()).select_from(model))
    print(f"Tickbox POS database: {db.engine.url.render_as_string(hide_password=True)}")
    for label, count in counts.items():
        print(f"  {label:<14} {count}")
    return 0
