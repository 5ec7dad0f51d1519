"""The first-run wizard's last pages (ui.first_run): the catalog and sheets files, the
receipt printer, and the summary before Create. Like ui.first_run_pages, they call
nothing: the wizard checks them through ui.ops.setup."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QWidget,
)

from ui.first_run_pages import FIELD_WIDTH, Page, button, field, label


class FilePicker:
    """Choosing a file; tests stand in for the person with monkeypatch on `ask`."""

    @classmethod
    def ask(cls, parent: QWidget, title: str, kinds: str) -> str:
        return QFileDialog.getOpenFileName(parent, title, "", kinds)[0]


class FilesPage(Page):
    """The categories, the catalog and the checklists: files, each optional."""

    KINDS = {"categories": "CSV (*.csv)", "catalog": "CSV (*.csv)", "checklists": "TOML (*.toml)"}

    def __init__(self):
        super().__init__()
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.labels: dict[str, QLabel] = {}
        self.paths: dict[str, QLineEdit] = {}
        self.choose: dict[str, QPushButton] = {}
        for row, kind in enumerate(self.KINDS):
            self.labels[kind] = QLabel()
            self.paths[kind] = field(width=420, max_length=1000)
            self.choose[kind] = button("secondary")
            self.choose[kind].clicked.connect(lambda _=False, kind=kind: self.pick(kind))
            grid.addWidget(self.labels[kind], row, 0)
            grid.addWidget(self.paths[kind], row, 1)
            grid.addWidget(self.choose[kind], row, 2)
        grid.setColumnStretch(3, 1)  # the buttons keep their size
        self.layout_.addLayout(grid)
        self.hint = label("hint")
        self.layout_.addWidget(self.hint)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Catalog and sheets")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Import the store's products and its configuration sheets "
                                   "now, or later with pos catalog import and pos checklists "
                                   "import. Each file is checked before anything is saved."))
        self.labels["categories"].setText(self.tr("Categories"))
        self.labels["catalog"].setText(self.tr("Catalog (CSV)"))
        self.labels["checklists"].setText(self.tr("Sheets and cards (TOML)"))
        self.paths["categories"].setPlaceholderText(self.tr("the standard categories"))
        self.paths["catalog"].setPlaceholderText(self.tr("no catalog yet"))
        self.paths["checklists"].setPlaceholderText(self.tr("no sheets yet"))
        for choose in self.choose.values():
            choose.setText(self.tr("Choose…"))
        self.hint.setText(self.tr("The standard categories are desktop PCs, notebooks, "
                                  "phones, tablets, cameras and their accessories; a catalog "
                                  "names them by code (NOTEBOOK, PHONE…). The README describes "
                                  "both files."))

    def pick(self, kind: str) -> None:
        path = FilePicker.ask(self, self.labels[kind].text(), self.KINDS[kind])
        if path:
            self.paths[kind].setText(path)

    def first_field(self) -> QWidget:
        return self.paths["catalog"]

    def values(self) -> dict:
        return {kind: path.text().strip() for kind, path in self.paths.items()}


class PrinterPage(Page):
    """This till's receipt printer, with a test page."""

    NONE, NETWORK, URI = range(3)

    def __init__(self):
        super().__init__()
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        self.kind_label, self.address_label, self.paper_label = QLabel(), QLabel(), QLabel()
        self.kind = QComboBox()
        self.kind.addItems(["", "", ""])
        self.kind.setFixedWidth(FIELD_WIDTH)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.address = field(max_length=500)
        self.paper = QComboBox()
        self.paper.addItems(["80 mm", "58 mm"])
        self.paper.setFixedWidth(160)
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.address_label, self.address)
        form.addRow(self.paper_label, self.paper)
        self.layout_.addLayout(form)
        self.test_button = button("secondary")
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.result = label()
        self.layout_.addWidget(self.result)
        self.retranslate()
        self._kind_changed()

    def title(self) -> str:
        return self.tr("Receipt printer")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Where this till prints its receipts. Without a printer, "
                                   "receipts are saved as PDF previews in the data folder."))
        self.kind_label.setText(self.tr("Printer"))
        self.address_label.setText(self.tr("Address"))
        self.paper_label.setText(self.tr("Paper"))
        for index, text in enumerate((self.tr("None yet: PDF previews"),
                                      self.tr("Network printer (IP address)"),
                                      self.tr("USB, serial or file (printer URI)"))):
            self.kind.setItemText(index, text)
        self.test_button.setText(self.tr("Print a test page [F5]"))
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentIndex()
        self.address.setEnabled(kind != self.NONE)
        self.address.setPlaceholderText(
            {self.NONE: "", self.NETWORK: "192.168.1.50",
             self.URI: "usb://04b8:0202  serial:///dev/ttyUSB0  file:///dev/usb/lp0"}[kind])
        self.result.setText("")

    def uri(self) -> str | None:
        """The printer as a URI (pos printers set --receipt), None for PDF previews."""
        kind, text = self.kind.currentIndex(), self.address.text().strip()
        if kind == self.NONE:
            return None
        if kind == self.NETWORK and text and "://" not in text:
            return f"network://{text}"
        return text

    def paper_mm(self) -> int:
        return 58 if self.paper.currentIndex() == 1 else 80

    def first_field(self) -> QWidget:
        return self.kind

    def say(self, text: str, *, error: bool) -> None:
        self.result.setObjectName("error" if error else "success")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.result.setText(text)


class SummaryPage(Page):
    """What will be created, before it is."""

    def __init__(self):
        super().__init__()
        self.facts = QFormLayout()
        self.facts.setHorizontalSpacing(16)
        self.facts.setVerticalSpacing(6)
        self.layout_.addLayout(self.facts)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Check and create")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("This is what will be set up. Go back to change anything; "
                                   "nothing is saved until Create."))

    def show_facts(self, rows: list[tuple[str, str]]) -> None:
        while self.facts.rowCount():
            self.facts.removeRow(0)
        for name, value in rows:
            text = label(wrap=True)
            text.setText(value)
            text.setFixedWidth(FIELD_WIDTH + 120)
            name_label = label("muted", wrap=False)
            name_label.setText(name)
            self.facts.addRow(name_label, text)
