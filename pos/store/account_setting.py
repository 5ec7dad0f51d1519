"""The store's settings for customer accounts, quotes and follow-up (issue 19):

- `account_credit_limit`: the credit limit an account gets when it is opened, per
  customer kind, in minor units; null is no limit (business accounts by default).
- `account_block_overdue`: whether the till refuses a sale on account while one of the
  account's invoices is overdue.
- `quote_valid_days`: how long a quote stands by default (and at most 90 days).
- `followup_cadence`: a cold-visited prospect is visited again this many days later; an
  owned business customer is called or visited this many times a month.
- `visits_per_day_target`: the visits a customer manager should make in a day."""

from __future__ import annotations

import json

from pos.kernel.errors import UserError
from pos.kernel.messages import msg

DEFAULTS = {
    "account_credit_limit": {"consumer": 200_000, "business": None},
    "account_block_overdue": True,
    "quote_valid_days": 15,
    "followup_cadence": {"prospect_revisit_days": 7, "business_visits_per_month": 2},
    "visits_per_day_target": 6,
}
LIMIT_MAX = 10**13  # minor units: a hundred billion
QUOTE_DAYS = (1, 90)
CADENCE = {"prospect_revisit_days": (1, 60), "business_visits_per_month": (0, 31)}
VISITS = (0, 50)


def _refuse(key: str, problem):
    raise UserError("setting.bad_value", key=key, expected=EXPECTED[key],
                    details=[msg("setting.at", where=[key], problem=problem)])


def _shown(value) -> str:
    return json.dumps(value, ensure_ascii=False)[:40]


def _whole(key: str, value, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        _refuse(key, msg("setting.need_whole", low=low, high=high, value=_shown(value)))
    return value


def _fields(key: str, value, names) -> dict:
    if not isinstance(value, dict):
        _refuse(key, msg("setting.need_object", value=_shown(value)))
    missing = [name for name in names if name not in value]
    if missing:
        _refuse(key, msg("setting.missing", names=missing))
    unknown = sorted(str(name) for name in value if name not in names)
    if unknown:
        _refuse(key, msg("setting.not_known_here", names=unknown, known=list(names)))
    return value


def account_credit_limit(value, conn=None) -> dict:
    key = "account_credit_limit"
    value = _fields(key, value, ("consumer", "business"))
    return {kind: None if value[kind] is None else _whole(key, value[kind], 0, LIMIT_MAX)
            for kind in ("consumer", "business")}


def account_block_overdue(value, conn=None) -> bool:
    if isinstance(value, str) and value.strip().lower() in ("true", "yes", "false", "no"):
        return value.strip().lower() in ("true", "yes")
    if not isinstance(value, bool):
        _refuse("account_block_overdue", msg("setting.need_bool", value=_shown(value)))
    return value


def quote_valid_days(value, conn=None) -> int:
    return _whole("quote_valid_days", value, *QUOTE_DAYS)


def followup_cadence(value, conn=None) -> dict:
    value = _fields("followup_cadence", value, tuple(CADENCE))
    return {name: _whole("followup_cadence", value[name], *CADENCE[name]) for name in CADENCE}


def visits_per_day_target(value, conn=None) -> int:
    return _whole("visits_per_day_target", value, *VISITS)


RULES = {"account_credit_limit": account_credit_limit,
         "account_block_overdue": account_block_overdue,
         "quote_valid_days": quote_valid_days, "followup_cadence": followup_cadence,
         "visits_per_day_target": visits_per_day_target}
EXPECTED = {
    "account_credit_limit": msg("setting.expect.account_credit_limit",
                                example=json.dumps(DEFAULTS["account_credit_limit"])),
    "account_block_overdue": msg("setting.expect.account_block_overdue"),
    "quote_valid_days": msg("setting.expect.quote_valid_days", low=QUOTE_DAYS[0],
                            high=QUOTE_DAYS[1]),
    "followup_cadence": msg("setting.expect.followup_cadence",
                            example=json.dumps(DEFAULTS["followup_cadence"])),
    "visits_per_day_target": msg("setting.expect.visits_per_day_target", low=VISITS[0],
                                 high=VISITS[1]),
}
HELP = {"account_credit_limit": msg("setting.help.account_credit_limit"),
        "account_block_overdue": msg("setting.help.account_block_overdue"),
        "quote_valid_days": msg("setting.help.quote_valid_days"),
        "followup_cadence": msg("setting.help.followup_cadence"),
        "visits_per_day_target": msg("setting.help.visits_per_day_target")}
