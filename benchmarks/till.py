"""The till at store scale (100,000 products): cold start next to a bare PySide6 window
started in the same run, and scan-to-line-visible latency.

    .venv/bin/python benchmarks/till.py [--products 100000] [--starts 7] [--scans 300]

Cold start = from launching the process to the first frame of the ready screen (the
login screen with the till built behind it), measured by this parent process.
Targets (issue 4): start within 2x the bare window and under 2 s; scan-to-line p95
under 50 ms.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import figures, synthetic_catalog, timed

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("bare window"); label.resize(1366, 768); label.show()
QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
app.exec()
"""

TILL = """
import sys
from PySide6.QtCore import QTimer
from pos.db import Database
from pos import schema
from pos.store import this_terminal
from ui.app import make_application, make_context, install_translator
app = make_application()
db = Database(sys.argv[1])
schema.ensure_schema(db.engine)
context = make_context(db, terminal="T01")
install_translator(app, context.locale)
from ui.main_window import MainWindow
window = MainWindow(context); window.resize(1366, 768); window.show()
QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
app.exec()
"""


def cold_start(code: str, args: list[str], env: dict) -> float:
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in child.stdout:
        if line.strip() == "READY":
            elapsed = (time.perf_counter() - start) * 1000
            break
    else:
        raise RuntimeError("child did not get ready")
    child.wait()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--starts", type=int, default=7)
    parser.add_argument("--scans", type=int, default=300)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from pos import catalog, schema, staff
    from pos.db import Database
    from pos.demo import load_demo

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'till.db'}"
        db = Database(url)
        schema.upgrade(db.engine)
        load_demo(db, locale="en")
        categories, products, barcodes, _ = synthetic_catalog(args.products)
        catalog.import_categories_file(db, data=categories)
        catalog.import_catalog_file(db, data=products)
        db.dispose()

        # An installed app starts from byte-compiled modules; a checkout run with
        # PYTHONDONTWRITEBYTECODE would recompile every module at every start instead.
        import compileall

        for package in ("pos", "ui", "printing", "migrations"):
            compileall.compile_dir(str(ROOT / package), quiet=1)
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        cold_start(BARE, [], env)  # warm the file cache for both, fairly
        cold_start(TILL, [url], env)
        bare = [cold_start(BARE, [], env) for _ in range(args.starts)]
        till = [cold_start(TILL, [url], env) for _ in range(args.starts)]
        print(f"{args.products:,} products in the database")
        print(figures("cold start: bare PySide6 window", bare))
        print(figures("cold start: Tickbox till ready", till))
        ratio = sorted(till)[len(till) // 2] / sorted(bare)[len(bare) // 2]
        print(f"median ratio till/bare: {ratio:.2f}x")

        # scan-to-line-visible, in process, through the real scan field
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from ui.app import make_application, make_context
        from ui.main_window import MainWindow

        app = make_application()
        db = Database(url)
        window = MainWindow(make_context(db, terminal="T01"))
        window.resize(1366, 768)
        window.show()
        cashier = next(s for s in staff.list_staff(db) if s.role.value == "cashier")
        window.open_till(cashier)
        app.processEvents()
        till_screen = window.till
        codes = iter(barcodes[i * 97 % len(barcodes)] for i in range(args.scans))

        def scan_one():
            if len(till_screen.cart.lines) >= 25:
                till_screen.new_cart()
                till_screen.refresh()
            before = till_screen.cart_view.topLevelItemCount()
            QTest.keyClicks(till_screen.scan, next(codes))
            QTest.keyClick(till_screen.scan, Qt.Key.Key_Return)
            app.processEvents()
            assert till_screen.cart_view.topLevelItemCount() == before + 1

        print(figures("scan to line visible", timed(scan_one, args.scans)), flush=True)
        db.dispose()
    # Qt and Python tearing down their objects in either order can crash at exit; the
    # figures are printed, so leave at once.
    os._exit(0)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
