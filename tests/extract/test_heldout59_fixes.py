"""Rules that the fifty-ninth to sixty-first held-out sets' blind runs called for: who a speaker names as
the attackers ("said the attack had been carried out by remnants of X", "said X had set off the bomb",
"X ambushed a patrol ..., police said"), never a state's own forces. Written for these tests."""

import pytest


@pytest.mark.parametrize("text,accused", [
    ("The army spokesman said in a statement that the bombing had been carried out by remnants of Boko Haram "
     "who had fled the forest.", ["Boko Haram"]),
    ("Police said Tamil Tiger rebels had set off the bomb on the crowded bus near the town.",
     ["Liberation Tigers of Tamil Eelam"]),
    ("Hundreds of Maoist rebels ambushed paramilitary troopers guarding a road site on Monday, killing 24 of them, "
     "officials said.", ["Communist Party of India (Maoist)"]),
    # a state's own forces: an operation, not an accusation
    ("Troops ambushed a rebel column near the border on Monday, killing 12 fighters, the army said.", []),
    # "carried out" needs an attack for its object
    ("The ministry said the army had carried out security checks across the province after the bombing.", []),
    # "a Uighur" describes the bomber; it names no party
    ("The group said the bombing had been carried out by a Uighur from the region.", []),
])
def test_statements_a_speaker_names_who_did_it(extracted, text, accused):
    article = extracted(text, "2017-04-24")
    assert [name for s in article.statements if s.kind == "accusation" for name in s.against] == accused
