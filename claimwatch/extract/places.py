"""(stub: being written)"""
from __future__ import annotations

from ..model import Article
from .pipeline import component


@component("places", requires=("doc", "sentences"), assigns=("places",))
def make_places():
    def run(article: Article) -> Article:
        return article

    return run
