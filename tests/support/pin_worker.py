"""A child process that tries PINs when told to, for the lockout test.

    python -m tests.support.pin_worker URL STAFF_ID PIN [PIN...]

Connects one database connection per PIN and prints READY, waits for a line on stdin
(every worker gets it at once), then tries every PIN at the same moment, each in a
thread on its own connection, and prints OK, WRONG or LOCKED for each."""

from __future__ import annotations

import sys
import threading

from sqlalchemy import text

from pos.db.engine import Database
from pos.kernel.errors import UserError
from pos.people import staff


def main() -> int:
    url, staff_id, pins = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    db = Database(url)
    connections = [db.engine.connect() for _ in pins]  # warm: each attempt has its own
    for connection in connections:
        connection.execute(text("SELECT 1"))
        connection.close()  # back to the pool, still open
    answers: list[str] = []
    start = threading.Barrier(len(pins))

    def attempt(pin: str) -> None:
        start.wait()
        try:
            staff.verify_pin(db, staff_id=staff_id, pin=pin)
            answers.append("OK")
        except UserError as error:
            answers.append("LOCKED" if error.message_id == "staff.locked" else "WRONG")

    threads = [threading.Thread(target=attempt, args=(pin,)) for pin in pins]
    print("READY", flush=True)
    sys.stdin.readline()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(" ".join(answers), flush=True)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
