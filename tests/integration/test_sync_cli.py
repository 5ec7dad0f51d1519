"""The chain's commands end to end (issue 21): `pos hq init`, `pos store join`, `pos sync`
(once and as a loop with back-off), `pos sync status`, `pos hq status|alerts|resume`.
Head office is a fresh PostgreSQL database of the test session's server; the store is
the demo store on SQLite and on PostgreSQL. A refused join changes nothing at either end;
a head office that cannot be reached is said, remembered, and the store goes on selling."""

from __future__ import annotations

import json
import os
import socket
import stat
import itertools

import pytest
from sqlalchemy import func, inspect, select

from pos.cli import main
from pos.db.engine import Database, describe
from pos.db.models import HqAlert, HqStream, JournalEntry, MasterLog, Sale, Store, SyncOutbox, SyncState
from pos.hq import link
from pos.hq.setup import init_hq
from pos.kernel.errors import UserError
from pos.ledger import verify
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from pos.sync import capture
from pos.sync.status import store_status
from tests.integration.checkout_helpers import NOTEBOOK, new_cart
from tests.integration.sync_helpers import hq_database

_serials = itertools.count(1)


@pytest.fixture(autouse=True)
def english(monkeypatch, tmp_path):
    monkeypatch.setenv("POS_LOCALE", "en")
    monkeypatch.setenv("POS_HQ_URL_FILE", str(tmp_path / "hq.url"))


@pytest.fixture
def hq(pg_server):
    """A fresh, empty head-office database (not yet `pos hq init`)."""
    database = hq_database(pg_server)
    yield database
    database.dispose()
    database.test_drop()


@pytest.fixture
def demo_hq(pg_server):
    """Head office made from the demo store's database (knows S01), initialised."""
    database = hq_database(pg_server, "tickbox_demo_template")
    init_hq(database, demo=False)
    yield database
    database.dispose()
    database.test_drop()


def url(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def pos(db, *words, capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db=" + url(db), *map(str, words)])
    said = capsys.readouterr()
    return code, said.out, said.err


def sell(db) -> Sale:
    cart = new_cart(db)
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    checkout.set_serial(db, cart, line_id=unit.line_id, serial=f"SYNC-CLI-{next(_serials)}")
    total = sum(line.total for line in cart.lines)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", total)])


def entries(db) -> int:
    with db.read_connection() as conn:
        return conn.execute(select(func.count()).select_from(JournalEntry)).scalar()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def store_end(db) -> tuple:
    """What joining writes at the store: its sync_state, outbox and capture triggers."""
    with db.read_connection() as conn:
        return (conn.execute(select(func.count()).select_from(SyncState)).scalar(),
                conn.execute(select(func.count()).select_from(SyncOutbox)).scalar(),
                capture.installed(conn))


def hq_end(db) -> tuple:
    """What joining writes at head office: streams and replica schemas."""
    with db.read_connection() as conn:
        streams = conn.execute(select(func.count()).select_from(HqStream)).scalar()
        schemas = sorted(s for s in inspect(conn).get_schema_names() if s.startswith("store_"))
    return streams, schemas


# --- the whole path ------------------------------------------------------------------------

def test_init_join_sell_sync_and_every_status(demo_db, hq, capsys, tmp_path):
    store = demo_db
    code, out, err = pos(hq, "hq", "init", "--demo", capsys=capsys)
    assert code == 0, err
    assert "Demo master data and its three stores loaded" in out
    assert "stores S01, S02, S03" in out
    with hq.read_connection() as conn:
        versions = conn.execute(select(func.count()).select_from(MasterLog)).scalar()
    assert versions > 0
    # again: nothing changes
    code, out, err = pos(hq, "hq", "init", "--demo", capsys=capsys)
    assert code == 0 and "Demo master data" not in out
    with hq.read_connection() as conn:
        assert conn.execute(select(func.count()).select_from(MasterLog)).scalar() == versions
        assert conn.execute(select(SyncState.role)).scalars().all() == ["hq"]

    code, out, err = pos(store, "store", "join", "--hq", url(hq), "--store", "s01",
                         capsys=capsys)
    assert code == 0, err
    assert out.startswith(f"Store S01 joined head office {describe(url(hq))}")
    address = tmp_path / "hq.url"
    assert address.read_text().strip() == url(hq)
    assert stat.S_IMODE(address.stat().st_mode) == 0o600
    with store.read_connection() as conn:
        state = conn.execute(select(SyncState)).one()
    assert (state.role, state.store_code, state.hq_display) == ("store", "S01",
                                                                describe(url(hq)))
    assert "@" not in state.hq_display
    before = store_status(store)
    assert before.joined and before.documents_waiting > 0 and not before.synced

    sealed = entries(store)
    sale = sell(store)
    waiting = before.documents_waiting + entries(store) - sealed
    code, out, _ = pos(store, "sync", "status", capsys=capsys)
    assert code == 0
    assert f"Waiting to be sent: {waiting} documents" in out
    assert "Not synced yet" in out
    assert f"Till T01: last receipt {sale.receipt_no}" in out

    code, out, err = pos(store, "sync", capsys=capsys)
    assert code == 0, err
    assert out.startswith(f"Sent {waiting} documents")
    after = store_status(store)
    assert (after.documents_waiting, after.rows_waiting) == (0, 0)
    assert after.synced and after.last_ok_at is not None and after.unreachable_since is None
    assert after.master_version == versions

    code, out, _ = pos(store, "sync", "status", capsys=capsys)
    assert "Synced: nothing waiting" in out
    assert f"At head office: document #{after.sent_seq} received" in out
    assert f"head office holds {sale.receipt_no}" in out

    code, out, _ = pos(hq, "hq", "status", capsys=capsys)
    assert code == 0
    lines = out.splitlines()
    s01 = next(line for line in lines if line.startswith("S01 "))
    assert f"document #{after.sent_seq} " in s01 and "stream ok" in s01
    assert "0 open alerts" in s01
    assert any(line.startswith(f"  Till T01: last receipt {sale.receipt_no} (")
               for line in lines)
    assert any(line.startswith("S02 ") and line.endswith("not joined") for line in lines)

    # joining again: the same store, the same head office: nothing changes
    code, out, _ = pos(store, "store", "join", "--hq", url(hq), "--store", "S01",
                       capsys=capsys)
    assert code == 0 and out.startswith("Store S01 had already joined")
    assert store_end(store) == (1, 0, True)
    assert hq_end(hq) == (1, ["store_s01"])
    assert verify.verify(store).ok


def test_status_in_chinese(demo_db, demo_hq, capsys, monkeypatch):
    link.join(demo_db, hq_url=url(demo_hq), store_code="S01")
    monkeypatch.setenv("POS_LOCALE", "zh_CN")
    code, out, _ = pos(demo_db, "sync", "status", capsys=capsys)
    assert code == 0 and "门店 S01，总部" in out and "等待发送" in out
    code, out, _ = pos(demo_hq, "hq", "alerts", capsys=capsys)
    assert out == "没有未处理的警报\n"


# --- refusals change nothing at either end -------------------------------------------------

def _refused(store, hq, words, capsys, said):
    store_before, hq_before = store_end(store), hq_end(hq)
    code, out, err = pos(store, "store", "join", *words, capsys=capsys)
    assert code == 1 and out == ""
    assert said in err, err
    assert store_end(store) == store_before == (0, 0, False)
    assert hq_end(hq) == hq_before
    assert not os.path.exists(os.environ["POS_HQ_URL_FILE"])


def test_a_code_head_office_does_not_know(demo_db, hq, capsys):
    init_hq(hq, demo=False)  # an empty head office: it knows no store
    _refused(demo_db, hq, ["--hq", url(hq), "--store", "S01"], capsys,
             "error: Head office does not know store S01")


def test_a_database_that_is_not_head_office(demo_db, hq, capsys):
    _refused(demo_db, hq, ["--hq", url(hq), "--store", "S01"], capsys,
             "is not a head office database: run pos hq init on it first")


def test_an_sqlite_address(demo_db, demo_hq, capsys, tmp_path):
    _refused(demo_db, demo_hq, ["--hq", f"sqlite:///{tmp_path}/hq.db", "--store", "S01"],
             capsys, "is not a PostgreSQL address")
    _refused(demo_db, demo_hq, ["--hq", str(tmp_path / "hq.db"), "--store", "S01"],
             capsys, "is not a PostgreSQL address")
    assert not (tmp_path / "hq.db").exists()


def test_a_head_office_that_does_not_answer(demo_db, demo_hq, capsys):
    _refused(demo_db, demo_hq, ["--hq", f"postgresql://nobody@127.0.0.1:{closed_port()}/hq",
                                "--store", "S01"], capsys, "Head office cannot be reached")


def test_a_store_this_database_does_not_hold(demo_db, demo_hq, capsys):
    from pos.store.stores import add_store

    add_store(demo_hq, code="S05", name="Fifth")
    _refused(demo_db, demo_hq, ["--hq", url(demo_hq), "--store", "S05"], capsys,
             "This database has no store S05")


def test_another_database_already_sends_as_that_store(demo_db, demo_hq, capsys):
    with demo_hq.write_connection() as conn:  # as if another database had joined as S01
        conn.execute(HqStream.__table__.insert().values(
            store_code="S01", chain_first="f" * 64, joined_at=func.now()))
    _refused(demo_db, demo_hq, ["--hq", url(demo_hq), "--store", "S01"], capsys,
             "Store S01 already sends its documents to head office from another database")


def test_a_store_joined_as_another_code(demo_db, demo_hq, capsys):
    from pos.store.stores import add_store

    add_store(demo_db, code="S02", name="Second")
    add_store(demo_hq, code="S02", name="Second")
    link.join(demo_db, hq_url=url(demo_hq), store_code="S01")
    before = store_end(demo_db), hq_end(demo_hq)
    code, _, err = pos(demo_db, "store", "join", "--hq", url(demo_hq), "--store", "S02",
                       capsys=capsys)
    assert code == 1 and "already joined the chain as store S01" in err
    assert (store_end(demo_db), hq_end(demo_hq)) == before


def test_head_office_must_be_postgresql_and_not_a_store(demo_db, demo_hq, capsys, tmp_path):
    path = tmp_path / "office.db"
    code, _, err = pos(Database(f"sqlite:///{path}"), "hq", "init", capsys=capsys)
    assert code == 1 and "Head office runs on PostgreSQL" in err
    assert not path.exists() or not inspect(Database(f"sqlite:///{path}").engine).get_table_names()
    if demo_db.engine.dialect.name == "postgresql":
        link.join(demo_db, hq_url=url(demo_hq), store_code="S01")
        with pytest.raises(UserError) as refused:
            init_hq(demo_db, demo=False)
        assert refused.value.message_id == "hq.is_store"
        assert store_end(demo_db)[0] == 1


# --- head office unreachable -----------------------------------------------------------------

def test_head_office_unreachable_is_said_and_remembered_and_the_store_sells(
        demo_db, demo_hq, capsys, tmp_path):
    store = demo_db
    link.join(store, hq_url=url(demo_hq), store_code="S01")
    (tmp_path / "hq.url").write_text(f"postgresql://nobody@127.0.0.1:{closed_port()}/hq\n")
    code, out, err = pos(store, "sync", capsys=capsys)
    assert code == 1 and out == ""
    assert "Head office cannot be reached" in err and "goes on selling" in err
    first = store_status(store)
    assert first.unreachable_since is not None
    assert first.last_error.id == "sync.hq_unreachable"
    sale = sell(store)  # the till does not care
    assert store_status(store).documents_waiting > first.documents_waiting
    code, _, _ = pos(store, "sync", capsys=capsys)
    assert code == 1
    assert store_status(store).unreachable_since == first.unreachable_since  # kept
    code, out, _ = pos(store, "sync", "status", capsys=capsys)
    assert "Head office unreachable since" in out
    assert "Last error: Head office cannot be reached" in out
    assert "Head office not asked" not in out  # the same reason is said once
    assert out.count("Head office cannot be reached") == 1
    assert f"last receipt {sale.receipt_no}" in out and "head office holds unknown" in out
    # the line is back: sent, and the mark is gone
    (tmp_path / "hq.url").write_text(url(demo_hq))
    assert pos(store, "sync", capsys=capsys)[0] == 0
    back = store_status(store)
    assert back.unreachable_since is None and back.rows_waiting == 0
    assert back.last_error is None
    # cut again with nothing to send: the pull finds head office away
    (tmp_path / "hq.url").write_text(f"postgresql://nobody@127.0.0.1:{closed_port()}/hq\n")
    code, _, err = pos(store, "sync", capsys=capsys)
    assert code == 1 and "Head office cannot be reached" in err
    assert store_status(store).unreachable_since is not None
    assert verify.verify(store).ok


def test_a_missing_address_file_is_said(demo_db, demo_hq, capsys, tmp_path):
    link.join(demo_db, hq_url=url(demo_hq), store_code="S01")
    (tmp_path / "hq.url").unlink()
    code, _, err = pos(demo_db, "sync", capsys=capsys)
    assert code == 1 and "head office address file" in err


def test_a_store_not_joined_is_told_to_join(demo_db, capsys):
    code, _, err = pos(demo_db, "sync", capsys=capsys)
    assert code == 1 and "pos store join --hq URL --store CODE" in err
    code, out, _ = pos(demo_db, "sync", "status", capsys=capsys)
    assert code == 0 and out == "This database has not joined a chain\n"


# --- the loop ----------------------------------------------------------------------------------

def test_the_loop_backs_off_while_head_office_is_away(sqlite_demo_db, demo_hq, tmp_path):
    store = sqlite_demo_db
    link.join(store, hq_url=url(demo_hq), store_code="S01")
    (tmp_path / "hq.url").write_text(f"postgresql://nobody@127.0.0.1:{closed_port()}/hq\n")
    waits = []

    def sleep(seconds):
        waits.append(seconds)
        if len(waits) == 4:  # the line comes back after the fourth wait
            (tmp_path / "hq.url").write_text(url(demo_hq))

    tries = link.sync_loop(store, stop=lambda: len(waits) >= 6, sleep=sleep)
    assert waits == [1, 2, 4, 8, 10, 10] and tries == 6
    assert store_status(store).synced


def test_the_loop_doubles_to_a_minute_and_survives_a_bug(monkeypatch):
    outcomes = iter([UserError("sync.not_joined")] * 8 + [RuntimeError("bug")] +
                    [None, UserError("sync.not_joined"), None])

    def fake_sync(store_db, hq_url=None, *, hq_db=None):
        outcome = next(outcomes)
        if outcome is not None:
            raise outcome
        return link.SyncResult(0, 0, 0, 0, 0)

    monkeypatch.setattr(link, "sync_once", fake_sync)
    waits = []
    tries = link.sync_loop(None, stop=lambda: len(waits) >= 12, sleep=waits.append,
                           hq_url="postgresql://u@127.0.0.1:1/x")
    assert waits == [1, 2, 4, 8, 16, 32, 60, 60, 60, 10, 1, 10]
    assert tries == 12


# --- alerts --------------------------------------------------------------------------------------

def test_alerts_are_listed_and_resume_resolves_a_stopped_stream(demo_db, demo_hq, capsys):
    link.join(demo_db, hq_url=url(demo_hq), store_code="S01")
    with demo_hq.write_connection() as conn:
        conn.execute(HqStream.__table__.update().values(
            state="stopped", error=json.dumps({"id": "hq.chain_gap",
                                               "params": {"store": "S01", "seq": 9,
                                                          "last": 7}})))
        conn.execute(HqAlert.__table__.insert().values(
            store_code="S01", kind="chain_gap", at=func.now(),
            detail=json.dumps({"store": "S01", "seq": 9, "last": 7})))
    code, out, _ = pos(demo_hq, "hq", "alerts", capsys=capsys)
    assert code == 0
    assert out.strip().endswith("S01: Store S01: document #9 arrived but head office holds "
                                "only up to #7; the store's stream is stopped until this is "
                                "resolved")
    code, out, _ = pos(demo_hq, "hq", "status", capsys=capsys)
    assert "stream stopped: Store S01: document #9 arrived" in out and "1 open alerts" in out
    code, out, _ = pos(demo_hq, "hq", "resume", "s01", "--by", "Chen", capsys=capsys)
    assert (code, out) == (0, "Store S01's stream resumed\n")
    assert pos(demo_hq, "hq", "alerts", capsys=capsys)[1] == "No open alerts\n"
    assert "#1 " in pos(demo_hq, "hq", "alerts", "--all", capsys=capsys)[1]
    with demo_hq.read_connection() as conn:
        assert conn.execute(select(HqAlert.resolved_by)).scalar() == "Chen"
        assert conn.execute(select(Store.code).order_by(Store.code)).scalars().all() == ["S01"]


def test_the_loop_as_a_service_says_each_failure_and_stops_on_sigterm(
        sqlite_demo_db, demo_hq, tmp_path):
    """`pos sync --loop` as systemd runs it: each failed try said on stderr, SIGTERM ends
    it between two tries with exit 0."""
    import signal
    import subprocess
    import sys
    import time

    link.join(sqlite_demo_db, hq_url=url(demo_hq), store_code="S01")
    (tmp_path / "hq.url").write_text(f"postgresql://nobody@127.0.0.1:{closed_port()}/hq\n")
    service = subprocess.Popen(
        [sys.executable, "-m", "pos.cli", "--db", url(sqlite_demo_db), "sync", "--loop"],
        stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "POS_LOCALE": "en"})
    try:
        first = service.stderr.readline()
        assert first.startswith("error: Head office cannot be reached"), first
        time.sleep(0.2)
        service.send_signal(signal.SIGTERM)
        assert service.wait(timeout=30) == 0
    finally:
        if service.poll() is None:
            service.kill()
            service.wait()
    assert store_status(sqlite_demo_db).unreachable_since is not None


def test_a_lag_reads_in_the_readers_units():
    from pos.cli.sync import duration
    from pos.kernel.messages import msg, render
    from pos.kernel.translations import load_translations

    def say_in(locale):
        translations = load_translations(locale)
        translate = translations.message_template if translations else None
        return lambda key, **values: render(msg(key, **values), translate=translate)

    english, chinese = say_in("en"), say_in("zh_CN")
    assert [duration(english, s) for s in (None, 45, 720, 3725, 190000)] == \
        ["-", "45 s", "12 min", "1 h 02 min", "2 d 04 h"]
    assert duration(chinese, 3725) == "1 小时 02 分钟"


def test_the_password_stays_in_the_owner_only_file(sqlite_demo_db, demo_hq, capsys, tmp_path):
    """Head office's password is kept in hq.url (0600) only: not in the store's database
    file, not in what the commands print."""
    secret = "s3cret-Passw0rd"
    parsed = demo_hq.engine.url.set(password=secret)
    address = parsed.render_as_string(hide_password=False)
    code, out, err = pos(sqlite_demo_db, "store", "join", "--hq", address, "--store", "S01",
                         capsys=capsys)
    assert code == 0, err
    assert secret in (tmp_path / "hq.url").read_text()
    assert stat.S_IMODE((tmp_path / "hq.url").stat().st_mode) == 0o600
    code, out2, _ = pos(sqlite_demo_db, "sync", "status", capsys=capsys)
    assert code == 0 and secret not in out + out2
    sqlite_demo_db.dispose()
    path = sqlite_demo_db.engine.url.database
    assert all(secret.encode() not in open(p, "rb").read()
               for p in (path, path + "-wal") if os.path.exists(p))
    # a refused address is repeated without its password
    bad = f"mysql://someone:{secret}@127.0.0.1/hq"
    code, _, err = pos(sqlite_demo_db, "store", "join", "--hq", bad, "--store", "S01",
                       capsys=capsys)
    assert code == 1 and "is not a PostgreSQL address" in err and secret not in err


def test_a_store_with_an_empty_journal_joins_and_its_first_document_then_counts(
        store_db, demo_hq):
    """A database whose journal is empty joins with an empty first hash (nothing is sealed
    for the join); a second database then joining as the same store, with a journal of
    its own, takes that stream only while head office has received nothing."""
    from pos.hq.link import join
    from pos.sync.join import enrol

    done = join(store_db, hq_url=url(demo_hq), store_code="S01")
    assert done.chain_first == "" and not done.already
    assert entries(store_db) == 0
    assert enrol(demo_hq, "S01", "a" * 64, "0017") is True  # received nothing yet
    with demo_hq.write_connection() as conn:
        conn.execute(HqStream.__table__.update().values(last_seq=3))
    with pytest.raises(UserError) as refused:
        enrol(demo_hq, "S01", "b" * 64, "0017")
    assert refused.value.message_id == "sync.already_joined"
