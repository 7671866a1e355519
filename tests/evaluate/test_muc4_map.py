"""The claimwatch record -> MUC-4 template mapping, on hand-built articles and incidents."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from claimwatch.evaluate import muc4_map
from claimwatch.evaluate.muc4_map import (
    ACCUSED, ACCUSED_BY_AUTHORITIES, CLAIMED, REPORTED, LocationFill, article_templates, date_range, effects,
    entities, location_fill, muc_type, our_types, perpetrator_mention, record_roles, tagged_roles,
)
from claimwatch.model import (
    Actor, Article, DateValue, Figure, Incident, Party, Perpetrator, Place, RoleSpan, Span, Statement, Weapon,
)

TEXT = (
    "urban guerrillas of the farabundo marti national liberation front (fmln) bombed the embassy "
    "with dynamite yesterday. the police said the fmln is responsible for the attack. "
    "in a separate incident armed men kidnapped jose perez and two peasants in usulutan."
)


def make_article(text: str = TEXT) -> Article:
    article = Article(id="d", text=text)
    article.sentences = [article.span(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    return article


def span(article: Article, phrase: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(phrase, start + 1)
    return article.span(start, start + len(phrase))


def incident(article: Article, trigger: str, **values) -> Incident:
    return Incident(role=values.pop("role", "main"), type=values.pop("type", "bombing"),
                    evidence=[span(article, trigger)], **values)


@pytest.mark.parametrize(
    "ours,theirs",
    [
        ("bombing", "bombing"),
        ("armed_assault", "attack"),
        ("assassination", "attack"),
        ("kidnapping", "kidnapping"),
        ("hostage_taking", "kidnapping"),
        ("arson", "arson"),
        ("facility_attack", "attack"),
        ("unarmed_assault", "attack"),
        ("other", "attack"),
        (None, "attack"),
    ],
)
def test_muc4_map_muc_type(ours, theirs):
    assert muc_type(ours) == theirs


@pytest.mark.parametrize(
    "theirs,ours",
    [
        ("attack", ("armed_assault", "assassination", "facility_attack", "unarmed_assault", "other")),
        ("kidnapping", ("kidnapping", "hostage_taking")),
        ("robbery", ()),
        ("forced work stoppage", ()),
    ],
)
def test_muc4_map_our_types(theirs, ours):
    assert our_types(theirs) == ours


@pytest.mark.parametrize(
    "mentions,expected",
    [
        (["fmln", "FMLN", "the fmln", "police"], [["fmln"], ["police"]]),
        (["", "..."], []),
    ],
)
def test_muc4_map_entities_distinct_single_mentions(mentions, expected):
    assert entities(mentions) == expected


@pytest.mark.parametrize(
    "kind,basis,role",
    [("organization", "claimed", "PerpOrg"), ("state_agency", "accused", "PerpOrg"), ("state", "accused", "PerpOrg"),
     ("group", "reported", "PerpInd"), ("individual", "reported", "PerpInd")],
)
def test_muc4_map_record_roles_perpetrator_kind(kind, basis, role):
    article = make_article()
    perpetrator = Perpetrator("fmln", kind, basis, span(article, "fmln", 1))
    roles = record_roles(article, incident(article, "bombed", perpetrators=[perpetrator]))
    assert roles[role] == ["fmln"]
    assert sum(len(v) for v in roles.values()) == 1


@pytest.mark.parametrize("named,expected", [(True, ["jose perez"]), (False, [])])
def test_muc4_map_record_roles_victims_named_only(named, expected):
    article = make_article()
    victim = Party("jose perez", span(article, "jose perez"), named=named)
    assert record_roles(article, incident(article, "kidnapped", victims=[victim]))["Victim"] == expected


@pytest.mark.parametrize("role", ["Target", "Weapon"])
def test_muc4_map_record_roles_targets_and_weapons(role):
    article = make_article()
    value = incident(article, "bombed", targets=[Party("embassy", span(article, "embassy"))],
                     weapons=[Weapon("explosives", "dynamite", span(article, "dynamite"))])
    assert record_roles(article, value)[role] == {"Target": ["embassy"], "Weapon": ["dynamite"]}[role]


@pytest.mark.parametrize(
    "name,actor_id,actors,expected",
    [
        # the canonical name is not in the text: the actor mention inside the evidence gives the surface
        ("Farabundo Martí National Liberation Front", "fmln",
         [("Farabundo Martí National Liberation Front", "fmln", "fmln", 1)], "fmln"),
        # no actor: the name where it stands in the evidence
        ("FMLN", None, [], "fmln"),
        # nowhere in the text: the name as given
        ("Shining Path", None, [], "Shining Path"),
    ],
)
def test_muc4_map_perpetrator_mention(name, actor_id, actors, expected):
    article = make_article()
    article.actors = [Actor(n, span(article, phrase, nth), actor_id=i) for n, i, phrase, nth in actors]
    evidence = span(article, "the police said the fmln is responsible")
    assert perpetrator_mention(article, Perpetrator(name, "organization", "accused", evidence, actor_id)) == expected


def test_muc4_map_tagged_roles_join_nearest_incident():
    article = make_article()
    article.incidents = [incident(article, "bombed"), incident(article, "kidnapped", type="kidnapping")]
    article.roles = [RoleSpan("Target", span(article, "embassy"), 0.9),
                     RoleSpan("PerpInd", span(article, "armed men"), 0.8),
                     RoleSpan("Victim", span(article, "jose perez"), 0.7)]
    tagged = tagged_roles(article)
    assert [tagged[0]["Target"], tagged[0]["PerpInd"], tagged[1]["PerpInd"], tagged[1]["Victim"]] == [
        ["embassy"], [], ["armed men"], ["jose perez"]]


@pytest.mark.parametrize(
    "value,precision,expected",
    [
        ("1990-01-02", "day", (dt.date(1990, 1, 2), dt.date(1990, 1, 2))),
        ("1990-01-02", None, (dt.date(1990, 1, 2), dt.date(1990, 1, 2))),
        ("1990-01-01", "week", (dt.date(1990, 1, 1), dt.date(1990, 1, 7))),
        ("1990-02-01", "month", (dt.date(1990, 2, 1), dt.date(1990, 2, 28))),
        ("1989-01-01", "year", (dt.date(1989, 1, 1), dt.date(1989, 12, 31))),
        (None, None, None),
    ],
)
def test_muc4_map_date_range(value, precision, expected):
    date = DateValue("x", Span(0, 1, "x"), value=value, precision=precision)
    assert date_range(date) == expected


@pytest.mark.parametrize(
    "place,expected",
    [
        (Place("usulutan", Span(0, 8, "usulutan"), city="Usulutan", region="Usulutan", country="El Salvador",
               country_code="SV", precision="city"), LocationFill("SV", "El Salvador", ("Usulutan", "usulutan"))),
        (Place("morazan", Span(0, 7, "morazan"), region="Morazan", country="El Salvador", country_code="SV",
               precision="region"), LocationFill("SV", "El Salvador", ("Morazan", "morazan"))),
        (Place("peru", Span(0, 4, "peru"), country="Peru", country_code="PE", precision="country"),
         LocationFill("PE", "Peru", ())),
        (Place("somewhere", Span(0, 9, "somewhere")), None),
        (None, None),
    ],
)
def test_muc4_map_location_fill(place, expected):
    assert location_fill(place) == expected


def figure(kind: str, value: int | None, low: int | None = None) -> Figure:
    return Figure(kind, Span(0, 1, "x"), value=value, low=low)


@pytest.mark.parametrize(
    "killed,wounded,expected",
    [
        (figure("killed", 3), None, {"DEATH"}),
        (figure("killed", 3), figure("wounded", 5), {"DEATH", "INJURY"}),
        (None, figure("wounded", 0), {"NO INJURY"}),
        (figure("killed", 0), figure("wounded", 0), {"NO INJURY OR DEATH"}),
        (figure("killed", 0), figure("wounded", 2), {"NO DEATH", "INJURY"}),
        (figure("killed", None, low=24), None, {"DEATH"}),
        (None, None, set()),
    ],
)
def test_muc4_map_effects(killed, wounded, expected):
    value = Incident(role="main", type="bombing", evidence=[], killed=killed, wounded=wounded,
                     kidnapped=figure("kidnapped", 2))
    assert effects(value) == frozenset(expected)


@pytest.mark.parametrize(
    "basis,accuser,expected",
    [
        ("claimed", None, CLAIMED),
        ("reported", None, REPORTED),
        ("accused", "police", ACCUSED_BY_AUTHORITIES),
        ("suspected", "police", ACCUSED_BY_AUTHORITIES),
        ("accused", "the archbishop", ACCUSED),
        ("suspected", None, ACCUSED),
    ],
)
def test_muc4_map_confidence_label(basis, accuser, expected):
    article = make_article()
    evidence = span(article, "the police said the fmln is responsible")
    statements = [Statement("accusation", accuser, evidence, against=["fmln"])] if accuser else []
    value = incident(article, "bombed", statements=statements,
                     perpetrators=[Perpetrator("fmln", "organization", basis, evidence)])
    assert muc4_map.confidence_label(article, value, value.perpetrators[0]) == expected


def test_muc4_map_article_templates_json():
    article = make_article()
    evidence = span(article, "the police said the fmln is responsible")
    article.incidents = [incident(
        article, "bombed",
        perpetrators=[Perpetrator("fmln", "organization", "accused", evidence)],
        statements=[Statement("accusation", "police", evidence, against=["fmln"])],
        weapons=[Weapon("explosives", "dynamite", span(article, "dynamite"))],
        killed=figure("killed", 2),
    )]
    article.roles = [RoleSpan("PerpInd", span(article, "urban guerrillas"), 0.9),
                     RoleSpan("PerpOrg", span(article, "farabundo marti national liberation front"), 0.9),
                     RoleSpan("PerpOrg", span(article, "fmln"), 0.9)]
    [template] = article_templates(article)
    assert template.to_json() == {
        "incident_type": "bombing",
        "PerpInd": [["urban guerrillas"]],
        "PerpOrg": [["fmln", "farabundo marti national liberation front"]],
        "Target": [], "Victim": [], "Weapon": [["dynamite"]],
    }
    assert template.confidence == [("fmln", ACCUSED_BY_AUTHORITIES),
                                   ("farabundo marti national liberation front", REPORTED)]
    assert template.effects == frozenset({"DEATH"})


def test_muc4_map_article_without_incident_gives_no_template():
    article = make_article()
    article.roles = [RoleSpan("PerpInd", span(article, "urban guerrillas"), 0.9)]
    assert article_templates(article) == []


@pytest.mark.parametrize(
    "mention,expected",
    [
        ("dynamite", True), ("car bomb", True), ("truck-bomb", True), ("explosives", True), ("m-16", True),
        ("rocket launchers", True), ("molotov cocktails", True), ("Bomb", True),
        ("explosion", False), ("exploded", False), ("bombing", False), ("bombed", False), ("blew up", False),
        ("shooting", False), ("opened fire", False), ("machinegun fire", False), ("gunmen", False),
        ("fired at", False), ("set a whole neighborhood on fire", False), ("beaten to death", False),
    ],
)
def test_muc4_map_names_instrument(mention, expected):
    assert muc4_map.names_instrument(mention) is expected


@pytest.mark.parametrize("phrase,kept", [("dynamite", ["dynamite"]), ("bombed", [])])
def test_muc4_map_record_roles_weapon_acts_left_out(phrase, kept):
    article = make_article()
    value = incident(article, "bombed", weapons=[Weapon("explosives", phrase, span(article, phrase))])
    assert record_roles(article, value)["Weapon"] == kept


@pytest.mark.parametrize("mentions,expected", [
    (["fmln", "farabundo marti national liberation front"], [["fmln", "farabundo marti national liberation front"]]),
    # the registry knows the Spanish acronym
    (["manuel rodriguez patriotic front", "fpmr"], [["manuel rodriguez patriotic front", "fpmr"]]),
    (["people's liberation army", "pla"], [["people's liberation army", "pla"]]),
    (["fmln", "eln"], [["fmln"], ["eln"]]),
    (["medellin cartel", "cali cartel"], [["medellin cartel"], ["cali cartel"]]),
])
def test_muc4_map_organisation_names_join_one_entity(mentions, expected):
    assert entities(mentions, "PerpOrg") == expected


def test_muc4_map_other_roles_keep_one_entity_per_mention():
    assert entities(["fmln", "farabundo marti national liberation front"], "Target") == \
        [["fmln"], ["farabundo marti national liberation front"]]


def test_muc4_map_an_undated_incident_is_on_or_before_the_header_date():
    import datetime as dt

    from claimwatch.evaluate.muc4_map import HEADER_DEFAULT_DAYS, header_default
    from claimwatch.model import Article

    article = Article(id="m", text="x", published=dt.date(1990, 1, 3))
    assert header_default(article) == (dt.date(1990, 1, 3) - dt.timedelta(days=HEADER_DEFAULT_DAYS), dt.date(1990, 1, 3))
    assert header_default(Article(id="m", text="x")) is None


@pytest.mark.parametrize("text,expected", [
    ("the priests were murdered at dawn.", {"DEATH"}),
    ("the mayor was wounded by gunmen.", {"INJURY"}),
    ("an assassination attempt against the minister failed.", set()),
    ("the bomb damaged the bank.", set()),
])
def test_muc4_map_effects_from_triggers_without_figures(text, expected):
    from claimwatch.model import Span

    trigger = next(word for word in ("murdered", "wounded", "assassination", "damaged") if word in text)
    start = text.index(trigger)
    value = Incident(role="main", type="armed_assault", evidence=[Span.of(text, start, start + len(trigger))])
    assert effects(value, text) == frozenset(expected)


@pytest.mark.parametrize("text,mention,expected", [
    ("the extraditables today claimed responsibility for the murder.", "extraditables", "CLAIMED OR ADMITTED"),
    ("the movement (mrta) today claimed responsibility for the kidnapping.", "mrta", "CLAIMED OR ADMITTED"),
    ("president cristiani accused the fmln of the crime.", "fmln", "SUSPECTED OR ACCUSED BY AUTHORITIES"),
    ("a priest blamed the death squads for the killing.", "death squads", "SUSPECTED OR ACCUSED"),
    ("the attacks could have been carried out by the shining path.", "shining path", "POSSIBLE"),
    ("the fmln attacked a barracks in the north.", "fmln", "REPORTED AS FACT"),
])
def test_muc4_map_confidence_from_the_words_around_an_organisation(text, mention, expected):
    from claimwatch.evaluate.muc4_map import _context_label

    assert _context_label(text, mention) == expected


def test_muc4_map_an_unplaced_incident_is_in_the_country_the_message_was_filed_from():
    from claimwatch.evaluate.muc4_map import LocationFill, header_country, incident_template
    from claimwatch.model import Article, Incident

    article = Article(id="m", text="x", country_hint="sv")
    assert header_country(article) == LocationFill("SV", "El Salvador", ())
    assert header_country(Article(id="m", text="x")) is None
    template = incident_template(article, Incident(role="main", type="bombing", evidence=[]), {})
    assert template.location == LocationFill("SV", "El Salvador", ())
