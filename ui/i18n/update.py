"""Refresh zh_CN.ts after UI strings or the message catalog change (a developer tool, not
run by the app):

    .venv/bin/python ui/i18n/update.py

Runs pyside6-lupdate over ui/, then fills new entries whose source text already has a
translation elsewhere in the file, drops obsolete entries, writes the message catalog
(pos.kernel.messages.CATALOG) as the "pos" context (each template its source, its message
id the disambiguation; a translation is kept by id, and marked unfinished when its
English template changed), and lists what still needs a translator. Translate those in
Qt Linguist or by hand; the app and the `pos` command read the .ts directly."""

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

HERE = Path(__file__).resolve().parent
UI = HERE.parent
sys.path.insert(0, str(UI.parent))

from pos.kernel.messages import CATALOG, MESSAGE_CONTEXT  # noqa: E402


def catalog_translations(root) -> dict[str, tuple[str, str | None, str | None]]:
    """The catalog context as it is: message id -> (source, translation, its type)."""
    found = {}
    for context in root.iter("context"):
        if context.findtext("name") != MESSAGE_CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            found[message.findtext("comment") or ""] = (
                message.findtext("source") or "",
                translation.text if translation is not None else None,
                translation.get("type") if translation is not None else "unfinished")
    return found


def write_catalog(root, previous: dict[str, tuple[str, str | None, str | None]],
                  translations: dict[str, str] | None = None) -> list[str]:
    """Replace the catalog context with the catalog's templates, in catalog order,
    keeping each id's translation (or taking it from `translations`); returns the ids
    still to translate."""
    for context in list(root.iter("context")):
        if context.findtext("name") == MESSAGE_CONTEXT:
            root.remove(context)
    context = ElementTree.SubElement(root, "context")
    ElementTree.SubElement(context, "name").text = MESSAGE_CONTEXT
    missing = []
    for message_id, template in CATALOG.items():
        message = ElementTree.SubElement(context, "message")
        ElementTree.SubElement(message, "source").text = template
        ElementTree.SubElement(message, "comment").text = message_id
        translation = ElementTree.SubElement(message, "translation")
        old_source, old_text, old_type = previous.get(message_id, (None, None, "unfinished"))
        if translations and message_id in translations:
            translation.text = translations[message_id]
        elif old_text:
            translation.text = old_text
            if old_source != template or old_type == "unfinished":
                translation.set("type", "unfinished")  # the English changed: review it
        else:
            translation.set("type", "unfinished")
        if translation.get("type") == "unfinished":
            missing.append(f"{MESSAGE_CONTEXT}: {message_id}: {template}")
    ElementTree.indent(context, space="    ")
    contexts = list(root.iter("context"))
    for before in contexts[:-1]:
        before.tail = "\n"
    context.tail = "\n"
    root.text = "\n"
    return missing


def main() -> int:
    sources = sorted(str(p) for p in UI.rglob("*.py") if "i18n" not in p.parts)
    for ts in HERE.glob("*.ts"):
        previous = catalog_translations(ElementTree.parse(ts).getroot())
        subprocess.run([str(Path(sys.executable).parent / "pyside6-lupdate"), *sources,
                        "-ts", str(ts)], check=True)
        tree = ElementTree.parse(ts)
        root = tree.getroot()
        known = {}
        for message in root.iter("message"):
            translation = message.find("translation")
            if translation.text and translation.get("type") in (None, "obsolete", "vanished"):
                known.setdefault(message.findtext("source"), translation.text)
        missing = []
        for context in list(root.iter("context")):
            if context.findtext("name") == MESSAGE_CONTEXT:
                continue  # rewritten from the catalog below
            for message in list(context.iter("message")):
                translation = message.find("translation")
                if translation.get("type") in ("obsolete", "vanished"):
                    context.remove(message)
                elif translation.get("type") == "unfinished":
                    source = message.findtext("source")
                    if source in known:
                        translation.text = known[source]
                        del translation.attrib["type"]
                    else:
                        missing.append(f"{context.findtext('name')}: {source}")
            if not list(context.iter("message")):
                root.remove(context)
        missing += write_catalog(root, previous)
        tree.write(ts, encoding="utf-8", xml_declaration=True)
        print(f"{ts.name}: {len(missing)} to translate")
        for line in missing:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
