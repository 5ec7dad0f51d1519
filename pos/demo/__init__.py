"""The demo store (English and Chinese): its data (data) and the loader (loader)."""
