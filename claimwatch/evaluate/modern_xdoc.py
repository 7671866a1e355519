"""Cross-report resolution scored on our modern-news sets: reports with a gold `incident` key.

Shared by `bench/resolve_samples.py` (and `bench/resolve_calibrate.py`) and the modern quality gate
(`tests/resolve/test_modern_gate.py`). Pairs are pairs of reports whose *main* mentions share a gold
incident; a report of a gold incident in which extraction found no main incident still counts, its
pairs as missed.
"""
from __future__ import annotations

import json
from pathlib import Path

from .. import batch
from ..model import Article, to_dict
from ..resolve.calibrate import Corpus
from ..resolve.profile import profile
from . import muc4_xdoc


def read_reports(*paths: Path) -> list[Article]:
    """The reports through the default pipeline, in order of publication."""
    items = batch.extract_all(batch.read_inputs(list(paths)))
    return sorted((a for a in items if isinstance(a, Article)), key=lambda a: (a.published, a.id))


def gold_incidents(*paths: Path) -> dict[str, str | None]:
    rows = [json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row["id"]: row.get("incident") for row in rows}


class Mentions:
    """A set's mentions as profiles, with gold labels for the main ones."""

    def __init__(self, articles: list[Article], incident_of: dict[str, str | None]) -> None:
        self.profiles, self.report_of, self.main, self.gold = [], {}, set(), {}
        for index, article in enumerate(articles):
            for record in to_dict(article.incidents):
                key = len(self.profiles)
                self.profiles.append(profile(record, key, index, article.published, article.title or ""))
                self.report_of[key] = article.id
                if record["role"] == "main":
                    self.main.add(key)
                    self.gold[key] = incident_of.get(article.id) or f"solo:{article.id}"
        # a report of a gold incident in which extraction found no main incident still counts: its
        # pairs are gold pairs that nothing can find (a stand-in key, never clustered)
        found = {self.report_of[k] for k in self.main}
        for report, incident in incident_of.items():
            if incident and report not in found:
                key = -1 - len(self.gold)
                self.main.add(key)
                self.gold[key], self.report_of[key] = incident, report

    def corpus(self, without: set[str] = frozenset(), name: str = "samples") -> Corpus:
        """Main mentions only (background ones have no label), less the reports of `without` incidents."""
        keep = [p for p in self.profiles if p.key in self.main and self.gold[p.key] not in without]
        gold = {p.key: self.gold[p.key] for p in keep}
        report_of = {p.key: self.report_of[p.key] for p in keep}
        pairs = muc4_xdoc.report_pairs(gold, report_of)

        def counts(predicted):
            found = muc4_xdoc.report_pairs({k: predicted[k] for k in gold}, report_of)
            return len(pairs & found), len(pairs), len(found)

        return Corpus(name, keep, gold, counts)

    def score(self, predicted: dict[int, object], keys: set[int] | None = None) -> dict:
        keys = self.main if keys is None else keys
        gold = {k: self.gold[k] for k in keys}
        return muc4_xdoc.score(gold, {k: predicted.get(k, f"none:{k}") for k in keys}, self.report_of)
