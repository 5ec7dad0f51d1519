"""history indexes: what the day report and the journal join on, so their cost follows
the day's documents, not the history.

- sales by business date and till: (business_date, terminal_id) replaces the index on
  business_date alone (the same pages per sale): a till's or a store's day is found in
  the index without reading every till's sales of the day.
- a unit's service cards (service_cards.main_line_id): an installer's add-on asks whether
  the unit already has one, which read every card ever sold.
- a till's shifts by closing time (shifts: terminal_id, closed_at) replaces the index on
  terminal_id alone: the Z reports of a day are found without reading every shift the
  till ever closed.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-15 11:00:00
"""
import sqlalchemy as sa  # noqa: F401
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

# (table, dropped index, its columns, new index, its columns)
REPLACED = (
    ('sales', 'ix_sales_business_date', ['business_date'],
     'ix_sales_business_date_terminal_id', ['business_date', 'terminal_id']),
    ('shifts', 'ix_shifts_terminal_id', ['terminal_id'],
     'ix_shifts_terminal_id_closed_at', ['terminal_id', 'closed_at']),
)
ADDED = (('service_cards', 'ix_service_cards_main_line_id', ['main_line_id']),)


def upgrade() -> None:
    for table, _old, _old_columns, name, columns in REPLACED:
        op.create_index(name, table, columns, unique=False)
    for table, old, _old_columns, _name, _columns in REPLACED:
        op.drop_index(old, table_name=table)
    for table, name, columns in ADDED:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for table, name, _columns in ADDED:
        op.drop_index(name, table_name=table)
    for table, old, old_columns, name, _columns in REPLACED:
        op.create_index(old, table, old_columns, unique=False)
        op.drop_index(name, table_name=table)
