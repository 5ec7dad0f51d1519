"""`pos support bundle`: the zip holds the logs, versions, settings, failed print jobs and
the database's health, and none of the store's secrets: no PIN or PIN hash, no customer
phone number or name, no database password, wherever they were (a log, a print job's
error), checked in the zip's bytes and in every file inside it."""

import json
import zipfile

import pytest
from sqlalchemy import select

from pos.cli import main
from pos.db import keyfile, schema
from pos.db.models import Staff
from pos.kernel.enums import JobKind
from pos.kernel.logs import start_logging
from pos.people import customers, staff
from pos.printjobs import print_queue
from pos.printjobs.print_queue import PrintRequest
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput, totals
from pos.support.bundle import write_bundle
from pos.support.scrub import Scrubber, trie_pattern
from tests.integration.checkout_helpers import new_cart

PIN = "739146"
MOBILE, MOBILE_TYPED = "13912345678", "+86 139-1234-5678"
LANDLINE, LANDLINE_TYPED = "02155667788", "021 5566 7788"
NAMES = ("Ouyang Xiaoming", "陈美玲")
DB_PASSWORD = "s3cret-pw-991"


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    """A data folder of the test's own; the store's key stays where it is (the demo PINs
    are peppered with it)."""
    monkeypatch.setenv("POS_KEY_FILE", str(keyfile.key_path()))
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("POS_DATA_DIR", str(folder))
    monkeypatch.setenv("POS_LOCALE", "en")
    return folder


def seed_secrets(db, folder):
    """A staff member with a PIN, two customers (one bought something), a failed print
    job whose error names a customer, and logs that carry all of it."""
    staff.add_staff(db, name="Sun Li", role="cashier", pin=PIN)
    with db.read() as session:
        pin_hash = session.scalar(select(Staff.pin_hash).where(Staff.name == "Sun Li"))
    buyer = customers.create_customer(db, phone=MOBILE_TYPED, name=NAMES[0])
    customers.create_customer(db, phone=LANDLINE_TYPED, name=NAMES[1])
    cart = new_cart(db)
    checkout.add_product(db, cart, code="BAG-NB-156")
    checkout.set_customer(db, cart, customer_id=buyer.id)
    sale = completion.complete_sale(db, cart, tenders=[TenderInput("cash", totals(cart.lines).total)])
    job = print_queue.enqueue(db, terminal="T01", ref=sale.receipt_no,
                              request=PrintRequest(JobKind.RECEIPT, "tcp://192.0.2.1:9100"))
    print_queue.mark_failed(db, job_id=job.id, fault="printer",
                            error=f"printer offline while printing for {MOBILE_TYPED} {NAMES[0]}")
    start_logging(folder)
    logs = folder / "logs"
    with open(logs / "tickbox.log", "a", encoding="utf-8") as log:
        log.write(f"2026-12-01 10:00:00,000 1 ERROR tickbox: customer {NAMES[0]} "
                  f"phone {MOBILE_TYPED} ({MOBILE}) and {NAMES[1]} {LANDLINE_TYPED}\n"
                  f"2026-12-01 10:00:01,000 1 ERROR tickbox: staff hash {pin_hash} pin {PIN}\n"
                  f"2026-12-01 10:00:02,000 1 ERROR tickbox: could not reach "
                  f"postgresql://pos:{DB_PASSWORD}@db.example/pos\n")
    (logs / "tickbox.log.1").write_text(f"older: {NAMES[1]} called from {LANDLINE}\n",
                                        encoding="utf-8")
    return sale, job, pin_hash


def secrets(pin_hash):
    return [PIN, pin_hash, MOBILE, MOBILE_TYPED, "139-1234-5678", LANDLINE, LANDLINE_TYPED,
            "5566 7788", *NAMES, DB_PASSWORD]


def assert_no_secret(path, pin_hash):
    raw = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        texts = {name: archive.read(name) for name in archive.namelist()}
    for secret in secrets(pin_hash):
        needle = secret.encode("utf-8")
        assert needle not in raw, secret
        for name, data in texts.items():
            assert needle not in data, f"{secret!r} in {name}"
    return {name: data.decode("utf-8") for name, data in texts.items()}


def test_the_bundle_has_what_support_needs_and_none_of_the_secrets(demo_db, data_folder, tmp_path):
    sale, job, pin_hash = seed_secrets(demo_db, data_folder)
    out = tmp_path / "bundle.zip"
    bundle = write_bundle(demo_db, terminal="T01", data_folder=data_folder, out=out,
                          extra_versions={"qt": "6.x"})
    assert bundle.problems == ()
    files = assert_no_secret(out, pin_hash)
    assert set(files) == {"README.txt", "versions.json", "settings.json", "print_queue.json",
                          "database.json", "data_folder.txt", "logs/tickbox.log",
                          "logs/tickbox.log.1"}
    versions = json.loads(files["versions.json"])
    assert versions["schema"] == {"database": schema.HEAD, "this_app": schema.HEAD}
    assert versions["app"] == "0.1.0" and versions["qt"] == "6.x"
    assert versions["python"] and versions["sqlalchemy"] and versions["os"]
    assert versions["dialect"] == demo_db.engine.dialect.name
    settings = json.loads(files["settings.json"])
    assert settings["store"]["code"] == "S01" and settings["terminal"] == "T01"
    assert "discount_limit_bp" in settings["settings"] and "receipt_uri" in settings["printers"]
    queue = json.loads(files["print_queue.json"])
    assert [(f["id"], f["ref"], f["fault"]) for f in queue["failed"]] == [
        (job.id, sale.receipt_no, "printer")]
    assert "[phone]" in queue["failed"][0]["error"] and "[customer]" in queue["failed"][0]["error"]
    database = json.loads(files["database.json"])
    assert database["journal"]["ok"] is True and database["journal"]["checked"] > 0
    assert database["integrity"] == ("ok" if database["dialect"] == "sqlite"
                                     else "not checked (not SQLite)")
    log = files["logs/tickbox.log"]
    assert "customer [customer] phone [phone] ([phone]) and [customer] [phone]" in log
    assert "staff hash [pin hash]" in log and "postgresql://pos:***@db.example/pos" in log
    assert files["logs/tickbox.log.1"] == "older: [customer] called from [phone]\n"
    assert "logs/tickbox.log" in files["data_folder.txt"]


def test_pos_support_bundle_writes_the_zip_from_the_command_line(sqlite_demo_db, data_folder,
                                                                 tmp_path, capsys):
    _, _, pin_hash = seed_secrets(sqlite_demo_db, data_folder)
    url = f"--db={sqlite_demo_db.engine.url}"
    out = tmp_path / "from-cli.zip"
    assert main([url, "support", "bundle", "--out", str(out)]) == 0
    assert f"support bundle written to {out}" in capsys.readouterr().out
    files = assert_no_secret(out, pin_hash)
    assert "logs/cli.log" in files and "pos support bundle" in files["logs/cli.log"]
    assert json.loads(files["versions.json"])["qt"]  # asked of Qt by the command
    # With no --out, the zip goes to support/ in the data folder.
    assert main([url, "support", "bundle"]) == 0
    assert len(list((data_folder / "support").glob("tickbox-support-T01-*.zip"))) == 1


def test_a_damaged_database_still_gives_a_bundle_saying_so(data_folder, tmp_path, capsys):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database" * 100)
    out = tmp_path / "b.zip"
    assert main([f"--db=sqlite:///{broken}", "support", "bundle", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "note: database:" in said and f"support bundle written to {out}" in said
    with zipfile.ZipFile(out) as archive:
        database = json.loads(archive.read("database.json"))
        problems = archive.read("problems.txt").decode()
    assert "error" in database and "settings:" in problems
    assert broken.read_bytes() == b"this is not a database" * 100  # nothing written to it


def test_the_scrubber_keeps_what_is_not_a_phone_or_a_name():
    scrubber = Scrubber(phones={"13800138000", "64481234"}, names={"Li", "Chen Jie", "陈杰"})
    kept = ("2026-12-01 21:28:22,787 12345 INFO receipt T01-000001 barcode 6923150020022 "
            "Liberation Sans; Lily; 021-6448 7000")
    assert scrubber.scrub(kept) == kept
    assert scrubber.scrub("T01-000001 138 0013 8000, 6448-1234; Li paid; 陈杰来了; Chen Jie") == (
        "T01-000001 [phone], [phone]; [customer] paid; [customer]来了; [customer]")
    assert scrubber.scrub("any mobile 15912345678 goes") == "any mobile [phone] goes"


def test_a_hundred_thousand_names_are_one_pattern():
    import re

    names = {f"Customer {n:06d}" for n in range(100_000)}
    pattern = re.compile(trie_pattern(names))
    assert pattern.sub("[c]", "a Customer 054321 b Customer 1234567") == (
        "a [c] b Customer 1234567")


TAX_ID, BANK_ACCOUNT, BANK_TYPED = "91310115MA1K4B7X2Q", "6222021001122334455", \
    "6222 0210 0112 2334 455"
LEAD_PHONE, LEAD_PHONE_TYPED, LEAD_NAME = "02164481234", "021-6448-1234", "Zhuge Kongming"
LEAD_WECHAT = "Kongming_Wolong88"
INVOICE_PHONE = "02155008800"


def test_business_details_and_leads_never_leave_the_store(demo_db, data_folder, tmp_path):
    """Issue 19: a business customer's tax id, bank account and invoice phone (also as an
    invoice request keeps them), and a lead's phone and contact name are scrubbed from
    the logs and failed print jobs that carry them; what support needs stays."""
    from pos.people import leads

    db = demo_db
    _, job, pin_hash = seed_secrets(db, data_folder)
    buyer = customers.create_customer(db, phone="13700000091", name="Wang Buyer",
                                      kind="business", company="Acme Ltd")
    customers.update_customer(db, customer_id=buyer.id, tax_id=TAX_ID,
                              bank_name="ICBC", bank_account=BANK_ACCOUNT,
                              invoice_phone=INVOICE_PHONE)
    manager = next(s.id for s in staff.list_staff(db) if s.role.value == "manager")
    leads.add_lead(db, staff_id=manager, kind="smb", contact_name=LEAD_NAME,
                   phone=LEAD_PHONE_TYPED, company="Shu Trading", wechat=LEAD_WECHAT)
    print_queue.mark_failed(db, job_id=job.id, fault="printer",
                            error=f"statement for tax id {TAX_ID} account {BANK_TYPED} failed")
    with open(data_folder / "logs" / "tickbox.log", "a", encoding="utf-8") as log:
        log.write(f"2026-12-01 10:00:03,000 1 ERROR tickbox: invoice {TAX_ID.lower()} bank "
                  f"{BANK_ACCOUNT} tel {INVOICE_PHONE}; lead {LEAD_NAME} {LEAD_PHONE} "
                  f"({LEAD_PHONE_TYPED}) for T01-000001\n")
        log.write(f"2026-12-01 10:00:04,000 1 INFO tickbox: lead wechat {LEAD_WECHAT.lower()} "
                  f"added\n")
    out = tmp_path / "bundle.zip"
    write_bundle(db, terminal="T01", data_folder=data_folder, out=out,
                 extra_versions={"qt": "6.x"})
    files = assert_no_secret(out, pin_hash)
    raw = out.read_bytes().decode("latin-1")
    for secret in (TAX_ID, TAX_ID.lower(), BANK_ACCOUNT, BANK_TYPED, INVOICE_PHONE,
                   LEAD_PHONE, LEAD_PHONE_TYPED, "6448-1234", LEAD_NAME, LEAD_WECHAT,
                   LEAD_WECHAT.lower()):
        assert all(secret not in text for text in files.values()), secret
        assert secret not in raw, secret
    log = files["logs/tickbox.log"]
    assert ("invoice [tax id] bank [bank account] tel [phone]; lead [customer] [phone] "
            "([phone]) for T01-000001") in log
    assert "lead wechat [wechat] added" in log
    queue = json.loads(files["print_queue.json"])
    assert queue["failed"][0]["error"] == (
        "statement for tax id [tax id] account [bank account] failed")


def test_the_scrubber_names_tax_ids_and_bank_accounts_however_written():
    scrubber = Scrubber(tax_ids={TAX_ID}, accounts={BANK_ACCOUNT})
    assert scrubber.scrub(f"{TAX_ID.lower()}, {BANK_TYPED}; 6222-0210-0112-2334-455") == (
        "[tax id], [bank account]; [bank account]")
    kept = "T01-000001 barcode 6923150020022 2026-12-01 21:28:22,787 91310115"
    assert scrubber.scrub(kept) == kept
