"""The till of a store in a chain (issue 21): the sync indicator in the top bar. The demo
store has joined no chain (the indicator is hidden there), so these screens show it the
status a joined store's read would answer (ui.sync_indicator.SyncIndicator.show_status),
its timer stopped; nothing is written. ui.screenshots.screens adds CHAIN_SCREENS to its
SCREENS."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

from pos.kernel.enums import StaffRole
from pos.kernel.messages import Message
from ui.screenshots.stage import Stage

CHAIN_SCREENS: dict[str, object] = {}


def screen(name: str):
    def register(function):
        CHAIN_SCREENS[name] = function
        return function
    return register


def joined(stage: Stage, role: StaffRole, **status) -> None:
    """A till logged in as `role`, its indicator showing a joined store's `status`."""
    stage.open_window()
    stage.log_in(role)
    indicator = stage.till.sync_indicator
    indicator.timer.stop()
    stage.settle()
    now = datetime.now(timezone.utc)
    values = dict(joined=True, store_code="S01", documents_waiting=0, rows_waiting=0,
                  last_ok_at=now - timedelta(minutes=2), unreachable_since=None,
                  last_error=None)
    values.update(status)
    indicator.show_status(SimpleNamespace(**values))
    stage.settle()


@screen("till-chain-waiting")
def chain_waiting(stage: Stage) -> None:
    """A cashier's till: 12 documents waiting to go up to head office (amber)."""
    joined(stage, StaffRole.CASHIER, documents_waiting=12, rows_waiting=40)
    stage.shot("till-chain-waiting")


@screen("till-chain-offline")
def chain_offline(stage: Stage) -> None:
    """A manager's full top bar: head office unreachable since a quarter of an hour (red,
    in its short form where the bar is full)."""
    now = datetime.now(timezone.utc)
    joined(stage, StaffRole.MANAGER, documents_waiting=12, rows_waiting=40,
           last_ok_at=now - timedelta(minutes=20), unreachable_since=now - timedelta(minutes=15),
           last_error=Message("sync.hq_unreachable", {"reason": "connection refused"}))
    stage.shot("till-chain-offline")
