"""The database layer: where the data lives (location, no SQLAlchemy), the engine and its
transactions (engine), statements compiled once for the hot path (prepared), the schema
version and migrations (schema), the first screen's read-only peek (peek, sqlite3 only),
and the typed table mappings (models). This file imports nothing, so the first screen
can use location, schema and peek before SQLAlchemy loads."""
