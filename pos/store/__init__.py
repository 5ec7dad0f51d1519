"""The store itself: its details and terminals (details) and its tunable settings with
their defaults (settings)."""
