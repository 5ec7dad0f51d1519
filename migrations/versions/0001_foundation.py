"""store foundation: catalog, sheets, service tiers, people, store

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 18:39:00.589839
"""
import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('customers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.Enum('consumer', 'business', name='customerkind', native_enum=False, length=16), nullable=False),
    sa.Column('company', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customers')),
    sa.UniqueConstraint('phone', name=op.f('uq_customers_phone'))
    )
    op.create_table('service_tiers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('audience', sa.Enum('consumer', 'business', name='audience', native_enum=False, length=16), nullable=False),
    sa.Column('term_months', sa.Integer(), nullable=True),
    sa.Column('service_mode', sa.Enum('on_site', 'carry_in', name='servicemode', native_enum=False, length=16), nullable=False),
    sa.Column('units_covered', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_tiers')),
    sa.UniqueConstraint('code', name=op.f('uq_service_tiers_code'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value_json', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('sheet_templates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sheet_templates')),
    sa.UniqueConstraint('code', name=op.f('uq_sheet_templates_code'))
    )
    op.create_table('staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.Enum('cashier', 'installer', 'manager', 'admin', name='staffrole', native_enum=False, length=17), nullable=False),
    sa.Column('pin_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff')),
    sa.UniqueConstraint('name', name=op.f('uq_staff_name'))
    )
    op.create_table('stores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('tax_id', sa.String(length=40), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('locale', sa.String(length=20), nullable=False),
    sa.Column('receipt_footer', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stores')),
    sa.UniqueConstraint('code', name=op.f('uq_stores_code'))
    )
    op.create_table('categories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.Enum('main_unit', 'accessory', 'software', 'service', 'gift_pack', name='categorykind', native_enum=False, length=17), nullable=False),
    sa.Column('sheet_layout', sa.Enum('desktop_pc', 'notebook', 'digital', 'phone', name='sheetlayout', native_enum=False, length=18), nullable=True),
    sa.Column('sheet_template_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['sheet_template_id'], ['sheet_templates.id'], name=op.f('fk_categories_sheet_template_id_sheet_templates'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_categories')),
    sa.UniqueConstraint('code', name=op.f('uq_categories_code'))
    )
    with op.batch_alter_table('categories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_categories_sheet_template_id'), ['sheet_template_id'], unique=False)

    op.create_table('sheet_sections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('template_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.ForeignKeyConstraint(['template_id'], ['sheet_templates.id'], name=op.f('fk_sheet_sections_template_id_sheet_templates'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sheet_sections')),
    sa.UniqueConstraint('template_id', 'position', name=op.f('uq_sheet_sections_template_id'))
    )
    with op.batch_alter_table('sheet_sections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sheet_sections_template_id'), ['template_id'], unique=False)

    op.create_table('terminals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_terminals_store_id_stores')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_terminals')),
    sa.UniqueConstraint('code', name=op.f('uq_terminals_code'))
    )
    with op.batch_alter_table('terminals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_terminals_store_id'), ['store_id'], unique=False)

    op.create_table('tier_price_bands',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tier_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('max_unit_price', sa.BigInteger(), nullable=True),
    sa.Column('price', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['tier_id'], ['service_tiers.id'], name=op.f('fk_tier_price_bands_tier_id_service_tiers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tier_price_bands')),
    sa.UniqueConstraint('tier_id', 'position', name=op.f('uq_tier_price_bands_tier_id'))
    )
    op.create_table('products',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=40), nullable=False),
    sa.Column('barcode', sa.String(length=14), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('search_text', sa.String(length=260), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('price', sa.BigInteger(), nullable=False),
    sa.Column('cost', sa.BigInteger(), nullable=False),
    sa.Column('vat_rate_bp', sa.Integer(), nullable=False),
    sa.Column('stock', sa.Integer(), nullable=False),
    sa.Column('price_role', sa.Enum('traffic', 'mainstream', 'resource', 'none', name='pricerole', native_enum=False, length=18), nullable=False),
    sa.Column('serial_tracked', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_products_category_id_categories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_products')),
    sa.UniqueConstraint('barcode', name=op.f('uq_products_barcode')),
    sa.UniqueConstraint('sku', name=op.f('uq_products_sku'))
    )
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_products_category_id'), ['category_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_products_price'), ['price'], unique=False)

    op.create_table('sheet_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('section_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('script', sa.Text(), nullable=False),
    sa.Column('pack_price', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['section_id'], ['sheet_sections.id'], name=op.f('fk_sheet_items_section_id_sheet_sections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sheet_items')),
    sa.UniqueConstraint('section_id', 'position', name=op.f('uq_sheet_items_section_id'))
    )
    with op.batch_alter_table('sheet_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sheet_items_section_id'), ['section_id'], unique=False)

    op.create_table('tier_categories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tier_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_tier_categories_category_id_categories')),
    sa.ForeignKeyConstraint(['tier_id'], ['service_tiers.id'], name=op.f('fk_tier_categories_tier_id_service_tiers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tier_categories')),
    sa.UniqueConstraint('tier_id', 'category_id', name=op.f('uq_tier_categories_tier_id'))
    )
    with op.batch_alter_table('tier_categories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tier_categories_category_id'), ['category_id'], unique=False)

    op.create_table('sheet_item_products',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['sheet_items.id'], name=op.f('fk_sheet_item_products_item_id_sheet_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_sheet_item_products_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sheet_item_products')),
    sa.UniqueConstraint('item_id', 'product_id', name=op.f('uq_sheet_item_products_item_id'))
    )
    with op.batch_alter_table('sheet_item_products', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sheet_item_products_product_id'), ['product_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('sheet_item_products', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sheet_item_products_product_id'))

    op.drop_table('sheet_item_products')
    with op.batch_alter_table('tier_categories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tier_categories_category_id'))

    op.drop_table('tier_categories')
    with op.batch_alter_table('sheet_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sheet_items_section_id'))

    op.drop_table('sheet_items')
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_products_price'))
        batch_op.drop_index(batch_op.f('ix_products_category_id'))

    op.drop_table('products')
    op.drop_table('tier_price_bands')
    with op.batch_alter_table('terminals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_terminals_store_id'))

    op.drop_table('terminals')
    with op.batch_alter_table('sheet_sections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sheet_sections_template_id'))

    op.drop_table('sheet_sections')
    with op.batch_alter_table('categories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_categories_sheet_template_id'))

    op.drop_table('categories')
    op.drop_table('stores')
    op.drop_table('staff')
    op.drop_table('sheet_templates')
    op.drop_table('settings')
    op.drop_table('service_tiers')
    op.drop_table('customers')
