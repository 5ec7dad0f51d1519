"""Stock per store: levels, movements as sealed documents (receipts, transfers, counts,
adjustments, write-offs), serial-tracked units and their history. The services here check
every rule and build the documents; pos.ledger.stock_tables seals and writes them."""
