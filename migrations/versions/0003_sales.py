"""sales, outcomes, service cards, payments, journal, parked carts

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 18:53:59.346932
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('journal_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('doc_type', sa.String(length=20), nullable=False),
    sa.Column('doc_ref', sa.String(length=40), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_journal_entries')),
    sa.UniqueConstraint('seq', name=op.f('uq_journal_entries_seq'))
    )
    with op.batch_alter_table('journal_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_journal_entries_doc_ref'), ['doc_ref'], unique=False)

    journal_head = op.create_table('journal_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_journal_head'))
    )
    # The chain starts from a fixed genesis hash; the single head row is what writers lock.
    op.bulk_insert(journal_head, [{"id": 1, "last_seq": 0, "last_hash": "0" * 64}])
    op.create_table('document_counters',
    sa.Column('terminal_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('last_number', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], name=op.f('fk_document_counters_terminal_id_terminals')),
    sa.PrimaryKeyConstraint('terminal_id', 'kind', name=op.f('pk_document_counters'))
    )
    op.create_table('parked_carts',
    sa.Column('cart_uuid', sa.String(length=36), nullable=False),
    sa.Column('terminal_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=120), nullable=False),
    sa.Column('parked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('cart_json', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_parked_carts_staff_id_staff')),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], name=op.f('fk_parked_carts_terminal_id_terminals')),
    sa.PrimaryKeyConstraint('cart_uuid', name=op.f('pk_parked_carts'))
    )
    with op.batch_alter_table('parked_carts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_parked_carts_terminal_id'), ['terminal_id'], unique=False)

    op.create_table('sales',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cart_uuid', sa.String(length=36), nullable=False),
    sa.Column('receipt_no', sa.String(length=24), nullable=False),
    sa.Column('terminal_id', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.Enum('completed', name='salestate', native_enum=False, length=17), nullable=False),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('business_date', sa.Date(), nullable=False),
    sa.Column('total', sa.BigInteger(), nullable=False),
    sa.Column('discount_total', sa.BigInteger(), nullable=False),
    sa.Column('vat_total', sa.BigInteger(), nullable=False),
    sa.Column('tendered', sa.BigInteger(), nullable=False),
    sa.Column('change_given', sa.BigInteger(), nullable=False),
    sa.Column('journal_hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_sales_customer_id_customers')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_sales_staff_id_staff')),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], name=op.f('fk_sales_terminal_id_terminals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sales')),
    sa.UniqueConstraint('cart_uuid', name=op.f('uq_sales_cart_uuid')),
    sa.UniqueConstraint('receipt_no', name=op.f('uq_sales_receipt_no')),
    sa.UniqueConstraint('terminal_id', 'sequence', name=op.f('uq_sales_terminal_id'))
    )
    with op.batch_alter_table('sales', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sales_business_date'), ['business_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_sales_completed_at'), ['completed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_sales_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sales_staff_id'), ['staff_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sales_terminal_id'), ['terminal_id'], unique=False)

    op.create_table('payments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sale_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('tender', sa.Enum('cash', 'bank_card', 'wechat', 'alipay', 'voucher', 'on_account', name='tender', native_enum=False, length=18), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('reference', sa.String(length=64), nullable=True),
    sa.Column('card_last4', sa.String(length=4), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['sale_id'], ['sales.id'], name=op.f('fk_payments_sale_id_sales')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payments')),
    sa.UniqueConstraint('sale_id', 'position', name=op.f('uq_payments_sale_id'))
    )
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payments_sale_id'), ['sale_id'], unique=False)

    op.create_table('sale_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sale_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('main_unit', 'accessory', 'card', name='linekind', native_enum=False, length=17), nullable=False),
    sa.Column('parent_line_id', sa.Integer(), nullable=True),
    sa.Column('product_id', sa.Integer(), nullable=True),
    sa.Column('tier_id', sa.Integer(), nullable=True),
    sa.Column('sheet_item_id', sa.Integer(), nullable=True),
    sa.Column('pack_code', sa.String(length=40), nullable=True),
    sa.Column('sku', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('list_price', sa.BigInteger(), nullable=False),
    sa.Column('unit_price', sa.BigInteger(), nullable=False),
    sa.Column('discount', sa.BigInteger(), nullable=False),
    sa.Column('line_total', sa.BigInteger(), nullable=False),
    sa.Column('unit_cost', sa.BigInteger(), nullable=False),
    sa.Column('vat_rate_bp', sa.Integer(), nullable=False),
    sa.Column('serial', sa.String(length=64), nullable=True),
    sa.Column('override_reason', sa.String(length=200), nullable=True),
    sa.Column('seller_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['parent_line_id'], ['sale_lines.id'], name=op.f('fk_sale_lines_parent_line_id_sale_lines')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_sale_lines_product_id_products')),
    sa.ForeignKeyConstraint(['sale_id'], ['sales.id'], name=op.f('fk_sale_lines_sale_id_sales')),
    sa.ForeignKeyConstraint(['seller_id'], ['staff.id'], name=op.f('fk_sale_lines_seller_id_staff')),
    sa.ForeignKeyConstraint(['sheet_item_id'], ['sheet_items.id'], name=op.f('fk_sale_lines_sheet_item_id_sheet_items'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tier_id'], ['service_tiers.id'], name=op.f('fk_sale_lines_tier_id_service_tiers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sale_lines')),
    sa.UniqueConstraint('sale_id', 'position', name=op.f('uq_sale_lines_sale_id'))
    )
    with op.batch_alter_table('sale_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sale_lines_parent_line_id'), ['parent_line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sale_lines_product_id'), ['product_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sale_lines_sale_id'), ['sale_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sale_lines_serial'), ['serial'], unique=False)

    op.create_table('service_cards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('card_no', sa.String(length=32), nullable=False),
    sa.Column('sale_id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('main_line_id', sa.Integer(), nullable=False),
    sa.Column('tier_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('unit_serial', sa.String(length=64), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('state', sa.Enum('active', name='cardstate', native_enum=False, length=14), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_service_cards_customer_id_customers')),
    sa.ForeignKeyConstraint(['line_id'], ['sale_lines.id'], name=op.f('fk_service_cards_line_id_sale_lines')),
    sa.ForeignKeyConstraint(['main_line_id'], ['sale_lines.id'], name=op.f('fk_service_cards_main_line_id_sale_lines')),
    sa.ForeignKeyConstraint(['sale_id'], ['sales.id'], name=op.f('fk_service_cards_sale_id_sales')),
    sa.ForeignKeyConstraint(['tier_id'], ['service_tiers.id'], name=op.f('fk_service_cards_tier_id_service_tiers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_cards')),
    sa.UniqueConstraint('card_no', name=op.f('uq_service_cards_card_no'))
    )
    with op.batch_alter_table('service_cards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_cards_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_cards_end_date'), ['end_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_cards_sale_id'), ['sale_id'], unique=False)

    op.create_table('sheet_outcomes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sale_id', sa.Integer(), nullable=False),
    sa.Column('main_line_id', sa.Integer(), nullable=False),
    sa.Column('subject', sa.Enum('sheet_item', 'service_card', name='outcomesubject', native_enum=False, length=20), nullable=False),
    sa.Column('sheet_item_id', sa.Integer(), nullable=True),
    sa.Column('item_code', sa.String(length=40), nullable=False),
    sa.Column('item_name', sa.String(length=120), nullable=False),
    sa.Column('outcome', sa.Enum('sold', 'declined', 'not_offered', name='outcome', native_enum=False, length=19), nullable=False),
    sa.Column('sold_line_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['main_line_id'], ['sale_lines.id'], name=op.f('fk_sheet_outcomes_main_line_id_sale_lines')),
    sa.ForeignKeyConstraint(['sale_id'], ['sales.id'], name=op.f('fk_sheet_outcomes_sale_id_sales')),
    sa.ForeignKeyConstraint(['sheet_item_id'], ['sheet_items.id'], name=op.f('fk_sheet_outcomes_sheet_item_id_sheet_items'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['sold_line_id'], ['sale_lines.id'], name=op.f('fk_sheet_outcomes_sold_line_id_sale_lines')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sheet_outcomes'))
    )
    with op.batch_alter_table('sheet_outcomes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sheet_outcomes_main_line_id'), ['main_line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sheet_outcomes_sale_id'), ['sale_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sheet_outcomes_sheet_item_id'), ['sheet_item_id'], unique=False)

    op.create_table('sold_serials',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('serial', sa.String(length=64), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['line_id'], ['sale_lines.id'], name=op.f('fk_sold_serials_line_id_sale_lines')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_sold_serials_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sold_serials')),
    sa.UniqueConstraint('product_id', 'serial', name=op.f('uq_sold_serials_product_id'))
    )


def downgrade() -> None:
    op.drop_table('sold_serials')
    with op.batch_alter_table('sheet_outcomes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sheet_outcomes_sheet_item_id'))
        batch_op.drop_index(batch_op.f('ix_sheet_outcomes_sale_id'))
        batch_op.drop_index(batch_op.f('ix_sheet_outcomes_main_line_id'))

    op.drop_table('sheet_outcomes')
    with op.batch_alter_table('service_cards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_cards_sale_id'))
        batch_op.drop_index(batch_op.f('ix_service_cards_end_date'))
        batch_op.drop_index(batch_op.f('ix_service_cards_customer_id'))

    op.drop_table('service_cards')
    with op.batch_alter_table('sale_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sale_lines_serial'))
        batch_op.drop_index(batch_op.f('ix_sale_lines_sale_id'))
        batch_op.drop_index(batch_op.f('ix_sale_lines_product_id'))
        batch_op.drop_index(batch_op.f('ix_sale_lines_parent_line_id'))

    op.drop_table('sale_lines')
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payments_sale_id'))

    op.drop_table('payments')
    with op.batch_alter_table('sales', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sales_terminal_id'))
        batch_op.drop_index(batch_op.f('ix_sales_staff_id'))
        batch_op.drop_index(batch_op.f('ix_sales_customer_id'))
        batch_op.drop_index(batch_op.f('ix_sales_completed_at'))
        batch_op.drop_index(batch_op.f('ix_sales_business_date'))

    op.drop_table('sales')
    with op.batch_alter_table('parked_carts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_parked_carts_terminal_id'))

    op.drop_table('parked_carts')
    op.drop_table('document_counters')
    op.drop_table('journal_head')
    with op.batch_alter_table('journal_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_journal_entries_doc_ref'))

    op.drop_table('journal_entries')
