"""Every database call has limits (issue 16): a statement past its limit, a lock held
past the wait, a link that hangs without a reset: each is a clear refusal within the
limit (never a driver's traceback, never a call that waits for ever), nothing is lost,
the pool recovers, and once the database answers again the sale completes exactly once.

The limits here are 1-2 s (the till's are 5 s) so the suite stays quick; the PostgreSQL
link is hung by a TCP proxy on loopback (tests/support/tcp_proxy.py)."""

import sqlite3
import threading
import time
from dataclasses import replace
from datetime import date

import psycopg
import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.engine import make_url

from pos.day import commissions, reports
from pos.db.engine import Database, DatabaseUnavailable
from pos.db.models import JournalEntry, Sale
from pos.db.timeouts import Timeouts
from pos.kernel.errors import UserError
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import db_state, new_cart
from tests.support.tcp_proxy import TcpProxy

# statement limit 1 s, client watch 1 + 1 s, connect 2 s (libpq's least).
FAST = Timeouts(connect_s=2, statement_s=1, busy_s=1, idle_s=5, keepalive_s=2, grace_s=1)


@pytest.fixture
def fast_db(demo_db):
    """The demo store (SQLite and PostgreSQL) opened with FAST limits."""
    database = Database(demo_db.url, timeouts=FAST)
    yield database
    database.dispose()


@pytest.fixture
def fast_pg(pg_demo_db):
    """The demo store on PostgreSQL only, opened with FAST limits."""
    database = Database(pg_demo_db.url, timeouts=FAST)
    yield database
    database.dispose()


@pytest.fixture
def proxied(pg_server, pg_demo_db):
    """The PostgreSQL demo store reached through a proxy that can hang: (db, proxy)."""
    proxy = TcpProxy("127.0.0.1", pg_server.port)
    url = make_url(pg_demo_db.url).set(port=proxy.port)
    database = Database(url.render_as_string(hide_password=False), timeouts=FAST)
    try:
        yield database, proxy
    finally:
        proxy.resume()
        database.dispose()
        proxy.close()


def kits_cart(db):
    cart = new_cart(db)
    line = checkout.add_product(db, cart, code="PRO-CLN-PC", quantity=1)
    return cart, [TenderInput("cash", line.total)]


def sales_of(db, cart) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Sale)
                              .where(Sale.cart_uuid == cart.uuid))


def refusal(call) -> UserError:
    with pytest.raises(UserError) as caught:
        call()
    assert isinstance(caught.value, DatabaseUnavailable), caught.value
    return caught.value


# the limits ------------------------------------------------------------------------------
def test_timeouts_come_from_the_environment_and_bad_ones_are_refused():
    assert Timeouts.for_till({}) == Timeouts()
    assert Timeouts.for_till({}).statement_s == 5 and Timeouts.for_batch({}).statement_s == 300
    set_ = Timeouts.for_till({"POS_DB_STATEMENT_TIMEOUT": "2.5", "POS_DB_CONNECT_TIMEOUT": "3",
                              "POS_DB_BUSY_TIMEOUT": "4", "POS_DB_IDLE_TIMEOUT": "60",
                              "POS_DB_KEEPALIVE": "15"})
    assert (set_.statement_s, set_.connect_s, set_.busy_s, set_.idle_s, set_.keepalive_s) == (
        2.5, 3, 4, 60, 15)
    assert set_.answer_s == 4.5
    for variable, value in (("POS_DB_STATEMENT_TIMEOUT", "soon"), ("POS_DB_CONNECT_TIMEOUT", "1"),
                            ("POS_DB_CONNECT_TIMEOUT", "2.5"), ("POS_DB_IDLE_TIMEOUT", "-1"),
                            ("POS_DB_BUSY_TIMEOUT", "nan"), ("POS_DB_KEEPALIVE", "999999")):
        with pytest.raises(UserError) as caught:
            Timeouts.for_batch({variable: value})
        assert caught.value.message_id == "db.bad_timeout"
        assert variable in str(caught.value) and value in str(caught.value)


def test_the_command_says_a_limit_set_wrong_and_exits_1(capsys, monkeypatch, tmp_path):
    from pos.cli import EXIT_REFUSED, main

    monkeypatch.setenv("POS_DB_BUSY_TIMEOUT", "forever")
    assert main([f"--db={tmp_path / 'x.db'}", "summary"]) == EXIT_REFUSED
    assert capsys.readouterr().err.strip() == (
        "error: POS_DB_BUSY_TIMEOUT must be a number of seconds from 0.1 to 86400, "
        "not 'forever'")
    assert not (tmp_path / "x.db").exists()


def test_every_connection_has_its_limits(fast_db):
    with fast_db.read_connection() as connection:
        if fast_db.engine.dialect.name == "sqlite":
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 1000
            return
        shown = {name: connection.exec_driver_sql(f"SHOW {name}").scalar() for name in (
            "statement_timeout", "idle_in_transaction_session_timeout", "tcp_keepalives_idle")}
        parameters = connection.connection.driver_connection.info.get_parameters()
    assert shown == {"statement_timeout": "1s", "idle_in_transaction_session_timeout": "5s",
                     "tcp_keepalives_idle": "2"}
    assert parameters["connect_timeout"] == "2" and parameters["keepalives_idle"] == "2"
    assert parameters["tcp_user_timeout"] == "2000"


@pytest.mark.postgres
def test_what_the_url_says_wins_over_the_defaults(pg_demo_db):
    url = make_url(pg_demo_db.url).update_query_dict(
        {"connect_timeout": "9", "options": "-c statement_timeout=7000"})
    database = Database(url.render_as_string(hide_password=False), timeouts=FAST)
    try:
        with database.read_connection() as connection:
            assert connection.exec_driver_sql("SHOW statement_timeout").scalar() == "7s"
            parameters = connection.connection.driver_connection.info.get_parameters()
            assert parameters["connect_timeout"] == "9"
    finally:
        database.dispose()


@pytest.mark.postgres
def test_a_migration_runs_without_the_statement_limit(fast_pg):
    from pos.db.engine import lift_timeouts

    with fast_pg.write_connection() as connection:
        lift_timeouts(connection)
        connection.exec_driver_sql("SELECT pg_sleep(2.5)")  # past the limit and the watch
        assert connection.exec_driver_sql("SHOW statement_timeout").scalar() == "0"
    with fast_pg.read_connection() as connection:  # the next transaction has its limit
        assert connection.exec_driver_sql("SHOW statement_timeout").scalar() == "1s"


# a statement or a lock past its limit ------------------------------------------------------
@pytest.mark.postgres
def test_a_statement_past_its_limit_is_a_clear_refusal_and_the_next_call_works(fast_pg):
    def slow():
        with fast_pg.read_connection() as connection:
            connection.exec_driver_sql("SELECT pg_sleep(4)")

    error = refusal(slow)
    assert error.message_id == "db.timeout" and error.params["seconds"] == 1
    assert str(error).startswith("The database ") and "did not answer within 1 s" in str(error)
    with fast_pg.read_connection() as connection:
        assert connection.execute(text("SELECT 1")).scalar() == 1


@pytest.mark.postgres
def test_a_transaction_left_idle_past_its_limit_is_ended_by_the_server(pg_demo_db):
    """A till gone quiet mid-transaction (its locks held) is ended by the server; the
    till that comes back is told the connection was lost, and its next call works."""
    database = Database(pg_demo_db.url, timeouts=replace(FAST, idle_s=1))
    try:
        def goes_quiet():
            with database.write_connection() as connection:
                connection.execute(text("SELECT * FROM journal_head FOR UPDATE")).all()
                time.sleep(1.8)
                connection.execute(text("SELECT 1"))

        error = refusal(goes_quiet)
        assert error.message_id == "db.connection_lost"
        with pg_demo_db.write_connection() as connection:  # the lock was let go
            connection.execute(text("SELECT * FROM journal_head FOR UPDATE NOWAIT")).all()
        with database.read_connection() as connection:
            assert connection.execute(text("SELECT 1")).scalar() == 1
    finally:
        database.dispose()


class OtherTill:
    """Another till in the middle of a sale: it holds the write lock (SQLite) or the
    journal's head row (PostgreSQL) until it lets go."""

    def __init__(self, db: Database):
        url = make_url(db.url)
        if url.get_backend_name() == "sqlite":
            self.connection = sqlite3.connect(url.database, isolation_level=None)
            self.connection.execute("BEGIN IMMEDIATE")
        else:
            self.connection = psycopg.connect(host=url.host, port=url.port,
                                              user=url.username, dbname=url.database)
            self.connection.execute("SELECT * FROM journal_head WHERE id = 1 FOR UPDATE")

    def let_go(self) -> None:
        self.connection.rollback() if hasattr(self.connection, "cursor_factory") else \
            self.connection.execute("ROLLBACK")
        self.connection.close()


def test_a_lock_held_past_the_wait_is_a_clear_refusal_and_the_sale_goes_through_after(
        fast_db):
    cart, tenders = kits_cart(fast_db)
    before = db_state(fast_db)
    other = OtherTill(fast_db)
    try:
        error = refusal(lambda: completion.complete_sale(fast_db, cart, tenders=tenders))
    finally:
        other.let_go()
    sqlite = fast_db.engine.dialect.name == "sqlite"
    assert error.message_id == ("db.busy" if sqlite else "db.timeout")
    assert error.params["seconds"] == 1
    assert db_state(fast_db) == before and sales_of(fast_db, cart) == 0  # nothing lost or half-written
    sale = completion.complete_sale(fast_db, cart, tenders=tenders)
    assert sales_of(fast_db, cart) == 1 and sale.total == tenders[0].amount


# a link that hangs --------------------------------------------------------------------------
@pytest.mark.postgres
def test_a_hung_link_is_a_clear_refusal_and_the_sale_completes_once_it_is_back(proxied,
                                                                              pg_demo_db):
    db, proxy = proxied
    cart, tenders = kits_cart(db)
    before = db_state(pg_demo_db)  # read past the proxy

    proxy.hang()
    error = refusal(lambda: completion.complete_sale(db, cart, tenders=tenders))
    # The pooled connection's check gets no answer, a new one cannot connect in time.
    assert error.message_id == "db.server_timeout" and error.params["seconds"] == 2
    scan = refusal(lambda: checkout.add_product(db, cart, code="PRO-CLN-PC", quantity=1))
    assert scan.message_id in ("db.server_timeout", "db.timeout")
    assert db_state(pg_demo_db) == before and len(cart.lines) == 1

    proxy.resume()
    sale = completion.complete_sale(db, cart, tenders=tenders)
    assert sales_of(pg_demo_db, cart) == 1 and sale.total == tenders[0].amount
    again = completion.complete_sale(db, cart, tenders=tenders)  # the cashier pressed twice
    assert again.receipt_no == sale.receipt_no and sales_of(pg_demo_db, cart) == 1


@pytest.mark.postgres
def test_a_link_that_hangs_mid_transaction_ends_the_call_and_the_pool_recovers(proxied):
    db, proxy = proxied

    def hangs_halfway():
        with db.write_connection() as connection:
            connection.execute(text("SELECT 1"))
            proxy.hang()
            connection.execute(text("SELECT 2"))

    error = refusal(hangs_halfway)
    assert error.message_id == "db.timeout" and error.params["seconds"] == 2  # limit + grace
    proxy.resume()
    for _ in range(3):  # whatever the pool holds works again
        with db.read_connection() as connection:
            assert connection.execute(text("SELECT 3")).scalar() == 3


@pytest.mark.postgres
def test_a_commit_whose_answer_is_lost_still_makes_one_sale(proxied, pg_demo_db):
    """The server committed the sale, its answer never came: the till is told it did not
    answer, and the same cart sent again returns that sale rather than a second one."""
    from sqlalchemy import event

    db, proxy = proxied
    cart, tenders = kits_cart(db)
    journal_before = _journal_refs(pg_demo_db)
    lose_the_answer = threading.Event()
    lose_the_answer.set()

    @event.listens_for(db.engine, "commit")
    def _before_commit(_connection):
        if lose_the_answer.is_set():
            lose_the_answer.clear()
            proxy.hang_replies()  # COMMIT reaches the server; its answer does not come back

    error = refusal(lambda: completion.complete_sale(db, cart, tenders=tenders))
    assert error.message_id == "db.timeout"
    assert sales_of(pg_demo_db, cart) == 1  # it was written, once
    proxy.resume()
    sale = completion.complete_sale(db, cart, tenders=tenders)
    assert sale.replayed and sales_of(pg_demo_db, cart) == 1
    # In the journal once too: one document for the sale, none for the retry.
    assert _journal_refs(pg_demo_db)[len(journal_before):].count(sale.receipt_no) == 1


def _journal_refs(db) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(JournalEntry.doc_ref).order_by(JournalEntry.seq)))


@pytest.mark.postgres
def test_a_link_that_hangs_as_the_sale_begins_is_a_timeout_not_a_lost_connection(proxied,
                                                                                 pg_demo_db):
    """The sale's first statements run on the driver's cursor (pos.db.prepared), outside
    SQLAlchemy's error handling: the refusal is still the timeout, and the connection is
    not used again."""
    from sqlalchemy import event

    db, proxy = proxied
    cart, tenders = kits_cart(db)
    hang_now = threading.Event()
    hang_now.set()

    @event.listens_for(db.engine, "checkout")
    def _checked_out(*_args):
        if hang_now.is_set():
            hang_now.clear()
            proxy.hang()

    error = refusal(lambda: completion.complete_sale(db, cart, tenders=tenders))
    assert error.message_id == "db.timeout" and error.params["seconds"] == 2
    assert sales_of(pg_demo_db, cart) == 0
    proxy.resume()
    completion.complete_sale(db, cart, tenders=tenders)
    assert sales_of(pg_demo_db, cart) == 1


@pytest.mark.postgres
def test_a_report_reads_past_the_tills_statement_limit(fast_pg):
    """A month's report at a chain may take longer than the till's few seconds: its reads
    get REPORT_LIMIT_S, and only for that transaction."""
    from pos.day.kpis import REPORT_LIMIT_S
    from pos.db.engine import longer_limit

    with fast_pg.read_connection() as connection:
        longer_limit(connection, 3)
        connection.exec_driver_sql("SELECT pg_sleep(2.2)")  # past the 1 s limit and its watch
    with fast_pg.read_connection() as connection:  # the next transaction has its limit
        assert connection.exec_driver_sql("SHOW statement_timeout").scalar() == "1s"
    seen = []
    event.listen(fast_pg.engine, "before_cursor_execute",
                 lambda *args: seen.append(args[2]))
    longer = f"SET LOCAL statement_timeout = {REPORT_LIMIT_S * 1000}"
    reports.day_report(fast_pg, day=date.today())
    assert longer in seen
    seen.clear()
    commissions.commission_statement(fast_pg, start=date.today().replace(day=1),
                                     end=date.today())
    assert longer in seen
