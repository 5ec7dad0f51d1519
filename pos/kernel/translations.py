"""Translations read from the Qt Linguist .ts files in ui/i18n, without Qt: the `pos`
command says its messages in the reader's language with these, and the till's
TsTranslator (ui.i18n) reads the same files through `read_ts`.

Which language: an explicit choice (POS_LOCALE, the store's setting), else the system's
(LC_ALL, LC_MESSAGES, LANG); Chinese when it starts with "zh", English otherwise."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

# The till's first screen reads its .ts file through here (ui.i18n) before the rest has
# loaded: what only the `pos` command needs (the system's locale, finding the file among
# the package's data, the message catalog) is imported where it is used.

SUPPORTED = ("en", "zh_CN")

# (context, source, disambiguation) -> translation; disambiguation "" when there is none
TsKey = tuple[str, str, str]


def read_ts(source: str | Path | bytes) -> dict[TsKey, str]:
    """The finished translations of a .ts file (a path, or its bytes); entries marked
    unfinished, obsolete or vanished are left out."""
    if isinstance(source, bytes):
        root = ElementTree.fromstring(source)
    else:
        root = ElementTree.parse(source).getroot()
    found: dict[TsKey, str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete",
                                                                  "vanished"):
                continue
            if translation.text:
                key = (name, message.findtext("source") or "", message.findtext("comment") or "")
                found[key] = translation.text
    return found


def choose_locale(wanted: str | None = None) -> str:
    """One of SUPPORTED from a wish ('zh_CN.UTF-8', 'zh', 'en_GB'...), else the system's."""
    wanted = wanted or system_locale()
    return "zh_CN" if wanted.lower().startswith("zh") else "en"


def system_locale() -> str:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return value
    import locale as system_locales

    name = system_locales.getlocale()[0] or ""  # Windows: 'Chinese (Simplified)_China'
    return "zh_CN" if name.lower().startswith("chinese") else name


@dataclass(frozen=True)
class Translations:
    """One language's translations, looked up as Qt does: with the disambiguation first,
    then without."""

    locale: str
    entries: dict[TsKey, str]

    def lookup(self, context: str, source: str, disambiguation: str | None = None) -> str | None:
        if disambiguation:
            found = self.entries.get((context, source, disambiguation))
            if found is not None:
                return found
        return self.entries.get((context, source, ""))

    def message_template(self, template: str, message_id: str) -> str:
        """A catalog template in this language (for pos.kernel.messages.render)."""
        from pos.kernel.message_catalog import MESSAGE_CONTEXT

        return self.lookup(MESSAGE_CONTEXT, template, message_id) or template


def ts_file(locale: str):
    """Where the .ts file of a language is: in the ui package's data (installed with it),
    found without importing Qt."""
    from pos.kernel.resources import package_dir

    try:
        return package_dir("ui") / "i18n" / f"{locale}.ts"
    except ModuleNotFoundError:  # installed without the app
        return None


def load_translations(locale: str) -> Translations | None:
    """The translations of a language, or None for English (the catalog's own) and for a
    language whose file is missing."""
    if locale == "en":
        return None
    source = ts_file(locale)
    if source is None or not source.is_file():
        return None
    return Translations(locale, read_ts(source.read_bytes()))
