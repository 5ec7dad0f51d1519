"""Where the data lives: the per-user data folder and the database URL; and which
terminal this machine is.

Kept free of SQLAlchemy so the app can find its database and show its first screen
before the database layer has loaded.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "TickboxPOS"
ENV_URL = "POS_DATABASE_URL"
ENV_TERMINAL = "POS_TERMINAL"
DEFAULT_TERMINAL = "T01"


def data_dir() -> Path:
    """The per-user data folder (database, logs, local terminal config)."""
    from platformdirs import user_data_dir

    path = Path(os.environ.get("POS_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def resolve_url(cli_url: str | None = None) -> str:
    """``--db`` wins, then ``POS_DATABASE_URL``, then an SQLite file in the data folder."""
    if cli_url:
        return normalise_url(cli_url)
    if os.environ.get(ENV_URL):
        return normalise_url(os.environ[ENV_URL])
    return f"sqlite:///{data_dir() / 'tickbox.db'}"


def this_terminal(cli_value: str | None = None) -> str:
    """``--terminal`` wins, then ``POS_TERMINAL``, then T01."""
    return (cli_value or os.environ.get(ENV_TERMINAL) or DEFAULT_TERMINAL).strip().upper()


def normalise_url(url: str) -> str:
    """Accept plain ``postgresql://`` URLs and use psycopg 3 for them; a bare path is SQLite."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    return url


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL (``sqlite:///path``); None for other databases and for
    in-memory SQLite."""
    url = normalise_url(url)
    if not url.startswith("sqlite:///"):
        return None
    path = url[len("sqlite:///"):].split("?", 1)[0]
    return Path(path) if path and path != ":memory:" else None
