"""The day: the X report and denominations, closing the shift, the day report."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.ops.running import Call


def x_report(terminal: str) -> Call:
    """(the open shift's X report, the denominations the drawer is counted in)."""
    def call(db):
        from pos.day.shifts import DENOMINATIONS
        from pos.day.shifts import x_report as report

        return report(db, terminal=terminal), DENOMINATIONS
    return call


def close_shift(*, terminal: str, staff_id: int, counts: dict[int, int],
                approval_id: int | None) -> Call:
    def call(db):
        from pos.day.shifts import close_shift as close

        return close(db, terminal=terminal, staff_id=staff_id, counts=counts,
                     approval_id=approval_id)
    return call


def day_report(day) -> Call:
    def call(db):
        from pos.day.reports import day_report as report

        return report(db, day=day)
    return call
