"""The layering rule: the store's logic never imports Qt, ReportLab or escpos, and the
printing layer never imports Qt."""

import ast
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
    for root in ("pos/cli.py", "pos/print_commands.py"):
        if offenders.get(root, set()) <= {"ui", "printing"}:
            offenders.pop(root, None)
    assert offenders == {}


def test_money_columns_are_integers():
    from sqlalchemy import BigInteger, Integer

    from pos.models import Base

    money_words = ("price", "cost", "amount", "total")
    for table in Base.metadata.tables.values():
        for column in table.columns:
            if column.name.split("_")[-1] in money_words or column.name in money_words:
                assert isinstance(column.type, (Integer, BigInteger)), f"{table.name}.{column.name}"
