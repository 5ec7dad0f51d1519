"""Printing from the store's side: the durable print queue and each terminal's printers
(jobs), and the plain records a receipt, a sheet copy or a card certificate prints from
(records). Rendering and sending are in the printing/ layer."""
