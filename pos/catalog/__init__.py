"""What the store sells: products and categories with their CSV import and export
(products), name and code search (search), and the configuration sheets and service-card
tiers with their TOML import and export (checklists)."""
