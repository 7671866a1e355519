"""The importable entry points the CLI and the web API wrap."""
from __future__ import annotations

import datetime as dt

from .model import Article


def extract_article(article: Article) -> Article:
    """Run the default pipeline over one article, in place, and return it."""
    from .extract.pipeline import get_pipeline

    return get_pipeline()(article)


def extract_text(text: str, published: str | dt.date | None = None, id: str = "text") -> Article:
    """Build an article from plain text and extract its incidents."""
    from .ingest.text import parse_published

    return extract_article(Article(id=id, text=text, published=parse_published(published)))
