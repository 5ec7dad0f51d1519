"""The till at store scale (100,000 products): cold start next to a bare PySide6 window
started in the same run, and scan-to-line-visible latency.

    .venv/bin/python benchmarks/till.py [--products 100000] [--starts 7] [--scans 300]

Each start launches the real `pos` command (pos.cli -> ui.app.run_app, the staged
start) on the store's database, with observers on its signals. Measured by this parent
process from launching the child:

- READY: the login screen up and interactive (store name, staff tiles from the
  read-only peek, PIN keypad), taken like the bare window's: a zero timer after show,
  i.e. the event loop has run what show() queued. The first paint event follows; how
  long after READY is printed for both windows. The database layer is not loaded yet;
  it loads on a worker thread once the login has painted.
- LOADED: SQLAlchemy and the services imported, the database opened and its schema
  checked, the till built and attached: a PIN is checked and the till opens at once.
- TILL: a PIN tapped on the keypad right at READY (Li Na, 1111), kept until LOADED,
  and the till visible (a zero timer after the login): what a cashier who logs in at
  once waits for.

Then, in this process, through the real widgets:

- scan to line visible: a barcode typed into the scan field + Enter, until its line is
  in the cart (the call runs on the worker: a thread hop there and back).
- the worst event-loop stall (a 10 ms heartbeat timer; the longest gap between ticks)
  while logging in as another process holds SQLite's write lock for 3 s (the PIN check
  writes, so it waits for the lock; the screen must not), and while scanning a notebook,
  whose configuration sheet and card tiers are read and shown (no lock).

Targets (issue 4): start (READY) within 2x the bare window and under 2 s; scan-to-line
p95 under 50 ms. Issue 11: no stall over 100 ms in either case.

Issue 16 adds the hard cases (`--parts` picks some; all by default):

- sheet: a main unit (the demo's notebook, whose category has a configuration sheet and
  card tiers) scanned into an empty cart through the real widgets, until its sheet is on
  screen (the panel shows the unit's rows and the event loop has painted them), and a
  sheet mark (a tap's path: SheetPanel.mark) until the row shows its new state; with the
  rows drawn afresh per mark. Target: the scan under 50 ms p95.
- cold: a true cold start, with no byte-compiled cache, two ways, each said in its label:
  the app's sources copied without __pycache__ and run with PYTHONDONTWRITEBYTECODE=1 (the
  libraries keep their .pyc, as after installing), and the same with PYTHONPYCACHEPREFIX
  pointing at an empty folder and -B, so that no .pyc at all is read: every module of the
  standard library (but the frozen ones), the libraries and the app compiled from source.
  The files themselves are in the OS cache (a first start after a reboot reads them too).
- pg: the same store on PostgreSQL (the test suite's server, tests/support/pgserver.py):
  its start (READY, LOADED, TILL as above), and the main-unit scan and the sheet mark
  through the real widgets over a link with an added round trip (benchmarks/delay_proxy.py:
  --one-way-ms each way, 5 by default: +10 ms a round trip), with the round trips the
  proxy saw per scan and per mark. Target: a scan in at most 5 round trips.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import figures, synthetic_catalog, timed

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print("PAINTED", flush=True)
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv[:1])
label = QLabel("bare window"); label.resize(1366, 768)
painted = FirstPaint(); label.installEventFilter(painted)
label.show()
QTimer.singleShot(0, lambda: print("READY", flush=True))
app.exec()
"""

# The `pos` command as a cashier starts it; the observers only print and tap the keypad.
TILL = """
import os, sys
from PySide6.QtCore import QEvent, QObject
import ui.app

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print("PAINTED", flush=True)
        return False

def observed(**kwargs):
    startup = start_app(**kwargs)
    login = startup.window.login
    startup.painted = FirstPaint()
    login.installEventFilter(startup.painted)

    def tap_pin():
        login.choose("Li Na")  # her tile (the first one chosen may be someone else's)
        for key in "1111":  # Li Na's PIN on the keypad, before the services are there
            login.pin.insert(key)
        login.ok_button.click()

    def tap_when_tiles():
        from PySide6.QtCore import QTimer

        if login.group.buttons():
            tap_pin()
        else:  # PostgreSQL: no peek, the tiles come with the full load
            QTimer.singleShot(5, tap_when_tiles)

    def ready():
        from PySide6.QtCore import QTimer

        print("READY", len(login.group.buttons()), flush=True)
        QTimer.singleShot(0, tap_when_tiles)  # the next thing the event loop does

    def till_visible(_staff):
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: (print("TILL", flush=True), startup.app.quit()))

    startup.ready.connect(ready)
    startup.loaded.connect(lambda: print("LOADED", flush=True))
    login.logged_in.connect(till_visible)
    startup.failed.connect(lambda message: print("FAILED", message, flush=True))
    return startup

start_app, ui.app.start_app = ui.app.start_app, observed
from pos.cli import main
code = main(["--db", sys.argv[1], "--terminal", "T01"])
sys.stdout.flush()
os._exit(code)  # Qt and Python tearing down in either order can crash at exit
"""


def cold_start(code: str, args: list[str], env: dict, *, cwd: Path = ROOT,
               flags: tuple[str, ...] = (), peek: bool = True) -> dict[str, float]:
    """Milliseconds from launching the child to each mark it prints. `peek`: the login
    shows its staff before the database layer has loaded (SQLite; not PostgreSQL)."""
    marks = {}
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, *flags, "-c", code, *args], cwd=cwd, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in child.stdout:
        elapsed = (time.perf_counter() - start) * 1000
        name, *rest = line.split()
        if name == "FAILED":
            raise RuntimeError(line)
        if name == "READY" and rest and rest[0] == "0" and peek:
            raise RuntimeError("the login came up without staff tiles: the peek gave nothing")
        marks[name] = elapsed
    child.wait()
    if "READY" not in marks:
        raise RuntimeError("child did not get ready")
    return marks


NOTEBOOK = "6923150020022"
HOLD_LOCK = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("LOCKED", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("ROLLBACK")
"""


def spin_until(app, done, *, timeout: float = 30.0) -> None:
    """Run the event loop until done(); it wakes for each event (a result from the
    worker, a timer), so nothing is polled."""
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > deadline:
            raise RuntimeError("timed out")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


class Heartbeat:
    """A 10 ms timer on the GUI thread: the longest gap between two ticks is the
    longest the event loop was kept from running."""

    def __init__(self):
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer

        self.clock, self.timer = QElapsedTimer(), QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.worst, self.ticks = 0.0, 0
        self.clock.start()
        self.last = 0.0
        self.timer.start()

    def tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        self.worst = max(self.worst, now - self.last)
        self.last, self.ticks = now, self.ticks + 1

    def stop(self) -> float:
        self.tick()
        self.timer.stop()
        return self.worst


def after_a_moment(app, heartbeat: Heartbeat, ticks: int = 5) -> None:
    """A few more ticks, so the stall of painting what was just shown is counted."""
    until = heartbeat.ticks + ticks
    spin_until(app, lambda: heartbeat.ticks >= until)


def locked_login(app, window, url: str) -> float:
    """The worst stall from a PIN tapped on the keypad to the till on screen, while
    another process holds the database's write lock for 3 s."""
    from sqlalchemy.engine import make_url

    window.lock()
    spin_until(app, lambda: window.context.ops.idle)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, make_url(url).database, "3"],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "LOCKED"
    heartbeat = Heartbeat()
    heartbeat.start()
    login = window.login
    login.choose("Li Na")
    for key in "1111":
        login.pin.insert(key)
    login.ok_button.click()
    spin_until(app, lambda: window.stack.currentWidget() is window.till)
    after_a_moment(app, heartbeat)
    worst = heartbeat.stop()
    holder.wait()
    return worst


def notebook_scan(app, till) -> float:
    """The worst stall from a notebook scanned into an empty cart to its sheet and
    card tiers on screen."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    till.new_cart()
    app.processEvents()
    heartbeat = Heartbeat()
    heartbeat.start()
    QTest.keyClicks(till.scan, NOTEBOOK)
    QTest.keyClick(till.scan, Qt.Key.Key_Return)
    spin_until(app, lambda: till.cart_ops.idle and till.sheet.rows
               and till.sheet.unit_key == till.current_unit)
    after_a_moment(app, heartbeat)
    return heartbeat.stop()


def sheet_scan(app, till, code: str = NOTEBOOK) -> float:
    """Milliseconds from a main unit scanned into an empty cart to its sheet painted."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    till.new_cart()
    app.processEvents()
    start = time.perf_counter()
    QTest.keyClicks(till.scan, code)
    QTest.keyClick(till.scan, Qt.Key.Key_Return)
    spin_until(app, lambda: till.cart_ops.idle and till.sheet.rows
               and till.sheet.unit_key == till.current_unit)
    app.processEvents()  # and painted
    return (time.perf_counter() - start) * 1000


def sheet_mark(app, till, step: int) -> float:
    """Milliseconds from a tap on a row's state (declined, or back to not yet) to the
    row showing it. The row marked is the one being asked, as at the counter."""
    from pos.kernel.enums import Outcome

    sheet = till.sheet
    row = step % len(sheet.rows)
    item = sheet.rows[row]
    target = Outcome.DECLINED if item.outcome is Outcome.NOT_OFFERED else Outcome.NOT_OFFERED
    start = time.perf_counter()
    sheet.mark(item.item_id, target)
    spin_until(app, lambda: till.cart_ops.idle and sheet.rows[row].outcome is target)
    app.processEvents()  # and painted
    return (time.perf_counter() - start) * 1000


def sheet_figures(app, till, *, scans: int, marks: int, label: str = "",
                  proxy=None) -> None:
    """Main-unit scans to sheet visible, then sheet marks; with the round trips the
    proxy saw (PostgreSQL over the delaying link)."""
    sheet_scan(app, till)  # warm: the first unit's sheet builds the panel's pieces
    scan_ms, scan_trips = [], []
    for _ in range(scans):
        before = proxy.round_trips if proxy else 0
        scan_ms.append(sheet_scan(app, till))
        scan_trips.append((proxy.round_trips - before) if proxy else 0)
    print(figures(f"main-unit scan to sheet visible{label}", scan_ms), flush=True)
    if proxy:
        print(f"  round trips per scan: median {statistics.median(scan_trips):.0f}, "
              f"max {max(scan_trips)} (target: at most 5)", flush=True)
    renders = getattr(till.sheet.delegate, "renders", None)
    mark_ms, mark_trips = [], []
    for step in range(marks):
        before = proxy.round_trips if proxy else 0
        mark_ms.append(sheet_mark(app, till, step))
        mark_trips.append((proxy.round_trips - before) if proxy else 0)
    print(figures(f"sheet mark to row updated{label}", mark_ms), flush=True)
    if proxy:
        print(f"  round trips per mark: median {statistics.median(mark_trips):.0f}, "
              f"max {max(mark_trips)}", flush=True)
    if renders is not None:
        print(f"  rows drawn afresh per mark: {(till.sheet.delegate.renders - renders) / marks:.1f}"
              f" of {len(till.sheet.rows)}", flush=True)


def open_till_window(app, db):
    from pos.people import staff
    from ui.app import make_context
    from ui.main_window import MainWindow

    context = make_context(db, terminal="T01", printing=False)
    window = MainWindow(context)
    window.resize(1366, 768)
    window.show()
    spin_until(app, lambda: context.ops.idle)
    cashier = next(s for s in staff.list_staff(db) if s.role.value == "cashier")
    window.open_till(cashier)
    app.processEvents()
    # The till's own timers (failed print jobs retried every 20 s, backups) read the
    # database on their own; off here, so what a scan or a mark costs is theirs alone.
    window.till.killTimer(window.till.print_timer)
    backups = getattr(window.till, "backups", None)
    if backups is not None:
        backups.backup_timer.stop()
    return window


def copy_sources(folder: Path) -> Path:
    """The app's sources without any __pycache__, as a checkout that never ran."""
    import shutil

    root = folder / "src"
    for package in ("pos", "ui", "printing", "migrations"):
        shutil.copytree(ROOT / package, root / package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("alembic.ini", "pyproject.toml"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, root / name)
    return root


def true_cold_starts(url: str, env: dict, folder: Path, starts: int) -> None:
    """Starts with no byte-compiled cache, two ways (see the module's docstring)."""
    source = copy_sources(folder)
    empty = folder / "no-pycache"
    empty.mkdir()
    ways = [
        ("app without .pyc (PYTHONDONTWRITEBYTECODE=1)",
         dict(env, PYTHONPATH=str(source), PYTHONDONTWRITEBYTECODE="1"), ()),
        ("no .pyc at all (empty PYTHONPYCACHEPREFIX, -B)",
         dict(env, PYTHONPATH=str(source), PYTHONDONTWRITEBYTECODE="1",
              PYTHONPYCACHEPREFIX=str(empty)), ("-B",)),
    ]
    for label, way_env, flags in ways:
        runs = [cold_start(TILL, [url], way_env, cwd=source, flags=flags) for _ in range(starts)]
        leftovers = [p for p in source.rglob("*.pyc")] + [p for p in empty.rglob("*.pyc")]
        assert not leftovers, f"byte code was written: {leftovers[:3]}"
        print(figures(f"true cold start READY: {label}", [m["READY"] for m in runs]))
        print(figures(f"true cold start LOADED: {label}", [m["LOADED"] for m in runs]))
        print(figures(f"true cold start, PIN at READY, to till", [m["TILL"] for m in runs]),
              flush=True)


def postgres_part(app, args, env: dict, categories: bytes, catalog: bytes) -> None:
    """The store on PostgreSQL: its start, and scans and marks over a delaying link."""
    from sqlalchemy.engine import make_url

    from delay_proxy import DelayProxy
    from pos.catalog import products
    from pos.db import schema
    from pos.db.engine import Database
    from pos.demo.loader import load_demo
    from tests.support.pgserver import PostgresServer

    server = PostgresServer().start()
    try:
        server.execute("CREATE DATABASE till")
        url = server.url("till")
        db = Database(url)
        schema.upgrade(db.engine)
        load_demo(db, locale="en")
        products.import_categories_file(db, data=categories)
        products.import_catalog_file(db, data=catalog)
        db.dispose()
        print(f"PostgreSQL {server.port}: {args.products:,} products", flush=True)
        cold_start(TILL, [url], env, peek=False)  # warm
        starts = [cold_start(TILL, [url], env, peek=False) for _ in range(args.pg_starts)]
        print(figures("PostgreSQL start: READY (login up, no tiles yet)",
                      [m["READY"] for m in starts]))
        print(figures("PostgreSQL start: LOADED (till built)", [m["LOADED"] for m in starts]))
        print(figures("PostgreSQL start: PIN at READY, to till", [m["TILL"] for m in starts]),
              flush=True)

        for one_way in sorted({0.0, args.one_way_ms}):
            proxy = DelayProxy(("127.0.0.1", server.port), one_way_ms=one_way)
            proxied = make_url(url).set(port=proxy.port).render_as_string(hide_password=False)
            db = Database(proxied)
            window = open_till_window(app, db)
            label = (f", PostgreSQL +{2 * one_way:g} ms a round trip" if one_way
                     else ", PostgreSQL on loopback")
            sheet_figures(app, window.till, scans=args.pg_scans, marks=args.pg_scans,
                          label=label, proxy=proxy)
            window.close()
            db.dispose()
            proxy.close()
    finally:
        server.stop()


PARTS = ("start", "scan", "stall", "sheet", "cold", "pg")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--starts", type=int, default=7)
    parser.add_argument("--scans", type=int, default=300)
    parser.add_argument("--locked-logins", type=int, default=5)
    parser.add_argument("--notebooks", type=int, default=30)
    parser.add_argument("--sheet-scans", type=int, default=100)
    parser.add_argument("--marks", type=int, default=100)
    parser.add_argument("--cold-starts", type=int, default=5)
    parser.add_argument("--pg-starts", type=int, default=5)
    parser.add_argument("--pg-scans", type=int, default=30)
    parser.add_argument("--one-way-ms", type=float, default=5.0,
                        help="delay added each way on the PostgreSQL link (pg part)")
    parser.add_argument("--parts", default=",".join(PARTS),
                        help=f"which to run, of {','.join(PARTS)}")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    if parts - set(PARTS):
        parser.error(f"unknown parts: {sorted(parts - set(PARTS))}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from pos.catalog import products
    from pos.db import schema
    from pos.db.engine import Database
    from pos.demo.loader import load_demo

    with tempfile.TemporaryDirectory() as folder:
        # One data folder for this process and the tills it starts: the store's key (the
        # PINs are set with it), the logs.
        os.environ["POS_DATA_DIR"] = str(Path(folder) / "data")
        url = f"sqlite:///{Path(folder) / 'till.db'}"
        db = Database(url)
        schema.upgrade(db.engine)
        load_demo(db, locale="en")
        categories, catalog, barcodes, _ = synthetic_catalog(args.products)
        products.import_categories_file(db, data=categories)
        products.import_catalog_file(db, data=catalog)
        db.dispose()
        print(f"{args.products:,} products in the database", flush=True)

        # An installed app starts from byte-compiled modules; a checkout run with
        # PYTHONDONTWRITEBYTECODE would recompile every module at every start instead.
        import compileall

        for package in ("pos", "ui", "printing", "migrations"):
            compileall.compile_dir(str(ROOT / package), quiet=1)
        # The app's log goes to its data folder: here, the temporary one.
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        if "start" in parts:
            cold_start(BARE, [], env)  # warm the file cache for both, fairly
            cold_start(TILL, [url], env)
            bare_starts = [cold_start(BARE, [], env) for _ in range(args.starts)]
            bare = [marks["READY"] for marks in bare_starts]
            starts = [cold_start(TILL, [url], env) for _ in range(args.starts)]
            ready = [marks["READY"] for marks in starts]
            print(figures("cold start: bare PySide6 window", bare))
            print(figures("cold start: Tickbox READY (login up)", ready))
            print(figures("READY -> first paint: bare window",
                          [m["PAINTED"] - m["READY"] for m in bare_starts]))
            print(figures("READY -> first paint: Tickbox login",
                          [m["PAINTED"] - m["READY"] for m in starts]))
            print(figures("cold start: Tickbox LOADED (till built)", [m["LOADED"] for m in starts]))
            print(figures("PIN tapped at READY -> till visible",
                          [m["TILL"] - m["READY"] for m in starts]))
            print(figures("cold start to till visible, PIN at READY", [m["TILL"] for m in starts]))
            ratio = statistics.median(ready) / statistics.median(bare)
            print(f"median ratio READY/bare: {ratio:.2f}x (target: under 2x and under 2 s)",
                  flush=True)
        if "cold" in parts:
            true_cold_starts(url, env, Path(folder), args.cold_starts)

        # in process, through the real widgets
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from ui.app import make_application

        app = make_application()
        db = Database(url)
        window = open_till_window(app, db)
        till_screen = window.till
        codes = iter(barcodes[i * 97 % len(barcodes)] for i in range(args.scans))

        def scan_one():
            if len(till_screen.cart.lines) >= 25:
                till_screen.new_cart()
            before = till_screen.cart_view.topLevelItemCount()
            QTest.keyClicks(till_screen.scan, next(codes))
            QTest.keyClick(till_screen.scan, Qt.Key.Key_Return)
            spin_until(app, lambda: till_screen.cart_view.topLevelItemCount() == before + 1)
            app.processEvents()  # and painted

        if "scan" in parts:
            print(figures("scan to line visible", timed(scan_one, args.scans)), flush=True)
        if "sheet" in parts:
            sheet_figures(app, window.till, scans=args.sheet_scans, marks=args.marks,
                          label=", SQLite")
            print("target (issue 16): main-unit scan under 50 ms p95 on SQLite", flush=True)
        if "stall" in parts:
            till_screen.new_cart()
            print(figures("worst stall: login, write lock held 3 s",
                          [locked_login(app, window, url) for _ in range(args.locked_logins)]),
                  flush=True)
            stalls = [notebook_scan(app, window.till) for _ in range(args.notebooks)]
            print(figures("worst stall: scanning a notebook", stalls), flush=True)
            print("target (issue 11): every stall under 100 ms", flush=True)
        window.close()
        db.dispose()
        if "pg" in parts:
            postgres_part(app, args, env, categories, catalog)
    # Qt and Python tearing down their objects in either order can crash at exit; the
    # figures are printed, so leave at once.
    os._exit(0)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
