"""Rules that the fifth held-out set's blind run called for: "the previous day as ...", the date of a
response to an attack, the date of a televised address, places where people came from or where a
group is based, wire copy's "near here", datelines in the country vote, and capitals with big namesakes."""
import datetime as dt

import pytest

from tests.extract.test_heldout_fixes import _dated, _hand_article


@pytest.mark.parametrize("text,expected", [
    ("The man shot dead 38 people at a hotel the previous day as tourists watched.", ["2015-06-26"]),
    ("They met the previous day, police said.", ["2015-06-26"]),
    ("It was the previous day the minister spoke of.", []),  # "the previous day the minister": a noun phrase follows
])
def test_dates_the_previous_day_before_as(article_from, text, expected):
    from claimwatch.extract.dates import find_dates

    found = find_dates(article_from(text, "2015-06-27"))
    assert [d.value for d in found if d.evidence.text == "the previous day"] == expected


@pytest.mark.parametrize("text,published,dates,expected", [
    # the hunt is on Thursday; the shooting it is over was on Wednesday
    ("Police were hunting two brothers on Thursday over the shooting of 12 people at the paper. "
     "Wednesday's attack killed eight journalists.", "2015-01-08",
     [("on Thursday", "2015-01-08"), ("Wednesday", "2015-01-07")], "2015-01-07"),
    ("Police arrested three men on Friday in connection with the bombing of the market. "
     "The bomb went off on Tuesday.", "2016-03-05",
     [("on Friday", "2016-03-04"), ("on Tuesday", "2016-03-01")], "2016-03-01"),
    # no response between them: the date is the attack's own
    ("Gunmen stormed the hotel on Thursday and killed 12 people.", "2015-01-08",
     [("on Thursday", "2015-01-08")], "2015-01-08"),
])
def test_incidents_the_date_of_a_response_does_not_date_the_attack(text, published, dates, expected):
    from claimwatch.extract.incidents import build_incidents

    main = build_incidents(_hand_article(text, published, dates))[0]
    assert main.date is not None and main.date.value == expected


@pytest.mark.parametrize("sentence,phrase,bound", [
    ("The prime minister said in a televised address on Thursday that the group was based abroad.", "on Thursday", True),
    ("The group said in a statement on Sunday that its fighters had done it.", "on Sunday", True),
    ("Gunmen attacked the hotel on Thursday, killing six.", "on Thursday", False),
])
def test_incidents_the_date_of_an_address_is_the_message(sentence, phrase, bound):
    from claimwatch.extract.incidents import bound_to_statement

    assert bound_to_statement(*_dated(sentence, phrase, "2008-11-27", "2008-11-28")) is bound


@pytest.mark.parametrize("rule,text,name,expected", [
    # where people or orders came from
    ("_origin", "The gunmen had been guided by telephone from Afghanistan.", "Afghanistan", True),
    ("_origin", "Tour operators flew holidaymakers home from the nearby Enfidha airport.", "Enfidha", True),
    ("_origin", "The blast happened 40 km from Kabul.", "Kabul", False),
    ("_origin", "Gunmen attacked a school in Peshawar.", "Peshawar", False),
    # the seventh set: where someone was caught, or the village someone came from
    ("_origin", "Police detained a man in Marsta, north of the city.", "Marsta", True),
    ("_origin", "The bomber came from the village of Ali-Yurt in Ingushetia.", "Ali-Yurt", True),
    ("_origin", "A bomb exploded in Marsta on Friday.", "Marsta", False),
    # where a group is based
    ("_modifier", "A senior figure in the Yemen-based group spoke.", "Yemen", True),
    ("_modifier", "Gunmen attacked a hotel in Yemen.", "Yemen", False),
    # the eighth set: a headquarters is a building, and may be what was attacked; prosecutors are a seat
    ("_institution", "The assault on the brigade headquarters at Uri lasted hours.", "Uri", False),
    ("_institution", "The case went to prosecutors in Paris.", "Paris", True),
    # the ninth set: where a bus was going; a police school is a building, the police of a city a speaker
    ("_modifier", "Gunmen stopped a Nairobi-bound bus outside Mandera.", "Nairobi", True),
    ("_institution", "The bomb killed 21 people at the Bogota police cadet school.", "Bogota", False),
    ("_institution", "The Bogota police said 21 people died.", "Bogota", True),
    # the tenth set: where someone was born
    ("_origin", "Investigators said the bomber was born in Osh, Kyrgyzstan.", "Osh", True),
    ("_origin", "The brothers, both French citizens born in Paris, were armed.", "Paris", True),
    ("_origin", "A bomb exploded in a metro carriage in St Petersburg.", "St Petersburg", False),
])
def test_incidents_places_that_name_no_scene(rule, text, name, expected):
    from claimwatch.extract import incidents

    article = _hand_article(text, "2016-01-24", places=[(name, "XX")])
    assert getattr(incidents, rule)(article, article.places[0]) is expected


def test_incidents_near_here_is_the_dateline_city():
    from claimwatch.extract.incidents import build_incidents

    text = ("SOUSSE, June 27 (Wire) - The minister named the man who shot dead 38 people at a beach hotel near here. "
            "Holidaymakers flew out of London.")
    article = _hand_article(text, "2015-06-27", places=[("SOUSSE", "TN"), ("London", "GB")])
    article.dateline = article.span(0, text.index(" - "))
    assert build_incidents(article)[0].location.city == "SOUSSE"


def test_incidents_a_dateline_does_not_outvote_the_scene():
    from claimwatch.extract.incidents import main_country

    text = "DUBAI, Jan 14 (Wire) - The group said it directed last week's attack in which gunmen killed 12 people in Paris."
    article = _hand_article(text, "2015-01-14", places=[("DUBAI", "AE"), ("Paris", "FR")])
    article.dateline = article.span(0, text.index(" - "))
    main = next(m for m in article.events if m.trigger.text == "attack")
    assert main_country(article, main) == "FR"


@pytest.mark.parametrize("name,code", [("saint denis", None), ("paris", "FR"), ("kabul", "AF")])
def test_places_a_capital_with_a_big_namesake_signals_no_country(name, code):
    from claimwatch.extract.gazetteer import load_gazetteer
    from claimwatch.extract.places import _capital_signal

    assert _capital_signal(name, load_gazetteer()) == code


def _statements_of(text):
    from claimwatch.extract.pipeline import get_pipeline
    from claimwatch.model import Article

    article = get_pipeline("default")(Article(id="t", text=text, published=dt.date(2015, 1, 14)))
    return [(s.kind, s.by, list(s.against)) for s in article.statements if s.kind != "condemnation"]


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Gunmen killed 12 people. Al Qaeda in the Arabian Peninsula said on Wednesday that it had directed "
     "last Wednesday's attack.", [("claim", "al-Qaeda in the Arabian Peninsula", [])]),
    ("Gunmen killed 38 people. The Islamic State group, which said on Friday that the attack was the work of one of "
     "its fighters, named him.", [("claim", "Islamic State", [])]),
    ("Gunmen killed 101 people. A group calling itself the Deccan Mujahideen said in an email that it was responsible.",
     [("claim", "Deccan Mujahideen", [])]),
    ("Gunmen killed 132 children. A spokesman for the Pakistani Taliban, Muhammad Umar Khorasani, said the movement "
     "had sent six fighters into the school.", [("claim", "Tehrik-i-Taliban Pakistan", [])]),
    ("Gunmen killed 101 people. A spokesman for Lashkar-e-Taiba denied that the group had any hand in the attacks.",
     [("denial", "Lashkar-e-Taiba", [])]),
    ("Gunmen killed 101 people. Pakistan said its government had nothing to do with it.", [("denial", "Pakistan", [])]),
    ("Gunmen killed 12 people. Police named the wanted men as Said Kouachi and Cherif Kouachi.",
     [("accusation", "Police", ["Said Kouachi", "Cherif Kouachi"])]),
    # no claim: an inquiry is no attack, police sending officers are no fighters, a dead man named is a victim
    ("A bomb killed 12 people. The government said it had ordered an inquiry into the bombing.", []),
    ("A bomb killed 12 people. Police said they had sent more officers to the city.", []),
    ("A bomb killed 12 people. Police named the dead man as John Smith, a teacher.", []),
])
def test_statements_claims_denials_and_suspects_the_fifth_set_showed(text, expected):
    assert _statements_of(text) == expected
