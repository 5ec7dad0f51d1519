"""Nothing waits on the GUI thread (design rule 6): every call from a widget into pos/
goes through ui.ops. Widgets may import from pos/ only its kernel (money, enums, errors,
VAT) and the pure cart, plus, for type hints, anything under `if TYPE_CHECKING:`; only
ui.ops, the composition root (ui.app) and the thread pool (ui.worker) import services."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
MAY_CALL_POS = {"ui/app.py", "ui/worker.py"}  # and the package ui/ops/
ALLOWED = ("pos.kernel", "pos.selling.cart")


def allowed(module: str) -> bool:
    return any(module == prefix or module.startswith(prefix + ".") for prefix in ALLOWED)


def is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def pos_imports(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module) of every pos import, lazy ones included, but for those under
    `if TYPE_CHECKING:` (never run)."""
    found = []

    def visit(node, hidden=False):
        if isinstance(node, ast.If) and is_type_checking(node.test):
            for child in node.body:
                visit(child, True)
            for child in node.orelse:
                visit(child, hidden)
            return
        if not hidden and isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names
                         if alias.name.split(".")[0] == "pos")
        elif not hidden and isinstance(node, ast.ImportFrom) and not node.level and (
                (node.module or "").split(".")[0] == "pos"):
            # `from pos.selling import cart` imports pos.selling.cart; `from pos.x import y`
            # imports y from pos.x (a module or a name in it: either way, pos.x is loaded)
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.append((node.lineno, full if allowed(full) and not allowed(node.module)
                              else node.module))
        for child in ast.iter_child_nodes(node):
            visit(child, hidden)

    visit(tree)
    return found


def widget_modules() -> list[Path]:
    return [path for path in sorted(UI.rglob("*.py"))
            if str(path.relative_to(ROOT)) not in MAY_CALL_POS
            and path.relative_to(UI).parts[0] != "ops"]


def test_widgets_reach_pos_services_only_through_ui_ops():
    offenders = [f"{path.relative_to(ROOT)}:{line} imports {module}"
                 for path in widget_modules()
                 for line, module in pos_imports(ast.parse(path.read_text(encoding="utf-8")))
                 if not allowed(module)]
    assert offenders == []


def test_the_check_sees_lazy_imports_and_spares_type_hints():
    source = """
from typing import TYPE_CHECKING
from pos.kernel.enums import Outcome
from pos.selling import cart
if TYPE_CHECKING:
    from pos.selling.sheet import SheetRow
def slot():
    from pos.people import staff
    import pos.selling.checkout
"""
    found = [module for _, module in pos_imports(ast.parse(source))]
    assert found == ["pos.kernel.enums", "pos.selling.cart", "pos.people",
                     "pos.selling.checkout"]
    assert [module for module in found if not allowed(module)] == ["pos.people",
                                                                   "pos.selling.checkout"]
    assert len(widget_modules()) > 10  # the check looks at the real ui/ package
