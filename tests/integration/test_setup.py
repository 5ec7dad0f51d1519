"""A new store's first run without the demo (pos.setup, `pos setup`): the store, its
administrator, tills, catalog, checklists and printer in one go; every bad value or file
refused with its message and nothing written; a second setup refused."""

import os
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from pos.catalog import checklists, products
from pos.db.models import AuditEvent, Category, Product, SheetTemplate, Staff, Store, Terminal
from pos.kernel.enums import StaffRole
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.people.staff import verify_pin
from pos.printjobs.print_queue import printer_config
from pos.setup.details import existing_store
from pos.setup.new_store import Printer, set_up_store
from pos.store.details import store_info

PIN = "4826"


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory):
    """The demo store's catalog and checklists as a store would keep them in files."""
    from pos.db import schema
    from pos.db.engine import Database
    from pos.demo.loader import load_demo

    database = Database(f"sqlite:///{tmp_path_factory.mktemp('files') / 'demo.db'}")
    schema.upgrade(database.engine)
    load_demo(database, locale="en")
    files = {"catalog": products.export_catalog(database),
             "checklists": checklists.export_checklists(database)}
    database.dispose()
    return files


def good(**changes):
    values = dict(name="Tickbox Xuhui", address="1 Hongqiao Road, Shanghai",
                  phone="021-6448 7000", tax_id="91310104MA1FR8TK2K", locale="zh_CN",
                  admin_name="Zhou Min", admin_pin=PIN,
                  tills=[("T01", "Front till"), ("t02", "")], this_terminal="T01")
    values.update(changes)
    return values


def counts(db) -> dict:
    with db.read() as session:
        return {model.__tablename__: session.scalar(select(func.count()).select_from(model))
                for model in (Store, Terminal, Staff, Category, Product, SheetTemplate, AuditEvent)}


def test_a_store_is_set_up_with_its_administrator_tills_catalog_and_printer(db, demo_files,
                                                                             tmp_path):
    printed = tmp_path / "printer.bin"
    result = set_up_store(db, **good(), catalog=demo_files["catalog"],
                          checklists=demo_files["checklists"],
                          printer=Printer(f"file://{printed}", 58))
    info = store_info(db, terminal="T01")
    assert (info.name, info.address, info.phone, info.tax_id, info.locale, info.currency) == (
        "Tickbox Xuhui", "1 Hongqiao Road, Shanghai", "021-6448 7000", "91310104MA1FR8TK2K",
        "zh_CN", "CNY")
    assert store_info(db, terminal="T02").name == "Tickbox Xuhui"
    assert [(t.code, t.name) for t in result.tills] == [("T01", "Front till"), ("T02", "T02")]
    admin = verify_pin(db, staff_id=result.admin.id, pin=PIN)
    assert (admin.name, admin.role) == ("Zhou Min", StaffRole.ADMIN)
    with db.read() as session:
        categories = dict(session.execute(select(Category.code, Category.name)).all())
        assert categories["NOTEBOOK"] == "笔记本电脑"  # the standard ones, in the store's language
        assert session.scalar(select(func.count()).select_from(Product)) == result.files.products > 100
        assert session.scalar(select(func.count()).select_from(SheetTemplate)) == result.files.sheets > 3
        actions = set(session.scalars(select(AuditEvent.action)))
    assert {"store_set_up", "staff_added", "setting_changed"} <= actions
    config = printer_config(db, terminal="T01")
    assert (config.receipt_uri, config.paper_mm) == (f"file://{printed}", 58)
    assert printer_config(db, terminal="T02").receipt_uri.startswith("pdf://")  # the default
    assert existing_store(db) == "Tickbox Xuhui"
    checked = verify(db)
    assert checked.ok, checked.problem


def test_without_files_or_printer_the_store_has_the_standard_categories_and_pdf_previews(db):
    set_up_store(db, **good(locale="en", tills=[("T01", "")]))
    assert counts(db)["products"] == 0 and counts(db)["categories"] == 25
    assert printer_config(db, terminal="T01").receipt_uri.startswith("pdf://")
    with db.read() as session:
        assert session.scalar(select(Category.name).where(Category.code == "PHONE")) == "Mobile phones"


@pytest.mark.parametrize("changes, message_id", [
    ({"name": "  "}, "setup.needs_store_name"),
    ({"name": "x" * 201}, "text.too_long"),
    ({"phone": "call me"}, "setup.bad_phone"),
    ({"phone": "12-3"}, "setup.bad_phone"),
    ({"tax_id": "91310104MA1FR8TK2X"}, "setup.tax_id_check"),  # the check character mistyped
    ({"tax_id": "91310104/MA1"}, "setup.bad_tax_id"),
    ({"locale": "fr"}, "setup.bad_locale"),
    ({"admin_name": ""}, "setup.needs_admin_name"),
    ({"admin_pin": "1234"}, "staff.pin_trivial"),
    ({"admin_pin": "2580"}, "staff.pin_trivial"),
    ({"admin_pin": "48a6"}, "staff.pin_format"),
    ({"admin_pin": "482"}, "staff.pin_format"),
    ({"tills": []}, "setup.needs_till"),
    ({"tills": [("T02", "Back")]}, "setup.this_till_missing"),
    ({"tills": [("T01", ""), ("t01", "again")]}, "setup.till_twice"),
    ({"tills": [("T 1", "")]}, "setup.bad_till_code"),
    ({"tills": [("T01", "bad\x00name")]}, "text.control_characters"),
])
def test_a_bad_value_is_refused_and_nothing_is_written(db, changes, message_id):
    before = counts(db)
    with pytest.raises(UserError) as refused:
        set_up_store(db, **good(**changes))
    assert refused.value.message_id == message_id
    assert counts(db) == before and existing_store(db) is None


def test_a_bad_printer_uri_is_refused_and_nothing_is_written(db):
    before = counts(db)
    with pytest.raises(UserError) as refused:
        set_up_store(db, **good(), printer=Printer("lpt1://front"))
    assert refused.value.message_id == "setting.bad_value"
    assert "lpt1://front" in str(refused.value)
    assert counts(db) == before


def test_a_bad_checklist_after_a_good_catalog_changes_nothing(db, demo_files):
    """Every file is checked before the first is imported: the good catalog is not
    imported when the checklists name a product nobody has."""
    bad = demo_files["checklists"].replace(b'"CAM-GRIP-VPT2"', b'"XX-GRIP"', 1)
    before = counts(db)
    with pytest.raises(UserError) as refused:
        set_up_store(db, **good(), catalog=demo_files["catalog"], checklists=bad)
    assert refused.value.message_id == "import.refused_one"
    assert any("XX-" in str(detail) for detail in refused.value.details)
    assert counts(db) == before


def test_a_bad_catalog_row_lists_its_line_and_changes_nothing(db, demo_files):
    bad = demo_files["catalog"] + "X-1,,Mystery box,NOPE,10,5,1,none,no,13,\r\n".encode()
    before = counts(db)
    with pytest.raises(UserError) as refused:
        set_up_store(db, **good(), catalog=bad)
    last_line = bad.count(b"\n")
    assert [str(detail) for detail in refused.value.details] == [
        f"line {last_line}, category: unknown category 'NOPE'"]
    assert counts(db) == before


def test_a_catalog_can_name_the_stores_own_categories(db):
    categories = "code,name,kind,sheet_layout\nDRONE,Drones,main_unit,digital\n".encode()
    catalog = ("sku,barcode,name,category,price,cost,stock,role,serial_tracked,vat_rate\n"
               "DR-1,,Drone One,DRONE,2999,2500,3,mainstream,yes,13\n").encode()
    result = set_up_store(db, **good(), categories=categories, catalog=catalog)
    assert not result.files.standard_categories and result.files.products == 1
    assert counts(db)["categories"] == 1


def test_a_second_setup_is_refused_and_changes_nothing(db):
    set_up_store(db, **good())
    before = counts(db)
    with pytest.raises(UserError) as refused:
        set_up_store(db, **good(name="Another store", admin_name="Someone else"))
    assert refused.value.message_id == "setup.already_set_up"
    assert "Tickbox Xuhui" in str(refused.value) and "pos settings set" in str(refused.value)
    assert counts(db) == before


def test_the_demo_store_is_not_set_up_again(demo_db):
    with pytest.raises(UserError) as refused:
        set_up_store(demo_db, **good())
    assert refused.value.message_id == "setup.already_set_up"


# --- the command ---------------------------------------------------------------------------


def pos(args: list[str], *, stdin: str = "", data_dir, locale="en"):
    env = dict(os.environ, POS_LOCALE=locale, POS_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "pos.cli", *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=120)


def test_pos_setup_scripted_sets_up_the_store_and_prints_a_test_page(tmp_path, demo_files):
    (tmp_path / "catalog.csv").write_bytes(demo_files["catalog"])
    (tmp_path / "sheets.toml").write_bytes(demo_files["checklists"])
    url = f"--db=sqlite:///{tmp_path / 'new.db'}"
    done = pos([url, "setup", "--name", "Tickbox Xuhui", "--address", "1 Hongqiao Road",
                "--phone", "021-6448 7000", "--tax-id", "91310104MA1FR8TK2K", "--locale", "en",
                "--admin-name", "Zhou Min", "--till", "T01=Front till", "--till", "T02=Back till",
                "--catalog", str(tmp_path / "catalog.csv"),
                "--checklists", str(tmp_path / "sheets.toml"),
                "--printer", f"file://{tmp_path / 'lp0'}", "--paper", "58"],
               stdin=f"{PIN}\n{PIN}\n", data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert PIN not in done.stdout + done.stderr
    assert "store set up: Tickbox Xuhui (S01), language en" in done.stdout
    assert "till T01 Front till  (this computer)" in done.stdout
    assert "25 standard categories" in done.stdout and "products imported" in done.stdout
    assert f"test page printed to file://{tmp_path / 'lp0'}" in done.stdout
    page = (tmp_path / "lp0").read_bytes()
    assert b"Tickbox Xuhui" in page and b"Printer test" in page
    assert "中文打印测试".encode("gb18030") in page  # Chinese as receipts send it
    assert b"12345678901234567890123456789012\n" in page  # 58 mm: 32 columns ruled
    assert b"123456789012345678901234567890123" not in page
    listed = pos([url, "staff", "list"], data_dir=tmp_path)
    assert "Zhou Min" in listed.stdout and "admin" in listed.stdout
    assert pos([url, "journal", "verify"], data_dir=tmp_path).returncode == 0

    again = pos([url, "setup", "--name", "Other", "--admin-name", "Other"],
                stdin=f"{PIN}\n{PIN}\n", data_dir=tmp_path, locale="zh_CN")
    assert again.returncode == 1
    assert "此数据库已有门店“Tickbox Xuhui”" in again.stderr and "pos settings set" in again.stderr


def test_pos_setup_refuses_bad_input_and_writes_nothing(tmp_path):
    url = f"--db=sqlite:///{tmp_path / 'new.db'}"
    base = [url, "setup", "--name", "Tickbox Xuhui", "--admin-name", "Zhou Min"]
    differ = pos(base, stdin=f"{PIN}\n4827\n", data_dir=tmp_path)
    assert differ.returncode == 1 and "the two PINs differ" in differ.stderr
    trivial = pos(base, stdin="1234\n1234\n", data_dir=tmp_path, locale="zh_CN")
    assert trivial.returncode == 1 and "太容易被猜到" in trivial.stderr
    wrong_till = pos(base + ["--till", "T02=Back"], stdin=f"{PIN}\n{PIN}\n", data_dir=tmp_path)
    assert wrong_till.returncode == 1 and "This computer is till T01" in wrong_till.stderr
    missing = pos([url, "setup", "--name", "Tickbox Xuhui"], data_dir=tmp_path)
    assert missing.returncode == 1 and "--admin-name" in missing.stderr
    no_file = pos(base + ["--catalog", str(tmp_path / "none.csv")], stdin=f"{PIN}\n{PIN}\n",
                  data_dir=tmp_path)
    assert no_file.returncode == 1 and "cannot read" in no_file.stderr
    shown = pos([url, "store", "show"], data_dir=tmp_path)
    assert shown.returncode == 1 and "not set up" in shown.stderr  # still no store


def test_a_printer_that_fails_the_test_page_is_a_warning_after_the_setup(tmp_path):
    url = f"--db=sqlite:///{tmp_path / 'new.db'}"
    done = pos([url, "setup", "--name", "Tickbox Xuhui", "--admin-name", "Zhou Min",
                "--printer", f"file://{tmp_path}/no/such/folder/lp0"],
               stdin=f"{PIN}\n{PIN}\n", data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "warning: The store is set up, but the test page did not print" in done.stderr
    assert "store set up: Tickbox Xuhui" in done.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="a terminal (pty) to answer the questions")
def test_pos_setup_at_a_terminal_asks_and_asks_again_what_is_refused(tmp_path):
    """A person at the terminal answers the questions; a refused answer is said at once
    and its question asked again, the rest kept."""
    import pty
    import select
    import time

    answers = iter([
        "Tickbox Xuhui", "", "call me", "", "zh_CN",  # the phone is refused...
        "", "", "021-6448 7000", "", "",  # ...and asked again, the rest as answered
        "Zhou Min", "1234", "1234",  # too easy: only the PIN again
        PIN, PIN, "", "", "", "", ""])
    env = dict(os.environ, POS_LOCALE="en", POS_DATA_DIR=str(tmp_path))
    pid, fd = pty.fork()
    if pid == 0:  # the child: pos setup on a terminal
        os.execve(sys.executable, [sys.executable, "-m", "pos.cli",
                                   f"--db=sqlite:///{tmp_path / 'asked.db'}", "setup"], env)
    said, deadline = b"", time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the command has ended
            break
        said += chunk
        if said.rstrip(b" ").endswith(b":") and said.endswith(b": "):
            os.write(fd, (next(answers) + "\n").encode())
    _, status = os.waitpid(pid, 0)
    text = said.decode(errors="replace")
    assert os.waitstatus_to_exitcode(status) == 0, text
    assert "error: 'call me' is not a phone number" in text
    assert "Phone [call me]: " in text and "Store name [Tickbox Xuhui]: " in text
    assert "error: That PIN is too easy to guess" in text
    assert text.count("Administrator's name") == 1  # a PIN refused asks the PIN alone
    assert "store set up: Tickbox Xuhui (S01), language zh_CN" in text and PIN not in text
