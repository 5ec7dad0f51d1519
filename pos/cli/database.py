"""`pos db upgrade|current|check|backup` and `pos summary`: the schema's version, whether
the file is sound, a consistent copy of it, and what is in the database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from pos.db import health, schema
from pos.db.engine import Database, describe
from pos.db.location import sqlite_path
from pos.db.models import Category, Product, ServiceTier, SheetItem, SheetTemplate, Staff
from pos.kernel.errors import UserError


def register(sub) -> None:
    group = sub.add_parser("db", help="database schema, checks and backups").add_subparsers(
        dest="action", required=True)
    group.add_parser("upgrade", help="migrate the database to this version's schema").set_defaults(
        run=upgrade)
    group.add_parser("current", help="show the database's schema version").set_defaults(
        run=current, migrate=False, writes=False)
    check = group.add_parser("check", help="check the database file's integrity (exit 4 if "
                             "damaged)")
    check.add_argument("--full", action="store_true",
                       help="also match every index with its table (slower)")
    check.set_defaults(run=check_database, migrate=False, writes=False)
    backup = group.add_parser("backup", help="a consistent copy of the SQLite file, taken while "
                              "tills run, checked after it is written")
    backup.add_argument("file")
    backup.set_defaults(run=backup_database, migrate=False)
    sub.add_parser("summary", help="what is in the database").set_defaults(run=summary,
                                                                           writes=False)


def upgrade(args, db, terminal) -> int:
    print(f"schema at {schema.head_revision()}")
    return 0


def current(args, db, terminal) -> int:
    print(schema.current_revision(db.engine) or "empty (no schema)")
    return 0


def check_database(args, db, terminal) -> int:
    result = (health.full_check if args.full else health.quick_check)(db)
    if not result.checked:
        print(f"{describe(db.engine.url)}: PostgreSQL checks its own pages; nothing to check "
              "from here")
    else:
        print(f"{describe(db.engine.url)}: {result.kind} check ok ({result.seconds:.2f} s)")
    return 0


def backup_database(args, db, terminal) -> int:
    """SQLite's online backup: the copy is one consistent moment of the file, whatever the
    tills write meanwhile; it is checked whole before it counts as a backup."""
    if sqlite_path(db.url) is None:
        raise UserError("db.backup_sqlite_only")
    target = Path(args.file)
    if target.exists():
        raise UserError("db.backup_exists", path=args.file)
    try:
        copy = sqlite3.connect(target)
    except sqlite3.Error as exc:  # no such folder, no permission: SQLite's own words
        raise UserError("file.cannot_write", path=args.file, reason=str(exc)) from exc
    try:
        with db.engine.connect() as connection:
            connection.connection.driver_connection.backup(copy)
        copy.close()
    except sqlite3.Error as exc:
        copy.close()
        target.unlink(missing_ok=True)
        raise UserError("file.cannot_write", path=args.file, reason=str(exc)) from exc
    copied = Database(f"sqlite:///{target.resolve()}")
    try:
        result = health.full_check(copied)
    except UserError:
        copied.dispose()
        target.unlink(missing_ok=True)
        raise
    copied.dispose()
    print(f"backup written to {args.file} ({target.stat().st_size:,} bytes, "
          f"{result.kind} check ok)")
    return 0


def summary(args, db, terminal) -> int:
    counts = {}
    with db.read() as session:
        for label, model in (("categories", Category), ("products", Product),
                             ("sheets", SheetTemplate), ("sheet items", SheetItem),
                             ("service tiers", ServiceTier), ("staff", Staff)):
            counts[label] = session.scalar(select(func.count()).select_from(model))
    print(f"Tickbox POS database: {make_url(db.url).render_as_string(hide_password=True)}")
    for label, count in counts.items():
        print(f"  {label:<14} {count}")
    return 0
