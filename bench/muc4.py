"""The full MUC-4 report: CEAF-REE, GTT and the extra slots on dev and test, with docs/s and peak RSS.

    python bench/muc4.py [--data ../shared/data/muc4] [--splits dev test] [--predictions-dir DIR] [--json]
    python bench/muc4.py --splits dev --update-baseline   # rewrite tests/evaluate/muc4_baseline.json from dev

Each split runs the default pipeline once (`claimwatch.evaluate.muc4.run`); the pipeline is loaded
by the first. Peak RSS is the process's, so it covers every split run before it. Figures are
printed, never asserted; the quality gate (tests/evaluate/test_muc4_gate.py) asserts the floors.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
from pathlib import Path

from claimwatch.evaluate import muc4
from claimwatch.evaluate.scorers import ROLES

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tests" / "evaluate" / "muc4_baseline.json"
GATED = (
    *(f"ceaf_ree.{role}.f1" for role in (*ROLES, "micro")),
    "gtt.incident_type.f1", "gtt.micro.f1",
    *(f"slots.{slot}.f1" for slot in ("date", "location", "effect", "confidence")),
)
MARGIN = 0.01  # floors sit this far (absolute F1) under the measured dev values


def value_at(result: dict, dotted: str) -> float:
    for part in dotted.split("."):
        result = result[part]
    return result


def floors(result: dict, margin: float = MARGIN) -> dict[str, float]:
    """Each gated metric's floor: the measured value less the margin, rounded down, never below 0."""
    return {metric: max(0.0, math.floor((value_at(result, metric) - margin) * 1000) / 1000) for metric in GATED}


def write_baseline(result: dict, path: Path = BASELINE) -> None:
    baseline = {
        "split": result["split"],
        "measured_on": dt.date.today().isoformat(),
        "pipeline": result["pipeline"],
        "margin": MARGIN,
        "measured": {metric: round(value_at(result, metric), 4) for metric in GATED},
        "floors": floors(result),
    }
    path.write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "muc4")
    parser.add_argument("--splits", nargs="+", choices=muc4.SPLITS, default=["dev", "test"])
    parser.add_argument("--predictions-dir", type=Path, help="write {split}.predictions.jsonl here")
    parser.add_argument("--update-baseline", action="store_true", help="rewrite the gate's floors from the dev run")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    if args.update_baseline and "dev" not in args.splits:
        parser.error("--update-baseline needs dev among --splits (the floors are dev numbers)")
    results = []
    for split in args.splits:
        predictions = args.predictions_dir / f"{split}.predictions.jsonl" if args.predictions_dir else None
        results.append(muc4.run(args.data, split, predictions))
        if not args.json:
            print(muc4.format_result(results[-1]), end="\n\n", flush=True)
    if args.json:
        print(json.dumps(results, indent=2))
    if args.update_baseline:
        write_baseline(results[args.splits.index("dev")])
        print(f"wrote {BASELINE}")


if __name__ == "__main__":
    main()
