"""(stub: being written)"""
from __future__ import annotations

from ..model import Article
from .pipeline import component


@component("weapons", requires=("doc", "sentences"), assigns=("weapons","suicide_cues",))
def make_weapons():
    def run(article: Article) -> Article:
        return article

    return run
