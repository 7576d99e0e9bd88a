"""Streams churn predictions to Sextant with the Python client (getting-started step 4).

Sends --rows predictions timestamped between the start of the current hour and now (the window a new
monitor evaluates first); with --drift the plan mix and the monthly charges shift, as a price change would. Run from the repository root:
    PYTHONPATH=clients/python python3 examples/getting-started/stream_predictions.py --model churn --drift
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random

from sextant_client import PredictionLogger, SextantClient


def make_prediction(rng: random.Random, at: dt.datetime, drift: bool) -> dict:
    plan = rng.choices(["basic", "standard", "premium"], [0.2, 0.4, 0.4] if drift else [0.5, 0.35, 0.15])[0]
    charges = rng.gauss({"basic": 35, "standard": 65, "premium": 95}[plan] + (15 if drift else 0), 8)
    tenure = rng.randint(1, 72)
    score = 1 / (1 + math.exp(-(-1.5 + 0.02 * (charges - 60) - 0.04 * (tenure - 24))))
    return {
        "ts": at.isoformat().replace("+00:00", "Z"),
        "tenure_months": tenure,
        "monthly_charges": round(charges, 2),
        "plan": plan,
        "region": rng.choice(["north", "south", "east", "west"]),
        "churn_score": round(score, 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", required=True)
    parser.add_argument("--rows", type=int, default=600)
    parser.add_argument("--drift", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    client = SextantClient(os.environ.get("SEXTANT_URL", "http://127.0.0.1:8080"), api_key=os.environ["SEXTANT_API_KEY"])
    version = client.find_version(args.model)
    rng = random.Random(args.seed)
    now = dt.datetime.now(dt.timezone.utc)
    this_hour = now.replace(minute=0, second=0, microsecond=0)
    with PredictionLogger(client, version["id"], id_column="customer_id") as logger:
        for i in range(args.rows):
            logger.log(make_prediction(rng, this_hour + (now - this_hour) * i / args.rows, args.drift))
    print(f"python: sent {logger.stats['logged']} predictions, {logger.stats['accepted']} stored, {logger.stats['failed']} failed")


if __name__ == "__main__":
    main()
