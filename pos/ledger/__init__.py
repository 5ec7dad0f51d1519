"""The ledger: every sealed document and the chain that seals it. Gapless numbers
(numbering), the hash chain's core (chain), the one document model for sales and
corrections (documents), audit events (audit), the shift a document belongs to and what
a shift adds up to (drawer), the facts sealed beside documents (facts; adopt for a
database sealed by an older version), the head authenticated by the store's key and
witnessed outside the database (head; a loss found at start sealed by losses), and the
check of the whole chain against every row that states a fact (verify, reconcile). Everything above
writes its documents through here; the ledger imports nothing above the database."""
