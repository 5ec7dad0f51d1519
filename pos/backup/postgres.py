"""`pos backup` on PostgreSQL: `pg_dump` in its custom format (restored with
`pg_restore`), when the server is on this machine (localhost, 127.0.0.1, ::1 or a Unix
socket). A server elsewhere is backed up on that server (pg_dump or pg_basebackup, README:
Backups): a dump pulled over the store's network from a till is slow and would land on
the till's disk, which is the one we are guarding against.

The dump is written under a temporary name in the data folder's backups/, checked by
`pg_restore --list` (the archive reads whole), then renamed; the last N kept and the
second folder served as for SQLite (pos.backup.sqlite_backup)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from pos.backup import files
from pos.backup.files import Outcome
from pos.backup.sqlite_backup import copy_to_second_folder
from pos.db.engine import Database
from pos.kernel.clock import utcnow
from pos.kernel.errors import UserError

LOCAL_HOSTS = {"", "localhost", "127.0.0.1", "::1"}
DUMP_SUFFIX = ".dump"


def is_local(url: str) -> bool:
    parsed = make_url(url)
    host = parsed.host or parsed.query.get("host") or ""
    if isinstance(host, tuple):
        host = host[0]
    return host in LOCAL_HOSTS or host.startswith("/")


def refuse_remote(url: str) -> None:
    if not is_local(url):
        raise UserError("backup.pg_remote", host=make_url(url).host)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise UserError("backup.pg_dump_missing")
    return found


def _libpq(url: str) -> tuple[list[str], dict[str, str]]:
    """pg_dump's connection arguments and environment (the password in PGPASSWORD, never
    on the command line where `ps` shows it)."""
    parsed = make_url(url)
    args, env = [], dict(os.environ)
    host = parsed.host or parsed.query.get("host")
    if isinstance(host, tuple):
        host = host[0]
    if host:
        args += ["--host", host]
    if parsed.port:
        args += ["--port", str(parsed.port)]
    if parsed.username:
        args += ["--username", parsed.username]
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    args += ["--dbname", parsed.database or ""]
    return args, env


def dump_database(db: Database, *, keep: int = 14, second_folder: str = "",
                  reason: str = "manual", data_folder: Path | None = None) -> Outcome:
    """pg_dump -Fc of the local PostgreSQL database into backups/; refused for a server
    elsewhere (backup.pg_remote)."""
    from pos.db.schema import current_revision

    refuse_remote(db.url)
    pg_dump, pg_restore = _tool("pg_dump"), _tool("pg_restore")
    folder = files.backups_dir(data_folder)
    at = utcnow()
    revision = current_revision(db.engine)
    stem = make_url(db.url).database or "postgres"
    name = files.backup_name(stem, at, revision)[:-len(".db")] + DUMP_SUFFIX
    temp = folder / f".{name}.{os.getpid()}.tmp"
    args, env = _libpq(db.url)
    done = subprocess.run([pg_dump, "--format=custom", "--no-password", "--file", str(temp),
                           *args], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        temp.unlink(missing_ok=True)
        raise UserError("backup.pg_dump_failed", reason=done.stderr.strip()[-500:])
    listed = subprocess.run([pg_restore, "--list", str(temp)], capture_output=True,
                            text=True, check=False)
    if listed.returncode != 0 or "alembic_version" not in listed.stdout:
        temp.unlink(missing_ok=True)
        outcome = Outcome("", at.isoformat(), revision, False,
                          f"pg_restore --list: {listed.stderr.strip()[-300:]}", 0, reason)
        files.record(folder, outcome)
        return outcome
    final = folder / name
    os.replace(temp, final)
    second = copy_to_second_folder(final, second_folder, stem=stem, keep=keep) \
        if second_folder else None
    files.prune(folder, stem, keep, DUMP_SUFFIX)
    outcome = Outcome(name, at.isoformat(), revision, True, None, final.stat().st_size,
                      reason, second)
    files.record(folder, outcome)
    return outcome
