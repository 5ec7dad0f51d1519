"""One backup as the store's settings say (`backup_keep`, `backup_second_folder`), of
whichever database this is: SQLite by its backup API, a local PostgreSQL by pg_dump.
Called by `pos backup`, the app's timer and the Z close (ui.ops.backup). And what the
till shows: the last good backup, read from the index without touching the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from pos.backup import files
from pos.backup.files import Outcome
from pos.db.engine import Database
from pos.db.location import sqlite_path
from pos.kernel.clock import utcnow
from pos.kernel.errors import UserError

STALE_AFTER = timedelta(days=1)  # the till shows the age in red past this


@dataclass(frozen=True)
class BackupSettings:
    keep: int
    second_folder: str
    interval_hours: int


def backup_settings(db: Database) -> BackupSettings:
    from pos.store.settings import get_setting

    with db.read() as session:
        return BackupSettings(get_setting(session, "backup_keep"),
                              get_setting(session, "backup_second_folder"),
                              get_setting(session, "backup_interval_hours"))


def backup_now(db: Database, *, reason: str = "manual",
               data_folder: Path | None = None) -> Outcome:
    """Take one backup, checked, kept as the settings say; the outcome is in the index.
    A PostgreSQL server elsewhere is refused before anything is asked of it."""
    if sqlite_path(db.url) is None:
        from pos.backup.postgres import dump_database, refuse_remote

        refuse_remote(db.url)
        settings = backup_settings(db)

        return dump_database(db, keep=settings.keep, second_folder=settings.second_folder,
                             reason=reason, data_folder=data_folder)
    from pos.backup.sqlite_backup import take_backup

    settings = backup_settings(db)
    return take_backup(db, reason=reason, keep=settings.keep,
                       second_folder=settings.second_folder, data_folder=data_folder)


def scheduled_backup(db: Database, *, reason: str) -> Outcome | None:
    """The app's backup (its timer, a Z close): None where the app takes none (a
    PostgreSQL server elsewhere backs itself up on its server)."""
    if sqlite_path(db.url) is None:
        from pos.backup.postgres import is_local

        if not is_local(db.url):
            return None
    try:
        return backup_now(db, reason=reason)
    except UserError as exc:  # recorded as an attempt that is not good, and said
        outcome = Outcome("", utcnow().isoformat(), None, False, str(exc), 0, reason)
        files.record(files.backups_dir(), outcome)
        return outcome


@dataclass(frozen=True)
class BackupAge:
    """The last good backup, as the till shows it to managers."""

    last_good: datetime | None  # UTC
    age: timedelta | None
    stale: bool  # none yet, or older than STALE_AFTER
    last_problem: str | None  # the newest attempt's problem, when it was not good


def backup_age(now: datetime | None = None, data_folder: Path | None = None) -> BackupAge:
    """Read from backups/index.json only: cheap enough for the till to ask often."""
    now = now or utcnow()
    good = files.last_good(data_folder)
    attempts = files.attempts(data_folder)
    problem = attempts[-1].problem if attempts and not attempts[-1].good else None
    if good is None:
        return BackupAge(None, None, True, problem)
    at = good.taken_at()
    age = max(now - at, timedelta(0))
    return BackupAge(at, age, age > STALE_AFTER, problem)
