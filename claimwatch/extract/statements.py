"""Attribution statements: who claimed an attack, who accused whom, who denied, who condemned.

Automated coders confuse the party that CLAIMED an attack with the party that was BLAMED for it;
here each is a different rule. A rule is a compiled pattern for the statement's verb phrase plus
where its parties stand, read off the actor mentions of the sentence (there is no dependency parse):

    agent   "left"     the nearest actor before the verb ("Iranian officials ... accusing")
            "by"       the actor after "by" ("responsibility was claimed by X")
            "speaker"  the nearest actor before the verb and its targets ("police said X was behind")
            "wing"     the owner of a media wing ("Amaq news agency said" -> Islamic State)
    target  "right"    the actors just after the match, coordinated ("blamed the U.S. and Israel")
            "left"     the actors just before it ("X was blamed", "X, who is suspected of")
            "inside"   the actors in the match's `t` group ("held X responsible")
            "member"   an actor followed by "member", "agent", ... ("the bomber was an al-Qaeda agent")

A claim is never an accusation: a claimant that "said" something accuses nobody, and a party is not
accused by its own claim. Condemnations name nobody (`against` stays empty) even when they call the
attackers "cruel criminals". Vocabulary is kept in the tables below.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..model import Actor, Article, DateValue, Span, Statement
from .pipeline import component
from .registry import Registry, fold, load_registry

# --- vocabulary -------------------------------------------------------------------------------

EVENT_NOUNS = (
    r"attacks?|bombings?|blasts?|explosions?|killings?|assassinations?|shootings?|kidnappings?|abductions?|"
    r"massacres?|ambush(?:es)?|assaults?|raids?|strikes?|hijackings?|murders?|stabbings?|operations?|"
    r"incidents?|violence|bomb|plot|rampage|siege"
)
ATTACKER_NOUNS = (
    r"attackers?|gunm[ae]n|shooters?|(?:suicide\s+|car\s+)?bombers?|assailants?|perpetrators?|killers?|"
    r"hijackers?|suspects?|kidnappers?|abductors?|militants?|culprits?"
)
# What a claimant calls its own people: "two of its members", "its fighters".
OWN_PEOPLE = (
    r"fighters|members|militants|mujahideen|mujahedeen|martyrs?|operatives|men|soldiers|suicide\s+bombers?|"
    r"brothers|lions|knights|cadres|guerrillas|commandos|units?|cells?"
)
# Nouns that make "an al-Qaeda ___" an affiliation.
MEMBER_NOUNS = (
    r"member|members|agent|double\s+agent|operative|militant|militants|fighter|fighters|sympathi[sz]er|"
    r"supporter|commander|loyalist|affiliate|recruit|cell|suicide\s+bomber|jihadist|activist"
)
HEDGES = re.compile(
    r"\b(?:insinuat\w*|suspect(?:s|ed)?|alleg\w*|believ\w*|likely|possibl[ey]|probabl[ey]|may\s+have|"
    r"might\s+have|could\s+have|appear(?:s|ed)?\s+to|seem(?:s|ed)?\s+to|reportedly|suggest\w*|"
    r"tentative(?:ly)?|hallmarks?|purported(?:ly)?|presumabl[ey]|apparently|unconfirmed|thought\s+to|"
    r"speculat\w*|hint\w*|impl(?:y|ied|ying))\b",
    re.I,
)
NEGATION = re.compile(
    r"\b(?:no|not|never|nobody|none|without|yet\s+to)\b(?:\s+[\w'’]+){0,6}\s*$|n['’]t(?:\s+[\w'’]+){0,3}\s*$", re.I
)
# Channels, most specific first: a statement "on Telegram" was made on Telegram.
CHANNELS = (
    (r"Telegram", "Telegram"),
    (r"Amaq", "Amaq"),
    (r"Twitter|tweet(?:ed|s)?|(?<=on )X(?= account| post|\b)", "Twitter"),
    (r"Facebook", "Facebook"),
    (r"YouTube", "YouTube"),
    (r"WhatsApp", "WhatsApp"),
    (r"web\s?sites?|online|internet|web\s+forums?|jihadist\s+forums?", "website"),
    (r"video(?:tape)?s?|footage", "video"),
    (r"audio(?:\s+(?:message|recording|statement|tape))?|voice\s+message", "audio message"),
    (r"(?:tele)?phone(?:\s+call)?|phoned|callers?|telephoned", "phone call"),
    (r"e-?mail(?:ed)?", "email"),
    (r"radio\s+(?:station|broadcast|message)", "radio"),
    (r"communiqu[eé]s?", "communique"),
    (r"letters?|leaflets?", "letter"),
    (r"social\s+media|messaging\s+(?:app|platform)", "social media"),
    (r"statements?|press\s+releases?|declarations?|announcements?", "statement"),
)
# Media wings speak for their owners: "its Amaq news agency said" is a claim by the Islamic State.
MEDIA_WINGS = {
    "amaq": "Islamic State", "nashir": "Islamic State", "al naba": "Islamic State", "furqan": "Islamic State",
    "al kataib": "al-Shabaab", "shahada news agency": "al-Shabaab", "as sahab": "al-Qaeda",
    "umar media": "Tehrik-i-Taliban Pakistan", "al malahem": "al-Qaeda in the Arabian Peninsula",
    "al zallaqa": "Jama'at Nasr al-Islam wal Muslimin", "al andalus": "al-Qaeda in the Islamic Maghreb",
}
# News outlets report statements; they do not make them.
MEDIA_OUTLET = re.compile(
    r"\b(?:news|press|times|post|herald|tribune|telegraph|guardian|journal|gazette|radio|television|tv|"
    r"reuters|afp|ap|bbc|cnn|nbc|abc|cbs|fox|al[\s-]?jazeera|al[\s-]?arabiya|xinhua|dpa|efe|ansa|kyodo|"
    r"yonhap|irna|tass|wikinews|publication|newspaper|magazine|network|media|reports?)\b",
    re.I,
)
# "accused X of ignoring the threats" blames a failure, not the attack.
NOT_ATTRIBUTION = re.compile(
    r"^\s*(?:of|for)\s+(?:[\w-]+\s+){0,2}?(?:ignor|fail|neglect|negligen|laps|careless|mishandl|incompeten|"
    r"inaction|not\b|doing\s+nothing|turning\s+a\s+blind|cover|inadequa|poor|exaggerat|politici[sz])",
    re.I,
)
ATTRIBUTION_WORDS = re.compile(
    r"attack|bomb|blast|explo|kill|murder|assassin|shoot|shot|gun|kidnap|abduct|hostage|massacre|violen|"
    r"terror|strike|ambush|raid|arson|plot|behind|responsib|carr(?:y|ied)\s+out|organi[sz]|orchestrat|"
    r"mastermind|perpetrat|order|support|back|sponsor|financ|fund|harbo|train|arm|involve|complicit|"
    r"militan|insurgen|death|destroy|blow|plann|incit|provoc|aggression|crime|massacr|sabotag",
    re.I,
)
SUBJECT_PRONOUN = re.compile(
    r"\b(?P<person>he|she)\b|\b(?P<group>it|they|the\s+(?:\w+\s+)?(?:group|organi[sz]ation|movement|militants|outfit|faction))\b",
    re.I,
)
AUXILIARY_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are|get|got)\s+(?:\w+ly\s+)?$", re.I)
COORDINATION = re.compile(
    r"^[\s,]*(?:and|as\s+well\s+as|along\s+with|together\s+with|or|&)?\s*(?:both\s+)?(?:the\s+)?"
    r"(?:(?:another|other|a|an|its\s+ally|the)\s+(?:[\w-]+\s+)?(?:group|faction|organi[sz]ation|movement)"
    r"\s*,?\s*(?:called|named|known\s+as)?\s*)?[\s,]*$",
    re.I,
)
DIRECT_GAP = (
    r"^[\s,]*(?:(?:both|the|its|their|his|her|neighbou?ring|main|political|regional|arch-?rival|sworn|"
    r"long-?time|old|rival|enemy|enemies|foe|ally|allies|opponents?|partner|state|militant|group)[\s,]+)*[“\"]?$"
)
BLAME_GAP = (
    DIRECT_GAP + r"|^\s*(?:(?:the|this|that|these|those|its|their)\s+|[\w-]+['’]s\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:" + EVENT_NOUNS + r"|it|them|deaths)\s+on\s+(?:the\s+)?[“\"]?$|^\s*on\s+(?:the\s+)?$"
)
LOOSE_GAP = r"^\s*(?:[\w'’-]+\s+|[\d.,]+\s+){0,5}$"
LEFT_GAP = r"^[\s,]*(?:(?:who|which|that)\s+)?$"
PROPER_NAME = re.compile(r"(?:[A-Z][\w'’.-]*|al-\w+|bin|ibn|abu|de|van)(?:\s+(?:[A-Z][\w'’.-]*|al-\w+|bin|ibn|abu|de|van))*")
NOT_A_NAME = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|The|A|An|He|She|It|They)\b")


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str  # claim | accusation | denial | condemnation
    pattern: str
    agent: str = "left"  # left | by | speaker | wing | none
    target: str = "none"  # none | right | left | inside | member
    gap: str = DIRECT_GAP  # what may stand between the match and a right-hand target
    hedged: bool = False  # hedged by its wording ("bore the hallmarks of")
    names_only: bool = False  # targets are persons or organisations; a bare proper name will do
    gate: bool = False  # an "of/for ..." complement must be about violence
    needs_event: bool = False  # the object must be an attack ("took responsibility for the bombing")


RULES = (
    # claims
    Rule("claimed-responsibility", "claim", r"\bclaim(?:s|ed|ing)?\s+(?:(?:full|sole|joint|official)\s+)?(?:responsibility|credit)\b"),
    Rule("took-responsibility", "claim", r"\b(?:took|take|takes|taking|taken|accept(?:s|ed|ing)?|assum(?:e|es|ed|ing))\s+(?:full\s+)?(?:responsibility|credit)\s+for\b", needs_event=True),
    Rule("claimed-the-attack", "claim", r"\bclaim(?:s|ed|ing)?\s+(?:the|this|that|these|last\s+\w+['’]s|\w+['’]s)\s+(?:[\w-]+\s+){0,2}?(?:" + EVENT_NOUNS + r")\b"),
    Rule("said-it-was-behind", "claim", r"\b(?:said|says|saying|stated|announced|declared|admitted)\s+(?:that\s+)?(?:it|they)\s+(?:was|were|had\s+been|is|are)\s+(?:behind|responsible\s+for)\b"),
    Rule("said-it-carried-out", "claim", r"\b(?:said|says|saying|stated|announced|declared|admitted|boasted)\s+(?:that\s+)?(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?:carried\s+out|conducted|staged|launched|perpetrated|executed|organi[sz]ed)\b"),
    Rule("said-its-fighters", "claim", r"\b(?:said|says|saying|stated|stating|announced|announcing|declared|boasted)\s+(?:that\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?(?:its|their)\s+(?:own\s+)?(?:" + OWN_PEOPLE + r")\b"),
    Rule("claimed-by", "claim", r"\b(?:responsibility|credit)\b[^.;]{0,80}?\b(?:was|were|has\s+been|had\s+been|is)\s+(?:later\s+)?claimed\s+by\b|\bclaimed\s+by\b", agent="by"),
    Rule("caller-for", "claim", r"\b(?:a|an|the)\s+(?:caller|man|person|spokesman|woman)\s+(?:claiming|purporting|saying\s+he\s+was|who\s+said\s+he\s+was)\s+(?:to\s+)?(?:speak\s+(?:for|on\s+behalf\s+of)|represent|be\s+(?:from|with|a\s+member\s+of))\s+", agent="by"),
    Rule("media-wing", "claim", r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"[\s-]") for w in MEDIA_WINGS) + r")\b(?:\s+news\s+agency|\s+media)?[^.;]{0,40}?\b(?:said|says|reported|claimed|announced|stated|published)\b", agent="wing"),
    # accusations
    Rule("accused", "accusation", r"\b(?:(?:insinuat|hint|suggest|impl(?:y|i))\w*\s+(?:or|and)\s+(?:outright\s+|openly\s+|directly\s+|even\s+|later\s+)?)?(?:accus|blam|implicat)(?:e|es|ed|ing)\b", target="right", gap=BLAME_GAP, gate=True),
    Rule("pointed-finger", "accusation", r"\bpoint(?:s|ed|ing)?\s+(?:the|an?\s+accusing)\s+finger\s+at\b", target="right", gate=True),
    Rule("held-responsible", "accusation", r"\b(?:held|holds?|holding)\s+(?P<t>[^.;]{1,60}?)\s+(?:responsible|accountable)\b", target="inside", gate=True),
    Rule("was-blamed", "accusation", r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?(?:blamed|accused|implicated|held\s+responsible|arrested|detained|charged|indicted|apprehended|named\s+as\s+(?:a|the)\s+(?:\w+\s+)?suspects?|identified\s+as\s+(?:a|the)\s+(?:\w+\s+)?(?:" + ATTACKER_NOUNS + r"))\b", agent="by", target="left", gate=True),
    Rule("suspected-of", "accusation", r"\b(?:(?:who|which)\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+)?(?:suspected|accused|alleged|blamed)\s+(?:of|for|to\s+have)\b|\b(?:believed|thought)\s+to\s+(?:be|have\s+been)\s+(?:behind|responsible|involved)\b", agent="speaker", target="left", gate=True),
    Rule("were-suspects", "accusation", r"\b(?:were|was|are|is)\s+(?:also\s+)?(?:the\s+)?(?:likely|prime|main|chief|key|possible|probable|leading|top|principal)?\s*suspects?\b", agent="speaker", target="left", hedged=True),
    Rule("was-behind", "accusation", r"\b(?:was|were|is|are|may\s+have\s+been|might\s+have\s+been|could\s+have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:behind|responsible\s+for)\b", agent="speaker", target="left", gate=True),
    Rule("suspected-x", "accusation", r"\b(?:suspected|alleged|presumed)\s+(?=[A-Za-z])", agent="none", target="right", gap=r"^$", hedged=True),
    Rule("carried-out-by", "accusation", r"\b(?:carried\s+out|perpetrated|committed|conducted|orchestrated|masterminded|organi[sz]ed|planned|executed|staged|ordered|launched|sponsored)\s+by\b", agent="speaker", target="right"),
    Rule("work-of", "accusation", r"\b(?:the\s+)?(?:handi)?work\s+of\b", agent="speaker", target="right"),
    Rule("hallmarks", "accusation", r"\b(?:bore|bears?|had|has|have|carried|showed|shows)\s+(?:all\s+)?(?:the\s+)?(?:\w+\s+)?hallmarks?\s+of\b", agent="speaker", target="right", hedged=True),
    Rule("identified-as", "accusation", r"\b(?:identified|named)\s+(?:the\s+|a\s+|one\s+|two\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:" + ATTACKER_NOUNS + r")\b(?:\s*,[^,.;]{0,80},)?\s+as\b", target="right", gap=LOOSE_GAP, names_only=True),
    Rule("named-x-as", "accusation", r"\b(?:identified|named)\s+(?P<t>[A-Z][^,.;]{0,50}?)\s+as\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:" + ATTACKER_NOUNS + r")\b", target="inside", names_only=True),
    Rule("arrested-x", "accusation", r"\b(?:arrested|detained|apprehended|captured|charged|indicted)\s+(?=[A-Za-z])", target="right", names_only=True),
    Rule("the-attacker-x", "accusation", r"\b(?:the|a|an|one|another)\s+(?:(?:alleged|suspected|accused|lone|would-be|presumed|main)\s+)?(?:" + ATTACKER_NOUNS + r")\s*,\s+(?=[A-Z])", agent="none", target="right", gap=r"^$", names_only=True),
    Rule("suspect-x", "accusation", r"\b(?:alleged|suspected|accused)?\s*(?:gunman|shooter|bomber|assailant|suspect|attacker)\s+(?=[A-Z])", agent="none", target="right", gap=r"^$", names_only=True),
    Rule("attackers-linked", "accusation", r"\b(?:" + ATTACKER_NOUNS + r"|" + EVENT_NOUNS + r")\b[^.;]{0,80}?\b(?P<v>(?:was|were|is|are|had\s+been|have\s+been|being)\s+(?:\w+ly\s+)?(?:(?:believed|thought|suspected|said|reported)\s+to\s+(?:be|have\s+been)\s+)?(?:linked|tied|connected|affiliated|loyal|backed|sponsored|inspired|trained|sent|directed|funded|financed|armed|members?|part|supporters?)\s+(?:to|with|by|of))\b", agent="speaker", target="right"),
    Rule("linked-attacker-to", "accusation", r"\blink(?:s|ed|ing)?\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:" + ATTACKER_NOUNS + r"|" + EVENT_NOUNS + r")\b[^.;]{0,80}?\bto\b", target="right"),
    Rule("attacker-was-member", "accusation", r"\b(?:" + ATTACKER_NOUNS + r")\b[^.;]{0,120}?\b(?P<v>was|were|is|are)\s+(?:\w+ly\s+)?(?:(?:a|an)\b)?", agent="speaker", target="member"),
    # denials
    Rule("denied-involvement", "denial", r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing))\s+(?:[\w-]+\s+){0,3}?(?:involvement|responsibility|role|part|links?|connection|accusations?|allegations?|claims?|charges?|blame|hand|complicity)\b"),
    Rule("denied-that", "denial", r"\bden(?:y|ies|ied|ying)\s+(?:that\s+)?(?:it|they|he|she|its\s+\w+)\s+(?:was|were|had|has|have)\s+(?:been\s+|any\s+)?(?:behind|involved|responsible|carried|played)|\bden(?:y|ies|ied|ying)\s+(?:carrying\s+out|being\s+behind|having\s+(?:any|a)\s+(?:role|hand|part))"),
    Rule("nothing-to-do", "denial", r"\b(?:said|says|saying|insisted|stated|added)\s+(?:that\s+)?(?:it|they|he|she|we)\s+(?:had|has|have)\s+(?:had\s+)?nothing\s+to\s+do\s+with\b|\b(?:said|says|saying|insisted|stated)\s+(?:that\s+)?(?:it|they|he|she|we)\s+(?:was|were|is|are)\s+not\s+(?:involved|behind|responsible)\b"),
    # condemnations
    Rule("condemned", "condemnation", r"\b(?:condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|decr(?:y|ies|ied|ying))\b"),
)
SPEAKER_KINDS = ("organization", "individual", "state", "state_agency", "group")


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[Rule, re.Pattern], ...]:
    return tuple((rule, re.compile(rule.pattern, re.I)) for rule in RULES)


@lru_cache(maxsize=1)
def _channel_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(r"\b(?:%s)\b" % pattern, re.I), name) for pattern, name in CHANNELS)


@lru_cache(maxsize=1)
def _date_context() -> tuple[re.Pattern, re.Pattern]:
    before = re.compile(r"\b(?:%s)\b(?:\s+[\w,]+){0,3}\s*$" % EVENT_NOUNS, re.I)
    after = re.compile(r"^['’]s?\s+(?:[\w-]+\s+){0,2}(?:%s)\b" % EVENT_NOUNS, re.I)
    return before, after


# --- the per-sentence view ----------------------------------------------------------------------


@dataclass
class _Sentence:
    span: Span
    actors: list[Actor]
    index: int


@dataclass
class _Found:
    """A rule's match, with its parties resolved."""

    rule: Rule
    match: re.Match
    sentence: _Sentence
    agents: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)


class _Context:
    """An article's sentences and actors, indexed by character offset."""

    def __init__(self, article: Article, registry: Registry) -> None:
        self.article = article
        self.text = article.text
        self.registry = registry
        self.sentences = article.sentences
        self.sentence_starts = [sent.start for sent in self.sentences]
        self.actors = sorted(article.actors, key=lambda actor: actor.evidence.start)
        self.actor_starts = [actor.evidence.start for actor in self.actors]

    def sentence_at(self, pos: int) -> _Sentence | None:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        if i < 0 or pos >= self.sentences[i].end:
            return None
        span = self.sentences[i]
        lo = bisect.bisect_left(self.actor_starts, span.start)
        hi = bisect.bisect_left(self.actor_starts, span.end)
        return _Sentence(span, [a for a in self.actors[lo:hi] if a.evidence.end <= span.end], i)

    def actors_before(self, pos: int) -> list[Actor]:
        return self.actors[:bisect.bisect_left(self.actor_starts, pos)]


def find_statements(article: Article, registry: Registry) -> list[Statement]:
    """Every claim, accusation, denial and condemnation in the article, merged where they repeat."""
    context = _Context(article, registry)
    found = [f for rule, pattern in _compiled() for f in _matches(context, rule, pattern)]
    statements = [s for f in sorted(found, key=lambda f: f.match.start()) for s in _statements(context, f)]
    return _merged(_without_claimant_accusations(statements, found))


def _matches(context: _Context, rule: Rule, pattern: re.Pattern):
    for match in pattern.finditer(context.text):
        sentence = context.sentence_at(match.start())
        if sentence is None or context.article.is_excluded(match.start()) or _negated(context, sentence, match):
            continue
        found = _resolve(context, rule, match, sentence)
        if found is not None:
            yield found


def _negated(context: _Context, sentence: _Sentence, match: re.Match) -> bool:
    return bool(NEGATION.search(_clause_before(context.text, sentence, match.start())))


def _clause_before(text: str, sentence: _Sentence, pos: int) -> str:
    """The sentence's text from the last comma, semicolon or colon before `pos` up to `pos`."""
    left = text[sentence.span.start:pos]
    cut = max(left.rfind(","), left.rfind(";"), left.rfind(":"), left.rfind("—"), left.rfind("–"))
    return left[cut + 1:]


# --- parties -----------------------------------------------------------------------------------


def _resolve(context: _Context, rule: Rule, match: re.Match, sentence: _Sentence) -> _Found | None:
    found = _Found(rule, match, sentence)
    found.targets = _targets(context, found)
    if rule.target != "none" and not found.targets:
        return None
    if rule.gate and not _about_violence(context, found):
        return None
    if rule.needs_event and not re.match(r"\s*(?:the\s+|this\s+|that\s+|\w+['’]s\s+)?(?:[\w-]+\s+){0,3}?(?:%s)" % EVENT_NOUNS, context.text[match.end():match.end() + 60], re.I):
        return None
    found.agents = _agents(context, found)
    if rule.kind in ("claim", "denial") and not found.agents:
        return None
    return found


def _targets(context: _Context, found: _Found) -> list[Actor]:
    mode = found.rule.target
    if mode == "right":
        return _right_targets(context, found)
    if mode == "left":
        return _left_chain(context, found.sentence, found.match.start(), LEFT_GAP)
    if mode == "inside":
        return [a for a in found.sentence.actors if found.match.start("t") <= a.evidence.start and a.evidence.end <= found.match.end("t")]
    if mode == "member":
        return _member_targets(context, found)
    return []


def _right_targets(context: _Context, found: _Found) -> list[Actor]:
    end = found.match.end()
    after = [a for a in found.sentence.actors if a.evidence.start >= end]
    allowed = [a for a in after if _target_kind_ok(found.rule, a)]
    if allowed and allowed[0] is after[0] and re.match(found.rule.gap, context.text[end:allowed[0].evidence.start], re.I):
        return _right_chain(context, allowed, after)
    if found.rule.names_only:
        return _bare_name(context, found.sentence, end, found.rule.gap)
    return []


def _target_kind_ok(rule: Rule, actor: Actor) -> bool:
    return not rule.names_only or actor.kind in ("individual", "organization")


def _right_chain(context: _Context, allowed: list[Actor], after: list[Actor]) -> list[Actor]:
    chain = [allowed[0]]
    for actor in after[1:]:
        if not COORDINATION.match(context.text[chain[-1].evidence.end:actor.evidence.start]):
            break
        chain.append(actor)
    return chain


def _left_chain(context: _Context, sentence: _Sentence, pos: int, gap: str) -> list[Actor]:
    before = [a for a in sentence.actors if a.evidence.end <= pos]
    if not before or not re.match(gap, context.text[before[-1].evidence.end:pos], re.I):
        return _bare_name_before(context, sentence, pos) if gap == LEFT_GAP else []
    chain = [before[-1]]
    for actor in reversed(before[:-1]):
        if not COORDINATION.match(context.text[actor.evidence.end:chain[0].evidence.start]):
            break
        chain.insert(0, actor)
    return chain


def _bare_name(context: _Context, sentence: _Sentence, pos: int, gap: str) -> list[Actor]:
    """A person spaCy missed: the run of capitalised words right after `pos` ("The attacker, Eden Natan-Zada")."""
    window = context.text[pos:sentence.span.end]
    lead = re.match(r"(?:[\w'’-]+\s+|[\d.,]+\s+){0,5}?(?=[A-Z])", window) if gap == LOOSE_GAP else re.match(r"", window)
    name = PROPER_NAME.match(window, lead.end()) if lead else None
    if name is None or NOT_A_NAME.match(name.group()) or len(name.group()) < 3:
        return []
    start = pos + name.start()
    return [Actor(name.group(), context.article.span(start, pos + name.end()), kind="individual")]


def _bare_name_before(context: _Context, sentence: _Sentence, pos: int) -> list[Actor]:
    window = context.text[sentence.span.start:pos]
    name = re.search(r"(?:^|\s)((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+)[\s,]*$", window)
    if name is None or NOT_A_NAME.match(name.group(1)) or name.start(1) == 0:
        return []
    start = sentence.span.start + name.start(1)
    return [Actor(name.group(1), context.article.span(start, sentence.span.start + name.end(1)), kind="individual")]


def _member_targets(context: _Context, found: _Found) -> list[Actor]:
    """The first actor soon after the match that is followed by a membership noun ("an al-Qaeda double agent")."""
    end = found.match.end()
    for actor in found.sentence.actors:
        gap = context.text[end:actor.evidence.start]
        if actor.evidence.start < end or len(gap) > 50 or re.search(r"[,.;]", gap):
            continue
        if re.match(r"\s+(?:%s)\b" % MEMBER_NOUNS, context.text[actor.evidence.end:actor.evidence.end + 25], re.I):
            return [actor]
    return []


def _about_violence(context: _Context, found: _Found) -> bool:
    """An "of/for ..." complement after the targets must attribute violence, not a failure or a policy."""
    end = max([found.match.end(), *(a.evidence.end for a in found.targets)])
    rest = context.text[end:found.sentence.span.end]
    complement = re.match(r"^\s*(?:of|for)\s+[^.;]{0,80}", rest, re.I)
    if complement is None:
        return True
    return not NOT_ATTRIBUTION.match(rest) and bool(ATTRIBUTION_WORDS.search(complement.group()))


def _agents(context: _Context, found: _Found) -> list[Actor]:
    mode = found.rule.agent
    if mode == "none":
        return []
    if mode == "wing":
        return _wing_owner(context, found)
    if mode == "by":
        agents = _by_agent(context, found)
        return agents if agents or found.rule.kind == "claim" else _speaker(context, found)
    if mode == "speaker" or AUXILIARY_BEFORE.search(context.text[found.sentence.span.start:found.match.start()]):
        return _speaker(context, found)
    return _left_agents(context, found)


def _candidates_before(found: _Found, pos: int) -> list[Actor]:
    return [
        a for a in found.sentence.actors
        if a.evidence.end <= pos and a not in found.targets and a.kind in SPEAKER_KINDS and not _is_outlet(a)
    ]


def _is_outlet(actor: Actor) -> bool:
    return actor.actor_id is None and actor.kind == "organization" and bool(MEDIA_OUTLET.search(actor.name))


def _left_agents(context: _Context, found: _Found) -> list[Actor]:
    """The nearest party before the verb, with the parties coordinated with it; a pronoun in between wins."""
    pos = found.match.start()
    before = _candidates_before(found, pos)
    since = before[-1].evidence.end if before else found.sentence.span.start
    pronoun = _last_pronoun(context.text[since:pos])
    if pronoun is not None:
        antecedent = _antecedent(context, found.sentence.span.start, pronoun)
        return [antecedent] if antecedent else []
    if not before:
        return _bare_agent(context, found) if found.rule.kind == "claim" else []
    chain = [before[-1]]
    for actor in reversed(before[:-1]):
        if not COORDINATION.match(context.text[actor.evidence.end:chain[0].evidence.start]):
            break
        chain.insert(0, actor)
    return chain


def _bare_agent(context: _Context, found: _Found) -> list[Actor]:
    """A group spaCy missed: the capitalised name before the verb ("Holy Jihad Brigades, a new group, claims")."""
    start = found.sentence.span.start
    left = context.text[start:found.match.start()]
    left = re.sub(r",\s*(?:a|an|the)\s[^,]{0,60},\s*$", "", left)
    name = re.search(r"((?:[A-Z][\w'’-]+\s+){1,4}[A-Z][\w'’-]+|\b[A-Z]{2,6})\s*$", left)
    if name is None or NOT_A_NAME.match(name.group(1)):
        return []
    entry = context.registry.lookup(name.group(1))
    span = context.article.span(start + name.start(1), start + name.end(1))
    return [Actor(entry.name if entry else name.group(1), span, kind="organization", actor_id=entry.id if entry else None)]


def _last_pronoun(text: str) -> str | None:
    matches = list(SUBJECT_PRONOUN.finditer(text))
    if not matches or re.search(r"\b(?:which|that|who|whom)\b", text[matches[-1].end():]):
        return None
    return "person" if matches[-1].group("person") else "group"


def _antecedent(context: _Context, pos: int, kind: str) -> Actor | None:
    """The party a pronoun refers back to: the last person for "he"/"she", the last group for "it"/"the group"."""
    wanted = ("individual",) if kind == "person" else ("organization",)
    for actor in reversed(context.actors_before(pos)):
        if actor.kind in wanted and not _is_outlet(actor):
            return actor
    return None


def _speaker(context: _Context, found: _Found) -> list[Actor]:
    """Who said it: the nearest party before both the verb and its targets."""
    pos = min([found.match.start(), *(a.evidence.start for a in found.targets)])
    before = _candidates_before(found, pos)
    return before[-1:]


def _by_agent(context: _Context, found: _Found) -> list[Actor]:
    """The party after "by" (or the one the caller speaks for), with those coordinated with it."""
    start = found.match.end()
    by = re.match(r"\s*by\b", context.text[start:start + 6], re.I)
    if found.rule.kind != "claim" and by is None:
        return []
    start += by.end() if by else 0
    after = [a for a in found.sentence.actors if a.evidence.start >= start and a not in found.targets]
    if not after or not re.match(DIRECT_GAP, context.text[start:after[0].evidence.start], re.I):
        return []
    return _right_chain(context, after, after)


def _wing_owner(context: _Context, found: _Found) -> list[Actor]:
    """A media wing's owner, as an actor whose evidence is the wing's name."""
    wing = re.match(r"[\w'’-]+(?:[\s-][\w'’-]+)?", found.match.group())
    owner = next((name for key, name in MEDIA_WINGS.items() if fold(found.match.group()).startswith(key)), None)
    if wing is None or owner is None:
        return []
    entry = context.registry.lookup(owner)
    span = context.article.span(found.match.start(), found.match.start() + len(fold(wing.group()).split()[0]))
    return [Actor(entry.name if entry else owner, span, kind="organization", actor_id=entry.id if entry else None)]


def _claimant(context: _Context, actor: Actor) -> Actor:
    """A media wing claims for its owner; a spokesman or leader for his group."""
    key = fold(actor.name)
    owner = next((name for wing, name in MEDIA_WINGS.items() if key.startswith(wing)), None)
    if owner is not None:
        entry = context.registry.lookup(owner)
        return replace(actor, name=entry.name if entry else owner, actor_id=entry.id if entry else None)
    if actor.kind == "individual":
        return _group_of(context, actor) or actor
    return actor


def _group_of(context: _Context, person: Actor) -> Actor | None:
    """"Hezbollah leader X" or "X, a Taliban spokesman": the group the person speaks for."""
    text = context.text
    for actor in context.actors:
        if actor.kind != "organization" or _is_outlet(actor):
            continue
        before = text[actor.evidence.end:person.evidence.start]
        after = text[person.evidence.end:actor.evidence.start]
        if 0 <= len(before) <= 30 and re.match(r"^['’]?s?\s+(?:[\w-]+\s+)?(?:leader|spokes\w+|commander|chief|head|emir|founder)\s+$", before, re.I):
            return actor
        if 0 <= len(after) <= 12 and re.match(r"^,\s+(?:a|an|the)\s+$", after) and re.match(r"\s+(?:spokes\w+|leader|commander)", text[actor.evidence.end:actor.evidence.end + 16], re.I):
            return actor
    return None


# --- statements --------------------------------------------------------------------------------


def _statements(context: _Context, found: _Found) -> list[Statement]:
    kind = found.rule.kind
    if kind == "accusation":
        return [_statement(context, found, found.agents[-1] if found.agents else None, found.targets)]
    if kind == "claim":
        return [_statement(context, found, _claimant(context, agent), []) for agent in found.agents]
    if kind == "denial":
        return [_statement(context, found, agent, []) for agent in found.agents]
    return [_statement(context, found, found.agents[-1] if found.agents else None, [])]


def _statement(context: _Context, found: _Found, by: Actor | None, against: list[Actor]) -> Statement:
    evidence = _evidence(context, found, against)
    channel = _channel(context, found)
    date = _date(context, found)
    targets = [a for a in against if not by or a.name != by.name]
    return Statement(
        kind=found.rule.kind,
        by=by.name if by else None,
        by_id=by.actor_id if by else None,
        evidence=evidence,
        against=_unique([a.name for a in targets]),
        against_ids=[a.actor_id for a in _unique_actors(targets)],
        channel=channel[0] if channel else None,
        channel_evidence=channel[1] if channel else None,
        date=date.value if date else None,
        date_evidence=date.evidence if date else None,
        hedged=found.rule.hedged or _hedged(context, found, evidence),
    )


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _unique_actors(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.name, actor)
    return list(seen.values())


def _evidence(context: _Context, found: _Found, against: list[Actor]) -> Span:
    """The verb phrase through its object: 'blamed the U.S. and Israel', 'claim responsibility for the bombings in Iran'."""
    start, end = found.match.start(), found.match.end()
    if "v" in found.match.re.groupindex:
        start = found.match.start("v")
    if against:
        start = min(start, *(a.evidence.start for a in against))
        end = max(end, *(a.evidence.end for a in against))
    elif found.rule.agent == "by" and found.agents:
        end = max(end, found.agents[-1].evidence.end)
    else:
        end = _object_end(context, found.sentence, end)
    return context.article.span(start, end)


def _object_end(context: _Context, sentence: _Sentence, end: int) -> int:
    """The end of the object after a verb: up to a clause boundary, at most 100 characters on."""
    rest = context.text[end:min(sentence.span.end, end + 100)]
    stop = re.search(r"[,;:.!?(]|\s(?:that|which|who|where|when|while|after|before|because|and\s+(?:said|added|vowed|warned|called))\s", rest)
    cut = stop.start() if stop else len(rest)
    return end + len(rest[:cut].rstrip(" ”\"'’"))


def _channel(context: _Context, found: _Found) -> tuple[str, Span] | None:
    """The most specific channel named in the sentence; for a claim, also an "In a statement, ..." that follows."""
    spans = [found.sentence.span]
    if found.rule.kind == "claim":
        follow = _following_sentence(context, found.sentence)
        if follow is not None and re.match(r"(?:In|Through|Via|On)\s+(?:a|an|its|their|the)\b", follow.text):
            spans.append(follow)
    for span in spans:
        hit = _channel_in(context, span, found.match.start())
        if hit is not None:
            return hit
    return None


def _following_sentence(context: _Context, sentence: _Sentence) -> Span | None:
    i = sentence.index + 1
    return context.sentences[i] if i < len(context.sentences) else None


def _channel_in(context: _Context, span: Span, pos: int) -> tuple[str, Span] | None:
    text = context.text
    for pattern, name in _channel_patterns():
        hits = list(pattern.finditer(text, span.start, span.end))
        if hits:
            best = min(hits, key=lambda m: abs(m.start() - pos))
            return name, context.article.span(best.start(), best.end())
    return None


def _date(context: _Context, found: _Found) -> DateValue | None:
    """The date in the statement's sentence that dates the statement, not the attack it is about."""
    span = found.sentence.span
    dates = [
        d for d in context.article.dates
        if d.value and span.contains(d.evidence) and not _dates_the_event(context.text, span, d.evidence)
    ]
    if not dates:
        return None
    return min(dates, key=lambda d: abs(d.evidence.start - found.match.start()))


def _dates_the_event(text: str, sentence: Span, evidence: Span) -> bool:
    before, after = _date_context()
    return bool(before.search(text[max(sentence.start, evidence.start - 40):evidence.start]) or after.match(text[evidence.end:evidence.end + 40]))


def _hedged(context: _Context, found: _Found, evidence: Span) -> bool:
    """Hedged when the clause before the verb or, for accusations, the statement itself hedges."""
    window = _clause_before(context.text, found.sentence, found.match.start())[-80:]
    if found.rule.kind == "accusation":
        window += " " + evidence.text
    return bool(HEDGES.search(window))


# --- clean-up ----------------------------------------------------------------------------------


def _without_claimant_accusations(statements: list[Statement], found: list[_Found]) -> list[Statement]:
    """A claimant's own words accuse nobody, and the reporter's "carried out by X" does not accuse a claimant."""
    claimants = {s.by for s in statements if s.kind == "claim"}
    kept = []
    for statement in statements:
        if statement.kind == "accusation":
            if statement.by in claimants and _same_sentence_claim(statement, statements):
                continue
            if statement.by is None and statement.against and set(statement.against) <= claimants:
                continue
            if not statement.against:
                continue
        kept.append(statement)
    return kept


def _same_sentence_claim(accusation: Statement, statements: list[Statement]) -> bool:
    return any(
        s.kind == "claim" and s.by == accusation.by and abs(s.evidence.start - accusation.evidence.start) < 300
        for s in statements
    )


def _merged(statements: list[Statement]) -> list[Statement]:
    """One statement per (kind, by, against): the best-documented mention, completed from the others."""
    groups: dict[tuple, list[Statement]] = {}
    for statement in statements:
        groups.setdefault((statement.kind, statement.by, tuple(sorted(statement.against))), []).append(statement)
    merged = [_best_of(group) for group in groups.values()]
    return sorted(merged, key=lambda s: s.evidence.start)


def _best_of(group: list[Statement]) -> Statement:
    best = max(group, key=lambda s: (s.channel is not None, s.date is not None, -s.evidence.start))
    for other in group:
        if best.channel is None and other.channel is not None:
            best = replace(best, channel=other.channel, channel_evidence=other.channel_evidence)
        if best.date is None and other.date is not None:
            best = replace(best, date=other.date, date_evidence=other.date_evidence)
    return best


class StatementsComponent:
    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry if registry is not None else load_registry()

    def __call__(self, article: Article) -> Article:
        article.statements = find_statements(article, self.registry)
        return article


@component("statements", requires=("doc", "sentences", "actors", "dates"), assigns=("statements",))
def make_statements():
    return StatementsComponent()
