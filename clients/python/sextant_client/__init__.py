"""sextant_client: the standard-library-only Python client of Sextant (REST calls and a batching logger)."""

from .client import SextantApiError, SextantClient, read_file_bytes, to_rows
from .logger import PredictionLogger, backoff_seconds, is_retryable

__all__ = [
    "PredictionLogger",
    "SextantApiError",
    "SextantClient",
    "backoff_seconds",
    "is_retryable",
    "read_file_bytes",
    "to_rows",
]
__version__ = "0.1.0"
