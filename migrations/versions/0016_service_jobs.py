"""service after the sale: installation, on-site and repair jobs (service_jobs, a cache of
its append-only, sealed job_events), what was proposed and sold on a job's sheet
(job_item_outcomes; sheet_templates.department and department_sheets say which sheet a
department proposes from), claims against service cards (card_claims), the units a
business card covers (card_units), the five card confirmations (card_confirmations), and
the job a sale was made on (sales.job_id).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 04:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

NEW_TABLES = ('department_sheets', 'card_confirmations', 'card_units', 'card_claims',
              'job_item_outcomes', 'job_events', 'service_jobs')


def _fk(table, column, target):
    return sa.ForeignKey(f'{target}.id', name=f'fk_{table}_{column}_{target}')


def _boolean(name, constraint, default='0'):
    return sa.Column(name, sa.Boolean(create_constraint=True, name=op.f(constraint)),
                     server_default=default, nullable=False)


def _create_tables() -> None:
    op.create_table(
        'service_jobs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('job_no', sa.String(24), nullable=False),
        sa.Column('store_id', sa.Integer(), _fk('service_jobs', 'store_id', 'stores'), nullable=False),
        sa.Column('kind', sa.String(20), nullable=False),
        sa.Column('state', sa.String(21), nullable=False),
        sa.Column('customer_id', sa.Integer(), _fk('service_jobs', 'customer_id', 'customers'), nullable=True),
        sa.Column('sale_id', sa.Integer(), _fk('service_jobs', 'sale_id', 'sales'), nullable=True),
        sa.Column('unit_line_id', sa.Integer(), _fk('service_jobs', 'unit_line_id', 'sale_lines'), nullable=True),
        sa.Column('product_id', sa.Integer(), _fk('service_jobs', 'product_id', 'products'), nullable=True),
        sa.Column('serial', sa.String(64), nullable=True),
        sa.Column('unit_name', sa.String(200), server_default='', nullable=False),
        _boolean('not_sold_here', 'ck_service_jobs_not_sold_here_is_boolean'),
        sa.Column('need', sa.Text(), server_default='', nullable=False),
        sa.Column('priority', sa.Integer(), server_default='2', nullable=False),
        sa.Column('area', sa.String(20), nullable=True),
        sa.Column('address', sa.String(300), server_default='', nullable=False),
        sa.Column('contact_phone', sa.String(32), nullable=True),
        sa.Column('technician_id', sa.Integer(), _fk('service_jobs', 'technician_id', 'staff'), nullable=True),
        sa.Column('appointment_start', sa.DateTime(timezone=True), nullable=True),
        sa.Column('appointment_end', sa.DateTime(timezone=True), nullable=True),
        sa.Column('registered_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('due_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('arrived_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('fault', sa.Text(), server_default='', nullable=False),
        sa.Column('accessories', sa.String(300), server_default='', nullable=False),
        sa.Column('condition', sa.String(300), server_default='', nullable=False),
        sa.Column('estimate', sa.BigInteger(), nullable=True),
        sa.Column('diagnosis', sa.Text(), server_default='', nullable=False),
        sa.Column('card_id', sa.Integer(), _fk('service_jobs', 'card_id', 'service_cards'), nullable=True),
        sa.Column('created_by', sa.Integer(), _fk('service_jobs', 'created_by', 'staff'), nullable=True),
        sa.Column('request_id', sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_service_jobs'),
        sa.UniqueConstraint('job_no', name='uq_service_jobs_job_no'),
        sa.UniqueConstraint('request_id', name='uq_service_jobs_request_id'))
    op.create_index('ix_service_jobs_board', 'service_jobs', ['store_id', 'state', 'due_at'])
    op.create_index('ix_service_jobs_technician', 'service_jobs',
                    ['technician_id', 'state', 'appointment_start'])
    op.create_index('ix_service_jobs_serial', 'service_jobs', ['serial'])
    op.create_index('ix_service_jobs_customer_id', 'service_jobs', ['customer_id'])
    op.create_table(
        'job_events',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('job_id', sa.Integer(), _fk('job_events', 'job_id', 'service_jobs'), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('staff_id', sa.Integer(), _fk('job_events', 'staff_id', 'staff'), nullable=True),
        sa.Column('kind', sa.String(20), nullable=False),
        sa.Column('from_state', sa.String(21), nullable=True),
        sa.Column('to_state', sa.String(21), nullable=True),
        sa.Column('details_json', sa.Text(), server_default='{}', nullable=False),
        sa.Column('event_id', sa.Integer(), _fk('job_events', 'event_id', 'audit_events'), nullable=True),
        sa.PrimaryKeyConstraint('id', name='pk_job_events'))
    op.create_index('ix_job_events_job_id', 'job_events', ['job_id', 'id'])
    op.create_table(
        'job_item_outcomes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('job_id', sa.Integer(), _fk('job_item_outcomes', 'job_id', 'service_jobs'), nullable=False),
        sa.Column('sheet_item_id', sa.Integer(), _fk('job_item_outcomes', 'sheet_item_id', 'sheet_items'), nullable=True),
        sa.Column('item_code', sa.String(40), nullable=False),
        sa.Column('item_name', sa.String(120), nullable=False),
        sa.Column('outcome', sa.String(19), nullable=False),
        _boolean('proposed_in_call', 'ck_job_item_outcomes_proposed_in_call_is_boolean'),
        sa.Column('answer', sa.String(300), server_default='', nullable=False),
        sa.Column('sold_sale_id', sa.Integer(), _fk('job_item_outcomes', 'sold_sale_id', 'sales'), nullable=True),
        sa.Column('staff_id', sa.Integer(), _fk('job_item_outcomes', 'staff_id', 'staff'), nullable=True),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_job_item_outcomes'),
        sa.UniqueConstraint('job_id', 'sheet_item_id', name='uq_job_item_outcomes_job_id'))
    op.create_table(
        'card_claims',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('claim_no', sa.String(24), nullable=False),
        sa.Column('card_id', sa.Integer(), _fk('card_claims', 'card_id', 'service_cards'), nullable=False),
        sa.Column('job_id', sa.Integer(), _fk('card_claims', 'job_id', 'service_jobs'), nullable=True),
        sa.Column('serial', sa.String(64), nullable=True),
        sa.Column('covered', sa.Boolean(create_constraint=True, name=op.f('ck_card_claims_covered_is_boolean')), nullable=False),
        sa.Column('what', sa.String(40), nullable=False),
        sa.Column('reason', sa.String(40), nullable=True),
        sa.Column('staff_id', sa.Integer(), _fk('card_claims', 'staff_id', 'staff'), nullable=True),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('event_id', sa.Integer(), _fk('card_claims', 'event_id', 'audit_events'), nullable=True),
        sa.PrimaryKeyConstraint('id', name='pk_card_claims'),
        sa.UniqueConstraint('claim_no', name='uq_card_claims_claim_no'))
    op.create_index('ix_card_claims_card_id', 'card_claims', ['card_id', 'at'])
    op.create_index('ix_card_claims_job_id', 'card_claims', ['job_id'])
    op.create_table(
        'card_units',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('card_id', sa.Integer(), _fk('card_units', 'card_id', 'service_cards'), nullable=False),
        sa.Column('serial', sa.String(64), nullable=False),
        sa.Column('product_id', sa.Integer(), _fk('card_units', 'product_id', 'products'), nullable=True),
        sa.Column('registered_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('staff_id', sa.Integer(), _fk('card_units', 'staff_id', 'staff'), nullable=True),
        sa.Column('event_id', sa.Integer(), _fk('card_units', 'event_id', 'audit_events'), nullable=True),
        sa.PrimaryKeyConstraint('id', name='pk_card_units'),
        sa.UniqueConstraint('card_id', 'serial', name='uq_card_units_card_id'))
    op.create_index('ix_card_units_serial', 'card_units', ['serial'])
    op.create_table(
        'card_confirmations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('sale_id', sa.Integer(), _fk('card_confirmations', 'sale_id', 'sales'), nullable=True),
        sa.Column('unit_line_id', sa.Integer(), _fk('card_confirmations', 'unit_line_id', 'sale_lines'), nullable=True),
        sa.Column('job_id', sa.Integer(), _fk('card_confirmations', 'job_id', 'service_jobs'), nullable=True),
        sa.Column('serial', sa.String(64), nullable=True),
        sa.Column('point', sa.String(22), nullable=False),
        sa.Column('accepted', sa.Boolean(create_constraint=True, name=op.f('ck_card_confirmations_accepted_is_boolean')), nullable=False),
        sa.Column('staff_id', sa.Integer(), _fk('card_confirmations', 'staff_id', 'staff'), nullable=True),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_card_confirmations'))
    op.create_index('ix_card_confirmations_sale_id', 'card_confirmations', ['sale_id'])
    op.create_index('ix_card_confirmations_job_id', 'card_confirmations', ['job_id'])
    op.create_index('ix_card_confirmations_staff_id', 'card_confirmations', ['staff_id', 'at'])
    op.create_table(
        'department_sheets',
        sa.Column('department', sa.String(20), nullable=False),
        sa.Column('category_id', sa.Integer(), _fk('department_sheets', 'category_id', 'categories'), nullable=False),
        sa.Column('template_id', sa.Integer(), sa.ForeignKey('sheet_templates.id', ondelete='CASCADE', name='fk_department_sheets_template_id_sheet_templates'), nullable=False),
        sa.PrimaryKeyConstraint('department', 'category_id', name='pk_department_sheets'))


def upgrade() -> None:
    bind = op.get_bind()
    tables = set(sa.inspect(bind).get_table_names())
    if 'service_jobs' not in tables:  # a downgrade keeps jobs: their events are sealed
        _create_tables()
    op.add_column('sheet_templates', sa.Column('department', sa.String(20),
                                               server_default='counter', nullable=False))
    op.add_column('sales', sa.Column('job_id', sa.Integer(), nullable=True))
    op.create_index('ix_sales_job_id', 'sales', ['job_id'])


def downgrade() -> None:
    op.drop_index('ix_sales_job_id', table_name='sales')
    with op.batch_alter_table('sales') as batch:
        batch.drop_column('job_id')
    with op.batch_alter_table('sheet_templates') as batch:
        batch.drop_column('department')
    # The job tables (and the departments' sheets, now without a department) are kept:
    # their events are sealed in the journal.
