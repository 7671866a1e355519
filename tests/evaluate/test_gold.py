"""`claimwatch evaluate gold`: field accuracy against gold records, with failures kept apart."""
from __future__ import annotations

import json

import pytest

from claimwatch.evaluate import gold
from claimwatch.extract import figures
from shared_data import need_shared

REPORTS = [
    {"id": "ok", "published": "2024-03-04", "title": "Bomb kills three",
     "text": "A car bomb killed three soldiers at a checkpoint in Mogadishu on Monday, police said."},
    {"id": "broken", "published": "2024-03-05", "title": "Bomb kills two",
     "text": "BREAK A roadside bomb killed two police officers near Kismayo on Tuesday, officials said."},
]


def _gold(report_id: str, killed: int, city: str) -> dict:
    return {"id": report_id, "type": ["bombing"], "date": None, "country": "SO", "city": [city], "killed": killed,
            "wounded": None, "suicide": None, "weapons": ["explosives"], "claimed_by": [], "accused": [],
            "denied_by": []}


@pytest.mark.slow
def test_gold_a_report_that_breaks_the_pipeline_scores_as_empty_and_is_listed(tmp_path, monkeypatch):
    tools = need_shared("tools")
    real = figures.find_figures

    def find_or_break(article):
        if article.text.startswith("BREAK"):
            raise TypeError("a bug in a figure rule")
        return real(article)

    monkeypatch.setattr(figures, "find_figures", find_or_break)
    reports, golds = tmp_path / "reports.jsonl", tmp_path / "gold.jsonl"
    reports.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    golds.write_text(json.dumps(_gold("ok", 3, "Mogadishu")) + "\n" + json.dumps(_gold("broken", 2, "Kismayo")) + "\n",
                     encoding="utf-8")

    result = gold.run_gold(golds, reports, tools)

    assert [(f["id"], f["code"]) for f in result["failures"]] == [("broken", "E200")]
    assert result["articles"] == 2
    assert result["fields"]["killed"] == 0.5  # the good report's three dead; the broken one has no record
    assert {m["id"] for m in result["misses"] if m["field"] == "killed"} == {"broken"}
