"""The layering rules: the store's logic never imports Qt, ReportLab or escpos, and the
printing layer never imports Qt; pos/'s feature packages depend only downwards; no import
cycles anywhere, lazy imports (inside functions) included; no module imports another's
private name; no module grows past 400 lines."""

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


# pos/'s packages from the bottom up: each may import only from packages on lower rows.
LAYERS = (
    ("kernel",),
    ("db",),
    ("ledger",),
    ("store", "people", "catalog"),
    ("stock",),  # stock per store: movements, serials, counts (pos.ledger seals them)
    ("printjobs",),
    ("selling",),
    ("accounts",),  # receivables, deposits, quotes, invoice requests (issue 19)
    ("service",),  # service jobs, card claims and confirmations (issue 20)
    ("aftersale", "day"),
    ("demo",),
    ("setup",),  # a new store's first run: its standard categories are the demo's
    ("backup",),  # backups and safe upgrades: the journal's verify, the store's settings
    ("sync",),  # a store in a chain: what it sends up and pulls down (issue 21)
    ("hq",),  # head office: streams verified on arrival, master data, chain reports
    ("support",),  # the support bundle reads from every layer below
    ("cli",),
)
DATA_FILES = {"pos/demo/data.py",  # the demo store's tables, not logic
              "pos/kernel/message_catalog.py"}  # every message in English, by id: a table
MAX_LINES = 400


def module_imports() -> dict[str, tuple[Path, set[str]]]:
    """Every module of pos/, ui/, printing/ and migrations/ -> (its file, the modules of
    those folders it imports anywhere in its body, functions included)."""
    modules = {}
    for folder in ("pos", "ui", "printing", "migrations"):
        for path in (ROOT / folder).rglob("*.py"):
            rel = path.relative_to(ROOT).with_suffix("")
            name = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
            modules[name] = path

    def resolve(target: str) -> str | None:
        parts = target.split(".")
        while parts:
            if ".".join(parts) in modules:
                return ".".join(parts)
            parts.pop()
        return None

    found = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = name.split(".") if is_package else name.split(".")[:-1]
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                    base = ".".join(anchor + ([base] if base else []))
                # `from pkg import module` imports the module; `from pkg import name`, pkg
                targets |= {f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules
                            else base for alias in node.names}
        found[name] = (path, {resolve(t) for t in targets} - {None, name})
    return found


def test_no_import_cycles_lazy_imports_included():
    graph = {name: deps for name, (_, deps) in module_imports().items()}
    cycles, index, low, stack, on_stack, counter = [], {}, {}, [], set(), [0]

    def visit(node):  # Tarjan's strongly connected components
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    assert cycles == []


def test_pos_packages_depend_only_downwards():
    rank = {package: row for row, packages in enumerate(LAYERS) for package in packages}
    upward = []
    for name, (_, deps) in module_imports().items():
        parts = name.split(".")
        if parts[0] != "pos" or len(parts) < 2:
            continue
        assert parts[1] in rank, f"pos.{parts[1]} is in no layer of LAYERS"
        for dep in deps:
            dep_parts = dep.split(".")
            if dep_parts[0] != "pos" or len(dep_parts) < 2 or dep_parts[1] == parts[1]:
                continue
            if rank[dep_parts[1]] >= rank[parts[1]]:
                upward.append(f"{name} -> {dep}")
    assert upward == []


def test_every_pos_package_says_what_it_owns():
    for init in (ROOT / "pos").glob("*/__init__.py"):
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), init


def test_no_module_imports_another_modules_private_names():
    private = []
    for name, (path, _) in module_imports().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").split(".")[0]
                                                     in ("pos", "ui", "printing")):
                private += [f"{name}: {alias.name}" for alias in node.names
                            if alias.name.startswith("_") and not alias.name.startswith("__")]
    assert private == []


def test_no_module_is_a_monolith():
    long = []
    for name, (path, _) in module_imports().items():
        rel = str(path.relative_to(ROOT))
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if rel not in DATA_FILES and lines > MAX_LINES:
            long.append(f"{rel}: {lines} lines")
    assert long == []


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
