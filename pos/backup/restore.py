"""Put a backup back: check the file first (integrity, a schema revision this version
knows, and `journal verify` when it is at this version's schema), then copy it into a new
data folder by SQLite's backup API (the restored file is a database of its own, in WAL
mode like the live one), with the store's key beside it so its journal verifies there.

Over the live database only when the caller has confirmed it (the `pos restore`
command asks for --over-live and a typed word, and backs the live file up first): it is
overwritten page by page through SQLite, so a till that still had it open sees the
restored content, never a half-copied file."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from pos.backup.sqlite_backup import Check, check_backup
from pos.db import keyfile
from pos.kernel.errors import UserError

DATABASE_NAME = "tickbox.db"


@dataclass(frozen=True)
class Restored:
    path: Path  # the database written
    check: Check  # what checking the backup found
    key_copied: bool  # the store's key was copied beside it


def known_revisions() -> set[str]:
    from pos.db.schema import alembic_config

    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def check_file(path: Path) -> Check:
    """The checks a restore makes first; UserError when the file must not be restored."""
    if not path.is_file():
        raise UserError("restore.no_file", path=str(path))
    if not keyfile.key_path().exists():  # a new machine: checking would make a new key
        raise UserError("restore.no_key", path=str(keyfile.key_path()))
    check = check_backup(path)
    if not check.good:
        raise UserError("restore.not_good", path=str(path), problem=check.problem)
    if check.revision not in known_revisions():
        raise UserError("restore.schema_unknown", path=str(path), revision=check.revision)
    return check


def restore_to_folder(backup: Path, folder: Path) -> Restored:
    """Restore `backup` as ``tickbox.db`` in the new data folder `folder` (made if
    missing; refused if it already holds a database)."""
    check = check_file(backup)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / DATABASE_NAME
    if target.exists() or any(folder.glob("*.db")):
        raise UserError("restore.target_not_empty", path=str(folder))
    copy_pages(backup, target)
    key_copied = False
    key = keyfile.key_path()
    if key.exists() and not (folder / "store.key").exists():
        shutil.copyfile(key, folder / "store.key")
        (folder / "store.key").chmod(0o600)
        key_copied = True
    return Restored(target, check, key_copied)


def restore_over(backup: Path, live: Path) -> Restored:
    """Restore `backup` over the live database file `live` (the caller has confirmed)."""
    check = check_file(backup)
    copy_pages(backup, live)
    return Restored(live, check, False)


def copy_pages(backup: Path, target: Path) -> None:
    try:
        source = sqlite3.connect(f"file:{quote(str(backup.resolve()))}?mode=ro&immutable=1",
                                 uri=True)
        destination = sqlite3.connect(target, timeout=30)
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode = WAL")
        finally:
            destination.close()
            source.close()
    except sqlite3.Error as exc:
        raise UserError("file.cannot_write", path=str(target), reason=str(exc)) from exc
