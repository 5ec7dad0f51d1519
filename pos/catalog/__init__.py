"""What the store sells: products and categories with their CSV import and export
(products; the file's rows are checked by catalog_file), name and code search (search),
and the configuration sheets and service-card tiers with their TOML import and export
(checklists; the file is read and checked by checklist_file)."""
