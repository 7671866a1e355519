"""Cross-document resolution on MUC-4: pairwise F1 over report pairs and B³, dev and test.

    .venv/bin/python bench/resolve_muc4.py [--shared ../shared] [--json] [--review]

Mentions are built from the gold keys' slots (claimwatch.evaluate.muc4_xdoc), so this measures
the resolver, not extraction. Rows: the calibrated resolver (the packaged weights); a resolver
refitted on train without the two features the gold rule is defined by (victim_shared,
party_overlap), to show what the other evidence alone achieves; and the do-nothing baseline
(every mention its own incident). `--review` prints every multi-message gold incident for reading
by hand.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from claimwatch.evaluate import muc4_xdoc
from claimwatch.resolve.cluster import cluster_profiles
from claimwatch.resolve.calibrate import fit
from claimwatch.resolve.scoring import load_weights

ROOT = Path(__file__).resolve().parent.parent
GOLD_RULE_FEATURES = ("victim_shared", "party_overlap")


def refit_without(muc4: Path, names: tuple[str, ...]):
    return fit([muc4_xdoc.corpus(muc4, "train")], drop=names)


def run(muc4: Path, split: str, ablated) -> dict:
    templates, gold = muc4_xdoc.load_split(muc4, split)
    report_of = {t.key: t.docid for t in templates}
    profiles = muc4_xdoc.profiles(templates)
    rows = {
        "resolver": cluster_profiles(profiles, load_weights()),
        "refit without victim/target features": cluster_profiles(profiles, ablated),
        "do nothing": {t.key: -t.key - 1 for t in templates},
    }
    return {name: muc4_xdoc.score(gold, predicted, report_of) for name, predicted in rows.items()}


def show(split: str, result: dict) -> str:
    lines = []
    for name, s in result.items():
        pw, pl, b3 = s["pairwise"], s["pairwise_without_largest"], s["b_cubed"]
        lines.append(f"{split:5} {name:42} pairwise P {pw['p']:.3f} R {pw['r']:.3f} F1 {pw['f1']:.3f} "
                     f"({pw['correct']}/{pw['gold_pairs']} gold, {pw['predicted_pairs']} predicted)  "
                     f"w/o largest F1 {pl['f1']:.3f} ({pl['gold_pairs']} gold)  B3 F1 {b3['f1']:.3f}")
    first = next(iter(result.values()))
    lines.append(f"{split:5} {first['mentions']} mentions, {first['gold_incidents']} gold incidents, "
                 f"{first['multi_report_incidents']} reported by 2+ messages, largest by {first['largest_incident_reports']}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--review", action="store_true")
    args = parser.parse_args()
    muc4 = args.shared / "data" / "muc4"
    if args.review:
        for split in ("train", "dev", "test"):
            print(json.dumps({split: muc4_xdoc.review(muc4_xdoc.load_split(muc4, split)[0])}, indent=1))
        return
    ablated = refit_without(muc4, GOLD_RULE_FEATURES)
    results = {split: run(muc4, split, ablated) for split in ("train", "dev", "test")}
    print(json.dumps(results, indent=2) if args.json else "\n".join(show(k, v) for k, v in results.items()))


if __name__ == "__main__":
    main()
