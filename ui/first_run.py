"""The first-run wizard: on a database with no store, the app shows it instead of the
login (ui.app). It asks the language and offers the demo store (one button), or sets up
the store's own: its details, the administrator, the tills, the catalog and sheets, the
receipt printer with a test page, then a last look before Create. Each page is checked
by the setup service (pos.setup, through ui.ops.setup) when the person goes on: a
refusal is said under the page, which keeps what was typed, and nothing is written
until Create, which checks everything again and writes it all (pos.setup.new_store).
Then the app loads the new store and the login shows the administrator.

Keys: Enter goes on, Esc goes back, F2 loads the demo (first page), F3 adds a till, F5
prints the test page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLineEdit, QPushButton, QScrollArea, QStackedWidget, QVBoxLayout,
    QWidget,
)

from ui.first_run_files import FilesPage, PrinterPage, SummaryPage
from ui.first_run_pages import (
    LANGUAGES, AdminPage, StorePage, TillsPage, WelcomePage, button, label,
)
from ui.ops import setup as calls

PANEL_WIDTH, PANEL_HEIGHT = 860, 660


class FirstRunWizard(QWidget):
    finished = Signal()  # a store is there now (set up, or the demo): the app loads it

    def __init__(self, ops, *, terminal: str, locale: str,
                 set_language: Callable[[str], None] | None = None):
        super().__init__()
        self.ops, self.terminal, self.locale = ops, terminal, locale
        self.set_language = set_language
        self.running = False  # a check or the setup is on its way
        self.details = self.admin_name = self.till_list = self.checked_files = None
        self.welcome = WelcomePage(locale)
        self.store, self.admin, self.tills = StorePage(), AdminPage(), TillsPage(terminal)
        self.files, self.printer, self.summary = FilesPage(), PrinterPage(), SummaryPage()
        self.steps = [self.store, self.admin, self.tills, self.files, self.printer, self.summary]
        self.pages = QStackedWidget()
        for page in [self.welcome, *self.steps]:
            page.layout_.addStretch(1)  # a page reads from the top; the room is below
            self.pages.addWidget(page)
        self.title = label("dialogTitle", wrap=False)
        self.title.setIndent(0)
        self.step = label("muted", wrap=False)
        self.error = label("error")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        errors = QScrollArea()  # a file's every bad line, without growing the window
        errors.setWidget(self.error)
        errors.setWidgetResizable(True)
        errors.setFrameShape(QFrame.Shape.NoFrame)
        errors.setMaximumHeight(150)
        self.errors = errors
        self.back_button, self.next_button = button("secondary"), button("primary")
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next_step)
        self._lay_out()
        self.welcome.language_chosen.connect(self.choose_language)
        self.welcome.set_up.connect(self.next_step)
        self.welcome.demo.connect(self.load_demo)
        self.printer.test_button.clicked.connect(self.test_print)
        for line in self.findChildren(QLineEdit):  # typing again clears the red mark
            line.textEdited.connect(lambda _text, line=line: self._mark(line, False))
        self.go(self.welcome)

    def _lay_out(self) -> None:
        scroller = QScrollArea()  # no page may widen or heighten the window
        scroller.setWidget(self.pages)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        panel = QFrame()
        panel.setObjectName("panel")
        panel.setFixedWidth(PANEL_WIDTH)
        inside = QVBoxLayout(panel)
        inside.setContentsMargins(32, 24, 32, 24)
        inside.setSpacing(12)
        inside.addWidget(self.step)
        inside.addWidget(self.title)
        inside.addWidget(scroller, 1)
        inside.addWidget(self.errors)
        inside.addLayout(nav)
        panel.setMaximumHeight(PANEL_HEIGHT)
        column = QVBoxLayout()  # a card in the middle; on a small screen, the whole height
        column.addStretch(1)
        column.addWidget(panel, 100)
        column.addStretch(1)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 16, 16, 16)
        outer.addStretch(1)
        outer.addLayout(column)
        outer.addStretch(1)

    # moving through the pages ------------------------------------------------------------
    @property
    def page(self):
        return self.pages.currentWidget()

    def go(self, page) -> None:
        self.pages.setCurrentWidget(page)
        self.say("")
        if page is self.summary:
            self.summary.show_facts(self.facts())
        self.retranslate()
        target = page.first_field()
        (target or self.next_button).setFocus()

    def retranslate(self) -> None:
        page = self.page
        self.title.setText(page.title())
        first = page is self.welcome
        self.step.setText("" if first else self.tr("Step {n} of {total}").format(
            n=self.steps.index(page) + 1, total=len(self.steps)))
        self.step.setVisible(not first)
        self.back_button.setVisible(not first)
        self.next_button.setVisible(not first)
        self.back_button.setText(self.tr("Back [Esc]"))
        self.next_button.setText(self.tr("Create the store [Enter]") if page is self.summary
                                 else self.tr("Next [Enter]"))
        if page is self.summary:
            self.summary.show_facts(self.facts())

    def changeEvent(self, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        """The wizard's keys. Key presses the fields leave alone (Enter, Esc, F-keys) come
        up to here, also on a kiosk with no window manager, where the window may never be
        the active one that shortcuts need."""
        key, page = event.key(), self.page
        focused = self.focusWidget()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if isinstance(focused, QPushButton) and focused.isEnabled() and focused not in (
                    self.next_button, self.back_button):
                focused.click()  # Enter on a button presses it (Choose…, Add a till)
            else:
                self.next_step()
        elif key == Qt.Key.Key_Escape:
            self.back()
        elif key == Qt.Key.Key_F2 and page is self.welcome:
            self.load_demo()
        elif key == Qt.Key.Key_F3 and page is self.tills:
            self.tills.add_till()
        elif key == Qt.Key.Key_F5 and page is self.printer:
            self.test_print()
        else:
            super().keyPressEvent(event)

    def back(self) -> None:
        if self.running or self.page is self.welcome:
            return
        index = self.steps.index(self.page)
        self.go(self.steps[index - 1] if index else self.welcome)

    def next_step(self) -> None:
        """Check the page through the setup service; on to the next once it passes."""
        if self.running:
            return
        page = self.page
        if page is self.welcome:
            self.go(self.store)
        elif page is self.store:
            self._check(calls.check_store(**self.store.values(), locale=self.locale),
                        lambda details: self._passed("details", details))
        elif page is self.admin:
            self._check(calls.check_admin(**self.admin.values()),
                        lambda name: self._passed("admin_name", name))
        elif page is self.tills:
            self._check(calls.check_tills(tills=self.tills.values(), this_terminal=self.terminal),
                        lambda tills: self._passed("till_list", tills))
        elif page is self.files:
            self._check(calls.check_files(locale=self.locale, **self.files.values()),
                        lambda files: self._passed("checked_files", files))
        elif page is self.printer:
            self._check(calls.check_printer(uri=self.printer.uri(), paper_mm=self.printer.paper_mm(),
                                            terminal=self.terminal),
                        lambda _entry: self._passed("", None))
        else:
            self._check(calls.set_up_store(
                store=self.details, admin_name=self.admin_name, admin_pin=self.admin.pin.text(),
                tills=self.tills.values(), this_terminal=self.terminal,
                printer_uri=self.printer.uri(), paper_mm=self.printer.paper_mm(),
                **self.files.values()), lambda _result: self.finished.emit())

    def _passed(self, name: str, value) -> None:
        if name:
            setattr(self, name, value)
        self.go(self.steps[self.steps.index(self.page) + 1])

    def _check(self, call, done) -> None:
        self.running = True
        self.say("")
        self.ops.run(call, parent=self, done=lambda result: self._answered(done, result),
                     refused=self._refused, crashed=self._crashed,
                     disable=[self.next_button, self.back_button])

    def _answered(self, then, result) -> None:
        self.running = False
        then(result)

    def _refused(self, error) -> None:
        from ui.messages import refusal_text

        self.running = False
        self.say(refusal_text(error))
        widget = self._field_of(error)
        if widget in (self.admin.pin, self.admin.pin_again):  # typed again, unseen, both
            self.admin.pin.clear()
            self.admin.pin_again.clear()
            widget = self.admin.pin
        if widget is not None:
            self._mark(widget, True)
            widget.setFocus()

    def _crashed(self) -> None:
        from ui.messages import bug_message

        self.running = False
        self.say(bug_message())

    def say(self, text: str) -> None:
        self.error.setText(text)
        self.errors.setVisible(bool(text))

    def _field_of(self, error) -> QWidget | None:
        """The field a refusal is about, on the page shown."""
        page, message_id = self.page, error.message_id
        field = error.params.get("field") if message_id.startswith("text.") else None
        if page is self.store:
            return {"setup.needs_store_name": page.name, "setup.bad_phone": page.phone,
                    "setup.bad_tax_id": page.tax_id, "setup.tax_id_check": page.tax_id,
                    }.get(message_id) or {"field.store_name": page.name,
                                          "field.address": page.address,
                                          "field.phone": page.phone,
                                          "field.tax_id": page.tax_id}.get(field)
        if page is self.admin:
            if message_id in ("setup.needs_admin_name", "text.too_long", "text.control_characters"):
                return page.name
            return page.pin_again if message_id == "staff.pins_differ" else page.pin
        if page is self.printer:
            return page.address
        if page is self.files:  # the file refused, by what it was or where it is
            what = {"import.categories": "categories", "import.catalog": "catalog",
                    "import.checklists": "checklists"}.get(str(error.params.get("what", "")))
            path = error.params.get("path")
            kind = what or next((kind for kind, field in page.paths.items()
                                 if path and field.text().strip() == path), None)
            if kind is None and message_id.startswith("checklist."):
                kind = "checklists"  # not UTF-8, not TOML
            return page.paths.get(kind) if kind else None
        return None

    @staticmethod
    def _mark(widget: QWidget, error: bool) -> None:
        if widget.property("error") == error:
            return
        widget.setProperty("error", error)
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    # the first page's choices, and the test page ------------------------------------------
    def choose_language(self, locale: str) -> None:
        self.locale = locale
        self.welcome.show_language(locale)
        self.welcome.set_up_button.setFocus()  # Enter goes on, in the language chosen
        if self.set_language is not None:
            self.set_language(locale)  # every page retranslates on Qt's LanguageChange

    def load_demo(self) -> None:
        if self.running:
            return
        self.running = True
        self.ops.run(calls.load_demo(locale=self.locale), parent=self,
                     done=lambda _summary: self._answered(lambda _: self.finished.emit(), None),
                     refused=self._refused, crashed=self._crashed,
                     disable=[self.welcome.demo_button, self.welcome.set_up_button])

    def test_print(self) -> None:
        if self.running or self.page is not self.printer:
            return
        self.running = True
        self.printer.say(self.tr("Printing…"), error=False)
        self.ops.run(calls.print_test_page(uri=self.printer.uri(), paper_mm=self.printer.paper_mm(),
                                           store=self.details),
                     parent=self, done=self._printed, refused=self._not_printed,
                     crashed=self._crashed, disable=[self.printer.test_button])

    def _printed(self, where: str) -> None:
        self.running = False
        self.printer.say(self.tr("Test page sent to {where}. Check the paper.").format(
            where=where), error=False)

    def _not_printed(self, error) -> None:
        from ui.messages import refusal_text

        self.running = False
        self.printer.say(refusal_text(error), error=True)

    # the last page --------------------------------------------------------------------------
    def facts(self) -> list[tuple[str, str]]:
        details, files = self.details, self.checked_files
        if details is None or files is None:
            return []
        none = self.tr("none yet")
        if files.category_rows is None:
            categories = self.tr("as in the database")
        elif files.standard_categories:
            categories = self.tr("the {n} standard categories").format(n=len(files.category_rows))
        else:
            categories = self.tr("{n} from the file").format(n=len(files.category_rows))
        printer = self.printer.uri() or self.tr("PDF previews")
        return [
            (self.tr("Store"), details.name),
            (self.tr("Details"), " · ".join(x for x in (details.address, details.phone,
                                                       details.tax_id) if x) or none),
            (self.tr("Language"), dict(LANGUAGES)[details.locale]),
            (self.tr("Administrator"), self.admin_name or ""),
            (self.tr("Tills"), self.tr(", ").join(f"{till.code} {till.name}"
                                                  for till in self.till_list or ())),
            (self.tr("Categories"), categories),
            (self.tr("Catalog"), self.tr("{n} products").format(n=files.products)
             if files.catalog_rows is not None else none),
            (self.tr("Sheets and cards"),
             self.tr("{sheets} sheets, {tiers} service tiers").format(
                 sheets=files.sheets, tiers=files.tiers) if files.checklists is not None else none),
            (self.tr("Receipt printer"), f"{printer} · {self.printer.paper_mm()} mm"),
        ]


def open_first_run(window, ops, *, terminal: str, locale: str,
                   set_language: Callable[[str], None] | None, done: Callable[[], None]):
    """The wizard in the main window in the login's place (ui.app, when the database has
    no store); once the store is there, the login again and `done()` (the app loads)."""
    wizard = FirstRunWizard(ops, terminal=terminal, locale=locale, set_language=set_language)
    window.stack.addWidget(wizard)
    window.stack.setCurrentWidget(wizard)

    def finished():
        window.stack.setCurrentWidget(window.login)
        window.stack.removeWidget(wizard)
        wizard.deleteLater()
        done()

    wizard.finished.connect(finished)
    wizard.go(wizard.welcome)
    window.activateWindow()  # a kiosk without a window manager: the keys come here
    return wizard
