"""Shared fixtures. Records are built by hand where a test can; `nlp_article` runs spaCy only."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from claimwatch.model import Article

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


def need_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when the folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared data is not beside this checkout")
    return path


@pytest.fixture
def article_from():
    """Build an Article by hand from text and an optional ISO publication date."""

    def make(text: str, published: str | None = None, id: str = "t") -> Article:
        return Article(id=id, text=text, published=dt.date.fromisoformat(published) if published else None)

    return make


@pytest.fixture
def nlp_article(article_from):
    """An Article that has been through the spaCy component (tokens, sentences, entities)."""
    from claimwatch.extract.nlp import make_spacy

    spacy_component = make_spacy()

    def make(text: str, published: str | None = None, id: str = "t") -> Article:
        return spacy_component(article_from(text, published, id))

    return make


@pytest.fixture(scope="session")
def kerman():
    folder = need_shared("fixtures", "kerman-2024")
    text = (folder / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()[0])
    return text, gold
