"""The till's sync indicator (issue 21): how this store's link to head office stands,
read through pos.sync.status off the GUI thread. Nothing here writes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.ops.running import Call


def sync_status() -> Call:
    """pos.sync.status.StoreSyncStatus of this database: whether it joined a chain, the
    documents waiting to go up, the last success, since when head office is unreachable,
    the last error (a message). Cheap: one row and two counts."""
    def call(db):
        from pos.sync.status import store_status

        return store_status(db, terminals=False)  # the tills' last receipts: not shown
    return call
