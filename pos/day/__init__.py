"""The day: shifts and the cash drawer, X and Z reports (shifts), and the end-of-day report
with its KPIs and commissions (reports)."""
