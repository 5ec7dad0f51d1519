"""After the sale: finding it again (find), returns and refunds against the receipt
(returns), voids (voids), and exchanges and returns without a receipt (exchange). Each
correction is a new document written through pos.ledger.documents, exactly once per
request (corrections)."""
