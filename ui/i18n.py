"""Languages: Qt translation from the .ts files in ui/i18n (read at start, so no compiled
.qm files need building or committing), the locale choice, and Babel formatting of money
and dates for the chosen locale.

Babel loads on the first amount or date formatted, not at import: the login screen
formats neither and comes up before it."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent / "i18n"
SUPPORTED = ("en", "zh_CN")


class TsTranslator(QTranslator):
    """A QTranslator that reads a Qt Linguist .ts file directly."""

    def __init__(self, ts_path: Path, parent=None):
        super().__init__(parent)
        self._messages: dict[tuple[str, str], str] = {}
        root = ElementTree.parse(ts_path).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                    continue
                if translation.text:
                    self._messages[(name, source)] = translation.text

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802
        # None (a null string) tells Qt "no translation here": it then shows the source.
        return self._messages.get((context, source_text))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return not self._messages

    def __len__(self) -> int:
        return len(self._messages)


def choose_locale(setting: str | None = None) -> str:
    """The app's language: an explicit setting (POS_LOCALE or the store's), else the
    system locale when it is Chinese, else English."""
    wanted = setting or os.environ.get("POS_LOCALE") or QLocale.system().name()
    if wanted.startswith("zh"):
        return "zh_CN"
    return "en"


def translator_for(locale: str) -> TsTranslator | None:
    path = I18N_DIR / f"{locale}.ts"
    return TsTranslator(path) if locale != "en" and path.exists() else None


class Formats:
    """Money and dates for people, in the app's locale and the store's currency."""

    def __init__(self, locale: str, currency: str = "CNY"):
        self.locale, self.currency = locale, currency

    def money(self, amount: int) -> str:
        from pos.kernel.money import format_money

        return format_money(amount, currency=self.currency, locale=self.locale)

    def moment(self, when) -> str:
        """A datetime as people of the locale write it."""
        from babel.dates import format_datetime

        return format_datetime(when, format="short", locale=self.locale)
