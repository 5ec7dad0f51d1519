"""The staged start as a cashier meets it: the login screen is up, with the staff read
from the database file, before the database layer has loaded; a PIN typed meanwhile
is neither lost nor let through unchecked."""

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from pos.db import schema
from pos.db.engine import Database
from pos.people.staff import hash_pin
from ui.app import StartFailure, Startup, install_translator, load_services, make_application

ROOT = Path(__file__).resolve().parents[2]
DEMO_STAFF = ["Li Na", "Wang Qiang", "Zhang Wei"]


class Gate:
    """Holds phase 2 (the database layer loading) until the test opens it."""

    def __init__(self):
        self.event = threading.Event()

    def open(self):
        self.event.set()

    def load(self, url, *, terminal, worker):
        assert self.event.wait(30), "the test never let the load go on"
        return load_services(url, terminal=terminal, worker=worker)


@pytest.fixture
def start(qtbot):
    """start(url, terminal="T01", load=None) -> Startup, begun (phase 1 done)."""
    app = make_application()
    begun, gates = [], []

    def begin(url, *, terminal="T01", load=None, gate=None):
        if gate is not None:
            gates.append(gate)
            load = gate.load
        startup = Startup(app, url=url, terminal=terminal, load=load or load_services)
        startup.begin()
        qtbot.addWidget(startup.window)
        begun.append(startup)
        return startup

    yield begin
    for gate in gates:
        gate.open()
    for startup in begun:
        startup.worker.pool.waitForDone(30_000)
        QCoreApplication.processEvents()  # deliver the last results: nothing attaches later
        startup.close()
    install_translator(app, "en")


@pytest.fixture
def demo_url(tmp_path, sqlite_demo_template):
    path = tmp_path / "tickbox.db"
    shutil.copyfile(sqlite_demo_template, path)
    return f"sqlite:///{path}"


def older_database(path: Path, *, locale: str = "en") -> str:
    """A store set up by the first version of Tickbox POS (schema 0001), never updated."""
    database = Database(f"sqlite:///{path}")
    schema.upgrade(database.engine, target="0001")
    with database.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO stores (code, name, address, phone, tax_id, currency, locale, "
            "receipt_footer) VALUES ('S01', 'Old Street store', '', '', '', 'CNY', ?, '')",
            (locale,))
        connection.exec_driver_sql("INSERT INTO terminals (code, store_id, name) "
                                   "VALUES ('T01', 1, 'T01')")
        connection.exec_driver_sql(
            "INSERT INTO staff (name, role, pin_hash, active, created_at) "
            "VALUES ('Li Na', 'cashier', ?, 1, '2020-01-01 00:00:00.000000')", (hash_pin("1111"),))
    database.dispose()
    return f"sqlite:///{path}"


def start_held(qtbot, start, url):
    """The staged start with phase 2 held back: (gate, startup) once the login is up."""
    gate = Gate()
    startup = start(url, gate=gate)
    with qtbot.waitSignal(startup.ready):
        pass
    return gate, startup


def tile_names(window) -> list[str]:
    return [button.property("staff_name") for button in window.login.group.buttons()]


def type_pin(qtbot, window, pin: str) -> None:
    qtbot.keyClicks(window.login.pin, pin)
    qtbot.keyClick(window.login.pin, Qt.Key.Key_Return)


def test_the_login_shows_the_staff_from_the_file_before_the_services_load(qtbot, start, demo_url):
    gate, startup = start_held(qtbot, start, demo_url)
    window = startup.window
    assert window.isVisible() and window.till is None  # the till comes with the services
    assert tile_names(window) == DEMO_STAFF
    assert window.login.group.checkedButton().property("staff_name") == "Li Na"
    assert window.login.store_label.text() == "Tickbox Digital, Xujiahui store · T01"
    # nothing to wait for while nobody has typed
    assert window.login.message.text() == "" and window.login.waiting.isHidden()
    gate.open()
    with qtbot.waitSignal(startup.loaded, timeout=30_000):
        pass
    assert tile_names(window) == DEMO_STAFF and window.till is not None


def test_a_pin_typed_before_the_services_load_logs_in_once_they_are_there(qtbot, start, demo_url):
    gate, startup = start_held(qtbot, start, demo_url)
    window = startup.window
    logins = []
    window.login.logged_in.connect(logins.append)
    window.login.choose("Wang Qiang")
    type_pin(qtbot, window, "2222")
    assert window.login.message.text() == "Starting…" and window.login.pin.text() == ""
    assert window.stack.currentWidget() is window.login and logins == []
    gate.open()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.till, timeout=30_000)
    assert "Wang Qiang" in window.till.staff_label.text()
    assert [person.name for person in logins] == ["Wang Qiang"]
    assert window.login.message.text() == ""


def test_a_wrong_pin_typed_early_is_refused_once_loaded(qtbot, start, demo_url):
    gate, startup = start_held(qtbot, start, demo_url)
    window = startup.window
    type_pin(qtbot, window, "1234")  # Li Na's is 1111
    gate.open()
    qtbot.waitUntil(lambda: window.login.message.text() == "Wrong PIN", timeout=30_000)
    assert window.stack.currentWidget() is window.login
    type_pin(qtbot, window, "1111")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.till)


def test_early_wrong_pins_count_towards_the_lockout(qtbot, start, demo_url):
    from sqlalchemy import text

    database = Database(demo_url)
    with database.unit_of_work() as session:  # four misses already today
        session.execute(text("UPDATE staff SET failed_pins = 4 WHERE name = 'Li Na'"))
    database.dispose()
    gate, startup = start_held(qtbot, start, demo_url)
    window = startup.window
    type_pin(qtbot, window, "0000")
    gate.open()
    qtbot.waitUntil(lambda: window.login.message.text() == "Wrong PIN", timeout=30_000)
    type_pin(qtbot, window, "1111")  # the right PIN, but the login is locked now
    qtbot.waitUntil(lambda: "locked for" in window.login.message.text())
    assert window.stack.currentWidget() is window.login


def test_a_database_that_needs_migrating_still_starts(qtbot, start, tmp_path):
    url = older_database(tmp_path / "old.db")
    startup = start(url)
    window = startup.window
    assert tile_names(window) == [] and window.login.waiting.text() == "Starting…"
    assert not window.login.waiting.isHidden()
    qtbot.keyClicks(window.login.pin, "11")  # typed while nobody's name is shown yet
    with qtbot.waitSignal(startup.loaded, timeout=60_000):
        pass
    assert tile_names(window) == ["Li Na"] and window.login.waiting.isHidden()
    assert window.login.store_label.text() == "Old Street store · T01"
    assert schema.current_revision(window.context.db.engine) == schema.HEAD
    type_pin(qtbot, window, "11")  # the first two digits are still there
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.till)


def test_a_file_that_went_back_is_sealed_as_such_when_the_till_starts(qtbot, start, demo_url):
    """Before the first sale moves the journal's witness on (pos.ledger.losses)."""
    from pos.ledger import losses, verify
    from tests.integration.test_witness import rolled_back, sealed_losses

    rolled_back(Database(demo_url)).dispose()
    startup = start(demo_url)
    with qtbot.waitSignal(startup.loaded, timeout=60_000):
        pass
    db = startup.window.context.db
    assert sealed_losses(db) == 1 and verify.verify(db).losses
    assert losses.seal_lost_documents(db) is None


def test_the_store_language_is_used_once_loaded_when_it_could_not_be_peeked(
        qtbot, start, tmp_path, monkeypatch):
    monkeypatch.delenv("POS_LOCALE", raising=False)
    url = older_database(tmp_path / "old.db", locale="zh_CN")
    startup = start(url)
    with qtbot.waitSignal(startup.loaded, timeout=60_000):
        pass
    window = startup.window
    # Qt tells every widget of the new language by a LanguageChange event
    qtbot.waitUntil(lambda: window.login.title.text() == "谁在收银？")
    assert (window.login.pin.placeholderText(), window.login.ok_button.text()) == ("密码 (PIN)", "确定")
    assert window.login.group.buttons()[0].text() == "Li Na\n收银员"
    assert window.windowTitle() == "Tickbox 收银系统 · Old Street store"


def test_a_terminal_not_set_up_is_told_plainly_and_the_start_stops(qtbot, start, demo_url,
                                                                  monkeypatch):
    told = []
    monkeypatch.setattr(StartFailure, "tell", classmethod(lambda cls, parent, text: told.append(text)))
    startup = start(demo_url, terminal="T09")
    assert tile_names(startup.window) == []  # the peek does not know T09
    with qtbot.waitSignal(startup.failed, timeout=30_000):
        pass
    assert len(told) == 1 and told[0].startswith("Terminal T09 is not set up in this database")


def test_a_bug_while_loading_is_logged_and_the_cashier_gets_a_short_message(
        qtbot, start, demo_url, monkeypatch, caplog):
    told = []
    monkeypatch.setattr(StartFailure, "tell", classmethod(lambda cls, parent, text: told.append(text)))

    def broken(url, *, terminal, worker):
        raise RuntimeError("the engine's secret internals")

    startup = start(demo_url, load=broken)
    with qtbot.waitSignal(startup.failed, timeout=30_000):
        pass
    assert told[0].startswith("Tickbox POS could not start.")
    assert "secret internals" not in told[0] and "Traceback" not in told[0]
    logged = [r for r in caplog.records if r.exc_info and "secret internals" in str(r.exc_info[1])]
    assert logged, "the traceback goes to the log"


START_PROBE = """
import sys
import ui.app

def observed(**options):
    startup = start_app(**options)

    def ready():
        heavy = sorted(name for name in sys.modules
                       if name.split(".")[0] in {"sqlalchemy", "alembic", "babel"})
        print("tiles", [b.property("staff_name") for b in startup.window.login.group.buttons()])
        print("loaded at the first frame", heavy, flush=True)
        startup.app.quit()

    startup.ready.connect(ready)
    return startup

start_app, ui.app.start_app = ui.app.start_app, observed
from pos.cli import main
main(["--db", sys.argv[1], "--terminal", "T01"])
"""


def test_the_pos_command_shows_the_login_before_loading_the_database_layer(demo_url, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "POS_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", START_PROBE, demo_url], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert f"tiles {DEMO_STAFF}" in result.stdout, result.stderr
    assert "loaded at the first frame []" in result.stdout, result.stderr
