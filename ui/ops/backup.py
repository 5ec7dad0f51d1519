"""Backups from the running app (pos.backup.run): one taken now (the timer's, a Z
close's), the age of the last good one, and how often to take them."""

from __future__ import annotations

from ui.ops.running import Call


def take_backup(reason: str) -> Call:
    """A checked backup as the settings say; None where the app takes none (a PostgreSQL
    server elsewhere). A backup that fails is recorded, not raised."""
    def call(db):
        from pos.backup.run import scheduled_backup

        return scheduled_backup(db, reason=reason)
    return call


def backup_age() -> Call:
    """pos.backup.run.BackupAge: read from the backups index only."""
    def call(_db):
        from pos.backup.run import backup_age as age

        return age()
    return call


def backup_if_due() -> Call:
    """A backup when the last good one is older than `backup_interval_hours` (or there is
    none); None when none is due (or the setting is 0: only at Z closes)."""
    def call(db):
        from datetime import timedelta

        from pos.backup.run import backup_age, backup_settings, scheduled_backup

        hours = backup_settings(db).interval_hours
        age = backup_age()
        if not hours or (age.age is not None and age.age < timedelta(hours=hours)):
            return None
        return scheduled_backup(db, reason="schedule")
    return call
