"""Service after the sale: installation, on-site and repair jobs with their promise,
what the people who install, visit and repair propose and sell from their own sheets,
claims against service cards, the units a business card covers, and the five times a
card is confirmed. Every change to a job is an append-only event sealed in the journal
(pos.ledger.job_events)."""
