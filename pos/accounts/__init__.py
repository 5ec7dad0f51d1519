"""Customer accounts and what a store sells on trust or ahead: receivables (sales on
account, payments received, refunds to account, write-offs; statements and aging),
pre-orders with deposits, quotes for business customers, and invoice (fapiao) requests.
The services here check every rule and build the documents; pos.ledger.account_tables
seals and writes them."""
