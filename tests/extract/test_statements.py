"""Attribution statements: claims, accusations, denials, condemnations.

Most articles are built by hand (sentences, actor mentions, dates), so no model is loaded; the
reference article and the Wikinews quality gate run the whole spaCy + actors + statements chain.
"""
from __future__ import annotations

import importlib.util
import json
import re

import pytest

from claimwatch.extract.registry import REGISTRY_PATH, parse_registry
from claimwatch.extract.statements import StatementsComponent, find_statements
from claimwatch.model import Actor, DateValue

TINY = {
    "version": 1,
    "sources": {},
    "actors": [
        {"id": "islamic-state", "name": "Islamic State", "kind": "organization", "aliases": ["IS"], "parent": None},
        {"id": "taliban", "name": "Taliban", "kind": "organization", "aliases": [], "parent": None},
    ],
}


@pytest.fixture(scope="module")
def registry():
    return parse_registry(TINY)


@pytest.fixture
def build(article_from):
    """An article with sentences, actor mentions (surface, name, kind) and dates (phrase, ISO value) set by hand."""

    def make(text, parties=(), dates=()):
        article = article_from(text, "2024-01-04")
        article.sentences = [article.span(m.start(), m.end()) for m in re.finditer(r"\S.*?(?:[.!?](?=\s+[A-Z\"“]|\s*$)|$)", text)]
        article.actors = sorted(
            (
                Actor(name, article.span(m.start(), m.end()), kind=kind)
                for surface, name, kind in parties
                for m in re.finditer(r"(?<!\w)%s(?!\w)" % re.escape(surface), text)
            ),
            key=lambda actor: actor.evidence.start,
        )
        article.dates = [DateValue(phrase, article.span(text.index(phrase), text.index(phrase) + len(phrase)), value) for phrase, value in dates]
        return article

    return make


IS = ("Islamic State", "Islamic State", "organization")


def _claims(statements):
    return [(s.kind, s.by, s.channel, s.evidence.text) for s in statements]


@pytest.mark.parametrize(
    "text,parties,expected",
    [
        (
            "The Islamic State claimed responsibility for the attack in a statement on Telegram.",
            [IS],
            [("claim", "Islamic State", "Telegram", "claimed responsibility for the attack in a statement on Telegram")],
        ),
        (
            "Responsibility was claimed by the Pakistani Taliban.",
            [("Pakistani Taliban", "Tehrik-i-Taliban Pakistan", "organization")],
            [("claim", "Tehrik-i-Taliban Pakistan", None, "Responsibility was claimed by the Pakistani Taliban")],
        ),
        (
            "In a statement posted on Telegram, Islamic State said its fighters had attacked the church.",
            [IS],
            [("claim", "Islamic State", "Telegram", "said its fighters had attacked the church")],
        ),
        (
            "The Amaq news agency said the gunman was a soldier of the caliphate.",
            [],
            [("claim", "Islamic State", "Amaq", "Amaq news agency said the gunman was a soldier of the caliphate")],
        ),
        (
            "A caller claiming to speak for the ELN told a radio station it carried out the bombing.",
            [("ELN", "National Liberation Army", "organization")],
            [("claim", "National Liberation Army", "phone call", "A caller claiming to speak for the ELN")],
        ),
        (
            "The al-Shabab as well as another group, called Hizbul Islam, claimed responsibility in a statement.",
            [("al-Shabab", "al-Shabaab", "organization"), ("Hizbul Islam", "Hizbul Islam", "organization")],
            [("claim", "al-Shabaab", "statement", "claimed responsibility in a statement"),
             ("claim", "Hizbul Islam", "statement", "claimed responsibility in a statement")],
        ),
        (
            "Holy Jihad Brigades, a previously unknown group, claims responsibility for the kidnappings.",
            [],
            [("claim", "Holy Jihad Brigades", None, "claims responsibility for the kidnappings")],
        ),
        (
            "Hezbollah leader Hassan Nasrallah claimed responsibility for the ambush.",
            [("Hezbollah", "Hezbollah", "organization"), ("Hassan Nasrallah", "Hassan Nasrallah", "individual")],
            [("claim", "Hezbollah", None, "claimed responsibility for the ambush")],
        ),
        (
            "The Taliban claimed the attack, accusing the government of killing civilians.",
            [("Taliban", "Taliban", "organization"), ("government", "government", "state_agency")],
            [("claim", "Taliban", None, "claimed the attack")],
        ),
    ],
)
def test_statements_claims(build, registry, text, parties, expected):
    assert _claims(find_statements(build(text, parties), registry)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "No group has claimed responsibility for the attack.",
        "No person or group has yet claimed responsibility for the attack.",
        "The Islamic State has not claimed the attack.",
        "The Islamic State has yet to claim responsibility.",
    ],
)
def test_statements_negated_claims_are_dropped(build, registry, text):
    assert find_statements(build(text, [IS]), registry) == []


OFFICIALS = ("Iranian officials", "Iranian officials", "group")
US = ("United States", "United States", "state")
ISRAEL = ("Israel", "Israel", "state")


@pytest.mark.parametrize(
    "text,parties,expected",
    [
        (
            "Iranian officials have been insinuating or outright accusing the United States and Israel of organizing the bomb attacks.",
            [OFFICIALS, US, ISRAEL],
            ("Iranian officials", ["United States", "Israel"], True, "insinuating or outright accusing the United States and Israel"),
        ),
        (
            "Officials blamed the PKK for the attack.",
            [("Officials", "officials", "group"), ("PKK", "Kurdistan Workers' Party", "organization")],
            ("officials", ["Kurdistan Workers' Party"], False, "blamed the PKK"),
        ),
        (
            "The U.S. Ambassador Ryan Crocker spoke. He blamed the attacks on Al-Qaeda in Iraq.",
            [("Ryan Crocker", "Ryan Crocker", "individual"), ("Al-Qaeda in Iraq", "al-Qaeda in Iraq", "organization")],
            ("Ryan Crocker", ["al-Qaeda in Iraq"], False, "blamed the attacks on Al-Qaeda in Iraq"),
        ),
        (
            "Hamas was blamed for the attack.",
            [("Hamas", "Hamas", "organization")],
            (None, ["Hamas"], False, "Hamas was blamed"),
        ),
        (
            "Police pointed the finger at Boko Haram.",
            [("Police", "police", "state_agency"), ("Boko Haram", "Boko Haram", "organization")],
            ("police", ["Boko Haram"], False, "pointed the finger at Boko Haram"),
        ),
        (
            "Officials said the attackers were linked to al-Qaeda.",
            [("Officials", "officials", "group"), ("al-Qaeda", "al-Qaeda", "organization")],
            ("officials", ["al-Qaeda"], False, "were linked to al-Qaeda"),
        ),
        (
            "Police named the gunman as Patrick Crusius.",
            [("Police", "police", "state_agency"), ("Patrick Crusius", "Patrick Crusius", "individual")],
            ("police", ["Patrick Crusius"], False, "named the gunman as Patrick Crusius"),
        ),
        (
            "Ahmed Khan has been arrested in connection with the attack.",
            [("Ahmed Khan", "Ahmed Khan", "individual")],
            (None, ["Ahmed Khan"], False, "Ahmed Khan has been arrested"),
        ),
        (
            "Suspected Boko Haram militants killed 20 villagers.",
            [("Boko Haram", "Boko Haram", "organization")],
            (None, ["Boko Haram"], True, "Suspected Boko Haram"),
        ),
        (
            "The attack was believed to be the work of the Taliban.",
            [("Taliban", "Taliban", "organization")],
            (None, ["Taliban"], True, "the work of the Taliban"),
        ),
        (
            "The bombing bore the hallmarks of al-Shabaab.",
            [("al-Shabaab", "al-Shabaab", "organization")],
            (None, ["al-Shabaab"], True, "bore the hallmarks of al-Shabaab"),
        ),
        (
            "The attacker, Eden Natan-Zada, boarded the bus.",
            [],
            (None, ["Eden Natan-Zada"], False, "The attacker, Eden Natan-Zada"),
        ),
        (
            "Authorities have tentatively identified the shooter as Stephen Kazmierczak.",
            [("Authorities", "authorities", "group"), ("Stephen Kazmierczak", "Stephen Kazmierczak", "individual")],
            ("authorities", ["Stephen Kazmierczak"], True, "identified the shooter as Stephen Kazmierczak"),
        ),
        (
            "Pakistan held India responsible for the attack.",
            [("Pakistan", "Pakistan", "state"), ("India", "India", "state")],
            ("Pakistan", ["India"], False, "held India responsible"),
        ),
        (
            "Police said the suicide bomber was a member of Jaish-e-Mohammed.",
            [("Police", "police", "state_agency"), ("Jaish-e-Mohammed", "Jaish-e-Mohammed", "organization")],
            ("police", ["Jaish-e-Mohammed"], False, "was a member of Jaish-e-Mohammed"),
        ),
        (
            "The MQM accused its main political rival, the Awami National Party, of supporting the militants.",
            [("MQM", "MQM", "organization"), ("Awami National Party", "Awami National Party", "organization")],
            ("MQM", ["Awami National Party"], False, "accused its main political rival, the Awami National Party"),
        ),
    ],
)
def test_statements_accusations(build, registry, text, parties, expected):
    (statement,) = [s for s in find_statements(build(text, parties), registry) if s.kind == "accusation"]
    assert (statement.by, statement.against, statement.hedged, statement.evidence.text) == expected


@pytest.mark.parametrize(
    "text,parties,kinds",
    [
        (
            "President Ebrahim Raisi condemned the attack as the work of cruel criminals.",
            [("Ebrahim Raisi", "Ebrahim Raisi", "individual")],
            [("condemnation", "Ebrahim Raisi", [])],
        ),
        (
            "The BJP is accusing the United Progressive Alliance, which leads the government, of ignoring the threats.",
            [("BJP", "BJP", "organization"), ("United Progressive Alliance", "United Progressive Alliance", "organization")],
            [],
        ),
        (
            "The report accuses Israel of implementing a policy of annexation.",
            [ISRAEL],
            [],
        ),
        (
            "The Taliban condemned the Islamic State attack.",
            [("Taliban", "Taliban", "organization"), IS],
            [("condemnation", "Taliban", [])],
        ),
        ("The CIA declined to comment on the reports.", [("CIA", "Central Intelligence Agency", "state_agency")], []),
    ],
)
def test_statements_condemnations_and_non_accusations(build, registry, text, parties, kinds):
    assert [(s.kind, s.by, s.against) for s in find_statements(build(text, parties), registry)] == kinds


@pytest.mark.parametrize(
    "text,parties,expected",
    [
        (
            "The Taliban denied any involvement in the attack.",
            [("Taliban", "Taliban", "organization")],
            [("Taliban", "denied any involvement in the attack")],
        ),
        ("Hamas rejected the accusation.", [("Hamas", "Hamas", "organization")], [("Hamas", "rejected the accusation")]),
        (
            "The PKK said it had nothing to do with the bombing.",
            [("PKK", "Kurdistan Workers' Party", "organization")],
            [("Kurdistan Workers' Party", "said it had nothing to do with the bombing")],
        ),
        (
            "Israel and the United States denied involvement.",
            [ISRAEL, US],
            [("Israel", "denied involvement"), ("United States", "denied involvement")],
        ),
    ],
)
def test_statements_denials(build, registry, text, parties, expected):
    statements = find_statements(build(text, parties), registry)
    assert [(s.by, s.evidence.text) for s in statements if s.kind == "denial"] == expected


@pytest.mark.parametrize(
    "text,dates,expected",
    [
        (
            "On Thursday, the Islamic State issued a statement on Telegram saying two of its members activated their vests.",
            [("On Thursday", "2024-01-04")],
            ("Telegram", "Telegram", "2024-01-04", "On Thursday"),
        ),
        (
            "The Islamic State claimed responsibility on Monday for the attack on Sunday.",
            [("on Monday", "2024-01-01"), ("on Sunday", "2023-12-31")],
            (None, None, "2024-01-01", "on Monday"),
        ),
    ],
)
def test_statements_channel_and_date(build, registry, text, dates, expected):
    (statement,) = find_statements(build(text, [IS], dates), registry)
    channel_text = statement.channel_evidence.text if statement.channel_evidence else None
    date_text = statement.date_evidence.text if statement.date_evidence else None
    assert (statement.channel, channel_text, statement.date, date_text) == expected


@pytest.mark.parametrize(
    "text,dates",
    [("Officials accused Israel of organizing the attacks on Wednesday.", [("on Wednesday", "2024-01-03")])],
)
def test_statements_event_date_is_not_the_statement_date(build, registry, text, dates):
    (statement,) = find_statements(build(text, [("Officials", "officials", "group"), ISRAEL], dates), registry)
    assert (statement.kind, statement.date, statement.date_evidence) == ("accusation", None, None)


@pytest.mark.parametrize(
    "text,phrase,counted_from",
    [
        (
            "Officials accused Israel of the attack, which fell on the fourth anniversary of the strike.",
            "fourth anniversary",
            "2024-01-03",
        ),
    ],
)
def test_statements_anniversary_is_not_the_statement_date(build, registry, text, phrase, counted_from):
    article = build(text, [("Officials", "officials", "group"), ISRAEL])
    start = text.index(phrase)
    article.dates = [DateValue(phrase, article.span(start, start + len(phrase)), "2020-01-03", counted_from=counted_from)]
    (statement,) = find_statements(article, registry)
    assert (statement.kind, statement.date) == ("accusation", None)


@pytest.mark.parametrize(
    "text,parties,expected",
    [
        (
            "Fighting broke out near the base of al-Shabaab. The group claimed responsibility on its radio station.",
            [("al-Shabaab", "al-Shabaab", "organization")],
            [("claim", "al-Shabaab", "radio")],
        ),
        (
            "The Taliban attacked a checkpoint. Later they claimed responsibility for the attack.",
            [("Taliban", "Taliban", "organization")],
            [("claim", "Taliban", None)],
        ),
    ],
)
def test_statements_pronoun_takes_the_last_group(build, registry, text, parties, expected):
    statements = find_statements(build(text, parties), registry)
    assert [(s.kind, s.by, s.channel) for s in statements] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Islamic State claimed the attack. Later the Islamic State claimed responsibility for the attack on Telegram.",
            [("claim", "Islamic State", "Telegram")],
        ),
    ],
)
def test_statements_repeated_claims_merge(build, registry, text, expected):
    statements = find_statements(build(text, [IS]), registry)
    assert [(s.kind, s.by, s.channel) for s in statements] == expected


@pytest.mark.parametrize("text", ["Photo: the Islamic State claimed responsibility for the attack."])
def test_statements_skip_excluded_zones(build, registry, text):
    article = build(text, [IS])
    article.excluded = [article.span(0, len(text))]
    assert StatementsComponent(registry)(article).statements == []


# --- the whole chain, with spaCy ---------------------------------------------------------------


def _run(nlp_article, text, published, dates=()):
    from claimwatch.extract.actors import ActorsComponent

    article = ActorsComponent()(nlp_article(text, published))
    article.dates = [DateValue(article.text[s:e], article.span(s, e), value) for s, e, value in dates]
    return StatementsComponent()(article)


@pytest.mark.slow
@pytest.mark.parametrize(
    "kind,start,end,by,against,hedged",
    [
        ("accusation", 321, 382, "Iranian officials", ["United States", "Israel"], True),
        ("accusation", 2286, 2312, "Hassan Nasrallah", ["United States", "Israel"], False),
    ],
)
def test_statements_kerman_accusations(nlp_article, kerman, kind, start, end, by, against, hedged):
    if not REGISTRY_PATH.exists():
        pytest.skip(f"{REGISTRY_PATH} is absent")
    text, _gold = kerman
    article = _run(nlp_article, text, "2024-01-04")
    (statement,) = [s for s in article.statements if s.evidence.start == start]
    assert (statement.kind, statement.evidence.end, statement.by, statement.against, statement.hedged) == (
        kind, end, by, against, hedged)


@pytest.mark.slow
@pytest.mark.parametrize("dates", [[(73, 84, "2024-01-04"), (414, 426, "2024-01-03")]])
def test_statements_kerman_claim_and_condemnation(nlp_article, kerman, dates):
    if not REGISTRY_PATH.exists():
        pytest.skip(f"{REGISTRY_PATH} is absent")
    text, _gold = kerman
    article = _run(nlp_article, text, "2024-01-04", dates)
    claims = [s for s in article.statements if s.kind == "claim"]
    first = claims[0]
    assert {s.by for s in claims} == {"Islamic State"}
    assert (first.channel, first.channel_evidence.start, first.channel_evidence.end) == ("Telegram", 136, 144)
    assert (first.date, first.date_evidence.start, first.date_evidence.end) == ("2024-01-04", 73, 84)
    cruel = article.span(2028, 2043)
    assert [s.kind for s in article.statements if s.evidence.overlaps(cruel)] == ["condemnation"]
    assert [(s.by, s.against) for s in article.statements if s.kind == "condemnation"] == [("Ebrahim Raisi", [])]


# Pinned floors: articles (of 25) whose statements name exactly the gold parties (score_records.py's rule).
WIKINEWS_FLOORS = {"claimed_by": 24, "accused": 21, "denied_by": 25}


def _scorer(path):
    spec = importlib.util.spec_from_file_location("score_records", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _wikinews_article(folder, gold):
    text = (folder / "articles" / f"{gold['id']}.txt").read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    title = next(line[len("TITLE: "):] for line in head.splitlines() if line.startswith("TITLE: "))
    return title + "\n\n" + body.lstrip("\n")


def _parties(statements, field):
    if field == "accused":
        return [name for s in statements if s.kind == "accusation" for name in s.against]
    kind = {"claimed_by": "claim", "denied_by": "denial"}[field]
    return [s.by for s in statements if s.kind == kind]


@pytest.mark.slow
@pytest.mark.parametrize("field,floor", sorted(WIKINEWS_FLOORS.items()))
def test_statements_wikinews_quality_gate(wikinews, field, floor):
    scorer, results = wikinews
    hits = sum(
        scorer.parties_equal(_parties(statements, field), gold[field], gold.get(field + "_optional") or [])
        for gold, statements in results
    )
    assert hits >= floor


@pytest.fixture(scope="module")
def wikinews():
    """The 25 Wikinews reports through spaCy, actors and statements: (gold, statements) pairs and the scorer."""
    from shared_data import need_shared

    from claimwatch.extract.actors import ActorsComponent
    from claimwatch.extract.nlp import make_spacy
    from claimwatch.model import Article

    if not REGISTRY_PATH.exists():
        pytest.skip(f"{REGISTRY_PATH} is absent")
    folder = need_shared("data", "wikinews")
    scorer = _scorer(need_shared("tools", "score_records.py"))
    golds = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [Article(id=g["id"], text=_wikinews_article(folder, g)) for g in golds]
    make_spacy().pipe(articles)
    actors, statements = ActorsComponent(), StatementsComponent()
    return scorer, [(gold, statements(actors(article)).statements) for gold, article in zip(golds, articles)]


@pytest.mark.parametrize(
    "name,requires,assigns",
    [("statements", ("doc", "sentences", "actors", "dates"), ("statements",)), ("actors", ("doc", "sentences"), ("actors",))],
)
def test_statements_components_register(name, requires, assigns):
    import claimwatch.extract.actors  # noqa: F401  (registers "actors")
    from claimwatch.extract.pipeline import REGISTRY

    assert (REGISTRY[name].requires, REGISTRY[name].assigns) == (requires, assigns)


# --- patterns added for the sample-set misses (hand-written sentences) ---------------------------

SAHEL = ("Sahel Brigade", "Sahel Brigade", "organization")
OFFICIALS_LOWER = ("Officials", "officials", "group")


def _parties_of(statements, kind):
    return [(s.by, s.against, s.evidence.text) for s in statements if s.kind == kind]


@pytest.mark.parametrize(
    "text,parties,expected",
    [
        (
            "Investigators on Monday pinned last week's ambush near the border on the Sahel Brigade.",
            [("Investigators", "investigators", "state_agency"), SAHEL],
            [("investigators", ["Sahel Brigade"], "pinned last week's ambush near the border on the Sahel Brigade")],
        ),
        (
            "Officials pinned the blame on the Sahel Brigade.",
            [OFFICIALS_LOWER, SAHEL],
            [("officials", ["Sahel Brigade"], "pinned the blame on the Sahel Brigade")],
        ),
        ("Officials pinned their hopes on the Sahel Brigade talks.", [OFFICIALS_LOWER, SAHEL], []),
    ],
)
def test_statements_pinned_on(build, registry, text, parties, expected):
    assert _parties_of(find_statements(build(text, parties), registry), "accusation") == expected


@pytest.mark.parametrize(
    "text,parties,expected",
    [
        (
            "The Sahel Brigade said in a message on its website that its fighters had detonated a car bomb.",
            [SAHEL],
            [("claim", "Sahel Brigade", "website")],
        ),
        (
            "The Sahel Brigade had said within a day of the blast that one of its men carried it out.",
            [SAHEL],
            [("claim", "Sahel Brigade", None)],
        ),
        (
            "Ali Rahimi, a commander of the Sahel Brigade, said his men had ambushed the convoy.",
            [("Ali Rahimi", "Ali Rahimi", "individual"), SAHEL],
            [("claim", "Sahel Brigade", None)],
        ),
        ("The Sahel Brigade said its fighters had reopened the market in the town.", [SAHEL], []),
        ("The Sahel Brigade said its fighters were killed in an air strike.", [SAHEL], []),
        ("Governor Ali Rahimi said his soldiers had stormed the hideout.", [("Ali Rahimi", "Ali Rahimi", "individual")], []),
    ],
)
def test_statements_said_its_fighters_needs_a_deed(build, registry, text, parties, expected):
    assert [(s.kind, s.by, s.channel) for s in find_statements(build(text, parties), registry)] == expected


@pytest.mark.parametrize(
    "text,parties,parent,expected",
    [
        (
            "Syria's foreign ministry rejected the allegations as lies.",
            [("Syria's foreign ministry", "Syria's foreign ministry", "state_agency")],
            "Syria",
            [("denial", "Syria", "rejected the allegations as lies")],
        ),
        (
            "The White House dismissed the suggestions of Saudi involvement as baseless.",
            [("White House", "White House", "organization")],
            None,
            [("denial", "White House", "dismissed the suggestions of Saudi involvement as baseless")],
        ),
        (
            "Russian officials did not comment on the claims.",
            [("Russian officials", "Russian officials", "group")],
            "Russia",
            [],
        ),
    ],
)
def test_statements_denial_by_state_organ(build, registry, text, parties, parent, expected):
    article = build(text, parties)
    for actor in article.actors:
        actor.parent = parent
    statements = find_statements(article, registry)
    assert [(s.kind, s.by, s.evidence.text) for s in statements] == expected


PERSONS = [(n, n, "individual") for n in ("Omar Fadel", "Karim Haddad", "Yusuf Barakat", "Lena Vogt", "Jonas Brandt")]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Three men accused of planning the raid — Omar Fadel, Karim Haddad and Yusuf Barakat — appeared in court.",
            [["Omar Fadel", "Karim Haddad", "Yusuf Barakat"]],
        ),
        (
            "Two teenagers, named as Lena Vogt and Jonas Brandt, were charged with murder on Friday.",
            [["Lena Vogt", "Jonas Brandt"]],
        ),
        ("Two teenagers, named as Lena Vogt and Jonas Brandt, won the chess final on Friday.", []),
    ],
)
def test_statements_named_suspects(build, registry, text, expected):
    statements = find_statements(build(text, PERSONS), registry)
    assert [s.against for s in statements if s.kind == "accusation"] == expected


@pytest.mark.parametrize(
    "text,parties,expected",
    [
        (
            "Western diplomats insisted the Sahel Brigade alone had carried it out.",
            [("Western diplomats", "Western diplomats", "group"), SAHEL],
            [("Western diplomats", ["Sahel Brigade"], "Sahel Brigade alone had carried it out")],
        ),
        ("The Sahel Brigade carried out the attack at dawn.", [SAHEL], []),
        (
            "The army said the Sahel Brigade bore sole responsibility for the massacre.",
            [("army", "army", "state_agency"), SAHEL],
            [("army", ["Sahel Brigade"], "Sahel Brigade bore sole responsibility")],
        ),
        (
            "The cabinet has repeatedly said the Sahel Brigade was responsible.",
            [("cabinet", "cabinet", "state_agency"), SAHEL],
            [("cabinet", ["Sahel Brigade"], "Sahel Brigade was responsible")],
        ),
        ("The Sahel Brigade was responsible for security at the stadium.", [SAHEL], []),
        (
            "The minister said the Sahel Brigade's intelligence wing was directly involved.",
            [("Sahel Brigade's intelligence wing", "Sahel Brigade's intelligence wing", "organization")],
            [(None, ["Sahel Brigade's intelligence wing"], "Sahel Brigade's intelligence wing was directly involved")],
        ),
        ("The Sahel Brigade was involved in the peace talks.", [SAHEL], []),
    ],
)
def test_statements_speaker_says_a_party_did_it(build, registry, text, parties, expected):
    assert _parties_of(find_statements(build(text, parties), registry), "accusation") == expected


@pytest.mark.parametrize(
    "text,parties,expected",
    [
        (
            "The governor described the blast as a cowardly attack on civilians by the Sahel Brigade.",
            [("governor", "governor", "group"), SAHEL],
            [("governor", ["Sahel Brigade"], "described the blast as a cowardly attack on civilians by the Sahel Brigade")],
        ),
        ("The governor described the blast as the worst in a decade.", [("governor", "governor", "group")], []),
    ],
)
def test_statements_described_as_an_attack_by(build, registry, text, parties, expected):
    assert _parties_of(find_statements(build(text, parties), registry), "accusation") == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "The Sahel Brigade has grown in strength. Officials said the jihadist group was behind the ambush.",
            [("officials", ["Sahel Brigade"], "the jihadist group was behind")],
        ),
        ("Officials said the jihadist group was behind the ambush.", []),
    ],
)
def test_statements_described_group_takes_the_last_named(build, registry, text, expected):
    assert _parties_of(find_statements(build(text, [SAHEL, OFFICIALS_LOWER]), registry), "accusation") == expected


@pytest.mark.parametrize(
    "text,parties,expected",
    [
        (
            "Police traced the cell that armed the bomber. The police chief said it was linked to the Sahel Brigade.",
            [("police chief", "police chief", "state_agency"), SAHEL],
            [("police chief", ["Sahel Brigade"], "said it was linked to the Sahel Brigade")],
        ),
        (
            "The minister opened a new road. He said it was linked to the Sahel Brigade.",
            [("minister", "minister", "group"), SAHEL],
            [],
        ),
        (
            "The militant group, which is linked to the Sahel Brigade, has not commented.",
            [SAHEL],
            [],
        ),
    ],
)
def test_statements_pronoun_linked_needs_attackers(build, registry, text, parties, expected):
    assert _parties_of(find_statements(build(text, parties), registry), "accusation") == expected


@pytest.mark.parametrize(
    "text,dates,expected",
    [
        (
            "The Sahel Brigade said it was behind the market bombing. Officials counted the dead in the town all day. "
            "Relatives gathered at the hospital where dozens of wounded people were being treated for their injuries. "
            "Last year the group said it was behind a bombing in another town on Oct. 3.",
            [("Last year", "2023-01-01")],
            [("Sahel Brigade", None, "said it was behind the market bombing")],
        ),
    ],
)
def test_statements_repeated_claims_keep_the_first_mention(build, registry, text, dates, expected):
    statements = find_statements(build(text, [SAHEL], dates), registry)
    assert [(s.by, s.date, s.evidence.text) for s in statements if s.kind == "claim"] == expected


SHABAAB = ("al-Shabaab", "al-Shabaab", "organization")


@pytest.mark.parametrize(
    "text,parties,expected_by",
    [
        # a time or a channel between the speech verb and its "that"
        ("Al-Shabaab said on Sunday that it had carried out the attack.", [("Al-Shabaab", "al-Shabaab", "organization")],
         ["al-Shabaab"]),
        ("Al-Shabaab said in a broadcast on its radio station that it was behind the attack.",
         [("Al-Shabaab", "al-Shabaab", "organization")], ["al-Shabaab"]),
        # "told ... that its fighters"
        ("The Somalia-based group al-Shabaab told international media that its fighters were carrying out the operation.",
         [SHABAAB], ["al-Shabaab"]),
        # an apposition that describes the group ("the Somali group") is the group itself, not a pronoun for another
        ("Al-Shabaab, the Somali group aligned with al-Qaeda, said on Thursday that its fighters had carried out the raid.",
         [("Al-Shabaab", "al-Shabaab", "organization"), ("al-Qaeda", "al-Qaeda", "organization")], ["al-Shabaab"]),
        # the name stands in the apposition after a description
        ("A Kurdish militant group, the Kurdistan Freedom Falcons, said on Friday that it had carried out the bombing.",
         [("Kurdistan Freedom Falcons", "Kurdistan Freedom Falcons", "organization")], ["Kurdistan Freedom Falcons"]),
        # what befell its fighters is no claim
        ("Al-Shabaab said on Sunday that its fighters were tired.", [("Al-Shabaab", "al-Shabaab", "organization")], []),
    ],
)
def test_statements_claims_with_words_before_that(build, registry, text, parties, expected_by):
    claims = [s for s in find_statements(build(text, parties), registry) if s.kind == "claim"]
    assert [s.by for s in claims] == expected_by


def test_statements_dateline_outlet_is_no_claimant(build, registry):
    text = ("ANKARA (Example Herald) — A Kurdish militant group, the Kurdistan Freedom Falcons, said on Friday "
            "that it had carried out the bombing.")
    article = build(text, [("Example Herald", "Example Herald", "organization"),
                           ("Kurdistan Freedom Falcons", "Kurdistan Freedom Falcons", "organization")])
    article.excluded = [article.span(0, text.index("—") + 1)]
    assert [s.by for s in find_statements(article, registry) if s.kind == "claim"] == ["Kurdistan Freedom Falcons"]
