"""The rotating logs (pos.kernel.logs), the `pos` command's log, and where the app finds
its own files, from a checkout and in the frozen app (pos.kernel.resources)."""

import logging
import sys
from pathlib import Path

import pytest

from pos.kernel import logs, resources, translations

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def root_logger():
    """The root logger's handlers and level put back after the test."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def test_the_log_rotates_at_1_mb_and_keeps_5(tmp_path, root_logger):
    path = logs.start_logging(tmp_path)
    assert path == tmp_path / "logs" / "tickbox.log"
    assert logs.start_logging(tmp_path) == path  # started again: no second handler
    ours = [h for h in root_logger.handlers if getattr(h, "tickbox_log", None) == logs.APP_LOG]
    assert len(ours) == 1
    line = "x" * 999
    for _ in range(8_000):  # about 8 MB
        logging.getLogger("tickbox.test").info(line)
    files = logs.log_files(tmp_path)
    assert [f.name for f in files] == ["tickbox.log"] + [f"tickbox.log.{n}" for n in range(1, 6)]
    assert all(f.stat().st_size <= logs.MAX_BYTES for f in files)


def test_another_data_folder_replaces_the_handler(tmp_path, root_logger):
    logs.start_logging(tmp_path / "a")
    logs.start_logging(tmp_path / "b")
    ours = [h for h in root_logger.handlers if getattr(h, "tickbox_log", None) == logs.APP_LOG]
    assert [Path(h.baseFilename).parent.parent.name for h in ours] == ["b"]


def test_an_unwritable_folder_gives_no_file_log(tmp_path, root_logger):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert logs.start_logging(blocker) is None  # data folder is a file: no logs/ in it


def test_the_pos_command_logs_its_words_not_its_values(tmp_path, root_logger, monkeypatch):
    from pos.cli import main

    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("POS_LOCALE", "en")
    db = f"--db=sqlite:///{tmp_path / 'x.db'}"
    assert main([db, "settings", "set", "margin_threshold_bp", "1234567"]) in (0, 1)
    assert main([db, "sale", "--staff", "Nobody", "--item", "X"]) == 1
    text = (tmp_path / "logs" / "cli.log").read_text()
    assert "pos settings set" in text and "1234567" not in text
    assert "pos sale" in text and "refused: " in text and "Nobody" not in text


def test_the_app_finds_its_files_in_a_checkout():
    assert resources.package_dir("ui") == ROOT / "ui"
    assert resources.package_dir("migrations") == ROOT / "migrations"
    assert translations.ts_file("zh_CN") == ROOT / "ui" / "i18n" / "zh_CN.ts"
    assert resources.bundle_dir() is None and not resources.frozen()


def test_the_frozen_app_finds_its_files_under_its_bundle(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.package_dir("printing") == tmp_path / "printing"
    assert translations.ts_file("zh_CN") == tmp_path / "ui" / "i18n" / "zh_CN.ts"
    from pos.db.schema import alembic_config

    assert alembic_config().get_main_option("script_location") == str(tmp_path / "migrations")


def test_the_spec_ships_every_folder_the_app_reads():
    """packaging/tickbox-pos.spec puts under the bundle each folder that the code reads
    through package_dir; a new one read must be shipped too."""
    spec = (ROOT / "packaging" / "tickbox-pos.spec").read_text()
    for folder in ("ui/i18n", "ui/assets/lucide", "printing/fonts", "migrations",
                   "migrations/versions"):
        assert f'files("{folder}"' in spec, folder
    used = set()
    for path in list((ROOT / "pos").rglob("*.py")) + list((ROOT / "ui").rglob("*.py")) + list(
            (ROOT / "printing").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "Path(__file__)" not in text or path.parts[-2:] in (
            ("i18n", "update.py"),) or "screenshots" in path.parts, path
        if 'package_dir("' in text:
            used.add(path.name)
    assert {"translations.py", "schema.py", "i18n.py", "icons.py", "fonts.py"} <= used
