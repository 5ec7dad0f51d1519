"""coverage and gifts: a service tier says what it covers (scope: software, hardware,
screen) and when its cover starts (at the sale, or when the maker's warranty ends); a
product and its category carry the maker's warranty in months; a sheet item may be a
free gift.

Tiers already in the database keep starting at the sale, so the cards they sell keep
the dates they had; their scope is software, except the demo store's hardware
extensions and screen-break cover, known by their codes. Importing the checklist file
again sets both as the store means them.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08 10:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

_HARDWARE = ('hw-1y', 'hw-2y', 'digital-1y', 'phone-ext')
_SCREEN = ('screen-break',)


def upgrade() -> None:
    with op.batch_alter_table('categories') as batch:
        batch.add_column(sa.Column('warranty_months', sa.Integer(), nullable=True))
    with op.batch_alter_table('products') as batch:
        batch.add_column(sa.Column('warranty_months', sa.Integer(), nullable=True))
    with op.batch_alter_table('sheet_items') as batch:
        batch.add_column(sa.Column('gift', sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    with op.batch_alter_table('service_tiers') as batch:
        batch.add_column(sa.Column(
            'scope', sa.Enum('software', 'hardware', 'screen', name='coveragescope',
                             native_enum=False, length=16),
            nullable=False, server_default='software'))
        batch.add_column(sa.Column(
            'starts', sa.Enum('sale', 'warranty_end', name='coveragestart',
                              native_enum=False, length=20),
            nullable=False, server_default='sale'))
    tiers = sa.table('service_tiers', sa.column('code', sa.String), sa.column('scope', sa.String))
    op.execute(tiers.update().where(tiers.c.code.in_(_HARDWARE)).values(scope='hardware'))
    op.execute(tiers.update().where(tiers.c.code.in_(_SCREEN)).values(scope='screen'))


def downgrade() -> None:
    with op.batch_alter_table('service_tiers') as batch:
        batch.drop_column('starts')
        batch.drop_column('scope')
    with op.batch_alter_table('sheet_items') as batch:
        batch.drop_column('gift')
    with op.batch_alter_table('products') as batch:
        batch.drop_column('warranty_months')
    with op.batch_alter_table('categories') as batch:
        batch.drop_column('warranty_months')
