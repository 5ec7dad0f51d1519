"""The settings of the later issues, each module with its DEFAULTS, RULES, EXPECTED and
HELP, gathered for pos.store.settings and pos.store.setting_rules: customer accounts,
quotes and follow-up (account_setting), service after the sale (service_setting), a store's
own prices in a chain (sync_setting)."""

from __future__ import annotations

from pos.store import account_setting, service_setting, sync_setting

MODULES = (account_setting, service_setting, sync_setting)
DEFAULTS = {key: value for module in MODULES for key, value in module.DEFAULTS.items()}
RULES = {key: value for module in MODULES for key, value in module.RULES.items()}
EXPECTED = {key: value for module in MODULES for key, value in module.EXPECTED.items()}
HELP = {key: value for module in MODULES for key, value in module.HELP.items()}
