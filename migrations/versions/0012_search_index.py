"""search index: what the catalog search needs to answer every query shape a cashier
types (barcodes, sku prefixes, 1-2 characters, typos, Chinese) quickly at 1M products.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-15 10:00:00
"""
import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
