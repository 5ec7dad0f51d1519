"""`pos backup` on PostgreSQL: pg_dump (custom format) of a server on this machine, and
the dump restores with pg_restore into a new database whose journal verifies; a server
elsewhere is sent to its own backups."""

from __future__ import annotations

import subprocess
import uuid

import pytest
from sqlalchemy import func, select

from pos.backup import files, postgres
from pos.cli import main
from pos.db import keyfile, schema
from pos.db.engine import Database
from pos.db.models import Product, Sale, Staff
from pos.ledger.verify import verify
from tests.integration.test_backup import sell

pytestmark = pytest.mark.postgres


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(keyfile.ENV_KEY_FILE, str(keyfile.key_path()))
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("POS_DATA_DIR", str(folder))
    monkeypatch.setenv("POS_LOCALE", "en")
    return folder


def counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {model.__name__: session.scalar(select(func.count()).select_from(model))
                for model in (Sale, Product, Staff)}


def test_pos_backup_dumps_a_local_server_and_the_dump_restores(
        pg_demo_db, pg_server, data_folder, monkeypatch, capsys):
    sell(pg_demo_db, 2)
    ran = []
    real_run = postgres.subprocess.run

    def watched(command, *args, **kwargs):
        ran.append(command)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(postgres.subprocess, "run", watched)
    assert main([f"--db={pg_demo_db.url}", "backup"]) == 0
    assert "backup written and checked" in capsys.readouterr().out
    assert ran[0][0].endswith("pg_dump") and "--format=custom" in ran[0]
    assert "127.0.0.1" in ran[0]
    good = files.last_good(data_folder)
    dump = data_folder / "backups" / good.file
    assert good.good and dump.suffix == ".dump" and good.revision == schema.HEAD
    assert not list((data_folder / "backups").glob(".*.tmp"))

    name = f"restored_{uuid.uuid4().hex[:8]}"
    pg_server.execute(f"CREATE DATABASE {name}")
    restored = Database(pg_server.url(name))
    try:
        done = subprocess.run(["pg_restore", "--no-owner", "--host", "127.0.0.1", "--port",
                               str(pg_server.port), "--username", pg_server.user, "--dbname",
                               name, str(dump)], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        assert schema.current_revision(restored.engine) == schema.HEAD
        assert counts(restored) == counts(pg_demo_db) and counts(restored)["Sale"] == 2
        result = verify(restored)
        assert result.ok, result.problem
    finally:
        restored.dispose()
        pg_server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_a_server_elsewhere_is_backed_up_on_that_server(data_folder, capsys):
    url = "postgresql://tickbox@db.example.invalid:5432/store"
    assert main([f"--db={url}", "backup"]) == 1
    err = capsys.readouterr().err
    assert "on another server (db.example.invalid)" in err and "pg_basebackup" in err
    assert files.attempts(data_folder) == []


@pytest.mark.parametrize("url, local", [
    ("postgresql://u@localhost/x", True), ("postgresql://u@127.0.0.1:5433/x", True),
    ("postgresql://u@/x?host=/var/run/postgresql", True), ("postgresql://u@[::1]/x", True),
    ("postgresql://u@10.0.0.5/x", False), ("postgresql://u@db.store.lan/x", False),
])
def test_which_servers_count_as_local(url, local):
    assert postgres.is_local(url) is local
