"""Rules that the seventh held-out set's blind run called for: police raids as operations, a hijacked
lorry as no hostage-taking, "ran down people", "last month's bombing" as a possible main incident,
and an incident's types. (Where someone was caught or came from: in test_heldout5_fixes.)"""
import datetime as dt

import pytest

from claimwatch.extract.events import TRIGGER
from tests.extract.test_heldout_fixes import _hand_article


@pytest.mark.parametrize("text,expected", [
    ("A man drove a hijacked beer lorry down the street.", []),  # the lorry was stolen: no hostages
    ("Gunmen hijacked a bus carrying 30 passengers.", ["armed_assault", "hostage_taking"]),  # "Gunmen", "hijacked"
    ("The lorry ran down people along several hundred metres of the street.", ["armed_assault"]),
])
def test_events_hijacked_vehicles_and_running_down(article_from, text, expected):
    from claimwatch.extract.events import find_events
    from claimwatch.model import Span

    article = article_from(text, "2017-04-07")
    article.sentences = [Span.of(text, 0, len(text))]
    assert [m.type for m in find_events(article) if not m.negated] == expected
    assert TRIGGER.search("hijacked") is not None  # the trigger itself is unchanged


@pytest.mark.parametrize("text,trigger,operation", [
    ("Armed officers raided a block of flats in west London on Friday.", "raided", True),
    ("Police commandos stormed an apartment in Saint-Denis.", "stormed", True),
    ("Gunmen stormed the hotel and took guests hostage.", "stormed", False),
])
def test_incidents_a_raid_by_the_forces_is_an_operation(text, trigger, operation):
    from claimwatch.extract.incidents import security_operation

    article = _hand_article(text, "2005-07-29")
    mention = next(m for m in article.events if m.trigger.text == trigger)
    assert security_operation(article, mention) is operation


@pytest.mark.parametrize("published,far", [("2011-02-08", False), ("2011-03-20", True)])
def test_incidents_last_months_attack_may_be_the_reports_own(published, far):
    from claimwatch.extract.incidents import _far_from
    from claimwatch.model import DateValue, Span

    date = DateValue("last month", Span(0, 10, "last month"), "2011-01-01", "month")
    assert _far_from(date, None, dt.date.fromisoformat(published)) is far
    # beside a main incident dated to the day, another month is still another incident
    main = DateValue("on Monday", Span(0, 9, "on Monday"), "2011-02-07", "day")
    assert _far_from(date, main, dt.date.fromisoformat(published))


def test_incidents_an_incident_keeps_every_type_its_triggers_name():
    from claimwatch.extract.incidents import build_incidents

    text = "Gunmen stormed the mall and took dozens of shoppers hostage on Saturday."
    article = _hand_article(text, "2013-09-22", [("on Saturday", "2013-09-21")])
    (main,) = build_incidents(article)
    assert set(main.types) == {"armed_assault", "hostage_taking"} and main.type in main.types
