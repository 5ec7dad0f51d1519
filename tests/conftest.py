"""Fixtures for every tier. Integration tests get a freshly migrated database per test,
on SQLite and on a real PostgreSQL server that this test session starts itself.

Databases are built with Alembic ``upgrade head`` (once, as a template), never create_all.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Logs and PDF previews of the test run stay out of the user's real data folder.
os.environ["POS_DATA_DIR"] = tempfile.mkdtemp(prefix="tickbox-test-data-")

from pos.db import schema  # noqa: E402
from pos.db.engine import Database  # noqa: E402
from pos.demo.loader import load_demo  # noqa: E402
from tests.support.pgserver import PostgresServer, PostgresUnavailable  # noqa: E402

_counter = itertools.count()


def _postgres_required() -> bool:
    return bool(os.environ.get("CI")) or os.environ.get("POS_REQUIRE_POSTGRES") == "1"


@pytest.fixture(scope="session")
def pg_server():
    try:
        server = PostgresServer().start()
    except PostgresUnavailable as exc:
        if _postgres_required():
            pytest.fail(f"PostgreSQL is required here (CI) but could not start: {exc}")
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    server.execute("CREATE DATABASE tickbox_template")
    template = Database(server.url("tickbox_template"))
    schema.upgrade(template.engine)
    template.dispose()
    server.execute("CREATE DATABASE tickbox_demo_template TEMPLATE tickbox_template")
    demo_template = Database(server.url("tickbox_demo_template"))
    load_demo(demo_template, locale="en")
    demo_template.dispose()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "template.db"
    template = Database(f"sqlite:///{path}")
    schema.upgrade(template.engine)
    template.dispose()  # the last connection to close checkpoints and removes the WAL
    assert not path.with_name("template.db-wal").exists()
    return path


@pytest.fixture(scope="session")
def sqlite_demo_template(tmp_path_factory, sqlite_template):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copyfile(sqlite_template, path)
    template = Database(f"sqlite:///{path}")
    load_demo(template, locale="en")
    template.dispose()
    return path


def _sqlite_db(tmp_path, template_path) -> Database:
    path = tmp_path / "tickbox.db"
    shutil.copyfile(template_path, path)
    return Database(f"sqlite:///{path}")


def _postgres_db(request, template: str = "tickbox_template") -> Database:
    server = request.getfixturevalue("pg_server")
    name = f"tickbox_test_{os.getpid()}_{next(_counter)}"
    server.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    database = Database(server.url(name))
    database.test_drop = lambda: server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    return database


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, tmp_path, sqlite_template):
    """A migrated, empty database: once on SQLite, once on PostgreSQL."""
    database = (_sqlite_db(tmp_path, sqlite_template) if request.param == "sqlite"
                else _postgres_db(request))
    yield database
    database.dispose()
    if hasattr(database, "test_drop"):
        database.test_drop()


@pytest.fixture
def store_db(db):
    """A migrated database with one store (S01) and its till (T01), nothing else: a
    catalog's stock is a store's, so importing one needs a store."""
    with db.engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO stores (code, name, address, phone, tax_id, "
                                   "currency, locale, receipt_footer) VALUES ('S01', 'Test "
                                   "store', '', '', '', 'CNY', 'en', '')")
        connection.exec_driver_sql("INSERT INTO terminals (code, store_id, name) SELECT "
                                   "'T01', id, 'Till 1' FROM stores WHERE code = 'S01'")
    return db


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def demo_db(request, tmp_path):
    """A migrated database holding the English demo store: on SQLite and PostgreSQL."""
    if request.param == "sqlite":
        database = _sqlite_db(tmp_path, request.getfixturevalue("sqlite_demo_template"))
    else:
        database = _postgres_db(request, "tickbox_demo_template")
    yield database
    database.dispose()
    if hasattr(database, "test_drop"):
        database.test_drop()


@pytest.fixture
def pg_demo_db(request):
    """The demo store on PostgreSQL only (for tests about several processes at once)."""
    database = _postgres_db(request, "tickbox_demo_template")
    yield database
    database.dispose()
    database.test_drop()


@pytest.fixture
def sqlite_demo_db(tmp_path, sqlite_demo_template):
    database = _sqlite_db(tmp_path, sqlite_demo_template)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path, sqlite_template):
    """A migrated, empty SQLite database (for tests about SQLite itself)."""
    database = _sqlite_db(tmp_path, sqlite_template)
    yield database
    database.dispose()
