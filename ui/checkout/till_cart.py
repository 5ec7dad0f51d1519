"""What the cashier does to the cart: add a product, choose the unit, mark the sheet, take
or decline a card (one that needs a customer asks for them: ui.checkout.till_customer),
remove a line, park and resume. Mixed into TillScreen.

Each change is queued on `cart_ops` and built when its turn comes (`lambda:` ...), from
the cart the changes before it left; what was pressed (the item, the unit whose sheet
was showing) is taken when it was pressed."""

from __future__ import annotations

from ui import ops
from ui.checkout.dialogs import ParkedDialog


class CartActions:
    def _add(self, code: str) -> None:
        self.results.hide()
        self.scan.clear()
        self.clear_moment()  # the next scan: what was said about the last sale has passed
        self.change_cart(lambda: ops.add_product(self.cart, self.current_unit, code=code),
                         refused=lambda error: self.scan_refused(code, error))
        self.scan.setFocus()

    # sheet and cards ----------------------------------------------------------------
    def select_unit(self, line_id: str) -> None:
        if line_id != self.current_unit and any(
                unit.line_id == line_id for unit in self.cart.main_units()):
            self.change_cart(lambda: ops.show_unit(self.cart, line_id))
        self.scan.setFocus()

    def mark_item(self, item_id: int, outcome, product_id) -> None:
        unit = self.sheet.unit_key  # the unit whose sheet was marked
        if unit is None:
            return
        self.change_cart(lambda: ops.mark_item(
            self.cart, self.current_unit, main_line_id=unit, item_id=item_id, outcome=outcome,
            product_id=product_id))
        self.scan.setFocus()

    def pick_card(self, tier_id: int) -> None:
        """Take the tier's card for the unit; tapping a chosen card again takes it off."""
        unit = self.current_unit
        if unit is None:
            return
        self.change_cart(lambda: ops.toggle_card(self.cart, self.current_unit,
                                                 main_line_id=unit, tier_id=tier_id),
                         refused=lambda error: (self.card_needs_customer(error, unit, tier_id)
                                                or self.show_refusal(error)))
        self.scan.setFocus()

    def decline_card(self) -> None:
        unit = self.current_unit
        if unit is not None:
            self.change_cart(lambda: ops.decline_card(self.cart, self.current_unit,
                                                      main_line_id=unit)
                             if unit not in self._card_prompted  # else: at payment (issue 20)
                             else self.declined_at_payment(unit))
        self.scan.setFocus()

    # lines, parking ----------------------------------------------------------------
    def remove_selected(self) -> None:
        line_id = self.cart_view.selected_line()
        if line_id is None:
            self.show_message(self.tr("Tap a line in the cart first"))
            return
        self.change_cart(lambda: ops.remove_line(self.cart, self.current_unit, line_id=line_id),
                         disable=[self.remove_button])

    def park(self) -> None:
        customer = self.view.customer if self.view is not None else None
        label = customer.name if customer is not None else ""

        def parked(_nothing):
            self.new_cart()
            self.set_banner(self.tr("Sale parked"))

        self.cart_ops.run(lambda: ops.park(self.cart, label=label), parent=self, done=parked,
                          refused=self.show_refusal, crashed=self.show_bug,
                          disable=[self.park_button])

    def resume(self) -> None:
        def listed(parked):
            if not parked:
                self.show_message(self.tr("No parked sales on this till"))
                return
            if self.cart.lines:
                self.show_message(self.tr("Finish or park the current sale first"))
                return
            if self.active_dialog is not None:
                return
            dialog = ParkedDialog(parked, self.formats, self)

            def chosen():
                cart_uuid = dialog.chosen
                if cart_uuid is None:
                    return
                self.clear_moment()  # "Sale parked" was about the sale put aside
                self.change_cart(lambda: ops.resume(cart_uuid=cart_uuid,
                                                    staff_id=self.staff.id))

            # not blocking, like every dialog of the till: the scan field has the keyboard
            # back when it closes, also on a kiosk without a window manager
            self.open_dialog(dialog, on_accept=chosen)

        self.cart_ops.run(lambda: ops.list_parked(self.terminal), parent=self, done=listed,
                          refused=self.show_refusal, crashed=self.show_bug,
                          disable=[self.resume_button])
