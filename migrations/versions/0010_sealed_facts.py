"""sealed facts: journal entries carry the version of their seal (2: type, reference,
sequence and time inside the hash); the chain's head carries an HMAC by the store's key
(kept outside the database); a cash movement carries the request that made it, so a
retried paid-in or paid-out is written once. Staff, settings, open shifts and cash
movements already in the database are sealed as they stand (pos.ledger.adopt).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 18:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('journal_entries') as batch:
        batch.add_column(sa.Column('version', sa.Integer(), nullable=False,
                                   server_default='1'))
    with op.batch_alter_table('journal_head') as batch:
        batch.add_column(sa.Column('mac', sa.String(length=64), nullable=True))
    with op.batch_alter_table('cash_movements') as batch:
        batch.add_column(sa.Column('request_id', sa.String(length=36), nullable=True))
        batch.create_unique_constraint('uq_cash_movements_request_id', ['request_id'])
    if op.get_bind().dialect.name == 'sqlite':  # PostgreSQL's boolean is one already
        # A sealed flag holds 0 or 1: SQLite would keep a 2 and read it back as true.
        with op.batch_alter_table('staff') as batch:
            batch.create_check_constraint('active_is_boolean', 'active IN (0, 1)')
        with op.batch_alter_table('sheet_outcomes') as batch:
            batch.create_check_constraint('added_on_site_is_boolean', 'added_on_site IN (0, 1)')
    # Rows already in the database are sealed as they stand, once, here (see
    # pos.ledger.adopt: it seals with the journal's own rules, so it is app code).
    from pos.ledger.adopt import seal_existing_facts

    seal_existing_facts(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        with op.batch_alter_table('sheet_outcomes') as batch:
            batch.drop_constraint('ck_sheet_outcomes_added_on_site_is_boolean', type_='check')
        with op.batch_alter_table('staff') as batch:
            batch.drop_constraint('ck_staff_active_is_boolean', type_='check')
    with op.batch_alter_table('cash_movements') as batch:
        batch.drop_constraint('uq_cash_movements_request_id', type_='unique')
        batch.drop_column('request_id')
    with op.batch_alter_table('journal_head') as batch:
        batch.drop_column('mac')
    with op.batch_alter_table('journal_entries') as batch:
        batch.drop_column('version')
