"""Bring a database to this version's schema without risking a day's sales.

Before migrating an SQLite database that holds data, a backup is taken and checked
(`take_backup(..., before="upgrade")`: kept beside the others as
``...-before-upgrade.db``, never pruned). If the migration then fails, the file is put
back from that backup page by page, whatever the migration had managed to do (SQLite
undoes most of a failed migration by itself, but Alembic's batch mode on SQLite also
runs statements SQLite cannot roll back, such as PRAGMAs; the backup does not depend on
which), and the failure is refused as ``upgrade.failed``: it says the database was put
back and to keep using the previous version. A backup that cannot be made or does not
check stops the upgrade before anything is changed (``upgrade.backup_failed``).

An empty database (a new store) has nothing to lose and is created directly; PostgreSQL
runs the whole upgrade in one transaction (its DDL is transactional), so a failure
leaves it as it was. A database from a newer version is refused before any of this
(schema.too_new, which says how to upgrade)."""

from __future__ import annotations

import logging
from pathlib import Path

from pos.backup import files
from pos.backup.restore import known_revisions
from pos.backup.sqlite_backup import take_backup
from pos.db import schema
from pos.db.engine import Database
from pos.db.location import sqlite_path
from pos.kernel.errors import UserError

log = logging.getLogger(__name__)


def ensure_schema(db: Database, *, data_folder: Path | None = None) -> str:
    """schema.ensure_schema with a checked backup first and the way back on a failure.
    Returns 'created', 'upgraded' or 'current'."""
    current = schema.current_revision(db.engine)
    if current == schema.HEAD:
        return "current"
    live = sqlite_path(db.url)
    if current is None or live is None or current not in known_revisions():
        return schema.ensure_schema(db.engine)  # new, PostgreSQL, or refused as too new
    head = schema.head_revision()
    try:
        outcome = take_backup(db, reason="before_upgrade", before="upgrade",
                              data_folder=data_folder)
    except UserError as exc:
        raise UserError("upgrade.backup_failed", current=current, head=head,
                        problem=exc.as_message()) from exc
    if not outcome.good:
        raise UserError("upgrade.backup_failed", current=current, head=head,
                        problem=outcome.problem)
    backup = files.backups_dir(data_folder) / outcome.file
    try:
        schema.upgrade(db.engine)
    except Exception as exc:  # noqa: BLE001 - whatever failed, the file goes back
        log.exception("upgrade from %s to %s failed; putting back %s", current, head, backup)
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        db.engine.dispose()  # no connection of ours holds the file while it is put back
        try:
            put_back(backup, live)
        except Exception as again:  # noqa: BLE001 - said, with where the backup is
            log.exception("putting back %s failed", backup)
            raise UserError("upgrade.failed_not_restored", current=current, head=head,
                            reason=reason, problem=str(again), backup=str(backup)) from exc
        raise UserError("upgrade.failed", current=current, head=head, reason=reason,
                        backup=str(backup)) from exc
    return "upgraded"


def put_back(backup: Path, live: Path) -> None:
    """Copy the backup's pages over the live file through SQLite (so the WAL and every
    other connection see a whole database, never half of each)."""
    from pos.backup.restore import copy_pages

    copy_pages(backup, live)
