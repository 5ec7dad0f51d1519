"""a chain of stores: the store's outbox of changes and its link to head office
(sync_outbox, sync_state, price_overrides), and head office's streams, alerts, serials
sold and master-data log (hq_streams, hq_alerts, hq_serials, master_log). Every database
has them; only a store that joined a chain or a head office fills them. Also the two
indexes the attach-by-department figures read by period (service_jobs.registered_at,
job_item_outcomes.at).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 06:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
_AT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        'sync_outbox',
        sa.Column('id', _ID, nullable=False),
        sa.Column('tbl', sa.String(40), nullable=False),
        sa.Column('pk', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_sync_outbox'))
    op.create_index('ix_sync_outbox_tbl', 'sync_outbox', ['tbl'])
    op.create_table(
        'sync_state',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('role', sa.String(10), nullable=False),
        sa.Column('store_code', sa.String(20), nullable=True),
        sa.Column('hq_display', sa.String(200), server_default='', nullable=False),
        sa.Column('chain_first', sa.String(64), server_default='', nullable=False),
        sa.Column('joined_at', _AT, nullable=True),
        sa.Column('master_version', sa.BigInteger(), server_default='0', nullable=False),
        sa.Column('sent_seq', sa.Integer(), server_default='0', nullable=False),
        sa.Column('last_attempt_at', _AT, nullable=True),
        sa.Column('last_ok_at', _AT, nullable=True),
        sa.Column('unreachable_since', _AT, nullable=True),
        sa.Column('last_error', sa.Text(), server_default='', nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_sync_state'))
    op.create_table(
        'price_overrides',
        sa.Column('sku', sa.String(64), nullable=False),
        sa.Column('price', sa.BigInteger(), nullable=False),
        sa.Column('set_by', sa.Integer(), nullable=True),
        sa.Column('set_at', _AT, nullable=False),
        sa.PrimaryKeyConstraint('sku', name='pk_price_overrides'))
    op.create_table(
        'hq_streams',
        sa.Column('store_code', sa.String(20), nullable=False),
        sa.Column('chain_first', sa.String(64), nullable=False),
        sa.Column('schema_rev', sa.String(32), server_default='', nullable=False),
        sa.Column('joined_at', _AT, nullable=False),
        sa.Column('last_seq', sa.Integer(), server_default='0', nullable=False),
        sa.Column('last_hash', sa.String(64), server_default='', nullable=False),
        sa.Column('last_document_at', _AT, nullable=True),
        sa.Column('last_received_at', _AT, nullable=True),
        sa.Column('state', sa.String(10), server_default='ok', nullable=False),
        sa.Column('error', sa.Text(), server_default='', nullable=False),
        sa.Column('clock_skew_s', sa.Integer(), server_default='0', nullable=False),
        sa.Column('batches', sa.BigInteger(), server_default='0', nullable=False),
        sa.Column('rows', sa.BigInteger(), server_default='0', nullable=False),
        sa.PrimaryKeyConstraint('store_code', name='pk_hq_streams'))
    op.create_table(
        'hq_alerts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('store_code', sa.String(20), nullable=False),
        sa.Column('kind', sa.String(24), nullable=False),
        sa.Column('detail', sa.Text(), server_default='{}', nullable=False),
        sa.Column('at', _AT, nullable=False),
        sa.Column('resolved_at', _AT, nullable=True),
        sa.Column('resolved_by', sa.String(120), server_default='', nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_hq_alerts'))
    op.create_index('ix_hq_alerts_store_code', 'hq_alerts', ['store_code'])
    op.create_table(
        'hq_serials',
        sa.Column('serial', sa.String(64), nullable=False),
        sa.Column('store_code', sa.String(20), nullable=False),
        sa.Column('sale_ref', sa.String(60), server_default='', nullable=False),
        sa.Column('at', _AT, nullable=True),
        sa.PrimaryKeyConstraint('serial', 'store_code', name='pk_hq_serials'))
    op.create_table(
        'master_log',
        sa.Column('version', _ID, nullable=False),
        sa.Column('tbl', sa.String(40), nullable=False),
        sa.Column('pk', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('version', name='pk_master_log'))
    op.create_index('ix_service_jobs_registered_at', 'service_jobs', ['registered_at'])
    op.create_index('ix_job_item_outcomes_at', 'job_item_outcomes', ['at'])


def downgrade() -> None:
    op.drop_index('ix_job_item_outcomes_at', table_name='job_item_outcomes')
    op.drop_index('ix_service_jobs_registered_at', table_name='service_jobs')
    for table in ('master_log', 'hq_serials', 'hq_alerts', 'hq_streams', 'price_overrides',
                  'sync_state', 'sync_outbox'):
        op.drop_table(table)
