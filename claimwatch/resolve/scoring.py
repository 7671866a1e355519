"""The pair scorer: a logistic model over `features.FEATURES`, with the merge threshold beside it.

The weights and threshold live in `claimwatch/data/resolve/weights.json`, written by
`bench/resolve_calibrate.py` (see `claimwatch.resolve.calibrate`) together with what they were
fitted on; nothing here is set by hand.
"""
from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import ResolveError
from .features import FEATURES

WEIGHTS_PATH = Path(__file__).resolve().parent.parent / "data" / "resolve" / "weights.json"


@dataclass(frozen=True)
class Weights:
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float
    provenance: dict = field(default_factory=dict, compare=False)

    def logit(self, x: tuple[float, ...]) -> float:
        return self.bias + sum(w * v for w, v in zip(self.weights, x))

    def score(self, x: tuple[float, ...]) -> float:
        z = self.logit(x)
        return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0

    def reasons(self, x: tuple[float, ...], score: float) -> dict:
        """What a merge rested on: each non-zero feature's value and its contribution to the logit."""
        shown = {name: {"value": round(v, 3), "weight": round(w * v, 3)}
                 for name, w, v in zip(self.features, self.weights, x) if v}
        return {"score": round(score, 4), "threshold": round(self.threshold, 4), "features": shown}

    def to_json(self) -> dict:
        return {**asdict(self), "features": list(self.features), "weights": [round(w, 6) for w in self.weights]}


def parse_weights(data: dict) -> Weights:
    if tuple(data.get("features") or ()) != FEATURES:
        raise ResolveError(f"weights were fitted on features {data.get('features')}, this claimwatch has {FEATURES}")
    return Weights(tuple(data["features"]), tuple(float(w) for w in data["weights"]), float(data["bias"]),
                   float(data["threshold"]), data.get("provenance") or {})


@lru_cache(maxsize=4)
def load_weights(path: str | None = None) -> Weights:
    """The calibrated weights (default: the packaged file)."""
    source = Path(path) if path else WEIGHTS_PATH
    if not source.is_file():
        raise ResolveError(f"no calibrated weights at {source}; run bench/resolve_calibrate.py")
    return parse_weights(json.loads(source.read_text(encoding="utf-8")))


def save_weights(weights: Weights, path: str | Path = WEIGHTS_PATH) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(weights.to_json(), indent=2) + "\n", encoding="utf-8")
