"""Event triggers: the words that report a violent event, typed, with generic and negated uses marked.

Each trigger becomes an `EventMention` in the sentence that holds it. The incidents component groups
mentions into incidents; this component only says what happened where in the text.
"""
from __future__ import annotations

import re

from ..model import Article, EventMention, Span
from .pipeline import component

_HELD_PLACES = (r"(?:school|theatre|theater|hospital|hotel|mall|church|cathedral|mosque|embassy|consulate|university|"
                r"parliament|ship|airliner|plane|train)")

# the soldiers a force takes and holds: hostages, as GTD codes the West Side Boys' British patrol
_HELD_PEOPLE = r"(?:soldiers|peacekeepers|(?:military )?observers|troops|patrol|delegation|monitors|aid workers|gendarmes|policemen)"
# "took a patrol car by surprise": a vehicle or a post the word only qualifies, or men caught unawares, not held
_NOT_HELD = (r"(?! (?:cars?|boats?|vehicles?|trucks?|jeeps?|bases?|posts?|stations?|units?|duty|routes?|leaders?|"
             r"commanders?)\b)(?!(?: [\w-]+){0,2} by surprise)")
# the words between the verb and the men it took: their own noun phrase ("a group of UN military"), not the
# captors ("captured by army troops"), a clause ("took place when a patrol") or the dead ("coffins holding the bodies")
_HELD_GAP = r"(?:(?!(?:by|on|at|in|from|with|during|after|place|when|bodies|remains|coffins?) )[\w-]+ )"

# Trigger phrases the relevance gate must know too (`relevance.VIOLENCE_STEMS` takes them from here):
# "a militia is holding 11 British soldiers", "seized a group of UN military observers", "the soldiers seized by
# the militia", "the patrol, seized near Magbeni on Aug. 25", "the 12-man patrol from the 1st Battalion ... was
# captured last Friday": men under arms taken and held
HELD_TRIGGER = (r"(?:holding(?! (?:up|back|off|out|on|talks)\b)|seized|captured) " + _HELD_GAP + r"{0,6}?"
                + _HELD_PEOPLE + r"\b" + _NOT_HELD + r"|"
                r"took " + _HELD_GAP + r"{0,4}?(?:patrol|peacekeepers|(?:military )?observers)\b" + _NOT_HELD + r"|"
                + _HELD_PEOPLE + r"(?: (?:from|of) (?:the )?(?:[\w-]+ ){0,7}?[\w-]+)?,? (?:who (?:were|was|had been) |"
                r"(?:were|was|had been) )?(?:seized|captured|"
                r"taken (?:hostage|captive|prisoner|at gunpoint))(?= (?:on|by|in|at|near|last|early|late)\b)"
                r"(?! on (?:camera|film|video|tape)\b)|"
                r"captives (?:held|seized|taken)\b")
# "an activist dragged from his home in Harare last week": taken from where he lived (not "dragged from their
# homes and killed")
FROM_HOME_TRIGGER = (r"(?:dragged|hauled|frog-?marched|taken) (?:away )?from (?:his|her|their) (?:homes?|house|houses|"
                     r"hut|huts|beds?|car|office)\b(?!,? and (?:were |was )?(?:then )?(?:killed|shot|beheaded|executed|"
                     r"hacked|murdered|stabbed|burned|slaughtered|lynched))")
# acid thrown at people
ACID_TRIGGER = (r"acid attacks?|(?:threw|thrown|throwing|hurled|splashed|poured|doused) (?:[\w-]+ ){0,3}?(?:with |of )?"
                r"acid\b|acid (?:was|were|had been) (?:thrown|hurled|splashed|poured)")

# words before "shot" that make it a noun ("the opening shot in a battle", "a warning shot"), not the participle
_NOT_SHOT_BY = ("a", "the", "one", "warning", "first", "single", "big", "opening", "parting", "cheap", "long", "final",
                "last", "best", "his", "her", "their", "its", "my", "our", "your", "mug", "booster", "flu", "snap",
                "good", "great", "free", "penalty", "drop", "jump", "slap")

# (type, pattern). Order matters only for overlaps: the first pattern that matches a stretch wins.
# "a bomb-disposal team was sent as a precaution", "a bomb scare": the word names no bombing
_NOT_A_BOMBING = r"(?![- ](?:disposal|squads?|experts?|technicians?|detection|sniffer|sniffing|scares?|hoax(?:es)?|threats?|proof))"
# the people a vehicle is driven into
_CROWD = (r"(?:crowds?|pedestrians|people|shoppers|worshippers|revellers|tourists|passers-by|protesters|"
          r"counter-protesters|marchers|demonstrators|mourners|spectators|pilgrims|commuters)")
TRIGGERS: tuple[tuple[str, str], ...] = (
    ("hostage_taking", r"(?:took|taken|taking|held|holding|seized) (?:\w+ ){0,3}hostages?|hostage[- ]taking|"
                       r"hijack(?:ed|ing|ers?)?|hostages?|siege|"
                       # "the seizure of the school in Beslan", "the theatre was seized": a building held
                       r"(?:seized|seizing|seizure of) (?:the |a |an )?(?:[\w-]+ ){0,2}?" + _HELD_PLACES + r"|"
                       + _HELD_PLACES + r" (?:was|were|had been) seized|"
                       + HELD_TRIGGER),
    ("kidnapping", r"kidnap(?:ped|ping|pings|pers?|s)?|abduct(?:ed|ion|ions|ing|ors?|s)?|"
                   r"(?:seized|grabbed|snatched) (?:them|him|her|(?:the |two |three |\d+ )?(?:\w+ )?"
                   r"(?:workers|journalists|tourists|engineers|students|pupils|people|men|women|children|girls|boys|"
                   r"schoolgirls|schoolboys|schoolchildren|passengers))|"
                   # "armed men seized a Mennonite farmer at the controls of his tractor": one person taken
                   r"(?:seized|grabbed|snatched) (?:a|an) (?:[\w-]+ ){0,2}?(?:farmer|rancher|settler|teacher|engineer|"
                   r"worker|journalist|tourist|student|doctor|nurse|priest|nun|missionary|trader|businessman|"
                   r"businesswoman|driver|official|pilot|contractor|man|woman|boy|girl|child)\b(?! (?:was|were) )|"

                   r"(?:led|took|carried|marched|herded|whisked|drove) (?:away|off) (?:with )?(?:[\w-]+ ){0,5}?"
                   r"(?:pupils|students|schoolchildren|schoolgirls|schoolboys|children|girls|boys|women|villagers|"
                   r"worshippers|passengers|residents|people|hostages|captives)|"
                   # "the schoolgirls seized from their boarding school", "students taken in Monday night's raid"
                   r"(?:pupils|students|schoolchildren|schoolgirls|schoolboys|girls|boys|passengers|hostages) "
                   r"(?:who (?:were|had been) )?(?:seized|snatched|taken(?! to\b| into (?:hospital|care))|carried off) "
                   r"(?:from|in|by|during|at)\b|"
                   + FROM_HOME_TRIGGER + r"|"
                   r"loaded (?:them|the (?:girls|boys|pupils|students|children|women|hostages)) (?:on|onto|into) "
                   r"(?:lorries|trucks|vehicles|pick-?ups|buses)"),
    ("assassination", r"assassinat(?:ed|ion|ions|ing|e)|assassination attempt|attempt on (?:his|her|the \w+'s) life"),
    ("bombing", r"(?:car|truck|suicide|roadside|twin|bicycle|motorcycle|letter|parcel|pipe|nail|time|remote[- ]controlled)"
                r"[- ]bomb(?:s|ings?|ers?)?|bomb(?:s|ings?|ed|ers?)?" + _NOT_A_BOMBING + r"|explosions?|blasts?|explo(?:ded|des|de|ding)|"
                r"detonat(?:ed|es|e|ing|ion|ions)|IEDs?|grenade attack|grenades?|(?:drone|air|missile|rocket) ?strikes?|"
                r"airstrikes?|rocket attack|mortar (?:attack|fire|shells?|rounds?)|shelling|suicide attack|"
                r"(?:rockets?|mortars?|missiles?|shells) (?:were |was )?(?:fired|launched)|"
                r"(?:fired|launched) (?:[\w-]+ ){0,2}(?:rockets?|mortars?|missiles?)|"
                # "at least ten rockets slammed into an air base", "mortar rounds landed near the embassy"
                r"(?:rockets?|mortars?|mortar (?:rounds|bombs)|missiles?|shells) (?:slammed|crashed|rained|struck|hit|"
                r"landed|smashed)|"
                r"blew (?:himself|herself|themselves) up|blown up|blew up|dynamite attack|"
                # "the device went off at 8:27 p.m. on Thursday" (not an alarm, nor a deal)
                r"(?:device|explosives?|charges?|mines?) (?:that )?went off|"
                # "someone in a speeding car threw an explosive device close to the conference centre"
                r"(?:threw|thrown|throwing|hurled|tossed|lobbed) (?:[\w-]+ ){0,3}?(?:explosive devices?|explosives|"
                r"sticks? of (?:dynamite|explosives?)|dynamite)"),
    ("arson", r"arson(?: attack)?|set(?:ting)? (?:fire|ablaze|alight)(?: to)?|torch(?:ed|ing)|firebomb(?:ed|ing|s)?|burn(?:ed|t) down|"
              r"petrol bombs?|molotov cocktails?"),
    # "soldiers at the barracks in Labasa mutinied and took control of the camp": an armed uprising in a garrison
    ("armed_assault", r"mutin(?:y|ies|ied)|shoot(?:ing|ings|out|s)?(?! down\b)|shot (?:dead|and killed|to death)|shot (?:[\w-]+ ){1,3}and killed|"
                      # "a farmer was found dead near his field hut, his body covered with cuts": a body that bears
                      # the wounds of an attack
                      r"found dead(?=[^.;]{0,120}\b(?:cuts|wounds|stab|stabbed|bullets?|gunshots?|machetes?|hacked|"
                      r"beheaded|mutilated|slit)\b)|"
                      # "was hacked with machetes", "hacked a blogger to death" (not an account "hacked" online)
                      r"hacked (?:(?:[\w-]+ ){0,3}to death|with (?:[\w-]+ )?(?:machetes?|knives|knife|cleavers?|axes|axe|swords?))|"
                      # "was shot three times in the head", "gunned down"; not "was shot down" (an aircraft) nor
                      # "was shot by municipal police" (the attacker, stopped)
                      r"(?:was|were|been|being|got) shot(?! down| dead| (?:[\w-]+ ){0,3}and killed| to death|"
                      r" (?:\w+ ){0,2}by (?:[\w-]+ ){0,2}(?:police|policemen|officers?|troops|soldiers|security|guards?|gendarmes))|"
                      r"gunned down|"
                      # "a Catholic priest shot on Christmas night", "an officer shot twice outside his home": the
                      # participle after the one hit (not "a shot in the dark", "a warning shot")
                      + "".join(rf"(?<!\b{word} )" for word in _NOT_SHOT_BY) +
                      r"(?<=[a-z] )shot (?=(?:on|in|outside|near|while|late|early|last|twice|three times|several times|"
                      r"repeatedly)\b)(?!in (?:the )?(?:dark|arm|foot)\b)|"
                      # "died after a man shot her"; not the police stopping the attacker ("officers shot him")
                      r"(?<!police )(?<!officers )(?<!officer )(?<!troops )(?<!soldiers )(?<!guards )shot (?:him|her|them)\b|"
                      r"opened fire|gunm[ae]n|gunfire|"
                      # "shots were fired from a car at a group waiting", "gunmen fired on a group of Israelis",
                      # "the gunmen who shot up a bus stop"
                      # (not the bare "and shots were fired" of police stopping an attacker)
                      r"(?:shots|bullets|gunshots) (?:were |was |had been )?fired (?:from|at|on|into)\b|"
                      r"fired (?:[\w-]+ ){0,2}?(?:shots|bullets|rounds) (?:at|on|into)\b|"
                      r"fired (?:on|at|into) (?:a |the )?(?:[\w-]+ ){0,2}?(?:group|" + _CROWD + r")|"
                      r"shot up|"
                      r"gun attack|gunbattle|gunfight|firefight|stabb(?:ed|ing|ings)|stabbing attack|massacre[ds]?|massacring|"
                      r"ambush(?:ed)?|stormed|overr[au]n|assault(?:s|ed)?(?! rifles?)|"
                      # "the fighters held Quissanga for several hours": a town taken and held
                      r"held (?:the (?:town|village|city) of )?(?-i:[A-Z])[\w-]+(?: (?-i:[A-Z])[\w-]+)? for (?:several |many |a few |\d+ )?(?:hours|days)|"
                      r"rampag(?:e|ed|ing)|mass shooting|killing spree|(?<!police )(?<!security )(?<!dawn )(?<!overnight )(?<!search )(?<!house )(?<!counter-terrorism )(?<!air )raids?\b(?!-)"
                      # police raids: "detained 30 in raids on suspected radicals", "raids were under way to find him"
                      r"(?! (?:on|against) (?:the )?(?:homes?|houses?|hideouts?|suspected|suspects?|premises|offices|"
                      r"addresses)\b| (?:were|are|was|is) (?:under ?way|going on|continuing)| and arrests| would go on)|"
                      r"raided\b|"
                      r"machine[- ]gunned|sprayed .{0,20}with bullets|"
                      r"(?:drove|driven|steered|ploughed|plowed|smashed|crashed|slammed|careered|rammed|ramming) (?:a |an |the |his |her |their )?"
                      r"(?:[\w-]+ ){0,2}?(?:truck|lorry|van|car|vehicle|bus|suv) (?:[\w-]+ ){0,2}?(?:in)?to (?:the |a |an )?(?:[\w-]+ ){0,2}?"
                      + _CROWD + r"|"
                      r"(?:ploughed|plowed|smashed|careered|rammed) into (?:the )?(?:[\w-]+ ){0,2}?"
                      + _CROWD + r"|"
                      r"(?:drove|driving|driven|steered|steering|ploughed|ploughing|plowed|rammed|ramming|careered) (?:a |an |the |his |her |their )?"
                      r"(?:[\w-]+ ){0,2}?(?:truck|lorry|van|car|vehicle|suv) (?:[\w-]+ ){0,2}?(?:in)?to (?:the |a |an )?(?:[\w'-]+ ){0,3}?"
                      r"(?:market|festival|parade|promenade|square|concert|rally|procession|march|celebrations?)|"
                      r"(?:truck|lorry|van) (?:that|which) (?:killed|ploughed|plowed|rammed|mowed)|"
                      # the vehicle as subject: "a car drove at speed into a crowd of people marching"
                      r"(?:truck|lorry|van|car|vehicle|suv) (?:drove|ploughed|plowed|slammed|careered|smashed|ran) "
                      r"(?:[\w-]+ ){0,3}?into (?:the |a |an )?(?:[\w-]+ ){0,2}?" + _CROWD + r"|"
                      r"(?:ran|run|running) (?:down|over) (?:[\w-]+ ){0,2}?" + _CROWD + r"|"
                      r"mowed down|mowing down|ramming attack|vehicle attack|van attack|truck attack|lorry attack"),
    ("facility_attack", r"sabotage[ds]?|sabotaging"),
    # GTD counts a chemical attack (acid thrown at people) as an unarmed assault
    ("unarmed_assault", r"lynch(?:ed|ing)|beat(?:en)? to death|bludgeoned|" + ACID_TRIGGER),
    ("other", r"attacks?|attacked|attackers?|killings?|killed|murder(?:ed|s)?|slain|slaying|violence|act of terror|"
              r"terrorist act|terror attack|incident|"
              # "Tuesday's strike on Kramatorsk": a strike on a named place (not "a strike on Monday", a walkout)
              r"strikes?(?=\s+on\s+(?:the\s+)?(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|"
              r"March|April|May|June|July|August|September|October|November|December)(?-i:[A-Z])\w)"),
)
TRIGGER = re.compile(
    r"\b(?:" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in TRIGGERS) + r")\b",
    re.IGNORECASE,
)
# A bare plural with no determiner or number talks about attacks in general ("coordinating terrorist
# attacks", "attacks on civilians have risen"), not about one incident.
GENERIC_PLURAL = re.compile(r"(?:attacks|bombings|killings|shootings|kidnappings|abductions|explosions|blasts)$", re.I)
# "reports of killings that began in the early hours of Monday": a plural its own clause places in time
# "reports of attacks by the CODECO militia over the weekend", "killings on Sunday night": a time of their own
SPECIFIED_AFTER = re.compile(r"\s+(?:that|which)\s+(?:began|started|broke\s+out|erupted|took\s+place|happened|"
                             r"occurred|left|killed)\b|"
                             r"(?:\s+(?:by|on|in|against|at)\s+[^,.;]{1,60}?)?\s+(?:over|at|on|last|early\s+on|late\s+on)\s+"
                             r"(?:the\s+)?(?:weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I)
DETERMINED = re.compile(
    r"\b(?:the|a|an|two|three|four|five|six|seven|eight|nine|ten|twin|several|these|those|both|\d+|this|that|"
    r"its|their|his|her|which|monday's|tuesday's|wednesday's|thursday's|friday's|saturday's|sunday's|"
    r"yesterday's|today's|last night's|latest)\W+(?:[\w'-]+\W+){0,2}$",
    re.I,
)
# "apologised for failing to prevent Monday's motorcycle bomb": it happened
FAILED_TO = re.compile(r"\b(?:fail(?:ed|ing|s|ure)?|unable)\s+to\s+(?:prevent|stop|foil|thwart|avert)\W+(?:\w+\W+){0,3}$"
                       # "a dissident may be behind the car bomb": who did it is in doubt, not that it happened
                       r"|\b(?:may|might|could|would)\s+(?:have\s+)?(?:be|been)\s+(?:behind|responsible\s+for|involved\s+in|"
                       r"linked\s+to)\W+(?:\w+\W+){0,3}$", re.I)
NEGATED = re.compile(
    r"\b(?:no|not|never|without|deny|denied|denies|prevent(?:ed)?|foil(?:ed)?|thwart(?:ed)?|avert(?:ed)?|"
    r"threat(?:ened|ens)? (?:of|to)|plot(?:ted|ting)? to|plann(?:ed|ing) to|plans? to|warn(?:ed|s|ing)? of|fear(?:ed|s)? of|"
    r"prepar(?:ed|ing)|plann(?:ed|ing)|plott(?:ed|ing)|fake|imitation|replica|dummy|toy|"
    # "may" in lower case: "has claimed the May 11 attack" names a month, not a possibility
    r"would|could|(?-i:may)|might|if)\W+(?:\w+\W+){0,3}$|"
    # "fired on a car after they took its driver for a suicide bomber": a suspicion, not an attack
    r"\b(?:took|mistook|mistaken|taken|thought|believed|suspected)\s+(?:\w+\s+){1,3}(?:for|to\s+be)\s+an?\s+(?:\w+\s+)?$",
    re.I,
)
# words that make "attack"/"killed"/"violence" no event at all in the sentence
NON_EVENT_CONTEXT = re.compile(r"\b(?:heart attack|panic attack|penalty shoot-?outs?|attack(?:ed|s)? (?:the|his|her) (?:policy|plan|decision|record|government's)|"
                               r"killed (?:the|a) (?:bill|deal|motion|proposal)|the violence of|"
                               # "they held this bill hostage for a year"
                               r"(?:bill|law|legislation|budget|economy|agenda|process|nomination|reform|vote)s? hostage)\b",
                               re.I)
# "shows a fighter building a briefcase bomb", "police found two grenades": a device, not an attack
DEVICE_BEFORE = re.compile(r"\b(?:build|builds|building|built|make|makes|making|assembl(?:e|es|ed|ing)|manufactur(?:e|es|ed|ing)|"
                           r"found|finds|finding|seized|defus(?:e|es|ed|ing)|stockpil(?:e|es|ed|ing)|hid|hidden|hiding)\s+"
                           r"(?:(?:an?|the|two|three|several|some|dozens of|[\d,]+)\s+)?(?:[\w-]+\s+)?$", re.I)
DEVICE_WORD = re.compile(r"(?:[\w-]+[- ])?(?:bombs?|grenades?|IEDs?)$", re.I)
WEAK_TYPES = {"other"}
HIJACKED_VEHICLE = re.compile(r"hijacked\s+(?:[\w-]+\s+){0,2}?(?:lorry|truck|van|car|vehicle|suv|pick-?up)s?\b", re.I)
SPORTS = re.compile(r"\b(?:goalkeeper|goal|penalty|striker|midfielder|defender|half-time|second half|first half|"
                    r"wicket|innings|batsman|bowler|scored|equaliser|equalizer|penalties|extra time|kick-off|"
                    r"semi-final|quarter-final|tournament|cup final|final whistle)\b", re.I)
FIGURATIVE_IN_SPORT = frozenset({"shootout", "siege", "attack"})  # "laid siege to the goal", "under attack all second half"


def find_events(article: Article) -> list[EventMention]:
    events = []
    for index, sentence in enumerate(article.sentences):
        if article.is_excluded_span(sentence):
            continue
        for match in TRIGGER.finditer(sentence.text):
            mention = _mention(article, sentence, index, match)
            if mention is not None:
                events.append(mention)
    return events


def _mention(article: Article, sentence: Span, index: int, match: re.Match) -> EventMention | None:
    before = sentence.text[: match.start()]
    word = match.group(0)
    if NON_EVENT_CONTEXT.search(sentence.text[max(0, match.start() - 12): match.end() + 25]):
        return None
    if (before.lower().endswith("counter-") or word.lower().replace("-", "") in FIGURATIVE_IN_SPORT) \
            and SPORTS.search(sentence.text):
        return None  # "a quick counter-attack" past the goalkeeper; "the shootout went on until the goalkeeper saved"
    if HIJACKED_VEHICLE.match(sentence.text, match.start()):
        return None  # "drove a hijacked beer lorry": the lorry was stolen for the attack, nobody held hostage
    generic = bool(GENERIC_PLURAL.search(word)) and not DETERMINED.search(before[-40:]) \
        and not SPECIFIED_AFTER.match(sentence.text, match.end())
    device = bool(DEVICE_WORD.fullmatch(word)) and DEVICE_BEFORE.search(before[-60:]) is not None
    start = sentence.start + match.start()
    return EventMention(
        trigger=Span.of(article.text, start, start + len(word)),
        type=match.lastgroup or "other",
        sentence=index,
        negated=bool(NEGATED.search(before[-40:]) and not FAILED_TO.search(before[-40:])) or generic or device,
    )


@component("events", requires=("sentences", "excluded"), assigns=("events",))
def make_events():
    def find(article: Article) -> Article:
        article.events = find_events(article)
        return article

    return find
