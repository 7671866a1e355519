"""(stub: being written)"""
from __future__ import annotations

from ..model import Article
from .pipeline import component


@component("statements", requires=("doc", "sentences"), assigns=("statements",))
def make_statements():
    def run(article: Article) -> Article:
        return article

    return run
