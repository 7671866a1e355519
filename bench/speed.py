"""End-to-end speed and peak memory, beside spaCy's small pipeline alone on the same texts.

    python bench/speed.py [--shared ../shared] [--muc4-docs 400] [--repeat 1]

Prints articles per second for: claimwatch's full pipeline, and a plain `nlp.pipe` pass of
spaCy's small English pipeline (all its default components) over the same texts; and the
process's peak resident memory. Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from claimwatch.evaluate.gold import read_wikinews_article
from claimwatch.extract.pipeline import default_processes, get_pipeline
from claimwatch.model import Article

ROOT = Path(__file__).resolve().parent.parent


def corpora(shared: Path, muc4_docs: int) -> dict[str, list[Article]]:
    wikinews = [read_wikinews_article(p) for p in sorted((shared / "data/wikinews/articles").glob("*.txt"))]
    muc = []
    for split in ("dev", "test"):
        for line in (shared / f"data/muc4/{split}.jsonl").read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            muc.append(Article(id=doc["docid"], text=doc["doctext"]))
    return {"wikinews": wikinews, f"muc4 ({muc4_docs} docs)": muc[:muc4_docs]}


def fresh(articles: list[Article]) -> list[Article]:
    return [Article(id=a.id, text=a.text, published=a.published, title=a.title) for a in articles]


def time_claimwatch(articles: list[Article], n_process: int) -> float:
    """Articles per second through `claimwatch.batch.extract_all`, the path `extract` and `ingest` take."""
    from claimwatch.batch import extract_all

    start = time.perf_counter()
    for _ in extract_all(fresh(articles), n_process=n_process):
        pass
    return len(articles) / (time.perf_counter() - start)


def time_spacy(articles: list[Article], n_process: int) -> float:
    """spaCy's small English pipeline, all its default components, over the same texts."""
    import spacy

    from claimwatch.extract.nlp import SPACY_MODEL

    nlp = spacy.load(SPACY_MODEL)
    start = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), n_process=n_process, batch_size=16):
        pass
    return len(articles) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--muc4-docs", type=int, default=400)
    parser.add_argument("--processes", type=int, default=default_processes(),
                        help="worker processes for both claimwatch and spaCy (default: the cores available)")
    args = parser.parse_args()
    start = time.perf_counter()
    get_pipeline()
    warm = fresh([Article(id="warm", text="A bomb exploded in Kabul on Monday, killing three people.")])
    list(get_pipeline().pipe(warm))
    print(f"start-up (models, gazetteer): {time.perf_counter() - start:.1f} s")
    for name, articles in corpora(args.shared, args.muc4_docs).items():
        ours = time_claimwatch(articles, args.processes)
        theirs = time_spacy(articles, args.processes)
        print(f"{name:22} claimwatch {ours:7.1f} art/s   spaCy sm alone {theirs:7.1f} art/s   "
              f"({len(articles)} articles, {args.processes} process(es))")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: main process {own:.0f} MB, largest worker {workers:.0f} MB")


if __name__ == "__main__":
    main()
