"""Gold-record sets in the shared format (`data/GOLD-FORMAT.md`): load, run, score.

The field scorer is the shared `tools/score_records.py`, loaded from where it lies, so our numbers
are the same as anyone else's who runs it.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

from ..model import Article

HEADER_END = "---\n"


def read_wikinews_article(path: Path) -> Article:
    """A Wikinews dev-set file: `KEY: value` header lines, `---`, then the body (our text)."""
    raw = path.read_text(encoding="utf-8")
    header, _, body = raw.partition(HEADER_END)
    meta = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
    published = meta.get("PUBLISHED")
    return Article(
        id=path.stem, text=body, title=meta.get("TITLE"), url=meta.get("URL"),
        published=dt.date.fromisoformat(published) if published else None, source="Wikinews", origin=str(path),
    )


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_scorer(tools_dir: Path):
    """Import the shared `score_records.py` as a module."""
    spec = importlib.util.spec_from_file_location("score_records", tools_dir / "score_records.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(gold: list[dict], records: list[dict], scorer) -> dict:
    """Per-field accuracy and the mean, as `score_records.py` computes them."""
    by_id = {str(r["id"]): r for r in records}
    hits: dict[str, list[int]] = {f: [0, 0] for f in scorer.FIELDS}
    misses = []
    for g in gold:
        pred = scorer.read_pred(scorer.main_incident(by_id.get(str(g["id"]), {})))
        for field, ok in scorer.judge(g, pred).items():
            hits[field][0] += int(ok)
            hits[field][1] += 1
            if not ok:
                misses.append({"id": g["id"], "field": field, "pred": pred[field], "gold": g[field]})
    fields = {f: h[0] / h[1] for f, h in hits.items() if h[1]}
    return {"articles": len(gold), "fields": fields, "mean": sum(fields.values()) / len(fields), "misses": misses}


def run_gold(gold_path: Path, articles_path: Path, tools_dir: Path) -> dict:
    """Extract the articles (a JSONL file, or a folder of Wikinews-style .txt files) and score them.

    A report the pipeline fails on does not stop the run: it scores as a report with no record (every
    field it should fill counts as missed) and is listed under `failures` with its error code.
    """
    from ..batch import extract_all
    from ..ingest import read
    from ..model import Failure

    if articles_path.is_dir():
        items = [read_wikinews_article(p) for p in sorted(articles_path.glob("*.txt"))]
    else:
        items = list(read([articles_path]))
    done = list(extract_all(items))
    records = [a.to_dict() for a in done if isinstance(a, Article)]
    failures = [{"id": f.article_id, "source": f.source, "code": f.code, "message": f.message}
                for f in done if isinstance(f, Failure)]
    return {**score(read_gold(gold_path), records, load_scorer(tools_dir)), "failures": failures}
