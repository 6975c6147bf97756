"""A corpus on disk: flat tables, duplicate detection, the DuckDB store, ingest, queries and exports.

Only names live here, not imports: the command line reads DEFAULT_DB to define
its options, and importing the store (DuckDB, Arrow, NumPy) would slow every
command, `--help` included."""

DEFAULT_DB = "eventwire.duckdb"  # the store file of a command given no --db
