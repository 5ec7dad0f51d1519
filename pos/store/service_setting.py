"""The store's settings for service after the sale (issue 20):

- `service_promise`: minutes from a request's registration to the technician's arrival,
  per area (the city 2 hours, the county 6); each on-site job's address is one area.
- `card_confirmations_required`: how many of the five card confirmation points a unit
  that leaves without a card should have had (the report says "confirmed 3 of 5")."""

from __future__ import annotations

import json
import re

from pos.kernel.errors import UserError
from pos.kernel.messages import msg

DEFAULTS = {"service_promise": {"city": 120, "county": 360},
            "card_confirmations_required": 5}
AREA = re.compile(r"[a-z][a-z0-9_]{0,19}")
MINUTES = (1, 7 * 24 * 60)
AREAS_MOST = 20


def _refuse(key: str, problem):
    raise UserError("setting.bad_value", key=key, expected=EXPECTED[key],
                    details=[msg("setting.at", where=[key], problem=problem)])


def _shown(value) -> str:
    return json.dumps(value, ensure_ascii=False)[:40]


def service_promise(value, conn=None) -> dict:
    key = "service_promise"
    if not isinstance(value, dict) or not value or len(value) > AREAS_MOST:
        _refuse(key, msg("setting.need_object", value=_shown(value)))
    out = {}
    for area, minutes in value.items():
        if not isinstance(area, str) or not AREA.fullmatch(area):
            _refuse(key, msg("setting.need_choice", allowed=["city", "county"],
                             value=_shown(area)))
        if isinstance(minutes, bool) or not isinstance(minutes, int) \
                or not MINUTES[0] <= minutes <= MINUTES[1]:
            _refuse(key, msg("setting.need_whole", low=MINUTES[0], high=MINUTES[1],
                             value=_shown(minutes)))
        out[area] = minutes
    return out


def card_confirmations_required(value, conn=None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 5:
        _refuse("card_confirmations_required", msg("setting.need_whole", low=0, high=5,
                                                   value=_shown(value)))
    return value


RULES = {"service_promise": service_promise,
         "card_confirmations_required": card_confirmations_required}
EXPECTED = {"service_promise": msg("setting.expect.service_promise",
                                   example=json.dumps(DEFAULTS["service_promise"])),
            "card_confirmations_required": msg("setting.expect.card_confirmations_required")}
HELP = {"service_promise": msg("setting.help.service_promise"),
        "card_confirmations_required": msg("setting.help.card_confirmations_required")}
