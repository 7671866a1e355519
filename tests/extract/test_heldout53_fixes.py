"""Rules that the fifty-third to fifty-fifth held-out sets' blind runs called for: an earlier incident told
after "two days after" with no article before its noun. Written for these tests."""

import pytest

from shared_data import main_incident


@pytest.mark.slow
def test_an_earlier_attack_after_days_after_without_an_article(extracted):
    text = ("MAKHACHKALA, Russia, March 31 (Wire) — Two suicide bombers struck in the Dagestani town of Kizlyar on "
            "Wednesday morning, killing 12 people, two days after women bombers attacked the Moscow metro, "
            "officials said.")
    article = extracted(text, "2010-03-31")
    assert main_incident(article).location.city == "Kizlyar"
    assert [(i.role, i.date.value) for i in article.incidents if i.location and i.location.city == "Moscow"] == [
        ("background", "2010-03-29")]
