"""Unit tests of PredictionLogger and the retry rules against a fake client (no server)."""

from __future__ import annotations

import threading
import time
import unittest
from typing import Any, Dict, List

import server_fixture  # noqa: F401  (puts sextant_client on sys.path)
from sextant_client import PredictionLogger, SextantApiError, backoff_seconds, is_retryable, to_rows


class FakeClient:
    """Answers ingest calls with a scripted list of errors, then stores rows deduplicated by id."""

    def __init__(self, failures: List[BaseException] = ()) -> None:  # type: ignore[assignment]
        self.failures = list(failures)
        self.calls: List[List[Dict[str, Any]]] = []
        self.stored: Dict[str, Dict[str, Any]] = {}
        self.gate = threading.Event()
        self.gate.set()

    def ingest(self, version_id: str, rows: List[Dict[str, Any]], kind: str = "predictions", partial: bool = False) -> Dict[str, Any]:
        self.gate.wait()
        self.calls.append(list(rows))
        if self.failures:
            raise self.failures.pop(0)
        new = [r for r in rows if str(r["id"]) not in self.stored]
        for r in rows:
            self.stored[str(r["id"])] = r
        return {"received": len(rows), "accepted": len(new), "duplicates": len(rows) - len(new), "rejected": 0}


def busy(status: int = 503, retry_after: Any = None) -> SextantApiError:
    return SextantApiError(status, {"code": "INGEST_BUFFER_FULL", "detail": "busy"}, retry_after)


class PredictionLoggerTest(unittest.TestCase):
    def test_sends_full_batches_at_once_and_generates_ids(self) -> None:
        client = FakeClient()
        with PredictionLogger(client, "ver_1", max_batch_rows=2, flush_interval_seconds=60) as logger:  # type: ignore[arg-type]
            ids = [logger.log({"x": 1}), logger.log({"id": "own", "x": 2})]
            deadline = time.monotonic() + 5
            while not client.calls and time.monotonic() < deadline:
                time.sleep(0.01)
            self.assertEqual(len(client.calls), 1, "a full batch goes out before the interval")
        self.assertEqual(ids[1], "own")
        self.assertEqual(len(ids[0]), 36)
        self.assertEqual([r["id"] for r in client.calls[0]], ids)

    def test_a_row_logged_while_a_full_batch_is_in_flight_waits_for_its_interval(self) -> None:
        client = FakeClient()
        client.gate.clear()
        logger = PredictionLogger(client, "v", max_batch_rows=2, flush_interval_seconds=60)  # type: ignore[arg-type]
        logger.log({"x": 0})
        logger.log({"x": 1})
        time.sleep(0.05)  # the full batch is now being sent (held at the gate)
        logger.log({"x": 2})
        client.gate.set()
        time.sleep(0.2)
        self.assertEqual([len(call) for call in client.calls], [2], "the lone row must not go out on its own at once")
        logger.close()
        self.assertEqual([len(call) for call in client.calls], [2, 1])

    def test_sends_a_partial_batch_after_the_interval(self) -> None:
        client = FakeClient()
        logger = PredictionLogger(client, "v", max_batch_rows=100, flush_interval_seconds=0.2)  # type: ignore[arg-type]
        logger.log({"x": 1})
        time.sleep(0.05)
        self.assertEqual(client.calls, [])
        time.sleep(0.6)
        self.assertEqual(len(client.calls), 1)
        logger.close()

    def test_retries_overload_with_the_same_ids_honouring_retry_after(self) -> None:
        client = FakeClient([busy(503, 2.0), busy(429), ConnectionResetError("reset")])
        sleeps: List[float] = []
        logger = PredictionLogger(client, "v", max_batch_rows=10, sleep=sleeps.append, rand=lambda: 0.5,  # type: ignore[arg-type]
                                  initial_backoff_seconds=0.1)
        for i in range(3):
            logger.log({"x": i})
        logger.close()
        self.assertEqual(len(client.calls), 4)
        self.assertTrue(all(call == client.calls[0] for call in client.calls))
        self.assertEqual([round(s, 6) for s in sleeps], [2.0, 0.15, 0.3])
        self.assertEqual(len(client.stored), 3)
        self.assertEqual(logger.stats["retries"], 3)
        self.assertEqual(logger.stats["accepted"], 3)

    def test_gives_up_after_max_retries_and_never_retries_a_422(self) -> None:
        errors: List[BaseException] = []
        client = FakeClient([busy(), busy(), SextantApiError(422, {"code": "INGEST_ROWS_INVALID"})])
        logger = PredictionLogger(client, "v", max_batch_rows=2, max_retries=1, sleep=lambda s: None,  # type: ignore[arg-type]
                                  on_error=lambda e, rows: errors.append(e))
        for i in range(4):
            logger.log({"x": i})
        logger.close()
        self.assertEqual([getattr(e, "status") for e in errors], [503, 422])
        self.assertEqual(logger.stats["failed"], 4)
        self.assertEqual(logger.stats["buffered"], 0)

    def test_drop_newest_bounds_memory(self) -> None:
        client = FakeClient()
        client.gate.clear()
        logger = PredictionLogger(client, "v", max_batch_rows=5, max_buffered_rows=5, overflow="drop_newest")  # type: ignore[arg-type]
        for i in range(12):
            logger.log({"x": i})
        self.assertEqual(logger.stats["dropped"], 7)
        client.gate.set()
        logger.close()
        self.assertEqual(len(client.stored), 5)

    def test_block_waits_for_room(self) -> None:
        client = FakeClient()
        client.gate.clear()
        logger = PredictionLogger(client, "v", max_batch_rows=2, max_buffered_rows=2)  # type: ignore[arg-type]
        logger.log({"x": 1})
        logger.log({"x": 2})
        done = threading.Event()
        threading.Thread(target=lambda: (logger.log({"x": 3}), done.set())).start()
        self.assertFalse(done.wait(0.3), "log() blocks while the buffer is full")
        client.gate.set()
        self.assertTrue(done.wait(5))
        logger.close()
        self.assertEqual(len(client.stored), 3)

    def test_refuses_rows_after_close(self) -> None:
        logger = PredictionLogger(FakeClient(), "v")  # type: ignore[arg-type]
        logger.close()
        with self.assertRaises(RuntimeError):
            logger.log({"x": 1})


class RetryRulesTest(unittest.TestCase):
    def test_retryable(self) -> None:
        self.assertTrue(is_retryable(busy(503)))
        self.assertTrue(is_retryable(busy(429)))
        self.assertTrue(is_retryable(ConnectionRefusedError()))
        self.assertFalse(is_retryable(SextantApiError(422, {})))
        self.assertFalse(is_retryable(ValueError()))

    def test_backoff_doubles_to_the_cap(self) -> None:
        delays = [backoff_seconds(a, busy(), 0.1, 1.0, lambda: 1.0) for a in range(6)]
        self.assertEqual([round(d, 6) for d in delays], [0.1, 0.2, 0.4, 0.8, 1.0, 1.0])
        self.assertEqual(backoff_seconds(5, busy(retry_after=7.0), 0.1, 1.0, lambda: 1.0), 7.0)


class DataFrameLike:
    """Duck-types the pandas API to_rows uses (pandas is optional and not installed in CI)."""

    columns = ["a", "b"]

    def to_dict(self, orient: str) -> List[Dict[str, Any]]:
        assert orient == "records"
        return [{"a": 1, "b": float("nan")}, {"a": 2, "b": 0.5}]


class ToRowsTest(unittest.TestCase):
    def test_dataframe_rows_have_null_for_nan(self) -> None:
        self.assertEqual(to_rows(DataFrameLike()), [{"a": 1, "b": None}, {"a": 2, "b": 0.5}])

    @unittest.skipUnless(__import__("importlib").util.find_spec("pandas"), "pandas is not installed")
    def test_real_pandas_dataframe(self) -> None:
        import pandas as pd  # type: ignore[import-not-found]

        frame = pd.DataFrame({"a": [1, 2], "b": [None, 0.5]})
        self.assertEqual(to_rows(frame), [{"a": 1, "b": None}, {"a": 2, "b": 0.5}])


if __name__ == "__main__":
    unittest.main()
