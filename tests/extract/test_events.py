import pytest

from claimwatch.extract.events import TRIGGER, find_events
from claimwatch.model import Article, Span


def sentence_article(text: str) -> Article:
    return Article(id="t", text=text, sentences=[Span.of(text, 0, len(text))])


@pytest.mark.parametrize("text,expected", [
    ("A car bomb exploded near the market.", [("car bomb", "bombing"), ("exploded", "bombing")]),
    ("Gunmen opened fire on a bus.", [("Gunmen", "armed_assault"), ("opened fire", "armed_assault")]),
    ("Two aid workers were kidnapped in Darfur.", [("kidnapped", "kidnapping")]),
    ("The hijackers held 40 passengers hostage.", [("hijackers", "hostage_taking"), ("held 40 passengers hostage", "hostage_taking")]),
    ("The senator was assassinated outside his home.", [("assassinated", "assassination")]),
])
def test_events_find_triggers(text, expected):
    events = find_events(sentence_article(text))
    assert [(e.trigger.text, e.type) for e in events] == expected
    assert all(text[e.trigger.start:e.trigger.end] == e.trigger.text for e in events)


@pytest.mark.parametrize("text,trigger", [
    ("He spent years coordinating terrorist attacks abroad.", "attacks"),
    ("Police said they had foiled a plot to bomb the station.", "bomb"),
    ("There was no explosion, officials said.", "explosion"),
])
def test_events_generic_and_negated_are_marked(text, trigger):
    events = [e for e in find_events(sentence_article(text)) if e.trigger.text == trigger]
    assert events and all(e.negated for e in events)


@pytest.mark.parametrize("text", ["The minister suffered a heart attack on Monday."])
def test_events_non_event_context_is_skipped(text):
    assert find_events(sentence_article(text)) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Gunmen raided the school and led away a large number of pupils.", "led away a large number of pupils"),
        ("The fighters took away dozens of villagers at dawn.", "took away dozens of villagers"),
    ],
)
def test_events_taking_people_away_is_a_kidnapping(text, expected):
    found = [(m.group(0), m.lastgroup) for m in TRIGGER.finditer(text)]
    assert (expected, "kidnapping") in found


@pytest.mark.parametrize("text", ["Police led away the suspect in handcuffs.", "She took away the chairs."])
def test_events_leading_someone_away_alone_is_no_kidnapping(text):
    assert all(m.lastgroup != "kidnapping" for m in TRIGGER.finditer(text))
