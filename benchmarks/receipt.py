"""Receipt bytes: layout plus ESC/POS encoding of a five-line sale with Chinese text and
a service card, at 58 and 80 mm. Target (issue 5): p95 under 5 ms.

    .venv/bin/python benchmarks/receipt.py
"""

from __future__ import annotations

from common import figures, timed

from printing.escpos_out import receipt_bytes
from printing.receipt import receipt_layout
from tests.printing.known_sale import known_sale


def main() -> None:
    record = known_sale()
    for width in (32, 48):
        samples = timed(lambda: receipt_bytes(receipt_layout(record, width=width), width=width), 1000)
        print(figures(f"receipt bytes, {width} columns", samples))


if __name__ == "__main__":
    main()
