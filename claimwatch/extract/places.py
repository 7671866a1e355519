"""The places component: every place mention in the text, in order, geocoded offline.

Candidates are spaCy's GPE/LOC/FAC entities and every capitalised name the gazetteer knows, wherever
spaCy put it (the small model tags "Kerman" NORP and "Karachi" ORG). A name spaCy did not tag as a
place counts only with a cue ("in", "near", "hometown of", "northern", "X province", "X, Texas") or
with support from the article: the same name tagged a place elsewhere, or a big city in a country
the article is about. That country context (`country_context`) counts the countries, demonyms,
capitals, provinces and big cities the article names; demonyms give context but are not places.
"X, Y" reads X inside Y ("El Paso, Texas"). Text without capitals (MUC-4) is matched without case.

A place entity spaCy found that the gazetteer cannot resolve ("Cole Hall", "New Baghdad") is kept
with `precision` None, so that consumers see it was named; its geographic fields stay empty.
Place data: GeoNames (CC BY 4.0), through `gazetteer`.
"""
from __future__ import annotations

import dataclasses

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from spacy.attrs import IDX, IS_STOP, LENGTH, SENT_START

from ..model import Article, Place, Span
from .dates import MONTHS
from .gazetteer import CITY_WORDS, REGION_WORDS, WORLD_CITY, Context, Gazetteer, Geo, load_gazetteer, name_key
from .pipeline import component

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MAX_WINDOW = 6  # tokens in one name: "Democratic Republic of the Congo"
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "az", "ed", "en", "es", "et", "ez"})
CONNECTORS = frozenset({
    "of", "de", "del", "la", "le", "el", "al", "and", "&", "-", "upon", "on", "sur", "da", "do", "dos",
    "das", "di", "du", "des", "van", "von", "der", "den", "y", "e",
})
PREPOSITIONS = frozenset({
    "in", "at", "near", "from", "to", "outside", "inside", "into", "across", "around", "throughout",
    "toward", "towards", "through", "within", "via", "between", "nearby", "outskirts",
})
DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
    "southwestern", "north-east", "north-west", "south-east", "south-west", "north-eastern",
    "north-western", "south-eastern", "south-western", "downtown", "suburban", "rural", "upper", "lower",
})
PLACE_NOUNS = frozenset({
    "town", "city", "village", "province", "state", "region", "district", "county", "governorate",
    "hometown", "capital", "outskirts", "suburb", "suburbs", "area", "neighbourhood", "neighborhood", "quarter",
    "municipality", "port", "heart", "centre", "center", "streets", "mayor", "governor", "residents",
    "people", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "border", "part", "parts", "prefecture", "department", "islands", "island", "resort",
})
STRONG_NOUNS = REGION_WORDS | CITY_WORDS | {"hometown", "capital", "outskirts", "suburbs", "port", "mayor"}
FACILITY_WORDS = frozenset({"airport", "station", "square", "stadium", "market", "mall", "bridge", "harbour", "harbor"})
INSTITUTIONS = frozenset({
    "hospital", "university", "college", "school", "church", "cathedral", "mosque", "temple", "hotel",
    "office", "ministry", "embassy", "company", "party", "club", "institute", "center", "centre",
})
POSSESSED_PLACES = frozenset({"bus", "railway", "train", "bazaar", "hospital", "mosque", "cathedral", "old"})
NEIGHBOURHOOD_WORDS = frozenset({"neighbourhood", "neighborhood", "suburb", "district", "quarter", "area"})
# a landform a name heads: a valley, a gorge or a range abroad is no town abroad
LANDFORM_WORDS = frozenset({"valley", "gorge", "gorges", "mountains", "hills", "range", "plain", "plains", "desert",
                            "river", "basin", "pass", "plateau"})
HINT_WEIGHT = 12  # mentions a separate dateline's country is worth (tuned on MUC-4 dev: 3, 6, 12, 24 gave LOCATION 42.3, 42.8, 43.4, 43.8)
MIN_SHARE = 0.15  # a country with this share of the article's country mentions is "in context"
BIG_CITY = 100_000
KNOWN_CITY = 50_000
SIZEABLE_CITY = 10_000
_SYMBOL = re.compile(r"[$€£¥@#/\\0-9]")
_LETTER = re.compile(r"[^\W\d_]")
_CAPITAL = re.compile(r"[A-Z]")
_SMALL = re.compile(r"[a-z]")
_WORD = re.compile(r"\w+")


class Tokens:
    """The token facts the rules read, gathered once per article (spaCy token access is slow)."""

    def __init__(self, doc, case_sensitive: bool) -> None:
        cols = doc.to_array([IDX, LENGTH, IS_STOP, SENT_START]).astype(np.int64).reshape(-1, 4)
        self.source = doc.text
        self.case_sensitive = case_sensitive
        self.idx = cols[:, 0].tolist()
        self.text = [self.source[i:i + n] for i, n in zip(self.idx, cols[:, 1].tolist())]
        self.lower = [text.lower() for text in self.text]
        self.sent_start = [value == 1 for value in cols[:, 3].tolist()]
        stops = cols[:, 2].tolist()
        self.name = [_name_like(text, stop, case_sensitive) for text, stop in zip(self.text, stops)]
        for i in range(len(self.text) - 2):  # "al-Bab", "el-Arish": the article starts the name
            if self.lower[i] in ARABIC_ARTICLES and self.text[i + 1] == "-" and self.name[i + 2] \
                    and self.idx[i] + len(self.text[i]) == self.idx[i + 1]:
                self.name[i] = True
        self.joins = [name or lower in CONNECTORS for name, lower in zip(self.name, self.lower)]
        self.ents = [(ent.start, ent.end, ent.label_) for ent in doc.ents]

    def __len__(self) -> int:
        return len(self.text)

    def surface(self, start: int, end: int) -> str:
        return self.source[self.idx[start]:self.idx[end - 1] + len(self.text[end - 1])]


@dataclass
class Mention:
    """A stretch of tokens that may name a place."""

    start: int  # token index
    end: int  # token index, exclusive
    key: str
    surface: str
    label: str = ""  # spaCy label of the entity it lies in ("" when none)
    trusted: bool = False  # the whole of a GPE/LOC/FAC entity
    cue: bool = False
    strong: bool = False  # "the town of X", "X province": a cue no common word gets by chance
    embedded: bool = False  # part of a longer capitalised name ("Vista" in "Cielo Vista Mall")
    prefer: str | None = None  # "region" or "city", from a type word beside it
    type_end: int | None = None  # token end including that type word ("Kohat district")
    within: Geo | None = None  # from "X, Y"
    filed_in: bool = False  # the country after a dateline's town ("BANIBANGOU, Niger, Nov 8")
    datelined: bool = False  # the dateline's own name ("BIJELO POLJE, Montenegro, April 3"): a town
    resolved: Geo | None = field(default=None, repr=False)


class PlacesComponent:
    def __call__(self, article: Article) -> Article:
        article.places = find_places(article)
        return article


@component("places", requires=("doc", "sentences"), assigns=("places",))
def make_places():
    return PlacesComponent()


def find_places(article: Article) -> list[Place]:
    """Every place mention in `article` (which has been through spaCy), in text order."""
    gaz = load_gazetteer()
    tokens = Tokens(article.doc, case_sensitive=not _lower_case(article.text))
    mentions = _mentions(tokens, gaz)
    signals = _signals(mentions, gaz)
    countries = _countries_of(signals)
    if article.country_hint:
        # a dateline kept apart from the text (MUC-4's message headers) says which country the report
        # is about, as much as a few mentions would
        countries[article.country_hint.upper()] += HINT_WEIGHT
    context = Context(countries, _named_regions(mentions, gaz, countries))
    _resolve_all(tokens, mentions, gaz, context, signals)
    reading = Reading(article, tokens, gaz, context, mentions)
    places = [place for mention in mentions if (place := _place(reading, mention))]
    places = _with_localities(article, places, context)
    return sorted(places + _capitals(article, places, gaz), key=lambda p: p.evidence.start)


# "the Kenyan capital", "Turkey's capital": the capital city, named by its country
CAPITAL_PHRASE = re.compile(r"\b(?!The |A |In |At |Its |This |That )(?P<country>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)?) capital\b(?!s)")


# "in the capital", "at the capital's police cadet school" (not "the capital of X", "the capital, Kabul")
BARE_CAPITAL = re.compile(r"\b(?:in|at|near|across|around|outside|into|of|above|overlooking|below) the (capital)\b"
                          r"(?!\s+(?:of|city of)\b|,?\s+(?:city\s+)?[A-Z])")


def _capitals(article: Article, places: list[Place], gaz: Gazetteer) -> list[Place]:
    found = []
    for match in CAPITAL_PHRASE.finditer(article.text):
        span = article.span(match.start(), match.end())
        overlapping = [p for p in places if p.evidence.overlaps(span)]
        if overlapping and not (len(overlapping) == 1 and overlapping[0].precision == "country"
                                and overlapping[0].evidence.end <= match.end("country")):
            continue
        code = gaz.country_code_of(match["country"])
        capital = gaz.capital_of(code) if code else None
        if capital is not None:  # "Turkey's capital": the country stays a place, the capital is the last word
            evidence = article.span(match.end() - len("capital"), match.end()) if overlapping else span
            found.append(capital.place(span.text, evidence, "CAPITAL"))
    # "the Iraqi capital" named earlier says which capital "the capital" is, as any other name of the country does
    main = _main_country(article, places + found)
    for match in BARE_CAPITAL.finditer(article.text):  # "an assault in the capital": the main country's
        code = _country_before(article, places, gaz, match.start()) or main
        capital = gaz.capital_of(code) if code else None
        span = article.span(match.start(1), match.end(1))
        if capital is not None and not any(p.evidence.overlaps(span) for p in places + found):
            found.append(capital.place(span.text, span, "CAPITAL"))
    return found


def _main_country(article: Article, places: list[Place]) -> str | None:
    """The country the article names most. A dateline counts once ("COLOMBO, Sri Lanka" is one vote, as
    "COLOMBO" alone is: where the report was filed), and wins a tie: "in the capital" of a report filed
    from abroad about "police in the Maldives" and "Hulhumalé" is the Maldives' capital."""
    counts = Counter(p.country_code for p in places if p.country_code and not in_dateline(article, p))
    filed = [p.country_code for p in places if p.country_code and in_dateline(article, p)]
    for code in dict.fromkeys(filed):
        counts[code] += 1
    if not counts:
        return None
    best = max(counts.values())
    return next((code for code in filed if counts[code] == best), None) or max(counts, key=counts.get)


def _country_before(article: Article, places: list[Place], gaz: Gazetteer, end: int) -> str | None:
    """ "the residence of Haitian President Moïse in the hills above the capital", "the Afghan government
    says 24 were killed at the hospital in the capital": the country its sentence last named before `end`."""
    start = article.sentences[article.sentence_of(end)].start
    found = None
    for word in re.finditer(r"\b[A-Z][\w'’-]+(?= (\w+))?", article.text[start:end]):
        at = start + word.start()
        place = next((p for p in places if p.evidence.start == at and p.precision == "country"), None)
        # a demonym counts where it names the state ("Haitian President", "the Afghan government"), not
        # where it names the victims' nationality ("16 Americans and one Canadian ... the capital")
        state = word.group(1) and word.group(1).lower() in STATE_WORDS
        code = place.country_code if place else (gaz.demonym(name_key(word.group())) if state else None)
        found = code or found
    return found


STATE_WORDS = frozenset("""president president's prime government government's authorities officials minister ministry
police army military security forces troops interior foreign leader leaders capital state""".split())


LOCALITY = re.compile(r"\b(?:village|town|hamlet|settlement|township|camp|city|suburb) of "
                      r"((?:[A-Z][\w'’-]+)(?: (?:[A-Z][\w'’-]+|(?:al|el|ad|ar|as|an)-[\w'’-]+)){0,2})")
# "the Inates army camp", "the Kafolo border post": a garrison named after the place it stands in
GARRISON = re.compile(r"\bthe ((?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+)?) (?:army|military|police|border|gendarmerie) "
                      r"(?:camp|base|outpost|garrison|barracks|post)\b")  # not "the Bundeswehr base": whose it is
# "attacked Beni, the headquarters of Myagdi district", "Bhojpur, a district headquarters in the hills": a name
# the apposition makes a seat of government, which is a town
SEAT = re.compile(r"\b(?:attacked|stormed|raided|overran|overrun|in|at|near|into) ((?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+)?), "
                  r"(?:the|a) (?:[\w-]+ ){0,2}?(?:head-?quarters|seat) (?:of|in) ")
# "stormed the police post at Bhiman": a security post named after the place it stands in
# (not "taken to the army base at X", "a case filed at the police station in X": where someone went after it)
POST_AT = re.compile(r"(?<!\bto )(?<!\bto the )(?<!\bto an )(?<!\bto a )(?<!\bfor the )"
                     r"\b(?:police|army|military|security|border|gendarmerie) (?:post|outpost|camp|base|barracks|checkpoint) (?:at|in) "
                     r"((?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+)?)\b(?! (?:[A-Z]|(?i:street|road|avenue)\b))")
# "attacked an army post at Chinegodar in western Niger": a name after a facility and a locative is a
# place, whatever spaCy tagged it
FACILITY_AT = re.compile(r"\b(?:post|outpost|camp|base|barracks|garrison|checkpoint|mine|market|school|mosque|church|"
                         r"village|town|convoy)\s+(?:at|in|near)\s+$", re.I)


def _country_name(code: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or getattr(country, "name", None)


# "a school in Kuriga in Kaduna state", "in Kuriga, in northwestern Nigeria": an unknown name placed
# inside a known one
# "in Kuriga, in northwestern Nigeria", "in Jangebe, a town in Nigeria's Zamfara state"
_APPOSED = r"(?:(?:a|the) (?:[\w-]+ )?(?:town|village|city|community|settlement|district|locality) )?"
INSIDE = re.compile(r"\b(?:in|at|near|(?:north|south|east|west)[\w-]* of) ((?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+){0,2}),? (?P<apposed>" + _APPOSED + r")in (?:the )?(?:(?:far |north|south|east|west|"
                    r"central|northern|southern|eastern|western|north-?\w+ern|south-?\w+ern)[\w-]*\s+)?")
CONTAINER = re.compile(r"^,? " + _APPOSED + r"in (?:the )?(?:(?:far |north|south|east|west|central)[\w-]*\s+)?")
NOT_PLACE_LABELS = {"PERSON", "ORG", "NORP", "DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
CALENDAR = frozenset("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday""".split())


def _with_localities(article: Article, places: list[Place], context: Context) -> list[Place]:
    """The places, with the localities found by their cues; a name spaCy saw as a place but nothing
    located ("Kuriga" alone) takes the location its cued mention gives. A town the gazetteer reads in
    another country than the one its cue puts it in ("the town of Palma in Mozambique's Cabo Delgado",
    read as Palma on Mallorca) is the cue's locality wherever the report names it."""
    unresolved = [p for p in places if not p.country_code]
    known = [p for p in places if p.country_code]
    found, contained = _localities(article, known, context)
    misread = {(f.name, p.country_code) for f in found if id(f) in contained for p in known
               if p.evidence.overlaps(f.evidence) and p.country_code != f.country_code}
    cued_by_name = {f.name: f for f in found if id(f) in contained}
    for index, place in enumerate(known):
        if (place.name, place.country_code) in misread:
            known[index] = dataclasses.replace(cued_by_name[place.name], evidence=place.evidence)
    by_name: dict[str, Place] = {}
    for index, place in enumerate(known):
        if place.precision != "city" or place.lat is not None:
            continue  # only spaCy's guesses, which no gazetteer entry backs, learn from a cue
        cued = next((f for f in found if f.evidence.overlaps(place.evidence)), None)
        # a cue with no container only guesses the report's main country: it does not move a name
        # the gazetteer read in a country ("the northern Mozambican town of Palma", a district's town)
        if cued is not None and (id(cued) in contained or place.feature == "CUE"):
            known[index] = place = dataclasses.replace(place, region=place.region or cued.region,
                                                       country_code=cued.country_code, country=cued.country)
        by_name.setdefault(place.name, place)
    found = [f for f in found if not any(f.evidence.overlaps(p.evidence) for p in known)]
    for place in found:
        by_name.setdefault(place.name, place)
    for place in unresolved:
        located = by_name.get(place.name) or _near_unknown(article, place, known, context)
        if located is None:
            known.append(place)
        elif not any(f.evidence.overlaps(place.evidence) for f in found):
            found.append(dataclasses.replace(located, evidence=place.evidence))
    return known + found


# "fighting with separatist rebels near Batingaye": a name spaCy reads as a place, right after "near" or
# "outside", is a locality even where no gazetteer knows it
NEAR_BEFORE = re.compile(r"\b(?:near|outside)\s+$")


def _locality_country(article: Article, places: list[Place], context: Context) -> str | None:
    """The country a locality no gazetteer places lies in: the report's likeliest one."""
    if not context.countries:
        return None
    code = max(context.countries, key=context.countries.get)
    # "PARIS (Wire) - ... four engineers killed in Niger ... a raid near the town of Tillia": the country the
    # dateline and a demonym make likeliest is no locality's when no place outside the dateline is in it
    named = Counter(p.country_code for p in places if p.country_code and not in_dateline(article, p))
    if named and code not in named:
        code = named.most_common(1)[0][0]
    return code


def _near_unknown(article: Article, place: Place, known: list[Place], context: Context) -> Place | None:
    if place.feature not in ("GPE", "LOC") or " " in place.name.strip() or \
            not NEAR_BEFORE.search(article.text, max(0, place.evidence.start - 10), place.evidence.start) or \
            load_gazetteer().is_common(name_key(place.name)):
        return None
    # the country of the places its sentence names ("a raid near Koure, southeast of Niamey"), else the report's
    index = article.sentence_of(place.evidence.start)
    sentence = article.sentences[index] if index >= 0 else None
    near = Counter(p.country_code for p in known if p.country_code and sentence is not None
                   and sentence.contains(p.evidence) and not in_dateline(article, p))
    code = near.most_common(1)[0][0] if near else _locality_country(article, known, context)
    if code is None:
        return None
    return dataclasses.replace(place, city=place.name, country_code=code, country=_country_name(code),
                               precision="city", feature="CUE")


def in_dateline(article: Article, place: Place) -> bool:
    """The place is named in the report's dateline ("KABUL, Jan 3 (Wire) —")."""
    return article.dateline is not None and article.dateline.contains(place.evidence)


def _localities(article: Article, places: list[Place], context: Context) -> tuple[list[Place], set[int]]:
    """ "the village of Kuriga", "a school in Kuriga in Kaduna state": a locality neither spaCy nor the
    gazetteer knows, or one it knows only in another country than the container the text puts it in.
    It lies in the known place that follows it, else in the main country. Also: the ids of those
    found inside a container."""
    code = _locality_country(article, places, context)
    if code is None:
        return [], set()
    gaz = load_gazetteer()
    found: list[Place] = []
    contained: set[int] = set()
    for pattern, needs_container in ((LOCALITY, False), (INSIDE, True), (GARRISON, False), (NEAR_DISTANCE, True),
                                     (SEAT, False), (POST_AT, False), (COMMA_REGION, True)):
        for match in pattern.finditer(article.text):
            span = article.span(match.start(1), match.end(1))
            if any(p.evidence.overlaps(span) for p in found):
                continue
            if pattern is INSIDE and not match["apposed"] and not _may_be_place(article, span) and \
                    not FACILITY_AT.search(article.text, max(0, span.start - 30), span.start):
                continue
            if pattern in (GARRISON, NEAR_DISTANCE) and \
                    (not _may_be_place(article, span) or gaz.is_common(name_key(span.text))):
                continue
            # the apposition outweighs spaCy's guess of a person ("attacked Beni, the headquarters of ..."), not of
            # an organisation ("the Pentagon, the headquarters of"); a post's place outweighs any ("the police post
            # at Bhiman", read as an organisation); a province after a comma outweighs a person or an organisation
            # ("in Saraf Omra, North Darfur")
            labels = {SEAT: NOT_PLACE_LABELS - {"PERSON", "NORP"}, POST_AT: {"DATE", "TIME"},
                      COMMA_REGION: NOT_PLACE_LABELS - {"ORG", "PERSON"}}.get(pattern)
            if labels is not None and (not _may_be_place(article, span, labels) or gaz.is_common(name_key(span.text))
                                       or any(p.evidence.overlaps(span) for p in places)
                                       or _province_or_country(span.text, code)):
                continue
            container = _comma_container(article, places, span) if pattern is COMMA_REGION else \
                _container(article, places, span) or _reference(article, places, span) or (
                    _seat_of(article, places, match.end()) if pattern is SEAT else None)
            if needs_container and container is None:
                continue
            located = [p for p in places if p.evidence.overlaps(span) and p.lat is not None]
            # "in Jangebe, a town in ...": the apposition says it is a place, whatever spaCy tagged it
            if located and (container is None or any(p.country_code == container.country_code for p in located)):
                continue
            country = container.country_code if container else (
                _demonym_before(article, span) or (_demonym_in_clause(article, span) if pattern is GARRISON else None) or code)
            region = container.region if container else None
            variant = gaz.city_variant(name_key(span.text))  # "the Syrian city of Qamishli": Al Qamishli
            geo = gaz.resolve(variant, "", Context(countries={country: 1.0}), None, "city") if variant and country else None
            if geo is not None and geo.country_code == country:
                found.append(geo.place(span.text, span, "CUE"))
                continue
            place = Place(name=span.text, evidence=span, city=span.text, country_code=country,
                          country=_country_name(country) if country else None,
                          region=region or _sole_region(places, country), precision="city", feature="CUE")
            found.append(place)
            if container is not None:
                contained.add(id(place))
    return found, contained


def _province_or_country(name: str, code: str) -> bool:
    """ "a police post in Dagestan": a province of the report's country, or a country, is no town."""
    gaz = load_gazetteer()
    return gaz.country_code_of(name) is not None or \
        any(geo.country_code == code for geo in gaz.regions_for(name_key(name), 1))


def _seat_of(article: Article, places: list[Place], end: int) -> Place | None:
    """ "Beni, the headquarters of Myagdi district": the region a seat of government is the seat of."""
    for place in places:
        if end <= place.evidence.start <= end + 4 and place.precision == "region" and place.country_code:
            return _region_of(article, places, place) or place
    return None


def _demonym_in_clause(article: Article, span: Span) -> str | None:
    """ "the Nigerien soldiers killed at the Inates army camp": the country a demonym shortly before names."""
    gaz = load_gazetteer()
    words = re.findall(r"\b[A-Z][a-z]+\b", article.text[max(0, span.start - 60): span.start])
    return next((code for code in map(gaz.demonym, (name_key(w) for w in reversed(words))) if code), None)


def _demonym_before(article: Article, span: Span) -> str | None:
    """ "the Congolese border town of Kasindi": the country a demonym before the cue names."""
    found = DEMONYM_TOWN_BEFORE.search(article.text, max(0, span.start - 40), span.start)
    return load_gazetteer().demonym(name_key(found.group(1))) if found else None


def _container(article: Article, places: list[Place], span: Span) -> Place | None:
    """The known region or country right after `span` ("... in Kaduna state")."""
    for place in places:
        gap = article.text[span.end: place.evidence.start]
        if 0 <= place.evidence.start - span.end <= 40 and CONTAINER.match(gap) and CONTAINER.match(gap).end() == len(gap) \
                and place.precision in ("region", "country") and place.country_code:
            return _region_of(article, places, place) or place
    return None


# "peacekeepers escorting a tanker in Saraf Omra, North Darfur": a name no gazetteer holds, then its province
COMMA_REGION = re.compile(r"\b(?:in|at|near) ((?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+){0,2}), (?=[A-Z])")
COMMA_GAP = re.compile(r", (?:(?:North|South|East|West|Central|Upper|Lower)(?:ern)? )?")


def _comma_container(article: Article, places: list[Place], span: Span) -> Place | None:
    """The known region or country named right after `span` and a comma ("Saraf Omra, North Darfur")."""
    place = next((p for p in places if 0 <= p.evidence.start - span.end <= 16
                  and COMMA_GAP.fullmatch(article.text, span.end, p.evidence.start)), None)
    if place is None or place.precision not in ("region", "country") or not place.country_code:
        return None
    return _region_of(article, places, place) or place


# "a bomb exploded on a bus near Nittambuwa, about 40 km north-east of Colombo": a name the distance places
_DISTANCE = r"(?:(?:some|about|around|roughly|nearly|almost|barely|just|only) )?\d{1,3} ?(?:km|kilometres|kilometers|miles) "
NEAR_DISTANCE = re.compile(r"\b(?:in|at|near|outside) ((?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+){0,2}),? (?=" + _DISTANCE + ")")
# "near the hamlet of Sedeye, some 20 km south of Bankilare": the distance names the town it is measured from
DISTANCE_FROM = re.compile(r"^,? " + _DISTANCE + r"(?:(?:north|south|east|west)[\w-]* )?(?:of|from) (?:the )?$")


def _reference(article: Article, places: list[Place], span: Span) -> Place | None:
    """The known town or region a distance right after `span` is measured from: the locality lies in its country."""
    for place in places:
        gap = article.text[span.end: place.evidence.start]
        if 0 <= len(gap) <= 50 and DISTANCE_FROM.match(gap) and place.country_code and place.precision in ("city", "region"):
            return place
    return None


def _sole_region(places: list[Place], country: str | None) -> str | None:
    """The one region of `country` the article names, if it names just one ("the governor of Kaduna state")."""
    regions = {p.region for p in places if p.precision == "region" and p.country_code == country and p.region}
    return regions.pop() if len(regions) == 1 else None


def _region_of(article: Article, places: list[Place], country: Place) -> Place | None:
    """ "Nigeria's Kaduna state": the region a country names right after it."""
    for place in places:
        if place.precision == "region" and place.country_code == country.country_code and \
                re.fullmatch(r"['’]s\s+", article.text[country.evidence.end: place.evidence.start]):
            return place
    return None


def _may_be_place(article: Article, span: Span, labels: frozenset[str] | set[str] = NOT_PLACE_LABELS) -> bool:
    if span.text.lower() in CALENDAR:
        return False
    doc = getattr(article, "doc", None)
    if doc is None:
        return True
    return not any(ent.label_ in labels and ent.start_char < span.end and span.start < ent.end_char
                   for ent in doc.ents)


def country_context(article: Article) -> Counter[str]:
    """How often the article names each country (alpha-2): by name, demonym, capital, province, city."""
    gaz = load_gazetteer()
    tokens = Tokens(article.doc, case_sensitive=not _lower_case(article.text))
    return _count_countries(_mentions(tokens, gaz), gaz)


def _lower_case(text: str) -> bool:
    """Text written without capitals (MUC-4) or in capitals only: case tells no names there."""
    sample = text[:5000]
    capitals, small = len(_CAPITAL.findall(sample)), len(_SMALL.findall(sample))
    return capitals < 0.005 * len(sample) or small < 0.05 * len(sample)


# --- finding mentions ------------------------------------------------------------------------------


def _mentions(tokens: Tokens, gaz: Gazetteer) -> list[Mention]:
    labels = _token_labels(tokens)
    found: list[Mention] = []
    taken = [False] * len(tokens)
    for start, end, label in tokens.ents:
        if label in PLACE_LABELS and not any(taken[start:end]):
            found.extend(_entity_mentions(tokens, start, end, label, gaz, taken))
    named_groups = [(start, end) for start, end, label in tokens.ents
                    if label == "ORG" and tokens.lower[end - 1].strip("'’") in GROUP_NOUNS]
    for start, end in _scan(tokens, 0, len(tokens), gaz, taken):
        if any(s <= start and end <= e for s, e in named_groups):
            continue  # "the Kurdistan Workers' Party", "the Arakan Army": a party's name, not a place
        found.append(_mention(tokens, start, end, labels[start], trusted=False))
    found.sort(key=lambda mention: mention.start)
    for mention in found:
        _mark_cues(tokens, mention)
    # "LAHORE (Wire) — ... on Lahore's main avenue": spaCy may read the name as a person or an
    # organisation; the dateline has already said it is a place
    found = [m for m in found if not _building_name(tokens, m, found, gaz)]
    datelined = {m.key for m in found if _dateline(tokens, m)}
    for mention in found:
        if mention.label in ("PERSON", "ORG") and mention.key in datelined and mention.end - mention.start == 1:
            mention.cue = True
    return found


# the last word of an organisation's name that makes the names before it part of a party's or an armed
# group's name
GROUP_NOUNS = frozenset({"party", "front", "army", "movement", "brigade", "brigades", "battalion", "battalions",
                         "congress", "alliance", "militia", "militias"})


def _token_labels(tokens: Tokens) -> list[str]:
    labels = [""] * len(tokens)
    for start, end, label in tokens.ents:
        labels[start:end] = [label] * (end - start)
    return labels


def _entity_mentions(tokens: Tokens, start: int, end: int, label: str, gaz: Gazetteer, taken: list[bool]):
    """The whole entity when the gazetteer knows it (or a longer name it starts: "Jammu" + "and
    Kashmir"), else the names inside it, else the entity unresolved."""
    start, end = _trim(tokens, start, end)
    if start >= end:
        return []
    for back in (2, 1):  # "PORT OF SPAIN, Trinidad": spaCy tags "SPAIN"; the name it ends is the place
        first = start - back
        if first >= 0 and tokens.name[first] and not any(taken[first:start]) \
                and all(tokens.joins[k] for k in range(first + 1, start + 1)) \
                and gaz.knows(name_key(tokens.surface(first, end))):
            return [_mention(tokens, first, _take(taken, first, end), label, trusted=True)]
    longest = _longest_known(tokens, start, min(len(tokens), start + 2 * MAX_WINDOW), gaz, taken)
    if tokens.name[start] and longest is not None and longest >= end:
        return [_mention(tokens, start, _take(taken, start, longest), label, trusted=True)]
    if tokens.name[start] and label in ("GPE", "LOC") and end - start > 1 \
            and gaz.city_variant(name_key(tokens.surface(start, end))):
        # "Ras al-Ain", tagged a place: Ra's al 'Ayn as a whole, not the "Ras" inside it
        return [_mention(tokens, start, _take(taken, start, end), label, trusted=True)]
    inner = list(_scan(tokens, start, end, gaz, taken))
    _take(taken, start, end)
    if inner:
        return [_mention(tokens, s, e, label, trusted=False) for s, e in inner]
    return [_mention(tokens, start, end, label, trusted=True)] if tokens.name[start] else []


def _take(taken: list[bool], start: int, end: int) -> int:
    taken[start:end] = [True] * (end - start)
    return end


def _trim(tokens: Tokens, start: int, end: int) -> tuple[int, int]:
    """Drop "the", possessives, punctuation and space around an entity."""
    while start < end and (tokens.lower[start] in ("the", "a", "an") or not tokens.text[start].strip()):
        start += 1
    while end > start and (tokens.lower[end - 1] in ("'s", "’s", "'", "’") or not _wordy(tokens.text[end - 1])):
        end -= 1
    return start, end


def _wordy(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _mention(tokens: Tokens, start: int, end: int, label: str, trusted: bool) -> Mention:
    surface = tokens.surface(start, end)
    return Mention(start, end, name_key(surface), surface, label=label, trusted=trusted)


def _scan(tokens: Tokens, lo: int, hi: int, gaz: Gazetteer, taken: list[bool]):
    """(start, end) of the longest names the gazetteer knows, left to right, in tokens lo..hi."""
    i = lo
    while i < hi:
        end = None
        if tokens.name[i] and not taken[i]:
            end = _longest_known(tokens, i, hi, gaz, taken)
        if end is None:
            i += 1
            continue
        yield i, end
        i = end


def _longest_known(tokens: Tokens, i: int, hi: int, gaz: Gazetteer, taken: list[bool]) -> int | None:
    ends = []
    j = i
    limit = i + MAX_WINDOW  # hyphens do not count: "Saint-Etienne-du-Rouvray" is seven tokens
    while j < min(hi, limit) and (j == i or tokens.joins[j] and not taken[j]):
        if tokens.text[j] == "-":
            limit += 1
        j += 1
        if tokens.name[j - 1]:
            ends.append(j)
    for end in reversed(ends):
        key = name_key(tokens.surface(i, end))
        if gaz.knows(key) and not _filler(tokens, key, end - i, gaz):
            return _extend_form(tokens, i, end, gaz)
    return None


def _filler(tokens: Tokens, key: str, size: int, gaz: Gazetteer) -> bool:
    """A lone word that is no name on its own: "Northern", "el"; in lower-case text any common word."""
    if size > 1:
        return False
    return key in DIRECTIONS or key in CONNECTORS or not tokens.case_sensitive and key in gaz.common_words


def _extend_form(tokens: Tokens, start: int, end: int, gaz: Gazetteer) -> int:
    """ "Palestinian" + "territories": a form that goes on in lower-case words."""
    if name_key(tokens.surface(start, end)) not in gaz.form_heads:
        return end
    for extra in (2, 1):
        words = tokens.text[end:end + extra]
        if len(words) == extra and all(word.isalpha() for word in words):
            if name_key(tokens.surface(start, end + extra)) in gaz.forms:
                return end + extra
    return end


def _name_like(text: str, stop: bool, case_sensitive: bool) -> bool:
    """A token a name can hold: capitalised (any word in lower-case text), not a stop word ("US" is)."""
    if case_sensitive:
        if not text[:1].isupper() or stop and not (len(text) > 1 and text.isupper()):
            return False
        return not _SYMBOL.search(text)
    if stop:
        return False
    return text.isalpha() or ("-" in text or "'" in text) and _LETTER.search(text) and not _SYMBOL.search(text)


# --- cues ------------------------------------------------------------------------------------------


def _mark_cues(tokens: Tokens, mention: Mention) -> None:
    before = _before(tokens, mention.start)
    mention.cue = before is not None
    mention.strong = before in STRONG_NOUNS
    if before in REGION_WORDS or before in CITY_WORDS:
        mention.prefer = "region" if before in REGION_WORDS else "city"
    if mention.end < len(tokens):
        _mark_type_word(tokens, mention)
    if mention.end - mention.start > 1 and tokens.lower[mention.end - 1] in REGION_WORDS | CITY_WORDS:
        mention.cue = mention.strong = True  # "Kerman Province", "Gaza City"
    if mention.start > 0 and tokens.lower[mention.start - 1] in DIRECTIONS:
        mention.cue = True
    if _dateline(tokens, mention):
        mention.cue = mention.strong = mention.datelined = True
    elif _after_dateline_town(tokens, mention):
        mention.cue = mention.strong = mention.filed_in = True
    mention.embedded = tokens.case_sensitive and _embedded(tokens, mention)


def _after_dateline_town(tokens: Tokens, mention: Mention) -> bool:
    """ "BANIBANGOU, Niger, Nov 8": the country after a dateline's town in capitals (whatever spaCy tagged it)."""
    i = mention.start - 1
    if i < 1 or tokens.text[i] != ",":
        return False
    j = i - 1
    while j > 0 and tokens.text[j].isupper() and not _line_start(tokens, j):
        j -= 1
    return _line_start(tokens, j) and tokens.text[j].isupper() and len(tokens.text[j]) > 1


def _dateline(tokens: Tokens, mention: Mention) -> bool:
    """ "BEIRUT (Reuters) -", "KABUL, Afghanistan —": a place in capitals opening a line."""
    if not _line_start(tokens, mention.start) or mention.end >= len(tokens):
        return False
    after = tokens.text[mention.end]
    if after == "(" or mention.surface.isupper() and after in (",", "—", "–", "-"):
        return True
    # "Lima, 20 Aug 88 (EFE) --", but not "Villavicencio, 59, had just walked out" (an age)
    following = tokens.lower[mention.end + 1] if mention.end + 1 < len(tokens) else ""
    month = tokens.lower[mention.end + 2].rstrip(".") if mention.end + 2 < len(tokens) else ""
    return after == "," and following.isdigit() and month in MONTHS


def _before(tokens: Tokens, start: int) -> str | None:
    """The cue word before a name ("in", or "town" in "the town of"), or None."""
    lower = tokens.lower
    j = start - 1
    while j >= 0 and (lower[j] in DIRECTIONS or lower[j] in ("the", "a")):
        j -= 1
    if j < 0:
        return None
    if lower[j] in PREPOSITIONS:
        return lower[j]
    if lower[j] == "," and j > 0 and lower[j - 1] == "capital":
        j -= 1
    if lower[j] == "capital":
        return "capital"  # "the Chechen capital Grozny", "the capital, Kabul": the name is a city's
    if lower[j] == "of" and j > 0 and lower[j - 1] in PLACE_NOUNS:
        return lower[j - 1]
    return None


# "the fall of Khojaly, an Azerbaijani town inside Nagorno-Karabakh": an apposition says the name is a town's
APPOSED_TOWN = re.compile(r",\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,2}?(?:town|village|city|hamlet|settlement)\b")


def _mark_type_word(tokens: Tokens, mention: Mention) -> None:
    if APPOSED_TOWN.match(tokens.source, tokens.idx[mention.end]):
        mention.cue, mention.prefer = True, "city"
        return
    word = tokens.lower[mention.end]
    if word in ("'s", "’s") and any(w in FACILITY_WORDS or w in POSSESSED_PLACES
                                    for w in tokens.lower[mention.end + 1: mention.end + 4]):
        mention.cue = True  # "Jammu's main bus station", "Kabul's airport": the name is the town's
        return
    if word in REGION_WORDS or word in CITY_WORDS:
        mention.cue = mention.strong = True
        mention.prefer = "region" if word in REGION_WORDS else "city"
        mention.type_end = mention.end + 1
    elif word in FACILITY_WORDS and tokens.text[mention.end][:1].isupper():
        mention.cue = True


ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|at|an|az|ash|ath|adh|ul|ud|un|ur|us)[-‑][^\W\d_]{2,}")


def _embedded(tokens: Tokens, mention: Mention) -> bool:
    """Whether capitalised words run on before or after the name ("Cielo Vista Mall", "University of")."""
    prev = mention.start - 1
    if prev >= 0 and tokens.name[prev] and tokens.lower[prev] not in DIRECTIONS and not tokens.sent_start[prev]:
        return True
    j = mention.end
    if j < len(tokens) and ARABIC_ARTICLE.match(tokens.source, tokens.idx[j], tokens.idx[j] + 16):
        return True  # "the Bab al-Saghir cemetery": the name runs on through its article
    if _hyphened_on(tokens, j):
        return True  # "the Kali-Ballee mosque": the first half of a name the gazetteer does not hold
    possessive = j < len(tokens) and tokens.lower[j] in ("'s", "’s")
    if j < len(tokens) and (possessive or tokens.lower[j] == "of"):
        j += 1
    if j >= len(tokens) or not tokens.name[j]:
        return False
    if possessive:  # "Karachi's Nazimabad" is a place in a place; "St. Anthony's Hospital" is not
        return _institution(tokens, j)
    word = tokens.lower[j]
    return word not in REGION_WORDS and word not in CITY_WORDS and word not in FACILITY_WORDS


def _hyphened_on(tokens: Tokens, j: int) -> bool:
    """A hyphen at token j, written tight between the name and a capitalised word that names no country,
    province or town of some size ("Kali-Ballee"; not "the Syria-Turkey border", "the Juba-Yei road")."""
    if j + 1 >= len(tokens) or tokens.text[j] != "-" or not tokens.name[j + 1]:
        return False
    tight = tokens.idx[j] == tokens.idx[j - 1] + len(tokens.text[j - 1]) and tokens.idx[j + 1] == tokens.idx[j] + 1
    if not tight:
        return False
    gaz, key = load_gazetteer(), name_key(tokens.text[j + 1])
    return not (gaz.forms_for(key) or gaz.regions_for(key, 1)
                or any(geo.population >= SIZEABLE_CITY for geo in gaz.cities_for(key)))


def _institution(tokens: Tokens, start: int) -> bool:
    end = start
    while end < len(tokens) and tokens.name[end]:
        end += 1
    return tokens.lower[end - 1] in INSTITUTIONS


# --- context ---------------------------------------------------------------------------------------


def _count_countries(mentions: list[Mention], gaz: Gazetteer) -> Counter[str]:
    return _countries_of(_signals(mentions, gaz))


def _signals(mentions: list[Mention], gaz: Gazetteer) -> Counter[tuple[str, str]]:
    """How often each name points to each country on its own: (name key, alpha-2) -> mentions."""
    counts: Counter[tuple[str, str]] = Counter()
    for mention in mentions:
        code = _signal(mention, gaz)
        if code:
            counts[mention.key, code] += 1
    return counts


def _countries_of(signals: Counter[tuple[str, str]]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for (_, code), n in signals.items():
        counts[code] += n
    return counts


def _signal(mention: Mention, gaz: Gazetteer) -> str | None:
    """The country a mention points to on its own, when it points to one."""
    if (mention.label in ("PERSON", "ORG") and not mention.cue) or mention.embedded:
        return None
    key = mention.key
    if gaz.demonym(key):
        return gaz.demonym(key)
    forms = [form.geo for form in gaz.forms_for(key, mention.surface)]
    if forms and mention.filed_in:  # "Niger" after a dateline's town is the country, not Nigeria's state
        return next((geo.country_code for geo in forms if geo is not None and geo.precision == "country"), None) \
            or _form_signal(key, forms, gaz)
    if forms:
        return _form_signal(key, forms, gaz)
    if not (mention.trusted or mention.cue) or key in gaz.common_words:
        return None
    if mention.prefer == "city":
        return _capital_signal(key, gaz) or _city_signal(key, gaz)
    if mention.prefer == "region":
        return _region_signal(key, gaz)
    return _capital_signal(key, gaz) or _region_signal(key, gaz) or _city_signal(key, gaz)


def _capital_signal(key: str, gaz: Gazetteer) -> str | None:
    """A capital's country, unless a namesake elsewhere is as big as half of it: "Saint-Denis" (Réunion's
    capital, and a town of 96,000 by Paris) points nowhere on its own; "Paris" (Texas: 25,000) still does."""
    code = gaz.capitals.get(key)
    if code is None:
        return None
    cities = [geo for geo in gaz.cities_for(key) if not geo.alternate]
    own = max((geo.population for geo in cities if geo.country_code == code), default=0)
    rival = max((geo.population for geo in cities if geo.country_code != code), default=0)
    return None if rival >= own / 2 else code


def _form_signal(key: str, geos: list, gaz: Gazetteer) -> str | None:
    codes = {geo.country_code for geo in geos if geo is not None}
    if len(codes) != 1:
        return None
    code = codes.pop()
    elsewhere = {geo.country_code for geo in gaz.regions_for(key, 1)} - {code}
    return None if elsewhere else code  # "Georgia" is also a US state


def _region_signal(key: str, gaz: Gazetteer) -> str | None:
    """The country of the one first-level region of that name, unless towns of some size elsewhere bear the
    name too: "Bor" is a district of Serbia, and the town of Bor in South Sudan, Turkey and Russia."""
    codes = {geo.country_code for geo in gaz.regions_for(key, 1)}
    return codes.pop() if len(codes) == 1 and not _towns_elsewhere(key, codes, gaz) else None


def _towns_elsewhere(key: str, codes: set[str], gaz: Gazetteer) -> bool:
    """Towns of some size outside `codes` bear the name (by their main name)."""
    return any(not geo.alternate and geo.population >= SIZEABLE_CITY and geo.country_code not in codes
               for geo in gaz.cities_for(key))


def _city_signal(key: str, gaz: Gazetteer) -> str | None:
    cities = [geo for geo in gaz.cities_for(key) if not geo.alternate and geo.population >= KNOWN_CITY]
    codes = {geo.country_code for geo in cities}
    if len(codes) == 1 and max(geo.population for geo in cities) >= 300_000:
        return codes.pop()
    return None


def _named_regions(mentions: list[Mention], gaz: Gazetteer, countries: Counter[str]) -> frozenset[tuple[str, str]]:
    """The first-level subdivisions the article names ("Illinois"), as (alpha-2, name)."""
    named = set()
    for mention in mentions:
        if mention.trusted or mention.cue:
            # a name that towns elsewhere bear too names a region only in a country the article names
            # otherwise ("Bor", in a report on South Sudan, is no district of Serbia)
            regions = gaz.regions_for(mention.key, 1)
            ambiguous = _towns_elsewhere(mention.key, {geo.country_code for geo in regions}, gaz)
            named.update((geo.country_code, geo.region) for geo in regions
                         if not ambiguous or countries.get(geo.country_code))
    return frozenset(named)


# --- resolving -------------------------------------------------------------------------------------


# "Indian-controlled Kashmir", "Pakistani-administered Kashmir": the region on that country's side
CONTROLLED_BEFORE = re.compile(r"\b([A-Z][a-z]+)-(?:controlled|administered|held|occupied|ruled)\s+$")
# "the northern Lebanese city of Tripoli", "the Iraqi town of Tal Afar": a demonym names the country
# "the Congolese border town of Kasindi"
DEMONYM_TOWN_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:(?:port|border|market|mining|frontier|garrison|coastal|river|desert|mountain|hill)\s+)?"
                                 r"(?:city|town|village|capital|port|province|region)\s+of\s+$")


def _resolve_all(tokens: Tokens, mentions: list[Mention], gaz: Gazetteer, context: Context,
                 signals: Counter[tuple[str, str]]) -> None:
    for mention in mentions:
        mention.within = _controlled_by(tokens, mention, gaz)
        mention.resolved = _resolve(mention, gaz, context, mention.within)
    for first, second in zip(mentions, mentions[1:]):
        _read_within(tokens, first, second, gaz, context)
    _one_reading(mentions, gaz, context, signals)


def _one_reading(mentions: list[Mention], gaz: Gazetteer, context: Context, own: Counter[tuple[str, str]]) -> None:
    """One name, one place in a report. A name the text puts in a country ("the northern Mozambican
    town of Palma") keeps that reading wherever the report repeats it. And a city of a country that
    nothing else in the report names (Palma on Mallorca, in a report about Mozambique whose only
    Spanish signal is "Palma" itself) gives way to the district town of that name in a country the
    report does name."""
    placed = {m.key: m.resolved for m in mentions if m.within is not None and m.resolved is not None
              and m.resolved.precision == "city"}
    # "Lamitan City" first, then "Lamitan": the short name is the city the long one named
    for m in mentions:
        if m.resolved is not None and m.resolved.precision == "city" and m.key.endswith(" city"):
            placed.setdefault(m.key[: -len(" city")], m.resolved)
    for mention in mentions:
        geo = mention.resolved
        if geo is None or geo.precision != "city" or mention.within is not None:
            continue
        told = placed.get(mention.key)
        if told is not None and (told.country_code, told.region) != (geo.country_code, geo.region):
            mention.resolved = told
        elif context.total and context.count(geo.country_code) <= own[mention.key, geo.country_code] \
                and geo.country_code not in CITY_STATES:  # a city-state's own name names its country
            local = gaz.district_town(mention.key, context)
            if local is not None and local.country_code != geo.country_code:
                mention.resolved = local


def _controlled_by(tokens: Tokens, mention: Mention, gaz: Gazetteer) -> Geo | None:
    start = tokens.idx[mention.start]
    found = CONTROLLED_BEFORE.search(tokens.source, max(0, start - 40), start) or \
        DEMONYM_TOWN_BEFORE.search(tokens.source, max(0, start - 40), start)
    code = gaz.demonym(name_key(found.group(1))) if found else None
    return gaz.countries.get(code) if code else None


# countries that are one city: their name is the city's as well
CITY_STATES = frozenset({"SG", "MO", "HK", "MC", "GI", "VA", "SM"})


def _resolve(mention: Mention, gaz: Gazetteer, context: Context, within: Geo | None = None) -> Geo | None:
    if gaz.demonym(mention.key):
        return None
    geo = gaz.resolve(mention.key, mention.surface, context, within, mention.prefer)
    if geo is None and mention.prefer:
        geo = gaz.resolve(mention.key, mention.surface, context, within)
    if geo is not None and geo.precision == "country" and mention.datelined:
        # "LUXEMBOURG, Dec 3", "DJIBOUTI, June 11": a correspondent files from a city; a country's name in the
        # dateline is its capital of that name
        capital = gaz.capital_of(geo.country_code)
        geo = capital if capital is not None and name_key(capital.city or "") == mention.key else geo
    if geo is not None and geo.precision == "country" and geo.country_code in CITY_STATES \
            and (mention.datelined or mention.cue):
        # "a bomb wrecked a car in Macau": a city-state's name, where a preposition or the dateline says it is a
        # place, is its city's (not in a list of countries: "the United States, France, Singapore and Canada")
        towns = [town for town in gaz.cities_for(mention.key) if town.country_code == geo.country_code]
        geo = max(towns, key=lambda town: town.population, default=None) or gaz.capital_of(geo.country_code) or geo
    if geo is not None and geo.precision == "region" and mention.datelined:
        # a correspondent files from a town: "BIJELO POLJE" is the town of 15,000, not the municipality named
        # after it, where the gazetteer has both in one country
        town = gaz.resolve(mention.key, mention.surface, context, within, "city")
        geo = town if town is not None and town.precision == "city" and town.country_code == geo.country_code else geo
    if geo is None and (mention.trusted and mention.label in ("GPE", "LOC") or mention.strong):
        variant = gaz.city_variant(mention.key)  # "Nassiriya", tagged a place, is Nasiriya
        geo = gaz.resolve(variant, "", context, within, "city") if variant else None
    return geo


def _read_within(tokens: Tokens, first: Mention, second: Mention, gaz: Gazetteer, context: Context) -> None:
    """ "El Paso, Texas": the first name inside the region or country the second names (not after
    "Indian-controlled Kashmir, Pakistan said", whose side is already known)."""
    if second.start != first.end + 1 or tokens.text[first.end] != "," or first.within is not None:
        return
    if second.end < len(tokens) and tokens.lower[second.end] in ("'s", "’s"):
        return  # "killed Giovanni Falcone, Italy's best-known magistrate": an apposition, not a town's country
    outer = second.resolved
    if outer is not None and outer.precision == "city":
        # "Rehoboth Beach, Delaware": the second name read as a town (Delaware, Ohio) may be the region
        # that holds the first
        outer = gaz.resolve(second.key, second.surface, context, prefer="region")
        if outer is None or outer.precision != "region":
            return
        inner = _resolve(first, gaz, context, within=outer)
        if inner is None or inner.precision == "country":
            return
        second.resolved = outer
    if outer is None or outer.precision == "city":
        return
    inner = _resolve(first, gaz, context, within=outer)
    if inner is not None and inner.precision != "country":
        first.resolved, first.within, first.cue, second.cue = inner, outer, True, True


# --- keeping ---------------------------------------------------------------------------------------


@dataclass
class Reading:
    """One article's mentions, resolved, and what the rules that keep them consult."""

    article: Article
    tokens: Tokens
    gaz: Gazetteer
    context: Context
    mentions: list[Mention]

    def tagged_elsewhere(self, mention: Mention) -> bool:
        """One sense per article: the same name spaCy tagged a place, and it resolved."""
        return any(other.trusted and other.key == mention.key and other.resolved for other in self.mentions)

    def in_context(self, geo: Geo) -> bool:
        total = self.context.total
        return not total or self.context.count(geo.country_code) >= MIN_SHARE * total

    @cached_property
    def persons(self) -> frozenset[str]:
        """Every word of every person's name."""
        tokens = self.tokens
        return frozenset(word for s, e, label in tokens.ents if label == "PERSON" for word in tokens.lower[s:e])

    @cached_property
    def person_names(self) -> frozenset[str]:
        """The keys of persons' surnames and full names ("medina", "guillermo medina")."""
        tokens = self.tokens
        spans = [(s, e) for s, e, label in tokens.ents if label == "PERSON"]
        return frozenset(name_key(tokens.surface(s, e)) for start, end in spans for s, e in ((start, end), (end - 1, end)))


def _place(reading: Reading, mention: Mention) -> Place | None:
    geo = mention.resolved
    if geo is None:
        return _unresolved(reading, mention)
    if not _keep(reading, mention, geo):
        return None
    if mention.within is None and geo.precision == "city" and not reading.in_context(geo):
        relocated = _relocated(reading, mention, geo)
        if relocated is not None:
            return relocated
    if geo.precision == "region":
        town = _dateline_namesake(reading, mention, geo)
        if town is not None:
            start, end = _char_span(reading.tokens, mention, town)
            return town.place(reading.article.text[start:end], reading.article.span(start, end), "GAZ")
    start, end = _char_span(reading.tokens, mention, geo)
    feature = mention.label if mention.trusted else "GAZ"
    text = reading.article.text
    return geo.place(text[start:end], reading.article.span(start, end), feature)


STREET_WORDS = frozenset({"rue", "avenue", "boulevard", "calle", "avenida", "rua", "via", "viale", "chaussée", "chaussee",
                          "quai", "place", "plaza", "piazza", "strasse", "straße", "allée", "allee", "cours"})
STREET_PARTICLES = frozenset({"du", "de", "des", "de la", "del", "della", "di", "do", "da", "dos", "das", "la", "le", "d'"})


def _in_street_name(tokens: Tokens, mention: Mention) -> bool:
    """ "on Rue du Marché au Charbon", "Avenue Louise", "Tarata street": a name on a street sign, not the town or
    region."""
    i = mention.start - 1
    if i >= 0 and tokens.lower[i] in STREET_PARTICLES:
        i -= 1
    if i >= 1 and tokens.lower[i] == "la" and tokens.lower[i - 1] == "de":
        i -= 2
    if i >= 0 and tokens.lower[i] in STREET_WORDS and tokens.text[i][:1].isupper():
        return True
    # "blew up in Tarata street", "on Kandy Road": the name of a street, with its street word after it
    # (not "the Khash-Zahedan road": a road's two ends frame where on it)
    end = mention.type_end or mention.end
    joined = mention.start > 0 and tokens.text[mention.start - 1] in ("-", "–", "—")
    return not joined and end < len(tokens.lower) and tokens.lower[end] in STREET_WORDS_AFTER


STREET_WORDS_AFTER = frozenset({"street", "avenue", "road", "boulevard", "lane", "st", "st.", "ave", "rd"})


def _keep(reading: Reading, mention: Mention, geo: Geo) -> bool:
    if _in_street_name(reading.tokens, mention):
        return False
    if mention.label == "PERSON" and not mention.cue:
        # "the Alexandria cathedral", tagged a person, where the article names Alexandria a place elsewhere
        return _names_facility(reading.tokens, mention) and reading.tagged_elsewhere(mention) and reading.in_context(geo)
    if mention.within is not None:
        return True
    if not mention.trusted and geo.precision == "city" and _names_office(reading.tokens, mention):
        return False  # "the Justice Department", "the Interior Ministry": no town of Justice
    if geo.precision != "country" and _acronym(reading.tokens, mention):
        return False  # "CIA", "NIU", "UN" are no towns
    if geo.precision == "country" or reading.gaz.forms_for(mention.key, mention.surface):
        return _keep_country(reading, mention)
    if not mention.cue and mention.key in reading.person_names:
        return False  # "Medina said", after "Guillermo Medina"
    if mention.key in reading.gaz.common_words:
        return _keep_common(reading, mention, geo)
    if mention.embedded and not reading.tagged_elsewhere(mention):
        return False
    if geo.precision == "city" and mention.end < len(reading.tokens) \
            and reading.tokens.lower[mention.end] in LANDFORM_WORDS and _named_by_itself(reading, mention, geo):
        return False  # "the Rasht valley" in a report from Tajikistan names a valley, not the city of Iran
    if not reading.in_context(geo):
        return _keep_abroad(reading, mention, geo)
    if mention.trusted:
        return True
    return _keep_untagged(reading, mention, geo)


def _named_by_itself(reading: Reading, mention: Mention, geo: Geo) -> bool:
    """No other name of the article (a town, a region, the dateline) lies in the place's country: only the
    name itself speaks for it."""
    return not any(other.key != mention.key and other.resolved is not None
                   and other.resolved.country_code == geo.country_code for other in reading.mentions)


BUILDING_WORDS = frozenset("""airport stadium university hospital hotel mall square bridge park mosque church
cathedral basilica chapel shrine monastery synagogue temple school college academy station market bazaar arena
avenue boulevard""".split())
# after a town's name: an office, not the town. "Department" only as US usage writes it ("the Justice
# Department"): "Antioquia department" or "santa ana department" is the region of that name
OFFICE_WORDS = frozenset("ministry minister secretary party".split())


def _building_name(tokens: Tokens, mention: Mention, found: list[Mention], gaz: Gazetteer) -> bool:
    """ "Ataturk Airport": a name on a building that no big city bears and the text never uses alone;
    "Istanbul's Atatürk Airport", "Karachi's Nazimabad area": a small name inside a big city's."""
    if mention.key in gaz.forms:
        return False
    if _after_big_city(tokens, mention, gaz):
        return _biggest_city(gaz, mention.key) < BIG_CITY
    if not _names_facility(tokens, mention):
        return False
    if any(m.key == mention.key and not _names_facility(tokens, m) for m in found):
        return False
    return _biggest_city(gaz, mention.key) < BIG_CITY and not gaz.regions_for(mention.key)


def _biggest_city(gaz: Gazetteer, key: str) -> int:
    return max((geo.population for geo in gaz.cities_for(key)), default=0)


def _after_big_city(tokens: Tokens, mention: Mention, gaz: Gazetteer) -> bool:
    """The mention follows "<big city>'s"."""
    if mention.start < 2 or tokens.lower[mention.start - 1] not in ("'s", "’s"):
        return False
    return _biggest_city(gaz, name_key(tokens.text[mention.start - 2])) >= BIG_CITY


def _names_office(tokens: Tokens, mention: Mention) -> bool:
    return mention.end < len(tokens) and (tokens.lower[mention.end] in OFFICE_WORDS
                                          or tokens.text[mention.end] == "Department")


def _names_facility(tokens: Tokens, mention: Mention) -> bool:
    return mention.end < len(tokens) and tokens.lower[mention.end] in BUILDING_WORDS


def _keep_abroad(reading: Reading, mention: Mention, geo: Geo) -> bool:
    """A place outside the article's countries: a province spaCy tagged, or a town big enough."""
    if geo.precision == "region":
        return mention.trusted and geo.level == 1 and not geo.alternate
    if mention.type_end and reading.tokens.lower[mention.end] in NEIGHBOURHOOD_WORDS:
        return False  # "the San Rafael neighborhood" lies in the article's own city
    if not mention.trusted and _names_facility(reading.tokens, mention):
        return False  # "near the Salam mosque" in Giza names a mosque, not a town abroad (Saham, Oman)
    if not mention.cue and set(_WORD.findall(mention.surface.lower())) <= reading.persons:
        return False  # "alias Modesto"
    allowed = mention.trusted or mention.cue and reading.tokens.case_sensitive
    if allowed and mention.cue and reading.tokens.case_sensitive and _country_in_sentence(reading, mention, geo):
        return True  # "in Ras al-Ain, a Syrian border town", in a report full of Turkey: a small town named so
    return allowed and _known(geo)


def _countries_in_sentence(reading: Reading, mention: Mention) -> set[str]:
    """The countries the mention's sentence names, by name or by their people ("Syria", "a Syrian town")."""
    tokens = reading.tokens
    start = mention.start
    while start > 0 and not tokens.sent_start[start] and not _line_start(tokens, start):
        start -= 1
    end = mention.end
    while end < len(tokens) and not tokens.sent_start[end] and not _line_start(tokens, end):
        end += 1
    return {code for i in range(start, end) if tokens.name[i] and i not in range(mention.start, mention.end)
            and (code := reading.gaz.country_code_of(tokens.text[i]))}


def _country_in_sentence(reading: Reading, mention: Mention, geo: Geo) -> bool:
    """The mention's sentence names the place's country, or its people ("Syria", "a Syrian town")."""
    return geo.country_code in _countries_in_sentence(reading, mention)


def _owner_in_sentence(reading: Reading, mention: Mention, geo: Geo) -> str | None:
    """A country of the article's own that the mention's sentence names where it does not name the
    reading's: "Bahrain's main prison at Jau", in a report about Bahrain, is no Jau in Brazil."""
    named = _countries_in_sentence(reading, mention)
    if geo.country_code in named:
        return None
    owners = sorted(code for code in named if reading.context.count(code) >= MIN_SHARE * reading.context.total)
    return owners[0] if len(owners) == 1 else None


def _relocated(reading: Reading, mention: Mention, geo: Geo) -> Place | None:
    """A town kept abroad (outside the article's countries), in a sentence that names a country of the
    article's own instead: a locality of that country the gazetteer lacks (no coordinates)."""
    tokens = reading.tokens
    if geo.capital or geo.population >= WORLD_CITY or mention.start == 0 or mention.type_end is not None \
            or tokens.lower[mention.start - 1] not in ("at", "in", "near", "outside", "of"):
        return None  # "a Christmas market in Berlin", "the Boni forest", "the Delta city" keep their readings
    owner = _owner_in_sentence(reading, mention, geo)
    if owner is None:
        return None
    start, end = _char_span(reading.tokens, mention, None)
    name = reading.article.text[start:end]
    return Place(name=name, evidence=reading.article.span(start, end), feature=mention.label if mention.trusted else "GAZ",
                 city=name, precision="city", country_code=owner)


def _dateline_namesake(reading: Reading, mention: Mention, geo: Geo) -> Geo | None:
    """ "BENI, Democratic Republic of Congo -- ... North Kivu's Beni territory": a region abroad (Bolivia's
    El Beni) that bears the name of the dateline's town in another country is the town's own district:
    the town's reading, in the town's country. So is one that bears the name of a town read in a country
    the article names more ("San Lorenzo and Eloy Alfaro, two cantons of Esmeraldas province", after the
    car bomb in San Lorenzo, Ecuador, is no municipality of Puerto Rico)."""
    for other in reading.mentions:
        town = other.resolved
        if other is not mention and other.key == mention.key and town is not None and town.precision == "city" \
                and town.country_code != geo.country_code and (
                    _dateline(reading.tokens, other)
                    or reading.context.count(town.country_code) > reading.context.count(geo.country_code)):
            return town
    return None


def _keep_country(reading: Reading, mention: Mention) -> bool:
    """A country, unless named in an organisation's name or as a town's part ("America neighborhood")."""
    if mention.type_end and reading.tokens.lower[mention.end] in CITY_WORDS:
        return False
    return mention.trusted or mention.cue or mention.label != "ORG"


def _keep_untagged(reading: Reading, mention: Mention, geo: Geo) -> bool:
    """A name in the article's countries that spaCy did not tag a place: it needs a cue or backing."""
    if mention.strong or reading.tagged_elsewhere(mention):
        return True
    if not reading.tokens.case_sensitive:  # "in turn", "in gray": lower-case text needs more
        return not geo.alternate and (geo.population >= BIG_CITY or mention.cue and geo.population >= SIZEABLE_CITY)
    if mention.cue or geo.precision == "region" and _after_a_name_and_comma(reading.tokens, mention):
        return True  # "in Saraf Omra, North Darfur": the province a name is placed in
    return mention.label != "ORG" and geo.precision == "city" and not geo.alternate and geo.population >= BIG_CITY


def _after_a_name_and_comma(tokens: Tokens, mention: Mention) -> bool:
    i = mention.start
    return i >= 2 and tokens.text[i - 1] == "," and tokens.name[i - 2] and not tokens.sent_start[i - 2]


def _keep_common(reading: Reading, mention: Mention, geo: Geo) -> bool:
    """ "Reading", "Mobile", "Police": a big city spaCy tagged, or a cue and the article's country."""
    if mention.trusted and geo.population >= BIG_CITY:
        return True
    return mention.cue and not mention.embedded and reading.in_context(geo) and (
        mention.trusted or geo.population >= SIZEABLE_CITY
    )


def _known(geo: Geo) -> bool:
    """A town outside the article's countries must be big enough to be the one meant."""
    return geo.population >= (BIG_CITY if geo.alternate else KNOWN_CITY)


def _acronym(tokens: Tokens, mention: Mention) -> bool:
    """A short name in capitals that spaCy did not tag a place, outside a dateline ("KABUL, Afghanistan")."""
    letters = [ch for ch in mention.surface if ch.isalpha()]
    if mention.trusted or not tokens.case_sensitive or len(letters) > 5 or not all(ch.isupper() for ch in letters):
        return False
    return not _dateline(tokens, mention)


def _line_start(tokens: Tokens, i: int) -> bool:
    return i == 0 or "\n" in tokens.text[i - 1] or "\n" in tokens.source[tokens.idx[i - 1]:tokens.idx[i]]


def _unresolved(reading: Reading, mention: Mention) -> Place | None:
    """A place entity the gazetteer cannot resolve, kept only when it looks like a real name."""
    gaz = reading.gaz
    if not mention.trusted or mention.key in gaz.forms or mention.key in gaz.common_words:
        return None
    if gaz.demonym(mention.key) or not (mention.end - mention.start > 1 or mention.cue):
        return None
    if any(word in reading.persons for word in _WORD.findall(mention.surface.lower())):
        return None
    start, end = _char_span(reading.tokens, mention, None)
    place = Place(name=reading.article.text[start:end], evidence=reading.article.span(start, end), feature=mention.label)
    return _settled(reading, mention, place)


SETTLEMENT_NOUNS = frozenset({"village", "town", "hamlet", "city", "hometown", "settlement", "camp", "township"})


def _settled(reading: Reading, mention: Mention, place: Place) -> Place:
    """ "the village of Kuriga": a locality the gazetteer lacks, placed in the article's main country."""
    cue = _before(reading.tokens, mention.start)
    countries = reading.context.countries
    if cue not in SETTLEMENT_NOUNS or not countries:
        return place
    # "Bahrain's news agency says the explosives that killed a policeman in the village of Karana", in a
    # report that names Iran more often: the country its own sentence names, where it names one
    named = [code for code in _countries_in_sentence(reading, mention) if countries.get(code)]
    code = named[0] if len(named) == 1 else max(countries, key=countries.get)
    place.city, place.precision, place.country_code = place.name, "city", code
    return place


def _char_span(tokens: Tokens, mention: Mention, geo: Geo | None) -> tuple[int, int]:
    last = mention.end
    if mention.type_end and geo is not None and _type_fits(tokens.lower[mention.end], geo):
        last = mention.type_end
    return tokens.idx[mention.start], tokens.idx[last - 1] + len(tokens.text[last - 1])


def _type_fits(word: str, geo: Geo) -> bool:
    """ "Kerman Province" (a region), "Kohat district" (the town a district is placed at) keep the word."""
    return (word in REGION_WORDS) == (geo.precision == "region" or geo.district is not None)
