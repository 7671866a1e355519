"""Who and what an attack hit, and who carried it out, as the report describes them.

- targets: physical targets, the noun phrase after an attack verb or preposition whose head is a
  facility, vehicle or structure ("a car bomb exploded outside the embassy");
- victims: people named next to a casualty trigger ("killing Jesuit priest Ignacio Ellacuria"),
  and described victims ("three policemen");
- attackers: descriptions of perpetrators ("gunmen", "urban guerrillas", "a suicide bomber"), and
  registry organisations read as the actors of an attack ("FMLN guerrillas", "Shining Path rebels
  blew up") — the `reported` basis of a perpetrator, beside claims and accusations.

No dependency parse: noun phrases are read off part-of-speech tags, and the vocabularies below say
which heads count. Works on lower-cased text too (MUC-4).
"""
from __future__ import annotations

import re

from ..model import Actor, Article, Party, Span
from .pipeline import component

TARGET_HEADS = frozenset("""
embassy consulate hotel market marketplace bazaar mosque church temple shrine synagogue school university college
station bus buses train car cars vehicle vehicles truck convoy checkpoint base barracks post headquarters office
offices ministry building buildings house home homes residence bank restaurant cafe airport terminal bridge tower
towers pylon pylons pipeline plant substation facility facilities factory hall stadium hospital clinic compound
court courthouse parliament palace camp mall shop shops store supermarket club nightclub theater theatre cinema
jail prison police-station minibus jeep helicopter plane aircraft ship boat ferry port dam line lines network
installations installation warehouse farm estate plantation hq garrison outpost gate wedding funeral procession
rally ceremony gathering crowd motorcade subway metro railway road highway square center centre
""".split())
ATTACK_BEFORE_TARGET = re.compile(
    r"\b(?:attack(?:ed|s)?|assault(?:ed)?|bomb(?:ed|ing|ings)?|blast|explosion|explo(?:ded|sive)|rocket(?:ed)?|"
    r"struck|hit|targeted|targeting|stormed|raided|torched|burned|burnt|set fire to|dynamited|blew up|destroyed|"
    r"damaged|fired (?:on|at)|opened fire (?:on|at)|shelled|ambushed)\b"
    r"(?:\s+(?:on|at|against|near|outside|inside|in front of|of|in))?\s*$",
    re.I,
)
ATTACKER_HEADS = frozenset("""
gunman gunmen terrorist terrorists guerrilla guerrillas rebel rebels militant militants insurgent insurgents
attacker attackers assailant assailants bomber bombers hijacker hijackers kidnapper kidnappers abductor abductors
hitmen hitman assassin assassins extremist extremists jihadist jihadists fighters commando commandos
subversives subversive squad squads
""".split())
ATTACKER_PHRASES = re.compile(r"\b(?:(?:heavily |unidentified |masked )?armed (?:men|individuals|persons|group)|"
                              r"death squads?|unknown (?:men|individuals|persons))\b", re.I)
CASUALTY_TRIGGER = re.compile(r"\b(?:kill(?:ed|ing|s)?|murder(?:ed|ing)?|assassinat\w+|shot|wound(?:ed|ing)|"
                              r"injur(?:ed|ing)|kidnap\w*|abduct\w*|slain|dead|death of|body of|hostage)\b", re.I)
SPEAKER_AFTER = re.compile(r"^\W*(?:said|says|told|added|stated|reported|announced|denied|claimed)\b", re.I)
VICTIM_REACH = 80
NP_TAGS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"}


def noun_phrase_after(doc, char: int, limit: int = 6):
    """The noun phrase starting at the first token at or after `char`: (start, end, head token)."""
    tokens = [t for t in doc if t.idx >= char][:limit + 1]
    phrase = []
    for token in tokens:
        if token.pos_ not in NP_TAGS and token.text != "-":
            break
        phrase.append(token)
    while phrase and phrase[-1].pos_ in {"DET", "ADJ", "NUM", "PART"}:
        phrase.pop()
    if not phrase:
        return None
    first = 1 if phrase[0].pos_ == "DET" and len(phrase) > 1 else 0
    return phrase[first].idx, phrase[-1].idx + len(phrase[-1].text), phrase[-1]


def find_targets(article: Article) -> list[Party]:
    targets = []
    for token in article.doc:
        if token.pos_ not in {"NOUN", "PROPN"} or token.lower_ not in TARGET_HEADS:
            continue
        phrase = _phrase_ending_at(article, token)
        before = article.text[max(0, phrase.start - 60): phrase.start]
        if ATTACK_BEFORE_TARGET.search(_strip_det(before)) and not article.is_excluded(phrase.start):
            targets.append(Party(phrase.text, phrase, named=False))
    return targets


def _strip_det(text: str) -> str:
    return re.sub(r"\b(?:the|a|an|two|three|several|its|their)\s*$", "", text, flags=re.I).rstrip()


def _phrase_ending_at(article: Article, head) -> Span:
    """The noun phrase whose head is `head`: modifiers to its left, no determiner."""
    start = head.i
    while start > 0 and article.doc[start - 1].pos_ in {"ADJ", "NOUN", "PROPN", "NUM"} | {"PART"}:
        start -= 1
    if article.doc[start].pos_ == "PART":
        start += 1
    return article.span(article.doc[start].idx, head.idx + len(head.text))


def find_victims(article: Article) -> list[Party]:
    """Named people close to a casualty trigger, who are not speaking."""
    victims = []
    for ent in article.doc.ents:
        if ent.label_ != "PERSON" or article.is_excluded(ent.start_char):
            continue
        window = article.text[max(0, ent.start_char - VICTIM_REACH): ent.end_char + VICTIM_REACH]
        if CASUALTY_TRIGGER.search(window) and not SPEAKER_AFTER.search(article.text[ent.end_char: ent.end_char + 20]):
            victims.append(Party(ent.text, article.span(ent.start_char, ent.end_char), named=True))
    return victims


def find_attackers(article: Article) -> list[Party]:
    attackers = [Party(m.group(0), article.span(m.start(), m.end())) for m in ATTACKER_PHRASES.finditer(article.text)]
    for token in article.doc:
        if token.lower_ in ATTACKER_HEADS and token.pos_ in {"NOUN", "PROPN"}:
            span = _phrase_ending_at(article, token)
            attackers.append(Party(span.text, span))
    return [a for a in attackers if not article.is_excluded(a.evidence.start)]


def reported_perpetrators(article: Article, attackers: list[Party]) -> list[Actor]:
    """Registry organisations that name an attacker phrase ("FMLN guerrillas") or sit right before one."""
    found = []
    for actor in article.actors:
        if actor.kind not in {"organization", "group"} or not actor.actor_id:
            continue
        if any(_adjacent(actor.evidence, a.evidence, article.text) for a in attackers):
            found.append(actor)
    return found


def _adjacent(actor: Span, attacker: Span, text: str) -> bool:
    if attacker.contains(actor) or actor.contains(attacker):
        return True
    gap = text[actor.end:attacker.start] if actor.end <= attacker.start else text[attacker.end:actor.start]
    return len(gap) <= 12 and re.fullmatch(r"\s*(?:'s|’s|of the|of|from the|from)?\s*", gap, re.I) is not None


@component("parties", requires=("doc", "actors", "excluded"), assigns=("targets", "victims", "attackers"))
def make_parties():
    def find(article: Article) -> Article:
        article.targets = find_targets(article)
        article.victims = find_victims(article)
        article.attackers = find_attackers(article)
        article.reported = reported_perpetrators(article, article.attackers)
        return article

    return find
