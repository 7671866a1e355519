"""Rules the seventeenth session added after reading the pooled held-out misses: tolls told with a long
description of the attack between the toll and its number, a toll the speaker "raised", and the wounded
counted as people "treated for wounds" or "known to have died". Written for these tests."""

import pytest


@pytest.mark.parametrize("text,expected", [
    # a long description between the toll and its rise verb
    ("The death toll from Sunday's twin bombings against police recruits in the Yemeni port city of "
     "al-Mukalla has risen to 47, officials said.", [("killed", 47)]),
    ("The number of people killed by the truck bomb that wrecked a busy shopping street in the centre of "
     "the capital at the weekend has risen to at least 213, the ministry said.", [("killed", 213)]),
    # the speaker raises the toll: the verb comes before it
    ("The ministry raised the number of wounded in the attack on the mosque in the village, a farming "
     "settlement near the coast, to 101.", [("wounded", 101)]),
    ("Police later revised the death toll to 12.", [("killed", 12)]),
    # the dead "known to have died", the wounded "treated for wounds"
    ("Officials said 45 people were now known to have died.", [("killed", 45)]),
    ("A doctor said some 30 people were being treated for wounds.", [("wounded", 30)]),
    ("Eleven soldiers were treated for minor injuries.", [("wounded", 11)]),
    # not tolls: a raise that is no count of victims, and a treatment that is no wound
    ("The government raised the reward for information to 5 million shillings.", []),
    ("Some 200 people were treated for shock.", []),
])
def test_figures_long_and_raised_tolls(nlp_article, text, expected):
    from claimwatch.extract.figures import find_figures

    assert [(f.kind, f.value) for f in find_figures(nlp_article(text, "2016-05-16"))] == expected


def test_figures_a_raised_toll_is_a_running_count(nlp_article):
    from claimwatch.extract.figures import find_figures

    (figure,) = find_figures(nlp_article("The ministry raised the death toll to 101 on Monday.", "2016-05-16"))
    assert figure.qualifier == "rose to"
