"""The kernel: what every part of the store shares and nothing else depends on. Money in
integer minor units, VAT, errors that carry a message id, the message catalog, barcodes,
CSV reading and writing, and the shared enums. No SQLAlchemy, no Qt."""
