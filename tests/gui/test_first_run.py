"""The first run without the demo, as a store owner meets it: `pos` on an empty database
opens the first-run wizard instead of the login; its pages refuse what the setup service
refuses and keep what was typed; Create sets the store up and the login shows the new
administrator, who logs in to the till. In English and in Chinese; the demo is one
button away; a database with a store never sees the wizard."""

import shutil

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from pos.catalog.products import export_catalog
from pos.db.engine import Database
from pos.store.details import store_info
from tests.gui.conftest import log_in, settle
from ui.app import Startup, install_translator, load_services, make_application
from ui.first_run import FirstRunWizard
from ui.first_run_files import FilePicker

PIN = "4826"


@pytest.fixture
def start(qtbot):
    """start(url) -> Startup, begun; closed (and English again) afterwards."""
    app = make_application()
    begun = []

    def begin(url, *, terminal="T01"):
        startup = Startup(app, url=url, terminal=terminal, load=load_services)
        startup.begin()
        qtbot.addWidget(startup.window)
        begun.append(startup)
        return startup

    yield begin
    for startup in begun:
        startup.worker.pool.waitForDone(30_000)
        QCoreApplication.processEvents()
        startup.close()
    install_translator(app, "en")


@pytest.fixture
def new_url(tmp_path):
    return f"sqlite:///{tmp_path / 'new.db'}"


@pytest.fixture
def catalog_file(tmp_path, sqlite_demo_db):
    path = tmp_path / "catalog.csv"
    path.write_bytes(export_catalog(sqlite_demo_db))
    return path


def the_wizard(qtbot, startup) -> FirstRunWizard:
    window = startup.window
    qtbot.waitUntil(lambda: isinstance(window.stack.currentWidget(), FirstRunWizard),
                    timeout=30_000)
    return window.stack.currentWidget()


def answered(qtbot, wizard) -> None:
    qtbot.waitUntil(lambda: not wizard.running and wizard.ops.idle, timeout=30_000)


def enter(qtbot, wizard, widget) -> None:
    """Enter in a field: the page is checked, and the wizard goes on when it passes."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    answered(qtbot, wizard)


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.clear()
    qtbot.keyClicks(widget, text)


def walk_to_the_login(qtbot, startup, wizard, *, printer, catalog=None) -> None:
    """Every page filled in as a store owner does, with the keyboard, to Create."""
    qtbot.keyClick(wizard.welcome.set_up_button, Qt.Key.Key_Return)
    assert wizard.page is wizard.store and wizard.store.name.hasFocus()
    type_into(qtbot, wizard.store.name, "Tickbox Xuhui")
    type_into(qtbot, wizard.store.phone, "021-6448 7000")
    type_into(qtbot, wizard.store.tax_id, "91310104ma1fr8tk2k")
    enter(qtbot, wizard, wizard.store.tax_id)
    assert wizard.page is wizard.admin
    type_into(qtbot, wizard.admin.name, "Zhou Min")
    type_into(qtbot, wizard.admin.pin, PIN)
    type_into(qtbot, wizard.admin.pin_again, PIN)
    enter(qtbot, wizard, wizard.admin.pin_again)
    assert wizard.page is wizard.tills
    qtbot.keyClick(wizard.tills.rows[0][1], Qt.Key.Key_F3)  # another till
    type_into(qtbot, wizard.tills.rows[1][0], "T02")
    type_into(qtbot, wizard.tills.rows[1][1], "Service counter")
    enter(qtbot, wizard, wizard.tills.rows[1][1])
    assert wizard.page is wizard.files
    if catalog is not None:
        wizard.files.choose["catalog"].click()  # FilePicker.ask stands in for the dialog
    enter(qtbot, wizard, wizard.files.paths["catalog"])
    assert wizard.page is wizard.printer
    wizard.printer.kind.setCurrentIndex(wizard.printer.URI)
    type_into(qtbot, wizard.printer.address, printer)
    qtbot.keyClick(wizard.printer.address, Qt.Key.Key_F5)  # the test page
    answered(qtbot, wizard)
    enter(qtbot, wizard, wizard.printer.address)
    assert wizard.page is wizard.summary


def test_a_new_database_opens_the_wizard_and_ends_at_the_login_of_its_administrator(
        qtbot, start, new_url, tmp_path, catalog_file, monkeypatch):
    monkeypatch.setattr(FilePicker, "ask", classmethod(lambda cls, *args: str(catalog_file)))
    startup = start(new_url)
    window = startup.window
    wizard = the_wizard(qtbot, startup)
    assert window.till is None  # nothing to log in to yet
    assert wizard.title.text() == "Welcome to Tickbox POS"
    assert wizard.welcome.demo_button.text() == "Load the demo store [F2]"
    assert window.width() <= 1366
    printed = tmp_path / "lp0"
    walk_to_the_login(qtbot, startup, wizard, printer=f"file://{printed}", catalog=catalog_file)
    assert b"Tickbox Xuhui" in printed.read_bytes()
    facts = [wizard.summary.facts.itemAt(i).widget().text()
             for i in range(wizard.summary.facts.count())]
    assert "Zhou Min" in facts and "T01 Front till, T02 Service counter" in facts
    assert any(fact.endswith(" products") and int(fact.split()[0]) > 100 for fact in facts)
    assert window.width() <= 1366
    with qtbot.waitSignal(startup.loaded, timeout=60_000):
        qtbot.keyClick(wizard.next_button, Qt.Key.Key_Return)  # Create the store
    assert window.stack.currentWidget() is window.login
    assert [b.property("staff_name") for b in window.login.group.buttons()] == ["Zhou Min"]
    assert window.windowTitle() == "Tickbox POS · Tickbox Xuhui"
    log_in(qtbot, window, name="Zhou Min", pin=PIN)
    assert window.stack.currentWidget() is window.till
    info = store_info(window.context.db, terminal="T02")
    assert (info.name, info.tax_id, info.locale) == ("Tickbox Xuhui", "91310104MA1FR8TK2K", "en")
    settle(qtbot, window)


def test_the_wizard_in_chinese_sets_up_a_chinese_store(qtbot, start, new_url, tmp_path):
    startup = start(new_url)
    window = startup.window
    wizard = the_wizard(qtbot, startup)
    chinese = next(b for b in wizard.welcome.languages.buttons() if b.text() == "中文")
    chinese.click()
    qtbot.waitUntil(lambda: wizard.title.text() == "欢迎使用 Tickbox 收银系统")
    assert wizard.welcome.set_up_button.text() == "设置我的门店 [Enter]"
    walk_to_the_login(qtbot, startup, wizard, printer=f"pdf://{tmp_path / 'prints'}")
    assert wizard.title.text() == "确认并创建"
    assert wizard.next_button.text() == "创建门店 [Enter]"
    assert wizard.step.text() == "第 6 步，共 6 步"
    assert "测试页已发送到" in wizard.printer.result.text()
    assert (tmp_path / "prints" / "printer-test.pdf").stat().st_size > 1000
    assert wizard.tills.rows[0][1].text() == "前台收银"  # this computer's till, named in Chinese
    with qtbot.waitSignal(startup.loaded, timeout=60_000):
        qtbot.keyClick(wizard.next_button, Qt.Key.Key_Return)
    assert window.login.title.text() == "谁在收银？"
    assert window.windowTitle() == "Tickbox 收银系统 · Tickbox Xuhui"
    log_in(qtbot, window, name="Zhou Min", pin=PIN)
    assert window.stack.currentWidget() is window.till
    assert store_info(window.context.db, terminal="T01").locale == "zh_CN"
    settle(qtbot, window)


def test_a_refusal_keeps_the_page_and_what_was_typed(qtbot, start, new_url):
    startup = start(new_url)
    wizard = the_wizard(qtbot, startup)
    qtbot.keyClick(wizard.welcome.set_up_button, Qt.Key.Key_Return)
    type_into(qtbot, wizard.store.name, "Tickbox Xuhui")
    type_into(qtbot, wizard.store.phone, "call me")
    enter(qtbot, wizard, wizard.store.phone)
    assert wizard.page is wizard.store
    assert wizard.error.text().startswith("'call me' is not a phone number")
    assert wizard.store.name.text() == "Tickbox Xuhui" and wizard.store.phone.text() == "call me"
    assert wizard.store.phone.property("error") is True and wizard.store.phone.hasFocus()
    type_into(qtbot, wizard.store.phone, "021-6448 7000")
    assert wizard.store.phone.property("error") is False  # typing again clears the mark
    enter(qtbot, wizard, wizard.store.phone)
    assert wizard.page is wizard.admin and wizard.error.text() == ""
    type_into(qtbot, wizard.admin.name, "Zhou Min")
    for pin, again, said in (("1234", "1234", "too easy to guess"),
                             (PIN, "4827", "the two PINs differ")):
        type_into(qtbot, wizard.admin.pin, pin)
        type_into(qtbot, wizard.admin.pin_again, again)
        enter(qtbot, wizard, wizard.admin.pin_again)
        assert wizard.page is wizard.admin and said in wizard.error.text()
        assert wizard.admin.pin.text() == "" and wizard.admin.pin.hasFocus()
        assert wizard.admin.name.text() == "Zhou Min"
    qtbot.keyClick(wizard.admin.name, Qt.Key.Key_Escape)  # back: the store page as it was
    assert wizard.page is wizard.store and wizard.store.phone.text() == "021-6448 7000"
    assert startup.window.till is None  # nothing was set up


def test_a_bad_catalog_is_refused_on_its_page_listing_its_lines(qtbot, start, new_url, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("sku,barcode,name,category,price,cost,stock,role,serial_tracked,vat_rate\n"
                   "X-1,,Mystery box,NOPE,10,5,1,none,no,13\n")
    startup = start(new_url)
    wizard = the_wizard(qtbot, startup)
    wizard.go(wizard.files)  # the pages before it passed (as in the walk above)
    wizard.details = wizard.admin_name = None
    type_into(qtbot, wizard.files.paths["catalog"], str(bad))
    enter(qtbot, wizard, wizard.files.paths["catalog"])
    assert wizard.page is wizard.files
    assert "catalog import refused" in wizard.error.text()
    assert "line 2, category: unknown category 'NOPE'" in wizard.error.text()
    assert wizard.files.paths["catalog"].property("error") is True
    assert wizard.files.paths["catalog"].text() == str(bad)


def test_the_demo_is_one_button_away(qtbot, start, new_url):
    startup = start(new_url)
    window = startup.window
    wizard = the_wizard(qtbot, startup)
    with qtbot.waitSignal(startup.loaded, timeout=60_000):
        qtbot.keyClick(wizard.welcome.set_up_button, Qt.Key.Key_F2)
    assert [b.property("staff_name") for b in window.login.group.buttons()] == [
        "Li Na", "Wang Qiang", "Zhang Wei"]
    log_in(qtbot, window)
    assert window.stack.currentWidget() is window.till


def test_a_database_with_a_store_opens_at_the_login(qtbot, start, tmp_path, sqlite_demo_template):
    shutil.copyfile(sqlite_demo_template, tmp_path / "demo.db")
    startup = start(f"sqlite:///{tmp_path / 'demo.db'}")
    with qtbot.waitSignal(startup.loaded, timeout=60_000):
        pass
    window = startup.window
    assert window.stack.currentWidget() is window.login
    assert not window.findChildren(FirstRunWizard)


def test_the_wizard_refuses_a_database_set_up_meanwhile(qtbot, start, new_url):
    """Another till (or pos setup) set the store up while the wizard was open: Create
    says so and points to the settings."""
    from pos.setup.new_store import set_up_store

    startup = start(new_url)
    wizard = the_wizard(qtbot, startup)
    other = Database(new_url)
    set_up_store(other, name="Other store", locale="en", admin_name="Someone",
                 admin_pin="5937", tills=[("T01", "")], this_terminal="T01")
    other.dispose()
    qtbot.keyClick(wizard.welcome.set_up_button, Qt.Key.Key_Return)
    type_into(qtbot, wizard.store.name, "Tickbox Xuhui")
    enter(qtbot, wizard, wizard.store.name)
    assert wizard.page is wizard.store
    assert "already has a store, 'Other store'" in wizard.error.text()
