"""Languages: Qt translation from the .ts files in ui/i18n (read at start, so no compiled
.qm files need building or committing; the reader is pos.kernel.translations, shared with
the `pos` command), the locale choice, and Babel formatting of money and dates for the
chosen locale.

Babel loads on the first amount or date formatted, not at import: the login screen
formats neither and comes up before it."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator

from pos.kernel import translations
from pos.kernel.resources import package_dir

I18N_DIR = package_dir("ui") / "i18n"  # beside the modules, or in the frozen app
SUPPORTED = translations.SUPPORTED


class TsTranslator(QTranslator):
    """A QTranslator that reads a Qt Linguist .ts file directly. A message with a
    disambiguation (the message catalog's ids) is looked up with it first, as Qt does."""

    def __init__(self, ts_path: Path, parent=None):
        super().__init__(parent)
        self._translations = translations.Translations(
            translations.choose_locale(ts_path.stem), translations.read_ts(ts_path))

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802
        # None (a null string) tells Qt "no translation here": it then shows the source.
        return self._translations.lookup(context, source_text, disambiguation)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return not self._translations.entries

    def __len__(self) -> int:
        return len(self._translations.entries)


def choose_locale(setting: str | None = None) -> str:
    """The app's language: an explicit setting (POS_LOCALE or the store's), else the
    system locale when it is Chinese, else English."""
    return translations.choose_locale(setting or os.environ.get("POS_LOCALE")
                                      or QLocale.system().name())


def translator_for(locale: str) -> TsTranslator | None:
    path = I18N_DIR / f"{locale}.ts"
    return TsTranslator(path) if locale != "en" and path.exists() else None


class Formats:
    """Money and dates for people, in the app's locale and the store's currency.

    The last one made is the app's (`Formats.current`): ui.messages renders refusals
    with it."""

    current: Formats | None = None

    def __init__(self, locale: str, currency: str = "CNY"):
        self.locale, self.currency = locale, currency
        Formats.current = self

    def money(self, amount: int) -> str:
        from pos.kernel.money import format_money

        return format_money(amount, currency=self.currency, locale=self.locale)

    def moment(self, when) -> str:
        """A datetime as people of the locale write it."""
        from babel.dates import format_datetime

        return format_datetime(when, format="short", locale=self.locale)

    def day(self, day) -> str:
        """A date as people of the locale write it."""
        from babel.dates import format_date

        return format_date(day, format="medium", locale=self.locale)
