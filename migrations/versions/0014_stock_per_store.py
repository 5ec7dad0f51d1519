"""stock per store: every quantity is a store's (store_stock, a cache of its movements),
every change a movement (stock_moves) from a sale line or a sealed stock document
(stock_documents: receipts, transfers, counts, adjustments, write-offs, openings, each
numbered per store by store_counters), and every serial-tracked unit the store knows has
a place and a state (serial_units, which replaces sold_serials). A count being scanned
is scratch state (stock_count_drafts, stock_count_scans).

The upgrade seals each product's one quantity as the home store's opening stock (an
OPENING document that also says which sales came before: pos.ledger.stock_opening),
turns the sold serials into sold units at the store that sold them, and drops
products.stock and sold_serials.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 00:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

NEW_TABLES = ('stock_count_scans', 'stock_count_drafts', 'store_counters', 'serial_units',
              'stock_moves', 'stock_documents', 'store_stock')


def _when_set(column):
    return {'sqlite_where': sa.text(f'{column} IS NOT NULL'),
            'postgresql_where': sa.text(f'{column} IS NOT NULL')}


def _create_tables() -> None:
    op.create_table(
        'store_stock',
        sa.Column('store_id', sa.Integer(), sa.ForeignKey('stores.id', name='fk_store_stock_store_id_stores'), nullable=False),
        sa.Column('product_id', sa.Integer(), sa.ForeignKey('products.id', name='fk_store_stock_product_id_products'), nullable=False),
        sa.Column('on_hand', sa.Integer(), server_default='0', nullable=False),
        sa.Column('in_transit', sa.Integer(), server_default='0', nullable=False),
        sa.Column('reorder_point', sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint('store_id', 'product_id', name='pk_store_stock'))
    op.create_index('ix_store_stock_product_id', 'store_stock', ['product_id', 'store_id'])
    op.create_table(
        'stock_documents',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('doc_no', sa.String(24), nullable=False),
        sa.Column('kind', sa.String(20), nullable=False),
        sa.Column('store_id', sa.Integer(), sa.ForeignKey('stores.id', name='fk_stock_documents_store_id_stores'), nullable=False),
        sa.Column('other_store_id', sa.Integer(), sa.ForeignKey('stores.id', name='fk_stock_documents_other_store_id_stores'), nullable=True),
        sa.Column('transfer_id', sa.Integer(), sa.ForeignKey('stock_documents.id', name='fk_stock_documents_transfer_id_stock_documents'), nullable=True),
        sa.Column('staff_id', sa.Integer(), sa.ForeignKey('staff.id', name='fk_stock_documents_staff_id_staff'), nullable=True),
        sa.Column('terminal_id', sa.Integer(), sa.ForeignKey('terminals.id', name='fk_stock_documents_terminal_id_terminals'), nullable=True),
        sa.Column('supplier', sa.String(120), nullable=True),
        sa.Column('supplier_ref', sa.String(60), nullable=True),
        sa.Column('reason', sa.String(24), nullable=True),
        sa.Column('note', sa.String(200), server_default='', nullable=False),
        sa.Column('scope', sa.String(120), nullable=True),
        sa.Column('business_date', sa.Date(), nullable=False),
        sa.Column('posted_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('request_id', sa.String(36), nullable=False),
        sa.Column('first_sale_id', sa.Integer(), nullable=True),
        sa.Column('journal_hash', sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_stock_documents'),
        sa.UniqueConstraint('doc_no', name='uq_stock_documents_doc_no'),
        sa.UniqueConstraint('request_id', name='uq_stock_documents_request_id'))
    op.create_index('ix_stock_documents_store_id', 'stock_documents', ['store_id', 'posted_at'])
    op.create_index('ix_stock_documents_other_store_id', 'stock_documents', ['other_store_id'],
                    **_when_set('other_store_id'))
    op.create_index('uq_stock_documents_transfer_id', 'stock_documents', ['transfer_id'],
                    unique=True, **_when_set('transfer_id'))
    op.create_table(
        'stock_moves',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('doc_id', sa.Integer(), sa.ForeignKey('stock_documents.id', name='fk_stock_moves_doc_id_stock_documents'), nullable=True),
        sa.Column('position', sa.Integer(), nullable=True),
        sa.Column('sale_line_id', sa.Integer(), sa.ForeignKey('sale_lines.id', name='fk_stock_moves_sale_line_id_sale_lines'), nullable=True),
        sa.Column('store_id', sa.Integer(), sa.ForeignKey('stores.id', name='fk_stock_moves_store_id_stores'), nullable=False),
        sa.Column('product_id', sa.Integer(), sa.ForeignKey('products.id', name='fk_stock_moves_product_id_products'), nullable=False),
        sa.Column('bucket', sa.String(15), nullable=False),
        sa.Column('qty', sa.Integer(), nullable=False),
        sa.Column('serial', sa.String(64), nullable=True),
        sa.Column('unit_cost', sa.BigInteger(), nullable=True),
        sa.Column('expected', sa.Integer(), nullable=True),
        sa.Column('counted', sa.Integer(), nullable=True),
        sa.Column('reason', sa.String(24), nullable=True),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint('(doc_id IS NULL) <> (sale_line_id IS NULL)',
                           name='ck_stock_moves_one_source'),
        sa.PrimaryKeyConstraint('id', name='pk_stock_moves'),
        sa.UniqueConstraint('doc_id', 'position', name='uq_stock_moves_doc_id'))
    op.create_index('uq_stock_moves_sale_line_id', 'stock_moves', ['sale_line_id'], unique=True,
                    **_when_set('sale_line_id'))
    op.create_index('ix_stock_moves_store_id', 'stock_moves', ['store_id', 'product_id', 'at'])
    op.create_index('ix_stock_moves_serial', 'stock_moves', ['serial'], **_when_set('serial'))
    op.create_table(
        'serial_units',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('product_id', sa.Integer(), sa.ForeignKey('products.id', name='fk_serial_units_product_id_products'), nullable=False),
        sa.Column('serial', sa.String(64), nullable=False),
        sa.Column('state', sa.String(19), nullable=False),
        sa.Column('store_id', sa.Integer(), sa.ForeignKey('stores.id', name='fk_serial_units_store_id_stores'), nullable=True),
        sa.Column('sale_line_id', sa.Integer(), sa.ForeignKey('sale_lines.id', name='fk_serial_units_sale_line_id_sale_lines'), nullable=True),
        sa.Column('last_move_id', sa.Integer(), sa.ForeignKey('stock_moves.id', name='fk_serial_units_last_move_id_stock_moves'), nullable=True),
        sa.PrimaryKeyConstraint('id', name='pk_serial_units'),
        sa.UniqueConstraint('product_id', 'serial', name='uq_serial_units_product_id'))
    op.create_index('ix_serial_units_serial', 'serial_units', ['serial'])
    op.create_index('ix_serial_units_store_id', 'serial_units', ['store_id', 'state', 'product_id'])
    op.create_table(
        'store_counters',
        sa.Column('store_id', sa.Integer(), sa.ForeignKey('stores.id', name='fk_store_counters_store_id_stores'), nullable=False),
        sa.Column('kind', sa.String(20), nullable=False),
        sa.Column('last_number', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('store_id', 'kind', name='pk_store_counters'))
    op.create_table(
        'stock_count_drafts',
        sa.Column('id', sa.String(36), nullable=False),
        sa.Column('store_id', sa.Integer(), sa.ForeignKey('stores.id', name='fk_stock_count_drafts_store_id_stores'), nullable=False),
        sa.Column('scope', sa.String(120), nullable=False),
        sa.Column('started_by', sa.Integer(), sa.ForeignKey('staff.id', name='fk_stock_count_drafts_started_by_staff'), nullable=True),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_stock_count_drafts'))
    op.create_table(
        'stock_count_scans',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('draft_id', sa.String(36), sa.ForeignKey('stock_count_drafts.id', ondelete='CASCADE', name='fk_stock_count_scans_draft_id_stock_count_drafts'), nullable=False),
        sa.Column('product_id', sa.Integer(), sa.ForeignKey('products.id', name='fk_stock_count_scans_product_id_products'), nullable=False),
        sa.Column('serial', sa.String(64), nullable=True),
        sa.Column('qty', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_stock_count_scans'))
    op.create_index('ix_stock_count_scans_draft_id', 'stock_count_scans', ['draft_id', 'product_id'])


def upgrade() -> None:
    bind = op.get_bind()
    existing = set(sa.inspect(bind).get_table_names())
    created = 'store_stock' not in existing
    if created:  # a downgrade keeps sealed documents: only what is missing is made
        _create_tables()
    if created:
        from pos.ledger.stock_opening import adopt_products  # app code: it seals

        adopt_products(bind)
    # Sold serials become sold units at the store of the till that sold them.
    bind.execute(sa.text(
        "INSERT INTO serial_units (product_id, serial, state, store_id, sale_line_id) "
        "SELECT s.product_id, s.serial, 'sold', t.store_id, s.line_id FROM sold_serials s "
        "JOIN sale_lines l ON l.id = s.line_id JOIN sales x ON x.id = l.sale_id "
        "JOIN terminals t ON t.id = x.terminal_id "
        "WHERE NOT EXISTS (SELECT 1 FROM serial_units u WHERE u.product_id = s.product_id "
        "AND u.serial = s.serial)"))
    op.drop_table('sold_serials')
    with op.batch_alter_table('products') as batch:
        batch.drop_column('stock')


def downgrade() -> None:
    with op.batch_alter_table('products') as batch:
        batch.add_column(sa.Column('stock', sa.Integer(), nullable=False, server_default='0'))
    op.execute("UPDATE products SET stock = COALESCE((SELECT sum(on_hand) FROM store_stock s "
               "WHERE s.product_id = products.id), 0)")
    op.create_table(
        'sold_serials',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('product_id', sa.Integer(), sa.ForeignKey('products.id', name='fk_sold_serials_product_id_products'), nullable=False),
        sa.Column('serial', sa.String(64), nullable=False),
        sa.Column('line_id', sa.Integer(), sa.ForeignKey('sale_lines.id', name='fk_sold_serials_line_id_sale_lines'), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_sold_serials'),
        sa.UniqueConstraint('product_id', 'serial', name='uq_sold_serials_product_id'))
    op.execute("INSERT INTO sold_serials (product_id, serial, line_id) SELECT product_id, "
               "serial, sale_line_id FROM serial_units WHERE state = 'sold' "
               "AND sale_line_id IS NOT NULL")
    # The stock documents are sealed in the journal: they are kept, never deleted.
