"""Support: what a store sends when something is wrong (`pos support bundle`): its logs,
versions, settings, failed print jobs and the database's health, in one zip, scrubbed of
PINs, PIN hashes and customers' phone numbers and names (pos.support.scrub)."""
