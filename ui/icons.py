"""Icons: the Lucide set, vendored as SVG files in ui/assets/lucide (ISC licence, see its
README), drawn with QtSvg in any colour. No stock Qt icon and nothing drawn by hand.

    icon("printer")                  # the ink colour, greyed when the button is disabled
    icon("lock", color="#ffffff")    # on a coloured (primary, danger) button
    svg_file("chevron-down", "#59636e")  # a file for a style sheet's url(...)

`apply_icons(till)` puts icons on the till's main buttons, found by their attribute
names (TILL_ICONS); a button that is not there (yet) is skipped. A button's icon follows
its look: white on a primary, danger or checked button, ink otherwise, also when the
screen changes the button's objectName later (the printer button turns "danger")."""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractButton

from pos.kernel.resources import package_dir

ICON_DIR = package_dir("ui") / "assets" / "lucide"  # beside the modules, or in the frozen app
INK, ON_COLOUR, DISABLED = "#1f2328", "#ffffff", "#8c959f"
RENDER_SIZES = (16, 20, 24, 32, 48)
BUTTON_ICON = QSize(20, 20)

# The till's buttons, by attribute name, and their icons. Engineers adding a button to
# the till add a line here; names not on the till are skipped.
TILL_ICONS = {
    "find_button": "search",
    "audit_button": "scroll-text",
    "report_button": "chart-column",
    "close_shift_button": "calendar-check",
    "drawer_button": "banknote",
    "settings_button": "settings",
    "printer_button": "printer",
    "reprint_button": "receipt-text",
    "lock_button": "lock",
    "customer_button": "user-round",
    "history_button": "history",
    "exchange_button": "arrow-left-right",
    "remove_button": "trash-2",
    "cancel_button": "circle-x",
    "park_button": "circle-pause",
    "resume_button": "circle-play",
    "pay_button": "wallet",
}


def names() -> list[str]:
    """Every icon that ships with the app."""
    return sorted(path.stem for path in ICON_DIR.glob("*.svg"))


@lru_cache(maxsize=None)
def svg_bytes(name: str, color: str = INK) -> bytes:
    """The icon's SVG with its strokes (and any fill that follows them) in `color`."""
    path = ICON_DIR / f"{name}.svg"
    if not path.is_file():
        raise KeyError(f"no icon named {name!r} in {ICON_DIR}")
    return path.read_bytes().replace(b"currentColor", color.encode("ascii"))


def pixmap(name: str, size: int = 24, color: str = INK, ratio: float = 1.0) -> QPixmap:
    from PySide6.QtSvg import QSvgRenderer  # loaded with the first icon, not at start

    renderer = QSvgRenderer(QByteArray(svg_bytes(name, color)))
    side = max(1, round(size * ratio))
    image = QPixmap(side, side)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image


@lru_cache(maxsize=None)
def icon(name: str, color: str = INK) -> QIcon:
    """The icon in `color`, greyed when disabled, sharp at the usual button sizes."""
    made = QIcon()
    for size in RENDER_SIZES:
        made.addPixmap(pixmap(name, size, color), QIcon.Mode.Normal)
        made.addPixmap(pixmap(name, size, color), QIcon.Mode.Active)
        made.addPixmap(pixmap(name, size, DISABLED), QIcon.Mode.Disabled)
    return made


def svg_file(name: str, color: str) -> str:
    """A file holding the icon in `color`, for a style sheet's `image: url(...)` (a style
    sheet cannot colour an SVG). Written once per user into the temporary folder, by
    replacing, so two tills starting together never read half a file."""
    folder = Path(tempfile.gettempdir()) / f"tickbox-icons-{_user()}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-{color.lstrip('#')}.svg"
    data = svg_bytes(name, color)
    if not path.is_file() or path.read_bytes() != data:
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(data)
        partial.replace(path)
    return path.as_posix()


def _user() -> str:
    getuid = getattr(os, "getuid", None)
    return str(getuid()) if getuid is not None else (os.environ.get("USERNAME") or "user")


def colour_for(button: QAbstractButton) -> str:
    """White on a coloured button (primary, danger, sold, declined, or checked), else ink."""
    kind = button.objectName() or str(button.property("class") or "")
    if kind in ("primary", "danger") or (button.isCheckable() and button.isChecked()):
        return ON_COLOUR
    return INK


class IconFollower(QObject):
    """Keeps a button's icon in the colour its look asks for: when its objectName or its
    `class` property changes (Printer OK -> Print failed: "danger"), or it is toggled."""

    def __init__(self, button: QAbstractButton, name: str):
        super().__init__(button)
        self.name = name
        self.button = button
        button.installEventFilter(self)
        button.toggled.connect(lambda _checked: self.refresh())
        button.objectNameChanged.connect(lambda _name: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.button.setIcon(icon(self.name, colour_for(self.button)))

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.DynamicPropertyChange, QEvent.Type.StyleChange):
            self.refresh()
        return False


def set_icon(button: QAbstractButton, name: str) -> QAbstractButton:
    """Give `button` the icon `name`, in the colour that follows its look."""
    button.setIconSize(BUTTON_ICON)
    follower = getattr(button, "_icon_follower", None)
    if follower is None:
        button._icon_follower = IconFollower(button, name)
    else:
        follower.name = name
        follower.refresh()
    return button


def apply_icons(screen, mapping: dict[str, str] | None = None) -> list[str]:
    """Icons on `screen`'s buttons by attribute name (TILL_ICONS by default); returns the
    attribute names that got one."""
    done = []
    for attribute, name in (mapping or TILL_ICONS).items():
        button = getattr(screen, attribute, None)
        if isinstance(button, QAbstractButton):
            set_icon(button, name)
            done.append(attribute)
    return done
