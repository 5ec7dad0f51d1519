"""The journal's head: authenticated by the store's key, and witnessed outside the
database.

- The head (sequence number and hash of the last entry) carries an HMAC by the store's
  key (pos.db.keyfile), kept outside the database: whoever edits the database and
  recomputes every hash cannot make the head's MAC match without the key.
- A database can lose its newest documents without any sign inside it: a damaged WAL
  frame after a crash makes SQLite roll the file back to an earlier, perfectly
  consistent state; a backup restored over the live file does the same; the chain then
  verifies, just shorter. So after every commit that moved the head, the head and its
  MAC are written to a small file in the data folder, one per database (the witness),
  and `journal verify` compares: a database that ends before the witness, or holds
  another entry at the witness's place, lost or rewrote documents. The record is written
  in place and not synced: after a power cut it may be older than the database
  (harmless: the database may be ahead of it) or torn (then it is not trusted), never
  newer. Tills writing one
  PostgreSQL database each keep their own witness of what they saw. The witness names
  its database by the hash of the journal's first entry, so a new database made where
  an old one was (a store starting over) is not taken for the old one rolled back.
- What is found is sealed (pos.ledger.losses, at every start): a till that goes on
  selling moves the witness on, and the loss must not go with it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select

from pos.db import keyfile
from pos.db.engine import after_commit, describe
from pos.db.location import data_dir
from pos.db.models import JournalEntry, JournalHead

ENTRIES = JournalEntry.__table__


def _where() -> tuple:
    """What decides where the key and the data folder are (pos.db.location): finding
    them costs more than a sale's MAC, so what depends on them is cached by this."""
    return tuple(os.environ.get(name) for name in (
        keyfile.ENV_KEY_FILE, "POS_DATA_DIR", "XDG_DATA_HOME", "HOME", "APPDATA"))


@lru_cache(maxsize=4)
def _journal_key(_where: tuple) -> bytes:
    return keyfile.derived_key("journal")


def head_mac(seq: int, last_hash: str) -> str:
    """The head's authentication by the store's key."""
    key = _journal_key(_where())
    return hmac.new(key, f"{seq}:{last_hash}".encode(), hashlib.sha256).hexdigest()


def _witness_mac(seq: int, digest: str, first: str) -> str:
    key = _journal_key(_where())
    return hmac.new(key, f"witness:{seq}:{digest}:{first}".encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Witnessed:
    seq: int
    hash: str
    first: str  # the hash of the journal's first entry: which database this is


@dataclass(frozen=True)
class Gap:
    """The database is behind its witness: `lost` documents after #`head_seq` are gone,
    or (`rewritten`) the database holds another entry where the witness saw its head."""

    witnessed: Witnessed
    head_seq: int
    rewritten: bool

    @property
    def lost(self) -> int:
        return 0 if self.rewritten else self.witnessed.seq - self.head_seq


def find_gap(conn, witnessed: Witnessed | None) -> Gap | None:
    """Compare the database with its witness (None when they agree, or when the witness
    is of another database)."""
    if witnessed is None or _entry_hash(conn, 1) != witnessed.first:
        return None
    head_seq = conn.execute(select(JournalHead.last_seq).where(JournalHead.id == 1)).scalar()
    if head_seq is None:
        return None
    if witnessed.seq > head_seq:
        return Gap(witnessed, head_seq, False)
    if _entry_hash(conn, witnessed.seq) != witnessed.hash:
        return Gap(witnessed, head_seq, True)
    return None


def _entry_hash(conn, seq: int) -> str | None:
    return conn.execute(select(ENTRIES.c.hash).where(ENTRIES.c.seq == seq)).scalar()


def witness_path(url) -> Path:
    """The witness file of the database at `url`, in this machine's data folder."""
    return _witness_path(str(url), _where())


@lru_cache(maxsize=16)
def _witness_path(url: str, _where: tuple) -> Path:
    name = hashlib.sha256(describe(url).encode()).hexdigest()[:20]
    folder = data_dir() / "journal"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}.head"


# The first entry's hash of each database written here, read once per process.
_first_hashes: dict[str, str] = {}


def witness_after_commit(connection, seq: int, digest: str) -> None:
    """Inside the transaction that moved the head to `seq`, `digest`: write the witness
    once it commits."""
    url = str(connection.engine.url)
    if seq == 1 or url not in _first_hashes:
        _first_hashes[url] = digest if seq == 1 else _entry_hash(connection, 1)
    first = _first_hashes[url]
    path = witness_path(url)
    after_commit(connection, lambda: _write(path, seq, digest, first))


_open_files: dict[Path, int] = {}


def _write(path: Path, seq: int, digest: str, first: str) -> None:
    """One fixed-size record written over the last, in place: on every sale's path, so a
    single write (no rename, no sync). A record torn by a power cut fails its MAC and is
    read as no witness. Another till of the same database may have written a later head
    a moment ago; going back one is harmless (the database may be ahead of its witness)."""
    mac = _witness_mac(seq, digest, first)
    record = f"{seq:020d} {digest} {first} {mac}\n".encode("ascii")
    descriptor = _open_files.get(path)
    if descriptor is None:
        descriptor = _open_files[path] = os.open(
            path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    if hasattr(os, "pwrite"):
        os.pwrite(descriptor, record, 0)
    else:  # Windows
        os.lseek(descriptor, 0, os.SEEK_SET)
        os.write(descriptor, record)


def read_witness(path: Path) -> Witnessed | None:
    """The witnessed head, or None when there is none to trust (missing, unreadable, or
    not authenticated by this store's key: a witness cannot be forged either)."""
    try:
        seq_text, digest, first, mac = path.read_text(encoding="ascii").split()
        seq = int(seq_text)
    except (OSError, ValueError):
        return None
    if not hmac.compare_digest(mac, _witness_mac(seq, digest, first)):
        return None
    return Witnessed(seq, digest, first)
