"""The public REST API under /api/v1/: read the record, sync it, export it, and write to it."""
