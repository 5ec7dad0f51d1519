"""The composition root: logging, the QApplication, the database, the language, the
main window. `pos` with no arguments calls `run_app`.

The start is staged, so the login screen is up in about the time a bare Qt window takes:

1. On the GUI thread: the QApplication, logging, a read-only peek at the database file
   for the store name, language and staff (pos.db.peek, sqlite3 only), the translator,
   the main window with the login screen, shown. No SQLAlchemy, no services, no Babel.
2. After the first paint, on a worker thread: the database layer and the services are
   imported, the database opened, its file's structure checked (pos.db.health: a
   damaged file is refused with how to restore it, and nothing is sold from it), its
   schema checked (migrated, or a newer one refused), the context built. Back on the GUI thread the till is built and attached; a PIN
   typed meanwhile is checked then.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication, QEvent, QLibraryInfo, QObject, QTimer, QTranslator, Signal,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from pos.db.location import data_dir, resolve_url, this_terminal
from pos.db.peek import peek
from ui.gc_guard import GarbageCollector
from ui.i18n import Formats, choose_locale, translator_for
from ui.style import apply_style
from ui.worker import Worker

if TYPE_CHECKING:
    from pos.db.engine import Database
    from pos.store.details import StoreInfo
    from ui.ops import Ops

log = logging.getLogger("tickbox")


@dataclass
class AppContext:
    db: Database
    terminal: str
    store: StoreInfo
    locale: str
    formats: Formats
    worker: Worker
    ops: Ops  # every call from a widget into pos/ (ui.ops)
    # Sends due print jobs (printing.dispatch); None where nothing should print (tests).
    print_runner: object = None


@dataclass
class FirstRun:
    """The database has no store yet: the first-run wizard (ui.first_run) takes the
    login's place until one is set up or the demo is loaded."""

    db: Database
    terminal: str
    ops: Ops


def setup_logging() -> str:
    """Errors go to a rotating log in the user data folder, with their tracebacks
    (pos.kernel.logs: logs/tickbox.log, 5 x 1 MB)."""
    from pos.kernel.logs import start_logging

    path = start_logging(data_dir())
    return str(path) if path is not None else ""


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    if getattr(app, "_gc_guard", None) is None:
        app._gc_guard = GarbageCollector(app)  # collect cycles on the GUI thread only
    apply_style(app)  # the palette, the font (CJK first), the style sheet, no stock icons
    return app


def app_locale(explicit: str | None = None, store_locale: str | None = None) -> str:
    """The language: an explicit choice, else POS_LOCALE, else the store's setting, else
    the system's."""
    return choose_locale(explicit or os.environ.get("POS_LOCALE") or store_locale)


def make_context(db: Database, *, terminal: str, locale: str | None = None,
                 printing: bool = True, worker: Worker | None = None) -> AppContext:
    """The services' context. `worker` must be made on the GUI thread (its signals are
    delivered there); one is made here when not given."""
    from pos.store.details import store_info
    from ui.ops import Ops

    store = store_info(db, terminal=terminal)
    chosen = app_locale(locale, store.locale)
    def run_prints():
        # escpos and ReportLab load on the first print, in the background, not at start
        from printing.dispatch import run_due_jobs

        return run_due_jobs(db, terminal=terminal)

    runner = run_prints if printing else None
    worker = worker or Worker()
    formats = Formats(chosen, store.currency)
    formats.money(0)  # Babel's locale data, read now rather than at the first sale
    return AppContext(db=db, terminal=terminal, store=store, locale=chosen, formats=formats,
                      worker=worker, ops=Ops(db, worker), print_runner=runner)


def install_translator(app: QApplication, locale: str):
    """Our strings from ui/i18n, and Qt's own (OK, Cancel, ...) from the Qt install; the
    language installed before, if any, is removed."""
    previous = getattr(app, "_translator", None)
    if previous is not None:
        app.removeTranslator(previous)
        if getattr(previous, "qt_own", None) is not None:
            app.removeTranslator(previous.qt_own)
    translator = translator_for(locale)
    if translator is not None:
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{locale}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            translator.qt_own = qt_own
        app.installTranslator(translator)
    app._translator = translator  # keep a reference while it is installed
    return translator


def load_services(url: str, *, terminal: str, worker: Worker, locale: str | None = None):
    """Phase 2 of the start, on a worker thread: the database layer and the services,
    the database file checked (pos.db.health.quick_check) and brought to this version's
    schema (or a UserError: damaged, unreachable, newer), the context and the active
    staff; a database with no store yet gives a FirstRun instead (the wizard's, in the
    login's place). Creates no widget."""
    from pos.db import health
    from pos.db.engine import Database
    from pos.db.timeouts import Timeouts

    db = Database(url, timeouts=Timeouts.for_till())  # a cashier is told within seconds
    # Never sell from a damaged file. SQLite checks it without the GIL, on a thread of its
    # own, while the till's modules import here.
    checked = health.quick_check_in_background(db)
    try:
        import ui.checkout.till  # noqa: F401 - the till's modules load here, not on the GUI thread
        from pos.ledger.losses import seal_lost_documents
        from pos.people.staff import list_staff
        from ui import ops

        ops.preload()  # what the till's calls use, imported here rather than at the first scan
        checked()
        from pos.backup.upgrade import ensure_schema  # a checked backup before migrating

        ensure_schema(db)
        # A file that went back (a crash, an older copy) is sealed as such before the
        # first sale moves the witness on (pos.ledger.losses); it is in the audit trail.
        seal_lost_documents(db)
        from pos.setup.details import existing_store

        if existing_store(db) is None:  # a new database: the first-run wizard, not the login
            return FirstRun(db, terminal, ops.Ops(db, worker)), []
        context = make_context(db, terminal=terminal, worker=worker, locale=locale)
        people = list_staff(db)
    except BaseException:
        try:
            checked()  # the check's connection is back before the database closes
        except BaseException:  # noqa: BLE001, S110 - the first failure is the one to report
            pass
        db.dispose()
        raise
    return context, people


class StartFailure:
    """The start cannot go on; tests stand in for the person with monkeypatch on `tell`."""

    @classmethod
    def tell(cls, parent, text: str) -> None:
        QMessageBox.critical(parent, "Tickbox POS", text)


class Startup(QObject):
    """The staged start (see the module docstring). `ready`: the login screen is up;
    `loaded`: the till is attached; `failed` follows the message the person saw."""

    ready = Signal()
    loaded = Signal()
    failed = Signal(str)
    PAINT_WAIT_MS = 300  # phase 2 begins anyway if the login has not painted by then

    def __init__(self, app: QApplication, *, url: str, terminal: str, log_path: str = "",
                 load: Callable = load_services):
        super().__init__(app)
        self.app, self.url, self.terminal, self.log_path = app, url, terminal, log_path
        self.load = load
        self.worker = Worker()
        self.window = None
        self.locale = None
        self._loading = False

    def begin(self) -> None:
        """Phase 1: the login screen, from the peek, shown; phase 2 after its first paint."""
        first = peek(self.url, self.terminal)
        self.locale = app_locale(None, first.locale if first is not None else None)
        install_translator(self.app, self.locale)
        from ui.main_window import (
            MainWindow,  # after the translator, so every tr() sees it
        )

        self.window = MainWindow(first_screen=first)
        self.window.fit_screen()  # the whole screen: a till has no window manager to do it
        self.window.login.installEventFilter(self)
        self.window.show()
        # The screen is ready once the event loop has run what show() queued (the same
        # measure as a bare window's). Phase 2 waits for the first paint, so its imports
        # don't compete with the painting for the GIL; or for a moment, should a window
        # that cannot be seen never paint.
        QTimer.singleShot(0, self.ready.emit)
        QTimer.singleShot(self.PAINT_WAIT_MS, self._load_in_background)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and watched is self.window.login:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._load_in_background)  # after the whole frame
        return False

    def _load_in_background(self) -> None:
        if self._loading:
            return
        self._loading = True
        url, terminal, worker, load = self.url, self.terminal, self.worker, self.load
        self.worker.submit(lambda: load(url, terminal=terminal, worker=worker),
                           on_success=self._loaded, on_refused=self._refused,
                           on_crash=self._crashed)

    def _loaded(self, result) -> None:
        context, people = result
        if isinstance(context, FirstRun):
            self._first_run(context)
            return
        try:
            if context.locale != self.locale:  # the store's language, known only now
                self.locale = context.locale
                install_translator(self.app, self.locale)
            self.window.attach(context, people)
        except Exception:  # noqa: BLE001 - a bug: no till to log in to, so the start stops
            log.exception("the till could not be built")
            self._crashed("")
            return
        self.loaded.emit()

    def _first_run(self, first_run: FirstRun) -> None:
        """The wizard in the login's place; once a store is there, this start's phase 2
        again, which finds it and brings the login with its staff."""
        from ui.first_run import open_first_run

        self.first_run = first_run

        def set_up() -> None:
            first_run.db.dispose()
            self.first_run, self._loading = None, False
            self._load_in_background()

        open_first_run(self.window, first_run.ops, terminal=first_run.terminal,
                       locale=self.locale, set_language=self._set_language, done=set_up)

    def _set_language(self, locale: str) -> None:
        self.locale = locale
        install_translator(self.app, locale)

    def close(self) -> None:
        """At exit: background work (a sale completing, a print) finishes first, then the
        database closes, so SQLite folds its WAL back and the next start peeks a clean
        file."""
        self.worker.pool.waitForDone(5000)
        if getattr(self, "first_run", None) is not None:
            self.first_run.db.dispose()
        if self.window is not None and self.window.context is not None:
            self.window.context.db.dispose()

    def _refused(self, error) -> None:
        # A newer database, a terminal not set up: the same clear message as ever.
        from ui.messages import refusal_text

        text = refusal_text(error)
        StartFailure.tell(self.window, text)
        self.failed.emit(text)

    def _crashed(self, _summary: str) -> None:
        # The worker has logged the traceback; the person gets a short message.
        text = QCoreApplication.translate(
            "Messages", "Tickbox POS could not start. What went wrong was written to the "
            "log; call the manager.")
        if self.log_path:
            text += f"\n\n{self.log_path}"
        StartFailure.tell(self.window, text)
        self.failed.emit(text)


def start_app(*, db_url: str | None = None, terminal: str | None = None) -> Startup:
    """Phase 1 done, phase 2 queued to begin when the event loop runs."""
    log_path = setup_logging()
    app = make_application()

    def on_bug(kind, value, traceback):
        log.error("unexpected error", exc_info=(kind, value, traceback))
        QMessageBox.warning(None, "Tickbox POS",
                            app.translate("Messages", "Something went wrong and was written to "
                                          "the log. Nothing was lost; try again, or call the "
                                          "manager if it happens again.") + f"\n\n{log_path}")

    sys.excepthook = on_bug
    startup = Startup(app, url=resolve_url(db_url), terminal=this_terminal(terminal),
                      log_path=log_path)
    startup.begin()
    return startup


def run_app(*, db_url: str | None = None, terminal: str | None = None) -> int:
    startup = start_app(db_url=db_url, terminal=terminal)
    startup.failed.connect(lambda _message: startup.app.exit(1))
    from ui.quit_after import watch

    watch(startup)  # POS_QUIT_AFTER: checks that start the real app (packaging/smoke.py)
    code = startup.app.exec()
    startup.close()
    return code
