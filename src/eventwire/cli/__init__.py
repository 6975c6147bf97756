"""The command line: thin click commands over the Python API."""
from .commands import main

__all__ = ["main"]
