"""People: staff and their PINs (staff), roles and rights (permissions), a manager's
approval on the spot (approvals), customers (customers) and follow-up calls and
customer history (followups)."""
