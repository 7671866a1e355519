"""Rules the sixteenth session added after reading MUC-4 dev's extra-slot misses: a report that says nobody
was hurt in other words ("no casualties were reported", "heavy damage but no fatalities"), and a lead that
dates the news it leads with when no trigger's own clause dates it. Written for these tests."""

import pytest

from claimwatch.extract.incidents import build_incidents
from tests.extract.test_incidents import annotate


@pytest.mark.parametrize("text,expected", [
    ("A bomb went off near a power pylon, but no casualties were reported.", [("killed", 0), ("wounded", 0)]),
    ("No casualties have been reported from the blast at the pylon.", [("killed", 0), ("wounded", 0)]),
    ("The explosives caused heavy damage but no fatalities, radio reports said.", [("killed", 0)]),
    ("Seven of the bombs went off, causing damage, but there were no victims.", [("killed", 0), ("wounded", 0)]),
    ("The device exploded at the gate without causing any casualties.", [("killed", 0), ("wounded", 0)]),
    ("There were no injuries among the guards.", [("wounded", 0)]),
    # not a statement that nobody was hurt
    ("The army said its soldiers had suffered casualties in the clash.", []),
    ("Rescuers said there were no signs of life under the rubble.", []),
])
def test_figures_no_casualties_is_nobody_killed_or_hurt(nlp_article, text, expected):
    from claimwatch.extract.figures import find_figures

    assert [(f.kind, f.value) for f in find_figures(nlp_article(text, "1989-08-27"))] == expected


def _undated_lead(lead: str):
    text = lead + " The attackers fled in a car after the attacks on the banks."
    return annotate(text, published="1989-08-27", dates=[("Today", "1989-08-27")],
                    places=[("Medellin", "CO", "city")])


def test_incidents_a_violent_lead_dates_its_undated_main_incident():
    article = _undated_lead("Today, Medellin once again lived through a terrorist escalation when seven "
                            "bank branches were shaken by explosives.")
    (main,) = build_incidents(article)
    assert (main.date.value, main.date.phrase) == ("1989-08-27", "Today")


def test_incidents_a_lead_without_violence_does_not_date_the_incident():
    article = _undated_lead("Today, Medellin's bankers met the mayor to talk about the city's economy.")
    (main,) = build_incidents(article)
    assert main.date is None
