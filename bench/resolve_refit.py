"""What refitting the resolver on every modern set would buy: leave-one-set-out, against the packaged weights.

    .venv/bin/python bench/resolve_refit.py [--shared ../shared] [--out build/weights-all-sets.json]
    .venv/bin/python bench/resolve_scale.py --mentions 100000 --weights build/weights-all-sets.json

The packaged weights are fitted on MUC-4 train and samples/reports.jsonl only
(bench/resolve_calibrate.py). This bench fits instead on MUC-4 train and all the modern sets
(samples/ and samples/heldout*/, through the real extraction pipeline): for each set, weights
fitted on the *other* sets resolve it (the honest figure for a set the fit has not seen), beside the
packaged weights; the counts are summed in the last row. It then writes the weights fitted on every
set to --out, so that the synthetic stress stream of bench/resolve_scale.py can show what they do
where one city has dozens of incidents a week. Nothing here changes the packaged weights.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from resolve_samples import HELDOUT, extract, gold_incidents  # bench/, beside this script

from claimwatch.evaluate import muc4_xdoc
from claimwatch.evaluate.modern_xdoc import Mentions
from claimwatch.resolve.calibrate import fit
from claimwatch.resolve.cluster import cluster_profiles
from claimwatch.resolve.scoring import load_weights, save_weights

ROOT = Path(__file__).resolve().parent.parent


def modern_sets() -> dict[str, Mentions]:
    """The bundled samples and every held-out folder, as resolve_samples.py reads them."""
    sets = {"samples": Mentions(extract(), gold_incidents())}
    for folder in HELDOUT:
        reports = sorted(folder.glob("reports-*.jsonl"))
        if reports:
            sets[folder.name] = Mentions(extract(*reports), gold_incidents(*sorted(folder.glob("gold-*.jsonl"))))
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "weights-all-sets.json")
    args = parser.parse_args()
    muc_train = muc4_xdoc.corpus(args.shared / "data" / "muc4", "train")
    sets = modern_sets()
    corpora = {name: mentions.corpus() for name, mentions in sets.items()}
    packaged = load_weights()
    totals = {"packaged": [0, 0, 0], "other sets' fit": [0, 0, 0]}
    for name, mentions in sets.items():
        refit = fit([muc_train, *(c for other, c in corpora.items() if other != name)])
        cells = []
        for label, weights in (("packaged", packaged), ("other sets' fit", refit)):
            pw = mentions.score(cluster_profiles(mentions.profiles, weights))["pairwise"]
            for i, key in enumerate(("correct", "gold_pairs", "predicted_pairs")):
                totals[label][i] += pw[key]
            cells.append(f"{label} P {pw['p']:.3f} R {pw['r']:.3f} F1 {pw['f1']:.3f}")
        print(f"{name:11} " + " | ".join(cells) + f" | threshold {refit.threshold:.3f}", flush=True)
    for label, (correct, gold, predicted) in totals.items():
        p, r = correct / predicted if predicted else 0.0, correct / gold if gold else 0.0
        print(f"all sets, {label}: {correct}/{gold} gold pairs, {predicted} predicted: "
              f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0.0:.3f}")
    everything = fit([muc_train, *corpora.values()], {"script": "bench/resolve_refit.py", "not": "packaged"})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_weights(everything, args.out)
    print(f"weights fitted on every set: {args.out}; threshold {everything.threshold:.3f}", file=sys.stderr)
    print(json.dumps(dict(zip(everything.features, everything.weights)), indent=1), file=sys.stderr)


if __name__ == "__main__":
    main()
