"""customer accounts (receivables), quotes, pre-orders with deposits, invoice requests,
leads and planned follow-ups.

An account's money documents that are not sales (payments received, write-offs, credits
applied, deposits taken and paid back) are sealed in the journal as doc_type "account"
(account_documents); each amount on an account is an item (account_items), from a sale's
on-account payment or from such a document, and allocations settle invoices with credits.
Balances and open amounts are caches that `journal verify` checks.

The upgrade turns every on-account payment already sold into an item and opens an
account for each customer who has one (pos.ledger.account_adopt, which seals the
account's terms).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 03:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

CUSTOMER_COLUMNS = ('tax_id', 'invoice_address', 'invoice_phone', 'bank_name', 'bank_account',
                    'owner_id', 'team', 'handed_over_at', 'handed_over_by')


def _where(condition):
    return {'sqlite_where': sa.text(condition), 'postgresql_where': sa.text(condition)}


def _fk(table, column, target):
    return sa.ForeignKey(f'{target}.id', name=f'fk_{table}_{column}_{target}')


def _create_tables() -> None:
    op.create_table(
        'leads',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('store_id', sa.Integer(), _fk('leads', 'store_id', 'stores'), nullable=False),
        sa.Column('kind', sa.String(22), nullable=False),
        sa.Column('contact_name', sa.String(120), nullable=False),
        sa.Column('phone', sa.String(32), nullable=True),
        sa.Column('wechat', sa.String(64), nullable=True),
        sa.Column('company', sa.String(200), nullable=True),
        sa.Column('customer_id', sa.Integer(), _fk('leads', 'customer_id', 'customers'), nullable=True),
        sa.Column('need_who', sa.Text(), server_default='', nullable=False),
        sa.Column('need_what', sa.Text(), server_default='', nullable=False),
        sa.Column('need_can_use', sa.Text(), server_default='', nullable=False),
        sa.Column('need_values', sa.Text(), server_default='', nullable=False),
        sa.Column('need_summary', sa.Text(), server_default='', nullable=False),
        sa.Column('owner_id', sa.Integer(), _fk('leads', 'owner_id', 'staff'), nullable=True),
        sa.Column('referred_by', sa.Integer(), _fk('leads', 'referred_by', 'staff'), nullable=True),
        sa.Column('next_contact_on', sa.Date(), nullable=True),
        sa.Column('state', sa.String(19), nullable=False),
        sa.Column('lost_reason', sa.String(200), nullable=True),
        sa.Column('team', sa.String(12), nullable=True),
        sa.Column('handed_over_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('handed_over_by', sa.Integer(), _fk('leads', 'handed_over_by', 'staff'), nullable=True),
        sa.Column('created_by', sa.Integer(), _fk('leads', 'created_by', 'staff'), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_leads'))
    op.create_index('ix_leads_owner_id', 'leads', ['owner_id', 'state', 'next_contact_on'])
    op.create_index('ix_leads_state', 'leads', ['state', 'next_contact_on'])
    op.create_index('ix_leads_phone', 'leads', ['phone'])
    op.create_table(
        'customer_accounts',
        sa.Column('customer_id', sa.Integer(), _fk('customer_accounts', 'customer_id', 'customers'), nullable=False),
        sa.Column('store_id', sa.Integer(), _fk('customer_accounts', 'store_id', 'stores'), nullable=False),
        sa.Column('credit_limit', sa.BigInteger(), nullable=True),
        sa.Column('term_days', sa.Integer(), nullable=False),
        sa.Column('state', sa.String(19), nullable=False),
        sa.Column('balance', sa.BigInteger(), server_default='0', nullable=False),
        sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('opened_by', sa.Integer(), _fk('customer_accounts', 'opened_by', 'staff'), nullable=True),
        sa.Column('transferred_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('transferred_by', sa.Integer(), _fk('customer_accounts', 'transferred_by', 'staff'), nullable=True),
        sa.Column('transfer_note', sa.String(200), server_default='', nullable=False),
        sa.PrimaryKeyConstraint('customer_id', name='pk_customer_accounts'))
    op.create_table(
        'preorders',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('preorder_no', sa.String(24), nullable=False),
        sa.Column('store_id', sa.Integer(), _fk('preorders', 'store_id', 'stores'), nullable=False),
        sa.Column('customer_id', sa.Integer(), _fk('preorders', 'customer_id', 'customers'), nullable=False),
        sa.Column('product_id', sa.Integer(), _fk('preorders', 'product_id', 'products'), nullable=False),
        sa.Column('quantity', sa.Integer(), nullable=False),
        sa.Column('gift', sa.String(200), server_default='', nullable=False),
        sa.Column('price', sa.BigInteger(), nullable=True),
        sa.Column('state', sa.String(17), nullable=False),
        sa.Column('deposit_held', sa.BigInteger(), server_default='0', nullable=False),
        sa.Column('completed_sale_id', sa.Integer(), _fk('preorders', 'completed_sale_id', 'sales'), nullable=True),
        sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('notified_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('expected_on', sa.Date(), nullable=True),
        sa.Column('created_by', sa.Integer(), _fk('preorders', 'created_by', 'staff'), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint('deposit_held >= 0', name=op.f('ck_preorders_held_not_negative')),
        sa.PrimaryKeyConstraint('id', name='pk_preorders'),
        sa.UniqueConstraint('preorder_no', name='uq_preorders_preorder_no'))
    op.create_index('ix_preorders_arrivals', 'preorders', ['store_id', 'product_id', 'state', 'created_at'])
    op.create_index('ix_preorders_customer_id', 'preorders', ['customer_id'])
    op.create_table(
        'quotes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('quote_no', sa.String(24), nullable=False),
        sa.Column('store_id', sa.Integer(), _fk('quotes', 'store_id', 'stores'), nullable=False),
        sa.Column('customer_id', sa.Integer(), _fk('quotes', 'customer_id', 'customers'), nullable=False),
        sa.Column('lead_id', sa.Integer(), _fk('quotes', 'lead_id', 'leads'), nullable=True),
        sa.Column('staff_id', sa.Integer(), _fk('quotes', 'staff_id', 'staff'), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('valid_until', sa.Date(), nullable=False),
        sa.Column('state', sa.String(17), nullable=False),
        sa.Column('total', sa.BigInteger(), nullable=False),
        sa.Column('discount_total', sa.BigInteger(), nullable=False),
        sa.Column('vat_total', sa.BigInteger(), nullable=False),
        sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('converted_sale_id', sa.Integer(), _fk('quotes', 'converted_sale_id', 'sales'), nullable=True),
        sa.Column('converted_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('issue_event_id', sa.Integer(), _fk('quotes', 'issue_event_id', 'audit_events'), nullable=True),
        sa.Column('note', sa.String(200), server_default='', nullable=False),
        sa.Column('request_id', sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_quotes'),
        sa.UniqueConstraint('quote_no', name='uq_quotes_quote_no'),
        sa.UniqueConstraint('request_id', name='uq_quotes_request_id'))
    op.create_index('ix_quotes_store_id', 'quotes', ['store_id', 'created_at'])
    op.create_index('ix_quotes_state', 'quotes', ['state', 'valid_until'])
    op.create_index('ix_quotes_customer_id', 'quotes', ['customer_id'])
    op.create_table(
        'quote_lines',
        sa.Column('quote_id', sa.Integer(), _fk('quote_lines', 'quote_id', 'quotes'), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('parent', sa.Integer(), nullable=True),
        sa.Column('kind', sa.String(17), nullable=False),
        sa.Column('product_id', sa.Integer(), _fk('quote_lines', 'product_id', 'products'), nullable=True),
        sa.Column('tier_id', sa.Integer(), _fk('quote_lines', 'tier_id', 'service_tiers'), nullable=True),
        sa.Column('sheet_item_id', sa.Integer(), nullable=True),
        sa.Column('pack_code', sa.String(40), nullable=True),
        sa.Column('sku', sa.String(64), nullable=False),
        sa.Column('name', sa.String(200), nullable=False),
        sa.Column('quantity', sa.Integer(), nullable=False),
        sa.Column('list_price', sa.BigInteger(), nullable=False),
        sa.Column('unit_price', sa.BigInteger(), nullable=False),
        sa.Column('discount', sa.BigInteger(), nullable=False),
        sa.Column('line_total', sa.BigInteger(), nullable=False),
        sa.Column('vat_rate_bp', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('quote_id', 'position', name='pk_quote_lines'))
    op.create_table(
        'invoice_requests',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('sale_id', sa.Integer(), _fk('invoice_requests', 'sale_id', 'sales'), nullable=False),
        sa.Column('customer_id', sa.Integer(), _fk('invoice_requests', 'customer_id', 'customers'), nullable=False),
        sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('staff_id', sa.Integer(), _fk('invoice_requests', 'staff_id', 'staff'), nullable=True),
        sa.Column('company', sa.String(200), nullable=False),
        sa.Column('tax_id', sa.String(20), nullable=False),
        sa.Column('address', sa.String(300), server_default='', nullable=False),
        sa.Column('phone', sa.String(40), server_default='', nullable=False),
        sa.Column('bank_name', sa.String(120), server_default='', nullable=False),
        sa.Column('bank_account', sa.String(40), server_default='', nullable=False),
        sa.Column('event_id', sa.Integer(), _fk('invoice_requests', 'event_id', 'audit_events'), nullable=True),
        sa.Column('exported_at', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('id', name='pk_invoice_requests'),
        sa.UniqueConstraint('sale_id', name='uq_invoice_requests_sale_id'))
    op.create_index('ix_invoice_requests_requested_at', 'invoice_requests', ['requested_at'])
    op.create_table(
        'account_documents',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('doc_no', sa.String(24), nullable=False),
        sa.Column('kind', sa.String(22), nullable=False),
        sa.Column('store_id', sa.Integer(), _fk('account_documents', 'store_id', 'stores'), nullable=False),
        sa.Column('terminal_id', sa.Integer(), _fk('account_documents', 'terminal_id', 'terminals'), nullable=True),
        sa.Column('shift_id', sa.Integer(), _fk('account_documents', 'shift_id', 'shifts'), nullable=True),
        sa.Column('customer_id', sa.Integer(), _fk('account_documents', 'customer_id', 'customers'), nullable=False),
        sa.Column('preorder_id', sa.Integer(), _fk('account_documents', 'preorder_id', 'preorders'), nullable=True),
        sa.Column('staff_id', sa.Integer(), _fk('account_documents', 'staff_id', 'staff'), nullable=True),
        sa.Column('approved_by', sa.Integer(), _fk('account_documents', 'approved_by', 'staff'), nullable=True),
        sa.Column('amount', sa.BigInteger(), nullable=False),
        sa.Column('tender', sa.String(18), nullable=True),
        sa.Column('reference', sa.String(64), nullable=True),
        sa.Column('card_last4', sa.String(4), nullable=True),
        sa.Column('reason', sa.String(200), server_default='', nullable=False),
        sa.Column('business_date', sa.Date(), nullable=False),
        sa.Column('posted_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('request_id', sa.String(36), nullable=False),
        sa.Column('journal_hash', sa.String(64), nullable=False),
        sa.CheckConstraint('amount > 0', name=op.f('ck_account_documents_amount_positive')),
        sa.PrimaryKeyConstraint('id', name='pk_account_documents'),
        sa.UniqueConstraint('doc_no', name='uq_account_documents_doc_no'),
        sa.UniqueConstraint('request_id', name='uq_account_documents_request_id'))
    op.create_index('ix_account_documents_customer_id', 'account_documents', ['customer_id', 'id'])
    op.create_index('ix_account_documents_store_id', 'account_documents', ['store_id', 'business_date'])
    op.create_index('ix_account_documents_shift_id', 'account_documents', ['shift_id'],
                    **_where('shift_id IS NOT NULL'))
    op.create_index('ix_account_documents_preorder_id', 'account_documents', ['preorder_id'],
                    **_where('preorder_id IS NOT NULL'))
    op.create_table(
        'account_items',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('customer_id', sa.Integer(), _fk('account_items', 'customer_id', 'customers'), nullable=False),
        sa.Column('store_id', sa.Integer(), _fk('account_items', 'store_id', 'stores'), nullable=False),
        sa.Column('kind', sa.String(19), nullable=False),
        sa.Column('sale_id', sa.Integer(), _fk('account_items', 'sale_id', 'sales'), nullable=True),
        sa.Column('payment_position', sa.Integer(), nullable=True),
        sa.Column('doc_id', sa.Integer(), _fk('account_items', 'doc_id', 'account_documents'), nullable=True),
        sa.Column('amount', sa.BigInteger(), nullable=False),
        sa.Column('open_amount', sa.BigInteger(), nullable=False),
        sa.Column('due_date', sa.Date(), nullable=True),
        sa.Column('opened_on', sa.Date(), nullable=False),
        sa.CheckConstraint('(doc_id IS NULL) <> (sale_id IS NULL)', name=op.f('ck_account_items_one_source')),
        sa.PrimaryKeyConstraint('id', name='pk_account_items'))
    op.create_index('uq_account_items_sale_id', 'account_items', ['sale_id', 'payment_position'],
                    unique=True, **_where('sale_id IS NOT NULL'))
    op.create_index('uq_account_items_doc_id', 'account_items', ['doc_id'], unique=True,
                    **_where('doc_id IS NOT NULL'))
    op.create_index('ix_account_items_customer_id', 'account_items', ['customer_id', 'id'])
    op.create_index('ix_account_items_open', 'account_items',
                    ['store_id', 'customer_id', 'due_date', 'open_amount'],
                    **_where('open_amount <> 0'))
    op.create_table(
        'account_allocations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('doc_id', sa.Integer(), _fk('account_allocations', 'doc_id', 'account_documents'), nullable=False),
        sa.Column('debit_item_id', sa.Integer(), _fk('account_allocations', 'debit_item_id', 'account_items'), nullable=False),
        sa.Column('credit_item_id', sa.Integer(), _fk('account_allocations', 'credit_item_id', 'account_items'), nullable=False),
        sa.Column('amount', sa.BigInteger(), nullable=False),
        sa.CheckConstraint('amount > 0', name=op.f('ck_account_allocations_amount_positive')),
        sa.PrimaryKeyConstraint('id', name='pk_account_allocations'))
    op.create_index('ix_account_allocations_doc_id', 'account_allocations', ['doc_id'])
    op.create_index('ix_account_allocations_debit_item_id', 'account_allocations', ['debit_item_id'])
    op.create_index('ix_account_allocations_credit_item_id', 'account_allocations', ['credit_item_id'])


def _alter_people() -> None:
    with op.batch_alter_table('customers') as batch:
        batch.add_column(sa.Column('tax_id', sa.String(20), nullable=True))
        batch.add_column(sa.Column('invoice_address', sa.String(300), nullable=True))
        batch.add_column(sa.Column('invoice_phone', sa.String(40), nullable=True))
        batch.add_column(sa.Column('bank_name', sa.String(120), nullable=True))
        batch.add_column(sa.Column('bank_account', sa.String(40), nullable=True))
        batch.add_column(sa.Column('owner_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('team', sa.String(12), nullable=True))
        batch.add_column(sa.Column('handed_over_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('handed_over_by', sa.Integer(), nullable=True))
        batch.create_foreign_key('fk_customers_owner_id_staff', 'staff', ['owner_id'], ['id'])
        batch.create_foreign_key('fk_customers_handed_over_by_staff', 'staff',
                                 ['handed_over_by'], ['id'])
        batch.create_index('ix_customers_owner_id', ['owner_id'])
    with op.batch_alter_table('staff') as batch:  # customer_manager is 16 characters
        batch.alter_column('role', existing_type=sa.String(17), type_=sa.String(24),
                           existing_nullable=False)
    with op.batch_alter_table('followups') as batch:
        batch.alter_column('customer_id', existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column('lead_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('preorder_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('kind', sa.String(13), server_default='call', nullable=False))
        batch.add_column(sa.Column('due_on', sa.Date(), nullable=True))
        batch.add_column(sa.Column('planned_by', sa.Integer(), nullable=True))
        batch.create_foreign_key('fk_followups_lead_id_leads', 'leads', ['lead_id'], ['id'])
        batch.create_foreign_key('fk_followups_preorder_id_preorders', 'preorders',
                                 ['preorder_id'], ['id'])
        batch.create_foreign_key('fk_followups_planned_by_staff', 'staff', ['planned_by'], ['id'])
        batch.create_check_constraint(op.f('ck_followups_whom'),
                                      'customer_id IS NOT NULL OR lead_id IS NOT NULL')
        batch.create_index('ix_followups_lead_id', ['lead_id'])
        batch.create_index('ix_followups_assigned_due', ['assigned_to', 'due_on'])
        batch.create_index('ix_followups_assigned_called', ['assigned_to', 'called_at'])
    for name, column in (('uq_followups_customer_due', 'customer_id'),
                         ('uq_followups_lead_due', 'lead_id')):
        op.create_index(name, 'followups', [column, 'reason', 'due_on'], unique=True,
                        **_where(f'{column} IS NOT NULL AND due_on IS NOT NULL'))


def upgrade() -> None:
    bind = op.get_bind()
    created = 'customer_accounts' not in set(sa.inspect(bind).get_table_names())
    if created:  # a downgrade keeps the new tables (their documents are sealed)
        _create_tables()
    _alter_people()
    if created:
        from pos.ledger.account_adopt import adopt_on_account  # app code: it seals

        adopt_on_account(bind)


def downgrade() -> None:
    for name in ('uq_followups_customer_due', 'uq_followups_lead_due'):
        op.drop_index(name, table_name='followups')
    op.execute("DELETE FROM followups WHERE customer_id IS NULL")  # a lead's: working notes
    with op.batch_alter_table('followups') as batch:
        for name in ('ix_followups_lead_id', 'ix_followups_assigned_due',
                     'ix_followups_assigned_called'):
            batch.drop_index(name)
        batch.drop_constraint(op.f('ck_followups_whom'), type_='check')
        for name in ('fk_followups_lead_id_leads', 'fk_followups_preorder_id_preorders',
                     'fk_followups_planned_by_staff'):
            batch.drop_constraint(name, type_='foreignkey')
        for column in ('lead_id', 'preorder_id', 'kind', 'due_on', 'planned_by'):
            batch.drop_column(column)
        batch.alter_column('customer_id', existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table('customers') as batch:
        batch.drop_index('ix_customers_owner_id')
        batch.drop_constraint('fk_customers_owner_id_staff', type_='foreignkey')
        batch.drop_constraint('fk_customers_handed_over_by_staff', type_='foreignkey')
        for column in CUSTOMER_COLUMNS:
            batch.drop_column(column)
    # The new tables are kept: account documents are sealed in the journal (a store that
    # upgrades again finds them); staff.role keeps its width, as a customer manager may
    # exist.
