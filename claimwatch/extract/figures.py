"""(stub: being written)"""
from __future__ import annotations

from ..model import Article
from .pipeline import component


@component("figures", requires=("doc", "sentences"), assigns=("figures",))
def make_figures():
    def run(article: Article) -> Article:
        return article

    return run
