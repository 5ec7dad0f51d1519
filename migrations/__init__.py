"""Alembic environment and the reviewed schema revisions (shipped with the package)."""
