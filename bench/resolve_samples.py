"""Cross-report resolution on the bundled samples, from the real extraction pipeline's output.

    .venv/bin/python bench/resolve_samples.py [--json]

The 24 reports of samples/reports.jsonl go through `claimwatch.batch.extract_all` (the default
pipeline). Gold: the `incident` key of samples/gold.jsonl. Scored: pairwise P/R/F1 over pairs of
reports whose *main* mentions share an incident (background mentions are resolved too, but a
report recounting an incident is not news of it), and B³ over the main mentions, beside the
do-nothing baseline. Three rows:

* `cross-validated`: leave one gold incident out — the weights are refitted on MUC-4 train plus
  the samples of the *other* incidents, then all mentions are resolved and only the pairs within
  the held-out incident (and the distractors and negatives, which are held out every time) count;
  summed over the folds. This is the honest figure: the packaged weights were fitted on these samples.
* `packaged weights, database`: `ingest` into a temporary SQLite database (which resolves), then
  the report lists of `incidents --json`. Optimistic (seen in calibration), but end to end.
* `do nothing`: every mention its own incident.

For each held-out folder (samples/heldout*/: reports-*.jsonl and gold-*.jsonl,
written after the resolver was calibrated and never used to fit anything; see their READMEs for
what else they were used for), two more rows: the packaged weights through the database, and the
do-nothing baseline.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from claimwatch.evaluate import modern_xdoc, muc4_xdoc
from claimwatch.evaluate.modern_xdoc import Mentions, read_reports
from claimwatch.model import Article
from claimwatch.resolve.calibrate import Corpus, fit
from claimwatch.resolve.cluster import cluster_profiles

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


HELDOUT = tuple(sorted(SAMPLES.glob("heldout*/"), key=lambda p: int(p.name.partition("-")[2] or 1)))  # in order


def extract(*paths: Path) -> list[Article]:
    return read_reports(*(paths or [SAMPLES / "reports.jsonl"]))


def gold_incidents(*paths: Path) -> dict[str, str | None]:
    return modern_xdoc.gold_incidents(*(paths or [SAMPLES / "gold.jsonl"]))


def cross_validated(mentions: Mentions, muc_train: Corpus) -> dict:
    """Leave one gold incident out; counts summed over the folds."""
    incidents = sorted({g for g in mentions.gold.values() if not g.startswith("solo:")})
    multi = [i for i in incidents if sum(1 for g in mentions.gold.values() if g == i) > 1]
    held_always = {k for k, g in mentions.gold.items() if g not in multi}
    totals = {"correct": 0, "gold_pairs": 0, "predicted_pairs": 0}
    for incident in multi:
        held_out = {incident} | {g for g in mentions.gold.values() if g not in multi}
        weights = fit([muc_train, mentions.corpus(without=held_out)])
        predicted = cluster_profiles(mentions.profiles, weights)
        fold = {k for k, g in mentions.gold.items() if g == incident} | held_always
        pairwise = mentions.score(predicted, fold)["pairwise"]
        for name in totals:
            totals[name] += pairwise[name]
    p = totals["correct"] / totals["predicted_pairs"] if totals["predicted_pairs"] else 0.0
    r = totals["correct"] / totals["gold_pairs"] if totals["gold_pairs"] else 0.0
    return {"pairwise": {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, **totals}, "folds": len(multi)}


def through_database(articles: list[Article], mentions: Mentions) -> dict:
    """Ingest into a temporary SQLite database (which resolves), read the incidents' report lists."""
    from claimwatch.ingest_db import store_items
    from claimwatch.queries import list_incidents
    from claimwatch.store.db import Database

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "samples.db"
        store_items(Database(db), articles)
        rows = list_incidents(db, include_background=True)
    cluster_of_report = {report: row["id"] for row in rows for report in row["reports"]}
    predicted = {k: cluster_of_report.get(mentions.report_of[k], f"none:{k}") for k in mentions.main}
    return mentions.score(predicted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    articles = extract()
    mentions = Mentions(articles, gold_incidents())
    muc_train = muc4_xdoc.corpus(args.shared / "data" / "muc4", "train")
    results = {
        "cross-validated": cross_validated(mentions, muc_train),
        "packaged weights, database": through_database(articles, mentions),
        "do nothing": mentions.score({k: f"solo:{k}" for k in mentions.main}),
    }
    for folder in HELDOUT:
        reports = sorted(folder.glob("reports-*.jsonl"))
        if not reports:
            continue
        held = extract(*reports)
        held_mentions = Mentions(held, gold_incidents(*sorted(folder.glob("gold-*.jsonl"))))
        results[f"{folder.name}, packaged weights"] = through_database(held, held_mentions)
        results[f"{folder.name}, do nothing"] = held_mentions.score({k: f"solo:{k}" for k in held_mentions.main})
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, result in results.items():
        pw = result["pairwise"]
        b3 = f"  B3 F1 {result['b_cubed']['f1']:.3f}" if "b_cubed" in result else ""
        print(f"{name:28} pairwise P {pw['p']:.3f} R {pw['r']:.3f} F1 {pw['f1']:.3f} "
              f"({pw['correct']}/{pw['gold_pairs']} gold, {pw['predicted_pairs']} predicted){b3}", file=sys.stdout)


if __name__ == "__main__":
    main()
