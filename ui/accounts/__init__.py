"""The manager's accounts screen (Shift+F5): receivables, quotes, pre-orders."""
