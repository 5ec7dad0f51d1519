"""Render every main screen to PNG for review, in English and Chinese, at 1366x768 and
1920x1080, on a throwaway demo store:

    python -m ui.screenshots --out screenshots/

Runs offscreen (no display needed). Look at each picture: clipped, cramped or unreadable
text is a bug. The store is made by the `pos` command (`pos demo load`) and opened by
the app's own start (ui.app.load_services); everything else is done at the till, as a
cashier does it, through the screens and ui.ops."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pos.kernel.enums import Outcome, StaffRole  # noqa: E402

SIZES = ((1366, 768), (1920, 1080))
NOTEBOOK, DESKTOP, PHONE = "6923150020022", "6923150030021", "13800138000"


def settle(app: QApplication, ops=None, *, timeout: float = 15.0) -> None:
    """Until every call asked of ui.ops has been answered, then a few turns for painting."""
    deadline = time.monotonic() + timeout
    while ops is not None and not ops.idle and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    for _ in range(3):
        app.processEvents()


def demo_store(url: str, locale: str) -> None:
    subprocess.run([sys.executable, "-m", "pos.cli", "--db", url, "demo", "load",
                    "--locale", locale], check=True, capture_output=True)


def render_locale(locale: str, out: Path, folder: Path) -> list[Path]:
    from ui.app import install_translator, load_services, make_application
    from ui.worker import Worker

    app = make_application()
    url = f"sqlite:///{folder / f'{locale}.db'}"
    demo_store(url, locale)
    context, people = load_services(url, terminal="T01", worker=Worker(), locale=locale)
    translator = install_translator(app, locale)
    from ui.checkout.dialogs import CustomerDialog
    from ui.main_window import MainWindow

    ops = context.ops
    written = []
    for width, height in SIZES:
        window = MainWindow(context)
        window.resize(width, height)
        window.show()
        settle(app, ops)

        def shot(name: str, widget=None, window=window, width=width, height=height) -> None:
            settle(app, ops)
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
        cashier = next(person for person in people if person.role is StaffRole.CASHIER)
        window.open_till(cashier)
        shot("till-empty")
        till = window.till
        for code in (NOTEBOOK, PHONE):
            till.scan.setText(code)
            till.enter()
            settle(app, ops)
        if isinstance(till.active_dialog, CustomerDialog):  # the first time: a new customer
            till.active_dialog.name.setText("陈洁" if locale == "zh_CN" else "Chen Jie")
            till.active_dialog.accept()
            settle(app, ops)
        items = {item.code: item for item in till.sheet.rows}
        for code, outcome in (("bag", Outcome.SOLD), ("screen-film", Outcome.DECLINED),
                              ("wireless-mouse", Outcome.SOLD), ("security-pack", Outcome.SOLD)):
            if code in items:
                till.mark_item(items[code].item_id, outcome, None)
        gold = next(offer for offer in till.cards.offers if offer.code == "gold")
        till.pick_card(gold.tier_id)
        settle(app, ops)
        if len(till.sheet.rows) > 1:
            till.sheet.toggle_script(1)
        shot("till-sale")
        till.scan.setText("bag" if locale == "en" else "包")
        till._search()
        shot("till-search")
        till._clear_search()
        till.pay()
        settle(app, ops)
        dialog = till.active_dialog
        if dialog is not None:
            shot("serial", dialog)
            dialog.field.setText("PF3ABC12")
            dialog.accept()
            settle(app, ops)
        dialog = till.active_dialog
        if dialog is not None:
            dialog.quick(100)
            shot("payment", dialog)
            dialog.reject()
            settle(app, ops)
        till.scan.setText(DESKTOP)
        till.enter()
        settle(app, ops)
        till._card_prompted.clear()
        till.pay()
        settle(app, ops)
        if till.active_dialog is not None:
            shot("card-prompt", till.active_dialog)
            till.active_dialog.reject()
            settle(app, ops)
        till.edit_customer(phone="13912345678")
        settle(app, ops)
        if till.active_dialog is not None:
            shot("customer", till.active_dialog)
            till.active_dialog.reject()
        window.close()
        window.deleteLater()
        settle(app, ops)
    if translator is not None:
        app.removeTranslator(translator)
        app.removeTranslator(translator.qt_own)
    context.worker.pool.waitForDone(5000)
    context.db.dispose()
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
