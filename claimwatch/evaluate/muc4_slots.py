"""The MUC-4 slots the processed data lacks, scored from the raw keys: DATE, LOCATION, EFFECT, CONFIDENCE.

Predicted templates (`muc4_map.PredictedTemplate`) are paired one-to-one with a document's key
templates (the relevant raw templates, aligned by position with the processed `templates`):
a pair needs compatible incident types (ours a substring of the key's, as in the GTT scorer), and
pairs are taken greedily by the number of predicted role entities found among the key template's
entities (ties: earlier templates first, so the main incident meets the first key template).
The extra slots play no part in the pairing. Unpaired predicted templates add their fills to ACT,
unpaired key templates theirs to POS: the 1992 "ALL TEMPLATES" view.

Counts and measures as in the 1992 scorer (docs/scoring-guidelines.v7): a fill is correct (COR),
partially correct (PAR, half credit) or neither; R = (COR + PAR/2) / POS, P = (COR + PAR/2) / ACT.
An optional key fill (`?`) counts in POS only when it is matched; a key's `/` alternatives are all
acceptable and the best is taken.

Matching rules:

INCIDENT: DATE (one fill per template; a key of `-` has none). Key forms, year-less dates taking
    the dateline's year: `03 JAN 90` (that day), `26 AUG 89 - 27 AUG 89` (that range),
    `- 03 JAN 90` (on or before: read as the `OPEN_RANGE_DAYS` days up to it). Our date is a day range
    (a day, week, month or year). Correct if ours lies inside the key's range; partial if the two
    overlap (a month that holds the key's day); else incorrect.
INCIDENT: LOCATION (one fill per template). Key `COUNTRY: NAME (TYPE): NAME (TYPE) - NAME (TYPE)`.
    Incorrect unless the countries agree (ISO code, or the folded name). Correct if our country
    matches and either side names only the country, or one of our names equals one of the key's
    specific names (folded: case, accents and punctuation ignored); partial if both name specific
    places and none agree.
HUM TGT: EFFECT OF INCIDENT, as a set of labels: the key's lines give one fill per distinct label
    (alternatives kept together, cross-references ignored); ours is a set from the killed/wounded
    figures. A label of ours that is one of a key fill's alternatives is correct; NO INJURY or
    NO DEATH where the key says NO INJURY OR DEATH is partial (the 1992 "less information" rule).
PERP: ORGANIZATION CONFIDENCE, one fill per perpetrator organisation. A fill of ours meets the key
    fill whose cross-referenced organisation strings include our organisation's mention (after the
    SQuAD normalisation); the label is correct if it is among the key's alternatives, partial if we
    say SUSPECTED OR ACCUSED where the key says SUSPECTED OR ACCUSED BY AUTHORITIES; a fill whose
    organisation meets no key fill is spurious.

Reference: the per-slot scores of the best 1992 system (highest ALL TEMPLATES F) on TST3 and TST4,
read from docs/muc4_1992_official_slot_scores.tsv. TST3+TST4 is our test split, but the 1992 scorer
matched templates and fills differently (interactive partial credit, per-victim effects): a yardstick only.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .muc4_map import ACCUSED, ACCUSED_BY_AUTHORITIES, HEADER_DEFAULT_DAYS, LocationFill, PredictedTemplate
from .muc4_raw import country_code
from .scorers import ROLES, normalize

SLOTS = ("date", "location", "effect", "confidence")
KEY_SLOT = {
    "date": "INCIDENT: DATE",
    "location": "INCIDENT: LOCATION",
    "effect": "HUM TGT: EFFECT OF INCIDENT",
    "confidence": "PERP: ORGANIZATION CONFIDENCE",
}
OFFICIAL_SLOT = {"date": "inc-date", "location": "inc-loc", "effect": "hum-tgt-effect", "confidence": "perp-org-conf"}
OPEN_RANGE_DAYS = HEADER_DEFAULT_DAYS  # one reading of "on or before", for the keys and for ours
LESS_INFORMATION = {"NO INJURY OR DEATH": frozenset({"NO INJURY", "NO DEATH"})}
PARTIAL_CONFIDENCE = {ACCUSED_BY_AUTHORITIES: ACCUSED}
MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1)}
KEY_DATE = re.compile(r"(\d{1,2})\s*([A-Za-z]{3})[A-Za-z]*\.?(?:\s*(\d{2}))?")
QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')



# ---------------------------------------------------------------- key fills

@dataclass(frozen=True)
class DateKey:
    """A key date alternative: the days from `low` to `high`; `low` None means "on or before high"."""

    low: dt.date | None
    high: dt.date


@dataclass(frozen=True)
class LocationKey:
    country: str
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class SetFill:
    """A set fill of the key: its acceptable labels, whether optional, and the strings it refers to."""

    labels: frozenset[str]
    optional: bool = False
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class KeySlots:
    """The four extra slots of one key template."""

    date: tuple[DateKey, ...] = ()
    has_date: bool = False
    location: tuple[LocationKey, ...] = ()
    effects: tuple[SetFill, ...] = ()
    confidence: tuple[SetFill, ...] = ()


def fold(text: str) -> str:
    """Case, accents and punctuation ignored: "BOGOTÁ (CITY)" and "bogota city" fold alike."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def split_top(value: str, sep: str = "/") -> list[str]:
    """Split at `sep` outside brackets; pieces stripped."""
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(value):
        depth += (ch == "(") - (ch == ")")
        if ch == sep and depth == 0:
            pieces.append(value[start:i])
            start = i + 1
    pieces.append(value[start:])
    return [p.strip() for p in pieces if p.strip()]


def unwrap(text: str) -> str:
    """Strip a leading `?` and brackets that enclose the whole text."""
    text = text.strip().lstrip("?").strip()
    while text.startswith("(") and text.endswith(")") and _balanced(text[1:-1]):
        text = text[1:-1].strip()
    return text


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return False
    return depth == 0


def _key_date(text: str, year: int | None) -> dt.date | None:
    match = KEY_DATE.fullmatch(text.strip())
    if not match or match.group(2).upper() not in MONTHS:
        return None
    full_year = 1900 + int(match.group(3)) if match.group(3) else year
    if full_year is None:
        return None
    try:
        return dt.date(full_year, MONTHS[match.group(2).upper()], int(match.group(1)))
    except ValueError:
        return None


def parse_date_alternative(text: str, year: int | None = None) -> DateKey | None:
    """`03 JAN 90`, `26 AUG 89 - 27 AUG 89` or `- 03 JAN 90` (`year` for year-less dates)."""
    text = unwrap(text)
    if text.startswith("-"):
        high = _key_date(text[1:], year)
        return DateKey(None, high) if high else None
    ends = [_key_date(part, year) for part in text.split(" - ")] if " - " in text else [_key_date(text, year)]
    if None in ends or len(ends) > 2:
        return None
    return DateKey(min(ends), max(ends))


def parse_dates(lines: Sequence[str], year: int | None = None) -> tuple[tuple[DateKey, ...], bool]:
    """The alternatives of a DATE key, and whether the key has a date at all (not `-` or `*`)."""
    value = " ".join(lines).strip()
    if value in ("", "-", "*"):
        return (), False
    parsed = [parse_date_alternative(alt, year) for alt in split_top(value)]
    return tuple(d for d in parsed if d), True


def parse_location_alternative(text: str) -> LocationKey:
    """`EL SALVADOR: SAN MIGUEL (DEPARTMENT): X (TOWN) - Y (TOWN)` -> country and specific names."""
    parts = [unwrap(p) for p in unwrap(text).split(":")]
    names = []
    for part in parts[1:]:
        for piece in part.split(" - "):
            name = re.sub(r"\([^()]*\)", "", piece).strip(" ()")
            if name:
                names.append(name)
    return LocationKey(parts[0].strip(), tuple(names))


def parse_locations(lines: Sequence[str]) -> tuple[LocationKey, ...]:
    value = " ".join(lines).strip()
    if value in ("", "-", "*"):
        return ()
    return tuple(parse_location_alternative(alt) for alt in split_top(value))


def parse_set_fill(line: str) -> SetFill | None:
    """`? REPORTED AS FACT / POSSIBLE: "FMLN" / "ERP"` -> labels, optional, referenced strings."""
    text = line.strip()
    if text in ("", "-", "*"):
        return None
    optional = text.startswith("?")
    head, _, rest = text.lstrip("?").partition(":")
    labels = frozenset(unwrap(label) for label in split_top(unwrap(head)))
    refs = tuple(m.replace('\\"', '"') for m in QUOTED.findall(rest))
    return SetFill(frozenset(label for label in labels if label), optional, refs)


def parse_set_fills(lines: Sequence[str]) -> tuple[SetFill, ...]:
    fills = [parse_set_fill(line) for line in lines]
    return tuple(fill for fill in fills if fill and fill.labels)


def effect_fills(lines: Sequence[str]) -> tuple[SetFill, ...]:
    """One fill per distinct set of labels (cross-references dropped); optional only if every line is."""
    merged: dict[frozenset[str], bool] = {}
    for fill in parse_set_fills(lines):
        merged[fill.labels] = merged.get(fill.labels, True) and fill.optional
    return tuple(SetFill(labels, optional) for labels, optional in merged.items())


def key_slots(template: dict, year: int | None = None) -> KeySlots:
    """The extra slots of one raw key template (`year`: the dateline's, for year-less dates)."""
    dates, has_date = parse_dates(template.get(KEY_SLOT["date"], []), year)
    return KeySlots(
        date=dates,
        has_date=has_date,
        location=parse_locations(template.get(KEY_SLOT["location"], [])),
        effects=effect_fills(template.get(KEY_SLOT["effect"], [])),
        confidence=parse_set_fills(template.get(KEY_SLOT["confidence"], [])),
    )


# ---------------------------------------------------------------- credit

def date_credit(predicted: tuple[dt.date, dt.date], key: DateKey) -> float:
    low = key.low or key.high - dt.timedelta(days=OPEN_RANGE_DAYS)
    if low <= predicted[0] and predicted[1] <= key.high:
        return 1.0
    if predicted[0] <= key.high and low <= predicted[1]:
        return 0.5
    return 0.0


def same_country(predicted: LocationFill, country: str) -> bool:
    code = country_code(country)
    if code and predicted.country_code:
        return code == predicted.country_code.upper()
    return bool(predicted.country) and fold(predicted.country) == fold(country)


def location_credit(predicted: LocationFill, key: LocationKey) -> float:
    if not same_country(predicted, key.country):
        return 0.0
    if not predicted.names or not key.names:
        return 1.0
    ours = {fold(name) for name in predicted.names}
    return 1.0 if ours & {fold(name) for name in key.names} else 0.5


def label_credit(label: str, fill: SetFill, partial: dict[str, frozenset[str] | str]) -> float:
    if label in fill.labels:
        return 1.0
    lesser = {item for gold in fill.labels for item in _as_set(partial.get(gold))}
    return 0.5 if label in lesser else 0.0


def _as_set(value: frozenset[str] | str | None) -> frozenset[str]:
    if value is None:
        return frozenset()
    return frozenset({value}) if isinstance(value, str) else value


# ---------------------------------------------------------------- counts

@dataclass
class SlotCounts:
    pos: int = 0
    act: int = 0
    cor: int = 0
    par: int = 0

    def add(self, other: "SlotCounts") -> None:
        self.pos += other.pos
        self.act += other.act
        self.cor += other.cor
        self.par += other.par

    def credit(self, value: float) -> None:
        self.cor += value == 1.0
        self.par += value == 0.5

    def measures(self) -> dict[str, float]:
        score = self.cor + self.par / 2
        r = score / self.pos if self.pos else 0.0
        p = score / self.act if self.act else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"pos": self.pos, "act": self.act, "cor": self.cor, "par": self.par, "r": r, "p": p, "f1": f1}


def best_one_to_one(ours: Sequence, theirs: Sequence, credit: Callable) -> list[tuple[int, int, float]]:
    """Greedy one-to-one pairs by credit (highest first, then order); pairs with no credit left out."""
    scored = sorted(
        ((credit(a, b), i, j) for i, a in enumerate(ours) for j, b in enumerate(theirs)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    pairs, used_i, used_j = [], set(), set()
    for value, i, j in scored:
        if value > 0 and i not in used_i and j not in used_j:
            pairs.append((i, j, value))
            used_i.add(i)
            used_j.add(j)
    return pairs


def _fills_counts(ours: Sequence, fills: Sequence[SetFill], credit: Callable) -> SlotCounts:
    pairs = best_one_to_one(ours, fills, credit)
    counts = SlotCounts(act=len(ours), pos=sum(not fill.optional for fill in fills))
    for _, j, value in pairs:
        counts.pos += fills[j].optional
        counts.credit(value)
    return counts


def date_counts(predicted: PredictedTemplate | None, key: KeySlots | None) -> SlotCounts:
    ours = predicted.date if predicted else None
    counts = SlotCounts(act=int(ours is not None), pos=int(bool(key and key.has_date)))
    if ours is not None and key is not None and key.date:
        counts.credit(max(date_credit(ours, alt) for alt in key.date))
    return counts


def location_counts(predicted: PredictedTemplate | None, key: KeySlots | None) -> SlotCounts:
    ours = predicted.location if predicted else None
    counts = SlotCounts(act=int(ours is not None), pos=int(bool(key and key.location)))
    if ours is not None and key is not None and key.location:
        counts.credit(max(location_credit(ours, alt) for alt in key.location))
    return counts


def effect_credit(label: str, fill: SetFill) -> float:
    return label_credit(label, fill, LESS_INFORMATION)


def effect_counts(predicted: PredictedTemplate | None, key: KeySlots | None) -> SlotCounts:
    ours = sorted(predicted.effects) if predicted else []
    return _fills_counts(ours, key.effects if key else (), effect_credit)


def confidence_credit(ours: tuple[str, str], fill: SetFill) -> float:
    mention, label = ours
    if normalize(mention) not in {normalize(ref) for ref in fill.refs}:
        return 0.0
    return label_credit(label, fill, PARTIAL_CONFIDENCE)


def confidence_counts(predicted: PredictedTemplate | None, key: KeySlots | None) -> SlotCounts:
    ours = predicted.confidence if predicted else []
    return _fills_counts(ours, key.confidence if key else (), confidence_credit)


SLOT_COUNTS = {"date": date_counts, "location": location_counts, "effect": effect_counts,
               "confidence": confidence_counts}


# ---------------------------------------------------------------- templates

def _entity_hits(predicted: PredictedTemplate, gold: dict) -> int:
    hits = 0
    for role in ROLES:
        golds = [{normalize(m if isinstance(m, str) else m[0]) for m in entity} for entity in gold.get(role, [])]
        hits += sum(any({normalize(m) for m in entity} <= g for g in golds) for entity in predicted.roles.get(role, []))
    return hits


def pair_templates(predicted: Sequence[PredictedTemplate], gold: Sequence[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (ours, key) of type-compatible templates, greedily by shared role entities."""
    scored = sorted(
        ((-_entity_hits(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)
         if p.incident_type in str(g.get("incident_type", ""))),
    )
    pairs, used_i, used_j = [], set(), set()
    for _, i, j in scored:
        if i not in used_i and j not in used_j:
            pairs.append((i, j))
            used_i.add(i)
            used_j.add(j)
    return pairs


def document_counts(predicted: Sequence[PredictedTemplate], gold: Sequence[dict], keys: Sequence[KeySlots]
                    ) -> dict[str, SlotCounts]:
    """Counts of the four slots for one document; `gold[i]` and `keys[i]` are the same template."""
    pairs = pair_templates(predicted, gold)
    matched = [(predicted[i], keys[j]) for i, j in pairs]
    matched += [(p, None) for i, p in enumerate(predicted) if i not in {i for i, _ in pairs}]
    matched += [(None, k) for j, k in enumerate(keys) if j not in {j for _, j in pairs}]
    totals = {slot: SlotCounts() for slot in SLOTS}
    for ours, key in matched:
        for slot in SLOTS:
            totals[slot].add(SLOT_COUNTS[slot](ours, key))
    return totals


@dataclass
class SlotScores:
    """Counts summed over documents."""

    counts: dict[str, SlotCounts] = field(default_factory=lambda: {slot: SlotCounts() for slot in SLOTS})

    def add(self, document: dict[str, SlotCounts]) -> None:
        for slot, counts in document.items():
            self.counts[slot].add(counts)

    def measures(self) -> dict[str, dict[str, float]]:
        return {slot: counts.measures() for slot, counts in self.counts.items()}


# ---------------------------------------------------------------- the 1992 yardstick

def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def best_1992_systems(path: Path) -> dict[str, str]:
    """The system with the highest ALL TEMPLATES F(P&R), per test set."""
    best: dict[str, tuple[float, str]] = {}
    for row in _rows(path):
        score = float(row["F_P&R"])
        if score > best.get(row["testset"], (-1.0, ""))[0]:
            best[row["testset"]] = (score, row["system"])
    return {testset: system for testset, (_, system) in best.items()}


def official_slot_scores(docs: Path) -> dict[str, dict[str, dict[str, object]]]:
    """{slot: {testset: {"system", "r", "p"}}} for the best 1992 system of each test set."""
    best = best_1992_systems(docs / "muc4_1992_official_scores_ALL_TEMPLATES.tsv")
    wanted = {name: slot for slot, name in OFFICIAL_SLOT.items()}
    out: dict[str, dict[str, dict[str, object]]] = {slot: {} for slot in SLOTS}
    for row in _rows(docs / "muc4_1992_official_slot_scores.tsv"):
        if row["slot"] in wanted and best.get(row["testset"]) == row["system"]:
            out[wanted[row["slot"]]][row["testset"]] = {
                "system": row["system"], "r": int(row["REC"]), "p": int(row["PRE"])}
    return out
