"""`pos support bundle`: one zip a store sends when something is wrong.

    README.txt          what is inside, and what was left out
    versions.json       the app, Python, Qt, SQLAlchemy, Alembic, the schema, the OS
    settings.json       the store's details and settings, this till's printers, POS_* variables
    print_queue.json    the print jobs that failed, and how many are waiting
    database.json       the file's integrity check and the journal's verify
    data_folder.txt     what the data folder holds: names and sizes, no contents
    logs/...            the rotating logs (pos.kernel.logs), current and rotated

Every text put in the zip goes through pos.support.scrub: no customer phone number or
name, no PIN hash (a PIN itself is never stored), no password of a database URL. The
key file beside the database is never read. Each part that cannot be read (a damaged
file, a server that does not answer) is written as what went wrong, and the rest is
still bundled: a store sends a bundle exactly when something is wrong.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from pos.db.engine import Database
from pos.kernel.logs import log_files
from pos.kernel.resources import frozen
from pos.support.scrub import Scrubber

APP = "tickbox-pos"
# The Python distributions whose versions a bundle names (Qt is PySide6's).
DISTRIBUTIONS = ("tickbox-pos", "PySide6-Essentials", "shiboken6", "SQLAlchemy", "alembic",
                 "psycopg", "psycopg-binary", "reportlab", "python-escpos", "platformdirs",
                 "Babel")
README = """Tickbox POS support bundle, made {made}.

versions.json       the app, Python, Qt, SQLAlchemy, the database schema, the OS
settings.json       the store's details and settings, this till's printers
print_queue.json    print jobs that failed
database.json       the database file's integrity check and the journal's verify
data_folder.txt     the data folder's files: names and sizes only
logs/               the app's and the pos command's logs

Left out: PINs and PIN hashes, customers' phone numbers and names (replaced by
[phone] and [customer]), database passwords, the store's key file, the database itself.
"""


@dataclass(frozen=True)
class Bundle:
    path: Path
    members: tuple[str, ...]
    problems: tuple[str, ...]  # parts that could not be read, said in the bundle too


def write_bundle(db: Database, *, terminal: str, data_folder: Path, out: Path,
                 extra_versions: dict[str, str] | None = None,
                 now: datetime | None = None) -> Bundle:
    made = (now or datetime.now(timezone.utc)).astimezone()
    problems: list[str] = []

    def part(name: str, read: Callable[[], object]) -> object:
        try:
            return read()
        except Exception as exc:  # noqa: BLE001 - a part that cannot be read is said, not fatal
            problems.append(f"{name}: {type(exc).__name__}: {exc}")
            return {"error": f"{type(exc).__name__}: {exc}"}

    try:
        scrubber = Scrubber.from_database(db)
    except Exception as exc:  # noqa: BLE001 - no customers to learn: patterns still scrub
        problems.append(f"scrub: the customers could not be read ({type(exc).__name__}); "
                        "phone numbers are scrubbed by their shape only")
        scrubber = Scrubber()
    documents = {
        "versions.json": part("versions", lambda: versions(db, extra_versions or {})),
        "settings.json": part("settings", lambda: settings(db, terminal)),
        "print_queue.json": part("print_queue", lambda: print_queue(db, terminal)),
        "database.json": part("database", lambda: database(db)),
    }
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    members = []
    partial = out.with_name(out.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        def add(name: str, text: str) -> None:
            archive.writestr(name, scrubber.scrub(text))
            members.append(name)

        add("README.txt", README.format(made=made.isoformat(timespec="seconds")))
        for name, value in documents.items():
            add(name, json.dumps(value, ensure_ascii=False, indent=2, default=str))
        add("data_folder.txt", folder_listing(data_folder))
        for log in log_files(data_folder):
            try:
                add(f"logs/{log.name}", log.read_text(encoding="utf-8", errors="replace"))
            except OSError as exc:
                problems.append(f"logs/{log.name}: {exc}")
        if problems:
            add("problems.txt", "\n".join(problems) + "\n")
    os.replace(partial, out)
    return Bundle(out, tuple(members), tuple(problems))


def versions(db: Database, extra: dict[str, str]) -> dict:
    from importlib import metadata

    import sqlalchemy

    from pos.db import schema

    packages = {}
    for name in DISTRIBUTIONS:
        try:
            packages[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    try:
        revision = schema.current_revision(db.engine)
    except Exception as exc:  # noqa: BLE001 - said in place of the revision
        revision = f"unreadable ({type(exc).__name__})"
    return {
        "app": packages.get(APP, "unknown"),
        "frozen": frozen(),
        "python": sys.version,
        "sqlalchemy": sqlalchemy.__version__,
        "schema": {"database": revision, "this_app": schema.HEAD},
        "database": db.engine.url.render_as_string(hide_password=True),
        "dialect": db.engine.dialect.name,
        "os": platform.platform(),
        "machine": platform.machine(),
        "packages": packages,
        **extra,
    }


def settings(db: Database, terminal: str) -> dict:
    from pos.printjobs.print_queue import printer_config
    from pos.store.details import store_info
    from pos.store.settings import list_settings

    store = store_info(db, terminal=terminal)
    return {
        "terminal": terminal,
        "store": asdict(store),
        "settings": {info.key: info.value for info in list_settings(db)},
        "printers": asdict(printer_config(db, terminal=terminal)),
        "environment": {key: value for key, value in sorted(os.environ.items())
                        if key.startswith(("POS_", "QT_QPA"))},
    }


def print_queue(db: Database, terminal: str) -> dict:
    from pos.printjobs.print_queue import due_jobs, failed_jobs

    failed = failed_jobs(db, terminal=terminal)
    return {
        "terminal": terminal,
        "failed": [{"id": job.id, "kind": str(job.kind), "ref": job.ref,
                    "attempts": job.attempts, "error": job.last_error, "fault": job.fault,
                    "created_at": job.created_at} for job in failed],
        "waiting": len(due_jobs(db, terminal=terminal)),
    }


def database(db: Database) -> dict:
    from pos.db import health
    from pos.kernel.errors import UserError
    from pos.ledger.verify import verify

    result: dict = {"dialect": db.engine.dialect.name}
    try:
        checked = health.quick_check(db)
        result["integrity"] = ("ok" if checked.checked else "not checked (not SQLite)")
    except UserError as exc:
        result["integrity"] = {"damaged": exc.message_id,
                               "details": [str(detail) for detail in exc.details]}
    try:
        outcome = verify(db, from_anchor="last")  # since the last Z report
        result["journal_verified_from"] = "the last Z report"
    except UserError:  # no Z report yet: the whole chain (a new store's is short)
        outcome = verify(db)
        result["journal_verified_from"] = "the start"
    result["journal"] = {"ok": outcome.ok, "checked": outcome.checked,
                         "problem": outcome.problem, "head": outcome.head,
                         "losses": list(outcome.losses)}
    return result


LISTED = 2000  # files of the data folder listed by name; the rest counted


def folder_listing(folder: Path) -> str:
    lines, more = [], 0
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            if len(lines) >= LISTED:
                more += 1
                continue
            stat = path.stat()
            when = datetime.fromtimestamp(stat.st_mtime).isoformat(timespec="seconds")
            lines.append(f"{stat.st_size:>14,}  {when}  {path.relative_to(folder).as_posix()}")
    if more:
        lines.append(f"... and {more} more files")
    return "\n".join(lines) + "\n"
