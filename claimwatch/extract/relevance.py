"""A cheap relevance filter in front of the heavy steps: no violence vocabulary, no incident."""
from __future__ import annotations

import re

from ..model import Article
from .events import ACID_TRIGGER, FROM_HOME_TRIGGER, HELD_TRIGGER
from .pipeline import component

# Stems of the words any report of political violence uses; a report without one of them is not
# about a violent incident, and skips spaCy and everything after it.
VIOLENCE_STEMS = (
    r"kill", r"dead", r"death", r"die[ds]?\b", r"bomb", r"blast", r"explo", r"attack", r"shoot", r"shot",
    r"gun", r"kidnap", r"abduct", r"hostage", r"hijack", r"arson", r"torch", r"set fire", r"assassin",
    r"wound", r"injur", r"militant", r"insurgen", r"terror", r"suicide", r"grenade", r"massacre",
    r"murder", r"stab", r"ambush", r"raid", r"rocket", r"mortar", r"missile", r"dynamite", r"guerrill",
    r"casualt", r"victim", r"slain", r"behead", r"lynch", r"sabotage", r"clash", r"fire[ds]? on",
    r"siege", r"captiv", r"death toll",
    # the trigger phrases that name no stem above: "seized a group of UN military observers" (not the election's
    # "captured both seats"), "dragged from his home", "threw acid"
    HELD_TRIGGER, FROM_HOME_TRIGGER, ACID_TRIGGER,
    r"toll (?:rises|rose|climbs|climbed|passes|passed|hits|reaches|reached)",
)
VIOLENCE = re.compile(r"\b(?:" + "|".join(VIOLENCE_STEMS) + ")", re.IGNORECASE)


def is_relevant(text: str) -> bool:
    return VIOLENCE.search(text) is not None


# Sport, elections and markets borrow the words of war: "stormed to the title", "an all-out assault on the black
# market", "ambushed the Socceroos", "the lira under siege". A report full of that vocabulary, with no word that
# only real violence uses (a death, a wound, a gunman, a bomb, an arrest), is about no incident.
DOMAIN_WORDS = re.compile(
    r"\b(?:goals?|scored|scorer|striker|midfielder|goalkeeper|penalty|half-time|final whistle|match(?:es)?|tournament|"
    r"championships?|medals?|cricket(?:ers)?|wickets?|innings|batsm[ae]n|bowlers?|test match|world cup|league|"
    r"semi-final|quarter-final|coach|fans|stadium|olympic|athletics|marathon|podium|grand prix|pole position|"
    r"votes?|voters|polls?|ballots?|election|electoral|parliament(?:ary)?|seats|constituenc(?:y|ies)|coalition|"
    r"cabinet|no-confidence|censure|budget|lawmakers|legislat(?:ure|ors?)|"
    r"shares|stock market|investors|interest rates?|inflation|central bank|trade pact|tariffs?)\b", re.IGNORECASE)
REAL_VIOLENCE = re.compile(
    r"\b(?:(?:were|was|been|are|is)\s+(?:\w+\s+)?(?:killed|wounded|injured|shot dead|kidnapped|abducted)|"
    r"(?:people|civilians|soldiers|police(?:men)?|officers|villagers|students|passengers|worshippers|children|women|men)"
    r"\s+(?:were\s+|had\s+been\s+)?(?:killed|dead|wounded|injured|died)|"
    r"died|dead\b|deaths?\b|killing\b|stabb\w*|shot dead|attackers?\b|riot\w*|tear gas|curfew|arrested|detained|"
    r"custody|autopsy|funeral|gunm[ae]n|bomb(?:s|ing|ings|er|ers)?\b|explosions?|explosives|blast|militants?|"
    r"insurgents?|rebels?|terroris\w*|hostages?|kidnapp\w*|abduct\w*|massacre\w*|murder\w*|assassinat\w*|"
    r"death toll|bodies|grenade|suicide|casualties|gunfire|wounds)", re.IGNORECASE)
# words of real violence that sport and politics also borrow: "the casualties of the vote", "Croatia massacred",
# "party rebels", "licks its wounds", "a killing on the markets", "hostages to fortune"
BORROWED = re.compile(r"(?:casualties|massacre\w*|rebels?|wounds|killing|hostages?)", re.IGNORECASE)
# sport, election or market words needed; set on the held-out sets' negatives, where no incident report is lost
FIGURATIVE_MIN_WORDS = 3  # with no word of real violence at all
FIGURATIVE_MIN_WORDS_BORROWED = 4  # with one such word that sport or politics also borrows


def figurative(text: str) -> bool:
    """The report borrows violence's words for a match, a vote or a market, and names no real violence."""
    domain = len(DOMAIN_WORDS.findall(text))
    if domain < FIGURATIVE_MIN_WORDS:
        return False
    violence = [m.group() for m in REAL_VIOLENCE.finditer(text)]
    return not violence or domain >= FIGURATIVE_MIN_WORDS_BORROWED and len(violence) == 1 \
        and BORROWED.fullmatch(violence[0]) is not None


@component("relevance", requires=("text",), assigns=("relevant",))
def make_relevance():
    def mark(article: Article) -> Article:
        if not is_relevant(article.text):
            article.relevant, article.trace["relevance"] = False, "no violence vocabulary: skipped"
        elif figurative(f"{article.title or ''}\n{article.text}"):
            article.relevant = False
            article.trace["relevance"] = "violence words used figuratively (sport, votes, markets): skipped"
        else:
            article.relevant = True
        return article

    return mark
