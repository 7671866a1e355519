"""Rules that the twelfth held-out set's blind run called for: a date that opens its clause dates the
clause's verb, "in an attack claimed by" belongs to the trigger before it, "last Tuesday" written on
a Wednesday, superlative comparisons, statements on a channel, "at X in northern Y", and an
anaphoric "the raid" after an incident dated weeks back. All texts are written for these tests."""
import datetime as dt

import pytest

from claimwatch.extract.dates import resolve


def _extract(text, published, title=None):
    from claimwatch.extract.pipeline import get_pipeline
    from claimwatch.model import Article

    article = Article(id="t", text=text, title=title, published=dt.date.fromisoformat(published))
    return get_pipeline("default")(article)


def _summary(article):
    return [(i.role, i.date.value if i.date else None, i.location.name if i.location else None,
             i.killed.value if i.killed else None, sorted(p.name for p in i.perpetrators if p.basis == "claimed"))
            for i in article.incidents]


RECOUNTING = (
    "JERUSALEM, May 11 (Wire) - A gunman shot dead three people in the town of Ramla on Tuesday evening "
    "before police killed him, officials said.\n\n"
    "Police said the gunman had worked in the town for a year.\n\n"
    "On Saturday, two gunmen from the northern village of Kafr Qara killed a guard in Afula in an attack "
    "claimed by the Islamic State, and last Tuesday a man killed two people in a stabbing in Eilat."
)


def test_incidents_a_date_that_opens_its_clause_makes_a_recounted_incident():
    article = _extract(RECOUNTING, "2022-05-11")
    main, *background = _summary(article)
    assert main[:2] == ("main", "2022-05-10") and main[4] == []  # the claim is the recounted attack's
    assert ("background", "2022-05-07", "Afula") in [b[:3] for b in background]
    assert ("background", "2022-05-03", "Eilat") in [b[:3] for b in background]


def test_incidents_a_date_before_a_reporting_verb_does_not_open_the_clause():
    text = ("KABUL, May 11 (Wire) - A bomb killed nine people at a market on Tuesday, officials said.\n\n"
            "On Sunday, police said the bombers had been trained abroad.")
    main = _summary(_extract(text, "2022-05-11"))[0]
    assert main[:2] == ("main", "2022-05-10")


@pytest.mark.parametrize("phrase,anchor,expected", [
    ("last Tuesday", dt.date(2022, 3, 30), "2022-03-22"),  # written on a Wednesday: not yesterday
    ("last Tuesday", dt.date(2022, 3, 31), "2022-03-29"),  # on a Thursday: two days back
    ("on Tuesday", dt.date(2022, 3, 30), "2022-03-29"),
    ("past Tuesday", dt.date(2022, 3, 30), "2022-03-29"),
])
def test_dates_last_weekday_written_the_next_day_is_the_week_before(phrase, anchor, expected):
    assert resolve(phrase, anchor)[0] == expected


def test_incidents_a_superlative_comparison_dates_nothing_but_the_compared_incident_keeps_its_date():
    text = ("NIAMEY, Jan 3 (Wire) - Gunmen killed about 70 villagers in two raids on Saturday, the deadliest "
            "attack since the insurgency spread into the region five years ago, the government said.\n\n"
            "The raids were the deadliest since gunmen stormed an army camp at Chinagodrar last January, "
            "killing 89 soldiers.")
    main, *background = _summary(_extract(text, "2021-01-03"))
    assert main[0] == "main" and main[1] == "2021-01-02" and main[3] == 70
    assert any(b[3] == 89 for b in background)


def test_incidents_a_statement_on_a_channel_dates_the_statement():
    text = ("NAIROBI, Oct 25 (Wire) - The group said it was behind the bomb that killed a cook at a bar in "
            "Kampala, in a statement on one of its Telegram channels late on Sunday.\n\n"
            "Saturday night's explosion wounded three other people.")
    main = _summary(_extract(text, "2021-10-25"))[0]
    assert main[1] == "2021-10-23"


def test_places_a_locality_at_a_name_inside_a_known_region(nlp_article):
    from claimwatch.extract.places import find_places

    text = "The group denied any part in the massacre at Tandiga in northern Burkina Faso."
    places = {p.name: p.country_code for p in find_places(nlp_article(text, "2021-06-09"))}
    assert places.get("Tandiga") == "BF"


def test_incidents_the_raid_after_an_incident_dated_weeks_back_refers_to_it():
    text = ("PARIS, Sept 17 (Wire) - The Islamic State has claimed the killing of four foreign engineers at a "
            "quarry in Niger last month.\n\n"
            "The group called it a raid near the town of Tillia on Aug. 9. It also mocked the raid as a "
            "failure of French security.")
    main = _summary(_extract(text, "2020-09-17",
                             title="Islamic State claims August killing of engineers in Niger"))[0]
    assert main[0] == "main" and main[1] == "2020-08-09"


@pytest.mark.parametrize("before,origin", [
    ("two gunmen from the northern village of ", True),
    ("two gunmen from the Arab town of ", True),
    ("two gunmen from ", True),
    ("killed two guards in the town of ", False),
])
def test_incidents_where_attackers_came_from_is_no_scene(before, origin):
    from claimwatch.extract.incidents import ORIGIN_BEFORE

    assert bool(ORIGIN_BEFORE.search(before[-40:])) is origin
