"""Backups of the store's database, and upgrades that can go back (issue 17).

Owns: the data folder's ``backups/`` (pos.db.location): online backups of an SQLite
database by SQLite's backup API (never a copy of the live file), each written under a
temporary name, checked, then renamed; the last N kept (setting ``backup_keep``), a copy
in a second folder when ``backup_second_folder`` names one; the index of outcomes
(``backups/index.json``, read cheaply by the till for the age of the last good backup);
checking a backup file and restoring it into a new data folder; `pg_dump` for a
PostgreSQL server on this machine; and the backup taken before a migration, put back if
the migration fails.

- files.py: names, the index, keeping N, the last good backup
- sqlite_backup.py: take and check one backup of an SQLite database
- postgres.py: `pg_dump` of a local PostgreSQL database
- restore.py: check a backup file, restore it into a new data folder (or over the live
  file, confirmed)
- upgrade.py: bring a database to this version's schema with a checked backup first

A backup checks as good when SQLite's ``PRAGMA integrity_check`` finds nothing and, at
this version's schema, `journal verify` (pos.ledger.verify) passes on it, opened
read-only. The journal of an older schema is checked after the upgrade, not before.
"""
