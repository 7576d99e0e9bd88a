"""A batching, retrying event logger: the Python twin of ``createPredictionLogger`` in @sextant/sdk.

Rows get a client-side event id when logged, so a retried batch is deduplicated by the server and never
stored twice. A batch goes out when ``max_batch_rows`` rows wait or ``flush_interval_seconds`` after the
first one (a background thread). 429, 502-504 and network failures are retried with exponential back-off
honouring Retry-After. Memory is bounded by ``max_buffered_rows`` (queued + in flight); beyond it
``overflow="block"`` (default, nothing is lost) makes ``log()`` wait, ``"drop_newest"`` discards the row.
"""

from __future__ import annotations

import random
import threading
import time
import urllib.error
import uuid
from typing import Any, Callable, Dict, List, Mapping, Optional

from .client import SextantApiError, SextantClient, to_rows

RETRYABLE_STATUSES = frozenset({429, 502, 503, 504})


def is_retryable(error: BaseException) -> bool:
    """True for overload answers and failures to reach the server at all."""
    if isinstance(error, SextantApiError):
        return error.status in RETRYABLE_STATUSES
    return isinstance(error, (urllib.error.URLError, ConnectionError, TimeoutError))


def backoff_seconds(attempt: int, error: BaseException, initial: float, maximum: float, rand: Callable[[], float]) -> float:
    """Retry-After when the server gave it, else a capped doubling delay with jitter in [ceiling/2, ceiling]."""
    if isinstance(error, SextantApiError) and error.retry_after_seconds is not None:
        return error.retry_after_seconds
    ceiling = min(maximum, initial * 2**attempt)
    return ceiling / 2 + ceiling / 2 * rand()


class PredictionLogger:
    """Batches rows of one event stream of one model version. Use as a context manager or call close()."""

    def __init__(
        self,
        client: SextantClient,
        version_id: str,
        *,
        kind: str = "predictions",
        id_column: str = "id",
        max_batch_rows: int = 500,
        flush_interval_seconds: float = 1.0,
        max_buffered_rows: int = 10_000,
        overflow: str = "block",
        max_retries: int = 8,
        initial_backoff_seconds: float = 0.25,
        max_backoff_seconds: float = 30.0,
        partial: bool = True,
        on_error: Optional[Callable[[BaseException, List[Dict[str, Any]]], None]] = None,
        sleep: Callable[[float], None] = time.sleep,
        rand: Callable[[], float] = random.random,
    ) -> None:
        if overflow not in ("block", "drop_newest"):
            raise ValueError('overflow must be "block" or "drop_newest"')
        self.client, self.version_id, self.kind, self.id_column = client, version_id, kind, id_column
        self.max_batch_rows = max_batch_rows
        self.flush_interval_seconds = flush_interval_seconds
        self.max_buffered_rows = max(max_buffered_rows, max_batch_rows)
        self.overflow, self.max_retries, self.partial = overflow, max_retries, partial
        self.initial_backoff_seconds, self.max_backoff_seconds = initial_backoff_seconds, max_backoff_seconds
        self.on_error, self._sleep, self._rand = on_error, sleep, rand
        self.stats: Dict[str, int] = dict.fromkeys(
            ("logged", "accepted", "duplicates", "rejected", "dropped", "failed", "retries", "buffered"), 0
        )
        self._queue: List[Dict[str, Any]] = []
        self._first_queued_at: Optional[float] = None
        self._closed = False
        self._lock = threading.Condition()
        self._send_lock = threading.Lock()  # one batch in flight at a time keeps order
        self._thread = threading.Thread(target=self._run_timer, name="sextant-logger", daemon=True)
        self._thread.start()

    # -- public ------------------------------------------------------------------------------------

    def log(self, row: Mapping[str, Any]) -> str:
        """Queues one row and returns its event id (generated when the row has none)."""
        record = dict(row)
        existing = record.get(self.id_column)
        event_id = str(existing) if existing is not None else str(uuid.uuid4())
        record[self.id_column] = existing if existing is not None else event_id
        with self._lock:
            if self._closed:
                raise RuntimeError("the prediction logger is closed")
            self.stats["logged"] += 1
            while self.stats["buffered"] >= self.max_buffered_rows:
                if self.overflow == "drop_newest":
                    self.stats["dropped"] += 1
                    return event_id
                self._lock.wait()
            self._queue.append(record)
            self.stats["buffered"] += 1
            if len(self._queue) >= self.max_batch_rows:
                self._first_queued_at = float("-inf")  # the background thread sends at once
                self._lock.notify_all()
            elif self._first_queued_at is None:
                self._first_queued_at = time.monotonic()
                self._lock.notify_all()
        return event_id

    def log_many(self, rows: Any) -> List[str]:
        """Queues every row of a list of mappings or a pandas DataFrame; returns their event ids."""
        return [self.log(row) for row in to_rows(rows)]

    def flush(self) -> None:
        """Sends everything queued so far and returns once it is acknowledged or given up."""
        self._send_queued()

    def close(self) -> None:
        """Flushes and stops the background thread; later log() calls raise."""
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        self._send_queued()
        self._thread.join(timeout=5)

    def __enter__(self) -> "PredictionLogger":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals ---------------------------------------------------------------------------------

    def _run_timer(self) -> None:
        while True:
            with self._lock:
                if self._closed:
                    return
                if self._first_queued_at is None:
                    self._lock.wait(timeout=self.flush_interval_seconds)
                    continue
                # -inf marks a full batch: send full batches only, a partial rest waits for its interval.
                full_batch_only = self._first_queued_at == float("-inf")
                remaining = self._first_queued_at + self.flush_interval_seconds - time.monotonic()
                if remaining > 0:
                    self._lock.wait(timeout=remaining)
                    continue
            self._send_queued(full_batches_only=full_batch_only)

    def _send_queued(self, full_batches_only: bool = False) -> None:
        with self._send_lock:
            while True:
                with self._lock:
                    if full_batches_only and len(self._queue) < self.max_batch_rows:
                        # The rest (if any) is partial: it goes when its interval is up, not now.
                        if self._first_queued_at == float("-inf"):
                            self._first_queued_at = time.monotonic() if self._queue else None
                        return
                    batch, self._queue = self._queue[: self.max_batch_rows], self._queue[self.max_batch_rows :]
                    if not self._queue:
                        self._first_queued_at = None
                    elif len(self._queue) < self.max_batch_rows:
                        self._first_queued_at = time.monotonic()
                if not batch:
                    return
                try:
                    self._send_with_retries(batch)
                finally:
                    with self._lock:
                        self.stats["buffered"] -= len(batch)
                        self._lock.notify_all()

    def _send_with_retries(self, batch: List[Dict[str, Any]]) -> None:
        attempt = 0
        while True:
            try:
                result = self.client.ingest(self.version_id, batch, kind=self.kind, partial=self.partial)
            except Exception as error:  # noqa: BLE001 - every failure is either retried or reported
                if not is_retryable(error) or attempt >= self.max_retries:
                    self.stats["failed"] += len(batch)
                    if self.on_error is not None:
                        self.on_error(error, batch)
                    return
                self.stats["retries"] += 1
                self._sleep(backoff_seconds(attempt, error, self.initial_backoff_seconds, self.max_backoff_seconds, self._rand))
                attempt += 1
                continue
            for key in ("accepted", "duplicates", "rejected"):
                self.stats[key] += int(result.get(key, 0))
            return
