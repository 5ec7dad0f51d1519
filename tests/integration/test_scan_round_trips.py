"""A main-unit scan at the till reads its product, sheet, tiers and prices in a few round
trips (issue 16: at most 5 on PostgreSQL, where each costs the link's delay), and what it
reads is the catalog as it is now: a tier, a sheet item or a price changed through the
services shows in the next scan.

Round trips are counted where they happen. On PostgreSQL every exchange with the server
(a statement, BEGIN, ROLLBACK, COMMIT, the pool's liveness ping) is one wait of the
psycopg connection for the server's answer: each connection's `wait` is counted. On
SQLite (no link) the statements are counted (`before_cursor_execute`, BEGIN included)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event

from pos.catalog.checklists import export_checklists, import_checklists_file
from pos.catalog.products import export_catalog, import_catalog_file
from pos.people import staff
from pos.people.customers import create_customer
from pos.selling.cart import Cart
from ui import ops

NOTEBOOK = "6923150020022"  # Lenovo Xiaoxin Pro 14, 6,499.00: a NOTEBOOK with a sheet
NOTEBOOK_SKU = "NB-LEN-XXPRO14"


class RoundTrips:
    """Counts round trips to the database from the moment it is made (see the module)."""

    def __init__(self, db):
        self.count, self.statements = 0, []
        self.postgres = db.engine.dialect.name == "postgresql"
        db.engine.dispose()  # every connection from here on is counted from its start
        if self.postgres:
            event.listen(db.engine, "connect", self._wrap)
        event.listen(db.engine, "before_cursor_execute", self._statement)  # said on failure

    def _wrap(self, dbapi_connection, _record):
        wait = dbapi_connection.wait

        def counted(gen, *args, **kwargs):
            return wait(self._exchange(gen), *args, **kwargs)
        dbapi_connection.wait = counted

    def _exchange(self, gen):
        """psycopg's generator for one exchange, counted when it waits on the socket
        (some of its steps, like switching autocommit while idle, never do)."""
        try:
            state = next(gen)
        except StopIteration as done:
            return done.value
        self.count += 1
        while True:
            ready = yield state
            try:
                state = gen.send(ready)
            except StopIteration as done:
                return done.value

    def _statement(self, _conn, _cursor, statement, *_args):
        if not self.postgres:
            self.count += 1
        self.statements.append(statement)

    def reset(self) -> None:
        self.count, self.statements = 0, []


def _cashier(db):
    return next(s for s in staff.list_staff(db) if s.role.value == "cashier")


def _scan(db, cart, code=NOTEBOOK):
    return ops.add_product(cart, None, code=code)(db)


def test_a_main_unit_scan_takes_at_most_five_round_trips(demo_db):
    cashier = _cashier(demo_db)
    trips = RoundTrips(demo_db)
    _scan(demo_db, Cart.new(staff_id=cashier.id, terminal="T01"))  # connect, warm up
    trips.reset()
    view = _scan(demo_db, Cart.new(staff_id=cashier.id, terminal="T01"))
    assert view.rows and view.offers  # the sheet and its tiers came with it
    assert view.cart.main_units()[0].sku == NOTEBOOK_SKU
    scan_trips = trips.count
    assert 0 < scan_trips <= 5, trips.statements
    if not trips.postgres:
        assert scan_trips <= 4, trips.statements  # BEGIN, product, category, sheet+tiers

    # With a customer on the sale (read again with the view) it still fits.
    customer = create_customer(demo_db, phone="13900001111", name="Wang Fang")
    cart = Cart.new(staff_id=cashier.id, terminal="T01")
    cart.customer_id = customer.id
    trips.reset()
    view = _scan(demo_db, cart)
    assert view.customer is not None and view.customer.name == "Wang Fang"
    assert trips.count <= 5, trips.statements

    # A second unit in the cart, and a sheet mark: the same few.
    trips.reset()
    view = _scan(demo_db, view.cart)
    assert len(view.cart.main_units()) == 2 and view.rows
    assert trips.count <= 5, trips.statements
    item = view.rows[0]
    trips.reset()
    marked = ops.mark_item(view.cart, view.unit, main_line_id=view.unit, item_id=item.item_id,
                           outcome="sold", product_id=None)(demo_db)
    assert marked.rows[0].outcome.value == "sold"
    assert trips.count <= 6, trips.statements


def test_the_view_read_in_one_statement_is_what_the_services_say(demo_db):
    """The union the till reads is the sheet_rows and offered_tiers of the services."""
    from pos.selling.cards import offered_tiers
    from pos.selling.sheet import sheet_rows
    from pos.selling.unit_view import sheet_and_tiers

    cashier = _cashier(demo_db)
    view = _scan(demo_db, Cart.new(staff_id=cashier.id, terminal="T01"))
    rows, offers = sheet_and_tiers(demo_db, view.cart, main_line_id=view.unit)
    assert rows == sheet_rows(demo_db, view.cart, main_line_id=view.unit) == list(view.rows)
    assert offers == offered_tiers(demo_db, view.cart, main_line_id=view.unit) == list(view.offers)
    assert len(rows) > 5 and len(offers) >= 2
    assert all(offer.terms is not None for offer in offers)
    prices = [offer.price for offer in offers]
    assert 19900 in prices  # the silver card's last band (over 6,000.00): 199.00


def _retier(text: str, code: str, old: str, new: str) -> str:
    start = text.index(f'[[tier]]\ncode = "{code}"')
    end = text.find("[[tier]]", start + 1)
    end = len(text) if end < 0 else end
    return text[:start] + text[start:end].replace(old, new) + text[end:]


def test_the_next_scan_sees_a_tier_a_checklist_and_a_price_changed(demo_db):
    cashier = _cashier(demo_db)

    def scan():
        return _scan(demo_db, Cart.new(staff_id=cashier.id, terminal="T01"))

    before = scan()
    silver = next(o for o in before.offers if o.code == "silver")
    assert silver.price == 19900  # its band over 6,000.00, for a 6,499.00 notebook
    items = {row.code: row for row in before.rows}

    # A tier's band price changed by a checklists import.
    text = export_checklists(demo_db).decode()
    changed = _retier(text, "silver", '{ price = "199.00" }', '{ price = "209.00" }')
    assert changed != text
    import_checklists_file(demo_db, data=changed.encode())
    after = scan()
    assert next(o for o in after.offers if o.code == "silver").price == 20900

    # A sheet item renamed and given a new script by the same import.
    code = before.rows[0].code
    old_name = items[code].name
    text = export_checklists(demo_db).decode()
    changed = text.replace(f'code = "{code}"\nname = "{old_name}"',
                           f'code = "{code}"\nname = "{old_name} (new)"', 1)
    assert changed != text
    import_checklists_file(demo_db, data=changed.encode())
    assert {row.code: row.name for row in scan().rows}[code] == old_name + " (new)"

    # A product on the sheet repriced by a catalog import: its candidate's price.
    candidate = before.rows[0].candidates[0]
    catalog = export_catalog(demo_db).decode("utf-8-sig").splitlines()
    header, lines = catalog[0], catalog[1:]
    row = next(line for line in lines if line.startswith(candidate.sku + ","))
    fields = row.split(",")
    price_column = header.split(",").index("price")
    fields[price_column] = "1.23"
    import_catalog_file(demo_db, data=(header + "\n" + ",".join(fields) + "\n").encode())
    seen = {c.product_id: c.price for r in scan().rows for c in r.candidates}
    assert seen[candidate.product_id] == 123

    # A tier no longer offered for notebooks (its categories changed): gone from the scan.
    text = export_checklists(demo_db).decode()
    changed = _retier(text, "gold", '    "NOTEBOOK",\n', "")
    assert changed != text
    import_checklists_file(demo_db, data=changed.encode())
    assert "gold" not in {o.code for o in scan().offers}


@pytest.mark.parametrize("write", ["unit_of_work", "write_connection"])
def test_a_write_in_a_call_is_seen_by_its_later_reads(sqlite_demo_db, write):
    """The reads of a call share a snapshot; a write in the call ends it, so what the
    call reads after its write includes it (SQLite, where the snapshot is real)."""
    from sqlalchemy import insert, select

    from pos.kernel.enums import CustomerKind

    from pos.db.call_reads import shared_reads
    from pos.db.models import Customer

    with shared_reads(sqlite_demo_db) as shared:
        with shared.read() as session:
            before = session.scalar(select(Customer.id).where(Customer.phone == "13900002222"))
        assert before is None
        if write == "unit_of_work":
            with shared.unit_of_work() as session:
                session.add(Customer(phone="13900002222", name="Li Lei",
                                     kind=CustomerKind.CONSUMER))
        else:
            with shared.write_connection() as connection:
                connection.execute(insert(Customer).values(
                    phone="13900002222", name="Li Lei", kind=CustomerKind.CONSUMER))
        with shared.read_connection() as connection:
            found = connection.execute(
                select(Customer.name).where(Customer.phone == "13900002222")).scalar()
    assert found == "Li Lei"


def test_round_trips_counted_include_transaction_control(demo_db):
    """The counter sees BEGIN and ROLLBACK where they are round trips: a plain read of
    the Database (not shared) costs more than its one statement on PostgreSQL."""
    trips = RoundTrips(demo_db)
    staff.list_staff(demo_db)  # connect
    trips.reset()
    staff.list_staff(demo_db)
    if trips.postgres:
        assert trips.count >= 3  # the ping, BEGIN, the SELECT (and ROLLBACK)
    else:
        assert any(re.match(r"\s*BEGIN", s) for s in trips.statements)
