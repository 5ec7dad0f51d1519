"""The schema comes only from Alembic revisions, and the models never drift from them."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from pos.db import schema
from pos.db.engine import Database
from pos.db.models import Base
from pos.db.models.base import include_in_autogenerate
from pos.kernel.errors import SchemaTooNew


def test_upgrade_from_empty_creates_every_table(db):
    # the fixture's database was built by `upgrade head`
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert schema.current_revision(db.engine) == schema.head_revision()


def test_models_and_migrations_do_not_drift_apart(db):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True, "include_object": include_in_autogenerate})
        differences = compare_metadata(context, Base.metadata)
    assert differences == [], f"models differ from migrations; write a revision: {differences}"


def test_an_empty_database_is_created_on_first_use(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'new.db'}")
    assert schema.ensure_schema(database.engine) == "created"
    assert schema.ensure_schema(database.engine) == "current"
    database.dispose()


def test_a_database_from_a_newer_version_is_refused_and_left_alone(db):
    with db.unit_of_work() as session:
        session.execute(text("UPDATE alembic_version SET version_num = 'fffffffffff9'"))
    with pytest.raises(SchemaTooNew, match="newer version of Tickbox POS"):
        schema.ensure_schema(db.engine)
    assert schema.current_revision(db.engine) == "fffffffffff9"


def test_sqlite_runs_with_wal_foreign_keys_and_full_sync(sqlite_db):
    with sqlite_db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0


def test_an_older_database_is_upgraded_on_start(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'old.db'}")
    schema.upgrade(database.engine, target="0001")
    assert schema.current_revision(database.engine) == "0001"
    assert schema.ensure_schema(database.engine) == "upgraded"
    assert schema.current_revision(database.engine) == schema.head_revision()
    database.dispose()


def test_the_fast_start_path_knows_the_newest_revision():
    assert schema.HEAD == schema.head_revision()
