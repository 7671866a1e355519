"""Rules that the tenth held-out set's blind run called for: "shot several times and killed" and a
penalty shoot-out. (Where someone was born: in test_heldout5_fixes.)"""
import pytest


@pytest.mark.parametrize("text,types", [
    ("A police officer was shot several times and killed as he sat in his car.", ["armed_assault"]),
    ("Ivory Coast beat Ghana in a marathon penalty shootout.", []),
    ("The shootout went on until the goalkeeper saved a penalty.", []),
    ("Police killed two gunmen in a shootout in the old city.", ["other", "armed_assault", "armed_assault"]),
])
def test_events_shootings_and_shootouts(article_from, text, types):
    from claimwatch.extract.events import find_events
    from claimwatch.model import Span

    article = article_from(text, "2013-04-19")
    article.sentences = [Span.of(text, 0, len(text))]
    assert [m.type for m in find_events(article) if not m.negated] == types
