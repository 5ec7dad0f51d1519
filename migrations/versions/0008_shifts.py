"""shifts and cash movements

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 20:05:59.961483
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('shifts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('terminal_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.Enum('open', 'closed', name='shiftstate', native_enum=False, length=14), nullable=False),
    sa.Column('opened_by', sa.Integer(), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('opening_float', sa.BigInteger(), nullable=False),
    sa.Column('closed_by', sa.Integer(), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('counted_json', sa.Text(), nullable=True),
    sa.Column('counted_cash', sa.BigInteger(), nullable=True),
    sa.Column('expected_cash', sa.BigInteger(), nullable=True),
    sa.Column('z_number', sa.Integer(), nullable=True),
    sa.Column('journal_hash', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['closed_by'], ['staff.id'], name=op.f('fk_shifts_closed_by_staff')),
    sa.ForeignKeyConstraint(['opened_by'], ['staff.id'], name=op.f('fk_shifts_opened_by_staff')),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], name=op.f('fk_shifts_terminal_id_terminals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shifts')),
    sa.UniqueConstraint('terminal_id', 'z_number', name=op.f('uq_shifts_terminal_id'))
    )
    with op.batch_alter_table('shifts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shifts_state'), ['state'], unique=False)
        batch_op.create_index(batch_op.f('ix_shifts_terminal_id'), ['terminal_id'], unique=False)

    op.create_table('cash_movements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('shift_id', sa.Integer(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['shift_id'], ['shifts.id'], name=op.f('fk_cash_movements_shift_id_shifts')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_cash_movements_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cash_movements'))
    )
    with op.batch_alter_table('cash_movements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cash_movements_shift_id'), ['shift_id'], unique=False)

    with op.batch_alter_table('sales', schema=None) as batch_op:
        batch_op.add_column(sa.Column('shift_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_sales_shift_id'), ['shift_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_sales_shift_id_shifts'), 'shifts', ['shift_id'], ['id'])



def downgrade() -> None:
    with op.batch_alter_table('sales', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_sales_shift_id_shifts'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_sales_shift_id'))
        batch_op.drop_column('shift_id')

    with op.batch_alter_table('cash_movements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cash_movements_shift_id'))

    op.drop_table('cash_movements')
    with op.batch_alter_table('shifts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shifts_terminal_id'))
        batch_op.drop_index(batch_op.f('ix_shifts_state'))

    op.drop_table('shifts')
