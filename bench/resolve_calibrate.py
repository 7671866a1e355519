"""Fit the resolver's pair weights and merge threshold on MUC-4 train and the samples; write them.

    .venv/bin/python bench/resolve_calibrate.py [--shared ../shared] [--out claimwatch/data/resolve/weights.json]

Two corpora, every blocked pair counting once: MUC-4's training keys with the cross-document gold of
`claimwatch.evaluate.muc4_xdoc` (gold-key slots in, so extraction errors play no part), and the
bundled samples (samples/reports.jsonl through the real extraction pipeline, gold `incident` key of
samples/gold.jsonl; see bench/resolve_samples.py). MUC-4 alone cannot teach the threshold for
modern news: its derived gold only ever links messages that share a named victim or target. The
fitting is `claimwatch.resolve.calibrate`. Prints the weights, the threshold and the training F1.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from resolve_samples import Mentions, extract, gold_incidents  # bench/, beside this script

from claimwatch.evaluate import muc4_xdoc
from claimwatch.resolve.calibrate import fit
from claimwatch.resolve.scoring import WEIGHTS_PATH, save_weights

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    args = parser.parse_args()
    muc4 = args.shared / "data" / "muc4"
    muc_train = muc4_xdoc.corpus(muc4, "train")
    samples = Mentions(extract(), gold_incidents()).corpus()
    provenance = {
        "fitted_on": {"muc4-train": "MUC-4 DEV-MUC3-0001..1300 raw keys, gold of claimwatch.evaluate.muc4_xdoc",
                      "samples": "samples/reports.jsonl through the default pipeline, gold incident key"},
        "script": "bench/resolve_calibrate.py", "fitted": dt.date.today().isoformat(),
    }
    weights = fit([muc_train, samples], provenance)
    save_weights(weights, args.out)
    print(json.dumps(weights.to_json(), indent=2))


if __name__ == "__main__":
    main()
