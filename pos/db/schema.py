"""The schema's version: migrate to head, and refuse a database from a newer version.

Alembic is imported only when there is migrating to do: on an up-to-date database (every
start of a till but the first after an update) one query answers, which keeps start-up
fast. `HEAD` must name the newest revision; a test checks it against the scripts. This
module imports no SQLAlchemy at load, so the app's first screen can compare `HEAD`
before the database layer has loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from sqlalchemy import Engine

HEAD = "0017"

def alembic_config():
    from alembic.config import Config

    from pos.kernel.resources import package_dir

    config = Config()  # the shipped scripts: a checkout, an install or the frozen app
    config.set_main_option("script_location", str(package_dir("migrations")))
    return config


def _script():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return _script().get_current_head()


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    from pos.db.engine import lift_timeouts

    config = alembic_config()
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Batch mode rebuilds a table by copy, drop and rename; with foreign keys on,
            # dropping a table whose rows others reference fails (a database with sales
            # could not be upgraded past 0005). Off for the migration (outside any
            # transaction, where SQLite takes the pragma), checked whole before it commits.
            connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                lift_timeouts(connection)  # building an index on a large table takes time
                config.attributes["connection"] = connection
                command.upgrade(config, target)
                _keep_capture(connection)
                if sqlite:
                    _check_foreign_keys(connection)
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys = ON")


def _keep_capture(connection) -> None:
    """A store in a chain keeps sending what it writes after an upgrade too (a rebuilt
    table lost its triggers; pos.db.capture)."""
    from pos.db import capture

    capture.after_upgrade(connection)


def _check_foreign_keys(connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"the migration left {len(broken)} rows whose references point "
                           f"nowhere, first {tuple(broken[0])}")


def ensure_schema(engine: Engine) -> str:
    """Bring an empty or older database to head; refuse one migrated by a newer app.

    Returns what was done: 'created', 'upgraded' or 'current'.
    """
    current = current_revision(engine)
    if current == HEAD:
        return "current"
    script = _script()
    head = script.get_current_head()
    if current is not None:
        known = {rev.revision for rev in script.walk_revisions()}
        if current not in known:
            from pos.kernel.errors import SchemaTooNew  # the first screen needs only HEAD

            raise SchemaTooNew("schema.too_new", current=current, head=head)
    upgrade(engine)
    return "created" if current is None else "upgraded"
