"""A corpus on disk: flat tables, duplicate detection, the DuckDB store, ingest, queries and exports."""
