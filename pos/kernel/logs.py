"""The log files: rotating, in the data folder's ``logs`` (README: Logs and support).

The app writes ``tickbox.log``, the `pos` commands ``cli.log``: one file per kind of
process, so a command run by a scheduled task never renames a file the open till is
writing (Windows refuses that). Each rotates at 1 MB and keeps 5 old files
(``tickbox.log.1`` ... ``.5``), at most 6 MB a kind; `pos support bundle` zips them.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

APP_LOG = "tickbox.log"
CLI_LOG = "cli.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


def log_folder(data_folder: Path) -> Path:
    return data_folder / "logs"


def start_logging(data_folder: Path, name: str = APP_LOG, *,
                  level: int = logging.INFO) -> Path | None:
    """A rotating file handler on the root logger, writing ``logs/<name>`` in the data
    folder; the same file is never given two handlers. None, and no file log, when the
    folder cannot be written (a read-only data folder must not stop a command). A process
has one handler a log name: started again for another folder, the newer replaces it."""
    folder = log_folder(data_folder)
    path = folder / name
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "tickbox_log", None) == name:
            if Path(handler.baseFilename) == path.resolve():
                return path
            root.removeHandler(handler)  # one data folder a process: the newest wins
            handler.close()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.tickbox_log = name
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


def log_files(data_folder: Path) -> list[Path]:
    """Every log file in the data folder, current and rotated, by name."""
    folder = log_folder(data_folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and (p.suffix == ".log" or ".log." in p.name))
