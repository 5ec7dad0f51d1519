"""The store's secret key, kept outside the database.

A database file (or a PostgreSQL dump) that leaves the store carries everything in it;
the key does not. The journal's chain is authenticated with it (pos.ledger.chain), so
whoever edits the database cannot re-chain it without the key, and PIN hashes are
peppered with it (pos.people.staff), so a copied staff table cannot be guessed offline.

Where: a file `store.key` in the data folder (pos.db.location), 32 random bytes as hex,
readable and writable by its owner only (0600 on POSIX; on Windows the data folder under
the user's profile is private to that user). A file rather than the OS keyring because a
till is often a kiosk account with no unlocked keyring, the file travels with a backup of
the data folder when the store means it to, and several terminals on one PostgreSQL
database need the same key: copy `store.key` to each terminal's data folder (or point
POS_KEY_FILE at it). The key is made the first time it is needed.

What it does not protect against: someone who can read this file (the till's own user
account, an administrator, a stolen disk with the whole data folder) can do anything the
till can. Printed anchors (the journal's head on every Z report) are the check that does
not depend on the key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from pathlib import Path

from pos.db.location import data_dir
from pos.kernel.errors import UserError

ENV_KEY_FILE = "POS_KEY_FILE"
KEY_BYTES = 32


def key_path() -> Path:
    return Path(os.environ.get(ENV_KEY_FILE) or data_dir() / "store.key")


def store_key() -> bytes:
    """The store's key, made (owner-only) on first use."""
    path = key_path()
    if not path.exists():
        _create(path)
    return _read(path)


def derived_key(purpose: str) -> bytes:
    """A key for one purpose ("journal", "pins"), so no two uses share the raw key."""
    return hmac.new(store_key(), purpose.encode(), hashlib.sha256).digest()


def key_id() -> str:
    """A short fingerprint of the key (safe to print): which key a database was sealed
    with, without revealing it."""
    return hashlib.sha256(b"tickbox key id" + store_key()).hexdigest()[:12]


def _create(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:  # another process made it a moment ago
        return
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_hex(KEY_BYTES) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def _read(path: Path) -> bytes:
    if os.name == "posix":
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise UserError("key.shared", path=str(path))
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, UnicodeDecodeError, ValueError):
        raise UserError("key.damaged", path=str(path)) from None
    if len(key) != KEY_BYTES:
        raise UserError("key.damaged", path=str(path))
    return key
