"""print jobs

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 19:26:32.522428
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('print_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('terminal_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('receipt', 'sheet', 'card', name='jobkind', native_enum=False, length=15), nullable=False),
    sa.Column('ref', sa.String(length=40), nullable=False),
    sa.Column('printer_uri', sa.String(length=300), nullable=False),
    sa.Column('reprint', sa.Boolean(), nullable=False),
    sa.Column('open_drawer', sa.Boolean(), nullable=False),
    sa.Column('options_json', sa.Text(), nullable=False),
    sa.Column('state', sa.Enum('pending', 'printed', 'failed', name='jobstate', native_enum=False, length=15), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_error', sa.String(length=500), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('printed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], name=op.f('fk_print_jobs_terminal_id_terminals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_print_jobs'))
    )
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_print_jobs_ref'), ['ref'], unique=False)
        batch_op.create_index(batch_op.f('ix_print_jobs_state'), ['state'], unique=False)
        batch_op.create_index(batch_op.f('ix_print_jobs_terminal_id'), ['terminal_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_print_jobs_terminal_id'))
        batch_op.drop_index(batch_op.f('ix_print_jobs_state'))
        batch_op.drop_index(batch_op.f('ix_print_jobs_ref'))

    op.drop_table('print_jobs')
