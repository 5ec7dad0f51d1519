"""Render every main screen to PNG for review, in English and Chinese, at 1366x768 and
1920x1080, on a throwaway demo store:

    python -m ui.screenshots --out screenshots/

Runs offscreen (no display needed). Look at each picture: clipped, cramped or unreadable
text is a bug."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from pos.db import schema
from pos.db.engine import Database  # noqa: E402
from pos.demo.loader import load_demo  # noqa: E402
from pos.people import customers, staff
from pos.selling import checkout
from pos.selling import sheet

SIZES = ((1366, 768), (1920, 1080))
NOTEBOOK = "6923150020022"


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def render_locale(locale: str, out: Path, folder: Path) -> list[Path]:
    from ui.app import install_translator, make_application, make_context

    app = make_application()
    db = Database(f"sqlite:///{folder / f'{locale}.db'}")
    schema.upgrade(db.engine)
    load_demo(db, locale=locale)
    customer = customers.create_customer(db, phone="13800138000",
                                         name="陈洁" if locale == "zh_CN" else "Chen Jie")
    context = make_context(db, terminal="T01", locale=locale)
    translator = install_translator(app, locale)
    from ui.main_window import MainWindow

    written = []
    for width, height in SIZES:
        window = MainWindow(context)
        window.resize(width, height)
        window.show()
        settle(app)

        def shot(name: str, widget=None) -> None:
            settle(app)
            path = out / f"{locale}-{width}x{height}-{name}.png"
            (widget or window).grab().save(str(path))
            written.append(path)

        shot("login")
        starting = MainWindow()  # before the database layer has loaded, nothing peeked
        starting.resize(width, height)
        starting.show()
        shot("login-starting", starting)
        starting.close()
        starting.deleteLater()
        cashier = next(s for s in staff.list_staff(db) if s.role.value == "cashier")
        window.open_till(cashier)
        shot("till-empty")
        till = window.till
        till.scan.setText(NOTEBOOK)
        till.enter()
        till.scan.setText(customer.phone)
        till.enter()
        rows = {r.code: r for r in sheet.sheet_rows(db, till.cart, main_line_id=till.current_unit)}
        for code, outcome in (("bag", "sold"), ("screen-film", "declined"),
                              ("wireless-mouse", "sold"), ("security-pack", "sold")):
            if code in rows:
                till.mark_item(rows[code].item_id, outcome, None)
        gold = next(o for o in till.cards.offers if o.code == "gold")
        till.pick_card(gold.tier_id)
        if till.sheet.rows:
            till.sheet.rows[1].script_button.setChecked(True)
        shot("till-sale")
        till.scan.setText("bag" if locale == "en" else "包")
        till._search()
        shot("till-search")
        till.scan.clear()
        till.results.hide()
        till.pay()
        settle(app)
        dialog = till.active_dialog
        if dialog is not None:
            shot("serial", dialog)
            dialog.field.setText("PF3ABC12")
            dialog.accept()
            settle(app)
        dialog = till.active_dialog
        if dialog is not None:
            dialog.quick(100)
            shot("payment", dialog)
            dialog.reject()
            settle(app)
        fresh = checkout.add_product(db, till.cart, code="6923150030021")
        till.current_unit = fresh.line_id
        till.refresh()
        till._card_prompted.clear()
        till.pay()
        settle(app)
        if till.active_dialog is not None:
            shot("card-prompt", till.active_dialog)
            till.active_dialog.reject()
        till.edit_customer(phone="13912345678")
        settle(app)
        if till.active_dialog is not None:
            shot("customer", till.active_dialog)
            till.active_dialog.reject()
        window.close()
        window.deleteLater()
        settle(app)
    if translator is not None:
        app.removeTranslator(translator)
        app.removeTranslator(translator.qt_own)
    context.worker.pool.waitForDone(5000)
    db.dispose()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--locale", choices=["en", "zh_CN"], action="append")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as folder:
        for locale in args.locale or ["en", "zh_CN"]:
            written += render_locale(locale, out, Path(folder))
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
