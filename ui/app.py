"""The composition root: logging, the QApplication, the database, the language, the
main window. `pos` with no arguments calls `run_app`."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from dataclasses import dataclass

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from pos import schema
from pos.db import Database, data_dir, resolve_url
from pos.errors import UserError
from pos.store import StoreInfo, store_info, this_terminal
from ui.i18n import Formats, choose_locale, translator_for
from ui.style import FONT_FAMILIES, STYLESHEET
from ui.gc_guard import GarbageCollector
from ui.worker import Worker

log = logging.getLogger("tickbox")


@dataclass
class AppContext:
    db: Database
    terminal: str
    store: StoreInfo
    locale: str
    formats: Formats
    worker: Worker
    # Sends due print jobs (printing.dispatch); None where nothing should print (tests).
    print_runner: object = None


def setup_logging() -> str:
    """Errors go to a rotating log in the user data folder, with their tracebacks."""
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "tickbox.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return str(path)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    if getattr(app, "_gc_guard", None) is None:
        app._gc_guard = GarbageCollector(app)  # collect cycles on the GUI thread only
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(11)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)
    return app


def make_context(db: Database, *, terminal: str, locale: str | None = None,
                 printing: bool = True) -> AppContext:
    store = store_info(db, terminal=terminal)
    chosen = choose_locale(locale or store.locale)
    def run_prints():
        # escpos and ReportLab load on the first print, in the background, not at start
        from printing.dispatch import run_due_jobs

        return run_due_jobs(db, terminal=terminal)

    runner = run_prints if printing else None
    return AppContext(db=db, terminal=terminal, store=store, locale=chosen,
                      formats=Formats(chosen, store.currency), worker=Worker(),
                      print_runner=runner)


def install_translator(app: QApplication, locale: str):
    """Our strings from ui/i18n, and Qt's own (OK, Cancel, ...) from the Qt install."""
    translator = translator_for(locale)
    if translator is not None:
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{locale}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            translator.qt_own = qt_own
        app.installTranslator(translator)
    return translator


def run_app(*, db_url: str | None = None, terminal: str | None = None) -> int:
    log_path = setup_logging()
    app = make_application()
    try:
        db = Database(resolve_url(db_url))
        schema.ensure_schema(db.engine)
        context = make_context(db, terminal=this_terminal(terminal))
    except UserError as exc:
        QMessageBox.critical(None, "Tickbox POS", str(exc))
        return 1
    app._translator = install_translator(app, context.locale)  # keep a reference

    def on_bug(kind, value, traceback):
        log.error("unexpected error", exc_info=(kind, value, traceback))
        QMessageBox.warning(None, "Tickbox POS",
                            app.translate("Messages", "Something went wrong and was written to "
                                          "the log. Nothing was lost; try again, or call the "
                                          "manager if it happens again.") + f"\n\n{log_path}")

    sys.excepthook = on_bug
    from ui.main_window import MainWindow  # after the translator, so every tr() sees it

    window = MainWindow(context)
    window.resize(1366, 768)
    window.show()
    return app.exec()
