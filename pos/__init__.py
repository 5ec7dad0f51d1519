"""Tickbox POS: the store's logic and its data. No Qt, no ReportLab, no escpos here."""
