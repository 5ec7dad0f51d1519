"""The first-run wizard's pages (ui.first_run): what each asks, its texts in the app's
language (again on a language change), and its values as plain data. The pages call
nothing; the wizard checks each page through ui.ops.setup when the person goes on.
Here the welcome, the store, the administrator and the tills; the files, the printer
and the summary are in ui.first_run_files."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup, QFormLayout, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

FIELD_WIDTH = 460  # a line of a form: the longest address fits, the window never widens
MAX_TILLS = 8
LANGUAGES = (("en", "English"), ("zh_CN", "中文"))  # each in its own language


def label(object_name: str = "", *, wrap: bool = True) -> QLabel:
    widget = QLabel()
    widget.setWordWrap(wrap)
    if object_name:
        widget.setObjectName(object_name)
    return widget


def button(kind: str = "") -> QPushButton:
    widget = QPushButton()
    if kind:
        widget.setProperty("class", kind)
    return widget


def field(*, width: int = FIELD_WIDTH, max_length: int = 200) -> QLineEdit:
    widget = QLineEdit()
    widget.setFixedWidth(width)
    widget.setMaxLength(max_length)
    return widget


class Page(QWidget):
    """A page: its title and what it is for; its texts again on a language change."""

    def __init__(self):
        super().__init__()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(12)
        self.intro = label("muted")
        self.layout_.addWidget(self.intro)

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def first_field(self) -> QWidget | None:
        return None

    def changeEvent(self, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class WelcomePage(Page):
    """The language, and the two ways in: a new store, or the demo."""

    language_chosen = Signal(str)
    set_up = Signal()
    demo = Signal()

    def __init__(self, locale: str):
        super().__init__()
        self.locale = locale
        self.language_label = label("heading")
        self.languages = QButtonGroup(self)
        row = QHBoxLayout()
        for code, name in LANGUAGES:
            choice = button()
            choice.setText(name)
            choice.setCheckable(True)
            choice.setMinimumWidth(160)
            choice.setChecked(code == locale)
            choice.setProperty("locale", code)
            choice.clicked.connect(lambda _=False, code=code: self.language_chosen.emit(code))
            self.languages.addButton(choice)
            row.addWidget(choice)
        row.addStretch(1)
        self.language_hint = label("hint")
        self.set_up_button = button("primary")
        self.set_up_button.clicked.connect(self.set_up.emit)
        self.demo_button = button("secondary")
        self.demo_button.clicked.connect(self.demo.emit)
        self.demo_hint = label("hint")
        actions = QHBoxLayout()
        actions.addWidget(self.set_up_button)
        actions.addWidget(self.demo_button)
        actions.addStretch(1)
        for item in (self.language_label, row, self.language_hint, actions, self.demo_hint):
            (self.layout_.addLayout if isinstance(item, QHBoxLayout) else self.layout_.addWidget)(item)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Welcome to Tickbox POS")

    def retranslate(self) -> None:
        self.intro.setText(self.tr(
            "This database has no store yet. Set up your own store in a few steps: its "
            "details, an administrator, the tills, the catalog and the receipt printer. Or "
            "load the demo store to look around first."))
        self.language_label.setText(self.tr("Language of the till, receipts and sheets"))
        self.language_hint.setText(self.tr("Switches at once; change it later with pos store set locale=en (or zh_CN)."))
        self.set_up_button.setText(self.tr("Set up my store [Enter]"))
        self.demo_button.setText(self.tr("Load the demo store [F2]"))
        self.demo_hint.setText(self.tr(
            "The demo fills this database with a sample electronics store, its staff and "
            "their PINs (in the README). Set up your own store on an empty database."))

    def first_field(self) -> QWidget:
        return self.set_up_button

    def show_language(self, locale: str) -> None:
        self.locale = locale
        for choice in self.languages.buttons():
            choice.setChecked(choice.property("locale") == locale)


class FormPage(Page):
    """A page of labelled fields."""

    def __init__(self):
        super().__init__()
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(10)
        self.layout_.addLayout(self.form)
        self.labels: list[QLabel] = []
        self.hint = label("hint")
        self.layout_.addWidget(self.hint)

    def add_row(self, widget: QWidget) -> QWidget:
        row_label = QLabel()
        self.labels.append(row_label)
        self.form.addRow(row_label, widget)
        return widget

    def name_rows(self, *texts: str) -> None:
        for row_label, text in zip(self.labels, texts):
            row_label.setText(text)


class StorePage(FormPage):
    def __init__(self):
        super().__init__()
        self.name = self.add_row(field())
        self.address = self.add_row(field(max_length=300))
        self.phone = self.add_row(field(width=260, max_length=40))
        self.tax_id = self.add_row(field(width=260, max_length=40))
        self.retranslate()

    def title(self) -> str:
        return self.tr("Your store")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Receipts and configuration sheets print these at the top."))
        self.name_rows(self.tr("Store name"), self.tr("Address"), self.tr("Phone"),
                       self.tr("Tax ID"))
        self.name.setPlaceholderText(self.tr("e.g. Tickbox Digital, Xujiahui store"))
        self.tax_id.setPlaceholderText(self.tr("unified social credit code"))
        self.hint.setText(self.tr("Only the name is required; the rest can be added later "
                                  "(pos store set)."))

    def first_field(self) -> QWidget:
        return self.name

    def values(self) -> dict:
        return {"name": self.name.text(), "address": self.address.text(),
                "phone": self.phone.text(), "tax_id": self.tax_id.text()}


class AdminPage(FormPage):
    def __init__(self):
        super().__init__()
        self.name = self.add_row(field(max_length=120))
        self.pin = self.add_row(field(width=200, max_length=8))
        self.pin_again = self.add_row(field(width=200, max_length=8))
        digits = QRegularExpressionValidator(QRegularExpression("[0-9]{0,8}"), self)
        for pin in (self.pin, self.pin_again):
            pin.setValidator(digits)
            pin.setEchoMode(QLineEdit.EchoMode.Password)
            pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.retranslate()

    def title(self) -> str:
        return self.tr("The administrator")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("The administrator logs in first, adds the staff and "
                                   "changes the settings."))
        self.name_rows(self.tr("Name"), self.tr("PIN"), self.tr("PIN again"))
        self.hint.setText(self.tr("4 to 8 digits that are not easy to guess: not 1234, "
                                  "1111, a year or a date of birth."))

    def first_field(self) -> QWidget:
        return self.name

    def values(self) -> dict:
        return {"name": self.name.text(), "pin": self.pin.text(),
                "pin_again": self.pin_again.text()}


class TillsPage(Page):
    """One row per till: its code and name; this computer's first."""

    def __init__(self, terminal: str):
        super().__init__()
        self.terminal = terminal
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.code_label, self.name_label = label("muted"), label("muted")
        self.grid.addWidget(self.code_label, 0, 0)
        self.grid.addWidget(self.name_label, 0, 1)
        self.grid.setColumnStretch(2, 1)  # the rows keep to the left
        self.layout_.addLayout(self.grid)
        self.rows: list[tuple[QLineEdit, QLineEdit]] = []
        self.add_button = button("secondary")
        self.add_button.clicked.connect(self.add_till)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.hint = label("hint")
        self.layout_.addWidget(self.hint)
        self.default_name = ""
        self.add_till()
        self.rows[0][0].setText(terminal)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Tills")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Each till has a short code (printed on receipts: T01-000123) "
                                   "and a name. More can be added later."))
        self.code_label.setText(self.tr("Code"))
        self.name_label.setText(self.tr("Name"))
        self.add_button.setText(self.tr("Add a till [F3]"))
        self.hint.setText(self.tr("This computer is till {code}.").format(code=self.terminal))
        # this computer's till is named in the language chosen, until someone names it
        name = self.tr("Front till")
        if self.rows[0][1].text() in ("", self.default_name):
            self.rows[0][1].setText(name)
        self.default_name = name

    def add_till(self) -> None:
        if len(self.rows) >= MAX_TILLS:
            return
        code, name = field(width=120, max_length=20), field(width=340, max_length=120)
        self.grid.addWidget(code, len(self.rows) + 1, 0)
        self.grid.addWidget(name, len(self.rows) + 1, 1)
        self.rows.append((code, name))
        self.add_button.setEnabled(len(self.rows) < MAX_TILLS)
        if len(self.rows) > 1:
            code.setFocus()

    def first_field(self) -> QWidget:
        return self.rows[0][1]

    def values(self) -> list[tuple[str, str]]:
        return [(code.text(), name.text()) for code, name in self.rows]
