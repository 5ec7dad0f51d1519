"""installer add-ons

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 19:36:39.543325
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sheet_outcomes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('added_on_site', sa.Boolean(), server_default='0', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('sheet_outcomes', schema=None) as batch_op:
        batch_op.drop_column('added_on_site')

