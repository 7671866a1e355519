"""The records that flow through claimwatch.

An `Article` enters at ingest, collects annotations from the extract components (dates, places,
figures, weapons, actors, statements, event mentions) and leaves with its `incidents`. Every value
that reaches a user carries `evidence`: one or more `Span`s whose `text` equals
`article.text[start:end]`. Records serialise with `to_dict()`; `None` fields and empty evidence are
dropped so that a value without evidence is never emitted.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

IncidentType = Literal[
    "bombing", "armed_assault", "assassination", "kidnapping", "hostage_taking", "arson",
    "facility_attack", "unarmed_assault", "other",
]
INCIDENT_TYPES: tuple[str, ...] = IncidentType.__args__  # type: ignore[attr-defined]
WEAPON_CATEGORIES = ("explosives", "firearms", "incendiary", "melee", "vehicle", "chemical", "other")
STATEMENT_KINDS = ("claim", "accusation", "denial", "condemnation")
FIGURE_KINDS = ("killed", "wounded", "kidnapped")


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of the article's text: the evidence behind a value."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class DateValue:
    """A date phrase and what it resolves to against the article's anchor date."""

    phrase: str
    evidence: Span
    value: str | None = None  # ISO date; for week/month/year precision the first day
    precision: Literal["day", "week", "month", "year"] | None = None
    relative: bool = False  # resolved against the publication date ("on Wednesday")
    counted_from: str | None = None  # "the fourth anniversary of X": ISO date the years are counted back from


@dataclass
class Place:
    name: str  # the surface form in the text
    evidence: Span
    city: str | None = None
    region: str | None = None
    country: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: Literal["city", "region", "country"] | None = None
    geonameid: int | None = None
    feature: str | None = None  # "GPE", "LOC", "FAC" as tagged
    geoname: str | None = None  # the gazetteer's name of the town (`city` is as the report spells it)
    # an incident's place named where the report tells of it: in the sentence that first does ("a bomb
    # exploded ... in the Nile Delta city of Tanta") or a trigger's locative phrase ("Kampala's twin
    # blasts"), not the dateline, a witness's town or a later paragraph
    anchored: bool = False


@dataclass
class Figure:
    """A casualty count: "at least 95 killed", "hundreds of injuries"."""

    kind: Literal["killed", "wounded", "kidnapped"]
    evidence: Span
    value: int | None = None  # best value; None for vague amounts ("hundreds")
    low: int | None = None
    high: int | None = None
    qualifier: str | None = None  # "at least", "so far", "nearly", "hundreds", ...
    phrase: str = ""
    about: Literal["victims", "attackers", "all"] = "victims"
    main: bool = False  # chosen as the incident's headline figure


@dataclass
class Weapon:
    category: str
    detail: str
    evidence: Span | list[Span]


@dataclass
class Actor:
    """A mention of a party: an armed group, a state, an official, a person."""

    name: str  # canonical name when the registry knows it, else the surface form
    evidence: Span
    kind: Literal["organization", "individual", "state", "state_agency", "group"] = "organization"
    actor_id: str | None = None  # registry id
    parent: str | None = None


@dataclass
class Perpetrator:
    name: str
    kind: str
    basis: Literal["claimed", "accused", "reported", "suspected"]
    evidence: Span | list[Span]
    actor_id: str | None = None


@dataclass
class Statement:
    """A claim, accusation, denial or condemnation about an incident."""

    kind: Literal["claim", "accusation", "denial", "condemnation"]
    by: str | None
    evidence: Span
    against: list[str] = field(default_factory=list)
    channel: str | None = None
    date: str | None = None
    hedged: bool = False
    by_id: str | None = None
    against_ids: list[str | None] = field(default_factory=list)
    channel_evidence: Span | None = None
    date_evidence: Span | None = None
    by_canonical: str | None = None  # the registry's name for `by`, which is the name as the report writes it
    against_canonical: list[str] = field(default_factory=list)


@dataclass
class EventMention:
    """A trigger of a violent event in one sentence ("bombings", "was shot", "kidnapped")."""

    trigger: Span
    type: str
    sentence: int  # index into article.sentences
    background: bool = False
    negated: bool = False


@dataclass(frozen=True)
class RoleSpan:
    """A role filler the roles tagger found (MUC-4 roles: PerpInd, PerpOrg, Target, Victim, Weapon)."""

    role: str
    evidence: Span
    score: float


@dataclass
class Party:
    """A target or victim description."""

    text: str
    evidence: Span
    named: bool = False


@dataclass
class Incident:
    role: Literal["main", "background"]
    type: str | None
    evidence: list[Span]  # the event triggers
    date: DateValue | None = None
    location: Place | None = None
    weapons: list[Weapon] = field(default_factory=list)
    suicide: bool | None = None
    suicide_evidence: Span | None = None
    killed: Figure | None = None
    wounded: Figure | None = None
    kidnapped: Figure | None = None
    figures: list[Figure] = field(default_factory=list)  # every figure reported for it
    perpetrators: list[Perpetrator] = field(default_factory=list)
    targets: list[Party] = field(default_factory=list)
    victims: list[Party] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    confidence: float = 0.5
    summary: str = ""
    parts: int | None = None  # coordinated attacks: number of explosions/attacks reported
    types: list[str] = field(default_factory=list)  # every type its triggers name (a gun and bomb attack: both)


@dataclass
class Failure:
    """Why an input could not become an article, or why a stage gave up on it."""

    source: str  # path, path:line, url
    stage: str
    code: str
    message: str
    article_id: str | None = None
    payload: bytes | None = None  # what the user gave, kept so it can be retried


@dataclass
class Article:
    """One report and everything the pipeline learns from it."""

    id: str
    text: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None  # outlet, feed title or Telegram channel
    channel: str | None = None  # "Telegram" for channel exports, else None
    origin: str | None = None  # the file (and line) it came from
    fmt: str = "text"  # text, html, jsonl, feed, telegram
    country_hint: str | None = None  # ISO alpha-2 of where the report was filed (a dateline kept apart from the text)
    # annotations, filled by extract components
    doc: Any = None  # spaCy Doc; never serialised
    relevant: bool | None = None
    sentences: list[Span] = field(default_factory=list)
    excluded: list[Span] = field(default_factory=list)  # captions, bylines, datelines
    dateline: Span | None = None  # "NAIROBI, Jan. 15 (Wire) —": where the report was filed, not where it happened
    dates: list[DateValue] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    weapons: list[Weapon] = field(default_factory=list)
    suicide_cues: list[Span] = field(default_factory=list)  # "suicide bomber", "blew himself up"
    actors: list[Actor] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    targets: list[Party] = field(default_factory=list)  # physical targets named next to an attack
    victims: list[Party] = field(default_factory=list)  # people named next to a casualty trigger
    attackers: list[Party] = field(default_factory=list)  # descriptions of perpetrators ("gunmen")
    reported: list[Actor] = field(default_factory=list)  # organisations read as the actors of an attack
    events: list[EventMention] = field(default_factory=list)
    roles: list[RoleSpan] = field(default_factory=list)  # role fillers from the roles tagger
    incidents: list[Incident] = field(default_factory=list)
    # a report of no incident that recalls earlier ones (an anniversary): those, all background
    recounted: list[Incident] = field(default_factory=list)
    trace: dict[str, Any] = field(default_factory=dict)  # per-component notes, for debugging

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding character `pos` (-1 when none does)."""
        for i, sent in enumerate(self.sentences):
            if sent.start <= pos < sent.end:
                return i
        return -1

    def is_excluded(self, pos: int) -> bool:
        return any(zone.start <= pos < zone.end for zone in self.excluded)

    def is_excluded_span(self, span: Span) -> bool:
        """The whole span lies in excluded zones (a caption line, not a sentence after a dateline)."""
        return self.is_excluded(span.start) and self.is_excluded(span.end - 1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "published": self.published.isoformat() if self.published else None,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "incidents": [to_dict(incident) for incident in self.incidents],
            **({"recounted": [to_dict(incident) for incident in self.recounted]} if self.recounted else {}),
        }


_NEVER_EMIT = {"doc", "trace", "payload"}
# An incident states these even when the report does not: null says "not reported".
_KEEP_NULL = {"type", "date", "location", "suicide", "killed", "wounded", "kidnapped"}


def to_dict(record: Any) -> Any:
    """Serialise a record to plain JSON types, dropping `None`s and values without evidence."""
    if isinstance(record, Span):
        return record.to_dict()
    if dataclasses.is_dataclass(record):
        out = {}
        for f in dataclasses.fields(record):
            if f.name in _NEVER_EMIT:
                continue
            value = to_dict(getattr(record, f.name))
            if value is None and not (f.name in _KEEP_NULL and isinstance(record, Incident)):
                continue
            if value == [] and f.name == "evidence":
                continue
            out[f.name] = value
        if "evidence" in {f.name for f in dataclasses.fields(record)} and "evidence" not in out:
            return None
        return out
    if isinstance(record, list):
        items = [to_dict(item) for item in record]
        return [item for item in items if item is not None]
    if isinstance(record, dt.date):
        return record.isoformat()
    return record
