"""Selling: the cart as plain data and its arithmetic (cart), the checkout services that
fill it: products, discounts, serials, customers (checkout), the configuration sheet
(sheet), service cards (cards), parked carts (parking), what a cart may be sold at,
checked again at completion (pricing), completing a sale as one transaction
(completion), and installers' add-on sales on site (addons)."""
