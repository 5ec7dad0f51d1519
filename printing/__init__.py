"""Receipts (ESC/POS) and documents (PDF): pure layout plus printer drivers; no Qt."""
