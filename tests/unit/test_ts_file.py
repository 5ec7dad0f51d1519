"""The Chinese translation file is well formed as Qt reads it: every message has one
source and one translation, and the catalog's messages (those with an id as their
comment) live in the catalog's own context only. A merge that joins two messages, or
moves catalog entries under a screen's context, would otherwise leave a button in
English (Qt finds no translation for it) without any other test failing."""

import xml.etree.ElementTree as ET
from pathlib import Path

from pos.kernel.message_catalog import MESSAGE_CONTEXT

TS = Path(__file__).resolve().parents[2] / "ui" / "i18n" / "zh_CN.ts"


def test_every_message_has_one_source_and_one_translation():
    root = ET.parse(TS).getroot()
    joined = [(context.findtext("name"), [s.text for s in message.findall("source")])
              for context in root.findall("context") for message in context.findall("message")
              if len(message.findall("source")) != 1
              or len(message.findall("translation")) != 1]
    assert joined == []


def test_catalog_messages_are_in_the_catalogs_context():
    root = ET.parse(TS).getroot()
    strays = [(context.findtext("name"), message.findtext("comment"))
              for context in root.findall("context") if context.findtext("name") != MESSAGE_CONTEXT
              for message in context.findall("message") if message.find("comment") is not None]
    assert strays == []
