"""A manager's override of a serial refused at the till because the unit is not in stock
here (in stock at another store, in transit, or never received where the store sells
only received serials): the serial dialog offers it (F2), a manager approves on the spot
(ui.checkout.approval_dialog; a manager at the till needs none), the unit is brought to
this store by a sealed stock document, then set on the line and the pay steps go on.
Mixed into TillScreen. A sold unit is never offered this."""

from __future__ import annotations

from ui import ops
from ui.messages import refusal_text


class SerialOverride:
    def override_serial(self, line, serial: str) -> None:
        """Bring `serial` (as the refusal named it) here for `line`, with a manager's
        approval, then carry on paying. Cancelled, the sale waits for F12 again."""
        self.paying = False  # an approval cancelled leaves the sale as it was
        action, ref = ops.serial_override_ref(line.product_id, serial)
        attempt = ("serial_override", line.line_id, serial)

        def brought(view):
            self.attempts.answered(attempt)
            self.set_banner(self.tr("{serial} brought to this store ({doc})").format(
                serial=serial, doc=view.result))
            self.pay()

        def refused(error):
            self.attempts.refused(attempt, error)
            self.paying = True
            self._ask_serial(line, refusal_text(error), error)

        def approved(approval_id):
            self.change_cart(lambda: ops.override_serial(
                self.cart, self.current_unit, line_id=line.line_id, serial=serial,
                approval_id=approval_id, request_id=self.attempts.request_id(attempt)),
                done=brought, refused=refused, crashed=self._pay_crashed)

        self._approve_then(action, ref, self.tr("sell {serial} of {name} here, bringing it "
                                                "to this store").format(serial=serial,
                                                                        name=line.name),
                           approved)
