"""A store in a chain: what it sends up to head office and pulls down from it (issue 21)."""
