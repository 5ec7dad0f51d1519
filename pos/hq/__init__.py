"""Head office of a chain: receiving each store's documents, verified on arrival, the
master data stores pull, and the reports over every store (issue 21)."""
