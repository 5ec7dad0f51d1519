"""The backup settings (issue 17; pos.backup takes the backups): `backup_keep`, how many
backups are kept (1 to 365, default 14); `backup_second_folder`, a folder (a USB stick, a
network share) that gets a copy of each good backup, "" for none; and
`backup_interval_hours`, how often the open app backs up (1 to 24, default 2; 0 for only
at every Z close). Their validators are among pos.store.setting_rules.RULES and refuse
as they do (setting.bad_value, with a detail)."""

from __future__ import annotations

import json
import unicodedata

from pos.kernel.errors import UserError
from pos.kernel.messages import msg

KEEP_MOST = 365
INTERVAL_MOST = 24
FOLDER_MOST = 500  # characters of a path
DEFAULTS = {"backup_keep": 14, "backup_second_folder": "", "backup_interval_hours": 2}
EXPECTED = {
    "backup_keep": msg("setting.expect.backup_keep", most=KEEP_MOST),
    "backup_second_folder": msg("setting.expect.backup_second_folder", most=FOLDER_MOST),
    "backup_interval_hours": msg("setting.expect.backup_interval_hours", most=INTERVAL_MOST),
}
HELP = {
    "backup_keep": msg("setting.help.backup_keep"),
    "backup_second_folder": msg("setting.help.backup_second_folder"),
    "backup_interval_hours": msg("setting.help.backup_interval_hours"),
}


SHOWN_MAX = 40  # characters of a wrong value repeated in a message


def _shown(value) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= SHOWN_MAX else text[:SHOWN_MAX - 1] + "…"


def _refuse(key: str, problem) -> None:
    raise UserError("setting.bad_value", key=key, expected=EXPECTED[key],
                    details=[msg("setting.at", where=[key], problem=problem)])


def _whole(key: str, value, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        _refuse(key, msg("setting.need_whole", low=low, high=high, value=_shown(value)))
    return value


def backup_keep(value, conn=None) -> int:
    return _whole("backup_keep", value, 1, KEEP_MOST)


def backup_interval_hours(value, conn=None) -> int:
    return _whole("backup_interval_hours", value, 0, INTERVAL_MOST)


def backup_second_folder(value, conn=None) -> str:
    """A folder's path, stripped; whether it is there is checked at each backup (a stick
    may be out today), not here."""
    text = value.strip() if isinstance(value, str) else None
    if text is None or len(text) > FOLDER_MOST or any(
            unicodedata.category(ch) == "Cc" for ch in text):
        _refuse("backup_second_folder", msg("setting.need_folder", most=FOLDER_MOST, value=_shown(value)))
    return text


RULES = {"backup_keep": backup_keep, "backup_second_folder": backup_second_folder,
         "backup_interval_hours": backup_interval_hours}
