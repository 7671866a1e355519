"""Rules that the fiftieth to fifty-second held-out sets' blind runs called for: ages set off by
commas, killings recalled as the cause of a reprisal, a town read in the wrong country, the country an
attack was aimed at, a comparison's "since ... two years ago", "a day after" and ", after", a toll
that "rose overnight", and a commander "failing to prevent" a bombing. All texts are written for these
tests."""

import pytest

from claimwatch.extract.events import find_events
from claimwatch.extract.figures import TOLL_RISE_RE
from shared_data import main_incident


def test_a_toll_that_rose_overnight():
    match = TOLL_RISE_RE.search("The toll from that attack rose overnight to five, the prosecutor said.")
    assert match is not None and match.group().endswith("to ")


def test_failing_to_prevent_an_attack_is_no_negation(nlp_article):
    article = nlp_article("The general apologised for failing to prevent Monday's motorcycle bomb at the market.")
    assert [(m.trigger.text, m.negated) for m in find_events(article)] == [("motorcycle bomb", False)]


@pytest.mark.slow
def test_an_age_between_commas_is_no_toll(extracted):
    text = ("ALEXANDRIA, May 5 (Wire) — A bomb under the car of a judge exploded on Tuesday morning. "
            "Mansour, 58, died of his wounds in hospital, and four guards were hurt.")
    main = main_incident(extracted(text, "2015-05-05"))
    assert main.killed is None or main.killed.value != 58


@pytest.mark.slow
def test_killings_recalled_as_the_cause_are_not_the_toll(extracted):
    text = ("BANGKOK, Feb 4 (Wire) — Gunmen killed two teachers at a school in Narathiwat on Sunday, police said. "
            "Some analysts said the attack may have been retaliation for the killings of five villagers in "
            "recent months.")
    assert main_incident(extracted(text, "2019-02-04")).killed.value == 2


@pytest.mark.slow
def test_a_town_south_of_a_namesake_in_a_named_region(extracted):
    text = ("EL-ARISH, Egypt, Jul 7 (Wire) — Militants attacked an army checkpoint south of Rafah in North Sinai "
            "on Friday, killing at least ten soldiers, security sources said.")
    assert main_incident(extracted(text, "2017-07-07")).location.country_code == "EG"


@pytest.mark.slow
def test_the_country_an_attack_was_aimed_at_is_not_the_scene(extracted):
    text = ("ROME, Jul 13 (Wire) — The foreign minister flew to Cairo on Monday, two days after a car bomb "
            "wrecked a consulate there, and said the attack had been aimed at Italy for its part in the fight "
            "against terrorism.")
    assert main_incident(extracted(text, "2015-07-13")).location.country_code == "EG"


@pytest.mark.slow
def test_the_comparisons_since_does_not_date_the_attack(extracted):
    text = ("CAIRO, Jul 11 (Wire) — A car bomb tore through the front of a consulate in central Cairo early on "
            "Saturday, killing a passer-by in the first big attack on a foreign mission in the capital since "
            "militants turned their guns on the state two years ago.")
    assert main_incident(extracted(text, "2015-07-11")).date.value == "2015-07-11"


@pytest.mark.slow
@pytest.mark.parametrize("text, value", [
    ("CAIRO, Jun 30 (Wire) — The president walked behind the coffin of the prosecutor at a funeral on Tuesday, "
     "a day after the prosecutor was killed by a car bomb in Heliopolis.", "2015-06-29"),
    ("CAIRO, Jun 30 (Wire) — Parents gathered at the school gate on Tuesday, after gunmen who had stormed "
     "a boarding school freed the last of the pupils. The school was attacked on Monday night.", "2015-06-29"),
])
def test_a_day_after_and_a_clause_after_after(extracted, text, value):
    assert main_incident(extracted(text, "2015-06-30")).date.value == value
