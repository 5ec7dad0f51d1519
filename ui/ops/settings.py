"""The store's settings: every key with its value and help, and a manager's change."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.ops.running import Call


def list_settings() -> Call:
    """Every setting (pos.store.settings.SettingInfo), in the store's order."""
    def call(db):
        from pos.store.settings import list_settings as listed

        return listed(db)
    return call


def change_setting(*, key: str, value_text: str, staff_id: int) -> Call:
    """Change one setting to the text typed (JSON, a number, true or false); the service
    checks the value and that this person is a manager or an administrator. The answer
    is a pos.store.settings.SettingChange."""
    def call(db):
        from pos.store.settings import change_setting as change

        return change(db, key=key, value_text=value_text, staff_id=staff_id)
    return call
