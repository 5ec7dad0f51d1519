"""Take and check one backup of an SQLite database.

The copy is made by SQLite's online backup API in one step: one read transaction over
the whole file, so it is one consistent moment of the database whatever the tills (this
process or another) write meanwhile; in WAL mode they are not held up by it. It is
written under a temporary name in the backups folder, switched out of WAL mode (a
backup is one self-contained file), checked (`check_backup`), and only then renamed to
its final name; a copy that does not check is deleted and recorded as not good.
Then the oldest backups beyond `keep` are deleted, and the good one is copied to the
second folder when one is set (its failure is recorded and returned, never raised)."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from pos.backup import files
from pos.backup.files import Outcome
from pos.db.engine import Database
from pos.db.location import sqlite_path
from pos.kernel.clock import utcnow
from pos.kernel.errors import UserError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Check:
    """What checking a backup file found."""

    good: bool
    revision: str | None
    problem: str | None = None
    journal_checked: bool = False  # False: an older schema (checked after an upgrade)
    documents: int = 0  # journal documents verified


def read_only_url(path: Path) -> str:
    """A URL that opens `path` read-only and immutable: nothing is written to a backup, not
    even a WAL or shared-memory file beside it."""
    return f"sqlite:///file:{quote(str(Path(path).resolve()))}?mode=ro&immutable=1&uri=true"


def check_backup(path: Path, *, journal: bool = True) -> Check:
    """Open the file read-only: ``PRAGMA integrity_check``, its schema revision, and (at
    this version's schema, when `journal`) `journal verify`. Never raises for a bad file."""
    from pos.db.schema import HEAD

    revision = None
    try:
        connection = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}"
                                     "?mode=ro&immutable=1", uri=True)
        try:
            lines = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            if lines != ["ok"]:
                return Check(False, None, "integrity check: " + "; ".join(lines[:5]))
            has_version = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'").fetchone()
            if has_version:
                revision = connection.execute(
                    "SELECT version_num FROM alembic_version").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error as exc:
        return Check(False, None, f"not a readable database: {exc}")
    if revision is None:
        return Check(False, None, "no schema revision: not a Tickbox POS database")
    if not journal or revision != HEAD:
        return Check(True, revision)
    from pos.ledger.verify import verify

    db = Database(read_only_url(path))
    try:
        result = verify(db)
    except UserError as exc:
        return Check(False, revision, f"journal verify: {exc}")
    finally:
        db.dispose()
    if not result.ok:
        return Check(False, revision, f"journal verify: {result.problem}")
    return Check(True, revision, journal_checked=True, documents=result.checked)


def _current_revision(db: Database) -> str | None:
    from pos.db.schema import current_revision

    return current_revision(db.engine)


def copy_database(db: Database, target: Path) -> None:
    """SQLite's online backup of `db` into the new file `target`, as one self-contained
    file (not WAL). Raises UserError file.cannot_write when it cannot be written."""
    try:
        copy = sqlite3.connect(target)
    except sqlite3.Error as exc:
        raise UserError("file.cannot_write", path=str(target), reason=str(exc)) from exc
    try:
        with db.engine.connect() as connection:
            connection.connection.driver_connection.backup(copy)  # one step: one snapshot
        copy.execute("PRAGMA journal_mode = DELETE")
        copy.close()
    except sqlite3.Error as exc:
        copy.close()
        target.unlink(missing_ok=True)
        raise UserError("file.cannot_write", path=str(target), reason=str(exc)) from exc


def take_backup(db: Database, *, reason: str = "manual", keep: int = 14,
                second_folder: str = "", data_folder: Path | None = None,
                before: str | None = None) -> Outcome:
    """Back up the SQLite database `db` into the data folder's backups/ and check it;
    returns the outcome (also recorded in the index). A backup that does not check is
    recorded as not good and its file deleted: it never counts, nor pushes a good one out.
    `before` ("upgrade", "restore"): a backup kept aside, never pruned nor copied.
    Raises UserError only when there is no file to back up or nothing could be written."""
    source = sqlite_path(db.url)
    if source is None:
        raise UserError("backup.sqlite_only")
    folder = files.backups_dir(data_folder)
    at = utcnow()
    revision = _current_revision(db)
    name = files.backup_name(source.stem, at, revision, before=before)
    temp = folder / f".{name}.{os.getpid()}.tmp"
    temp.unlink(missing_ok=True)
    copy_database(db, temp)
    check = check_backup(temp)
    if not check.good:
        temp.unlink(missing_ok=True)
        outcome = Outcome("", at.isoformat(), revision, False, check.problem, 0, reason)
        log.error("backup of %s not good: %s", source, check.problem)
        files.record(folder, outcome)
        return outcome
    final = folder / name
    os.replace(temp, final)
    second = copy_to_second_folder(final, second_folder, stem=source.stem, keep=keep) \
        if second_folder and not before else None
    if not before:
        files.prune(folder, source.stem, keep)
    outcome = Outcome(name, at.isoformat(), revision, True, None, final.stat().st_size,
                      reason, second)
    files.record(folder, outcome)
    log.info("backup %s good (%s)", final, "journal verified" if check.journal_checked
             else f"schema {revision}, integrity checked")
    return outcome


def copy_to_second_folder(path: Path, second_folder: str, *, stem: str, keep: int) -> str:
    """Copy a checked backup to the second folder (a USB stick, a share): temp name, then
    renamed; the oldest beyond `keep` there deleted. Returns "ok" or what went wrong (a
    missing stick is said, not raised)."""
    target_dir = Path(second_folder).expanduser()
    if not target_dir.is_dir():
        problem = f"second folder {target_dir} is not there (stick not plugged in, share " \
                  "not reachable?)"
        log.warning("backup: %s", problem)
        return problem
    temp = target_dir / f".{path.name}.{os.getpid()}.tmp"
    try:
        shutil.copyfile(path, temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target_dir / path.name)
        files.prune(target_dir, stem, keep, path.suffix)
    except OSError as exc:
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass
        problem = f"cannot write to the second folder {target_dir}: {exc.strerror or exc}"
        log.warning("backup: %s", problem)
        return problem
    return "ok"
