"""The leads screen at the till (issue 19): leads (商机) and their five needs answers, the
hand-over to a team (转单), the week's follow-up plan with calls and visits recorded, and
the manager's weekly follow-up report. For managers, administrators and customer
managers; every call into pos/ goes through ui.ops.leads, off the GUI thread."""
