"""Where a report filed in one town tells of an attack in another: wire copy's "here" names the dateline
only when it follows the attack closely ("shot dead 38 people at a beach hotel near here"), not when
the town is where families bury the dead, where suspects were arrested, or where the scene lies "250 km
north-east of here"; "masterminds in Afghanistan" is where those behind an attack were, and a capital
that "should look inwards" is a government. All texts are written for these tests."""
import pytest

from shared_data import main_incident


def _city(extracted, text, published="2022-06-11"):
    main = main_incident(extracted(text, published))
    return main.location.city if main.location else None, main.location.country_code if main.location else None


@pytest.mark.slow
def test_here_after_the_attack_is_the_dateline(extracted):
    text = ("SOUSSE, Tunisia, June 27 (Wire) — A gunman shot dead 38 tourists at a beach hotel near here on "
            "Friday before police killed him, officials said.")
    assert _city(extracted, text, "2015-06-27")[0] == "Sousse"


@pytest.mark.slow
@pytest.mark.parametrize("text, city", [
    # the dateline town is where the dead are buried
    ("DORI, Burkina Faso, Jun 11 (Wire) — Families in this northern town were preparing on Saturday to bury "
     "gendarmes killed when gunmen stormed their post in Djibo on Thursday, security sources said.", "Djibo"),
    # the scene is a distance from here
    ("MONTREAL, Jan 30 (Wire) — A gunman opened fire at evening prayers in a mosque in Quebec City, some "
     "250 km north-east of here, killing six worshippers, police said.", "Quebec"),
    # the dateline town is where suspects were held
    ("EVREUX, France, Oct 17 (Wire) — Police held nine people overnight in this Normandy town after a "
     "teacher was stabbed to death outside his school in Conflans-Sainte-Honorine on Friday, prosecutors said.",
     "Conflans-Sainte-Honorine"),
])
def test_here_elsewhere_is_not_the_scene(extracted, text, city):
    assert (_city(extracted, text)[0] or "").startswith(city)


@pytest.mark.slow
def test_masterminds_abroad_are_not_the_scene(extracted):
    text = ("QUETTA, Pakistan, March 12 (Wire) — Separatist gunmen who hijacked a passenger train in the Bolan "
            "Pass on Tuesday killed 21 passengers before troops ended the siege, the army said on Wednesday.\n\n"
            "The army spokesman said the attackers had been in touch with their masterminds in Afghanistan "
            "throughout the siege.")
    assert _city(extracted, text, "2025-03-12")[1] == "PK"


@pytest.mark.slow
def test_a_capital_that_should_look_inwards_is_its_government(extracted):
    text = ("NEW DELHI, March 14 (Wire) — India on Friday rejected as baseless Pakistan's suggestion that it "
            "was behind this week's hijacking of a train in Balochistan, in which 26 people were killed, saying "
            "Islamabad should look inwards at its own failures.")
    assert _city(extracted, text, "2025-03-14")[0] != "Islamabad"
