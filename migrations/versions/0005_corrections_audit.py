"""corrections, approvals, audit, PIN lockout

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 19:31:43.650544
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('approvals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('ref', sa.String(length=60), nullable=False),
    sa.Column('requested_by', sa.Integer(), nullable=False),
    sa.Column('approved_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['approved_by'], ['staff.id'], name=op.f('fk_approvals_approved_by_staff')),
    sa.ForeignKeyConstraint(['requested_by'], ['staff.id'], name=op.f('fk_approvals_requested_by_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_approvals'))
    )
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('ref', sa.String(length=60), nullable=False),
    sa.Column('details_json', sa.Text(), nullable=False),
    sa.Column('journal_hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_audit_events_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_staff_id'), ['staff_id'], unique=False)

    with op.batch_alter_table('sale_lines', schema=None) as batch_op:
        batch_op.add_column(sa.Column('original_line_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_sale_lines_original_line_id'), ['original_line_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_sale_lines_original_line_id_sale_lines'), 'sale_lines', ['original_line_id'], ['id'])

    with op.batch_alter_table('sales', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.Enum('sale', 'refund', 'void', name='documentkind', native_enum=False, length=14), server_default='sale', nullable=False))
        batch_op.add_column(sa.Column('original_sale_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_sales_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_sales_original_sale_id'), ['original_sale_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_sales_original_sale_id_sales'), 'sales', ['original_sale_id'], ['id'])

    with op.batch_alter_table('service_cards', schema=None) as batch_op:
        batch_op.alter_column('state',
               existing_type=sa.VARCHAR(length=14),
               type_=sa.Enum('active', 'cancelled', name='cardstate', native_enum=False, length=17),
               existing_nullable=False)

    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failed_pins', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_pins')

    with op.batch_alter_table('service_cards', schema=None) as batch_op:
        batch_op.alter_column('state',
               existing_type=sa.Enum('active', 'cancelled', name='cardstate', native_enum=False, length=17),
               type_=sa.VARCHAR(length=14),
               existing_nullable=False)

    with op.batch_alter_table('sales', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_sales_original_sale_id_sales'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_sales_original_sale_id'))
        batch_op.drop_index(batch_op.f('ix_sales_kind'))
        batch_op.drop_column('original_sale_id')
        batch_op.drop_column('kind')

    with op.batch_alter_table('sale_lines', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_sale_lines_original_line_id_sale_lines'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_sale_lines_original_line_id'))
        batch_op.drop_column('original_line_id')

    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_events_staff_id'))
        batch_op.drop_index(batch_op.f('ix_audit_events_at'))
        batch_op.drop_index(batch_op.f('ix_audit_events_action'))

    op.drop_table('audit_events')
    op.drop_table('approvals')
