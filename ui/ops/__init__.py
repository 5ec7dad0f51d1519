"""Every call from a widget into pos/, off the GUI thread (design rule 6; the shape of
Anki's CollectionOp/QueryOp). A widget says what to run and what to do with the answer:

    self.ops.run(ops.verify_pin(staff_id=7, pin="1111"), parent=self,
                 done=self.welcome, refused=self.wrong_pin, disable=[self.ok_button])

The first argument is a *call*, made by one of the functions here from plain values:
`call(db) -> result`, run on the worker's thread pool. The answer comes back on the GUI
thread by Signal: `done(result)`; a refusal (a pos UserError) goes to `refused(error)`,
else it is shown with ui.messages.refusal_text; anything else is a bug: logged with its
traceback by the worker, the person sees ui.messages.bug_message() (or `crashed()` runs).
While it runs the `disable`d buttons are off, and once it has run BUSY_DELAY_MS the
window says "Working…" with a busy cursor (quick calls never flicker it).

Actions that must apply in the order the person acted (two quick scans, a mark on the
sheet while a scan is in flight) go through an OpQueue: each starts once the one before
has been applied, and builds its call then, from the state that one left.

The cart is plain data owned by the till. The calls that change it take a deep copy on
the worker, change that, and return it with what the till shows of it (a TillView); the
till applies the view on the GUI thread. Services load lazily, inside the calls: this
package is imported by the login, which is up before SQLAlchemy has loaded.

This package is the only part of ui/ (with the composition root, ui.app, and the thread
pool, ui.worker) that imports pos/ beyond its kernel and the pure cart: running.py runs
calls; cart.py, catalog.py, paying.py, people.py, aftersale.py, day.py, printing.py and settings.py
make them; stock.py, the stock screen's."""

from ui.ops.aftersale import (
    Attempts, exchange, find_sales, list_audit, load_exchange, load_return, product_for_return,
    quote_refund, refund, refund_without_receipt, void_sale,
)
from ui.ops.backup import backup_age, backup_if_due, take_backup
from ui.ops.catalog import create_product, list_categories
from ui.ops.cart import (
    TillView, add_product, addon_units, cancel_cart, decline_card, find_customer,
    list_parked, mark_item, open_addon, park, read_view, remove_line, resume, save_customer,
    search_products, set_serial, show_unit, toggle_card,
)
from ui.ops.cart import overridable, override_serial, serial_override_ref
from ui.ops.day import (
    check_count, close_shift, commission_month, day_report, move_cash, open_drawer,
    period_report, report_scopes, save_report, shift_count, x_report,
)
from ui.ops.paying import PayStep, complete_sale, payment_step
from ui.ops.people import (
    add_customer, approve, customer_record, list_staff, may, verify_pin,
)
from ui.ops.printing import failed_jobs, reprint, retry_jobs, run_prints
from ui.ops.running import BUSY_DELAY_MS, BusyBanner, Call, Op, OpQueue, Ops, preload
from ui.ops.settings import change_setting, list_settings
from ui.ops.stock_reports import save_stock_report, stock_report
from ui.ops.stock import (
    LineDraft, LookedUp, count_view, discard_count, incoming_transfers, line_product,
    list_stock, look_up, open_counts, post_count, receive_goods, receive_transfer,
    scan_into_count, send_transfer, set_reorder_point, start_count, stock_stores,
)

__all__ = [
    "add_customer", "customer_record",
    "Attempts", "BUSY_DELAY_MS", "BusyBanner", "Call", "Op", "OpQueue", "Ops", "PayStep",
    "TillView", "add_product", "addon_units", "approve", "cancel_cart", "change_setting",
    "close_shift", "commission_month", "complete_sale", "day_report", "decline_card",
    "exchange", "load_exchange", "product_for_return", "refund_without_receipt",
    "failed_jobs", "find_customer", "find_sales", "list_audit", "list_parked", "list_settings",
    "list_staff", "load_return", "mark_item", "may", "move_cash", "open_drawer",
    "open_addon", "park", "payment_step",
    "period_report", "preload", "quote_refund", "read_view", "refund", "remove_line",
    "report_scopes", "reprint", "resume", "retry_jobs", "run_prints", "save_customer",
    "save_report", "search_products", "set_serial", "show_unit", "toggle_card", "verify_pin",
    "void_sale", "x_report",
    "check_count", "shift_count",
    "create_product", "list_categories",
    "backup_age", "backup_if_due", "take_backup",
    "LineDraft", "LookedUp", "count_view", "discard_count", "incoming_transfers",
    "line_product", "list_stock", "look_up", "open_counts", "post_count", "receive_goods",
    "receive_transfer", "scan_into_count", "send_transfer", "set_reorder_point", "start_count",
    "stock_stores",
    "overridable", "override_serial", "serial_override_ref",
    "save_stock_report", "stock_report",
]
