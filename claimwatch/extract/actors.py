"""(stub: being written)"""
from __future__ import annotations

from ..model import Article
from .pipeline import component


@component("actors", requires=("doc", "sentences"), assigns=("actors",))
def make_actors():
    def run(article: Article) -> Article:
        return article

    return run
