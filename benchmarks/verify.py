"""`pos journal verify` against its floor: a plain read-and-hash of the same chain (select
the journal's rows in order and recompute every entry's hash, nothing else), on chains
of 10,000 and 100,000 documents (realistic sales with lines, sheet outcomes, a service
card and a payment; one in a hundred refunded; a Z report every 1,000 documents: see
tests/integration/long_chain.py), on SQLite and PostgreSQL.

    flock /tmp/bench.lock .venv/bin/python benchmarks/verify.py \
        [--documents 10000 100000] [--no-postgres] [--runs 3] [--from-anchor]

Chains are built once into --folder (default /tmp/verify16; the store's key and the
witness live there too) and reused. Each figure is measured in a child process: its
wall time, documents per second and peak memory (VmHWM). The issue's target: verify
within 5x its floor, in memory that does not grow with the chain.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parent.parent))


def _peak_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# -- what a child process measures ------------------------------------------------------

def child(kind: str, url: str, anchor: str | None) -> None:
    from pos.db.engine import Database

    db = Database(url)
    started = time.perf_counter()
    if kind == "floor":
        documents = _read_and_hash(db)
        ok = True
    else:
        from pos.ledger import verify

        if kind == "anchor":
            result = verify.verify(db, from_anchor=anchor or _second_last_z(db))
        else:
            result = verify.verify(db)
        ok, documents = result.ok, result.checked
        if not ok:
            print(result.problem, file=sys.stderr)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "documents": documents, "ok": ok,
                      "peak_mib": _peak_mib()}))


def _second_last_z(db) -> str:
    """The anchor of the Z report before the last: a day's documents follow it."""
    from sqlalchemy import select

    from pos.db.models import Shift
    from pos.ledger import chain

    with db.read_connection() as conn:
        digest = conn.execute(select(Shift.journal_hash).where(Shift.journal_hash.is_not(None))
                              .order_by(Shift.closed_at.desc()).limit(1).offset(1)).scalar_one()
    return chain.anchor_code(digest)


def _read_and_hash(db) -> int:
    """The floor: every journal row in order, its hash recomputed and its link checked."""
    from sqlalchemy import select

    from pos.db.models import JournalEntry
    from pos.ledger import chain

    entries = JournalEntry.__table__
    previous, count = chain.GENESIS, 0
    with db.read_connection() as conn:
        rows = conn.execution_options(stream_results=True, yield_per=2000).execute(select(
            entries.c.seq, entries.c.version, entries.c.prev_hash, entries.c.hash,
            entries.c.doc_type, entries.c.doc_ref, entries.c.created_at, entries.c.payload,
        ).order_by(entries.c.seq))
        for row in rows:
            digest = chain.entry_hash(version=row.version, prev_hash=row.prev_hash, seq=row.seq,
                                      doc_type=row.doc_type, doc_ref=row.doc_ref,
                                      created_at=row.created_at, payload=row.payload)
            if digest != row.hash or row.prev_hash != previous:
                raise SystemExit(f"the chain is broken at #{row.seq}")
            previous = digest
            count += 1
    return count


# -- building the chains once -----------------------------------------------------------

def _build(url: str, documents: int) -> None:
    from pos.db import schema
    from pos.db.engine import Database
    from pos.demo.loader import load_demo
    from tests.integration import long_chain

    db = Database(url)
    schema.upgrade(db.engine)
    load_demo(db, locale="en")
    started = time.perf_counter()
    last = [started]

    def progress(count):
        if time.perf_counter() - last[0] > 30:
            last[0] = time.perf_counter()
            print(f"    {count} documents ({time.perf_counter() - started:.0f} s)", flush=True)
    count = long_chain.build(db, documents, progress=progress)
    db.dispose()
    print(f"    built {count} documents in {time.perf_counter() - started:.0f} s", flush=True)


def _sqlite_chain(folder: Path, documents: int) -> str:
    path = folder / f"chain-{documents}.db"
    url = f"sqlite:///{path}"
    if not path.exists():
        print(f"[sqlite] building {documents} documents into {path}", flush=True)
        partial = path.with_suffix(".building.db")
        for leftover in folder.glob(partial.name + "*"):
            leftover.unlink()
        _build(f"sqlite:///{partial}", documents)
        partial.rename(path)
    return url


class _KeptPostgres:
    """A PostgreSQL server whose data folder is kept in --folder between runs (the chains
    take minutes to build), on the test suite's settings (tests/support/pgserver.py)."""

    def __init__(self, folder: Path):
        from tests.support.pgserver import PostgresServer

        self.server = PostgresServer()
        shutil.rmtree(self.server.root, ignore_errors=True)
        self.server.root = folder / "pg"
        self.server.data = self.server.root / "data"
        fresh = not self.server.data.exists()
        self.server.root.mkdir(parents=True, exist_ok=True)
        if self.server._run_as is not None:
            os.chown(self.server.root, self.server._run_as.pw_uid, self.server._run_as.pw_gid)
        if fresh:
            self.server.start()
        else:
            self._start_existing()

    def _start_existing(self) -> None:
        s = self.server
        options = (f"-p {s.port} -k {s.root} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=60 -c shared_buffers=256MB")
        subprocess.run(s._cmd("pg_ctl", "-D", str(s.data), "-o", options, "-l",
                              str(s.root / "server.log"), "-w", "-t", "60", "start"),
                       check=True, capture_output=True)

    def chain(self, documents: int) -> str:
        import psycopg

        name = f"chain_{documents}"
        with psycopg.connect(host="127.0.0.1", port=self.server.port, user=self.server.user,
                             dbname="postgres", autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                  (name,)).fetchone()
        url = self.server.url(name)
        if not exists:
            print(f"[postgresql] building {documents} documents", flush=True)
            self.server.execute(f"CREATE DATABASE {name}_building")
            _build(self.server.url(f"{name}_building"), documents)
            self.server.execute(f"ALTER DATABASE {name}_building RENAME TO {name}")
        # The planner's statistics, as autovacuum keeps them on a store's server: a chain
        # measured right after its bulk build would otherwise be planned as the few rows
        # its tables held when last analysed.
        with psycopg.connect(host="127.0.0.1", port=self.server.port, user=self.server.user,
                             dbname=name, autocommit=True) as conn:
            conn.execute("ANALYZE")
        return url

    def stop(self) -> None:
        subprocess.run(self.server._cmd("pg_ctl", "-D", str(self.server.data), "-m", "fast",
                                        "-w", "stop"), capture_output=True)


# -- measuring ----------------------------------------------------------------------------

def _measure(kind: str, url: str, env: dict, anchor: str | None = None) -> dict:
    command = [sys.executable, str(HERE), "--child", kind, "--url", url]
    if anchor:
        command += ["--anchor", anchor]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _report(label: str, url: str, env: dict, runs: int, from_anchor: bool) -> None:
    kinds = ["floor", "verify"] + (["anchor"] if from_anchor else [])
    results = {kind: [_measure(kind, url, env) for _ in range(runs)] for kind in kinds}
    floor = statistics.median(r["seconds"] for r in results["floor"])
    for kind in kinds:
        samples = results[kind]
        seconds = sorted(r["seconds"] for r in samples)
        median = statistics.median(seconds)
        documents = samples[0]["documents"]
        peak = max(r["peak_mib"] for r in samples)
        ok = all(r["ok"] for r in samples)
        print(f"  {label:<22} {kind:<7} {documents:>7} docs  median {median:7.2f} s  "
              f"max {seconds[-1]:7.2f} s  {documents / median:9.0f} docs/s  "
              f"peak {peak:6.0f} MiB  x{median / floor:5.2f} floor"
              f"{'' if ok else '  NOT OK'}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--folder", type=Path, default=Path("/tmp/verify16"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--from-anchor", action="store_true",
                        help="also time a verify from the anchor of the Z report before "
                        "the last (about a shift's documents follow it)")
    parser.add_argument("--child", choices=["floor", "verify", "anchor"])
    parser.add_argument("--url")
    parser.add_argument("--anchor")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    os.environ["POS_DATA_DIR"] = str(args.folder / "data")  # the store's key, the witness
    if args.child:
        child(args.child, args.url, args.anchor)
        return
    env = dict(os.environ)
    if not args.no_sqlite:
        for documents in args.documents:
            url = _sqlite_chain(args.folder, documents)
            _report(f"sqlite {documents}", url, env, args.runs, args.from_anchor)
    if args.no_postgres:
        return
    server = _KeptPostgres(args.folder)
    try:
        for documents in args.documents:
            url = server.chain(documents)
            _report(f"postgresql {documents}", url, env, args.runs, args.from_anchor)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
