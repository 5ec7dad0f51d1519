"""follow-up calls

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 19:44:23.842861
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('followups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('sale_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('assigned_to', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('outcome', sa.Enum('not_called', 'reached', 'interested', 'no_answer', 'declined', 'wrong_number', name='calloutcome', native_enum=False, length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('called_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['assigned_to'], ['staff.id'], name=op.f('fk_followups_assigned_to_staff')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_followups_customer_id_customers')),
    sa.ForeignKeyConstraint(['sale_id'], ['sales.id'], name=op.f('fk_followups_sale_id_sales')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_followups'))
    )
    with op.batch_alter_table('followups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_followups_assigned_to'), ['assigned_to'], unique=False)
        batch_op.create_index(batch_op.f('ix_followups_customer_id'), ['customer_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('followups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_followups_customer_id'))
        batch_op.drop_index(batch_op.f('ix_followups_assigned_to'))

    op.drop_table('followups')
