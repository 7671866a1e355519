"""Fit the resolver's pair weights and merge threshold on MUC-4 train and the modern sets; write them.

    .venv/bin/python bench/resolve_calibrate.py [--shared ../shared] [--modern-share S]
                                                [--out claimwatch/data/resolve/weights.json]

Corpora: MUC-4's training keys with the cross-document gold of `claimwatch.evaluate.muc4_xdoc`
(gold-key slots in, so extraction errors play no part), and the modern sets: the bundled samples and
every held-out folder (samples/heldout*/), their reports through the real extraction pipeline, gold
`incident` key (see bench/resolve_samples.py). MUC-4 alone cannot teach modern news: its derived
gold only ever links messages that share a named victim or target, and its 28,000 blocked pairs
outweigh the modern sets' few hundred pairs fiftyfold. By default every pair counts once all the
same: giving the modern sets a larger share (`--modern-share`, e.g. 0.1 to 0.5) taught the scorer
that one city and one day make one incident, which merges MUC-4's many same-day attacks in one
city (MUC-4 dev pairwise F1 0.76 at 0.1, 0.50 at 0.5, against 1.00 with every pair once).
`bench/resolve_refit.py` measures the recipe on modern sets each fit has not seen. The fitting
is `claimwatch.resolve.calibrate`. Prints the weights, the threshold and the training F1.

A held-out set that is fitted on is no longer blind: a new set is run blind with the weights of the
day before it joins the fit (see samples/README.md).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from resolve_refit import modern_sets, modern_shares  # bench/, beside this script

from claimwatch.evaluate import muc4_xdoc
from claimwatch.resolve.calibrate import fit
from claimwatch.resolve.scoring import WEIGHTS_PATH, save_weights

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--modern-share", type=float, default=None,
                        help="the modern sets' share of the fit (default: every pair counts once)")
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    args = parser.parse_args()
    muc_train = muc4_xdoc.corpus(args.shared / "data" / "muc4", "train")
    modern = {name: mentions.corpus(name=name) for name, mentions in modern_sets().items()}
    provenance = {
        "fitted_on": {"muc4-train": "MUC-4 DEV-MUC3-0001..1300 raw keys, gold of claimwatch.evaluate.muc4_xdoc",
                      "modern": "samples/reports.jsonl and samples/heldout*/reports-*.jsonl through the default "
                                "pipeline, gold incident key: " + ", ".join(modern)},
        "modern_share": args.modern_share,
        "script": "bench/resolve_calibrate.py", "fitted": dt.date.today().isoformat(),
    }
    corpora = [muc_train, *modern.values()]
    weights = fit(corpora, provenance, shares=modern_shares(corpora, args.modern_share))
    save_weights(weights, args.out)
    print(json.dumps(weights.to_json(), indent=2))


if __name__ == "__main__":
    main()
