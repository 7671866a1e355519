"""Rules that the sixth held-out set's blind run called for: rammings into a market, "the lorry that
killed", the police's shooting of a suspect as no main incident, Easter's movable feasts, and
"the Easter Sunday bombings" as the attack's date rather than a statement's."""
import datetime as dt

import pytest

from claimwatch.extract.events import TRIGGER
from tests.extract.test_heldout_fixes import _dated, _hand_article


@pytest.mark.parametrize("text,expected", [
    ("the Tunisian suspected of driving a lorry into a Berlin Christmas market on Monday", ["armed_assault"]),
    ("the lorry that killed 12 people at the market", ["armed_assault"]),
    ("He drove his car into a wall on the ring road.", []),  # no crowd, no market: an accident
    ("a car bomb that killed 12 people", ["bombing", "other"]),
])
def test_events_rammings_into_a_market_and_the_lorry_that_killed(text, expected):
    assert [m.lastgroup for m in TRIGGER.finditer(text)] == expected


@pytest.mark.parametrize("text,trigger,operation", [
    ("The suspect was shot dead by Italian police near Milan early on Friday.", "shot dead", True),
    ("Troops shot dead all four attackers after a six-hour siege.", "shot dead", True),
    ("Gunmen shot dead 12 people at the offices of the weekly.", "shot dead", False),
    ("A gunman shot dead two police officers outside the station.", "shot dead", False),
    ("Six peasants were shot dead by soldiers near the village.", "shot dead", False),  # violence in its own right
])
def test_incidents_the_forces_shooting_a_suspect_is_an_operation(text, trigger, operation):
    from claimwatch.extract.incidents import security_operation

    article = _hand_article(text, "2016-12-23")
    mention = next(m for m in article.events if m.trigger.text.lower().startswith(trigger.split()[0]))
    assert security_operation(article, mention) is operation


def test_incidents_an_operation_against_the_suspect_is_not_the_main_incident():
    from claimwatch.extract.incidents import build_incidents

    text = ("The man suspected of driving a lorry into a Christmas market in Berlin on Monday was shot dead by police "
            "in Milan on Friday.")
    article = _hand_article(text, "2016-12-23", [("on Monday", "2016-12-19"), ("on Friday", "2016-12-23")],
                            [("Berlin", "DE"), ("Milan", "IT")])
    main = build_incidents(article)[0]
    assert (main.location.city, main.date.value) == ("Berlin", "2016-12-19")


@pytest.mark.parametrize("phrase,anchor,expected", [
    ("on Easter Sunday", dt.date(2019, 4, 22), "2019-04-21"),
    ("Good Friday", dt.date(2019, 4, 22), "2019-04-19"),
    ("Easter Monday", dt.date(2016, 3, 29), "2016-03-28"),
    ("Palm Sunday", dt.date(2017, 4, 10), "2017-04-09"),
    ("Easter Sunday", dt.date(2019, 1, 10), "2018-04-01"),  # the last one before the anchor
])
def test_dates_easter_feasts(phrase, anchor, expected):
    from claimwatch.extract.dates import resolve

    assert resolve(phrase, anchor)[0] == expected


@pytest.mark.parametrize("sentence,phrase,dates_event", [
    ("The government said a local group carried out the Easter Sunday suicide bombings.", "Easter Sunday", True),
    ("Police said Monday's attack killed eight.", "Monday", True),
    ("The group said on Monday the bombing was revenge.", "on Monday", False),
])
def test_statements_a_date_before_an_attack_noun_dates_the_attack(sentence, phrase, dates_event):
    from claimwatch.extract.statements import _dates_the_event
    from claimwatch.model import Span

    start = sentence.index(phrase)
    assert _dates_the_event(sentence, Span.of(sentence, 0, len(sentence)),
                            Span.of(sentence, start, start + len(phrase))) is dates_event


@pytest.mark.parametrize("sentence,phrase,bound", [
    # the attribution at the end of the sentence does not make the date the statement's
    ("A bomb killed 12 people in Kabul on Thursday, police said.", "on Thursday", False),
    ("Islamic State has claimed the van attack that killed 13 people on Thursday, and police said on Friday "
     "that the men belonged to a cell.", "on Thursday", False),
    ("Police on Thursday said that 12 people had died in the blast.", "on Thursday", True),
    ("Police said on Thursday that a bomb had killed 12 people.", "on Thursday", True),
])
def test_incidents_a_date_before_the_sentences_attribution_is_the_events(sentence, phrase, bound):
    from claimwatch.extract.incidents import bound_to_statement

    assert bound_to_statement(*_dated(sentence, phrase, "2017-08-17", "2017-08-18")) is bound


@pytest.mark.parametrize("sentence", [
    "Islamic State has claimed the van attack that killed 13 people on Barcelona's Las Ramblas on Thursday.",
    "A group has claimed responsibility for the bombing of a St Petersburg metro train on Thursday.",  # tenth set
])
def test_statements_a_date_in_the_attacks_relative_clause_dates_the_attack(sentence):
    from claimwatch.extract.statements import _dates_the_event
    from claimwatch.model import Span

    start = sentence.index("on Thursday")
    assert _dates_the_event(sentence, Span.of(sentence, 0, len(sentence)), Span.of(sentence, start, start + 11))
