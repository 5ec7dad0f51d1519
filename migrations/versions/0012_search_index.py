"""search index: what the catalog search needs to answer every query shape a cashier
types (barcodes, sku prefixes, 1-2 characters, typos, Chinese) quickly at 1M products.

- `catalog_search_terms` (term, neg_price, product_id): each active product's words,
  barcode and Chinese pieces, keyed "term, highest price first" (terms in "C"
  collation on PostgreSQL, so a prefix is one index range in any locale);
- `catalog_search_words` (variant, word): the vocabulary's deletion neighbourhood, for
  typos.
Both are filled here from the products already in the database; `pos.catalog.search`
explains them and keeps them in step. SQLite's `product_search` copy (0002), which the
search no longer walks, is dropped; its FTS5 index and PostgreSQL's pg_trgm index stay.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-15 10:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

_TERM = sa.String(length=64).with_variant(sa.String(length=64, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        'catalog_search_terms',
        sa.Column('term', _TERM, nullable=False),
        sa.Column('neg_price', sa.BigInteger(), nullable=False, autoincrement=False),
        sa.Column('product_id', sa.Integer(), nullable=False, autoincrement=False),
        sa.PrimaryKeyConstraint('term', 'neg_price', 'product_id',
                                name=op.f('pk_catalog_search_terms')),
        sqlite_with_rowid=False,
    )
    op.create_index('ix_catalog_search_terms_product_id', 'catalog_search_terms',
                    ['product_id', 'term'], unique=False)
    op.create_table(
        'catalog_search_words',
        sa.Column('variant', sa.String(length=24), nullable=False),
        sa.Column('word', sa.String(length=24), nullable=False),
        sa.PrimaryKeyConstraint('variant', 'word', name=op.f('pk_catalog_search_words')),
        sqlite_with_rowid=False,
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE product_search")

    from pos.catalog import search  # the same filing as the app's, from the products

    search.refresh(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("""CREATE TABLE product_search (
            neg_price INTEGER NOT NULL,
            product_id INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (neg_price, product_id)
        ) WITHOUT ROWID""")
        op.execute("""INSERT INTO product_search (neg_price, product_id, text)
            SELECT -price, id, search_text FROM products WHERE active""")
        op.execute("CREATE INDEX ix_product_search_product_id ON product_search (product_id)")
    op.drop_table('catalog_search_words')
    op.drop_index('ix_catalog_search_terms_product_id', table_name='catalog_search_terms')
    op.drop_table('catalog_search_terms')
