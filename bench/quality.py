"""Field accuracy on the Wikinews dev set and the Kerman reference article; with --samples, on every
modern sample set too (per set, and pooled over their reports).

    python bench/quality.py [--shared ../shared] [--verbose] [--samples]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from claimwatch.evaluate.gold import load_scorer, read_gold, read_wikinews_article, score
from claimwatch.evaluate.modern_xdoc import read_reports
from claimwatch.extract.pipeline import get_pipeline
from claimwatch.ingest.text import parse_published
from claimwatch.model import Article

ROOT = Path(__file__).resolve().parent.parent


def kerman_article(shared: Path) -> Article:
    folder = shared / "fixtures" / "kerman-2024"
    return Article(id="kerman-2024", text=(folder / "article.txt").read_text(encoding="utf-8"),
                   published=parse_published("2024-01-04"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--samples", action="store_true",
                        help="also score samples/ and every samples/heldout*/ set (a few minutes)")
    args = parser.parse_args()
    scorer = load_scorer(args.shared / "tools")
    pipeline = get_pipeline()
    wikinews = args.shared / "data" / "wikinews"
    articles = [read_wikinews_article(p) for p in sorted((wikinews / "articles").glob("*.txt"))]
    sets = {
        "wikinews": (read_gold(wikinews / "gold.jsonl"), articles),
        "kerman": (read_gold(args.shared / "fixtures" / "kerman-2024" / "gold.jsonl"), [kerman_article(args.shared)]),
    }
    for name, (gold, docs) in sets.items():
        records = [a.to_dict() for a in pipeline.pipe(docs)]
        result = score(gold, records, scorer)
        print(f"== {name}: {result['articles']} articles, mean field accuracy {100 * result['mean']:.1f}%")
        for field, acc in result["fields"].items():
            print(f"   {field:11} {100 * acc:6.1f}%")
        if args.verbose:
            for miss in result["misses"]:
                print("   miss", json.dumps(miss, ensure_ascii=False), file=sys.stderr)
    if args.samples:
        sample_sets(scorer, args.verbose)


def sample_sets(scorer, verbose: bool) -> None:
    """Mean field accuracy of each modern sample set, and pooled over all their reports (each report weighs
    the same, whatever its set)."""
    folders = [ROOT / "samples"] + sorted((ROOT / "samples").glob("heldout*/"),
                                          key=lambda p: int(p.name.partition("-")[2] or 1))
    pooled = articles = 0.0
    for folder in folders:
        reports = sorted(folder.glob("reports*.jsonl"))
        golds = sorted(folder.glob("gold*.jsonl"))
        if not reports or not golds:
            continue
        gold = [g for path in golds for g in read_gold(path)]
        records = [a.to_dict() for a in read_reports(*reports)]
        result = score(gold, records, scorer)
        print(f"   {folder.name:12} {result['articles']:4} reports  {100 * result['mean']:5.1f}%")
        pooled += result["mean"] * result["articles"]
        articles += result["articles"]
        if verbose:
            for miss in result["misses"]:
                print("   miss", folder.name, json.dumps(miss, ensure_ascii=False), file=sys.stderr)
    print(f"== samples: {int(articles)} reports in {len(folders)} sets, pooled mean field accuracy "
          f"{100 * pooled / max(articles, 1):.2f}%")


if __name__ == "__main__":
    main()
