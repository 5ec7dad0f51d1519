"""Refresh zh_CN.ts after UI strings change (a developer tool, not run by the app):

    .venv/bin/python ui/i18n/update.py

Runs pyside6-lupdate over ui/, then fills new entries whose source text already has a
translation elsewhere in the file, drops obsolete entries, and lists what still needs a
translator. Translate those in Qt Linguist or by hand; the app reads the .ts directly."""

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

HERE = Path(__file__).resolve().parent
UI = HERE.parent


def main() -> int:
    sources = sorted(str(p) for p in UI.rglob("*.py") if "i18n" not in p.parts)
    for ts in HERE.glob("*.ts"):
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
        tree.write(ts, encoding="utf-8", xml_declaration=True)
        print(f"{ts.name}: {len(missing)} to translate")
        for line in missing:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
