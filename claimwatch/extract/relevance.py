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


@component("relevance", requires=("text",), assigns=("relevant",))
def make_relevance():
    def mark(article: Article) -> Article:
        article.relevant = is_relevant(article.text)
        if not article.relevant:
            article.trace["relevance"] = "no violence vocabulary: skipped"
        return article

    return mark
