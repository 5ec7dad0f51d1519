"""The app's start on an older database: a checked backup first, then the migration; a
migration that fails leaves the database as it was and the app says so (and does not
open the till); a database from a newer version says how to upgrade."""

from __future__ import annotations

import shutil

from alembic.operations import Operations

from pos.db import keyfile, schema
from pos.db.engine import Database
from tests.gui.test_startup import start  # noqa: F401 - the staged-start fixture
from ui.app import StartFailure


def older_database(path, revision: str) -> None:
    db = Database(f"sqlite:///{path}")
    schema.upgrade(db.engine, revision)
    db.dispose()


def test_a_failed_upgrade_at_start_is_put_back_and_said(
        qtbot, start, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setenv(keyfile.ENV_KEY_FILE, str(keyfile.key_path()))
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "tickbox.db"
    older = "0012"
    older_database(path, older)

    def fail(self, *args, **kwargs):
        raise RuntimeError("no space left on device")

    monkeypatch.setattr(Operations, "create_index", fail)
    told = []
    monkeypatch.setattr(StartFailure, "tell",
                        classmethod(lambda cls, parent, text: told.append(text)))
    startup = start(f"sqlite:///{path}")
    with qtbot.waitSignal(startup.failed, timeout=30_000):
        pass
    assert len(told) == 1
    assert told[0].startswith(f"Upgrading the database from schema {older} to {schema.HEAD} "
                              "failed: no space left on device")
    assert "put back as it was" in told[0] and "previous version" in told[0]
    assert startup.window.till is None
    monkeypatch.undo()
    db = Database(f"sqlite:///{path}")
    try:
        assert schema.current_revision(db.engine) == older
    finally:
        db.dispose()
    assert list((tmp_path / "data" / "backups").glob(f"tickbox-*-r{older}-before-upgrade.db"))


def test_a_newer_database_at_start_says_how_to_upgrade(
        qtbot, start, tmp_path, sqlite_template, monkeypatch):  # noqa: F811
    path = tmp_path / "tickbox.db"
    shutil.copyfile(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0099'")
    db.dispose()
    told = []
    monkeypatch.setattr(StartFailure, "tell",
                        classmethod(lambda cls, parent, text: told.append(text)))
    startup = start(f"sqlite:///{path}")
    with qtbot.waitSignal(startup.failed, timeout=30_000):
        pass
    assert "newer version of Tickbox POS" in told[0] and "run its installer" in told[0]
