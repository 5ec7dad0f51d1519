"""The store's e-invoice (开票) QR setting, `einvoice_qr` (issue 15): what the receipt's
second QR code holds for the customer to scan and ask for an e-invoice. A web address
(http or https, with a host, no spaces) or text, at most EINVOICE_QR_MAX characters, no
control characters; "" (the default) prints no such code. Its validator is one of
pos.store.setting_rules.RULES and refuses as they do (setting.bad_value, with a detail)."""

from __future__ import annotations

import json
import re
import unicodedata
from urllib.parse import urlparse

from pos.kernel.errors import UserError
from pos.kernel.messages import msg

KEY = "einvoice_qr"
EINVOICE_QR_MAX = 300  # characters
SHOWN_MAX = 40  # characters of a wrong value repeated in a message
EXPECTED = msg("setting.expect.einvoice_qr", most=EINVOICE_QR_MAX)
HELP = msg("setting.help.einvoice_qr")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def _shown(value) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= SHOWN_MAX else text[:SHOWN_MAX - 1] + "…"


def einvoice_qr(value, conn=None) -> str:
    """The value normalized (stripped), or UserError("setting.bad_value")."""
    text = value.strip() if isinstance(value, str) else None
    problem = None
    if text is None or len(text) > EINVOICE_QR_MAX or any(
            unicodedata.category(ch) == "Cc" for ch in text):
        problem = msg("setting.need_qr_text", most=EINVOICE_QR_MAX, value=_shown(value))
    elif _SCHEME.match(text):
        parsed = urlparse(text)
        if parsed.scheme.lower() not in ("http", "https") or not parsed.hostname \
                or any(ch.isspace() for ch in text):
            problem = msg("setting.need_web_address", value=_shown(value))
    if problem is not None:
        raise UserError("setting.bad_value", key=KEY, expected=EXPECTED,
                        details=[msg("setting.at", where=[KEY], problem=problem)])
    return text
