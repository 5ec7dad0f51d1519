"""The layering rule: the store's logic never imports Qt, ReportLab or escpos, and the
printing layer never imports Qt."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(folder: str) -> dict[str, set[str]]:
    found = {}
    for path in (ROOT / folder).rglob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = names
    return found


@pytest.mark.parametrize(
    "folder, forbidden",
    [("pos", {"PySide6", "reportlab", "escpos", "ui", "printing"}),
     ("printing", {"PySide6", "ui"})],
)
def test_layers_import_only_what_they_may(folder, forbidden):
    offenders = {path: names & forbidden for path, names in imported_modules(folder).items()
                 if names & forbidden}
    # The `pos` command is the composition root: with no arguments it opens the app, and
    # its print commands reach printing/, lazily, in these two modules and nowhere else.
    for root in [path for path in offenders if path.startswith("pos/cli/")]:
        if offenders.get(root, set()) <= {"ui", "printing"}:
            offenders.pop(root, None)
    assert offenders == {}


def test_money_columns_are_integers():
    from sqlalchemy import BigInteger, Integer

    from pos.db.models import Base

    money_words = ("price", "cost", "amount", "total")
    for table in Base.metadata.tables.values():
        for column in table.columns:
            if column.name.split("_")[-1] in money_words or column.name in money_words:
                assert isinstance(column.type, (Integer, BigInteger)), f"{table.name}.{column.name}"


FIRST_SCREEN_PROBE = """
import sys
import pos.db.location, pos.db.schema, pos.db.peek
import ui.app, ui.login, ui.main_window
import pos.cli

def loaded_too_early(**_options):
    heavy = {"sqlalchemy", "alembic", "babel", "psycopg"}
    print(sorted(name for name in sys.modules if name.split(".")[0] in heavy
                 or name in {"pos.db.engine", "pos.people.staff", "pos.store.details", "ui.checkout.till"}))
    return 0

ui.app.run_app = loaded_too_early
sys.exit(pos.cli.main(["--db", "sqlite:///nowhere.db"]))
"""


def test_the_first_screen_and_the_pos_command_load_without_the_database_layer():
    """The login screen comes up before SQLAlchemy, Alembic, Babel and the services load
    (ui.app's staged start), and `pos` with no command reaches the app the same way."""
    result = subprocess.run([sys.executable, "-c", FIRST_SCREEN_PROBE], cwd=ROOT,
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
