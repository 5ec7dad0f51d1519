"""Fast product name search.

SQLite: a narrow copy of each active product's search text clustered by price (highest
first), so a search walks it in "sell high first" order and stops after the first page,
and a trigram FTS5 index that answers rare substrings at once. `pos.catalog.search`
keeps both in step with `products` (set-based; FTS5 rows written one by one from a
trigger made a 100,000-product import ten times slower). PostgreSQL: a pg_trgm GIN
index for LIKE '%...%'.

These objects are outside the ORM metadata; `pos.db.models.base.include_in_autogenerate`
keeps autogenerate and the drift test from reporting them.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_UP = [
    """CREATE TABLE product_search (
        neg_price INTEGER NOT NULL,
        product_id INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (neg_price, product_id)
    ) WITHOUT ROWID""",
    "CREATE VIRTUAL TABLE product_search_fts USING fts5(text, tokenize='trigram', detail='none')",
    """INSERT INTO product_search (neg_price, product_id, text)
        SELECT -price, id, search_text FROM products WHERE active""",
    """INSERT INTO product_search_fts (rowid, text)
        SELECT id, search_text FROM products WHERE active""",
    "CREATE INDEX ix_product_search_product_id ON product_search (product_id)",
]
SQLITE_DOWN = [
    "DROP TABLE product_search_fts",
    "DROP TABLE product_search",
]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_UP:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        # pg_trgm is a trusted extension: a database owner may create it.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE INDEX ix_products_search_trgm ON products USING gin (search_text gin_trgm_ops)"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_DOWN:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        op.execute("DROP INDEX ix_products_search_trgm")
