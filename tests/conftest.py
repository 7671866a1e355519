"""Shared fixtures. Records are built by hand where a test can; `nlp_article` runs spaCy only."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from claimwatch.model import Article

from shared_data import ROOT, SAMPLES, SHARED, need_shared  # noqa: F401  (re-exported for tests)


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


@pytest.fixture
def extracted(article_from):
    """An Article built by hand and run through the default pipeline."""
    from claimwatch.extract.pipeline import get_pipeline

    def make(text: str, published: str | None = None, id: str = "t") -> Article:
        return get_pipeline("default")(article_from(text, published, id))

    return make


@pytest.fixture(scope="session")
def kerman():
    folder = need_shared("fixtures", "kerman-2024")
    text = (folder / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()[0])
    return text, gold
