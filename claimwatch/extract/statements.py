"""Attribution statements: who claimed an attack, who accused whom, who denied, who condemned.

Automated coders confuse the party that CLAIMED an attack with the party that was BLAMED for it;
here each is a different rule. A rule is a compiled pattern for the statement's verb phrase plus
where its parties stand, read off the actor mentions of the sentence (there is no dependency parse):

    agent   "left"     the nearest actor before the verb ("Iranian officials ... accusing")
            "by"       the actor after "by" ("responsibility was claimed by X")
            "speaker"  the nearest actor before the verb and its targets ("police said X was behind")
            "wing"     the owner of a media wing ("Amaq news agency said" -> Islamic State)
            "inside"   the actors in the match's `t` group ("..., which Kyiv denied")
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
    r"hijackers?|suspects?|kidnappers?|abductors?|militants?|culprits?|raiders?"
)
# What a claimant calls its own people: "two of its members", "its fighters".
OWN_PEOPLE = (
    r"fighters|members|militants|mujahideen|mujahedeen|martyrs?|operatives|men|soldiers|suicide\s+bombers?|"
    r"brothers|lions|knights|cadres|guerrillas|commandos|units?|cells?|(?:suicide\s+)?squads?|gunm[ae]n|bombers|shooters|"
    r"battalions?|brigades?|bomber|affiliates?|branch"
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
    r"\b(?:no|not|never|nobody|none|without|yet\s+to)\b(?:\s+[\w'’]+){0,6}\s*$|n['’]t(?:\s+[\w'’]+){0,3}\s*$",
    re.I,
)
# Channels, most specific first: a statement "on Telegram" was made on Telegram.
CHANNELS = (
    (r"Telegram", "Telegram"),
    (r"Amaq", "Amaq"),
    (r"Twitter|tweet(?:ed|s)?|(?<=on )(?-i:X)(?= account| post|\b)", "Twitter"),
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
    "al zallaqa": "Jama'at Nusrat al-Islam wal-Muslimin", "al andalus": "al-Qaeda in the Islamic Maghreb",
}
# News outlets report statements; they do not make them.
MEDIA_OUTLET = re.compile(
    r"\b(?:news|press|times|post|herald|tribune|telegraph|guardian|journal|gazette|radio|television|tv|"
    r"reuters|afp|ap|bbc|cnn|nbc|abc|cbs|fox|al[\s-]?jazeera|al[\s-]?arabiya|xinhua|dpa|efe|ansa|kyodo|"
    r"yonhap|irna|tass|wikinews|publication|newspaper|magazine|network|media|reports?|"
    # monitors relay claims, they make none: "reported by the SITE Intelligence Group"
    r"site\s+intel\w*|intelligence\s+group|monitoring\s+(?:group|service|centre|center))\b",
    re.I,
)
# "accused X of ignoring the threats" blames a failure, not the attack.
NOT_ATTRIBUTION = re.compile(
    r"^\s*(?:of|for)\s+(?:[\w-]+\s+){0,2}?(?:ignor|fail|neglect|negligen|laps|careless|mishandl|incompeten|"
    r"inaction|not\b|doing\s+nothing|turning\s+a\s+blind|cover|inadequa|poor|exaggerat|politici[sz])",
    re.I,
)
# A relative clause or an aside between the accused and the accusation: ", which is ...,", "(ANP)".
INSERTION = re.compile(r"^\s*(?:,\s*(?:which|who|whose|that|a|an|the)\b[^,;.]*,|\([^)]*\))")
ATTRIBUTION_WORDS = re.compile(
    r"attack|bomb|blast|explo|kill|murder|assassin|shoot|shot|gun|kidnap|abduct|hostage|massacre|violen|"
    r"terror|strike|ambush|raid|arson|plot|behind|responsib|carr(?:y|ied)\s+out|organi[sz]|orchestrat|"
    r"mastermind|perpetrat|order|support|back|sponsor|financ|fund|harbo|train|arm|involve|complicit|"
    r"militan|insurgen|death|destroy|blow|plann|incit|provoc|aggression|crime|massacr|sabotag",
    re.I,
)
SUBJECT_PRONOUN = re.compile(
    r"\b(?P<person>he|she)\b|"
    r"\b(?P<group>it|they|the\s+(?:\w+\s+)?(?:group|organi[sz]ation|movement|militants|outfit|faction))\b",
    re.I,
)
RELATIVE = re.compile(r"\b(?:which|that|who|whom)\b", re.I)
# A party that speaks: "police said", "officials have told", "Malik, the interior minister, was quoted as saying".
SPEECH_AFTER = re.compile(
    r"(?:[^.;]{0,50}?)\b(?:said|says|say|told|tell|stated|states|reported|reports|believes?|believed|suspects?|"
    r"suspected|accus\w+|blam\w+|claim\w*|insist\w*|added|confirmed|announced|quoted|saying|warned|identified|"
    r"named|think|thinks|thought|concluded|alleged|charged|according)\b",
    re.I,
)
SPEAKS_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:said|says|say|told|added|stated|announced|reported)\b", re.I)
AUXILIARY_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are|get|got)\s+(?:\w+ly\s+)?$", re.I)
COORDINATION = re.compile(
    r"^[\s,]*(?:\d{1,3}\s*,\s*)?(?:and|as\s+well\s+as|along\s+with|together\s+with|or|&)?\s*(?:both\s+)?(?:the\s+)?"
    r"(?:(?:another|other|a|an|its\s+ally|the)\s+(?:[\w-]+\s+)?(?:group|faction|organi[sz]ation|movement)"
    r"\s*,?\s*(?:called|named|known\s+as)?\s*)?[\s,]*$",
    re.I,
)
DIRECT_GAP = (
    r"^[\s,]*(?:(?:both|the|an?|its|their|his|her|neighbou?ring|main|political|regional|arch-?rival|sworn|"
    r"long-?time|old|rival|enemy|enemies|foe|ally|allies|opponents?|partner|state|militant|group|"
    # "on the jihadist group Boko Haram", "the work of an outlawed separatist movement, the ..."
    r"jihadist|islamist|extremist|armed|terrorist|insurgent|separatist|rebel|outlawed|banned|militia|"
    r"organi[sz]ation|movement|network|outfit|faction)[\s,]+)*[“\"]?$"
)
BLAME_GAP = (
    DIRECT_GAP + r"|^\s*(?:(?:the|this|that|these|those|its|their)\s+|[\w-]+['’]s\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:" + EVENT_NOUNS + r"|it|them|deaths)\s+on\s+" + DIRECT_GAP[1:] + r"|^\s*on\s+" + DIRECT_GAP[1:]
)
# "blamed fighters of the CODECO militia", "blamed the insurgents known locally as al-Shabaab", "blame a column
# of the Militarised Communist Party", "blamed the Basque separatist group ETA", "blamed a squad led by the
# veteran Maoist commander Misir Besra": a description of the party before its name
DESCRIBED_GAP = (
    r"^\s*(?:(?:(?:the|this|that|these|those|its|their)\s+|[\w-]+['’]s\s+)?(?:[\w-]+\s+){0,3}?(?:" + EVENT_NOUNS
    + r"|it|them|deaths)\s+)?(?:on\s+)?(?:(?:the|a|an|its|their)\s+)?(?:(?!(?:on|at|for|to|with|over|in|against|that|this|it|them|"
    + EVENT_NOUNS + r")\b)(?:[a-z][\w'’-]*|(?-i:[A-Z][a-z]+(?:-[a-z]+)?))\s+){0,4}?"
    r"(?:(?:of|led\s+by|(?:known|referred\s+to)\s+(?:locally\s+|formally\s+)?as|(?:the\s+)?(?:government|authorities|army)\s+"
    r"calls?)\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w'’-]*\s+){0,3}?)?[“\"]?$"
)
# "pinned the blame on", "pinned Thursday's bombing outside the airport on": the object, then "on".
PIN_GAP = (
    r"^\s*(?:(?:the\s+)?blame|responsibility|(?:(?:the|this|that|these|those|its|their)\s+|(?:[\w-]+\s+)?[\w-]+['’]s\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:" + EVENT_NOUNS + r"|it|them|deaths))(?:\s+[^.;,]{0,50}?)?\s+on\s+(?:the\s+)?[“\"]?$"
)
LOOSE_GAP = r"^\s*(?:[\w'’-]+\s+|[\d.,]+\s+){0,5}$"
# "carried out by remnants of Boko Haram", "by members of a cell of the group"
BY_GAP = (r"^[\s,]*(?:(?:the|its|their|both|militant|group)\s+|(?:an?\s+)?(?:remnants|members|fighters|militants|elements|"
          r"supporters|cells?|units?|operatives|gunmen|faction)\s+of\s+)*[“\"]?$")
LOOSE_LEAD = re.compile(r"\s*(?:[\w'’-]+\s+|[\d.,]+\s+){0,5}?(?=[A-Z])")
# A group named by description just before the verb: "the al-Qaeda-linked group was behind it".
DEFINITE_GROUP_BEFORE = re.compile(
    r"\b(?:the|this)\s+(?:[\w-]+\s+){0,2}?(?:group|organi[sz]ation|movement|outfit|faction)\s+"
    r"(?:(?:has|have|had)\s+)?$",
    re.I,
)
ANTECEDENT_SENTENCES = 2  # how many sentences back a described group's name may stand
# "Robert Bowers, 46, the man accused of the attack": an age, then "the man" standing for the name
# "the Kurdish YPG militia was behind it", "Boko Haram fighters were responsible": the group's own noun between
GROUP_NOUN_AFTER = (r"(?:militia|militias|group|rebels|militants|fighters|guerrillas|insurgents|network|faction|"
                    r"movement|cadres|gang|gangs|separatists|jihadists|extremists|members)")
_LEFT_TAIL = r"(?:(?:who|which|that)\s+)?(?:(?:has|have|had)\s+)?$"
LEFT_GAP = (r"^[\s,]*(?:\d{1,3}\s*,\s*)?(?:(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|men|women|youth|teenager|"
            r"boy|girl|brothers|pair|couple)\s+)?" + _LEFT_TAIL)
# only after a group the registry knows: "the Bodo faction", "the Sinai group" are no names of one
LEFT_GAP_GROUP = r"^\s+" + GROUP_NOUN_AFTER + r"\s+" + _LEFT_TAIL
# A person's name spaCy missed: capitalised words, with the particles of Arabic and European names.
NAME_WORD = r"(?:[A-Z][\w'’.-]*|al-\w+|bin|ibn|abu|de|van)"
PROPER_NAME = re.compile(NAME_WORD + r"(?:\s+" + NAME_WORD + r")*")
NAME_BEFORE = re.compile(r"(?:^|\s)((?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+)[\s,]*$")
# A group spaCy missed, before its verb: "Holy Jihad Brigades, a previously unknown group, claims".
# (an acronym keeps its hyphened part, "FLEC-PM", and may close a parenthesis and an apposition: "the Front ...
# (FLEC-PM), later claimed", "A separatist faction, FLEC, claimed")
GROUP_BEFORE = re.compile(r"((?:[A-Z][\w'’-]+\s+){1,4}[A-Z][\w'’-]+|(?<![\w-])[A-Z]{2,6}(?:[-/][A-Z]{1,6})*)\)?\s*,?\s*$")
# "The FLEC-PM faction, which claimed": the group noun and the relative pronoun after a group's name
GROUP_NOUN_RELATIVE = re.compile(r"\s+(?:faction|group|movement|militia|organi[sz]ation)\s*,?\s*(?:which|that|who)\s*$")
# an adverb, with its auxiliary, between a group and its verb: "FLEC-PM later claimed", "has since claimed"
ADVERB_BEFORE_VERB = re.compile(r"(?:\s+(?:has|have|had))?(?:\s+(?:later|also|quickly|swiftly|subsequently|since|then|"
                                r"promptly|separately|itself|themselves))+\s*$")
# ", which ...,", ", a group ...,", ", as the group calls itself,", ", al-Qaeda's alliance in the Sahel,"
# (an auxiliary may follow: "..., al-Qaeda's alliance in the Sahel, has claimed")
TRAILING_ASIDE = re.compile(r",\s*(?:which|who|whose|a|an|the|itself|as|[\w-]+['’]s)\b[^,;.]{0,80},\s*"
                            r"(?:(?:has|have|had)\s+(?:also\s+)?)?$", re.I)
APPOSITION_END = re.compile(r",\s*(?:a|an|the)\s[^,]{0,60},\s*$")
# An aside about the person just before a verb: ", a 28-year-old former fitness instructor from Grafton, "
LEFT_ASIDE = re.compile(r",\s*(?:\d{1,3}\s*,\s*)?(?:a|an)\s+[^,;.()]{0,100},\s*(?:(?:who|which)\s+)?$")
NOT_A_NAME = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|The|A|An|He|She|It|They)\b"
)
# Where a group's leader or spokesman stands beside it: "Hezbollah leader X", "X, a Taliban spokesman".
LEADER_BETWEEN = re.compile(
    r"^['’]?s?\s+(?:[\w-]+\s+)?(?:leader|spokes\w+|commander|chief|head|emir|founder)\s+$", re.I
)
APPOSITIVE_BETWEEN = re.compile(r"^,\s+(?:(?:a|an|the)\s+)?$")
# "X, a commander of the Y faction", "X, the main spokesman for Y".
MEMBER_OF_BETWEEN = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:leader|spokes\w+|commander|chief|head|emir|founder)\s+"
    r"(?:of|for)\s+(?:the\s+)?$",
    re.I,
)
SPOKESMAN_AFTER = re.compile(r"\s+(?:spokes\w+|leader|commander)\b", re.I)
# "A spokesman for the Pakistani Taliban, Muhammad Umar Khorasani, said": the group before the name
SPOKESMAN_FOR_BEFORE = re.compile(
    r"\b(?:spokes\w+|leader|commander|chief|head|emir)\s+(?:for|of)\s+(?:the\s+)?$", re.I)
ACCORDING_TO = re.compile(r"according\s+to\s+(?:the\s+)?$", re.I)
COMPLEMENT = re.compile(r"^\s*(?:of|for)\s+[^.;]{0,80}", re.I)
EVENT_OBJECT = re.compile(r"\s*(?:the\s+|this\s+|that\s+|\w+['’]s\s+)?(?:[\w'’-]+\s+){0,3}?(?:%s)" % EVENT_NOUNS, re.I)
OBJECT_END = re.compile(
    r"[,;:.!?(]|\s(?:that|which|who|where|when|while|after|before|because|and\s+(?:said|added|vowed|warned|called))\s"
)
STATEMENT_OPENING = re.compile(r"(?:In|Through|Via|On)\s+(?:a|an|its|their|the)\b")
# What a claimant's own people did, for "said its fighters ...": an attack, not "tightened controls".
CLAIM_DEED = re.compile(
    r"\b(?:carr(?:y|ied|ying)\s+(?:it\s+|them\s+)?out|conduct\w*|stag(?:e|ed|ing)|launch\w*|perpetrat\w*|attack\w*|fir(?:e|ed|ing)|"
    r"detonat\w*|set\s+off|blew|blow\w*|explod\w*|explosive|killed|stormed|target\w*|struck|shot|ambush\w*|"
    r"raid\w*|bomb\w*|kidnap\w*|abduct\w*|plant\w*|activat\w*|vests?|belts?|martyrdom|behind|responsib\w*|"
    r"holding|hostages?|captives?|overr[au]n|took\s+(?:full\s+)?control|taken\s+(?:full\s+)?control|"
    r"" + EVENT_NOUNS + r")\b",
    re.I,
)
# "its fighters were killed" is what befell them, not what they did.
SUFFERED = re.compile(r"\s+(?:were|was|had\s+been|have\s+been|are\s+being|got)\s+(?:\w+ly\s+)?(?!behind\b)\w+(?:ed|en)\b", re.I)
CLAIM_DEED_REACH = 160  # characters after "its fighters" where the deed must be named
ATTACKERS_OR_NETWORK = re.compile(
    r"\b(?:" + ATTACKER_NOUNS + r"|network|cell|" + EVENT_NOUNS + r")\b", re.I
)
# Where a group's people stand together before a list of their names: "four men, named as", "two suspects
# accused of the killings —".
PEOPLE_NOUNS = (
    r"men|women|people|persons|individuals|suspects|attackers|gunmen|assailants|brothers|youths|teenagers|"
    r"militants|others|nationals|citizens|(?<=\b[Tt]he\s)(?:two|three|four|five|six|seven|eight|nine|ten)"
)
CUSTODY = (
    r"charged|arrested|detained|accused|suspected|indicted|remanded|convicted|sentenced|custody|"
    r"ordered\s+held|held\s+in\s+custody|apprehended|captured"
)


# Words of a description that names no group: "Separatist gunmen", "Islamist fighters".
GENERIC_ATTACKER_WORDS = frozenset(
    "the a an armed suspected heavily unidentified unknown separatist separatists islamist islamists jihadist "
    "jihadists militant militants gunman gunmen fighters fighter rebels rebel insurgents insurgent attackers "
    "attacker assailants assailant extremists extremist terrorists terrorist bandits men group".split()
)

# Verb groups the rules share.
SAY = r"(?:said|says|saying|stated|stating|announced|announcing|declared|admitted|boasted|insisted|added)"
# A speech verb and what may stand before its "that": "said in a statement on its Amaq agency that".
# "said in a statement sent to news organisations in Srinagar that": up to ten words before "that"
SAY_THAT = r"(?:" + SAY + r"|told)\s+(?:(?:[\w'’-]+,?\s+){0,10}?that\s+)?"
# "that its fighters had carried out the attack": the group through its own people
IT_OR_GROUP = (r"(?:it|they|the\s+(?:\w+\s+)?(?:group|organi[sz]ation|movement|militants)|"
               r"(?:one\s+of\s+)?(?:its|their)\s+(?:own\s+)?(?:" + OWN_PEOPLE + r"))")
BE = r"(?:is|are|was|were|been|being|be)"
ATTACKER_KEYS = (
    "attacker", "gunm", "shooter", "bomber", "assailant", "perpetrator", "killer", "hijacker", "suspect",
    "kidnapper", "abductor", "militant", "culprit", "raider",
)
LINK_KEYS = (
    "linked", "tied", "connected", "affiliated", "loyal", "backed", "sponsored", "inspired", "trained", "sent",
    "directed", "funded", "financed", "armed", "member", "part", "supporter",
)
# "the militant group, which is linked to al-Qaeda": the noun modifies a group that describes itself.
NOT_A_MODIFIER = r"(?!\s+(?:group|organi[sz]ation|movement|faction|outfit|network|wing|commander|leader)s?\b)"
LINK_WORDS = (
    r"linked|tied|connected|affiliated|loyal|backed|sponsored|inspired|trained|sent|directed|funded|financed|"
    r"armed|members?|part|supporters?"
)


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str  # claim | accusation | denial | condemnation
    keys: tuple[str, ...]  # lower-case strings one of which a matching sentence must hold (a cheap pre-filter)
    pattern: str
    agent: str = "left"  # left | by | speaker | wing | inside | none
    target: str = "none"  # none | right | left | inside | member
    gap: str = DIRECT_GAP  # what may stand between the match and a right-hand target
    hedged: bool = False  # hedged by its wording ("bore the hallmarks of")
    names_only: bool = False  # targets are persons or organisations; a bare proper name will do
    gate: bool = False  # an "of/for ..." complement must be about violence
    needs_event: bool = False  # the object must be an attack ("took responsibility for the bombing")
    needs_deed: bool = False  # the clause after the match must name an attack ("its fighters fired rockets")
    needs_speaker: bool = False  # someone must say it: "officials insisted IS had carried it out", not the reporter
    about_attackers: bool = False  # a pronoun target ("it was linked to") needs attackers or their network near
    armed_group: bool = False  # only an armed group claims this way: "the army said it killed 11 militants" reports
    opens_sentence: bool = False  # the target group "t" is the sentence's subject: it opens it (after a dateline)


CLAIM_RULES = (
    Rule(
        "claimed-responsibility", "claim", ("claim",),
        r"\bclaim(?:s|ed|ing)?\s+(?:(?:full|sole|joint|official)\s+)?(?:responsibility|credit)\b",
    ),
    Rule(
        "took-responsibility", "claim", ("responsib", "credit"),
        r"\b(?:took|take|takes|taking|taken|accept(?:s|ed|ing)?|assum(?:e|es|ed|ing))\s+(?:full\s+)?"
        r"(?:responsibility|credit)\s+for\b",
        needs_event=True,
    ),
    Rule(
        "claimed-the-attack", "claim", ("claim",),
        r"\bclaim(?:s|ed|ing)?\s+(?:the|this|that|these|both|all|the\s+two|last\s+\w+['’]s|\w+['’]s)\s+(?:[\w.-]+\s+){0,2}?"
        r"(?:" + EVENT_NOUNS + r")\b",
    ),
    Rule(
        "said-it-was-behind", "claim", ("behind", "responsible"),
        SAY_THAT + r"(?:it|they)\s+(?:was|were|had\s+been|is|are)\s+(?:behind|responsible\s+for)\b"
        r"|" + SAY_THAT + r"(?:it|they)\s+(?:was|were|had\s+been|is|are)\s+responsible(?=\s*[.;])",
    ),
    Rule(
        "said-it-carried-out", "claim",
        ("carried out", "conducted", "staged", "launched", "perpetrated", "executed", "organi"),
        SAY_THAT + IT_OR_GROUP + r"\s+(?:had\s+|has\s+|have\s+)?"
        r"(?:carried\s+out|conducted|staged|launched|perpetrated|executed|organi[sz]ed)\b",
    ),
    Rule(
        # "al-Shabaab said it killed 57 Kenyan soldiers", "said they had overrun the base": a group's own count
        # or deed is its claim (a state's forces saying so report an operation)
        "said-it-killed", "claim", ("killed", "overran", "overrun", "stormed", "captured", "seized"),
        SAY_THAT + r"(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?:killed|overr[au]n|stormed|captured|seized)\b",
        armed_group=True,
    ),
    Rule(
        # "said on Wednesday that it had directed last week's attack": a claim to have led it
        "said-it-directed", "claim", ("directed", "ordered", "masterminded", "orchestrated"),
        SAY_THAT + IT_OR_GROUP + r"\s+(?:had\s+|has\s+|have\s+)?(?:directed|ordered|masterminded|orchestrated)\b",
        needs_event=True,
    ),
    Rule(
        # "said the movement had sent six fighters into the school"
        "said-it-sent", "claim", ("sent",),
        SAY_THAT + IT_OR_GROUP + r"\s+(?:had\s+|has\s+|have\s+)?sent\s+(?:[\w-]+\s+){0,2}?(?:of\s+)?(?:its\s+|their\s+)?"
        r"(?:" + OWN_PEOPLE + r")\b",
    ),
    Rule(
        # "said on Friday that the attack was the work of one of its fighters"
        "said-work-of-its", "claim", ("work of",),
        SAY_THAT + r"(?:the\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,2}?(?:" + EVENT_NOUNS + r")\s+(?:was|were|had\s+been|is)\s+"
        r"(?:the\s+)?work\s+of\s+(?:(?:one|two|three|some)\s+of\s+)?(?:its|their)\s+(?:own\s+)?(?:" + OWN_PEOPLE + r")\b",
    ),
    Rule(
        # "said ... that its North Armagh battalion had shot": a unit's name may stand between
        "said-its-fighters", "claim", ("its ", "their ", "his ", "her "),
        SAY_THAT + r"(?:[\w-]+\s+){0,3}?(?:of\s+)?(?:its|their|(?P<his>his|her))\s+(?:own\s+)?"
        r"(?:[A-Z][\w'’-]+\s+){0,3}(?:" + OWN_PEOPLE + r")\b",
        needs_deed=True,
    ),
    Rule(
        # "has said that a suicide bomber from its ranks carried out the attack"
        "said-from-its-ranks", "claim", ("its ranks", "their ranks"),
        SAY_THAT + r"(?:an?|one|two|three|several)\s+(?:[\w-]+\s+){0,2}?(?:" + ATTACKER_NOUNS + r"|fighters?|members?)\s+"
        r"(?:from|of)\s+(?:its|their)\s+(?:own\s+)?ranks\b",
        needs_deed=True,
    ),
    Rule(
        # "The Islamic State has claimed it", "claimed it in a message on Telegram"; not "claimed it was"
        "claimed-it", "claim", ("claim",),
        r"(?<!neither group )(?<!neither )(?<!no group )(?<!nobody )(?<!no one )(?<!not )(?<!never )"
        r"\b(?:has\s+|have\s+|had\s+)?claim(?:s|ed)\s+(?:it|them)\b(?!\s+(?:was|were|is|are|had|has|would|as|to)\b)",
    ),
    Rule(
        # "an attack that the Islamic State also claimed", "the bombing, which IS later claimed"
        "that-x-claimed", "claim", ("claimed",),
        r"\b(?:" + EVENT_NOUNS + r"),?\s+(?:that|which)\s+(?P<t>(?:[\w'’.-]+\s+){0,4}?[\w'’.-]+)\s+"
        r"(?:also\s+|later\s+|quickly\s+|swiftly\s+|has\s+|had\s+|have\s+)*claimed\b(?!\s+(?:that|to|was|were)\b)",
        agent="inside",
    ),
    Rule(
        # "ISIS claimed him as one of its soldiers": the attacker claimed as its own
        "claimed-him-as-its", "claim", ("claim",),
        r"\bclaim(?:s|ed|ing)?\s+(?:him|her|them|the\s+(?:[\w-]+\s+)?(?:" + ATTACKER_NOUNS + r"))\s+as\s+"
        r"(?:(?:one|two|some)\s+of\s+)?(?:its|their)\s+(?:own\s+)?(?:" + OWN_PEOPLE + r"|soldier|fighter|member)\b",
    ),
    Rule(
        "claimed-by", "claim", ("claimed by",),
        r"\b(?:responsibility|credit)\b[^.;]{0,80}?\b(?:was|were|has\s+been|had\s+been|is)\s+(?:later\s+)?"
        r"claimed\s+by\b|\bclaimed\s+by\b",
        agent="by",
    ),
    Rule(
        "caller-for", "claim", ("claiming", "purporting", "said he was", "saying he was"),
        r"\b(?:a|an|the)\s+(?:caller|man|person|spokesman|woman)\s+(?:claiming|purporting|saying\s+he\s+was|"
        r"who\s+said\s+he\s+was)\s+(?:to\s+)?(?:speak\s+(?:for|on\s+behalf\s+of)|represent|"
        r"be\s+(?:from|with|a\s+member\s+of))\s+",
        agent="by",
    ),
    Rule(
        "media-wing", "claim", tuple(key.split()[-1] for key in MEDIA_WINGS),
        r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"[\s-]") for w in MEDIA_WINGS) + r")\b"
        r"(?:\s+news\s+agency|\s+media)?[^.;]{0,40}?\b(?:said|says|reported|claimed|announced|stated|published)\b",
        agent="wing",
    ),
)
# who suspects a group, right before the verb ("police suspect the JMB"; not "killing suspected IS supporters")
SUSPECTING = ("they", "police", "officials", "authorities", "investigators", "detectives", "prosecutors", "officers",
              "government", "ministry", "army", "military", "he", "she", "we")
ACCUSATION_RULES = (
    Rule(
        "accused", "accusation", ("accus", "blam", "implicat"),
        r"\b(?:(?:insinuat|hint|suggest|impl(?:y|i))\w*\s+(?:or|and)\s+(?:outright\s+|openly\s+|directly\s+|"
        r"even\s+|later\s+)?)?(?:accus|blam|implicat)(?:e|es|ed|ing)\b",
        target="right", gap=BLAME_GAP, gate=True,
    ),
    Rule(
        # the same words, the party described before it is named (DESCRIBED_GAP); a group or a person only
        "blamed-described", "accusation", ("blam",),
        r"\bblam(?:e|es|ed|ing)\b(?!\s+(?:for|on\s+(?:the|this|that)\s+(?:attack|bombing)))",
        target="right", gap=DESCRIBED_GAP, gate=True, names_only=True,
    ),
    Rule(
        "pinned-on", "accusation", ("pin",),
        r"\bpin(?:s|ned|ning)?\b", target="right", gap=PIN_GAP, gate=True,
    ),
    Rule(
        "pointed-finger", "accusation", ("finger",),
        r"\bpoint(?:s|ed|ing)?\s+(?:the|an?\s+accusing)\s+finger\s+at\b",
        target="right", gate=True,
    ),
    Rule(
        # "attributing it to the CODECO militia", "attributed the massacre to Boko Haram"
        "attributed-to", "accusation", ("attribut",),
        r"\battribut(?:e|es|ed|ing)\s+(?:it|them|(?:the|this|that|these|those|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:" + EVENT_NOUNS + r"|deaths))\s+to\b",
        target="right",
    ),
    Rule(
        "was-attributed-to", "accusation", ("attributed",),
        r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?attributed\s+to\b",
        agent="speaker", target="right",
    ),
    Rule(
        "held-responsible", "accusation", ("responsible", "accountable"),
        r"\b(?:held|holds?|holding)\s+(?P<t>[^.;]{1,60}?)\s+(?:responsible|accountable)\b",
        target="inside", gate=True,
    ),
    Rule(
        "was-blamed", "accusation",
        ("blamed", "accused", "suspected", "implicated", "responsible", "arrested", "detained", "charged", "indicted",
         "apprehended", "remanded", "held on", "named as", "identified as"),
        r"\b" + BE + r"\s+(?:\w+ly\s+|also\s+)?(?:blamed|accused|suspected|implicated|held\s+responsible|arrested|detained|charged|"
        r"indicted|apprehended|remanded|held\s+on\s+(?:[\w-]+\s+){0,3}?charges?|named\s+as\s+(?:a|the)\s+(?:\w+\s+)?suspects?|"
        r"identified\s+as\s+(?:a|the)\s+(?:\w+\s+)?(?:" + ATTACKER_NOUNS + r"))\b",
        agent="by", target="left", gate=True,
    ),
    Rule(
        "suspected-of", "accusation", ("suspected", "accused", "alleged", "blamed", "believed to", "thought to"),
        r"\b(?:(?:who|which)\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+)?"
        r"(?:suspected|accused|alleged|blamed)\s+(?:of|for|to\s+have)\b|"
        r"\b(?:believed|thought)\s+to\s+(?:be|have\s+been)\s+(?:behind|responsible|involved)\b",
        agent="speaker", target="left", gate=True,
    ),
    Rule(
        "were-suspects", "accusation", ("suspect",),
        r"\b(?:were|was|are|is)\s+(?:also\s+)?(?:the\s+)?"
        r"(?:likely|prime|main|chief|key|possible|probable|leading|top|principal)?\s*suspects?\b",
        agent="speaker", target="left", hedged=True,
    ),
    Rule(
        "was-behind", "accusation", ("behind", "responsib"),
        r"\b(?:(?:was|were|is|are|may\s+have\s+been|might\s+have\s+been|could\s+have\s+been|had\s+been)\s+"
        r"(?:\w+ly\s+|also\s+)?(?:behind|responsible)|(?:bore|bears?|bearing)\s+(?:the\s+)?(?:sole\s+|full\s+|direct\s+|"
        r"primary\s+|ultimate\s+)?responsibility)\b",
        agent="speaker", target="left", gate=True,
    ),
    Rule(
        "x-carried-it-out", "accusation", ("carried", "perpetrated", "committed", "orchestrated", "masterminded"),
        r"\b(?:(?:alone|itself|themselves|himself|herself)\s+)?(?:had\s+|has\s+|have\s+)?(?:carried\s+(?:it|them)\s+out|"
        r"(?:carried\s+out|perpetrated|committed|orchestrated|masterminded)(?=" + EVENT_OBJECT.pattern + r"))",
        agent="speaker", target="left", needs_speaker=True,
    ),
    Rule(
        "said-it-was-linked", "accusation", ("linked", "tied", "connected", "affiliated"),
        SAY_THAT + r"(?:it|they|he|she)\s+(?:was|were|is|are|had\s+been|has\s+been)\s+(?:\w+ly\s+)?"
        r"(?:linked|tied|connected|affiliated)\s+(?:to|with)\b",
        target="right", about_attackers=True,
    ),
    Rule(
        "was-involved", "accusation", ("involved",),
        r"\b(?:was|were|is|are|had\s+been|have\s+been|has\s+been)\s+(?:\w+ly\s+)?involved\b"
        r"(?=\s*(?:[,.;]|$|\s+in\s+(?:the\s+|this\s+|that\s+|its\s+|[\w-]+['’]s\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:" + EVENT_NOUNS + r"|it\b|them\b)))",
        agent="speaker", target="left", gate=True,
    ),
    Rule(
        # "Police suspect the JMB", "officials said they suspected the banned Jamaatul Mujahideen Bangladesh":
        # the verb, after its subject (a suspicion, not a charge)
        "x-suspects", "accusation", ("suspect",),
        r"(?:" + "|".join(r"(?<=\b%s )" % word for word in SUSPECTING) + r")(?:suspect|suspects|suspected)\s+"
        r"(?=(?:the\s+|an?\s+)?(?:banned\s+|outlawed\s+|proscribed\s+)?(?-i:[A-Z]))(?!(?:an?\s+)?[\w'’-]+-based\b)",
        target="right", hedged=True,
    ),
    Rule(
        "suspected-x", "accusation", ("suspected", "alleged", "presumed"),
        r"\b(?:suspected|alleged|presumed)\s+(?=[A-Za-z])",
        agent="none", target="right", gap=r"^$", hedged=True,
    ),
    Rule(
        "carried-out-by", "accusation", (" by ",),
        r"\b(?:carried\s+out|perpetrated|committed|conducted|orchestrated|masterminded|organi[sz]ed|planned|"
        r"executed|staged|ordered|launched|sponsored)\s+by\b",
        agent="speaker", target="right", gap=BY_GAP,
    ),
    Rule(
        # "officials said that the Haqqani network had organised it", "police said Tamil Tiger rebels had set
        # off the bomb": a speaker names who did it
        "said-x-did-it", "accusation", ("said", "says", "told", "stated", "announced"),
        SAY_THAT + r"(?P<t>(?:the\s+)?(?-i:[A-Z])[\w'’.()-]*(?:\s+(?:(?-i:[A-Z(])[\w'’.()-]*|of|and|al|el))"
        r"{0,6}(?:\s+(?:network|group|rebels|militants|fighters|guerrillas|movement|insurgents|separatists))?)\s+"
        r"(?:had\s+|has\s+|have\s+)?(?:(?:carried\s+out|organi[sz]ed|planned|staged|masterminded|orchestrated|launched)"
        r"(?=\s+(?:it|them)\b|" + EVENT_OBJECT.pattern + r")|set\s+off|planted|detonated|ambushed)\b",
        agent="speaker", target="inside", armed_group=True,
    ),
    Rule(
        # "Maoist guerrillas ambushed a patrol ..., killing 11 troopers, police said": the reporter tells who
        # did it on the word of a speaker at the sentence's end
        "did-it-said", "accusation", ("said", "says"),
        r"(?P<t>\b(?-i:[A-Z])[^,.;:\n()—–]{0,60}?)(?<!\swas)(?<!\swere)(?<!\sbeen)(?<!\sbe)\s+(?:ambushed|attacked|stormed|raided|bombed|overran|abducted|"
        r"kidnapped|set\s+off|detonated|shot\s+dead|gunned\s+down|blew\s+up|torched|massacred|beheaded|hacked)\b"
        r"(?=[^.;\n]{0,300},\s+(?:[\w'’-]+\s+){0,12}?(?:said|says|say)\s*\.)",
        agent="speaker", target="inside", armed_group=True, opens_sentence=True,
    ),
    Rule(
        "described-as-by", "accusation", ("describ", "call", "brand", "term", "label"),
        r"\b(?:describ|call|brand|term|label)(?:ed|led|ing|es|s)?\s+(?:the|this|that|it|\w+['’]s)\b[^.;]{0,40}?\bas\s+"
        r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:attack|act|crime|massacre|atrocity|assault|" + EVENT_NOUNS + r")\b"
        r"[^.;,]{0,50}?\bby\b",
        target="right",
    ),
    Rule("work-of", "accusation", ("work of",), r"\b(?:the\s+)?(?:handi)?work\s+of\b", agent="speaker", target="right"),
    Rule(
        "hallmarks", "accusation", ("hallmark",),
        r"\b(?:bore|bears?|had|has|have|carried|showed|shows)\s+(?:all\s+)?(?:the\s+)?(?:\w+\s+)?hallmarks?\s+of\b",
        agent="speaker", target="right", hedged=True,
    ),
    Rule(
        "identified-as", "accusation", ("identified", "named"),
        r"\b(?:identified|named)\s+(?:the\s+|a\s+|one\s+|two\s+|an\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:" + ATTACKER_NOUNS + r")\b(?:\s*,[^,.;]{0,80},)?\s+as\b",
        target="right", gap=LOOSE_GAP, names_only=True,
    ),
    Rule(
        # "The gunmen, named by police as X and Y", "the suspected attacker, whom officials identified as X":
        # the attackers named in passing, by whoever named them
        "attackers-named-as", "accusation", ("identified", "named"),
        r"\b(?:" + ATTACKER_NOUNS + r")\b[^.;]{0,80}?\b(?:named|identified)\s+(?:(?:by|to|under|in)\s+[^,.;]{1,40}?\s+)?"
        r"(?:only\s+)?as\b",
        agent="speaker", target="right", gap=LOOSE_GAP, names_only=True,
    ),
    Rule(
        # "named the wanted men as X", "named the man who shot dead 38 people ... as X": a plain "the man"
        # may be a victim ("named the dead man as"), so the noun needs "wanted" or an attacker's deed
        "named-wanted-as", "accusation", ("identified", "named"),
        r"\b(?:identified|named)\s+(?:the\s+)?(?:(?:wanted|suspected|alleged|arrested|detained)\s+(?:man|men|woman|women|brothers|pair)|"
        r"(?:man|men|woman|women)\s+(?:arrested|detained|held)\s+(?:[\w-]+\s+){0,4}?|"
        r"(?:(?:one|two|three|four|five|both|all)\s+of\s+(?:the\s+)?(?:\w+\s+)?)?"
        r"(?:man|men|woman|women)\s+(?:who|whom\s+police\s+say)\s+(?:had\s+)?(?:shot|killed|opened\s+fire|attacked|"
        r"carried\s+out|stormed|detonated|blew|planted|drove)\b[^.;]{0,100}?)\s+as\b",
        target="right", gap=LOOSE_GAP, names_only=True,
    ),
    Rule(
        # "Prime Minister Habib Essid identified the men as Yassine Labidi and Hatem Khachnaoui", right after the
        # gunmen were told of: plain "the men" are the attackers only where the attackers were just named
        "identified-men-as", "accusation", ("identified", "named"),
        r"\b(?:identified|named)\s+(?:the\s+)?(?:two\s+|three\s+|four\s+|both\s+)?(?:men|man|pair|brothers)\s+as\b",
        target="right", gap=LOOSE_GAP, names_only=True, about_attackers=True,
    ),
    Rule(
        # "named the Militarised Communist Party of Peru (MPCP), the Shining Path faction ..., as the killers",
        # "singled out the BRN as the likely perpetrator": an aside after the name is not a target
        "named-x-as", "accusation", ("identified", "named", "singled out"),
        r"\b(?:identified|named|singled\s+out)\s+(?P<t>(?:the\s+)?(?-i:[A-Z])[^,.;]{0,60}?)(?:\s*,\s*[^,.;]{0,100},)?"
        r"\s+as\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:" + ATTACKER_NOUNS + r")\b",
        target="inside", names_only=True,
    ),
    Rule(
        "people-named", "accusation", ("named as", "identified as", "accused of", "suspected of", "charged with"),
        r"\b(?:" + PEOPLE_NOUNS + r")\b(?:\s*,\s*(?:named|identified)\s+as(?=[^.;]{0,200}\b(?:" + CUSTODY + r")\b)|"
        r"\s+(?:accused|suspected|charged)\s+(?:of|with|over|in\s+connection\s+with)\s+[^—–(;.]{0,80}?\s*[—–(:])",
        agent="speaker", target="right", gap=r"^\s*$", names_only=True,
    ),
    Rule(
        # "Brenton Tarrant, a 28-year-old former fitness instructor, appeared in a Christchurch court on one charge
        # of murder": the accused stands before an aside
        "appeared-in-court", "accusation", ("appeared",),
        r"\b(?:appeared|was\s+brought)\s+(?:\w+ly\s+)?(?:in|before|into)\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:court|judge|magistrates?|tribunal)\b(?=[^.;]{0,120}\b(?:charg|accus|indict|murder|terror))",
        agent="none", target="left", names_only=True,
    ),
    Rule(
        # "arrested Vinod Mistri", and "detained a local man, Haris Causevic, who was caught as he ran"
        "arrested-x", "accusation", ("arrested", "detained", "apprehended", "captured", "charged", "indicted"),
        r"\b(?:arrested|detained|apprehended|captured|charged|indicted)\s+(?:(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:man|woman|youth|teenager|suspect|resident|student|national|citizen)\s*,\s*(?=(?-i:[A-Z])))?(?=[A-Za-z])",
        target="right", names_only=True,
    ),
    Rule(
        "the-attacker-x", "accusation", ATTACKER_KEYS,
        r"\b(?:the|a|an|one|another)\s+(?:(?:alleged|suspected|accused|lone|would-be|presumed|main)\s+)?"
        r"(?:" + ATTACKER_NOUNS + r")\s*,\s+(?=(?-i:[A-Z]))",
        agent="none", target="right", gap=r"^$", names_only=True,
    ),
    Rule(
        "suspect-x", "accusation", ("gunman", "shooter", "bomber", "assailant", "suspect", "attacker"),
        r"\b(?:alleged|suspected|accused)?\s*(?:gunman|shooter|bomber|assailant|suspect|attacker)\s+(?=(?-i:[A-Z]))",
        agent="none", target="right", gap=r"^$", names_only=True,
    ),
    Rule(
        "attackers-linked", "accusation", LINK_KEYS,
        r"\b(?:" + ATTACKER_NOUNS + r"|" + EVENT_NOUNS + r")\b" + NOT_A_MODIFIER + r"[^.;]{0,80}?\b(?P<v>(?:was|were|is|are|had\s+been|"
        r"have\s+been|being)\s+(?:\w+ly\s+)?"
        r"(?:(?:believed|thought|suspected|said|reported)\s+to\s+(?:be|have\s+been)\s+)?"
        r"(?:(?:a|an|the)\s+)?(?:" + LINK_WORDS + r")\s+(?:to|with|by|of))\b",
        agent="speaker", target="right",
    ),
    Rule(
        # "the raiders belonged to ISWAP"; a rule apart, so that its match does not hide a "linked to" after it
        "attackers-belonged", "accusation", ("belong",),
        r"\b(?:" + ATTACKER_NOUNS + r")\b[^.;]{0,80}?\b(?P<v>belong(?:ed|s)?\s+to)\b",
        agent="speaker", target="right",
    ),
    Rule(
        "linked-attacker-to", "accusation", ("link",),
        r"\blink(?:s|ed|ing)?\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:" + ATTACKER_NOUNS + r"|" + EVENT_NOUNS
        + r")\b[^.;]{0,80}?\bto\b",
        target="right",
    ),
    Rule(
        "attackers-had-links", "accusation", ("links", "ties", "connections"),
        r"\b(?:" + ATTACKER_NOUNS + r")\b[^.;]{0,80}?\b(?P<v>(?:had|have|has)\s+(?:close\s+|direct\s+)?"
        r"(?:links|ties|connections)\s+(?:to|with))\b",
        agent="speaker", target="right",
    ),
    Rule(
        # "police said the father led the local cell of Jamaah Ansharut Daulah"
        "led-cell-of", "accusation", ("cell", "branch", "wing", "faction"),
        r"\b(?:led|headed|ran|belonged\s+to|(?:was|were)\s+(?:a\s+)?members?\s+of)\s+(?:the\s+|a\s+|an\s+)?"
        r"(?:[\w-]+\s+){0,2}?(?:cell|branch|wing|faction)\s+of\b",
        agent="speaker", target="right",
    ),
    Rule(
        "attacker-was-member", "accusation", ATTACKER_KEYS,
        r"\b(?:" + ATTACKER_NOUNS + r")\b[^.;]{0,120}?\b(?P<v>was|were|is|are)\s+(?:\w+ly\s+)?(?:(?:a|an)\b)?",
        agent="speaker", target="member",
    ),
)
DENIAL_RULES = (
    Rule(
        "denied-involvement", "denial", ("den", "reject", "dismiss", "refut"),
        r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing))\s+"
        r"(?:[\w-]+\s+){0,3}?(?:involvement|responsibility|role|part|links?|connection|accusations?|allegations?|"
        r"claims?|charges?|blame|hand|complicity|suggestions?|insinuations?|assertions?)\b",
    ),
    Rule(
        "denied-that", "denial", ("den",),
        r"\bden(?:y|ies|ied|ying)\s+(?:that\s+)?(?:it|they|he|she|its\s+\w+|the\s+(?:group|movement|organi[sz]ation))\s+"
        r"(?:was|were|had|has|have)\s+(?:been\s+|any\s+|a\s+)?(?:behind|involved|responsible|carried|played|hand|role|part)|"
        r"\bden(?:y|ies|ied|ying)\s+(?:carrying\s+out|being\s+behind|having\s+(?:any|a)\s+(?:role|hand|part))",
    ),
    Rule(
        "which-x-denied", "denial", ("denied", "denies", "rejected", "rejects"),
        r"\b(?:which|an?\s+(?:accusation|allegation|claim|charge)\s+(?:that\s+)?)\s*(?P<t>(?:[\w'’.-]+\s+){0,4}?[\w'’.-]+)\s+"
        r"(?:has\s+|have\s+|had\s+)?(?:denied|denies|rejected|rejects)\b",
        agent="inside",
    ),
    Rule(
        "nothing-to-do", "denial", ("nothing to do", " not "),
        SAY + r"\s+(?:that\s+)?(?:it|they|he|she|we|(?:his|her|its|their|our)\s+(?:government|group|movement|"
        r"organi[sz]ation|country|party))\s+(?:had|has|have)\s+(?:had\s+)?nothing\s+to\s+do\s+with\b|"
        + SAY + r"\s+(?:that\s+)?(?:it|they|he|she|we)\s+(?:was|were|is|are)\s+not\s+(?:involved|behind|responsible)\b",
    ),
)
CONDEMNATION_RULES = (
    Rule(
        "condemned", "condemnation", ("condemn", "denounc", "decr"),
        r"\b(?:condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|decr(?:y|ies|ied|ying))\b",
    ),
)
RULES = CLAIM_RULES + ACCUSATION_RULES + DENIAL_RULES + CONDEMNATION_RULES
SPEAKER_KINDS = ("organization", "individual", "state", "state_agency", "group")
TARGET_KINDS_NAMED = ("individual", "organization")


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[Rule, re.Pattern], ...]:
    return tuple((rule, re.compile(rule.pattern, re.I)) for rule in RULES)


@lru_cache(maxsize=1)
def _channel_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(r"\b(?:%s)\b" % pattern, re.I), name) for pattern, name in CHANNELS)


@lru_cache(maxsize=1)
def _member_after() -> re.Pattern:
    return re.compile(r"\s+(?:%s)\b" % MEMBER_NOUNS, re.I)


@lru_cache(maxsize=1)
def _date_context() -> tuple[re.Pattern, re.Pattern]:
    """A date right after an attack noun ("the attacks on Wednesday") or before one ("Monday's attack",
    "the Easter Sunday suicide bombings") dates it; "said on Monday the bombing ..." does not."""
    # "the attacks on Wednesday"; "the van attack that killed 13 people on Barcelona's Las Ramblas on Thursday"
    # "the bombing of a St Petersburg metro train on April 3"
    before = re.compile(r"\b(?:%s)\b(?:(?:\s+[\w,]+){0,3}|\s+(?:that|which)(?:\s+[\w'’,-]+){0,9}|\s+of(?:\s+[\w'’-]+){1,6})\s*$"
                        % EVENT_NOUNS, re.I)
    modifier = r"(?!(?:the|a|an|that|this|its|their|his|her|for|of|over|in|on|at|to|after|before|against|with|by|and|or|"\
               r"from|as|said|says|was|were|is|are)\b)[\w-]+\s+"
    after = re.compile(r"(?:['’]s?\s+(?:[\w-]+\s+){0,2}|\s+(?:%s){0,2})(?:%s)\b" % (modifier, EVENT_NOUNS), re.I)
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

    def sentence(self, i: int) -> _Sentence:
        span = self.sentences[i]
        lo = bisect.bisect_left(self.actor_starts, span.start)
        hi = bisect.bisect_left(self.actor_starts, span.end)
        return _Sentence(span, [a for a in self.actors[lo:hi] if a.evidence.end <= span.end], i)

    def actors_before(self, pos: int) -> list[Actor]:
        return self.actors[:bisect.bisect_left(self.actor_starts, pos)]

    def sentences_with(self, keys: tuple[str, ...], lower: str) -> list[int]:
        """Indexes of the sentences that hold one of `keys` in the lower-cased text."""
        indexes = set()
        for key in keys:
            pos = lower.find(key)
            while pos != -1:
                indexes.add(bisect.bisect_right(self.sentence_starts, pos) - 1)
                pos = lower.find(key, pos + len(key))
        return sorted(i for i in indexes if i >= 0)


def find_statements(article: Article, registry: Registry) -> list[Statement]:
    """Every claim, accusation, denial and condemnation in the article, merged where they repeat."""
    context = _Context(article, registry)
    lower = article.text.lower()
    found = [f for rule, pattern in _compiled() for f in _matches(context, rule, pattern, lower)]
    statements = [s for f in sorted(found, key=lambda f: f.match.start()) for s in _statements(context, f)]
    return _merged(_without_claimant_accusations(statements))


def _matches(context: _Context, rule: Rule, pattern: re.Pattern, lower: str):
    """The rule's matches, searched for only in the sentences that hold one of its keys."""
    for i in context.sentences_with(rule.keys, lower):
        sentence = context.sentence(i)
        for match in pattern.finditer(context.text, sentence.span.start, sentence.span.end):
            if context.article.is_excluded(match.start()) or _negated(context, sentence, match):
                continue
            found = _resolve(context, rule, match, sentence)
            if found is not None:
                yield found


def _negated(context: _Context, sentence: _Sentence, match: re.Match) -> bool:
    return bool(NEGATION.search(_clause_before(context.text, sentence, match.start())))


def _clause_before(text: str, sentence: _Sentence, pos: int) -> str:
    """The sentence's text from the last comma, semicolon, colon or dash before `pos` up to `pos`."""
    left = text[sentence.span.start:pos]
    cut = max(left.rfind(mark) for mark in ",;:—–")
    return left[cut + 1:]


# --- parties -----------------------------------------------------------------------------------

DATELINE_OR_NOTHING = re.compile(r"\s*(?:[^\n]{0,80}\([^()\n]{1,40}\)\s*[—–-]+\s*)?[“\"]?")


def _resolve(context: _Context, rule: Rule, match: re.Match, sentence: _Sentence) -> _Found | None:
    if rule.opens_sentence and not DATELINE_OR_NOTHING.fullmatch(context.text, sentence.span.start, match.start("t")):
        return None
    found = _Found(rule, match, sentence)
    found.targets = _targets(context, found)
    if rule.target != "none" and not found.targets:
        return None
    if rule.gate and not _about_violence(context, found):
        return None
    if rule.needs_event and not EVENT_OBJECT.match(context.text, match.end(), match.end() + 60):
        return None
    if rule.needs_deed and not _names_a_deed(context, found):
        return None
    if rule.about_attackers and not _attackers_near(context, found):
        return None
    found.agents = _agents(context, found)
    if (rule.kind in ("claim", "denial") or rule.needs_speaker) and not found.agents:
        return None
    return found


def _names_a_deed(context: _Context, found: _Found) -> bool:
    """What the claimant's people did is an attack: "its fighters had fired rockets", not "had tightened controls"."""
    end = min(found.sentence.span.end, found.match.end() + CLAIM_DEED_REACH)
    if SUFFERED.match(context.text, found.match.end(), end):
        return False
    return bool(CLAIM_DEED.search(context.text, found.match.end(), end))


def _attackers_near(context: _Context, found: _Found) -> bool:
    """The attackers, their network or the attack are named in this sentence or the one before."""
    start = context.sentences[max(0, found.sentence.index - 1)].start
    return bool(ATTACKERS_OR_NETWORK.search(context.text, start, found.match.start()))


def _targets(context: _Context, found: _Found) -> list[Actor]:
    mode = found.rule.target
    if mode == "right":
        return _right_targets(context, found)
    if mode == "left":
        return _left_targets(context, found.sentence, found.match.start())
    if mode == "inside":
        start, end = found.match.span("t")
        inside = [a for a in found.sentence.actors if start <= a.evidence.start and a.evidence.end <= end]
        # a state's own forces doing it is an operation, not an accusation
        return [a for a in inside if a.kind != "state_agency"] if found.rule.armed_group else inside
    if mode == "member":
        return _member_targets(context, found)
    return []


def _right_targets(context: _Context, found: _Found) -> list[Actor]:
    """The actors just after the match, if only the rule's gap stands between; else a bare name."""
    end = found.match.end()
    after = [a for a in found.sentence.actors if a.evidence.start >= end]
    first = after[0] if after else None
    if first is not None and _target_kind_ok(found.rule, first) and _gap_ok(context, found.rule.gap, end, first):
        # "identified the men as X and Y, both Tunisians": a rule that names people takes people only
        return [a for a in _chain_right(context, after) if _target_kind_ok(found.rule, a)]
    if found.rule.names_only:
        return _bare_name(context, found.sentence, end, found.rule.gap)
    return []


def _gap_ok(context: _Context, gap: str, end: int, actor: Actor) -> bool:
    return bool(re.match(gap, context.text[end:actor.evidence.start], re.I))


def _target_kind_ok(rule: Rule, actor: Actor) -> bool:
    return not rule.names_only or actor.kind in TARGET_KINDS_NAMED


def _chain_right(context: _Context, actors: list[Actor]) -> list[Actor]:
    """The first actor and those coordinated with it: "the United States and Israel"."""
    chain = [actors[0]]
    for actor in actors[1:]:
        if not COORDINATION.match(context.text[chain[-1].evidence.end:actor.evidence.start]) \
                or SPEAKS_AFTER.match(context.text, actor.evidence.end):
            break  # "blamed the JMB, police said": the speaker of the sentence, not a second party blamed
        chain.append(actor)
    return chain


def _chain_left(context: _Context, actors: list[Actor]) -> list[Actor]:
    """The last actor and those coordinated with it, in text order: "Israel and the United States denied"."""
    chain = [actors[-1]]
    for actor in reversed(actors[:-1]):
        if not COORDINATION.match(context.text[actor.evidence.end:chain[0].evidence.start]):
            break
        chain.insert(0, actor)
    return chain


def _left_targets(context: _Context, sentence: _Sentence, pos: int) -> list[Actor]:
    aside = LEFT_ASIDE.search(context.text, sentence.span.start, pos)
    if aside is not None and aside.start() > sentence.span.start:
        # "Brenton Tarrant, a 28-year-old from the town of Grafton, appeared ...": the name before the aside
        return _left_targets(context, sentence, aside.start())
    before = [a for a in sentence.actors if a.evidence.end <= pos]
    gap = context.text[before[-1].evidence.end:pos] if before else ""
    if before and (re.match(LEFT_GAP, gap, re.I) or before[-1].actor_id and re.match(LEFT_GAP_GROUP, gap, re.I)):
        return _chain_left(context, before)
    return _described_group(context, sentence, pos) or _bare_name_before(context, sentence, pos)


def _described_group(context: _Context, sentence: _Sentence, pos: int) -> list[Actor]:
    """"the al-Qaeda-linked group was behind it": the organisation last named before the description, in
    this sentence or the two before it (never one named inside the description); its evidence is the description."""
    description = DEFINITE_GROUP_BEFORE.search(context.text, sentence.span.start, pos)
    if description is None:
        return []
    earliest = context.sentences[max(0, sentence.index - ANTECEDENT_SENTENCES)].start
    for actor in reversed(context.actors_before(description.start())):
        if actor.evidence.start < earliest:
            break
        if actor.kind == "organization" and not _is_outlet(actor):
            span = context.article.span(description.start(), description.end())
            return [replace(actor, evidence=context.article.span(span.start, span.start + len(span.text.rstrip())))]
    return []


def _bare_name(context: _Context, sentence: _Sentence, pos: int, gap: str) -> list[Actor]:
    """A person spaCy missed: capitalised words right after `pos` ("The attacker, Eden Natan-Zada")."""
    window = context.text[pos:sentence.span.end]
    lead = LOOSE_LEAD.match(window) if gap == LOOSE_GAP else None
    name = PROPER_NAME.match(window, lead.end() if lead else 0)
    if name is None or NOT_A_NAME.match(name.group()) or len(name.group().split()) < 2:
        return []  # one capitalised word is too weak a sign of a person's name
    return [Actor(name.group(), context.article.span(pos + name.start(), pos + name.end()), kind="individual")]


def _bare_name_before(context: _Context, sentence: _Sentence, pos: int) -> list[Actor]:
    """A person spaCy missed, right before `pos` ("Vinod Mistri was arrested"); never the sentence's first words."""
    start = sentence.span.start
    name = NAME_BEFORE.search(context.text[start:pos])
    if name is None or NOT_A_NAME.match(name.group(1)) or name.start(1) == 0:
        return []
    return [Actor(name.group(1), context.article.span(start + name.start(1), start + name.end(1)), kind="individual")]


def _member_targets(context: _Context, found: _Found) -> list[Actor]:
    """The first actor soon after the match followed by a membership noun ("an al-Qaeda double agent")."""
    end = found.match.end()
    for actor in found.sentence.actors:
        gap = context.text[end:actor.evidence.start]
        if actor.evidence.start < end or len(gap) > 50 or re.search(r"[,.;]", gap):
            continue
        if _member_after().match(context.text, actor.evidence.end):
            return [actor]
    return []


def _about_violence(context: _Context, found: _Found) -> bool:
    """An "of/for ..." complement after the targets must attribute violence, not a failure or a policy."""
    end = max([found.match.end(), *(a.evidence.end for a in found.targets)])
    rest = INSERTION.sub("", context.text[end:found.sentence.span.end], count=1)
    complement = COMPLEMENT.match(rest)
    if complement is None:
        return True
    return not NOT_ATTRIBUTION.match(rest) and bool(ATTRIBUTION_WORDS.search(complement.group()))


def _agents(context: _Context, found: _Found) -> list[Actor]:
    mode = found.rule.agent
    if mode == "none":
        return []
    if mode == "wing":
        return _wing_owner(context, found)
    if mode == "inside":
        start, end = found.match.span("t")
        return [a for a in found.sentence.actors if start <= a.evidence.start and a.evidence.end <= end]
    if mode == "by":
        agents = _by_agents(context, found)
        return agents if agents or found.rule.kind == "claim" else _speaker(context, found)
    if mode == "speaker":
        return _speaker(context, found)
    if _passive(context, found):
        return _by_agents(context, found) or _speaker(context, found)
    return _left_agents(context, found)


def _passive(context: _Context, found: _Found) -> bool:
    """"was blamed on X" is passive; "have been accusing X" is not."""
    before = context.text[found.sentence.span.start:found.match.start()]
    return found.match.group().lower().endswith("ed") and bool(AUXILIARY_BEFORE.search(before))


def _candidates_before(found: _Found, pos: int) -> list[Actor]:
    return [
        a for a in found.sentence.actors
        if a.evidence.end <= pos and a not in found.targets and a.kind in SPEAKER_KINDS and not _is_outlet(a)
    ]


def _is_outlet(actor: Actor) -> bool:
    return actor.actor_id is None and actor.kind == "organization" and bool(MEDIA_OUTLET.search(actor.name))


def _left_agents(context: _Context, found: _Found) -> list[Actor]:
    """The nearest party before the verb, with the parties coordinated with it; a pronoun in between wins,
    and a relative clause or an apposition just before the verb is skipped ("X, which has links to Y, claimed")."""
    pos = found.match.start()
    aside = TRAILING_ASIDE.search(context.text, found.sentence.span.start, pos)
    before = [a for a in _candidates_before(found, aside.start() if aside else pos)
              if not context.article.is_excluded(a.evidence.start)]  # not the dateline's outlet
    if aside and not before:  # "A Kurdish militant group, the Kurdistan Freedom Falcons (TAK), said": the name is the aside
        before = [a for a in _candidates_before(found, pos) if a.evidence.start >= aside.start()][:1]
    since = before[-1].evidence.end if before else found.sentence.span.start
    if aside and before and before[-1].evidence.end <= aside.start():
        since = aside.end()  # "X, the Somali group aligned with Y, said": the aside's "group" is X itself
    pronoun = _last_pronoun(context.text[since:pos])
    if pronoun is not None:
        antecedent = _antecedent(context, found.sentence.span.start, pronoun)
        if antecedent is None and found.rule.kind == "claim":
            return _bare_agent(context, found)  # "The FLEC-PM faction, which claimed the attack": the name it gives
        return [antecedent] if antecedent else []
    if before:
        return _chain_left(context, before)
    return _bare_agent(context, found) if found.rule.kind == "claim" else []


def _bare_agent(context: _Context, found: _Found) -> list[Actor]:
    """A group spaCy missed: the capitalised name before the verb ("Holy Jihad Brigades, a new group, claims")."""
    start = found.sentence.span.start
    left = ADVERB_BEFORE_VERB.sub("", context.text[start:found.match.start()])
    left = APPOSITION_END.sub("", GROUP_NOUN_RELATIVE.sub("", left))
    name = GROUP_BEFORE.search(left)
    if name is not None and NOT_A_NAME.match(name.group(1)) and " " in name.group(1):
        name = GROUP_BEFORE.search(left, name.start(1) + name.group(1).index(" ") + 1)  # "The FLEC-PM": FLEC-PM
    if name is None or NOT_A_NAME.match(name.group(1)):
        return []
    entry = context.registry.lookup(name.group(1))
    span = context.article.span(start + name.start(1), start + name.end(1))
    if entry is None:
        return [Actor(name.group(1), span, kind="organization")]
    return [Actor(entry.name, span, kind=entry.kind, actor_id=entry.id)]


def _last_pronoun(text: str) -> str | None:
    """"person" or "group" when a subject pronoun stands last before the verb ("He blamed", "the group said")."""
    matches = list(SUBJECT_PRONOUN.finditer(text))
    if not matches or RELATIVE.search(text, matches[-1].end()):
        return None
    return "person" if matches[-1].group("person") else "group"


def _antecedent(context: _Context, pos: int, kind: str) -> Actor | None:
    """The party a pronoun refers back to: the last person for "he"/"she", the last group for "it"/"the group"."""
    wanted = ("individual",) if kind == "person" else ("organization",)
    for actor in reversed(context.actors_before(pos)):
        if actor.kind in wanted and not _is_outlet(actor) and not context.article.is_excluded(actor.evidence.start):
            return actor  # never the dateline ("QUITO, Aug 10 (Wire) —" read as an organisation)
    return None


def _speaker(context: _Context, found: _Found) -> list[Actor]:
    """Who said it: the nearest party before the verb and its targets that says, believes or reports."""
    pos = min([found.match.start(), *(a.evidence.start for a in found.targets)])
    for actor in reversed(_candidates_before(found, pos)):
        before = context.text[max(found.sentence.span.start, actor.evidence.start - 15):actor.evidence.start]
        if SPEECH_AFTER.match(context.text[actor.evidence.end:pos]) or ACCORDING_TO.search(before):
            return [actor]
    return []


def _by_agents(context: _Context, found: _Found) -> list[Actor]:
    """The parties after "by" ("claimed by X"), or the one a caller speaks for ("claiming to speak for X")."""
    start = found.match.end()
    by = re.match(r"\s*by\b", context.text[start:start + 6], re.I)
    if found.rule.kind != "claim" and by is None:
        return []
    start += by.end() if by else 0
    after = [a for a in found.sentence.actors if a.evidence.start >= start and a not in found.targets]
    if not after or not re.match(DIRECT_GAP, context.text[start:after[0].evidence.start], re.I):
        return []
    return _chain_right(context, after)


def _wing_owner(context: _Context, found: _Found) -> list[Actor]:
    """A media wing's owner, as an actor whose evidence is the wing's name."""
    owner = _wing_of(found.match.group())
    if owner is None:
        return []
    first_word = re.match(r"[\w'’]+", found.match.group())
    span = context.article.span(found.match.start(), found.match.start() + first_word.end())
    entry = context.registry.lookup(owner)
    return [Actor(entry.name if entry else owner, span, kind="organization", actor_id=entry.id if entry else None)]


def _wing_of(name: str) -> str | None:
    key = fold(name)
    return next((owner for wing, owner in MEDIA_WINGS.items() if key.startswith(wing)), None)


def _claimant(context: _Context, actor: Actor) -> Actor:
    """A media wing claims for its owner; a spokesman or leader for his group."""
    owner = _wing_of(actor.name)
    if owner is not None:
        entry = context.registry.lookup(owner)
        return replace(actor, name=entry.name if entry else owner, actor_id=entry.id if entry else None)
    if actor.kind == "individual":
        return _group_of(context, actor) or actor
    return actor


def _state_for(context: _Context, actor: Actor) -> Actor:
    """A state denies through its organs: "Ukraine's foreign ministry rejected" is Ukraine's denial."""
    if actor.kind not in ("state_agency", "group"):
        return actor
    if actor.actor_id is not None:
        state = next((e for e in context.registry.parents(actor.actor_id) if e.kind == "state"), None)
    else:
        state = context.registry.lookup(actor.parent) if actor.parent else None
        if state is None and actor.parent:
            return replace(actor, name=actor.parent, kind="state")
    if state is None or state.kind != "state":
        return actor
    return replace(actor, name=state.name, kind="state", actor_id=state.id, parent=None)


def _group_of(context: _Context, person: Actor) -> Actor | None:
    """The group a person speaks for: "Hezbollah leader X", "X, a Taliban spokesman"."""
    text = context.text
    for actor in context.actors:
        if actor.kind != "organization" or _is_outlet(actor):
            continue
        before = text[actor.evidence.end:person.evidence.start]
        after = text[person.evidence.end:actor.evidence.start]
        if len(before) <= 30 and LEADER_BETWEEN.match(before):
            return actor
        if len(after) <= 12 and APPOSITIVE_BETWEEN.match(after) and SPOKESMAN_AFTER.match(text, actor.evidence.end):
            return actor
        if re.fullmatch(r",\s*", before) and SPOKESMAN_FOR_BEFORE.search(text, max(0, actor.evidence.start - 40),
                                                                        actor.evidence.start):
            return actor
        if len(after) <= 50 and MEMBER_OF_BETWEEN.match(after):
            return actor
    return None


# --- statements --------------------------------------------------------------------------------


def _once(statements: list[Statement]) -> list[Statement]:
    """One statement per party: a spokesman and the group he speaks for make one claim."""
    seen: dict[tuple[str | None, str | None], Statement] = {}
    for statement in statements:
        seen.setdefault((statement.by_id or None, statement.by if statement.by_id is None else None), statement)
    return list(seen.values())


def _statements(context: _Context, found: _Found) -> list[Statement]:
    """One statement per claimant or denier; one per accusation or condemnation, by its nearest speaker."""
    kind = found.rule.kind
    nearest = found.agents[-1] if found.agents else None
    if kind == "claim":
        agents = found.agents
        if "his" in found.match.re.groupindex and found.match.group("his"):
            agents = [a for a in agents if a.kind == "individual" and _group_of(context, a)]  # "his fighters"
        if found.rule.armed_group:
            agents = [a for a in agents if a.kind not in ("state", "state_agency", "individual")]
        return _once([_statement(context, found, _claimant(context, agent), []) for agent in agents])
    if kind == "denial":
        return _once([_statement(context, found, _state_for(context, agent), []) for agent in found.agents])
    return [_statement(context, found, nearest, found.targets if kind == "accusation" else [])]


def _statement(context: _Context, found: _Found, by: Actor | None, against: list[Actor]) -> Statement:
    evidence = _evidence(context, found, against)
    channel = _channel(context, found)
    date = _date(context, found, evidence)
    targets = _unique_actors([a for a in against if not by or a.name != by.name])
    return Statement(
        kind=found.rule.kind,
        by=by.name if by else None,
        by_id=by.actor_id if by else None,
        evidence=evidence,
        against=[a.name for a in targets],
        against_ids=[a.actor_id for a in targets],
        channel=channel[0] if channel else None,
        channel_evidence=channel[1] if channel else None,
        date=date.value if date else None,
        date_evidence=date.evidence if date else None,
        hedged=found.rule.hedged or _hedged(context, found, evidence),
    )


def _unique_actors(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.name, actor)
    return list(seen.values())


def _evidence(context: _Context, found: _Found, against: list[Actor]) -> Span:
    """The verb phrase through its object: 'blamed the U.S. and Israel', 'claim responsibility for the bombings'."""
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
    stop = OBJECT_END.search(rest)
    cut = stop.start() if stop else len(rest)
    return end + len(rest[:cut].rstrip(" ”\"'’"))


def _channel(context: _Context, found: _Found) -> tuple[str, Span] | None:
    """The most specific channel named in the sentence; for a claim, also an "In a statement, ..." that follows."""
    spans = [found.sentence.span]
    following = found.sentence.index + 1
    if found.rule.kind == "claim" and following < len(context.sentences):
        if STATEMENT_OPENING.match(context.sentences[following].text):
            spans.append(context.sentences[following])
    for span in spans:
        hit = _channel_in(context, span, found.match.start())
        if hit is not None:
            return hit
    return None


def _channel_in(context: _Context, span: Span, pos: int) -> tuple[str, Span] | None:
    for pattern, name in _channel_patterns():
        hits = list(pattern.finditer(context.text, span.start, span.end))
        if hits:
            best = min(hits, key=lambda m: abs(m.start() - pos))
            return name, context.article.span(best.start(), best.end())
    return None


def _date(context: _Context, found: _Found, evidence: Span) -> DateValue | None:
    """The date that dates the statement, not the attack it is about: in its sentence, before the verb or
    right after its object ("claimed responsibility on Monday"), and neither an attack's date ("the attacks
    on Wednesday", "Monday's attack") nor an anniversary."""
    span = found.sentence.span
    dates = [
        d for d in context.article.dates
        if d.value and d.counted_from is None and span.contains(d.evidence)
        and d.evidence.start < evidence.end + STATEMENT_DATE_REACH
        and not _dates_the_event(context.text, span, d.evidence)
        and not _closes_an_attack_clause(context.text, found.sentence, d.evidence, found.match.start())
    ]
    if not dates:
        return None
    # "Amnesty on Thursday called for an inquiry into the killings ... on June 18, saying survivors blamed
    # the OLA": the date the sentence's reporting verb follows is the statement's, however near the other
    verbal = [d for d in dates if DATED_VERB.match(context.text, d.evidence.end)]
    return min(verbal or dates, key=lambda d: abs(d.evidence.start - found.match.start()))


STATEMENT_DATE_REACH = 20  # characters after the statement's evidence where its date may still stand
# a date right before the reporting verb: "X on Thursday called", "said on Monday" is read the other way
DATED_VERB = re.compile(r"\s+(?:said|says|called|urged|announced|told|stated|claimed|blamed|accused|denied|demanded|"
                        r"warned|confirmed|reported|issued|published|released)\b", re.I)


def _dates_the_event(text: str, sentence: Span, evidence: Span) -> bool:
    before, after = _date_context()
    left = text[max(sentence.start, evidence.start - 80):evidence.start]
    return bool(before.search(left) or after.match(text, evidence.end, evidence.end + 40))


# "A suicide bomber set off a truck ... in the town of Cizre early on Friday, killing 11 police officers,
# the governor's office said": a date inside the attack's own clause, before the reporting verb, is the attack's
SAYING = re.compile(r"\b(?:said|says|say|told|tells|announced|stated|reported|added|claimed|blamed|accused|denied)\b", re.I)


def _closes_an_attack_clause(text: str, sentence: _Sentence, evidence: Span, verb_start: int) -> bool:
    from .events import TRIGGER

    if evidence.start >= verb_start:
        return False
    # "On Thursday a missile hit a parade ..., and a car bombing claimed by IS struck": a date opening the
    # sentence, with an attack told before the verb, is the attacks' day
    if not text[sentence.span.start:evidence.start].strip() and TRIGGER.search(text, evidence.end, verb_start):
        return True
    clause = _clause_before(text, sentence, evidence.start)
    return TRIGGER.search(clause) is not None and SAYING.search(clause) is None


def _hedged(context: _Context, found: _Found, evidence: Span) -> bool:
    """Hedged when the clause before the verb or, for accusations, the statement itself hedges."""
    window = _clause_before(context.text, found.sentence, found.match.start())[-80:]
    if found.rule.kind == "accusation":
        window += " " + evidence.text
    return bool(HEDGES.search(window))


# --- clean-up ----------------------------------------------------------------------------------

NEARBY = 200  # characters: a claim and an accusation this close belong to one passage


def _without_claimant_accusations(statements: list[Statement]) -> list[Statement]:
    """A party is not accused by its own claim, a claimant's words accuse nobody, and the reporter's
    "carried out by X" does not make a claimant accused."""
    claims = [s for s in statements if s.kind == "claim"]
    claimants = {s.by for s in claims}
    kept = []
    for statement in statements:
        if statement.kind == "accusation":
            statement = _without_nearby_claimants(statement, claims)
            if not statement.against or _claims_nearby(statement.by, statement, claims):
                continue
            if statement.by is None and all(_among(name, claimants) for name in statement.against):
                continue
        kept.append(statement)
    return kept


def _among(name: str, claimants: set[str | None]) -> bool:
    """The reporter's name for the attackers is a claimant's, or a generic description ("Separatist
    gunmen") of attackers that a claimant has already owned."""
    if not claimants:
        return False
    words = _words(name)
    if words <= GENERIC_ATTACKER_WORDS:
        return True
    return any(c is not None and (words <= (theirs := _words(c)) or theirs <= words) for c in claimants)


def _words(name: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", name.lower()))


def _without_nearby_claimants(accusation: Statement, claims: list[Statement]) -> Statement:
    keep = [i for i, name in enumerate(accusation.against) if not _claims_nearby(name, accusation, claims)]
    return replace(
        accusation,
        against=[accusation.against[i] for i in keep],
        against_ids=[accusation.against_ids[i] for i in keep],
    )


def _claims_nearby(name: str | None, accusation: Statement, claims: list[Statement]) -> bool:
    return name is not None and any(
        claim.by == name and abs(claim.evidence.start - accusation.evidence.start) < NEARBY for claim in claims
    )


def _merged(statements: list[Statement]) -> list[Statement]:
    """One statement per (kind, by, against): the best-documented mention, completed from the others."""
    groups: dict[tuple, list[Statement]] = {}
    for statement in statements:
        groups.setdefault((statement.kind, statement.by, tuple(sorted(statement.against))), []).append(statement)
    return sorted((_best_of(group) for group in groups.values()), key=lambda s: s.evidence.start)


def _best_of(group: list[Statement]) -> Statement:
    """The first mention (a report opens with its own attack; a repeat may be about an earlier one), completed
    from the mentions of the same passage."""
    best = min(group, key=lambda s: s.evidence.start)
    for other in group:
        if other.evidence.start - best.evidence.start >= NEARBY:
            continue
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
