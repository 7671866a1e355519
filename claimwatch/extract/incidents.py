"""From annotations to incidents: which events the report is about, and what it says of each.

Steps, each a small function:
1. `clauses`: sentences cut at dashes, semicolons and brackets; cues and dates are read per clause.
2. `group_mentions`: the first specific, non-background trigger of the title or lead opens the
   main incident; later mentions join it unless their clause says they are older or elsewhere
   (anniversaries, other years, a date weeks away, "a previous attack", another country), in which
   case they open or join a background incident.
3. `assemble`: type, date, place, figures, weapons, suicide, statements and perpetrators are read
   from the sentences that belong to each incident, each value keeping its evidence.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from ..geo import km
from ..model import (
    Article, DateValue, EventMention, Figure, Incident, Party, Perpetrator, Place, Span, Statement, Weapon,
)
from .dates import CIVIC_OCCASION, MONTHS, NUMBER_WORDS, WEEKDAYS, month_start
from .gazetteer import load_gazetteer, name_key
from .pipeline import component
from .places import CITY_STATES, in_dateline

CLAUSE_BREAK = re.compile(r"\s[–—-]\s|;|\(|\)|,? (?:which|who|when|while|whereas) |, (?:after|before|but) ")
# "on the same day", "in a separate attack", "another bombing": another incident, whatever its date
_ANOTHER = (r"(?:on|the) same (?:day|morning|night|evening)|separately|"
            # "settlers rampaged through the town hours after a Palestinian gunman killed two brothers": an
            # earlier incident, told with its own attackers, even on the same day
            # ("hours after Islamic State militants killed at least 11 people in the neighbouring village")
            # ("the blast came hours after masked gunmen stopped a minibus": one incident that came after
            # another; not "Putin spoke hours after gunmen stormed Grozny", the report's own)
            r"(?:(?:came|happened|occurred|struck) hours after (?!the |this |that |these |those |its |their )|"
            r"hours after (?:(?:a|an|two|three|\d+) |(?-i:[A-Z])[\w'-]+ (?:(?-i:[A-Z])[\w'-]+ )?))(?:[\w-]+ ){0,2}?"
            r"(?:gunm[ae]n|attackers?|bombers?|assailants?|militants?|fighters|insurgents|jihadists)|"
            r"separate (?:attack|incident|bombing|shooting|blast|explosion)|"
            # "Hours later, a blast brought down the cable car": a new one, hours apart ("minutes later, a
            # second bomb" is the same attack's next part)
            r"hours later,? (?:a|an)|"
            r"another (?:[\w-]+ ){0,2}(?:attack|bombing|blast|explosion|bomb|bomber|shooting|incident|strike|raid)")
BACKGROUND_CUE = re.compile(
    r"\b(?:anniversary(?!" + CIVIC_OCCASION + r")|years? ago|months ago|last year|earlier (?:attacks?|bombings?|this year)|"
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:years?|decades?) (?:since|after)|"
    r"previous(?:ly)? (?:[\w-]+ ){0,2}(?:attack|attacks|attacked|bombing|bombed|blast|shooting|strike|raid|kidnapping)|"
    r"in (?:the )?past|since (?:19|20)\d\d|in (?:19|20)\d\d|(?:19|20)\d\d (?:attack|bombing)|"

    r"similar (?:attack|bombing)s?|" + _ANOTHER + r"|"
    r"worst (?:attack|bombing) since|deadliest .{0,30} since|recalled|"
    # "the attack follows a bombing in Burgos", "followed by little more than a day a van bombing" (not
    # "was followed by a second explosion": the same incident's next part)
    r"follow(?:s|ed|ing)\s+(?:(?:by\s+)?(?:[\w-]+\s+){0,4}(?:hours?|days?|weeks?|months?)\s+)?(?:a|an|another)\s+"
    r"(?:[\w-]+\s+){0,3}(?:attack|bombing|blast|explosion|shooting|raid|assault|kidnapping|massacre|ambush|battle|"
    r"siege|gunfight|firefight|standoff|stand-off)s?|"
    r"(?:(?:a|one|two|three|four|five|several|just|only|mere) )?(?:days?|weeks?|months?) (?:to the day )?(?:after|before|earlier))\b",
    re.I,
)
# before the trigger only ("said it carried out the attack in revenge for ..." keeps its attack), and only
# where something was that reprisal ("may have been retaliation for the killings", "in revenge for"),
# not where revenge is still to come ("Iran vowed revenge for the attack")
REPRISAL_BEFORE = re.compile(r"\b(?:in|as|was|were|been|be|is|a|an)\s+(?:(?:apparent|possible|direct)\s+)?"
                             r"(?:retaliation|revenge|reprisals?|retribution)\s+for\s+(?:[\w'’-]+\s+){0,4}$", re.I)
ANAPHORIC = re.compile(r"\b(?:the|that|this|these|those|today's|yesterday's|[A-Z][a-z]+day's)\W+(?:[\w'-]+\W+){0,2}$", re.I)
# A reporting verb right after a date ("on Thursday said") or right before it ("said on Thursday")
# dates the statement. After the date only the verb that follows at once counts: in "killed 12 people
# on Thursday, police said" the date is the killing's.
REPORTING_AFTER = re.compile(
    r"^\W*(?:said|says|say|claimed|claims|announced|told|issued|used|posted|confirmed|added|reported|stated|"
    r"denied|rejected|dismissed|refuted|blamed|accused|vowed|condemned|released|published|named|identified|"
    r"arrested|charged|detained|"
    r"maintained|insisted|raised|revised|updated|withdrew|retracted|corrected|called|described|branded|"
    r"a\s+day\s+of\s+(?:national\s+)?mourning|"
    r"to\s+(?:bury|mourn|remember|honou?r)\b)\b",  # "were preparing on Saturday to bury gendarmes killed ..."
    re.I,
)
REPORTING_BEFORE = re.compile(
    r"\b(?:said|says|claimed|announced|told|confirmed|reported|denied|blamed|accused|condemned|statement|responsibility|"
    r"maintained|insisted|stressed|argued|"
    r"asked|demanded|urged|warned|vowed|pledged|promised|"
    r"griev(?:ed|es|ing)|mourn(?:ed|s|ing)|buried|funerals?|vigils?|tributes?|accounts?|versions?|details)\W*$",
    re.I,
)
# "had named him on Monday as the planner", "told reporters on Friday": a reporting verb and its object
REPORTING_OBJECT_BEFORE = re.compile(
    r"\b(?:named|identified|charged|arrested|told|blamed|accused|quoted|detained|questioned|briefed)\s+"
    r"(?:him|her|them|reporters|journalists|lawmakers|parliament|senators)\s+$", re.I)
# "former airport staff told the trial of two ex-gendarmes on Wednesday": the day of testimony
TESTIMONY_BEFORE = re.compile(
    r"\b(?:told|testified\s+(?:to|before|at))\s+(?:the\s+|a\s+)?(?:court|trial|tribunal|judges?|jury|hearing|inquiry|"
    r"inquest|commission|committee)(?:\s+(?:of|into|on)\s+(?:[\w'’-]+\s+){1,4})?\s*$", re.I)
# "China asked Pakistan on Wednesday to investigate the bombing": a request to a named party (case-sensitive)
REQUEST_OBJECT_BEFORE = re.compile(r"\b(?:[Aa]sked|[Uu]rged|[Tt]old|[Pp]ressed|[Ww]arned|[Cc]alled on|[Bb]riefed)\s+"
                                   r"(?:the\s+)?(?:[A-Z][\w'’-]+\s+){1,3}$")
SUICIDE_FALSE = re.compile(
    r"\b(?:planted|remote(?:ly)?[- ]control(?:led)?|remotely detonated|timer|timed device|left (?:in|at|on|near)|"
    r"hidden in|was arrested|were arrested|surrendered|taken into custody|in custody|fled|escaped|"
    r"was detained|were detained|was captured|threw (?:a|the) grenade|hurled|"
    # GTD codes an attack suicide only where the attacker meant to die: one who withdrew, is still at
    # large, was shot by the police, or struck from afar did not
    r"withdrew|withdrawing|(?:still |remain(?:s|ed)? )?at large|on the run|(?:have|has) not been (?:caught|found|identified)|"
    r"(?:shot dead|killed|gunned down|neutrali[sz]ed) by (?:the )?(?:police|security forces|troops|soldiers|officers|"
    r"commandos|special forces|gendarmes)|parked (?:against|outside|near|next to|beside)|"
    r"(?:fired|launched) from)\b",
    re.I,
)
# What became of the attackers, anywhere in the report outside another incident's sentences: an attacker who
# was caught, tried, overpowered, drove off or died at someone else's hand did not mean to die by the attack.
# Read only for an incident without explosives (where accomplices' arrests are common and tell nothing).
ATTACKER_FATE = re.compile(
    r"\b(?:arrest(?:ed|ing)|detain(?:ed|ing)|(?:taken into |in |held in )custody|charged with|held without bail|"
    r"(?:appeared|appear|appearance|brought)\b[^.]{0,40}\bcourt|overpowered|overpowering|pinned (?:him|her|them)|"
    r"(?:drove|sped|ran|raced) (?:off|away)|got away|shootout with|gunfight with|"
    r"shot (?:him|her|them|both [a-z]+|the [a-z]+) dead|"
    r"(?:police|officers?|troops|soldiers|forces|guards?|passer-by|bystander)\b[^.]{0,40}\bkilled (?:him|her|them)\b|"
    r"killed in (?:a|an) (?:clash|shootout|exchange of fire|gunfight) with|"
    r"(?:shot dead|killed|gunned down|neutrali[sz]ed|shot)(?: [\w-]+){0,3}? (?:by|during|after) (?:the |his |her |their |an? )?"
    r"(?:[\w-]+ )?(?:police|security forces|troops|soldiers|officers|commandos|special forces|gendarmes|arrest|siege)|"
    r"(?:police|officers|troops|soldiers|commandos)\b[^.]{0,30}\b(?:opened fire|fired\b[^.]{0,30}\bto stop))",
    re.I,
)
# The attackers got away: "the gunmen fled", "none of the attackers has been caught", "men police are still hunting"
ATTACKER_ESCAPE = re.compile(
    r"\b(?:attackers?|gunm[ae]n|assailants?|killers?|bombers?|shooters?|perpetrators?|militants|rebels|fighters|"
    r"men|they)\b[^.;]{0,50}?\b(?:fled|escaped|rode off|r[au]n off|ran away|slipp(?:ed|ing) away|got away|"
    r"(?:has|have|had) not been (?:caught|found|arrested)|(?:is|are|were|was) still (?:being )?(?:hunted|sought|at large)|"
    r"still (?:hunting|searching for|looking for))\b|"
    r"\b(?:none|neither) of the (?:attackers|gunmen|assailants|killers|perpetrators)\b[^.;]{0,20}?\b"
    r"(?:has|have|had|was|were) (?:yet )?been (?:caught|arrested|found|detained)\b",
    re.I,
)
# How a bomb was delivered, anywhere in the report outside another incident's sentences: left, planted, thrown
BOMB_DELIVERY = re.compile(
    r"\b(?:planted|left (?:a|an|the|two|three) (?:[a-z]+ )?(?:bombs?|devices?|explosives?|bags?|packages?)|"
    r"(?:threw|thrown|hurled|lobbed|tossed)\b[^.]{0,30}\b(?:bombs?|grenades?|explosives?|devices?|petrol bombs?)|"
    r"remote(?:ly)?[- ]?(?:control(?:led)?|detonated)|(?:set off|detonated|triggered) remotely|timer|timed device|"
    r"land ?mines?|roadside (?:bombs?|devices?|IEDs?)|buried (?:under|beneath|in)|"
    r"leaving (?:a|an|the) (?:[a-z]+ )?(?:backpack|bag|package|device|bomb))\b",
    re.I,
)
# a kidnapping or a strike from afar is never a suicide attack
REMOTE_WEAPONS = re.compile(r"\b(?:rockets?|missiles?|mortars?|drones?|shelling|shells)\b", re.I)
# GTD's attack-type hierarchy (assassination, hijacking, kidnapping, barricade, bombing, armed assault,
# unarmed assault, facility): an incident of several types takes the highest.
# an explosive named as a weapon in an attacker's hands, not as the explosion
CARRIED_EXPLOSIVE = re.compile(r"(?:(?:hand|rocket-propelled|homemade|home-made|stun|petrol)\s+)?(?:grenades?|RPGs?|bombs)",
                               re.I)
TYPE_HIERARCHY = ("assassination", "hostage_taking", "kidnapping", "bombing", "armed_assault", "unarmed_assault",
                  "arson", "facility_attack", "other")
WEAK_TYPES = {"other"}
LEAD_SENTENCES = 3
MAX_MAIN_DATE_GAP = dt.timedelta(days=14)


@dataclass
class Group:
    role: str
    mentions: list[EventMention] = field(default_factory=list)
    sentences: set[int] = field(default_factory=set)
    date: DateValue | None = None
    country: str | None = None
    rivals: list["Group"] = field(default_factory=list)  # the other incidents of the article
    leads: bool = False  # the main incident, or the first of those a report only recalls


# ---------------------------------------------------------------- clauses and cues

def clauses(sentence: Span) -> list[Span]:
    """The sentence cut at clause breaks; each piece a Span into the article text."""
    pieces, start = [], 0
    for match in CLAUSE_BREAK.finditer(sentence.text):
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, len(sentence.text)))
    base = sentence.start
    return [Span(base + a, base + b, sentence.text[a:b]) for a, b in pieces if b > a]


def clause_of(article: Article, span: Span) -> Span:
    sentence = article.sentences[article.sentence_of(span.start)]
    return next((c for c in clauses(sentence) if c.start <= span.start < max(c.end, c.start + 1)), sentence)


def dates_in(article: Article, span: Span) -> list[DateValue]:
    return [d for d in article.dates if span.contains(d.evidence) and not article.is_excluded(d.evidence.start)]


def bound_to_statement(article: Article, date: DateValue) -> bool:
    """A date next to a reporting verb dates the statement, not the event ("X on Thursday said")."""
    if re.match(r"['’]s\b", article.text[date.evidence.end: date.evidence.end + 2]):
        return False  # "Monday's bombing": a possessive date dates the noun after it
    if _deadline(article, date):
        return True
    if any(s.date_evidence is not None and s.date_evidence.overlaps(date.evidence) for s in article.statements):
        return True
    after = article.text[date.evidence.end: date.evidence.end + 25]
    before = article.text[max(0, date.evidence.start - 25): date.evidence.start]
    return bool(REPORTING_AFTER.search(after)) and not _trigger_near(after) or bool(REPORTING_BEFORE.search(before)) \
        or bool(REPORTING_OBJECT_BEFORE.search(before)) or bool(REQUEST_OBJECT_BEFORE.search(before)) \
        or bool(MESSAGE_BEFORE.search(article.text, max(0, date.evidence.start - 70), date.evidence.start)) \
        or bool(TESTIMONY_BEFORE.search(article.text, max(0, date.evidence.start - 70), date.evidence.start))


# "said in a televised address on Thursday", "in a statement late on Sunday": the date of a message
# "in its weekly newspaper al-Naba, released on Thursday": a publication's day too
MESSAGE_BEFORE = re.compile(r"\b(?:address|speech|statement|interview|broadcast|(?:news|press) conference|briefing|"
                            r"message|video|audio recording|tweet|post|newspaper|magazine|newsletter|bulletin|"
                            r"communiqu[eé])(?:\s+[\w'-]+)?,?\s+"
                            r"(?:(?:posted|published|issued|released|carried|aired|broadcast)\s+)?"
                            r"(?:(?:on|via|through|in)\s+(?:one\s+of\s+)?(?:its|their|his|her|the|a)\s+(?:[\w'-]+\s+){0,3})?$", re.I)


# "rose to 100 on Tuesday", "stood at 139 on Tuesday": the date of a count, not of the incident
TOLL_UPDATE = re.compile(
    r"\b(?:rose|risen|rises|climbed|increased|jumped|reached|stood|stands|was raised|revised)\b"
    r"(?:\s+(?:to|at))?\s+(?:[\w,.-]+\s+){0,3}$",
    re.I,
)


def dates_a_count(article: Article, date: DateValue) -> bool:
    if re.match(r"['’]s\b", article.text[date.evidence.end: date.evidence.end + 2]):
        return False  # "revised the toll from Sunday's gun attack": a possessive date dates the noun after it
    index = article.sentence_of(date.evidence.start) if article.sentences else -1
    floor = article.sentences[index].start if 0 <= index < len(article.sentences) else 0  # not "reached by telephone.\n\nOn Tuesday"
    return bool(TOLL_UPDATE.search(article.text[max(floor, date.evidence.start - 40): date.evidence.start]))


def _trigger_near(text: str) -> bool:
    from .events import TRIGGER

    return TRIGGER.search(text[:12]) is not None


def is_background(article: Article, mention: EventMention, main_date: DateValue | None,
                  main_country: str | None = None) -> bool:
    """The trigger's clause dates or places it away from the main incident, or a cue word stands close by."""
    clause = clause_of(article, mention.trigger)
    if main_country and _elsewhere(article, mention, clause, main_country):
        return True
    # (not "In May, JNIM claimed the assault on an army post", in a report of July's raids: a claim made
    # months before the incident is about another one)
    if main_date is not None and CLAIMED_THE.search(article.text, max(0, mention.trigger.start - 50), mention.trigger.start) \
            and not _another_incident_cue(article, mention, clause) \
            and not any(_far_before(d, main_date, article.published) and not _inside_a_relative_clause(article, clause, d)
                        for d in dates_in(article, clause)):
        return False  # "Islamic State claimed the bombing on Friday": the report's incident, claimed on Friday
    if main_date is None and _late_news(article, mention):
        return False  # "JNIM has claimed the May 11 attack on an army post", in a report of May 27
    # a claim made months before the incident is about another one: a far statement date still counts
    dates = [d for d in dates_in(article, clause) + _when_dates(article, clause)
             if (not bound_to_statement(article, d) or _far_before(d, main_date, article.published)
                 or _opening_date_of(article, mention, d)) and not _compared_to(article, mention, d)
             and not _after_publication(article, d) and not _deadline(article, d)  # "unless the UN takes charge by June 30"
             and not dates_a_count(article, d)  # "the toll from that attack rose overnight to four"
             and not _born(article, d.evidence.start)]  # "Nerdin Ibric, born in 1991 in Sapna"
    if main_date and any(d.value == main_date.value for d in dates) and not _another_incident_cue(article, mention, clause):
        return False
    other_days = [d for d in dates if d.precision == "day" and d.value and main_date and d.value != main_date.value]
    if other_days and main_date.precision == "day" and main_date.value:
        closing = _firmly_dated(article, main_date)  # only read where a day of its own is in question
        if any(_dates_trigger(article, mention, d, closing) for d in other_days):
            return True  # "Wednesday's truck bombing", "killed on Friday": a day of its own, another incident
    if any(d.counted_from or _far_from(d, main_date, article.published) and not _nearer_date(mention, d, dates)
           for d in dates):
        return True
    if main_country and not _anaphoric(article, mention) and _sentence_elsewhere(article, mention, main_country):
        return True
    start = max(clause.start, mention.trigger.start - CUE_REACH)
    if REPRISAL_BEFORE.search(article.text, start, mention.trigger.start):
        return True  # "retaliation for the killings of three clerics": the earlier incident
    cue = BACKGROUND_CUE.search(article.text, start, mention.trigger.end + CUE_AFTER)
    if cue is not None and cue.start() >= mention.trigger.end and cue.group().lower().endswith("after"):
        return False  # "The raid also came two days after militants attacked ...": the later one is this one
    return cue is not None and not _after_a_statement(article, mention, cue) and not _born(article, cue.start())


BORN_BEFORE = re.compile(r"\bborn\s*$", re.I)


def _born(article: Article, start: int) -> bool:
    """A birth date ("born in 1991") dates a person, not an incident."""
    return BORN_BEFORE.search(article.text, max(0, start - 12), start) is not None


def _nearer_date(mention: EventMention, far: DateValue, dates: list[DateValue]) -> bool:
    """Another date of the clause, not far off, stands nearer the trigger than `far` does: "the teenager
    accused of killing 10 people on Saturday had been taken for an evaluation last year" is Saturday's."""
    def reach(d: DateValue) -> int:
        return min(abs(d.evidence.start - mention.trigger.end), abs(mention.trigger.start - d.evidence.end))
    return any(d is not far and not d.counted_from and d.precision == "day" and reach(d) < reach(far)
               and not (far.evidence.start <= d.evidence.start < far.evidence.end) for d in dates)


# "Islamic State claimed the bombing on Friday": a claim's object told with "the" is the incident already known
CLAIMED_THE = re.compile(r"\bclaim(?:ed|s)\s+(?:(?:responsibility|credit)\s+for\s+)?the\s+(?:[\w-]+\s+){0,2}$", re.I)
NEWS_GAP = dt.timedelta(days=45)  # a claim or a revised toll may come weeks after the attack, and is news then


# "..., the United Nations said in a report on Monday, raising its earlier count of 184": the lead revises
# the toll of an incident weeks old, which is the report's news
TOLL_REVISED = re.compile(r"\b(?:rais(?:ed|ing)|revis(?:ed|ing)|(?:rose|rising|climbed|climbing|jumped)\s+(?:[\w-]+\s+){0,3}?"
                          r"from)\b[^.;]{0,40}?\b(?:earlier|previous|first|initial)\s+(?:[\w-]+\s+)?(?:count|toll|tally|figure)\b",
                          re.I)


def _late_news(article: Article, mention: EventMention) -> bool:
    """The report's news is a claim of the trigger's attack, an accusation of it or a revision of its toll,
    made weeks later: that attack is the report's incident, although older than a main incident may
    otherwise be."""
    return _claimed_object(article, mention) or _accused_object(article, mention) or _toll_revised(article, mention) \
        or _died_of(article, mention)


# "a day after he became the fourth serviceman to die from the roadside bomb that hit a marine patrol near
# Mataje on March 20": a later death raises the toll of an attack weeks old, which is the report's news
DIED_OF_BEFORE = re.compile(r"\b(?:die[ds]?|dying|succumbed)\s+(?:\w+\s+){0,3}?(?:from|of|in)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}$",
                            re.I)


def _died_of(article: Article, mention: EventMention) -> bool:
    if not DIED_OF_BEFORE.search(article.text, max(article.sentences[mention.sentence].start, mention.trigger.start - 60),
                                 mention.trigger.start):
        return False
    return _within_news_gap(article, mention, undated=True)


# "blamed Rohingya insurgents of the Arakan Rohingya Salvation Army for killing them a month ago",
# "accused the militia of the massacre", "believes that Hmong exiles are behind the bomb": the trigger is what
# the accusation is about
ACCUSED_OF_BEFORE = re.compile(r"\b(?:blam(?:ed|es|ing)\s+[^.;]{1,100}?\s+for|accus(?:ed|es|ing)\s+[^.;]{1,100}?\s+of|"
                               r"held\s+[^.;]{1,60}?\s+responsible\s+for|"
                               r"\b(?:is|are|was|were|be|been)\s+(?:\w+\s+)?behind)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)


def _accused_object(article: Article, mention: EventMention) -> bool:
    """The trigger is what an accusation in its sentence is about, dated within `NEWS_GAP` of publication."""
    sentence = article.sentences[mention.sentence]
    if not ACCUSED_OF_BEFORE.search(article.text, sentence.start, mention.trigger.start):
        return False
    if _another_incident_cue(article, mention, clause_of(article, mention.trigger)):
        return False
    return _within_news_gap(article, mention, undated=True)


def _toll_revised(article: Article, mention: EventMention) -> bool:
    """The trigger's sentence revises an earlier toll, and the trigger is dated within `NEWS_GAP`."""
    return bool(TOLL_REVISED.search(article.sentences[mention.sentence].text)) and \
        _within_news_gap(article, mention, undated=False)


def _claimed_object(article: Article, mention: EventMention) -> bool:
    """The trigger is what a claim in the report claims ("has claimed the May 11 attack"), undated or
    dated within `NEWS_GAP` of publication."""
    if not CLAIMED_THE.search(article.text, max(0, mention.trigger.start - 50), mention.trigger.start):
        return False
    if _another_incident_cue(article, mention, clause_of(article, mention.trigger)):
        return False
    return _within_news_gap(article, mention, undated=True)


def _within_news_gap(article: Article, mention: EventMention, undated: bool) -> bool:
    """The trigger's date lies at most `NEWS_GAP` before publication (a year never does); `undated` when
    it has no date to tell."""
    date = event_date(article, [mention])
    if date is None or not date.value or article.published is None:
        return undated
    if date.precision == "year":
        return False
    start, end = _range(date)  # "a month ago": any day of that month, its last one nearest
    return dt.timedelta(0) <= article.published - start and article.published - min(end, article.published) <= NEWS_GAP


# "came on the same day that a suicide bomber killed 27 in Kuwait City", "in a separate attack": another
# incident, even when its date is the main one's
ANOTHER_INCIDENT = re.compile(r"\b(?:" + _ANOTHER + r")\b", re.I)


# "..., one week to the day after a bombing at a mosque in Kunduz": the trigger after "after" is an earlier one
# "two days after women bombers attacked the Moscow metro": no article, but not "the" (the report's own)
AFTER_ANOTHER = re.compile(r"\b(?:days?|weeks?|months?|years?) (?:to the day )?(?:after|before) (?!the\b|this\b|that\b)"
                           r"(?:(?:a|an|another) )?(?:[\w-]+ ){0,2}$", re.I)


def _another_incident_cue(article: Article, mention: EventMention, clause: Span) -> bool:
    start = max(clause.start, mention.trigger.start - CUE_REACH)
    return ANOTHER_INCIDENT.search(article.text, start, mention.trigger.end) is not None or \
        AFTER_ANOTHER.search(article.text[start: mention.trigger.start]) is not None


RELATIVE_TIME = re.compile(r"(?:days?|weeks?|months?) (?:to the day )?(?:after|before|earlier)$", re.I)


def _after_a_statement(article: Article, mention: EventMention, cue: re.Match) -> bool:
    """ "the Vatican said on Monday, a day after a suicide bomber struck the cathedral": "a day after"
    dates the attack against what the sentence reports before it; when that is no violent event (a
    statement, a visit), the attack is the report's own, not an earlier one. Not so when "after" has an
    attack of its own for object ("a day after the Iranian attack, a bomber killed")."""
    if cue.end() > mention.trigger.start or not RELATIVE_TIME.search(cue.group()):
        return False
    sentence = article.sentences[mention.sentence]
    from .events import TRIGGER

    other = TRIGGER.search(article.text, cue.end(), mention.trigger.start)
    if other and "," in article.text[other.end():mention.trigger.start]:
        return False  # "A day after the Iranian attack, a suicide car bomber killed": after another event
    return TRIGGER.search(article.text, sentence.start, cue.start()) is None


def _opens_a_sentence_of_attacks(article: Article, mention: EventMention, date: DateValue) -> bool:
    """ "On Thursday a missile hit a parade ..., and a car bombing struck a police station": a date that opens
    a sentence whose first clause tells of an attack dates the attacks coordinated after it."""
    sentence = article.sentences[mention.sentence]
    if article.text[sentence.start:date.evidence.start].strip(" \"“") or \
            any(date.evidence.end <= d.evidence.start < mention.trigger.start for d in article.dates):
        return False
    earlier = any(m.sentence == mention.sentence and date.evidence.end <= m.trigger.start < mention.trigger.start
                  for m in article.events)
    return earlier and not _opens_another_clause(article, mention, date)


OWN_DAY_BEFORE = re.compile(r"^(?:['’]s\s+(?:[\w-]+\s+){0,2}|\s+)$")  # "Monday's truck bombing", "the March 18 assault"
OWN_DAY_AFTER = re.compile(r"^\s*(?:\w+\s+)?$")


def _opening_date_of(article: Article, mention: EventMention, date: DateValue) -> bool:
    """The date opens the trigger's own clause ("..., and last Tuesday a man killed four"): the
    trigger's, even where a statement nearby would take it for its own."""
    return date.evidence.end <= mention.trigger.start and _opens_the_clause_of(article, date, mention.trigger)


def _dates_trigger(article: Article, mention: EventMention, date: DateValue, closing: bool = False) -> bool:
    """The date is the trigger's own: "Wednesday's bombing", "was killed on Friday", "On Sunday, two
    gunmen from the town killed"; with `closing`, also a date that closes the verb's phrase."""
    trigger = mention.trigger
    if date.evidence.end <= trigger.start:
        return bool(OWN_DAY_BEFORE.match(article.text[date.evidence.end: trigger.start])) or \
            _opens_the_clause_of(article, date, trigger) or _opens_a_sentence_of_attacks(article, mention, date)
    if date.evidence.start < trigger.end:
        return False
    return (date.evidence.start - trigger.end <= 12 and bool(OWN_DAY_AFTER.match(article.text[trigger.end: date.evidence.start]))) \
        or (closing and _ends_the_verb_phrase(article, trigger, date))


def _firmly_dated(article: Article, date: DateValue | None) -> bool:
    """The main incident's date is some trigger's own ("Wednesday's blast"), not one a statement or a
    search lent it ("were hunting on Wednesday for a gunman")."""
    return date is not None and date.evidence is not None and any(
        _dates_trigger(article, m, date) or _ends_the_verb_phrase(article, m.trigger, date)
        for m in article.events if article.sentence_of(m.trigger.start) == article.sentence_of(date.evidence.start))


FINAL_REACH = 120  # characters from a verb to a date that closes its phrase
# words after which a date is another verb's or another event's: "killed two ... after a bombing on Thursday"
NOT_THE_VERBS = frozenset("after before since until following during when while as and but or which who that".split())


def _ends_the_verb_phrase(article: Article, trigger: Span, date: DateValue) -> bool:
    """ "a bomb killed two officers outside their barracks in Palmanova, on the island of Mallorca, on
    Thursday": a date that closes a verb trigger's phrase, with no other verb or clause between, dates it."""
    if article.doc is None or date.evidence.start - trigger.end > FINAL_REACH or \
            article.sentence_of(date.evidence.start) != article.sentence_of(trigger.start):
        return False
    if date.evidence.start <= trigger.start:
        return False  # the date comes first: it closes no phrase of this trigger
    span = article.doc.char_span(trigger.start, date.evidence.start, alignment_mode="expand")
    tokens = [t for t in span if trigger.start <= t.idx < date.evidence.start] if span is not None else []
    if not tokens or tokens[0].pos_ != "VERB":
        return False
    return not any(t.pos_ in ("VERB", "AUX") or t.lower_ in NOT_THE_VERBS or t.text in ";:()—–"
                   for t in tokens[1:])


CLAUSE_OPENING = re.compile(r"^(?:\W*|.*(?:[;:]|,\s+(?:and|but)|\s[–—-])\s*|\W*(?:and|but|then)\s+)$", re.I | re.S)
OPENING_REACH = 140  # characters from a clause-opening date to its verb


def _after_an_opening_date(article: Article, date: DateValue, trigger: Span) -> list | None:
    """The tokens from a date that opens its clause ("On Sunday, ...", "..., and last Tuesday ...") up
    to a later trigger of the same sentence; None when the date opens no clause before it."""
    if article.doc is None or date.evidence.end > trigger.start:
        return None
    sentence = next((s for s in article.sentences if s.contains(date.evidence)), None)
    if sentence is None or not sentence.contains(trigger) \
            or not CLAUSE_OPENING.match(article.text[sentence.start: date.evidence.start]):
        return None
    between = article.doc.char_span(date.evidence.end, trigger.start, alignment_mode="expand")
    return None if between is None else [t for t in between if t.idx < trigger.start]


def _opens_the_clause_of(article: Article, date: DateValue, trigger: Span) -> bool:
    """A date that opens its clause dates the clause's first verb: "On Sunday, two gunmen from the
    town killed two officers" (but not "On Sunday, police said the bombing killed")."""
    if trigger.start - date.evidence.end > OPENING_REACH:
        return False
    tokens = _after_an_opening_date(article, date, trigger)
    if tokens is None:
        return False
    while tokens and (tokens[-1].pos_ in ("AUX", "PART", "ADV") or tokens[-1].is_space):
        tokens.pop()  # the trigger's own verb group: "had killed", "was also attacked"
    return not any(t.pos_ in ("VERB", "AUX") for t in tokens)


def _when_dates(article: Article, clause: Span) -> list[DateValue]:
    """ "since March 11, 2004, when bombs killed 191": a "when" clause happens at the date just before it."""
    if not re.search(r",?\swhen\s$", article.text[max(0, clause.start - 7): clause.start]):
        return []
    return [d for d in article.dates if 0 <= clause.start - d.evidence.end <= 8]


def _elsewhere(article: Article, mention: EventMention, clause: Span, main_country: str) -> bool:
    """A place right after the trigger ("an assault on the embassy in Baghdad") lies in another country."""
    reach = Span(mention.trigger.start, min(clause.end, mention.trigger.end + PLACE_REACH), "")
    near = [p for p in article.places if reach.contains(p.evidence) and p.country_code
            and LOCATIVE.search(article.text[max(0, p.evidence.start - 30): p.evidence.start])
            and _hangs_on(article.text[mention.trigger.end: p.evidence.start]) and not _not_scene(article, p)]
    return bool(near) and all(p.country_code != main_country for p in near)


def _hangs_on(gap: str) -> bool:
    """The place's phrase hangs on the trigger ("an assault on the embassy in Baghdad"), not on a later
    verb ("carried out the raid to punish Kenya for sending troops into Somalia")."""
    return len(gap) <= 32 and not re.search(r"[,;]|\b(?:to|for|after|before|because|and)\s", gap)


LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|across|into|on|of)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$", re.I)


def _anaphoric(article: Article, mention: EventMention) -> bool:
    """ "the attack", "Monday's bombing": a mention that refers back to an incident already named."""
    return bool(ANAPHORIC.search(article.text[max(0, mention.trigger.start - 30): mention.trigger.start]))


def _sentence_elsewhere(article: Article, mention: EventMention, main_country: str) -> bool:
    """Every place the sentence names (parties to statements aside) lies outside the main country."""
    sentence = article.sentences[mention.sentence]
    codes = {p.country_code for p in article.places
             if sentence.contains(p.evidence) and p.country_code and not _not_scene(article, p)}
    return bool(codes) and main_country not in codes


def main_country(article: Article, mention: EventMention) -> str | None:
    """The country of the scene places in the main trigger's sentence, else the article's most named one.
    A dateline ("DUBAI, Jan 14 (Wire) —") says where the report was filed: it counts only when no other place does."""
    sentence = article.sentences[mention.sentence]
    scene = [p for p in article.places if p.country_code and not _not_scene(article, p)]
    scene = [p for p in scene if not in_dateline(article, p)] or scene
    # "Pakistan on Sunday rejected suggestions that it had a hand in the assault on an army camp in
    # Jammu": the place the trigger itself names says where, over a party named beside it
    codes = [p.country_code for p in scene if sentence.contains(p.evidence) and _attached(article, p, [mention.trigger])] \
        or [p.country_code for p in scene if sentence.contains(p.evidence)]
    if not codes:
        codes = [p.country_code for p in scene if not article.is_excluded(p.evidence.start)]
    return Counter(codes).most_common(1)[0][0] if codes else None


PLACE_REACH = 60  # characters after a trigger in which a place says where it happened
CUE_REACH = 80  # characters before a trigger in which a background cue applies to it
CUE_AFTER = 25  # ... and after it ("the bombing in 2016")


def _far_from(date: DateValue, main_date: DateValue | None, published: dt.date | None) -> bool:
    if not date.value:
        return False
    value = dt.date.fromisoformat(date.value)
    anchor = dt.date.fromisoformat(main_date.value) if main_date and main_date.value else \
        _bounded_anchor(main_date, published)
    if anchor is None:
        return False
    if date.precision == "year":
        return value.year < anchor.year
    if date.precision == "month":
        if main_date is None or not main_date.value:
            # no main incident yet, only the report's date: "last month's bombing" in a report of Feb. 8
            # may be the report's own incident, if the month ended within the gap allowed
            last = (value.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            return anchor - last > MAX_MAIN_DATE_GAP
        return (anchor.year, anchor.month) != (value.year, value.month) and value < anchor
    if date.precision == "week" and main_date is not None and main_date.precision == "day" and main_date.value:
        return value + dt.timedelta(days=6) < anchor  # "last week" against an incident dated this week
    return abs(anchor - value) > MAX_MAIN_DATE_GAP


def _far_before(date: DateValue, main_date: DateValue | None, published: dt.date | None) -> bool:
    """Far from the main incident and before it: a statement made then is about another incident (one
    made weeks after it, a claim or an inquiry, is about this one)."""
    if not _far_from(date, main_date, published):
        return False
    if main_date is None or not main_date.value or not date.value:
        return True
    return date.value < main_date.value


BOUNDED_AGO = re.compile(r"\b(?:more than|over|at least) (?P<n>a|an|one|two|three|four|five|six|\d+) "
                         r"(?P<unit>day|week|month)s? ago\b", re.I)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}


def _bounded_anchor(main_date: DateValue | None, published: dt.date | None) -> dt.date | None:
    """ "more than two weeks ago" has no value, but it still says when the incident was at the latest:
    the dates near that bound are the incident's, not the publication day's neighbours."""
    if published is None:
        return None
    match = BOUNDED_AGO.search(main_date.phrase or "") if main_date and not main_date.value else None
    if not match:
        return published
    n = match["n"].lower()
    count = int(n) if n.isdigit() else NUMBER_WORDS[n]
    return published - dt.timedelta(days=count * _UNIT_DAYS[match["unit"].lower()])


# ---------------------------------------------------------------- grouping

def specific(mentions: list[EventMention]) -> list[EventMention]:
    return [m for m in mentions if not m.negated]


def find_main(article: Article, mentions: list[EventMention]) -> EventMention | None:
    """The first strong trigger in the lead that is not background; else any such trigger.

    A headline with no word of violence says the report is about something else (a closure, a
    report, a trial): then only a strong trigger in the first sentences makes a main incident.
    A violent headline over a lead whose incident is dated earlier (a release, a trial, a toll
    update) makes that earlier incident the main one: the report is a follow-up of it.
    """
    lead = [m for m in mentions if m.sentence < _lead_limit(article)]
    if not _headline_violent(article):
        return _first_current(article, [m for m in lead if m.sentence < _lead_limit(article, 2)])
    follow_up = next((m for m in lead if _names_an_incident(article, m) and not _commemorated(article, m)
                      and not security_operation(article, m)), None)
    if REMEMBERING_HEADLINE.search(article.title or _headline_line(article) or ""):
        # a report that remembers an incident is news only of what its lead reports afresh: "the shooting"
        # there is the remembered one
        return _first_current(article, [m for m in lead if not _anaphoric(article, m)]) or follow_up
    return _first_current(article, lead) or follow_up or _first_current(article, mentions)


COMMEMORATION = re.compile(r"\b(?:anniversary(?!" + CIVIC_OCCASION + r")|commemorat\w*|memorial|remember\w*|mourn\w*|one year since|"
                           r"(?:years?|decades?) (?:since|after)|to mark)\b", re.I)


# a headline about remembering ("one year on", "marks anniversary"); "mourns 70 dead" is fresh news
REMEMBERING_HEADLINE = re.compile(r"\b(?:anniversary|commemorat\w*|memorial|remember\w*|"
                                  r"(?:a|one|two|three|four|five|ten|\d+) (?:years?|decades?) (?:on|since|after|ago))\b", re.I)


def _commemorated(article: Article, mention: EventMention) -> bool:
    """The lead remembers the incident (an anniversary, a memorial): the report is no news of it."""
    sentence = article.sentences[mention.sentence]
    title = article.title or _headline_line(article) or ""
    return bool(COMMEMORATION.search(sentence.text) or COMMEMORATION.search(title)) or any(
        d.counted_from for d in dates_in(article, sentence))


def _first_current(article: Article, pool: list[EventMention]) -> EventMention | None:
    """The first trigger of the pool that reports a current incident. "The raid" after an incident
    dated weeks back ("claimed the killing of six aid workers last month ... mocked the raid") refers
    back to it: an anaphoric trigger is no fresh incident once an earlier one was found past."""
    for strong in (True, False):
        passed = False
        for mention in pool:
            if mention.type == "other" and not (not strong and _weak_ok(article, mention)) \
                    and not _claimed_object(article, mention):
                continue
            if passed and _anaphoric(article, mention) and not dates_in(article, clause_of(article, mention.trigger)):
                continue
            if is_background(article, mention, None) or (_dated_long_ago(article, mention)
                                                           and not _late_news(article, mention)):
                passed = True
                continue
            if not security_operation(article, mention):
                return mention
    return None


FORCES = r"(?:police(?:men)?|officers?|troops|soldiers|(?:security\s+|its\s+|special\s+)?forces|commandos|patrol|army|marines)"
# "was shot dead by Italian police", "troops shot all four attackers dead": the security forces' act
# against the attackers or a suspect ends or follows an attack; it is not the attack a report is about
FORCES_BY = re.compile(r"^\s*by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?" + FORCES + r"\b", re.I)
FORCES_ACT = re.compile(FORCES + r"\s+(?:[\w-]+\s+){0,2}?$", re.I)
SUSPECTS = r"(?:attackers?|gunm[ae]n|suspect(?:s|ed)?|assailants?|militants?|bombers?|hostage-takers?|wanted)"
SUSPECT_AFTER = re.compile(r"^\s*(?:dead\s+)?(?:(?:more\s+than|at\s+least|over|nearly|about|some)\s+)?"
                           r"(?:(?:the|all|both|\w+)\s+){0,2}" + SUSPECTS + r"\b", re.I)
SUSPECT_BEFORE = re.compile(r"\b" + SUSPECTS + r"\b", re.I)
# "a man shot dead by Israeli forces late on Wednesday was one of its members and the gunman behind
# Sunday's shooting": the one the forces killed is named as the attacker later in the sentence
NAMED_ATTACKER_AFTER = re.compile(r"\b(?:was|were|as)\b[^.;:]{0,60}?\b(?:the\s+)?(?:gunm[ae]n|attackers?|assailants?|"
                                  r"bombers?|perpetrators?|shooters?)\s+(?:behind|who|responsible)\b", re.I)


RAID = re.compile(r"raid(?:s|ed|ing)?|storm(?:ed|ing)?", re.I)


def security_operation(article: Article, mention: EventMention) -> bool:
    """Only against the attackers or a suspect: "civilians killed by soldiers" is violence in its own right.
    A raid by the security forces ("armed officers raided a block of flats") is theirs whatever it targets."""
    after = article.text[mention.trigger.end: mention.trigger.end + 60]
    before = article.text[max(0, mention.trigger.start - 40): mention.trigger.start]
    if RAID.fullmatch(mention.trigger.text) and FORCES_ACT.search(before):
        return True
    if FORCES_BY.match(after):
        sentence = article.sentences[mention.sentence]
        return bool(SUSPECT_BEFORE.search(article.text, sentence.start, mention.trigger.start)
                    or NAMED_ATTACKER_AFTER.search(article.text, mention.trigger.end, sentence.end))
    return bool(FORCES_ACT.search(before) and SUSPECT_AFTER.match(after))


def _dated_long_ago(article: Article, mention: EventMention) -> bool:
    """The date its sentence gives it lies far before publication ("On April 2, 2015, ... ended the siege")."""
    date = event_date(article, [mention])
    return date is not None and _far_from(date, None, article.published)


# "Reporters mourn the Tijuana photographer": a death the report goes on to tell
MOURNING = re.compile(r"\b(?:mourn\w*|funerals?|buri(?:ed|al)|vigils?|griev\w*)\b", re.I)


def _headline_violent(article: Article) -> bool:
    """Whether the headline speaks of violence; True when the report has no headline to judge by."""
    from .relevance import is_relevant

    title = article.title or _headline_line(article)
    return title is None or is_relevant(title) or MOURNING.search(title) is not None


def _headline_line(article: Article) -> str | None:
    """A first line standing alone above the body, with no closing full stop, reads as a headline."""
    first, _, rest = article.text.lstrip().partition("\n")
    looks = 0 < len(first.split()) <= 20 and not first.rstrip().endswith(".") and rest.startswith("\n")
    return first if looks else None


def _names_an_incident(article: Article, mention: EventMention) -> bool:
    """A typed trigger, or a vague one beside a casualty figure ("the killing of more than 400 residents")."""
    return mention.type != "other" or bool(VAGUE_TRIGGER.match(mention.trigger.text)) and _weak_ok(article, mention)


VAGUE_TRIGGER = re.compile(r"^(?:violence|incidents?|act of terror|terrorist act|killings?)$", re.I)


def _weak_ok(article: Article, mention: EventMention) -> bool:
    """A vague trigger ("violence", "the incident") opens an incident only beside a casualty figure."""
    if not VAGUE_TRIGGER.match(mention.trigger.text):
        return True
    sentence = article.sentences[mention.sentence]
    return any(sentence.contains(f.evidence) for f in article.figures)


def _lead_limit(article: Article, size: int = LEAD_SENTENCES) -> int:
    """Index of the first sentence after the lead's `size` sentences (captions and datelines skipped)."""
    kept = [i for i, s in enumerate(article.sentences) if not article.is_excluded_span(s)]
    return kept[size] if len(kept) > size else len(article.sentences)


def group_mentions(article: Article, recounted: bool = False) -> list[Group]:
    """Mentions grouped into incidents, the main one first. With `recounted`, for a report that
    reports no incident: the incidents it only recalls, all background, the first one leading."""
    mentions = specific(article.events)
    main_mention = find_main(article, mentions) if not recounted else \
        next((m for m in mentions if m.type not in WEAK_TYPES), None)
    if main_mention is None:
        return []
    main = Group("main" if not recounted else "background", [main_mention], {main_mention.sentence}, leads=True)
    main.date = event_date(article, [main_mention])
    main.country = main_country(article, main_mention)
    groups = [main]
    for mention in mentions:
        if mention is main_mention:
            continue
        target = _group_for(article, mention, main, groups)
        target.mentions.append(mention)
        target.sentences.add(mention.sentence)
        if target is main:
            candidate = event_date(article, [mention])
            if candidate is not None and candidate.value and not _far_from(candidate, main.date, article.published):
                main.date = refined(main.date, candidate)
    if main.date is None and not recounted:
        main.date = _dated_anaphor(article, main)
    if main.date is None and not recounted:
        _take_back_the_dated_retelling(article, main, main_mention, groups)
    if main.date is None and not attributive(article, main_mention):
        main.date = report_date(article, main_mention)
    if not recounted:
        main.date = _day_within(article, main, groups) or main.date
        main.date = _the_week_before(article, main, groups) or main.date
    return groups


LAST_WEEKDAY = re.compile(r"^last\s+(?:" + "|".join(WEEKDAYS) + r")\b", re.I)


def _the_week_before(article: Article, main: Group, groups: list[Group]) -> DateValue | None:
    """ "the gunmen who ambushed the prime minister's convoy last Monday", in a Thursday report that goes on
    to blame "the Feb. 11 attacks" on rebels: "last Monday" is this week's Monday or the one before it; a
    calendar date that the report gives an incident it names again with "the" settles which."""
    date = main.date
    if date is None or date.precision != "day" or not date.value or not LAST_WEEKDAY.match(date.phrase or ""):
        return None
    earlier = (dt.date.fromisoformat(date.value) - dt.timedelta(days=7)).isoformat()
    for group in groups[1:]:
        for mention in group.mentions:
            found = event_date(article, [mention]) if _anaphoric(article, mention) else None
            if found is not None and found.value == earlier and found.precision == "day" \
                    and re.search(r"\d", found.phrase or "") and _date_names_the_trigger(article, mention, found):
                return found
    return None


def _date_names_the_trigger(article: Article, mention: EventMention, date: DateValue) -> bool:
    """ "the Feb. 11 attacks", "Friday's bombing": the date modifies the trigger's noun (not "the bomber who
    killed 22 people at a mosque on May 22", a comparison with another attack)."""
    return date.evidence.end <= mention.trigger.start and re.fullmatch(
        r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}", article.text[date.evidence.end: mention.trigger.start]) is not None


# a violent word of a sentence that dates an incident without a trigger of its own ("came under fire on the night
# of Nov. 14", "shelled the city on Jan. 24")
FOLLOWED = re.compile(r"\b(?:followed|came\s+(?:\w+\s+)?(?:after|days?\s+after|weeks?\s+after))\b", re.I)
UNDER_FIRE = re.compile(r"\b(?:under fire|shelled|shot|fired|opened fire|ambushed|killed|attacked)\b", re.I)


def _day_within(article: Article, main: Group, groups: list[Group]) -> DateValue | None:
    """ "massacred 34 bus passengers last month ... the bus came under fire on the night of Nov. 14": a
    month the lead gives, and the one day inside it that a sentence about violence names later
    (no other incident's sentence, no statement's or count's day, none after publication)."""
    date = main.date
    if date is None or date.precision != "month" or not date.value:
        return None
    low, high = _range(date)
    others = {i for g in groups if g is not main for i in g.sentences}
    days: dict[str, DateValue] = {}
    for candidate in article.dates:
        index = article.sentence_of(candidate.evidence.start)
        if candidate.precision != "day" or not candidate.value or index in others \
                or article.is_excluded(candidate.evidence.start) or bound_to_statement(article, candidate) \
                or dates_a_count(article, candidate) or _after_publication(article, candidate):
            continue
        if not low <= dt.date.fromisoformat(candidate.value) <= high:
            continue
        sentence = article.sentences[index]
        if BACKGROUND_CUE.search(sentence.text) or FOLLOWED.search(sentence.text):
            continue  # "The siege also followed a three-day battle at the army camp that began on Saturday"
        if any(m.sentence == index for m in main.mentions) or UNDER_FIRE.search(sentence.text) \
                or _about_casualties(article, index):
            days.setdefault(candidate.value, candidate)
    return next(iter(days.values())) if len(days) == 1 else None


def _dated_anaphor(article: Article, main: Group) -> DateValue | None:
    """ "has apologised for the killing and abduction of Kenyan peacekeepers ... at least one soldier died in the
    RUF attacks on the Kenyan positions at Makeni on the night of May 2": an undated lead whose incident a
    later sentence of its own group names again with "the" and dates to the day, weeks back but within
    `NEWS_GAP` of publication (the report's news is a response to it)."""
    for mention in main.mentions[1:]:
        if not _anaphoric(article, mention) or not _noun_trigger(article, mention):
            continue  # not "the men who attacked Bartica ... on Jan. 26": a verb, and its date another incident's
        date = event_date(article, [mention])
        if date is not None and date.precision == "day" and date.value and not _after_publication(article, date) \
                and _within_news_gap(article, mention, undated=False):
            return date
    return None


def _take_back_the_dated_retelling(article: Article, main: Group, main_mention: EventMention,
                                   groups: list[Group]) -> None:
    """ "Basayev has claimed the seizure of the school in Beslan ... The school was seized on Sept. 1":
    a claim or a trial weeks later leaves the lead undated, and the anaphoric retelling that dates the
    incident looked too old to be the report's own. Its first trigger of the main's type, told with
    "the" and no cue of another incident, is the main incident."""
    for group in groups[1:]:
        first = group.mentions[0]
        sentence = article.sentences[first.sentence]
        if BACKGROUND_CUE.search(sentence.text) or not (
                first.type in (main_mention.type, *WEAK_TYPES) and _anaphoric(article, first)
                or _same_named_victim(article, main_mention, first)):
            continue
        date = event_date(article, group.mentions)
        if date is None or date.precision != "day":
            continue
        main.mentions.extend(group.mentions)
        main.sentences |= group.sentences
        main.date = date
        groups.remove(group)
        return


# "defended the murder of María Elena Moyano ... Moyano, 33, was shot at a party on Feb. 15": the victim the
# lead's trigger names, named again where the killing is told
VICTIM_AFTER = re.compile(r"\s+of\s+(?:[\w-]+\s+){0,3}?((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+)")


def _same_named_victim(article: Article, lead: EventMention, mention: EventMention) -> bool:
    found = VICTIM_AFTER.match(article.text, lead.trigger.end)
    people = [(e.start_char, e.end_char) for e in article.doc.ents if e.label_ == "PERSON"] if article.doc else []
    if found is None or not any(start < found.end(1) and found.start(1) < end for start, end in people):
        return False
    surname = found.group(1).split()[-1]
    sentence = article.sentences[mention.sentence]
    return re.search(r"\b" + re.escape(surname) + r"\b", sentence.text) is not None


PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}


def refined(current: DateValue | None, candidate: DateValue | None) -> DateValue | None:
    """Keep the incident's date, unless a later mention gives a finer one inside it ("last week" -> "last Wednesday")."""
    if current is None or candidate is None:
        return current or candidate
    if PRECISION_RANK[candidate.precision] >= PRECISION_RANK[current.precision] or not candidate.value:
        return current
    low, high = _range(current)
    return candidate if low <= dt.date.fromisoformat(candidate.value) <= high else current


def _range(date: DateValue) -> tuple[dt.date, dt.date]:
    if not date.value:
        return dt.date.min, dt.date.max
    start = dt.date.fromisoformat(date.value)
    span = {"week": 6, "month": 30, "year": 365}.get(date.precision or "", 0)
    return start, start + dt.timedelta(days=span)


def report_date(article: Article, mention: EventMention) -> DateValue | None:
    """Failing an event date, "police said today that a bomber has killed..." dates the lead event."""
    sentence = article.sentences[mention.sentence]
    for date in dates_in(article, sentence):
        if date.precision == "day" and date.value and article.published and not dates_a_count(article, date) \
                and not _after_publication(article, date) and not _deadline(article, date) \
                and not _before_an_after_clause(article, mention, date) \
                and not _dated_by_the_main_verb(article, mention, date) \
                and not _dates_an_arrest(article, mention, date) \
                and abs(dt.date.fromisoformat(date.value) - article.published) <= RECENT:
            return date
    return None


def _deadline(article: Article, date: DateValue) -> bool:
    """ "had claimed it by Saturday evening": a deadline, not the day of the incident."""
    return bool(re.search(r"\b(?:by|until|till)\s*$", article.text[max(0, date.evidence.start - 8): date.evidence.start]))


def _after_publication(article: Article, date: DateValue) -> bool:
    """The date lies after publication: a day ("due in court on Saturday"), or a week or month that starts
    after it ("Obama's visit next week")."""
    return bool(date.value and article.published and date.precision in ("day", "week", "month")
                and dt.date.fromisoformat(date.value) > article.published)


def context_date(article: Article, group: Group) -> DateValue | None:
    """Last resort for an undated main incident: the first day named in its own sentences (those
    without another incident's trigger) in the days up to publication ("the dead had gathered for
    prayers on Monday afternoon"), that dates no statement and no count."""
    if article.published is None:
        return None
    for date in article.dates:
        if date.precision != "day" or not date.value or article.is_excluded(date.evidence.start):
            continue
        index = article.sentence_of(date.evidence.start)
        if index not in group.sentences or bound_to_statement(article, date) or dates_a_count(article, date):
            continue
        if any(index in rival.sentences for rival in group.rivals) or \
                not (_about_casualties(article, index) or _violent_lead(article, index)):
            continue
        if any(m.sentence == index and (_before_an_after_clause(article, m, date) or _dates_an_arrest(article, m, date)
                                        or _dated_by_the_main_verb(article, m, date)) for m in group.mentions):
            # "mourned two policemen on Thursday, as officials said ... who stormed the house"; "the bodies of
            # eight men killed at the tower were flown on Tuesday to their home towns"
            continue
        if dt.timedelta(0) <= article.published - dt.date.fromisoformat(date.value) <= CONTEXT_DAYS:
            return date
    return None


CONTEXT_DAYS = dt.timedelta(days=3)


def _violent_lead(article: Article, index: int) -> bool:
    """The report's first sentence, told in violence's words, quoting nobody ("today, Medellin once
    again experienced a terrorist escalation when seven bank branches were shaken by explosives"):
    a news lead dates the news it leads with."""
    from .relevance import is_relevant

    if index != 0 or not article.sentences:
        return False
    sentence = article.sentences[0]
    # not a lead about what might come ("police were on duty on Monday after the police chief warned that
    # guerrillas could try to strike"): a follow-up's own news
    return is_relevant(sentence.text) and not MIGHT.search(sentence.text) \
        and not any(sentence.contains(s.evidence) for s in article.statements)


MIGHT = re.compile(r"\b(?:could|might|would|warned)\b", re.I)


def _about_casualties(article: Article, index: int) -> bool:
    """The sentence tells of the victims (a casualty figure, a victim or target) and quotes nobody."""
    sentence = article.sentences[index]
    if any(sentence.contains(s.evidence) for s in article.statements):
        return False
    return any(sentence.contains(f.evidence) for f in article.figures if f.kind in ("killed", "wounded")) or \
        any(sentence.contains(p.evidence) for p in [*article.victims, *article.targets]) or \
        CASUALTY_WORDS.search(sentence.text) is not None


CASUALTY_WORDS = re.compile(r"\b(?:the (?:dead|wounded|injured|victims)|bodies|casualties|survivors)\b", re.I)


RECENT = dt.timedelta(days=1)


RELATIVE_OPENING = re.compile(r"^\W*(?:which|who|that|when|where)\b", re.I)
RELATIVE_BREAK = re.compile(r"\s(?:which|who|when)\s$", re.I)


def _modified_group(article: Article, mention: EventMention, groups: list[Group]) -> Group | None:
    """ "Wednesday's truck bombing, which killed 90": a trigger in a relative clause belongs to the
    incident of the trigger the clause hangs on (the last one before it in the sentence)."""
    clause = clause_of(article, mention.trigger)
    sentence = article.sentences[mention.sentence]
    where = WHERE_OPEN.search(article.text, sentence.start, mention.trigger.start)  # ", where six were killed"
    if where is not None:
        clause = article.span(where.start(), clause.end)
    elif not (RELATIVE_OPENING.match(article.text[clause.start: mention.trigger.start])
              or RELATIVE_BREAK.search(article.text[max(0, clause.start - 10): clause.start])):
        return None
    earlier = [(m.trigger.start, g) for g in groups for m in g.mentions
               if m.sentence == mention.sentence and m.trigger.end <= clause.start]
    return max(earlier, key=lambda pair: pair[0])[1] if earlier else None


WHERE_OPEN = re.compile(r",\s+where\s+[^,;:()\u2014]*$", re.I)
IN_AN_EVENT = re.compile(r"\b(?:in|during)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}$", re.I)
EVENT_REACH = 80


def _describing_group(article: Article, mention: EventMention, groups: list[Group]) -> Group | None:
    """ "killed two officers in Hadera in an attack claimed by IS": "in an attack" names the event of
    the trigger just before it, in the same clause, whatever incident that is. So does an apposition
    closing a sentence: "militants attacked the camp, where six have been killed, an assault officials
    have blamed on X"."""
    start = mention.trigger.start
    if APPOSITION.search(article.text[max(0, start - 40): start]):
        earlier = [(m.trigger.start, g) for g in groups for m in g.mentions
                   if m.sentence == mention.sentence and m.trigger.end <= start]
        return max(earlier, key=lambda pair: pair[0])[1] if earlier else None
    if not IN_AN_EVENT.search(article.text[max(0, start - 40): start]):
        return None
    clause = clause_of(article, mention.trigger)
    earlier = [(m.trigger.start, g) for g in groups for m in g.mentions
               if m.sentence == mention.sentence and clause.contains(m.trigger)
               and 0 <= start - m.trigger.end <= EVENT_REACH]
    return max(earlier, key=lambda pair: pair[0])[1] if earlier else None


APPOSITION = re.compile(r",\s+(?:an?|one)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _dated_apart(article: Article, mention: EventMention, group: Group) -> bool:
    """ "On Sunday, gunmen killed two officers in Hadera, and last Tuesday a man killed four in
    Beersheba": a trigger with a day of its own, not the group's, is another incident."""
    own = [d for d in dates_in(article, clause_of(article, mention.trigger))
           if d.precision == "day" and d.value and _dates_trigger(article, mention, d)]
    theirs = event_date(article, group.mentions)
    return bool(own) and theirs is not None and theirs.precision == "day" and \
        all(d.value != theirs.value for d in own)


# "In a separate raid early on Thursday, Israeli forces shot dead ...": the opening names another
# incident, and the rest of the sentence tells it
SEPARATE_OPENING = re.compile(r"\W*(?:in|during)\s+(?:a|an|another)\s+(?:separate|unrelated|different|further)\b[^,;.]{0,80},",
                              re.I)


def _framed_group(article: Article, mention: EventMention, groups: list[Group]) -> Group | None:
    sentence = article.sentences[mention.sentence]
    opening = SEPARATE_OPENING.match(article.text, sentence.start, sentence.end)
    if opening is None or mention.trigger.start < opening.end():
        return None
    return next((g for g in groups[1:] for m in g.mentions
                 if m.sentence == mention.sentence and m.trigger.end <= opening.end()), None)


def _group_for(article: Article, mention: EventMention, main: Group, groups: list[Group]) -> Group:
    framed = _framed_group(article, mention, groups)
    if framed is not None:
        return framed
    modified = _subject_group(article, mention, groups) or _modified_group(article, mention, groups) \
        or _describing_group(article, mention, groups) or _coordinated_group(article, mention, groups)
    if modified is not None and modified.role == "background":
        return modified
    if not is_background(article, mention, main.date, main.country) and not security_operation(article, mention):
        return main
    previous = groups[-1]
    anaphoric = ANAPHORIC.search(article.text[max(0, mention.trigger.start - 30): mention.trigger.start])
    joins = previous.role == "background" and (
        mention.sentence in previous.sentences
        or (anaphoric and mention.sentence - max(previous.sentences) <= 1)
    ) and not _dated_apart(article, mention, previous)
    if joins:
        return previous
    background = Group("background")
    groups.append(background)
    return background


SUBJECT_REACH = 120  # characters from a trigger noun to the verb it is the subject of

# "hours after masked gunmen stopped a minibus near Zayukovo on Friday evening and opened fire": a verb
# coordinated with the clause of the trigger before it
COORDINATED_VERB = re.compile(r"\band\s+(?:then\s+)?$", re.I)


def _coordinated_group(article: Article, mention: EventMention, groups: list[Group]) -> Group | None:
    """A trigger that opens a verb phrase coordinated ("... and opened fire") with the clause of the last
    trigger before it in the sentence tells of that trigger's incident, when it is a recounted one."""
    start = mention.trigger.start
    if not COORDINATED_VERB.search(article.text[max(0, start - 12): start]):
        return None
    earlier = [(m.trigger.end, g) for g in groups for m in g.mentions
               if m.sentence == mention.sentence and m.trigger.end <= start]
    if not earlier:
        return None
    end, group = max(earlier, key=lambda pair: pair[0])
    if re.search(r"[;:()\u2014]|\.\s", article.text[end:start]):
        return None
    return group


def _subject_group(article: Article, mention: EventMention, groups: list[Group]) -> Group | None:
    """ "two days after a car bomb near the police station in Timba, in neighbouring Cauca, killed a teacher":
    a verb whose subject is a trigger noun tells of that noun's incident (no other verb stands between)."""
    if article.doc is None or mention.type not in WEAK_TYPES:
        return None
    earlier = [(m, g) for g in groups for m in g.mentions
               if m.sentence == mention.sentence and 0 < mention.trigger.start - m.trigger.end <= SUBJECT_REACH]
    if not earlier:
        return None
    noun, group = max(earlier, key=lambda pair: pair[0].trigger.start)
    between = article.doc.char_span(noun.trigger.end, mention.trigger.start, alignment_mode="expand")
    if between is None or any(t.text in ";:" or t.tag_ in FINITE_TAGS or t.pos_ == "CCONJ" for t in between
                              if noun.trigger.end <= t.idx < mention.trigger.start):
        return None
    return group if _noun_trigger(article, noun) else None


def _noun_trigger(article: Article, mention: EventMention) -> bool:
    """The trigger ends in a noun ("the RUF attacks"), not a verb ("the men who attacked")."""
    head = article.doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand") \
        if article.doc is not None else None
    return head is not None and head[-1].pos_ in ("NOUN", "PROPN")


def assign_sentences(article: Article, groups: list[Group]) -> None:
    """Sentences without a trigger belong to the main incident unless they read as background."""
    taken = {i for g in groups for i in g.sentences}
    for index, sentence in enumerate(article.sentences):
        if index in taken or article.is_excluded_span(sentence):
            continue
        if not BACKGROUND_CUE.search(sentence.text) and not any(
            _far_from(d, groups[0].date, article.published) for d in dates_in(article, sentence)
        ):
            groups[0].sentences.add(index)


# ---------------------------------------------------------------- values

# "hunting two brothers on Thursday over the shooting": the date is the response's, the event its cause
RESPONSE_TO = re.compile(
    r"^\s+(?:(?:[\w'-]+\s+){0,6}?)(?:over|after|following|in connection with|in the wake of|in response to|"
    r"in (?:search of|(?:a|the) (?:man)?hunt for)|(?:search(?:ing)?|hunt(?:ing)?|looking) for|"
    r"for (?:the )?(?:victims|dead|families|those killed) of)"
    r"\s+(?:the|a|an|this|last\s+\w+['’]s|\w+['’]s)\s+(?:[\w'-]+\s+){0,2}$", re.I)


# "the deadliest attack on the city since the U.S.-led invasion of 2003": the date the comparison runs from
SINCE_BEFORE = re.compile(r"\bsince\b[^;]{0,60}$", re.I)
# "the deadliest attack since Islamist violence spread into the country six years ago"
# "the first big attack on a foreign mission since militants turned their guns on the state two years ago"
# (a full stop inside "U.S.-led" ends no sentence)
SUPERLATIVE_SINCE = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest|first)\b(?:[^;.]|\.(?=[\w-])){0,70}\bsince\b"
                               r"(?:[^;.]|\.(?=[\w-])){0,60}$", re.I)


def _compared_to(article: Article, mention: EventMention, date: DateValue) -> bool:
    """ "Gunmen killed 100 ..., the deadliest attack since Islamist violence spread six years ago":
    the date is the comparison's, not the trigger's, when the trigger stands before the "since"
    ("the deadliest since gunmen stormed the mall last September, killing 67": that trigger is the
    compared incident's, and so is its date)."""
    start = date.evidence.start
    match = SUPERLATIVE_SINCE.search(article.text, max(0, start - 140), start)
    if match is None:
        return False
    since = match.start() + match.group().lower().rfind("since")
    return mention.trigger.end <= since


def _comparison(article: Article, date: DateValue) -> re.Match | None:
    start = date.evidence.start
    return SUPERLATIVE_SINCE.search(article.text, max(0, start - 140), start) or \
        SINCE_BEFORE.search(article.text, max(0, start - 70), start)


def dates_a_comparison(article: Article, date: DateValue) -> bool:
    return _comparison(article, date) is not None


def _compared_from(article: Article, mention: EventMention, date: DateValue) -> bool:
    """ "the first big attack ... since militants turned their guns on the state two years ago": the date
    a comparison runs from; but "wounded since gunmen fanned out across the city on Wednesday night"
    dates the trigger inside the "since" clause."""
    match = _comparison(article, date)
    if match is None:
        return False
    since = match.start() + match.group().lower().rfind("since")
    return not since < mention.trigger.start < date.evidence.start


def dates_a_response(article: Article, mention: EventMention, date: DateValue) -> bool:
    if date.evidence.end > mention.trigger.start:
        return False
    return bool(RESPONSE_TO.match(article.text[date.evidence.end: mention.trigger.start]))


def _dates_a_response_in_sentence(article: Article, date: DateValue) -> bool:
    """ "Troops pressed on with raids on Wednesday in search of the gunmen who shot up a bus stop, as
    doctors said the baby delivered after his mother was wounded in the attack had died": a date that
    dates the response to one trigger dates no trigger of its sentence."""
    index = article.sentence_of(date.evidence.start)
    return any(m.sentence == index and dates_a_response(article, m, date) for m in article.events)


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _opens_another_clause(article: Article, mention: EventMention, date: DateValue) -> bool:
    """ "On Wednesday a grand jury returned an indictment against the man accused of the attack": a
    date that opens its clause dates the clause's first verb; when that verb is no trigger, the date
    is not a trigger's later in the sentence."""
    tokens = _after_an_opening_date(article, date, mention.trigger)
    # a finite verb: "while visiting Tbilisi, a grenade landed" keeps its date
    verb = next((t for t in tokens or [] if t.pos_ == "VERB" and t.tag_ in FINITE_TAGS), None)
    if verb is None:
        return False
    # "On Thursday a missile fired by the rebels hit a parade ..., and a car bombing struck a police station":
    # the clause the date opens tells of an attack, so the date is the day of the attacks it coordinates
    return not any(date.evidence.end <= m.trigger.start and m.trigger.start <= verb.idx for m in article.events)


# ", who stood for the assembly this year" / ", where the UN now says 108 people were killed": a
# non-restrictive relative clause still open at the end of the text between a trigger and a date
def _relative_open(pronouns: str) -> re.Pattern:
    # ", who was shot", and behind an apposition: "Salah Farah, the Kenyan teacher who was shot"
    return re.compile(rf",\s+(?:(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}})?(?:{pronouns})\b[^,;:()\u2014]*$", re.I)


RELATIVE_OPEN = _relative_open("who|whom|whose|which|where")
PERSON_CLAUSE_OPEN = _relative_open("who|whom")
# after the trigger, "which" usually stands for the event itself ("the assault, which began on
# Saturday evening"), so only a clause about a person or a place keeps its date from the trigger
RELATIVE_OPEN_AFTER = _relative_open("who|whom|whose|where")


def _inside_a_relative_clause(article: Article, clause: Span, date: DateValue) -> bool:
    """ "The group, whose leader pledged allegiance in March last year, has claimed the raid": the date is
    the relative clause's, between its pronoun and the comma that closes it."""
    before = article.text[clause.start: date.evidence.start]
    opened = re.search(r",\s+(?:who|whose|which|where)\b[^,]*$", before)
    return opened is not None and "," in article.text[date.evidence.end: date.evidence.end + 60]


def _across_a_relative_clause(article: Article, mention: EventMention, date: DateValue) -> bool:
    """A relative clause keeps its own date: "Gunmen shot dead X, who stood for the assembly this
    year, as he drove home on Sunday" (the date inside the clause dates its verb), and "Annan arrived
    on Monday over the massacre in Houla, where the UN says 108 people were killed" (the trigger inside
    the clause is not dated by the main clause's date)."""
    if date.evidence.start >= mention.trigger.end:
        return RELATIVE_OPEN_AFTER.search(article.text[mention.trigger.end: date.evidence.start]) is not None
    if date.evidence.end <= mention.trigger.start:
        if RELATIVE_OPEN.search(article.text[date.evidence.end: mention.trigger.start]) is not None:
            return True
        # "Dalla Chiesa, who ... was sent to Palermo four months ago as prefect, was shot dead": a clause about a
        # person that holds the date closes before the trigger (not "Flight 858, which disappeared on Sunday,
        # exploded": a clause about the thing attacked tells of the attack)
        sentence = article.sentences[article.sentence_of(date.evidence.start)]
        before = article.text[max(sentence.start, date.evidence.start - 200): date.evidence.start]
        return PERSON_CLAUSE_OPEN.search(before) is not None and "," in article.text[date.evidence.end: mention.trigger.start]
    return False


def _dates_another_noun(article: Article, date: DateValue) -> bool:
    """ "Sunday's general election, three days after the bombings": a possessive date dates the noun
    right after it; unless that noun is a trigger ("Monday's attack"), it dates no trigger."""
    end = date.evidence.end
    if not re.match(r"['’]s\b", article.text[end: end + 2]):
        return False
    return not any(0 <= m.trigger.start - end <= 25 and OWN_DAY_BEFORE.match(article.text[end: m.trigger.start])
                   for m in article.events)


def attributive(article: Article, mention: EventMention) -> bool:
    """ "The party of murdered presidential candidate X named a new candidate on Sunday", "the slain
    journalist's family said on Monday": a participle before its noun names a past event as a
    description, and the sentence's dates belong to its own verb."""
    if article.doc is None:
        return False
    span = article.doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].tag_ not in ("VBN", "JJ"):
        return False
    word = span[0]
    if word.i == 0 or word.i + 1 >= len(article.doc):
        return False
    before, after = article.doc[word.i - 1], article.doc[word.i + 1]
    opens_phrase = before.pos_ in ("DET", "ADP") or before.tag_ in ("PRP$", "POS")
    dated = after.lower_ in WEEKDAYS or after.lower_ in MONTHS  # "killed Monday" is no noun phrase
    return opens_phrase and after.pos_ in ("ADJ", "NOUN", "PROPN") and not dated


PARTICIPLE_FOLLOWERS = frozenset({"when", "while", "in", "during", "by", "as", "at", "near", "outside", "inside"})
# nouns that do the killing: after them a past tense is the verb ("the blast killed in seconds ...")
AGENT_NOUNS = frozenset({"blast", "blasts", "bomb", "bombs", "explosion", "explosions", "attack", "attacks", "gunman",
                         "gunmen", "militants", "attackers", "assailants", "bomber", "bombers", "fire", "shelling",
                         "strike", "strikes", "rebels", "insurgents", "fighters", "troops", "police"})


def _reduced_relative(article: Article, mention: EventMention) -> bool:
    """ "flew to Jammu on Wednesday and laid wreaths before the coffins of the seven soldiers killed at
    Nagrota": a participle right after its noun describes it, and the dates before it are the main verb's."""
    if article.doc is None:
        return False
    span = article.doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
    if span is None or span[0].tag_ not in ("VBN", "VBD") or span[0].i == 0:
        return False
    before = article.doc[span[0].i - 1]
    if not (before.pos_ in ("NOUN", "PROPN") and before.tag_ in ("NNS", "NNPS", "NN")):
        return False
    if span[0].tag_ == "VBN":
        return True
    # the tagger's past tense, but no object follows: "for John Cheng, the doctor killed when he charged a
    # gunman" ("the blast killed at least 10" has one)
    after = article.doc[span[-1].i + 1:span[-1].i + 3]
    return len(after) == 2 and after[0].lower_ in PARTICIPLE_FOLLOWERS and after[1].lower_ not in ("least", "most") \
        and before.lower_ not in AGENT_NOUNS


# "The bodies of eight men killed at a telecommunications tower in Puncak were flown on Tuesday to their home
# towns": after a participle that describes its noun, the sentence's own passive verb and the date it takes
MAIN_VERB_BETWEEN = re.compile(r"^[^,.;:]{0,120}?\b(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:\w+ly\s+)?"
                               r"(?!killed|shot|wounded|injured|hurt|kidnapped|abducted|attacked)\w+(?:ed|en|wn)\s+"
                               r"(?:[\w-]+\s+){0,3}?$", re.I)


def _after_the_main_verb(article: Article, mention: EventMention, date: DateValue) -> bool:
    return date.evidence.start > mention.trigger.end and bool(
        MAIN_VERB_BETWEEN.match(article.text[mention.trigger.end:date.evidence.start]))


def _dated_by_the_main_verb(article: Article, mention: EventMention, date: DateValue) -> bool:
    """The trigger is a participle describing its noun, and the date follows the sentence's own verb."""
    return _after_the_main_verb(article, mention, date) and _reduced_relative(article, mention)


def event_date(article: Article, mentions: list[EventMention]) -> DateValue | None:
    """The date nearest a trigger in its clause, else in its sentence, skipping statement dates, the
    dates of counts, of responses to the event ("arrested on Friday over the bombing") and days
    after publication ("due in court on Saturday"). An attributive trigger ("murdered candidate")
    takes no date from its sentence."""
    for scope in (lambda m: clause_of(article, m.trigger), lambda m: article.sentences[m.sentence]):
        best = None
        for mention in mentions:
            if attributive(article, mention):
                continue
            reduced = _reduced_relative(article, mention)
            for date in dates_in(article, scope(mention)):
                offset = _offset(article, mention, date)
                if _before_an_after_clause(article, mention, date) and offset is date \
                        or reduced and (date.evidence.end <= mention.trigger.start
                                        or _after_the_main_verb(article, mention, date)):
                    continue
                # "at a funeral on Tuesday, a day after the prosecutor was killed": the statement's or
                # the mourning's day, counted back to the trigger's
                if date.value is None and date.precision is None or _dates_another_noun(article, date) \
                        or _opens_another_clause(article, mention, date) \
                        or bound_to_statement(article, date) and not _opening_date_of(article, mention, date) \
                        and offset is date \
                        or dates_a_count(article, date) or _after_publication(article, date) \
                        or _dates_a_response_in_sentence(article, date) \
                        or _compared_from(article, mention, date) and not _owns_the_trigger(article, mention, date) \
                        or _across_a_relative_clause(article, mention, date) \
                        or FOLLOWED_ANOTHER.search(article.text, mention.trigger.end, date.evidence.start) \
                        or _dates_a_later_death(article, mention, date) or _dates_an_arrest(article, mention, date):
                    continue
                # "buried the victims of Friday's procession bombing on Sunday": a possessive date
                # that owns the trigger's noun phrase dates it, however near another date stands
                distance = -1 if _owns_the_trigger(article, mention, date) \
                    else abs(date.evidence.start - mention.trigger.start) + _subordinated(article, mention, date)
                if best is None or distance < best[0]:
                    best = (distance, offset)
        if best:
            return best[1]
    return None


# "were hunting on Wednesday for a gunman who opened fire ... late on Tuesday", "unaccounted for on Saturday after
# gunmen raided a school ... late on Friday": a trigger in a clause of its own, after the date of the main one
SUBORDINATE = re.compile(r"\b(?:after|who|which|when)\b", re.I)
SUBORDINATE_PENALTY = 80  # characters: a date inside the trigger's own clause wins over one this much nearer outside it


def _subordinated(article: Article, mention: EventMention, date: DateValue) -> int:
    if date.evidence.end > mention.trigger.start:
        return 0
    return SUBORDINATE_PENALTY if SUBORDINATE.search(article.text, date.evidence.end, mention.trigger.start) else 0


OWNED_NOUN = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}$")


def _owns_the_trigger(article: Article, mention: EventMention, date: DateValue) -> bool:
    """ "Friday's procession bombing", "Saturday night's attack": the trigger heads the noun phrase
    the date is the possessor of."""
    if date.precision != "day" or date.evidence.end > mention.trigger.start:
        return False
    return OWNED_NOUN.match(article.text[date.evidence.end: mention.trigger.start]) is not None


# "a boy who was shot in the stomach died in hospital on Sunday": the day of a death, not of the shooting
LATER_DEATH = re.compile(r"\b(?:died|succumbed)(?:\s+(?:of|from|to)\s+(?:his|her|their)\s+(?:wounds|injuries))?"
                         r"(?:\s+(?:in|at)\s+(?:a\s+|the\s+)?hospital)?(?:\s+(?:later|overnight))?\s+$", re.I)


def _dates_a_later_death(article: Article, mention: EventMention, date: DateValue) -> bool:
    """The date follows a death told after the trigger ("was shot ... died in hospital on Sunday")."""
    if date.evidence.start <= mention.trigger.end:
        return False
    return bool(LATER_DEATH.search(article.text, max(mention.trigger.end, date.evidence.start - 60), date.evidence.start))


# "Belgian investigators detained four people late on Wednesday after searching homes ... where X, the man
# who tried to set off a suitcase bomb, had lived": the date of the arrests, not of the bomb told after it
ARREST_BEFORE = re.compile(r"\b(?:arrested|detained|charged|questioned|raided|searched|remanded|indicted|sentenced|"
                           r"convicted|jailed|extradited|rounded up|picked up|taken into custody|"
                           # the other answers to an incident a follow-up leads with: "filed murder charges on Monday
                           # against ...", "paid tribute on Sunday to the peacekeepers killed when ...", "told a
                           # pretrial hearing on Monday that the attack ...", "were still hunting gunmen on Monday"
                           r"filed|pa(?:y|id) tribute|mourned|buried|hunting|told a (?:[\w-]+ )?hearing|"
                           # the mourning and the diplomacy that follow: "held a second day of national mourning on
                           # Monday for eight police officers killed in ...", "Flags flew at half-mast across Chad on
                           # Thursday", "held a moment of silence on Tuesday for the doctor killed when ...", "waited
                           # outside the mortuary on Sunday to give DNA samples", "suspended trade with India on Thursday"
                           r"mourning|half-mast|(?:moment|minute)(?:'s|’s| of) silence|vigils?|laid to rest|"
                           r"waited outside (?:the |a )?(?:mortuary|morgue|hospital)|suspended (?:trade|talks|flights|ties)|"
                           r"closed (?:its|the|their) (?:airspace|borders?|embassy)|"
                           r"launched (?:a|an) (?:[\w-]+ )?(?:campaign|offensive|operation|manhunt))\b[^.;:]{0,60}$", re.I)


RELATIVE_AFTER = re.compile(r"\b(?:hours?|minutes?|days?|weeks?|shortly|soon|just|moments?|right)\s+(?:after|before)\b", re.I)


# "five of the soldiers seized by the militia were freed on Wednesday": the day of the release
RELEASED_BEFORE = re.compile(r"\b(?:freed|released|set free|rescued|handed over|let go)\s+(?:[\w'’-]+\s+){0,2}$", re.I)


def _dates_a_release(article: Article, mention: EventMention, date: DateValue) -> bool:
    """The date follows a release ("were freed on Wednesday") its sentence tells after the trigger, and
    no trigger stands between the release and the date."""
    if date.evidence.start < mention.trigger.end:
        return False
    found = RELEASED_BEFORE.search(article.text, max(mention.trigger.end, date.evidence.start - 40), date.evidence.start)
    return found is not None and not any(found.start() <= m.trigger.start < date.evidence.start for m in article.events)


def _dates_an_arrest(article: Article, mention: EventMention, date: DateValue) -> bool:
    """The date follows an arrest (a search, a charge) its sentence tells before the trigger, and no
    trigger stands between the arrest and the date; or a release after it (`_dates_a_release`)."""
    if date.evidence.end > mention.trigger.start:
        return _dates_a_release(article, mention, date)
    gap = article.text[date.evidence.end: mention.trigger.start]
    if len(gap) < 30 and "," not in gap or re.match(r"['’]s\b", gap) or any(
            0 <= m.trigger.start - date.evidence.end <= 12 for m in article.events) or RELATIVE_AFTER.search(gap) \
            or re.match(r"\s+(?:after|following)\s+(?:[\w'’-]+\s+){0,4}$", gap):
        # "over Friday night's attacks", "detained over the Jan. 2 bombing": the date of a trigger; "detained on
        # Wednesday afternoon, a few hours after the attack": the gap counts from the arrest's day; "arrested at 1500
        # on 9 December after having taken part in an attack on a bus": the day of both
        return False
    floor = max(article.sentences[mention.sentence].start, date.evidence.start - 80)
    found = ARREST_BEFORE.search(article.text, floor, date.evidence.start)
    return found is not None and not any(found.start() <= m.trigger.start < date.evidence.start for m in article.events)


# "The siege also followed a three-day battle at the camp that began on Saturday": the battle's day
# ("followed the seizure of Mocimboa da Praia on March 23": a named earlier event too)
FOLLOWED_ANOTHER = re.compile(r"\bfollow(?:s|ed) (?:a|an|another|the (?:[\w-]+ ){0,2}?(?:attacks?|bombings?|blasts?|"
                              r"seizure|capture|fall|massacre|raid|ambush|killings?|assault) (?:of|on|in|at) )", re.I)


# "Shopkeepers pulled up their shutters on Tuesday evening, after security forces killed two militants
# who had tried to raid a camp": a date before ", after" dates its own clause, not a trigger past it
# (not ", hours after": most often the same day, "appeared on Sunday evening, hours after X was shot dead")
# ("Families mourned two policemen on Thursday, as judicial officials said militants were among the men who
# stormed the house": a date before ", as <someone> said" dates its own clause too)
# ("Niger began three days of mourning on Wednesday after the government said 58 people were killed": a
# date before "after <someone> said" dates its clause, with a comma or without)
AFTER_BREAK = re.compile(r",\s+(?:after|before)\s|,?\s+(?:as|after)\s+(?:[\w'’-]+\s+){1,4}"
                         r"(?:said|says|say|told|announced|reported|confirmed)\b", re.I)


# "a priest was in hospital in Zanzibar on Saturday after acid was thrown at him": the day of the state the
# wounded are in, with no comma before "after"
CARE_BEFORE = re.compile(r"\b(?:in\s+hospital|in\s+(?:a\s+)?(?:hospital|clinic)|hospitali[sz]ed|in\s+intensive\s+care|"
                         r"(?:being|were|was|been)\s+treated|recovering|in\s+(?:a\s+)?(?:stable|serious|critical)\s+condition)"
                         r"\b[^.;]{0,60}$", re.I)


def _before_an_after_clause(article: Article, mention: EventMention, date: DateValue) -> bool:
    if date.evidence.end > mention.trigger.start:
        return False
    if AFTER_BREAK.search(article.text, date.evidence.end, mention.trigger.start) is not None:
        return True
    start = max(article.sentences[mention.sentence].start, date.evidence.start - 80)
    return re.match(r"\s+after\s", article.text[date.evidence.end: date.evidence.end + 8]) is not None and \
        CARE_BEFORE.search(article.text, start, date.evidence.start) is not None


# "declared a state of emergency on Monday ..., a day after gunmen killed the mayor": the trigger
# happened that long before the date of the clause it hangs on
# "a day after the prosecutor-general was killed by a car bomb": "a" counts one
OFFSET_AFTER = re.compile(rf",?\s+(?:just\s+)?(?P<n>an?|\d{{1,2}}|{'|'.join(NUMBER_WORDS)})\s+(?P<unit>days?|weeks?)\s+"
                          # "two weeks after Ruslan Kulekbayev, a 26-year-old former convict, opened fire": an
                          # apposition may stand between the subject and its verb
                          # (a pair of commas; "two days after Mocimboa, fighters overran Quissanga" is no apposition)
                          r"(?P<after>after)\s+(?:(?:[\w'’-]+\s+){0,3}[\w'’-]+,\s+(?:[\w'’-]+\s+){0,5}[\w'’-]+,\s+)?"
                          r"(?:[\w'’-]+\s+){0,7}$", re.I)
UNIT_DAYS = {"day": 1, "week": 7}


# "More than five months after two bombs went off beside the station, Russia said on Thursday ...": a sentence
# that opens with how long after the trigger its news came
LEAD_OFFSET = re.compile(rf"^\W*(?P<lead>(?:(?P<q>more\s+than|nearly|almost|about|some|over|just|only)\s+)?"
                         rf"(?P<n>an?|\d{{1,2}}|{'|'.join(NUMBER_WORDS)})\s+(?P<unit>days?|weeks?|months?)\s+after)\s+"
                         r"(?:[\w'’-]+\s+){0,6}$", re.I)


def _offset(article: Article, mention: EventMention, date: DateValue) -> DateValue:
    """The date itself, or the day an "N days after" clause between it and the trigger points back to."""
    if date.precision != "day" or not date.value:
        return date
    if date.evidence.end > mention.trigger.start:
        return _lead_offset(article, mention, date)
    gap = article.text[date.evidence.end: mention.trigger.start]
    match = OFFSET_AFTER.search(gap) if len(gap) <= 240 else None
    if match is None:
        return date
    n = 1 if match["n"].lower() in ("a", "an") else NUMBER_WORDS.get(match["n"].lower()) or int(match["n"])
    days = n * UNIT_DAYS[match["unit"].lower().rstrip("s")]
    end = date.evidence.end + match.end("after")
    return dataclasses.replace(
        date, phrase=article.text[date.evidence.start: end].strip(), evidence=article.span(date.evidence.start, end),
        value=(dt.date.fromisoformat(date.value) - dt.timedelta(days=days)).isoformat(),
    )


def _lead_offset(article: Article, mention: EventMention, date: DateValue) -> DateValue:
    """ "Five months after two bombs went off ..., Russia said on Thursday": the clause's day, counted back
    to the trigger's: a day for days and weeks counted exactly, the month for months or a bound ("more than
    five months")."""
    start = article.sentences[mention.sentence].start
    if article.dateline is not None and start <= article.dateline.start < mention.trigger.start:
        start = max(start, article.dateline.end)
    match = LEAD_OFFSET.match(article.text[start: mention.trigger.start])
    if match is None:
        return date
    n = 1 if match["n"].lower() in ("a", "an") else NUMBER_WORDS.get(match["n"].lower()) or int(match["n"])
    unit = match["unit"].lower().rstrip("s")
    day = dt.date.fromisoformat(date.value)
    if unit == "month":
        value, precision = month_start(day.year, day.month, -n).isoformat(), "month"
    elif match["q"]:
        back = day - dt.timedelta(days=n * UNIT_DAYS[unit])
        value, precision = dt.date(back.year, back.month, 1).isoformat(), "month"
    else:
        value, precision = (day - dt.timedelta(days=n * UNIT_DAYS[unit])).isoformat(), "day"
    return dataclasses.replace(date, value=value, precision=precision, phrase=f"{match['lead']} … {date.phrase}")


def holds(article: Article, group: Group, span: Span) -> bool:
    """The span belongs to the group: its sentence does, and where another incident shares the
    sentence, the nearest trigger (one before the span preferred) is the group's."""
    index = article.sentence_of(span.start)
    if index not in group.sentences or article.is_excluded(span.start):
        return False
    sharing = [g for g in group.rivals if index in g.sentences]
    if not sharing:
        return True
    candidates = [(m, g) for g in [group, *sharing] for m in g.mentions if m.sentence == index]
    if not candidates:
        return group.leads
    return min(candidates, key=lambda mg: _reach(mg[0].trigger, span))[1] is group


def _reach(trigger: Span, span: Span) -> int:
    if trigger.overlaps(span) or span.contains(trigger):
        return 0
    return span.start - trigger.end if trigger.end <= span.start else trigger.start - span.end + BACKWARD_PENALTY


BACKWARD_PENALTY = 20  # a value more often follows its trigger ("killed three") than precedes it


def incident_type(article: Article, group: Group, weapons: list[Weapon]) -> str:
    """GTD's hierarchy over the types the opening sentence reports; else the most reported type."""
    lead = [m for m in group.mentions if m.sentence == group.mentions[0].sentence]
    opening = {m.type for m in lead} - WEAK_TYPES
    # "Gunmen hurled grenades and opened fire on worshippers", "armed with rocket-propelled grenades and machine
    # guns, attacked two checkpoints": grenades carried into a raid arm an assault; an explosion of its own
    # ("a bomb went off, then gunmen opened fire") still makes it a bombing
    if {"bombing", "armed_assault"} <= opening and \
            all(CARRIED_EXPLOSIVE.fullmatch(m.trigger.text) for m in lead if m.type == "bombing"):
        opening.discard("bombing")
    if opening:
        return next(t for t in TYPE_HIERARCHY if t in opening)
    votes = Counter(m.type for m in group.mentions if m.type not in WEAK_TYPES)
    if not votes:
        categories = {w.category for w in weapons}
        # a knife ("a man with a knife killed a teacher") arms an assault as a gun does
        return "bombing" if "explosives" in categories else \
            "armed_assault" if categories & {"firearms", "melee"} else "other"
    top = max(votes.values())
    return next(t for t in TYPE_HIERARCHY if votes.get(t) == top)


def incident_place(article: Article, group: Group) -> Place | None:
    """The most specific place in the incident's sentences, in the country most of them name,
    `anchored` where the sentence that first tells of the incident names it, or a trigger's own
    locative phrase does.

    Places inside a statement ("blamed the U.S. and Israel") name parties, not where it happened.
    """
    place = _incident_place(article, group)
    if place is not None and place.precision == "country" and place.country_code in CITY_STATES:
        # "the car of Macau's police chief": an incident placed in a city-state is placed in its city
        city = load_gazetteer().capital_of(place.country_code)
        place = city.place(place.name, place.evidence, place.feature) if city is not None else place
    if place is None or in_dateline(article, place):
        return place
    first = article.sentences[group.mentions[0].sentence]
    if not (first.contains(place.evidence) or _attached(article, place, [m.trigger for m in group.mentions])):
        return place
    return dataclasses.replace(place, anchored=True)


def _incident_place(article: Article, group: Group) -> Place | None:
    best = _scene_place(article, group)
    if not group.leads:
        return best
    if _here(article, group):
        return _dateline_city(article, None) or best
    if best is None:
        filed = _dateline_city(article, None)
        return _investigating_country(article, group, filed) or filed
    if best.precision != "city":
        return _dateline_city(article, best) or _dateline_over_a_bystander(article, group, best) or best
    return _dateline_in_attached_region(article, group, best) or best


# "Police in the Maldives say the blogger was killed by ...": the authorities of the country that investigates
INVESTIGATORS_IN = re.compile(r"\b(?:police|authorities|prosecutors?|investigators|officials|government|security\s+forces|"
                              r"army|military)\s+(?:in|of)\s+(?:the\s+)?$", re.I)


def _investigating_country(article: Article, group: Group, filed: Place | None) -> Place | None:
    """ "NEW DELHI, Aug 10 (Wire) — Police in the Maldives say the blogger was killed by ...", "MOSCOW (Wire) —
    The armed group that seized a police base in Yerevan two weeks ago surrendered on Sunday": a report
    filed from abroad, whose incident no place of its own locates, happened where the incident's first
    sentence, the report's lead, puts it in another country: a town that is no party's or speaker's, or the
    country whose police or authorities that sentence reports. Not in the correspondent's city (`filed`)."""
    if filed is None:
        return None
    index = group.mentions[0].sentence
    if index >= _lead_limit(article, 1):
        return None  # the report's own lead only
    first = article.sentences[index]
    abroad = [p for p in article.places
              if p.precision in ("city", "country") and p.country_code and p.country_code != filed.country_code
              and first.contains(p.evidence) and not in_dateline(article, p)]
    return next((p for p in abroad if p.precision == "city" and not _not_scene(article, p)), None) or next(
        (p for p in abroad if p.precision == "country"
         and INVESTIGATORS_IN.search(article.text, max(0, p.evidence.start - 40), p.evidence.start)), None)


def _dateline_over_a_bystander(article: Article, group: Group, best: Place) -> Place | None:
    """ "DHAKA (Wire) — ... claimed last Saturday's grenade attack ... The United States, Britain and India
    have offered help": a country the report names only outside the incident's own sentences, and
    not in a trigger's locative phrase, is a bystander (who helps, condemns, borders, was fled to); the
    dateline's city, in another country, is the better guess."""
    if best is None or best.precision != "country":
        return None
    city = _dateline_city(article, None)
    if city is None or city.country_code == best.country_code:
        return None
    triggers = [m.trigger for m in group.mentions]
    if _attached(article, best, triggers) or article.sentence_of(best.evidence.start) in {m.sentence for m in group.mentions}:
        return None
    return city


TARGET_NATIONALITY = re.compile(r"\s+(?:on|against|targeting|of)\s+(?:a|an|the)\s+([A-Z][a-z]+)\s+"
                                r"(?:(?:army|military|police|gendarmerie|border|naval|air|security|paramilitary)\s+)?"
                                r"(?:camp|base|post|outpost|convoy|patrol|garrison|barracks|checkpoint|position|"
                                r"airbase|airfield)s?\b")


def _targeted_country(article: Article, group: Group) -> Place | None:
    """The country a target's nationality names right after a trigger ("this week's assault on a
    Nigerien army camp"), as a country-level place."""
    gaz = load_gazetteer()
    for mention in group.mentions:
        found = TARGET_NATIONALITY.match(article.text, mention.trigger.end)
        code = gaz.demonym(name_key(found.group(1))) if found else None
        country = gaz.countries.get(code) if code else None
        if country is not None:
            span = article.span(found.start(1), found.end(1))
            return country.place(span.text, span, "DEMONYM")
    return None


def _dateline_in_attached_region(article: Article, group: Group, best: Place) -> Place | None:
    """ "BUTLER, Pa. — a gunman opened fire on a rally in western Pennsylvania ... Biden, at his house in
    Rehoboth Beach, Delaware": where the lead's trigger names only a region, and the dateline's city lies
    in it, a city of another region named later is not the scene; the dateline's city is."""
    triggers = [m.trigger for m in group.mentions if m.sentence == group.mentions[0].sentence]
    first = group.mentions[0].sentence
    regions = {p.region for p in article.places if p.precision == "region" and p.region
               and article.sentence_of(p.evidence.start) == first and _attached(article, p, triggers)}
    city = _dateline_city(article, None)
    if not regions or best.region in regions or city is None or city.region not in regions:
        return None
    return city


HERE = re.compile(r"\b(?:(?:near|outside|around|in|of|from) here|(?:on|in|at|near|outside) this (?:[\w-]+ ){0,2}"
                  r"(?:town|city|village|suburb)|(?:mosque|church|cathedral|temple|synagogue|market|school|hotel|"
                  r"station|checkpoint|police post|barracks) here)\b", re.I)


# "..., killing four people, President Erdogan said in this Russian city, where he is attending a summit":
# the "here" of a statement is where it was made
SPOKEN_HERE = re.compile(r"\b(?:said|says|told\s+(?:reporters|journalists|a\s+[\w\s]{0,30}?)|spoke|speaking|announced)\s+$",
                         re.I)
# "Gunfire went on through the night, a security official in this town on the southern plains said": where
# the one who speaks is
SPEAKER_HERE = re.compile(r"\b(?:officials?|officers?|residents?|spokes(?:man|woman|person)|witness(?:es)?|doctors?|"
                          r"sources?|journalists?|reporters?|correspondents?|diplomats?)\s+$", re.I)
HERE_REACH = 60  # characters from the end of an attack's trigger to its "here" ("shot dead 38 people at a beach hotel near here")
ELSEWHERE = re.compile(r"\b(?:north|south|east|west|[\w-]+ward|km|kilometres|kilometers|miles|drive|hours?|minutes?)"
                       r"[\w-]* (?:of|from) here\b", re.I)


def _here(article: Article, group: Group) -> bool:
    """ "SOUSSE (Wire) — ... shot dead 38 people at a beach hotel near here": wire copy's "here" is the dateline.

    The "here" must follow one of the incident's triggers closely, with no other place between them:
    "families in this northern town buried the gendarmes killed ...", "arrested overnight in this
    Normandy town" and "a rally about an hour's drive north of here" put something else there."""
    for mention in group.mentions:
        trigger = mention.trigger
        sentence = article.sentences[mention.sentence]
        for found in HERE.finditer(sentence.text):
            start = sentence.start + found.start()
            if not 0 <= start - trigger.end <= HERE_REACH:
                continue
            before = article.text[max(sentence.start, start - 40):sentence.start + found.end()]
            if ELSEWHERE.search(before) or SPOKEN_HERE.search(article.text, max(trigger.end, start - 30), start) \
                    or SPEAKER_HERE.search(article.text, max(trigger.end, start - 40), start):
                continue
            if any(trigger.end <= p.evidence.start < start for p in article.places):
                continue
            return True
    return False


def _dateline_city(article: Article, best: Place | None) -> Place | None:
    """ "NAIROBI, Jan. 15 (Wire) — ... a hotel in the capital's Westlands": where the report names the
    incident's country or region only, the dateline city inside it is the best guess, as a coder's."""
    for place in article.places:
        if place.precision != "city" or not place.country_code or not in_dateline(article, place):
            continue
        if best is None or (best.country_code == place.country_code and
                            (best.precision == "country" or (best.region and best.region == place.region))):
            return place
    return None


def _dateline_named_in_lead(article: Article, group: Group) -> bool:
    """The dateline's city, read by no place rule, names the first trigger's sentence's scene ("Gunmen
    stormed Kabul University"), and no place there says otherwise."""
    city = _dateline_city(article, None)
    if city is None or not city.name:
        return False
    sentence = article.sentences[group.mentions[0].sentence]
    found = re.search(r"\b" + re.escape(city.name.title()) + r"\b(?![-’'])", sentence.text)
    if found is None:
        return False
    start = sentence.start + found.start()
    if any(p.evidence.start <= start < p.evidence.end for p in article.places):
        return False  # a place rule read it (and judged it)
    return not any(sentence.contains(p.evidence) and p.country_code and not _not_scene(article, p)
                   for p in article.places if not in_dateline(article, p))


def _scene_place(article: Article, group: Group) -> Place | None:
    # the dateline says where the report was filed; it names the scene only when nothing else does
    places = [p for p in article.places if holds(article, group, p.evidence)
              and p.country_code and not _not_scene(article, p) and not in_dateline(article, p)
              and not _of_the_followed(article, group, p)]
    if not places and group.leads and _dateline_city(article, None) is not None:
        return None  # the dateline's city says more than a place anywhere else in the report
    if group.leads and _dateline_named_in_lead(article, group):
        return None  # "KABUL (Wire) — Gunmen stormed Kabul University": the dateline city is the scene's name too
    if not places and group.leads:
        places = [p for p in article.places if not article.is_excluded(p.evidence.start) and p.country_code
                  and not _not_scene(article, p)]
    if not places:
        return None
    triggers = [m.trigger for m in group.mentions]
    near = {m.sentence for m in group.mentions}
    first = group.mentions[0].sentence
    # a country's vote counts each sentence once: one sentence that names Israel three ways
    # ("Jerusalem, Israel's capital") does not outvote the opening sentence's Nairobi
    weight: dict[tuple[str, int], int] = {}
    for place in places:
        index = article.sentence_of(place.evidence.start)
        value = 1 + (index in near) + (index == first) + ATTACHED_WEIGHT * _attached(article, place, triggers) \
            + (place.precision != "country" and not place.evidence.text.islower())  # a town is named as a scene;
        # a country as often as a party (and "the capital" is only the capital of a country)
        weight[place.country_code, index] = max(weight.get((place.country_code, index), 0), value)
    votes: Counter[str] = Counter()
    for (code, _), value in weight.items():
        votes[code] += value
    country = votes.most_common(1)[0][0]
    # "the suicide bombing in Indian-controlled Kashmir", "killed 40 police in Pulwama district": where
    # the triggers' own locative phrases agree on a country, parties named in every other sentence
    # (a neighbour that denies, a capital that condemns) do not outvote them
    attached = {p.country_code for p in places if _attached(article, p, triggers)}
    if len(attached) == 1:
        country = attached.pop()
    elif not attached:
        # "the assault on a Nigerien army camp" reported from Paris: the target's nationality places it
        targeted = _targeted_country(article, group)
        if targeted is not None and targeted.country_code != country:
            if not any(p.country_code == targeted.country_code for p in places):
                return targeted
            country = targeted.country_code
    candidates = [p for p in places if p.country_code == country]
    # "ambushed the convoy in Tapoa province ... the mayor of the northern town of Djibo was killed on
    # Sunday": where a trigger names its region, a city of another region that no trigger names is not the scene
    regions = {p.region for p in candidates if p.precision == "region" and p.region and _attached(article, p, triggers)}
    if regions:
        candidates = [p for p in candidates if p.precision != "city" or _within_any(p.region, regions)
                      or article.sentence_of(p.evidence.start) in near or _attached(article, p, triggers)]
    # a place the first trigger sentence's own phrase names, not as what it was near, is the scene, even
    # where "a town south of Magdeburg" later makes its name a landmark
    best = min(candidates, key=lambda p: (
        _precision_rank(p), _only_near(article, p, candidates) and not (
            article.sentence_of(p.evidence.start) == first and _attached(article, p, triggers)
            and not _named_as_near(article, p)),
        _sentence_rank(article.sentence_of(p.evidence.start), first, near), not _attached(article, p, triggers),
        # "claimed last Friday's attack on the army camp at Mondoro, saying it avenged civilians killed near
        # Dogofry": the lead trigger's own place before one a later trigger of the sentence names
        not _attached(article, p, triggers[:1]),
        article.sentence_of(p.evidence.start), min(abs(p.evidence.start - t.start) for t in triggers)))
    return _unlisted_scene(article, group, best, triggers) or best


# a road, a square or a range is a site in a town, not the town
FEATURE_WORDS = re.compile(r"\b(?:road|street|avenue|highway|route|square|bridge|mountains?|hills?|range|forest|valley|"
                           r"river|lake|park|airport|station|market|camp|base|district|province|region|county)\b", re.I)


def _unlisted_scene(article: Article, group: Group, best: Place, triggers: list[Span]) -> Place | None:
    """ "insurgents attacked the town of Quissanga": a town the gazetteer does not hold, named by the
    trigger's own locative phrase, is the scene, in the country the report places it in, where the best
    listed place is no more than a country or region. No coordinates."""
    if best.precision == "city":
        return None
    unlisted = [p for p in article.places if p.country_code is None and p.name[:1].isupper()
                and not FEATURE_WORDS.search(p.name)
                and holds(article, group, p.evidence) and _attached(article, p, triggers)
                and not _not_scene(article, p) and not in_dateline(article, p)]
    if not unlisted:
        return None
    town = unlisted[0]
    return dataclasses.replace(town, city=town.name, region=best.region, country=best.country,
                               country_code=best.country_code, precision="city", lat=None, lon=None)


def _of_the_followed(article: Article, group: Group, place: Place) -> bool:
    """ "The attack followed the seizure of Mocimboa da Praia, farther up the coast": a place after the cue
    is the earlier incident's, when every trigger of the group in its sentence stands before the cue."""
    index = article.sentence_of(place.evidence.start)
    triggers = [m.trigger for m in group.mentions if m.sentence == index]
    return bool(triggers) and all(t.end <= place.evidence.start and
                                  FOLLOWED_ANOTHER.search(article.text, t.end, place.evidence.start) for t in triggers)


def _within_any(region: str | None, regions: set[str]) -> bool:
    """The region is one of `regions`, or a part named after one ("North Darfur" in "Darfur")."""
    words = set(name_key(region or "").split())
    return region in regions or any(set(name_key(r).split()) <= words for r in regions)


VICINITY = re.compile(r"\b(?:near|outside|outskirts of|suburbs? of|edge of|close to|(?:north|south|east|west)[\w-]* of)"
                      # "near the village of Surda", "near the Jewish settlement of Ofrah"
                      r"\s+(?:the\s+)?(?:(?:[\w-]+\s+)?(?:city|town|village|settlement|camp)\s+of\s+|capital,?\s+)?$", re.I)
VICINITY_KM = 60.0
SAME_SENTENCE_VICINITY_KM = 120.0


def _named_as_near(article: Article, place: Place) -> bool:
    """This mention of the place names what the scene was near ("outside Louisville")."""
    return bool(VICINITY.search(article.text[max(0, place.evidence.start - 30): place.evidence.start]))


def _only_near(article: Article, place: Place, candidates: list[Place]) -> bool:
    """ "a concert hall near Moscow" beside "in Krasnogorsk": the named town, within reach of the city,
    says where; the city only says what it was near."""
    near_names = {p.name for p in candidates if _named_as_near(article, p)}  # "north-west of Ramallah" once is near it throughout
    if place.lat is None or place.name not in near_names:
        return False
    # "a church in Laguna Woods, in Orange County south of Los Angeles": a town the same sentence names as
    # the site, a county away, is where; farther off, a second town is more likely another place of the story
    sentence = article.sentence_of(place.evidence.start)
    return any(other.precision == place.precision and other.lat is not None and other.name != place.name
               and other.name not in near_names and km(place, other) <= (
                   SAME_SENTENCE_VICINITY_KM if article.sentence_of(other.evidence.start) == sentence else VICINITY_KM)
               for other in candidates)


ATTACHED_WEIGHT = 3  # "the massacre at a concert hall near Moscow": the place the trigger itself names


# "the Madrid train bombings", "Kampala's twin blasts" (not "link Tehran to the attack")
NAME_BEFORE_TRIGGER = re.compile(r"^(?:['’]s)?\s+(?:(?!(?:to|for|of|from|with|after|before|on|in|at|by|and|or|than|as|into|"
                                 r"over|against|behind|about)\s)[\w-]+\s+){0,2}$", re.I)


def _attached(article: Article, place: Place, triggers: list[Span]) -> bool:
    """A locative phrase right after a trigger names the place ("bombings in Iran"), and so does a
    name right before it ("the Madrid train bombings", "Kampala's twin blasts")."""
    if any(0 <= t.start - place.evidence.end <= 25
           and NAME_BEFORE_TRIGGER.match(article.text[place.evidence.end: t.start]) for t in triggers):
        return True
    before = article.text[max(0, place.evidence.start - 30): place.evidence.start]
    return bool(LOCATIVE.search(before)) and any(
        0 <= place.evidence.start - t.end <= PLACE_REACH and article.sentence_of(t.start) == article.sentence_of(place.evidence.start)
        and not ELSEWHERE_AFTER.search(article.text[t.end: place.evidence.start]) for t in triggers)


# "hostages held near Jilib", "the wounded were flown to Nairobi": where people were taken, not where it happened;
# "such attacks would go on as long as Britain was involved in Ireland": a clause of its own, not the attack's place
ELSEWHERE_AFTER = re.compile(r"\b(?:held|kept|taken|moved|flown|transferred|brought|driven|rushed|evacuated|"
                             r"(?:as|so) long as|because|unless|until|although|whereas)\b", re.I)


def _sentence_rank(index: int, first: int, near: set[int]) -> int:
    """The sentence that opened the incident names its place best, then the other trigger sentences."""
    return 0 if index == first else 1 if index in near else 2


def _modifier(article: Article, place: Place) -> bool:
    """A country name used as a modifier ("U.S. personnel", "a U.S. drone strike") says whose, not where;
    "a Yemen-based group", "a London-based monitor" say where someone is based, "a Nairobi-bound bus"
    where it was going."""
    if re.match(r"-(?:based|bound)\b", article.text[place.evidence.end: place.evidence.end + 7], re.I):
        return True  # "a Nairobi-bound bus" says where it was going
    if place.precision != "country" or article.doc is None:
        return False
    if POSSESSED_INSTITUTION.match(article.text, place.evidence.end):
        return True  # "last Friday's attack on India's consulate in the Afghan city of Herat": whose consulate
    owned = POSSESSIVE.match(article.text, place.evidence.end)
    if owned and _owns_a_group(article, owned.end()):
        return True  # "Somalia's al-Shabaab says its fighters ...": whose group ("Nigeria's Borno state" is a place)
    # the token that starts one space after the name, looked up by offset rather than by a pass over the doc;
    # "the US and Israeli embassies": a modifier coordinated with another names whose, too
    end = place.evidence.end
    paired = COORDINATED_MODIFIER.match(article.text, end)
    if paired:
        end = paired.end()
    following = article.doc.char_span(end + 1, end + 2, alignment_mode="expand")
    return bool(following) and following[0].idx == end + 1 and following[0].pos_ in ({"NOUN"} if paired else {"NOUN", "PROPN"})


# a country's own mission or forces, not a place in it ("Nigeria's Borno state" is one)
POSSESSED_INSTITUTION = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:consulate|embassy|(?:diplomatic\s+)?mission|"
                                   r"high\s+commission|ambassador|diplomats?|peacekeepers|contingent|troops|navy|"
                                   r"air\s+force)\b", re.I)
POSSESSIVE = re.compile(r"['’]s\s+")


def _owns_a_group(article: Article, start: int) -> bool:
    """The word at `start` begins an armed group's name or word ("al-Shabaab", "militants"); not a body of the
    state ("Iraq's health ministry", "Tajikistan's Interior Ministry" speak for where it happened)."""
    following = article.doc.char_span(start, start + 1, alignment_mode="expand")
    if not following or following[0].idx != start:
        return False
    token = following[0]
    if token.lower_ in ARMED_GROUP_WORDS:
        return True
    named = article.text[start: start + 40].split(",")[0]
    return token.ent_type_ in ("ORG", "NORP") and token.pos_ == "PROPN" and not STATE_BODY.search(named)


STATE_BODY = re.compile(r"\b(?:ministry|ministries|police|army|armed\s+forces|military|government|parliament|court|"
                        r"office|agency|service|guard|navy|commission|prosecutors?|president|presidency|council|ministers?|"
                        r"premier|interior|defen[cs]e|officials?|authorities|forces|troops|embassy|consulate)\b", re.I)
ARMED_GROUP_WORDS = frozenset("militants rebels insurgents jihadists separatists guerrillas militia militias".split())
COORDINATED_MODIFIER = re.compile(r"\s+and\s+[A-Z][\w.-]*(?=\s)")


SPEAKER_PLACE_BEFORE = re.compile(
    r"\b(?:media|officials?|sources?|diplomats?|authorities|spokes(?:man|woman|person)|ministry|government|"
    r"police|reporters?|correspondents?|analysts?|experts?|press|newspapers?|television|radio|"
    r"(?:news|press) conferences?|briefings?|summit|interview|speech|"
    # "The Bosniak-American National Association in New York condemned": an organisation's seat
    r"associations?|committees?|councils?|federations?|foundations?|institutes?|leagues?|societ(?:y|ies)|"
    r"unions?|networks?|watchdogs?|organi[sz]ations?|groups?\s+based|"
    # "in a statement issued in Brussels", "the brother of a captive gendarme, reached in Antibes": where a
    # message came from or a relative was found by telephone
    r"(?:statements?|communiqu[eé]s?|releases?|appeals?)\s+(?:issued|released|published|sent|made)|"
    r"(?:reached|contacted|interviewed|speaking)(?:\s+by\s+(?:tele)?phone)?)\s+(?:in|from)\s+(?:the\s+)?$",
    re.I,
)
SPEAKER_PLACE_AFTER = re.compile(r"^\W{0,2}\s*(?:\w+\s+){0,2}(?:says?|said|reports?|reported|told|announced|claimed)\b", re.I)


# "killed 40 paramilitary police in Pulwama district": the police are the victims, and the place the scene
VICTIMS_BEFORE = re.compile(r"\b(?:killed|killing|kills|wounded|wounding|injured|injuring|attacked|ambushed)\s+"
                            r"(?:[\w-]+\s+){0,4}$", re.I)


def _speaker_place(article: Article, place: Place) -> bool:
    """Where a speaker is ("media in the United States says"), not where it happened."""
    before = article.text[max(0, place.evidence.start - 40): place.evidence.start]
    after = article.text[place.evidence.end: place.evidence.end + 30]
    speaker = SPEAKER_PLACE_BEFORE.search(before)
    if speaker and VICTIMS_BEFORE.search(article.text[max(0, place.evidence.start - 80): place.evidence.start - len(before) + speaker.start()]):
        speaker = None
    return bool(speaker) or (place.precision == "country" and bool(SPEAKER_PLACE_AFTER.match(after)))


def _not_scene(article: Article, place: Place) -> bool:
    """The place names a party, a speaker's seat, whose something is or where someone came from, not the scene."""
    return _names_party(article, place) or _modifier(article, place) or _speaker_place(article, place) or \
        _institution(article, place) or _origin(article, place) or _government(article, place) or \
        AIMED_AT.search(article.text, max(0, place.evidence.start - 30), place.evidence.start) is not None or \
        _holds_the_locality(article, place) or OFFICE_AFTER.match(article.text, place.evidence.end) is not None \
        or ACCORD_AFTER.match(article.text, place.evidence.end) is not None \
        or ACCORD_BEFORE.search(article.text, max(0, place.evidence.start - 30), place.evidence.start) is not None \
        or QUARTER_OF_AFTER.match(article.text, place.evidence.end) is not None or _a_quarter_abroad(article, place) \
        or place.precision == "country" and BORDER_WITH.search(article.text, max(0, place.evidence.start - 30),
                                                               place.evidence.start) is not None


# "Laiza, the rebels' headquarters on Myanmar's border with China": the neighbour across a border is no scene
BORDER_WITH = re.compile(r"\b(?:border|borders|frontier)\s+with\s+(?:the\s+)?$", re.I)


# "the Carrefour quarter of Duekoue": a quarter of the town named after it, which the town places (the gazetteer's
# namesake is a city elsewhere: Carrefour in Haiti)
QUARTER_OF_AFTER = re.compile(r"\s+(?:quarter|neighbou?rhood)\s+of\s+(?:the\s+(?:town|city)\s+of\s+)?[A-Z]")
# "in Havana's Miramar district": a district its city names, whatever namesake the gazetteer holds
DISTRICT_AFTER = re.compile(r"\s+(?:district|neighbou?rhood|quarter|suburb|area)\b", re.I)
OWNER_BEFORE = re.compile(r"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)['’]s\s+$")


def _a_quarter_abroad(article: Article, place: Place) -> bool:
    """ "three seafront hotels in Havana's Miramar district": a district of the city that owns it, which the
    gazetteer read as a namesake in another country (Miramar, Florida), is no scene; the city is."""
    if not DISTRICT_AFTER.match(article.text, place.evidence.end):
        return False
    owner = OWNER_BEFORE.search(article.text, max(0, place.evidence.start - 40), place.evidence.start)
    return owner is not None and any(
        p.evidence.start == owner.start(1) and p.country_code and p.country_code != place.country_code
        for p in article.places)


# "soldiers had been forgotten in the Lome accord", "the Minsk agreements", "the Treaty of Rome": a town that names
# a treaty or talks
ACCORD_AFTER = re.compile(r"\s+(?:peace\s+)?(?:accords?|agreements?|protocols?|declarations?|conventions?|treaty|"
                          r"treaties|talks|process|deal|framework|format)\b", re.I)
ACCORD_BEFORE = re.compile(r"\b(?:treaty|treaties|convention|accords?|agreements?|protocol|declaration|congress|peace)"
                           r"\s+of\s+$", re.I)


# "New York's attorney general has opened an investigation": whose office, not where it happened
OFFICE_AFTER = re.compile(r"['’]s\s+(?:attorney\s+general|governor|legislature|state\s+assembly|state\s+police)\b", re.I)
# "in the Dallas suburb of Allen", "the Kabul suburb of Paghman": the city that holds the named locality
# ("on the outskirts of Kabul" is Kabul's)
SUBURB_OF = re.compile(r"^(?:\s+suburbs?)?\s+of\s+(?:the\s+)?[A-Z]")


def _holds_the_locality(article: Article, place: Place) -> bool:
    after = article.text[place.evidence.end: place.evidence.end + 40]
    suburb = re.search(r"\bsuburbs?$", place.evidence.text, re.I) is not None
    return place.precision == "city" and bool(SUBURB_OF.match(after)) and (suburb or after.lstrip()[:6].lower() == "suburb")


# "said the attack had been aimed at Italy for its part in the fight": whom it was meant for, not where
AIMED_AT = re.compile(r"\b(?:aimed|directed|targeted|meant|intended)\s+(?:at|for)\s+$", re.I)


# "Beijing's policies", "what Cairo called", "Washington would make its judgments": a national capital
# standing for its government
GOVERNMENT_AFTER = re.compile(
    r"^(?:['’]s\s+(?:[\w-]+\s+)?(?:policies|policy|government|rule|decision|crackdown|campaign|response|position|"
    r"stance|leaders?|leadership|envoy|ambassador|relations|ties|allies|ally|backing|support|accusations?|claims?)\b"
    # "Islamabad should look inwards": a city takes no modal of its own
    r"|\s+(?:should|must)\s+(?:not\s+)?[a-z]+\b"
    r"|\s+(?:(?:has|had|have|would|will|could|should|must|might|may)\s+)?(?:not\s+)?(?:been\s+)?"
    r"(?:said|says|say|called|calls|blamed|blames|accused|accuses|denied|denies|condemned|condemns|warned|warns|"
    r"insisted|rejected|rejects|urged|urges|demanded|demands|vowed|vows|announced|responded|retaliated|ordered|"
    r"shown|make|respond|retaliate|decide|decided|downgraded|downgrades|expelled|expels|suspended|suspends|"
    r"recalled|recalls|summoned|summons|severed|severs|imposed|imposes|sanctioned|protested|protests|"
    r"demarched|retorted|hit\s+back)\b)", re.I)
# "Amit Shah ... returned to New Delhi for a meeting on the attack": an official's way back to the capital;
# "Pakistan's ambassador in Tehran": a diplomat's post
RETURN_BEFORE = re.compile(r"\b(?:returned|returning|returns|flew\s+back|went\s+back|headed\s+back|rushed\s+back|"
                           r"cut\s+short\s+\w+\s+\w+\s+(?:and\s+)?returned)\s+(?:home\s+)?to\s+$"
                           r"|\b(?:ordered|expelled|sent|thrown|kicked)\s+(?:[\w-]+\s+){0,4}out\s+of\s+$"
                           # "raised the attack with Pakistan's ambassador in Tehran": a diplomat's seat (an
                           # embassy may be a scene: "the assault on the embassy in Baghdad")
                           r"|\b(?:ambassadors?|envoys?|charg[eé]s?\s+d['’]affaires)\s+(?:in|to)\s+$", re.I)


def _government(article: Article, place: Place) -> bool:
    if place.precision != "city" or not place.country_code or not place.city:
        return False
    gaz = load_gazetteer()
    capital = gaz.capital_of(place.country_code)
    city = place.geoname or place.city
    if (capital is None or capital.city != city) and gaz.capitals.get(name_key(city)) != place.country_code:
        return False  # (the capitals table knows "New Delhi", where the city table's capital is Delhi)
    return bool(GOVERNMENT_AFTER.match(article.text[place.evidence.end: place.evidence.end + 60])) or \
        bool(RETURN_BEFORE.search(article.text[max(0, place.evidence.start - 60): place.evidence.start]))


# "guided by telephone from Afghanistan", "flew home from the nearby Enfidha airport": where people or
# orders came from. A distance ("40 km from Kabul") still places the scene, through VICINITY-like reading.
ORIGIN_BEFORE = re.compile(r"(?<!\d )(?<!km )(?<!miles )(?<!metres )(?<!meters )(?<!kilometres )(?<!kilometers )"
                           # "born in 1991 in the village of Sapna"
                           r"\b(?:from|(?:born|raised|grew\s+up)(?:\s+in\s+(?:19|20)\d\d)?\s+in|native\s+of|"
                           # "in touch with their masterminds in Afghanistan": where those behind it were
                           r"(?:masterminds?|handlers?|ringleaders?|sponsors?|backers?|bosses)\s+(?:based\s+)?(?:in|across))"
                           r"\s+(?:the\s+)?"
                           r"(?:nearby\s+|neighbouring\s+|neighboring\s+)?"
                           r"(?:(?:[\w'-]+\s+){0,2}?(?:village|town|city|region|province|district|camp|suburb)\s+of\s+)?"
                           # "came from Nigeria, Ghana, Mali and Gambia": the later names of the list too
                           r"(?:(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?,\s+){0,5}(?:(?:(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?,?\s+)?(?:and|or)\s+)?$",
                           re.I)
# "the bomber, from the village of Ali-Yurt in Ingushetia": the region an origin lies in is an origin too
ORIGIN_CONTAINER = re.compile(r"\b(?:from|native\s+of)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:village|town|city|district)\s+of\s+"
                              r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?,?\s+in\s+(?:the\s+)?$", re.I)
# "rebels retreating from the town of X", "fighters who withdrew from X": attackers leaving the scene, which
# the place is, not where they came from before the attack
RETREAT_BEFORE = re.compile(r"\b(?:retreat(?:ed|ing|s)?|withdr[ae]w|withdrawing|withdrawn|fled|fleeing|"
                            r"pull(?:ed|ing)\s+(?:back|out))\s+$", re.I)
# "detained a man in Marsta", "arrested two suspects in Birmingham", "searched a house in Muzaffargarh
# district": where someone was caught or sought
CUSTODY_BEFORE = re.compile(r"\b(?:arrested|detained|held|captured|apprehended|seized|picked\s+up|searched)\s+"
                            r"(?:[\w'-]+\s+){0,4}?(?:in|at|near)\s+(?:the\s+)?$", re.I)


SEIZED_SITE = re.compile(r"^(?:seized|captured|held)\s+(?:[\w'-]+\s+){0,3}?(?:base|building|station|compound|post|"
                         r"school|hospital|town|village|church|mosque|embassy|consulate|office|headquarters|parliament|"
                         r"airport|barracks|hotel|theat(?:re|er)|plant|depot|camp|hall|bank|ship|plane|bus|train)s?\s",
                         re.I)


# "Kevin Loibl, 27, of St. Petersburg": where a named person lives
AGE_OF_BEFORE = re.compile(r"\b\d{1,3},\s+of\s+(?:the\s+)?$")


# "near Renmin Park in the city's Saybagh district": a part of a city the report has named, not a place of its own
PART_OF_THE_CITY = re.compile(r"\bthe\s+(?:city|capital|town)['’]s\s+(?:[\w-]+\s+){0,2}$", re.I)


# "the bodies were sent back to Iraq for burial in the holy city of Karbala": where the dead were taken
BURIAL_BEFORE = re.compile(r"\b(?:for\s+burial|to\s+be\s+buried|were\s+buried|was\s+buried|laid\s+to\s+rest)\s+(?:in|at)\s+"
                           r"(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:(?:city|town|village)\s+of\s+)?$"
                           r"|\b(?:bod(?:y|ies)|remains|coffins?)\s+(?:[\w'-]+\s+){0,3}?(?:sent|flown|taken|returned|repatriated|"
                           r"carried)\s+(?:back\s+|home\s+)?to\s+(?:the\s+)?$"
                           # "was flown to Miami later on Wednesday for treatment": where the wounded were taken
                           r"|\b(?:flown|airlifted|evacuated|medevaced)\s+(?:out\s+)?to\s+(?:the\s+)?$", re.I)
# "flown on Tuesday to their home towns, from Ambon to Bandung and Palu": where the dead were taken home
# (not "seized in the family's home town of Barrancas": no one was taken there)
HOMES_BEFORE = re.compile(r"\b(?:flown|sent|taken|returned|repatriated|carried|brought|transported)\b[^.;:]{0,60}?"
                          r"\bhome\s*(?:towns?|villages?)\b[^.;:]{0,40}?$", re.I)


# "a Walmart in El Paso, across the Rio Grande from this city": what lies between the scene and somewhere else
ACROSS_BEFORE = re.compile(r"\bacross\s+(?:the\s+)?$", re.I)
# "the blast shattered windows across the border in the Turkish town of Nusaybin": where it was felt
ACROSS_THE_BORDER = re.compile(r"\bacross\s+the\s+(?:border|frontier)\s+(?:in|into|at)\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}$", re.I)
FROM_AFTER = re.compile(r"^(?:\s+(?:river|border|strait|bay|lake))?\s+from\b", re.I)


# "on the main road to Kandy", "a bus bound for Jaffna": where a road or a bus leads, not where it was hit
# (not "the road from Cholnar to Kirandul" or "the Khash-Zahedan road": a road's two ends frame where on it)
ROUTE_BEFORE = re.compile(r"\b(?:main\s+)?(?:road|highway|motorway|expressway|way|journey)\s+to\s+"
                          r"(?:the\s+)?(?:Mount\s+|Mt\.?\s+)?$|\b(?:bound|headed|heading|en\s+route)\s+(?:for|to)\s+(?:the\s+)?$"
                          # "before flying on to Berlin", "leaves for Paris on Friday": where someone travels next
                          r"|\b(?:fly|flies|flying)\s+on\s+to\s+(?:the\s+)?$"
                          # "the tourists had flown into Mineralnye Vody and hired a minibus": where they landed
                          r"|\b(?:had|have|has)\s+(?:flown|flew)\s+(?:in)?to\s+(?:the\s+)?$"
                          # "hired the minibus to take them to the Elbrus resort area": where a ride was going
                          r"|\bto\s+(?:take|drive|carry)\s+(?:them|him|her|us)\s+to\s+(?:the\s+)?$"
                          r"|\b(?:leave|leaves|leaving|left|depart|departs|departing|departed)\s+for\s+(?:the\s+)?$"
                          # "buses travelling from Juba towards the Ugandan capital Kampala": where travellers were going
                          r"|\b(?:travell?ing|driving|going|heading|on\s+(?:their|its|his|her)\s+way)\s+"
                          r"(?:from\s+(?:[\w'’-]+\s+){1,3})?(?:towards?|to)\s+(?:the\s+)?"
                          r"(?:[\w'’-]+\s+(?:capital|city|town|port)\s+(?:of\s+)?)?$", re.I)
# "a Colombo-Matara bus": the two ends of a bus's or a train's route
TRANSPORT = r"(?:bus|buses|coach|train|flight|service)\b"
ROUTE_START = re.compile(r"^\s*[-–—]\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+" + TRANSPORT)
ROUTE_END = re.compile(r"[A-Z][\w'’-]+\s*[-–—]\s*$")


def _on_a_route(article: Article, place: Place, before: str) -> bool:
    after = article.text[place.evidence.end: place.evidence.end + 40]
    return bool(ROUTE_BEFORE.search(before) or ROUTE_START.match(after)
                or ROUTE_END.search(before) and re.match(r"\s+" + TRANSPORT, after))


# "arrested under the Terrorism Act on Saturday and taken to Belfast for questioning": where suspects were taken
TAKEN_TO_BEFORE = re.compile(r"\b(?:taken|brought|transferred|moved|flown|driven)\s+to\s+(?:the\s+)?$", re.I)
FOR_QUESTIONING_AFTER = re.compile(r"\s+for\s+(?:questioning|interrogation|treatment|further\s+questioning)\b", re.I)


def _origin(article: Article, place: Place) -> bool:
    before = article.text[max(0, place.evidence.start - 60): place.evidence.start]
    if TAKEN_TO_BEFORE.search(before) and FOR_QUESTIONING_AFTER.match(article.text, place.evidence.end):
        return True
    if ACROSS_BEFORE.search(before) and FROM_AFTER.match(article.text[place.evidence.end: place.evidence.end + 20]) \
            or ACROSS_THE_BORDER.search(before) or _on_a_route(article, place, before):
        return True
    near = before[-40:]
    origin = ORIGIN_BEFORE.search(near)
    if origin and RETREAT_BEFORE.search(before[: len(before) - len(near) + origin.start()]):
        origin = None  # "guerrillas retreating from the town of Sandhikhara": the scene they left
    custody = CUSTODY_BEFORE.search(before)
    if custody and SEIZED_SITE.search(custody.group()):
        custody = None  # "the armed group that seized a police regiment's base in Yerevan": an attack's scene
    return bool(origin or ORIGIN_CONTAINER.search(before) or custody or AGE_OF_BEFORE.search(before)
                or PART_OF_THE_CITY.search(before) or BURIAL_BEFORE.search(before)
                or HOMES_BEFORE.search(article.text, max(0, place.evidence.start - 140), place.evidence.start))


# "the Paris prosecutor's office", "a Moscow court": a city naming an institution, not where it happened
# (a headquarters or an office is a building, and often what was attacked: "the brigade headquarters at Uri")
INSTITUTION_AFTER = re.compile(r"^(?:['’]s\s+)?(?:anti-terror(?:ism)?\s+|(?:political|criminal|judicial|secret|special)\s+)?"
                               r"(?:prosecutors?|court|judges?|mayor|"
                               r"(?:operations\s+)?command\b|"
                               r"police(?!\s+(?:academy|station|stations|school|college|post|posts|checkpoint|compound|"
                               r"cadet|cadets|training|barracks|headquarters|base)\b)|"
                               r"governor|government|officials|authorities|ministry)\b", re.I)


INSTITUTION_BEFORE = re.compile(r"\b(?:prosecutors?|courts?|judges?|investigators|ministry|ministers?|officials|"
                                r"authorities)\s+(?:in|at)\s+$", re.I)


def _institution(article: Article, place: Place) -> bool:
    """ "the Paris prosecutor's office", "prosecutors in Paris": a city naming an institution's seat."""
    if place.precision != "city":
        return False
    return bool(INSTITUTION_AFTER.match(article.text[place.evidence.end: place.evidence.end + 40].lstrip())
                or INSTITUTION_BEFORE.search(article.text[max(0, place.evidence.start - 40): place.evidence.start]))


def _names_party(article: Article, place: Place) -> bool:
    """The place names a party to a statement ("blamed the U.S.") rather than where something happened."""
    names = {_canonical(place.name), _canonical(place.country or "")}
    for statement in article.statements:
        if statement.evidence.overlaps(place.evidence):
            parties = {_canonical(n) for n in [statement.by or "", *statement.against]}
            if names & parties:
                return True
    return False


def _canonical(name: str) -> str:
    from . import registry

    entry = registry.lookup(name) if name else None
    return entry.name if entry is not None else name


def _precision_rank(place: Place) -> int:
    return {"city": 0, "region": 1, "country": 2}.get(place.precision or "", 3)


def headline_figure(figures: list[Figure], kind: str) -> Figure | None:
    """The latest, most authoritative count: exact over approximate, official tolls, then the largest."""
    pool = [f for f in figures if f.kind == kind and f.about != "attackers"]
    if not pool:
        return None
    return max(pool, key=lambda f: (
        f.value is not None,
        (f.qualifier or "") not in APPROXIMATE,
        bool(TOLL_WORDS.search(f.phrase or f.evidence.text)) or (f.qualifier or "") in {"so far", "rose to"},
        f.value or f.low or 0,
    ))


APPROXIMATE = {"almost", "nearly", "about", "around", "some", "approximately", "roughly", "up to", "hundreds",
               "dozens", "scores", "thousands", "several"}
TOLL_WORDS = re.compile(r"\btoll\b|\bso far\b|\bconfirmed\b|\brose\b|\brisen\b|\bclimbed\b", re.I)


def suicide_flag(article: Article, group: Group, weapons: list[Weapon]) -> tuple[bool | None, Span | None]:
    cues = [c for c in article.suicide_cues if holds(article, group, c)]
    if cues:
        return True, cues[0]
    if group.leads:
        for mention in group.mentions:
            if mention.type == "kidnapping" or REMOTE_WEAPONS.search(mention.trigger.text):
                return False, mention.trigger
    if not group.leads:
        return None, None
    # anywhere outside other incidents' sentences: what became of the attackers (for a bomb, how it was
    # delivered); in the incident's own sentences, any sign the attacker did not mean to die as well
    anywhere = (BOMB_DELIVERY, ATTACKER_ESCAPE) if any(w.category == "explosives" for w in weapons) else \
        (ATTACKER_FATE, SUICIDE_FALSE, ATTACKER_ESCAPE)
    own = (SUICIDE_FALSE, *anywhere)
    for index, text in enumerate(article.sentences):
        mine = index in group.sentences
        if not mine and any(index in rival.sentences for rival in group.rivals):
            continue
        match = next((m for cue in (own if mine else anywhere) if (m := cue.search(text.text))), None)
        if match and not article.is_excluded(text.start + match.start()):
            return False, article.span(text.start + match.start(), text.start + match.end())
    # GTD codes an attack suicide only on a sign that the attacker meant to die: a shooting, a stabbing, a
    # raid or an arson with no such sign and no explosives is not one; its own trigger is the evidence.
    # A bombing without a sign stays unknown: "the bomb went off" may be a suicide bomber's
    if not any(w.category == "explosives" for w in weapons):
        lead = next((m for m in group.mentions if m.type not in ("bombing", "other")), None)
        if lead is not None:
            return False, lead.trigger
    return None, None


BASIS_RANK = {"claimed": 0, "accused": 1, "suspected": 2, "reported": 3}


def perpetrators(statements: list[Statement]) -> list[Perpetrator]:
    """Claimants and the accused, each once, on the firmest basis any statement gives."""
    found: dict[str, Perpetrator] = {}
    for statement in statements:
        for perpetrator in _from_statement(statement):
            known = found.get(perpetrator.name)
            if known is None or BASIS_RANK[perpetrator.basis] < BASIS_RANK[known.basis]:
                found[perpetrator.name] = perpetrator
    return list(found.values())


def _from_statement(statement: Statement) -> list[Perpetrator]:
    if statement.kind == "claim" and statement.by:
        return [Perpetrator(statement.by, "organization", "claimed", statement.evidence, statement.by_id)]
    if statement.kind != "accusation":
        return []
    basis = "suspected" if statement.hedged else "accused"
    ids = statement.against_ids + [None] * (len(statement.against) - len(statement.against_ids))
    return [Perpetrator(name, _kind_of(name, actor_id), basis, statement.evidence, actor_id)
            for name, actor_id in zip(statement.against, ids)]


def _kind_of(name: str, actor_id: str | None) -> str:
    """A perpetrator's kind: from the registry when it knows the name, else a person or an organisation."""
    from . import registry

    entry = registry.lookup(name)
    if entry is not None:
        return "state" if entry.kind == "state" else "organization"
    return "individual" if len(name.split()) >= 2 and name[:1].isupper() else "organization"


def assemble(article: Article, group: Group) -> Incident:
    weapons = incident_weapons(article, group)
    figures = [f for f in article.figures if holds(article, group, f.evidence) and not _counts_what_came_before(article, f)]
    statements = [as_reported(article, s) for s in article.statements if holds(article, group, s.evidence)]
    suicide, suicide_evidence = suicide_flag(article, group, weapons)
    date = group.date or (background_date(article, group) if group.role == "background" else None)
    incident = Incident(
        role=group.role,
        type=incident_type(article, group, weapons),
        evidence=[m.trigger for m in group.mentions],
        date=date,
        location=incident_place(article, group),
        weapons=_unique_weapons(weapons),
        suicide=suicide,
        suicide_evidence=suicide_evidence,
        killed=headline_figure(figures, "killed"),
        wounded=headline_figure(figures, "wounded"),
        kidnapped=headline_figure(figures, "kidnapped"),
        figures=figures,
        statements=statements if group.leads else [],
        summary=article.sentences[group.mentions[0].sentence].text[:300],
    )
    incident.targets = _unique_parties(p for p in article.targets if holds(article, group, p.evidence))
    incident.victims = _unique_parties(p for p in article.victims if holds(article, group, p.evidence))
    stated_as_fact = reported(article, group, incident.statements)
    if group.leads:
        accused = attributed_accusations(article, stated_as_fact, incident.statements)
        incident.statements += accused
        named = {name for statement in accused for name in statement.against}
        stated_as_fact = [p for p in stated_as_fact if p.name not in named]
    incident.perpetrators = perpetrators(incident.statements) + stated_as_fact
    incident.types = sorted({incident.type, *(m.type for m in group.mentions if m.type not in WEAK_TYPES)} - {None})
    incident.confidence = _confidence(incident)
    return incident


# "capped a wave of violence that he said had killed 19 people since Sunday night": a running count
WAVE_RELATIVE = re.compile(r"\b(?:wave|series|spate|string|campaign|surge|cycle)\s+of\s+(?:[\w-]+\s+){0,3}?"
                           r"(?:violence|attacks|bombings|killings|unrest)\s*,?\s+(?:that|which)\b[^.;]{0,60}$", re.I)


def _counts_what_came_before(article: Article, figure: Figure) -> bool:
    """ "The bombings came days after 15 people went on trial over the violence of late March, which
    officials say left 47 people dead": a count in a relative clause past "came after" is of what came before;
    one in a relative clause on a wave of violence is the wave's."""
    start = article.sentences[article.sentence_of(figure.evidence.start)].start
    if WAVE_RELATIVE.search(article.text, start, figure.evidence.start):
        return True
    cues = list(FOLLOWED.finditer(article.text, start, figure.evidence.start))
    return bool(cues) and re.search(r",\s+(?:which|that)\b", article.text[cues[-1].end(): figure.evidence.start]) is not None


def background_date(article: Article, group: Group) -> DateValue | None:
    """A background incident's date, from its triggers' clause or sentence; never the main incident's
    own date phrase, which dates the news ("killing 34 on Sunday evening, less than a month after
    another deadly bombing in the capital": the other bombing was not on Sunday)."""
    date = event_date(article, group.mentions)
    main = next((g for g in group.rivals if g.role == "main"), None)
    if date is not None and main is not None and main.date is not None and date.evidence is not None \
            and main.date.evidence == date.evidence:
        return None
    return date


def as_reported(article: Article, statement: Statement) -> Statement:
    """The statement with its parties named as the report names them; registry names kept beside."""
    ids = statement.against_ids + [None] * (len(statement.against) - len(statement.against_ids))
    return dataclasses.replace(
        statement,
        by=reported_name(article, statement.by, statement.by_id),
        against=[reported_name(article, name, actor_id) for name, actor_id in zip(statement.against, ids)],
        by_canonical=statement.by if statement.by_id else None,
        against_canonical=[name for name, actor_id in zip(statement.against, ids) if actor_id],
    )


def reported_name(article: Article, name: str | None, actor_id: str | None) -> str | None:
    """The fullest form the report uses for a registry actor ("Baloch Liberation Army", not "BLA")."""
    if not actor_id or not name:
        return name
    forms = [_bare(a.evidence.text) for a in article.actors if a.actor_id == actor_id]
    return max(forms, key=len) if forms else name


def _bare(surface: str) -> str:
    return re.sub(r"^(?:the|The)\s+|['’]s$", "", surface.strip())


def incident_weapons(article: Article, group: Group) -> list[Weapon]:
    """Weapons named where the incident's triggers are; failing those, anywhere in its sentences."""
    own = [w for w in article.weapons if holds(article, group, w.evidence) and _attackers_weapon(article, w)]
    triggered = {m.sentence for m in group.mentions}
    near = [w for w in own if article.sentence_of(w.evidence.start) in triggered]
    return near or own


# "before police shot them dead", "an elite unit stormed it and shot him": the forces' fire at the attackers
FORCES_FIRE = re.compile(FORCES + r"\s+(?:[\w-]+\s+){0,4}?$", re.I)
PASSIVE = re.compile(r"\b(?:was|were|been|being)\b")
# "the two soldiers shot dead outside the barracks": the forces were shot
FORCES_SHOT = re.compile(r"^\s+(?:dead\s+)?(?:outside|inside|in|at|on|near|by|while|as|when|late|early|last|"
                         r"this|overnight|during|[,.;])", re.I)
# "searched the church for explosives, but found none", "a fake explosive belt": no weapon of the attack
NO_WEAPON_AFTER = re.compile(r"^[\w\s-]{0,20}?,?\s+(?:but|and)\s+(?:found|there\s+were)\s+(?:none|nothing|no\b)", re.I)
NO_WEAPON_BEFORE = re.compile(r"\b(?:fake|dummy|imitation|hoax|replica|toy|mock)\s+(?:[\w-]+\s+)?$"
                              r"|\b(?:searched|checked|swept|scanned)\s+(?:[\w'-]+\s+){0,6}for\s+(?:any\s+)?$", re.I)


# "the attacker ... was shot in the leg", "he was shot moments later": the attacker, shot by others
ATTACKER_SHOT_BEFORE = re.compile(r"\b(?:(?P<pronoun>he|she)|the\s+(?:attacker|assailant|gunman|suspect|youth|driver|bomber|"
                                  r"knifeman))\s+(?:was|had\s+been)\s+$", re.I)
# after "he was shot": how the police stopped him, not how a victim died ("he was shot dead in the ambush")
STOPPED_AFTER = re.compile(r"^\s*(?:in\s+the\s+(?:leg|legs|arm|shoulder|stomach)|moments\s+later|by\b|before\b|when\b|as\s+(?:he|she)\b)",
                           re.I)
# "a police unit chased the youth and shot him", "the policewoman who shot the attacker dead"
SHOT_THE_ATTACKER = re.compile(r"^\s*(?:him|her|them|the\s+(?:attacker|assailant|gunman|suspect|knifeman)s?)\b", re.I)
FORCES_IN_CLAUSE = re.compile(FORCES + r"\b|\bpolicewoman\b|\bunit\b|\bguards?\b", re.I)


def _fire_at_the_attacker(before: str, after: str) -> bool:
    shot = ATTACKER_SHOT_BEFORE.search(before)
    if shot and (not shot.group("pronoun") or STOPPED_AFTER.match(after)):
        return True
    clause = re.split(r"[.;]\s", before)[-1]
    return bool(SHOT_THE_ATTACKER.match(after)) and FORCES_IN_CLAUSE.search(clause) is not None


def _attackers_weapon(article: Article, weapon: Weapon) -> bool:
    span = weapon.evidence if isinstance(weapon.evidence, Span) else weapon.evidence[0]
    before = article.text[max(0, span.start - 50): span.start]
    after = article.text[span.end: span.end + 60]
    forces = FORCES_FIRE.search(before)
    if weapon.category == "firearms" and (
            forces and not PASSIVE.search(before[forces.start():]) and not FORCES_SHOT.match(after)
            or FORCES_BY.match(after[:40]) or _fire_at_the_attacker(article.text[max(0, span.start - 160): span.start], after)):
        return False
    return not (NO_WEAPON_BEFORE.search(before) or NO_WEAPON_AFTER.match(after))


def reported(article: Article, group: Group, statements: list[Statement]) -> list[Perpetrator]:
    """Perpetrators the report states as fact: organisations acting in the attack, and attacker descriptions."""
    named = {s.by for s in statements if s.kind in ("claim", "denial")} | {
        a for s in statements if s.kind == "accusation" for a in s.against}
    out: dict[str, Perpetrator] = {}
    for actor in article.reported:
        if holds(article, group, actor.evidence) and actor.name not in named:
            out.setdefault(actor.name, Perpetrator(actor.name, "organization", "reported", actor.evidence, actor.actor_id))
    for party in article.attackers:
        if holds(article, group, party.evidence):
            out.setdefault(party.text.lower(), Perpetrator(party.text, "group", "reported", party.evidence))
    return list(out.values())


# "Sixteen soldiers were killed when Kurdistan Workers' Party militants blew up two vehicles, the military said":
# who says so, at the end of the sentence ("..., the military said") or before it ("police said", "according to")
SPEAKER_AT_END = re.compile(r",\s*((?:the\s+|a\s+)?[\w'’ .-]{2,60}?)\s+(?:said|says|told\s+[\w ]{2,40}?)(?:\s+on\s+\w+)?\W*$", re.I)
SPEAKER_BEFORE = re.compile(r"(?:^|[,;]\s+|[—–]\s*)(?:according\s+to\s+((?:the\s+)?[\w'’ .-]{2,60}?),|((?:the\s+)?[\w'’ .-]{2,60}?)"
                            r"\s+(?:said|says)\s+(?:on\s+\w+\s+)?(?:that\s+)?)", re.I)


def attributed_accusations(article: Article, reported_perpetrators: list[Perpetrator],
                           statements: list[Statement]) -> list[Statement]:
    """An organisation the report names as the attackers in a sentence someone else says ("PKK militants blew
    up two vehicles, the military said") is accused by that speaker. Not where the incident is claimed (the
    claimant is then named as the attacker) nor where the speaker is the organisation itself."""
    if any(s.kind == "claim" for s in statements):
        return []
    out: list[Statement] = []
    for perpetrator in reported_perpetrators:
        if perpetrator.kind != "organization":
            continue
        sentence = article.sentences[article.sentence_of(perpetrator.evidence.start)]
        speaker = _speaker(sentence.text)
        if speaker is None or perpetrator.name.lower() in speaker.lower() or speaker.lower() in perpetrator.name.lower():
            continue
        out.append(Statement(kind="accusation", by=speaker, evidence=sentence, against=[perpetrator.name],
                             against_ids=[perpetrator.actor_id]))
    return out


def _speaker(text: str) -> str | None:
    found = SPEAKER_AT_END.search(text.rstrip()) or SPEAKER_BEFORE.search(text)
    if found is None:
        return None
    name = next(g for g in found.groups() if g)
    return name.strip() if not re.match(r"(?:it|he|she|they|we|i)$", name.strip(), re.I) else None


def _unique_parties(parties) -> list[Party]:
    seen: dict[str, Party] = {}
    for party in parties:
        seen.setdefault(party.text.lower(), party)
    return list(seen.values())


def _unique_weapons(weapons: list[Weapon]) -> list[Weapon]:
    """One weapon per category: the most specific detail named, every mention kept as evidence."""
    by_category: dict[str, list[Weapon]] = {}
    for weapon in weapons:
        by_category.setdefault(weapon.category, []).append(weapon)
    merged = []
    for category, found in by_category.items():
        detail = max(found, key=lambda w: len(w.detail)).detail
        merged.append(Weapon(category, detail, [w.evidence for w in found] if len(found) > 1 else found[0].evidence))
    return merged


def _confidence(incident: Incident) -> float:
    found = [incident.type != "other", incident.date is not None, incident.location is not None,
             incident.killed is not None or incident.wounded is not None or incident.kidnapped is not None]
    return round(0.4 + 0.125 * sum(found), 3)


def build_incidents(article: Article, recounted: bool = False) -> list[Incident]:
    groups = group_mentions(article, recounted)
    if not groups:
        return []
    assign_sentences(article, groups)
    for group in groups:
        group.rivals = [g for g in groups if g is not group]
    if groups[0].role == "main" and groups[0].date is None:
        groups[0].date = context_date(article, groups[0])
    return [assemble(article, group) for group in groups]


@component("incidents", requires=("events", "dates", "places", "figures", "weapons", "statements", "targets"),
           assigns=("incidents", "recounted"))
def make_incidents():
    def build(article: Article) -> Article:
        article.incidents = build_incidents(article)
        if not article.incidents:
            article.recounted = build_incidents(article, recounted=True)
        return article

    return build
