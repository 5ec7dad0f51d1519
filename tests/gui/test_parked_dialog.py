"""The parked sales list: its counts read right and its buttons show their keys."""

from PySide6.QtWidgets import QPushButton

from pos.selling.parking import ParkedInfo
from ui.checkout.dialogs import ParkedDialog
from ui.i18n import Formats


def test_the_parked_list_counts_its_lines_and_shows_its_keys(qtbot):
    parked = [ParkedInfo("a" * 36, "Chen Jie", 1, 5999_00),
              ParkedInfo("b" * 36, "Li Na", 4, 7536_90)]
    dialog = ParkedDialog(parked, Formats("en"))
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert texts[0].startswith("Chen Jie · 1 line · ") and texts[1].startswith("Li Na · 4 lines · ")
    buttons = {button.text() for button in dialog.findChildren(QPushButton)}
    assert {"Resume [Enter]", "Cancel [Esc]"} <= buttons
    assert dialog.chosen == "a" * 36
