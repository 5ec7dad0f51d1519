"""Change capture for a store in a chain: see pos.db.capture (it lives with the database
layer so that a schema upgrade keeps it installed)."""

from pos.db.capture import (  # noqa: F401
    LOCAL_ONLY, MASTER, MASTER_LOG, OUTBOX, after_upgrade, install, installed, missing,
    pk_columns, pk_text, pk_values, remove, replicated_tables, snapshot, table,
)
