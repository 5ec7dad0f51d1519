"""What the till shows of a unit, read at once: its configuration sheet (items, the
products that satisfy them with their price and stock now) and the service-card tiers it
can take (priced for it), in one statement: a union of pos.selling.sheet.sheet_select
and pos.selling.cards.tier_select, each padded with typed NULLs for the other's columns.
On PostgreSQL that is one round trip for what took a dozen (a Session each, a query for
the tiers, one for the warranty, one per tier for its bands)."""

from __future__ import annotations

from sqlalchemy import literal_column, null, union_all

from pos.db.engine import Database
from pos.selling import cards, sheet
from pos.selling.cart import Cart


def _nulls(columns) -> list:
    return [null().cast(column.type) for column in columns]


def sheet_and_tiers(db: Database, cart: Cart, *, main_line_id: str
                    ) -> tuple[list[sheet.SheetRow], list[cards.TierOffer]]:
    """The unit's sheet rows (pos.selling.sheet.sheet_rows) and the tiers to offer it
    (pos.selling.cards.offered_tiers), from one statement."""
    main = cart.main_line(main_line_id)
    tier_padding = _nulls([*cards.TIER_COLUMNS, *cards.TIER_COLUMNS[:2]])  # + 2 warranties
    tier_padding[-2:] = [null().cast(cards.TIER_COLUMNS[5].type)] * 2  # the warranties: ints
    with db.read_connection() as connection:
        if main.sheet_template_id is None:
            rows = connection.execute(cards.tier_select(main)).all()
            return [], cards.offerable(cards.offers_from_rows(rows, main), cart,
                                       main_line_id=main_line_id)
        statement = union_all(
            sheet.sheet_select(main.sheet_template_id, before=[literal_column("0")],
                               after=tier_padding),
            cards.tier_select(main, before=[literal_column("1"),
                                            *_nulls(sheet.SHEET_COLUMNS)]))
        rows = connection.execute(statement, sheet.stock_at(cart)).all()  # this store's stock
    sheet_part = [row[1:1 + sheet.SHEET_WIDTH] for row in rows if row[0] == 0]
    tier_part = [row[1 + sheet.SHEET_WIDTH:] for row in rows if row[0] == 1]
    offers = cards.offers_from_rows(tier_part, main)
    return (sheet.rows_from(sheet_part, cart, main_line_id=main_line_id),
            cards.offerable(offers, cart, main_line_id=main_line_id))
