"""Upgrades that can't lose a day: a database made at every earlier schema revision, with
data in it, is brought to this version's schema through the app's own upgrade path
(pos.backup.upgrade.ensure_schema: a checked backup first), and its data is all there
afterwards; a migration that fails halfway leaves the database as it was.

How the old databases are made: `alembic upgrade` to the revision, then one row in every
table, written with SQL from that revision's own tables (reflected, so each row fits the
schema of its time: its columns, its CHECK lists, its foreign keys pointing at the rows
before it). The journal (schema 0003 on) is left empty, as no code of that time is here
to seal it: the journal's check after the upgrade is made where the upgrade itself
adopts what stands (0010 seals staff, settings and stock: revisions before 0003). From
0010 on, the demo store and sales made by this version's services are taken down to the
revision by the migrations' downgrades, then upgraded: their journal verifies after."""

from __future__ import annotations

import re
import shutil
import warnings
from datetime import date, datetime

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Boolean, Date, DateTime, Integer, LargeBinary, MetaData, func, select

from pos.backup import files
from pos.backup import upgrade as safe_upgrade
from pos.db import schema
from pos.db.engine import Database
from pos.db.models import Base, Sale
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from tests.integration.checkout_helpers import restock
from tests.support.sales_worker import ITEMS

REVISIONS = [rev.revision for rev in reversed(list(
    ScriptDirectory.from_config(schema.alembic_config()).walk_revisions()))]
EARLIER = [rev for rev in REVISIONS if rev != schema.HEAD]
JOURNAL_FROM = "0003"  # the first revision with a journal
ADOPTS_BEFORE = "0010"  # the upgrade through 0010 seals what stands (pos.ledger.adopt)
CHECK_IN = re.compile(r"CHECK\s*\(\s*\"?(\w+)\"?\s+IN\s*\(([^)]*)\)", re.IGNORECASE)
WHEN = datetime(2026, 1, 5, 10, 0, 0)
DOCUMENT_TABLES = ("journal_entries",)
ONE_SOURCE = {"stock_moves": ("doc_id",), "account_items": ("doc_id",)}  # sealed by code only, never by SQL here


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    from pos.db import keyfile

    monkeypatch.setenv(keyfile.ENV_KEY_FILE, str(keyfile.key_path()))
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("POS_DATA_DIR", str(folder))
    return folder


def _value(table_name: str, column, allowed: dict, model):
    model_type = model.columns[column.name].type \
        if model is not None and column.name in model.columns else None
    kind = column.type
    if isinstance(kind, Boolean):
        return False
    if column.name in allowed:
        return allowed[column.name][0]
    if model_type is not None and getattr(model_type, "enums", None):
        return model_type.enums[0]
    if isinstance(kind, DateTime):
        return WHEN
    if isinstance(kind, Date):
        return date(2026, 1, 5)
    if isinstance(kind, Integer):
        return 1
    if isinstance(kind, LargeBinary):
        return b"\x01"
    if column.name.endswith("json"):
        return "{}"
    return f"{table_name[:8]}-{column.name}"[:20]


def fill_every_table(db: Database) -> dict[str, dict]:
    """One row in every table the revision has (foreign keys to the rows before it);
    tables a migration already filled, and the journal, are left as they are."""
    meta = MetaData()
    with db.engine.connect() as conn:
        meta.reflect(conn)
        sql = dict(conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table'").all())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # foreign-key cycles: their nullable side is NULL
        tables = meta.sorted_tables
    # full-text indexes (and their shadow tables) are the search's, rebuilt from products
    virtual = [name for name, text in sql.items() if (text or "").upper().startswith(
        "CREATE VIRTUAL")]
    written: dict[str, dict] = {}
    with db.engine.begin() as conn:
        for table in tables:
            if table.name in ("alembic_version", *DOCUMENT_TABLES) or any(
                    table.name.startswith(name) for name in virtual) or conn.execute(
                    select(func.count()).select_from(table)).scalar():
                continue
            allowed = {m.group(1): [v.strip().strip("'") for v in m.group(2).split(",")]
                       for m in CHECK_IN.finditer(sql[table.name] or "")}
            model = Base.metadata.tables.get(table.name)
            row = {}
            for column in table.columns:
                if column.foreign_keys:
                    key = next(iter(column.foreign_keys)).column
                    target = key.table.name
                    row[column.name] = written[target][key.name] \
                        if target in written and target != table.name \
                        else (None if column.nullable else 1)
                else:
                    row[column.name] = _value(table.name, column, allowed, model)
            for column in ONE_SOURCE.get(table.name, ()):  # CHECK: one source, not both
                row[column] = None
            conn.execute(table.insert().values(**row))
            written[table.name] = row
    return written


def database_at(tmp_path, revision: str) -> Database:
    db = Database(f"sqlite:///{tmp_path / f'at-{revision}.db'}")
    schema.upgrade(db.engine, revision)
    assert schema.current_revision(db.engine) == revision
    return db


def rows_still_there(db: Database, written: dict[str, dict]) -> None:
    meta = MetaData()
    with db.engine.connect() as conn:
        meta.reflect(conn)
        for name, row in written.items():
            if name not in meta.tables:  # a table a later revision replaced (0012's search)
                continue
            table = meta.tables[name]
            key = [column.name for column in table.primary_key.columns]
            found = conn.execute(select(table).where(
                *(table.c[column] == row[column] for column in key))).mappings().all()
            assert len(found) == 1, name  # the upgrade may add rows (0010 seals), not lose
            for column, value in row.items():
                if column in table.columns and isinstance(value, (int, str)) \
                        and not isinstance(value, bool):
                    assert found[0][column] == value, f"{name}.{column}"


@pytest.mark.parametrize("revision", EARLIER)
def test_a_database_from_every_earlier_revision_upgrades_with_its_data(
        tmp_path, data_folder, revision):
    db = database_at(tmp_path, revision)
    try:
        written = fill_every_table(db)
        assert written  # there was data to lose
        assert safe_upgrade.ensure_schema(db) == "upgraded"
        assert schema.current_revision(db.engine) == schema.HEAD
        rows_still_there(db, written)
        aside = list((data_folder / "backups").glob(f"at-{revision}-*-r{revision}"
                                                    "-before-upgrade.db"))
        assert len(aside) == 1  # the checked backup taken first
        if revision < JOURNAL_FROM:  # no journal then: the upgrade adopts what stands
            result = verify(db)
            assert result.ok, result.problem
    finally:
        db.dispose()


def _downgrade(db: Database, revision: str) -> None:
    config = schema.alembic_config()
    with db.engine.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
        with conn.begin():
            config.attributes["connection"] = conn
            command.downgrade(config, revision)
        conn.connection.driver_connection.execute("PRAGMA foreign_keys = ON")


@pytest.mark.parametrize("revision", [rev for rev in EARLIER if rev >= ADOPTS_BEFORE])
def test_sales_sealed_in_the_journal_verify_after_the_upgrade(
        tmp_path, data_folder, sqlite_demo_template, revision):
    path = tmp_path / f"sold-{revision}.db"
    shutil.copyfile(sqlite_demo_template, path)
    db = Database(f"sqlite:///{path}")
    try:
        restock(db, {sku: 50 for sku in ITEMS})
        from tests.integration.test_backup import sell  # the services, as a till sells

        sell(db, 3)
        with db.read() as session:
            sales = session.scalar(select(func.count()).select_from(Sale))
        _downgrade(db, revision)
        assert schema.current_revision(db.engine) == revision
        assert safe_upgrade.ensure_schema(db) == "upgraded"
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(Sale)) == sales == 3
        result = verify(db)
        assert result.ok, result.problem
    finally:
        db.dispose()


def test_a_migration_that_fails_halfway_leaves_the_database_as_it_was(
        tmp_path, data_folder, monkeypatch):
    before_head = EARLIER[-1]
    db = database_at(tmp_path, before_head)
    written = fill_every_table(db)
    with db.engine.connect() as conn:
        indexes_before = sorted(conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index'").scalars())
    from alembic.operations import Operations

    real_create_index, made = Operations.create_index, []

    def create_then_fail(self, *args, **kwargs):
        real_create_index(self, *args, **kwargs)  # the first index is built...
        made.append(args[0] if args else kwargs.get("index_name"))
        if len(made) == 2:  # ...and the migration dies on its way
            raise RuntimeError("disk unplugged halfway")

    monkeypatch.setattr(Operations, "create_index", create_then_fail)
    with pytest.raises(UserError) as refused:
        safe_upgrade.ensure_schema(db)
    assert refused.value.message_id == "upgrade.failed"
    text = str(refused.value)
    assert "disk unplugged halfway" in text and "put back as it was" in text
    assert "Keep using the previous version" in text
    monkeypatch.undo()
    db.dispose()
    again = Database(db.url)
    try:
        assert schema.current_revision(again.engine) == before_head
        with again.engine.connect() as conn:
            assert sorted(conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index'").scalars()) \
                == indexes_before
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        rows_still_there(again, written)
        # and the next start, with the cause gone, upgrades it
        assert safe_upgrade.ensure_schema(again) == "upgraded"
        rows_still_there(again, written)
    finally:
        again.dispose()


def test_an_upgrade_whose_backup_cannot_be_made_changes_nothing(tmp_path, data_folder,
                                                                monkeypatch):
    db = database_at(tmp_path, EARLIER[-1])
    try:
        fill_every_table(db)
        from pos.backup import sqlite_backup

        def no_space(_db, target):
            raise UserError("file.cannot_write", path=str(target), reason="disk full")

        monkeypatch.setattr(sqlite_backup, "copy_database", no_space)
        with pytest.raises(UserError) as refused:
            safe_upgrade.ensure_schema(db)
        assert refused.value.message_id == "upgrade.backup_failed"
        assert "disk full" in str(refused.value) and "Nothing was changed" in str(refused.value)
        assert schema.current_revision(db.engine) == EARLIER[-1]
        assert files.last_good(data_folder) is None
    finally:
        db.dispose()


def test_a_newer_database_is_refused_with_how_to_upgrade(tmp_path, data_folder):
    db = database_at(tmp_path, schema.HEAD)
    try:
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0099'")
        with pytest.raises(UserError) as refused:
            safe_upgrade.ensure_schema(db)
        text = str(refused.value)
        assert "newer version of Tickbox POS" in text and "installer" in text
        assert "README: Upgrading" in text
        assert not (data_folder / "backups").exists() or not list(
            (data_folder / "backups").glob("*.db"))
    finally:
        db.dispose()


def test_sales_on_account_before_accounts_become_open_items_of_an_account(
        tmp_path, data_folder, sqlite_demo_template, monkeypatch):
    """The upgrade to 0015: an on-account sale made before accounts existed becomes an
    invoice of its customer's new account (open for its whole amount, no limit, the
    term its kind had), and the chain still verifies."""
    from pos.accounts.accounts import account_view
    from pos.ledger import tables
    from pos.db.models import AccountItem, CustomerAccount
    from pos.people import customers
    from pos.selling import checkout, completion
    from pos.selling.cart import TenderInput
    from tests.integration.checkout_helpers import new_cart

    path = tmp_path / "on-account.db"
    shutil.copyfile(sqlite_demo_template, path)
    db = Database(f"sqlite:///{path}")
    try:
        buyer = customers.create_customer(db, phone="13700000042", name="Acme buyer",
                                          kind="business", company="Acme Ltd")
        cart = new_cart(db)
        checkout.add_product(db, cart, code="BAG-NB-156")
        checkout.set_customer(db, cart, customer_id=buyer.id)
        due = cart.lines[0].total
        with monkeypatch.context() as before:  # sold as before 0015: no account needed
            before.setattr(tables, "post_sale_account", lambda *args, **kwargs: None)
            sale = completion.complete_sale(db, cart,
                                            tenders=[TenderInput("on_account", due)])
        _downgrade(db, "0014")
        with db.engine.begin() as conn:  # as a store at 0014 had it: no account tables
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            for table in ("account_allocations", "account_items", "account_documents",
                          "invoice_requests", "quote_lines", "quotes", "preorders",
                          "customer_accounts", "leads"):
                conn.exec_driver_sql(f"DROP TABLE {table}")
        assert safe_upgrade.ensure_schema(db) == "upgraded"
        with db.read() as session:
            items = session.execute(select(AccountItem.sale_id, AccountItem.amount,
                                           AccountItem.open_amount)).all()
            account = session.execute(select(
                CustomerAccount.balance, CustomerAccount.credit_limit,
                CustomerAccount.term_days).where(CustomerAccount.customer_id == buyer.id)).one()
        assert items == [(sale.sale_id, due, due)]
        assert tuple(account) == (due, None, 30)
        view = account_view(db, customer=buyer.id)
        assert [(i.receipt_no, i.open_amount) for i in view.invoices] == [(sale.receipt_no, due)]
        result = verify(db)
        assert result.ok, result.problem
    finally:
        db.dispose()
