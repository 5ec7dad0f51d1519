"""lean sale indexes: each index is a page more that every sale writes and syncs

Dropped: indexes a unique key already serves (sales by terminal, lines and payments of
a sale) and ones no lookup needs (sales by staff, kind or completion time, lines by
product, outcomes by sheet item or unit: a unit's later add-ons are found through the
sales that name its sale as their original; journal entries by document: the journal
is read in chain order). Serials, attachments, returned lines and corrections are indexed only where
set (partial indexes), so the many rows without them cost nothing.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 09:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

# (table, index, column): indexed only where the column is set
PARTIAL = (
    ('sales', 'ix_sales_original_sale_id', 'original_sale_id'),
    ('sale_lines', 'ix_sale_lines_parent_line_id', 'parent_line_id'),
    ('sale_lines', 'ix_sale_lines_serial', 'serial'),
    ('sale_lines', 'ix_sale_lines_original_line_id', 'original_line_id'),
)
DROPPED = (
    ('sales', 'ix_sales_terminal_id', 'terminal_id'),
    ('sales', 'ix_sales_staff_id', 'staff_id'),
    ('sales', 'ix_sales_kind', 'kind'),
    ('sales', 'ix_sales_completed_at', 'completed_at'),
    ('sale_lines', 'ix_sale_lines_sale_id', 'sale_id'),
    ('sale_lines', 'ix_sale_lines_product_id', 'product_id'),
    ('payments', 'ix_payments_sale_id', 'sale_id'),
    ('sheet_outcomes', 'ix_sheet_outcomes_sheet_item_id', 'sheet_item_id'),
    ('sheet_outcomes', 'ix_sheet_outcomes_main_line_id', 'main_line_id'),
    ('journal_entries', 'ix_journal_entries_doc_ref', 'doc_ref'),
)


def upgrade() -> None:
    for table, name, column in DROPPED:
        op.drop_index(name, table_name=table)
    for table, name, column in PARTIAL:
        where = sa.text(f'{column} IS NOT NULL')
        op.drop_index(name, table_name=table)
        op.create_index(name, table, [column], unique=False,
                        sqlite_where=where, postgresql_where=where)


def downgrade() -> None:
    for table, name, column in PARTIAL:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, [column], unique=False)
    for table, name, column in DROPPED:
        op.create_index(name, table, [column], unique=False)
