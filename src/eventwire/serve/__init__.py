"""`eventwire serve`: a local, read-only web dashboard over a store.

`create_app(con)` builds the ASGI app over an open DuckDB connection of a
store; `serve(...)` opens a store read-only and runs it with uvicorn.
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
