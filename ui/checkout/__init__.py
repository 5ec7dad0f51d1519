"""The till: scan field, cart, configuration-sheet panel, service cards, payment."""
