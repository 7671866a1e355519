"""How well the resolver's fitting recipe does on modern sets it has not seen: k-fold over the sets.

    .venv/bin/python bench/resolve_refit.py [--shared ../shared] [--folds 5] [--modern-share S]
                                            [--out build/weights-all-sets.json]

The packaged weights (bench/resolve_calibrate.py) are fitted on MUC-4 train and every modern set
(samples/ and samples/heldout*/, through the real extraction pipeline), the modern sets together
weighing --modern-share of the fit if it is given (by default every pair counts once). Their figures on those sets are in-sample. This bench gives the
honest figure: the modern sets are dealt into --folds folds (by set number), and each fold is
resolved with weights fitted the same way on MUC-4 train and the other folds; beside it, the
packaged weights. Counts are summed over the folds in the last rows. It then writes weights fitted
on every set with the given share to --out, so that bench/resolve_scale.py --weights can show what
another share does where one city has dozens of incidents a week. Nothing here changes the packaged
weights.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from resolve_samples import HELDOUT, extract, gold_incidents  # bench/, beside this script

from claimwatch.evaluate import muc4_xdoc
from claimwatch.evaluate.modern_xdoc import Mentions
from claimwatch.resolve.calibrate import Corpus, fit
from claimwatch.resolve.cluster import cluster_profiles
from claimwatch.resolve.scoring import load_weights, save_weights

ROOT = Path(__file__).resolve().parent.parent
COUNTS = ("correct", "gold_pairs", "predicted_pairs")


def modern_sets() -> dict[str, Mentions]:
    """The bundled samples and every held-out folder, as resolve_samples.py reads them."""
    sets = {"samples": Mentions(extract(), gold_incidents())}
    for folder in HELDOUT:
        reports = sorted(folder.glob("reports-*.jsonl"))
        if reports:
            sets[folder.name] = Mentions(extract(*reports), gold_incidents(*sorted(folder.glob("gold-*.jsonl"))))
    return sets


def modern_shares(corpora: list[Corpus], modern_share: float | None) -> list[float] | None:
    """Shares for `calibrate.fit`: the first corpus (MUC-4) 1 - modern_share, the others modern_share
    together, each in proportion to its mentions; None: every pair counts once."""
    if modern_share is None:
        return None
    sizes = [len(corpus.profiles) for corpus in corpora[1:]]
    return [1.0 - modern_share, *(modern_share * size / sum(sizes) for size in sizes)]


def _line(label: str, correct: int, gold: int, predicted: int) -> str:
    p, r = correct / predicted if predicted else 0.0, correct / gold if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"{label}: {correct}/{gold} gold pairs, {predicted} predicted: P {p:.3f} R {r:.3f} F1 {f1:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--modern-share", type=float, default=None,
                        help="the modern sets' share of the fit (default: every pair counts once)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "weights-all-sets.json")
    args = parser.parse_args()
    muc_train = muc4_xdoc.corpus(args.shared / "data" / "muc4", "train")
    sets = modern_sets()
    corpora = {name: mentions.corpus(name=name) for name, mentions in sets.items()}
    packaged = load_weights()
    totals = {"packaged (in-sample)": [0, 0, 0], "other folds' fit": [0, 0, 0]}
    names = list(sets)
    for fold in range(args.folds):
        held = names[fold::args.folds]
        train = [muc_train, *(corpora[name] for name in names if name not in held)]
        refit = fit(train, shares=modern_shares(train, args.modern_share))
        for label, weights in (("packaged (in-sample)", packaged), ("other folds' fit", refit)):
            fold_counts = [0, 0, 0]
            for name in held:
                pairwise = sets[name].score(cluster_profiles(sets[name].profiles, weights))["pairwise"]
                for i, key in enumerate(COUNTS):
                    fold_counts[i] += pairwise[key]
                    totals[label][i] += pairwise[key]
            print(f"fold {fold} ({len(held)} sets) " + _line(label, *fold_counts)
                  + (f"; threshold {refit.threshold:.3f}" if weights is refit else ""), flush=True)
    for label, counts in totals.items():
        print("all folds, " + _line(label, *counts))
    everything = [muc_train, *corpora.values()]
    weights = fit(everything, {"script": "bench/resolve_refit.py", "not": "packaged", "modern_share": args.modern_share},
                  shares=modern_shares(everything, args.modern_share))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_weights(weights, args.out)
    print(f"weights fitted on every set: {args.out}; threshold {weights.threshold:.3f}", file=sys.stderr)
    print(json.dumps(dict(zip(weights.features, weights.weights)), indent=1), file=sys.stderr)


if __name__ == "__main__":
    main()
