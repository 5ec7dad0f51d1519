"""A child process that completes sales in a loop, for the crash and concurrency tests.

    python -m tests.support.sales_worker URL TERMINAL COUNT

Prints READY once set up, then one receipt number per completed sale (flushed right
after the commit returns), then DONE. COUNT 0 means: until killed.
"""

from __future__ import annotations

import sys

from pos.db.engine import Database
from pos.people import staff
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput

ITEMS = ("BAG-NB-156", "PRO-CLN-PC")


def main() -> int:
    url, terminal, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    db = Database(url)
    cashier = next(s.id for s in staff.list_staff(db) if s.role.value == "cashier")
    print("READY", flush=True)
    done = 0
    while count == 0 or done < count:
        cart = checkout.open_cart(db, staff_id=cashier, terminal=terminal)
        for code in ITEMS:
            checkout.add_product(db, cart, code=code)
        due = sum(line.total for line in cart.lines)
        result = completion.complete_sale(
            db, cart, tenders=[TenderInput("wechat", due // 2), TenderInput("cash", due)])
        print(result.receipt_no, flush=True)
        done += 1
    print("DONE", flush=True)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
