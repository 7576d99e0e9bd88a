"""The Python client against a real Sextant server (started by server_fixture)."""

from __future__ import annotations

import random
import unittest
import uuid
from typing import Any, Dict, List

from server_fixture import start_server
from sextant_client import PredictionLogger, SextantApiError, SextantClient


def make_rows(count: int, seed: int) -> List[Dict[str, Any]]:
    rng = random.Random(seed)
    return [
        {
            "id": f"r{seed}-{i}",
            "ts": f"2026-11-{1 + i % 28:02d}T{i % 24:02d}:00:00Z",
            "income": round(rng.gauss(50_000, 12_000), 2),
            "region": rng.choice(["north", "south", "east"]),
            "score": round(rng.random(), 4),
            "defaulted": rng.random() < 0.2,
        }
        for i in range(count)
    ]


class ClientIntegrationTest(unittest.TestCase):
    client: SextantClient
    version_id: str

    @classmethod
    def setUpClass(cls) -> None:
        url, key = start_server()
        cls.client = SextantClient(url, api_key=key)
        slug = f"py-{uuid.uuid4().hex[:8]}"
        workspace = cls.client.create_workspace(slug, "Python client tests")
        model = cls.client.create_model(workspace["id"], "py-loans", "binary", {"kind": "team", "name": "risk"})
        cls.version_id = cls.client.create_version(model["id"], "1.0.0")["id"]
        inferred = cls.client.infer_schema(
            cls.version_id, make_rows(200, 1), idColumn="id", timestampColumn="ts",
            predictionColumns=["score"], targetColumns=["defaulted"],
        )
        assert inferred["applied"], inferred

    def test_find_version_by_model_name(self) -> None:
        self.assertEqual(self.client.find_version("py-loans")["id"], self.version_id)

    def test_upload_reference_from_rows(self) -> None:
        reference = self.client.upload_reference(self.version_id, "training", make_rows(300, 2))
        self.assertEqual(reference["rowCount"], 300)

    def test_logger_stores_every_row_once_even_when_a_batch_is_resent(self) -> None:
        rows = [{k: v for k, v in r.items() if k != "defaulted"} for r in make_rows(1_234, 3)]
        with PredictionLogger(self.client, self.version_id, max_batch_rows=200, flush_interval_seconds=0.2) as logger:
            logger.log_many(rows)
        self.assertEqual(logger.stats["accepted"], 1_234)
        again = self.client.ingest(self.version_id, rows[:100])
        self.assertEqual((again["accepted"], again["duplicates"]), (0, 100))
        self.assertGreaterEqual(self.client.event_counts(self.version_id)["predictions"], 1_234)

    def test_errors_carry_the_problem_code(self) -> None:
        with self.assertRaises(SextantApiError) as caught:
            self.client.request("GET", "/models/mdl_doesnotexist0")
        self.assertEqual(caught.exception.status, 404)
        with self.assertRaises(SextantApiError) as invalid:
            self.client.ingest(self.version_id, [{"id": "bad", "ts": "2026-11-01T00:00:00Z", "income": "lots", "region": "x", "score": 0.1}])
        self.assertEqual(invalid.exception.code, "INGEST_ROWS_INVALID")

    def test_an_unauthenticated_client_is_refused(self) -> None:
        with self.assertRaises(SextantApiError) as caught:
            SextantClient(self.client.base_url).list_models()
        self.assertEqual(caught.exception.status, 401)


if __name__ == "__main__":
    unittest.main()
