"""MUC-4 predictions from the roles component, and a runner that scores them.

    predict_roles_muc4(docs) -> [{"docid", "templates": [{"incident_type", "PerpInd": [[mention]], ...}]}]

One template per document that has at least one predicted filler (none otherwise: about 40 % of
MUC-4 documents describe no relevant incident). Each entity is a single mention string, one per
distinct normalised filler, as GRIT-style systems output. The incident type comes from
`guess_incident_type`, a keyword rule (the tagger does not predict types); it only matters for the
GTT template metric. The output feeds both scorers in `claimwatch.evaluate.scorers`
(`ceaf_ree` merges templates per role).

    python -m claimwatch.evaluate.muc4_roles [--split dev|test] [--data DIR]

prints CEAF-REE per role and micro, GTT (one template per doc), docs/s and peak RSS as JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from ..model import Article, RoleSpan
from .scorers import ROLES, ceaf_ree, gtt_template

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "muc4"
BATCH = 16

# keyword -> incident type, first hit in the text wins; "attack" when nothing fires (the commonest type)
TYPE_CUES = (
    ("kidnapping", ("kidnap", "abduct", "hostage")),
    ("bombing", ("bomb", "dynamite", "explosive", "grenade", "explosion", "blew up")),
    ("arson", ("arson", "set fire", "set on fire")),
)
BOMB_CUES = dict(TYPE_CUES)["bombing"]


def guess_incident_type(text: str, roles: Sequence[RoleSpan]) -> str:
    """A keyword guess: "bombing" when a predicted weapon is explosive, else the first cue in the text."""
    weapons = " ".join(span.evidence.text.lower() for span in roles if span.role == "Weapon")
    if any(cue in weapons for cue in BOMB_CUES):
        return "bombing"
    lowered = text.lower()
    for incident_type, cues in TYPE_CUES:
        if any(cue in lowered for cue in cues):
            return incident_type
    return "attack"


def _template(text: str, roles: Sequence[RoleSpan]) -> dict:
    template: dict = {"incident_type": guess_incident_type(text, roles)}
    for role in ROLES:
        template[role] = [[span.evidence.text] for span in roles if span.role == role]
    return template


def predict_roles_muc4(docs: Sequence[dict], component=None) -> list[dict]:
    """Templates for MUC-4 documents (`docid`, `doctext`) from the roles component."""
    if component is None:
        from ..extract.roles import RolesComponent

        component = RolesComponent()
    out = []
    for b in range(0, len(docs), BATCH):
        batch = docs[b : b + BATCH]
        articles = [Article(id=doc["docid"], text=doc["doctext"]) for doc in batch]
        for doc, roles in zip(batch, component.predict(articles)):
            templates = [_template(doc["doctext"], roles)] if roles else []
            out.append({"docid": doc["docid"], "templates": templates})
    return out


def _read(path: Path) -> list[dict]:
    with path.open() as f:
        return [json.loads(line) for line in f]


def _table(scores: dict) -> dict:
    return {role: {k: round(v * 100, 2) for k, v in s.items() if k in ("p", "r", "f1")} for role, s in scores.items()}


def evaluate(split: str = "dev", data: Path = DEFAULT_DATA) -> dict:
    """Predict one split and score it: CEAF-REE vs grit_ree gold, GTT vs template gold, speed, memory."""
    docs = _read(data / f"{split}.jsonl")
    start = time.perf_counter()
    preds = predict_roles_muc4(docs)
    seconds = time.perf_counter() - start
    return {
        "split": split,
        "docs": len(docs),
        "ceaf_ree": _table(ceaf_ree(_read(data / "grit_ree" / f"{split}.jsonl"), preds)),
        "gtt": _table(gtt_template(docs, preds)),
        "docs_per_s": round(len(docs) / seconds, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score the roles component on MUC-4 (CEAF-REE, GTT).")
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("MUC4_DIR", DEFAULT_DATA)))
    args = ap.parse_args(argv)
    json.dump(evaluate(args.split, args.data), sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
