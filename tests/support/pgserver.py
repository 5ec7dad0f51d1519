"""A throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary
folder, start on a free loopback port, drop everything at the end.

Runs the server as the ``postgres`` system user when we are root (initdb refuses root).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    pass


def find_pg_bin() -> Path | None:
    """The folder holding initdb/pg_ctl: $PG_BIN, PATH, or Debian's versioned folders."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True)
    for folder in candidates:
        if Path(folder, "initdb").exists():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


def _version_key(path: str) -> int:
    try:
        return int(Path(path).parent.name)
    except ValueError:
        return 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    def __init__(self) -> None:
        self.bin = find_pg_bin()
        if self.bin is None:
            raise PostgresUnavailable("PostgreSQL is not installed (no initdb found)")
        self.root = Path(tempfile.mkdtemp(prefix="tickbox-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.user = "tickbox"
        self._run_as = None
        if os.geteuid() == 0:
            try:
                account = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise PostgresUnavailable("running as root and there is no 'postgres' user") from exc
            os.chown(self.root, account.pw_uid, account.pw_gid)
            self._run_as = account

    def _cmd(self, *args: str) -> list[str]:
        command = [str(self.bin / args[0]), *args[1:]]
        if self._run_as is not None:
            command = ["runuser", "-u", self._run_as.pw_name, "--", *command]
        return command

    def start(self) -> "PostgresServer":
        init = subprocess.run(
            self._cmd("initdb", "-D", str(self.data), "-U", self.user, "-A", "trust",
                      "-E", "UTF8", "--locale=C", "--no-sync"),
            capture_output=True, text=True,
        )
        if init.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {init.stderr.strip()}")
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=60 -c shared_buffers=256MB")
        start = subprocess.run(
            self._cmd("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                      str(self.root / "server.log"), "-w", "-t", "60", "start"),
            capture_output=True, text=True,
        )
        if start.returncode != 0:
            log = (self.root / "server.log").read_text(errors="replace")[-2000:]
            raise PostgresUnavailable(f"pg_ctl start failed: {start.stderr.strip()}\n{log}")
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def execute(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE)."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=self.user,
                             dbname="postgres", autocommit=True) as connection:
            for attempt in range(3):
                try:
                    connection.execute(sql)
                    return
                except psycopg.errors.ObjectInUse:
                    if attempt == 2:
                        raise
                    # A template's last connection may still be closing: end it (waiting up
                    # to 5 s for it to go, PostgreSQL 14+), then go again.
                    connection.execute(
                        "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
                        "WHERE datname LIKE 'tickbox_%template' AND pid <> pg_backend_pid()")

    def stop(self) -> None:
        subprocess.run(self._cmd("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop"),
                       capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)
