"""The ledger: every sealed document and the chain that seals it. Gapless numbers
(numbering), the hash chain's core (chain), the one document model for sales and
corrections (documents), audit events (audit), the shift a document belongs to and what
a shift adds up to (drawer), and the check of the whole chain (verify). Everything above
writes its documents through here; the ledger imports nothing above the database."""
