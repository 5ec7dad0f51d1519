"""The backups folder: file names, the index of outcomes, keeping the last N.

A backup file is named ``<database>-<UTC time>-r<schema revision>.db``; a backup taken
before an upgrade or a restore over the live file ends ``-before-upgrade.db`` or
``-before-restore.db`` and is never pruned. The index,
``index.json`` in the same folder, records each attempt's outcome, newest last, and the
last good one, so the till reads one small file for the age of the last good backup.
It is written to a temporary name and renamed, so a reader never sees half of it."""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from pos.db.location import data_dir

INDEX = "index.json"
KEPT_IN_INDEX = 60  # attempts remembered; the files themselves are kept by backup_keep
_NAME = re.compile(r"^(?P<stem>.+)-(?P<at>\d{8}-\d{6}-\d{3})-r(?P<rev>[0-9a-z_]+)"
                   r"(?P<kind>-before-[a-z]+)?(?P<suffix>\.db|\.dump)$")


@dataclass(frozen=True)
class Outcome:
    """One backup attempt as the index keeps it."""

    file: str  # the name in the backups folder ("" when nothing was written)
    at: str  # ISO UTC time the backup was taken
    revision: str | None
    good: bool
    problem: str | None = None  # why it is not good
    size: int = 0
    reason: str = "manual"  # "manual", "schedule", "z_close", "before_upgrade"
    second_copy: str | None = None  # the second folder's copy: "ok", a problem, or None

    def taken_at(self) -> datetime:
        return datetime.fromisoformat(self.at)


def backups_dir(folder: Path | None = None) -> Path:
    """The data folder's backups/ (made when missing)."""
    path = (folder or data_dir()) / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_name(stem: str, at: datetime, revision: str | None, *,
                before: str | None = None) -> str:
    """`before`: "upgrade" or "restore" for a backup kept aside (never pruned)."""
    stamp = at.strftime("%Y%m%d-%H%M%S-") + f"{at.microsecond // 1000:03d}"
    tail = f"-before-{before}" if before else ""
    return f"{stem}-{stamp}-r{revision or 'none'}{tail}.db"


def regular_backups(folder: Path, stem: str, suffix: str = ".db") -> list[Path]:
    """The scheduled and manual backups of database `stem` in `folder` (SQLite files, or
    PostgreSQL dumps with `suffix` ".dump"), oldest first (the names sort by time)."""
    found = []
    for path in folder.glob(f"{stem}-*{suffix}"):
        match = _NAME.match(path.name)
        if match and match["stem"] == stem and not match["kind"] and match["suffix"] == suffix:
            found.append(path)
    return sorted(found, key=lambda p: p.name)


def prune(folder: Path, stem: str, keep: int, suffix: str = ".db") -> list[Path]:
    """Delete all but the newest `keep` backups of `stem`; returns what was deleted."""
    files = regular_backups(folder, stem, suffix)
    doomed = files[:-keep] if keep > 0 else files
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def read_index(folder: Path) -> dict:
    """The index of `folder` (a backups folder); an empty one when missing or unreadable."""
    try:
        data = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"attempts": [], "last_good": None}
    if not isinstance(data, dict):
        return {"attempts": [], "last_good": None}
    data.setdefault("attempts", [])
    data.setdefault("last_good", None)
    return data


def record(folder: Path, outcome: Outcome) -> None:
    """Add an attempt to the index (and make it the last good one when it is)."""
    data = read_index(folder)
    entry = asdict(outcome)
    data["attempts"] = [*data["attempts"], entry][-KEPT_IN_INDEX:]
    if outcome.good:
        data["last_good"] = entry
    temp = folder / f".{INDEX}.{os.getpid()}.tmp"
    temp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    os.replace(temp, folder / INDEX)


def last_good(folder: Path | None = None) -> Outcome | None:
    """The last good backup recorded in the data folder's backups/ (one small file read)."""
    path = (folder or data_dir()) / "backups"
    entry = read_index(path).get("last_good")
    if not isinstance(entry, dict):
        return None
    try:
        return Outcome(**entry)
    except TypeError:
        return None


def attempts(folder: Path | None = None) -> list[Outcome]:
    """Every attempt the index remembers, oldest first."""
    path = (folder or data_dir()) / "backups"
    found = []
    for entry in read_index(path)["attempts"]:
        try:
            found.append(Outcome(**entry))
        except TypeError:
            continue
    return found
