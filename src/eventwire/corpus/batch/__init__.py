"""`eventwire batch`: a corpus coded on a Dask cluster into partitioned Parquet.

run.py drives a run (shards, exact copies, resume), worker.py is what a Dask
worker does with a shard, stories.py merges near-duplicates across the corpus by
a shuffle on LSH band keys, layout.py fixes the folder and its atomic writes,
and store.py opens a finished folder as a read-only store (`open_store`).
"""
from .run import BatchReport, run_batch
from .store import ParquetStore, open_store

__all__ = ["BatchReport", "ParquetStore", "open_store", "run_batch"]
