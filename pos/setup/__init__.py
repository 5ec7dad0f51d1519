"""A new store's first run without the demo: the store's details, its administrator and
first tills created in one transaction, the catalog and checklists imported, the receipt
printer set (new_store); each value and file checked before anything is written
(details, files). `pos setup` and the app's first-run wizard (ui.first_run) both call it."""
