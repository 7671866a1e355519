"""An incident's place is `anchored` where the report tells of the incident: the sentence that first
does, or a trigger's own locative phrase. A dateline, a witness's town or a later paragraph is not.
The resolver lets two reports of one day and one country meet whatever their places, unless both
are anchored (tests/resolve/test_features.py). Written for these tests."""

import pytest


def _main(extracted, text, published):
    return [i for i in extracted(text, published).incidents if i.role == "main"][0]


@pytest.mark.slow
@pytest.mark.parametrize("text,city,anchored", [
    # the lead names the scene, far from its trigger
    ("CAIRO, April 9 (Wire) — A bomb exploded among worshippers at a crowded church in the Nile Delta city of "
     "Tanta during the morning service on Sunday, killing at least 21 people, state television said.",
     "Tanta", True),
    # the lead names no place; the town comes from a witness in the last paragraph
    ("COTONOU, Benin, Jan 9 (Wire) — Gunmen killed 28 soldiers when they stormed an army position in the far "
     "north of the country on Wednesday afternoon, a senior officer said on Thursday.\n\n"
     "The post lies close to the spot where the borders of three countries meet.\n\n"
     "\"The helicopter came over twice before dark,\" said a shopkeeper in Kandi, the main town of the area.",
     "Kandi", False),
    # nothing but the dateline places it
    ("KABUL, Aug 26 (Wire) — A suicide bomber killed at least 13 people on Thursday, officials said.",
     "Kabul", False),
])
def test_incidents_place_is_anchored_where_the_report_tells_of_it(extracted, text, city, anchored):
    place = _main(extracted, text, "2024-01-09").location
    assert place is not None and place.city == city
    assert place.anchored is anchored
