"""One record per incident, built from its member mentions (and rebuilt whenever they change).

Rules, each a small function:
* the incident is news when at least one member is a main mention; background members (a report
  recounting it) add their figures and statements but are not counted as reports of it;
* type: the type most main mentions give (ties: the earliest report's); all types are kept;
* date: the most precise date the main mentions give (day > week > month > year), the most
  frequent at that precision (ties: the earliest report's); location likewise, city > region > country;
* figures and attribution: see `figures` and `attribution`;
* weapons: every category any member names; suicide: true if any main member says so, else false if
  any says the attackers did not mean to die (caught, got away, a bomb left behind), else unknown;
  parts: the most explosions/attacks any member counts (coordinated attacks at one place and
  time stay one incident with parts, see `claimwatch.resolve`).
"""
from __future__ import annotations

from collections import Counter

from . import attribution, figures
from .types import Member

DATE_PRECISION = ("day", "week", "month", "year")
PLACE_PRECISION = ("city", "region", "country")


def _first(members: list[Member]) -> Member:
    return min(members, key=lambda m: (m.published or "9999", m.mention))


def _vote(values: list):
    """The most frequent value; ties go to the value of the earliest report."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    top = max(counts.values())
    order = {v: i for i, v in reversed(list(enumerate(values)))}
    return min((v for v, n in counts.items() if n == top), key=lambda v: order[v])


def _by_report(members: list[Member]) -> list[Member]:
    return sorted(members, key=lambda m: (m.published or "9999", m.mention))


def best_date(members: list[Member]) -> dict | None:
    dated = [m.record["date"] for m in _by_report(members) if (m.record.get("date") or {}).get("value")]
    for precision in DATE_PRECISION:
        level = [d for d in dated if (d.get("precision") or "day") == precision]
        if level:
            value = _vote([d["value"] for d in level])
            return next(d for d in level if d["value"] == value)
    return None


def best_location(members: list[Member]) -> dict | None:
    placed = [m.record["location"] for m in _by_report(members) if m.record.get("location")]
    for precision in PLACE_PRECISION:
        level = [p for p in placed if (p.get("precision") or _precision(p)) == precision]
        if level:
            # one town however each report spells it: the gazetteer's name votes
            town = lambda p: (p.get("geoname") or p.get("city"), p.get("region"), p.get("country_code"))  # noqa: E731
            key = _vote([town(p) for p in level])
            return next(p for p in level if town(p) == key)
    return None


def _precision(place: dict) -> str:
    return "city" if place.get("city") else "region" if place.get("region") else "country"


def _weapons(members: list[Member]) -> list[str]:
    return sorted({w.get("category") for m in members for w in m.record.get("weapons") or [] if w.get("category")})


def _suicide(main: list[Member]) -> bool | None:
    flags = {m.record.get("suicide") for m in main}
    return True if True in flags else False if False in flags else None


def incident_record(members: list[Member]) -> dict:
    """The incident's record from all its members (main and background)."""
    main = [m for m in members if m.role == "main"]
    basis = main or members
    ordered = _by_report(basis)
    location = best_location(basis)
    fig = figures.timeline(members)
    perps, compclaim = attribution.perpetrators(members, (location or {}).get("country_code"))
    record = {
        "role": "main" if main else "background",
        "type": _vote([m.record.get("type") for m in ordered]),
        "types": sorted({m.record.get("type") for m in basis if m.record.get("type")}),
        "date": best_date(basis), "location": location,
        **{kind: figures.derive(fig, kind) for kind in ("killed", "wounded", "kidnapped")},
        "figures": fig, "perpetrators": perps, "compclaim": compclaim, "attribution": attribution.timeline(members),
        "weapons": _weapons(members), "suicide": _suicide(main),
        "parts": max((m.record.get("parts") or 0 for m in members), default=0) or None,
        "summary": _first(basis).record.get("summary") or "",
        "reports": len({m.article for m in main}),
        "background_reports": len({m.article for m in members} - {m.article for m in main}),
        "first_reported": _first(basis).published,
    }
    return {k: v for k, v in record.items() if v is not None}


def row(record: dict) -> dict:
    """The incidents table's columns for a record."""
    location = record.get("location") or {}
    return {
        "type": record.get("type"), "date": (record.get("date") or {}).get("value"),
        "country_code": location.get("country_code"), "city": location.get("city"), "region": location.get("region"),
        "lat": location.get("lat"), "lon": location.get("lon"),
        "killed": (record.get("killed") or {}).get("best"), "wounded": (record.get("wounded") or {}).get("best"),
        "record": record, "background_only": record.get("role") != "main",
    }


def changes(before: dict | None, after: dict) -> list[tuple[str, dict]]:
    """(action, detail) for what a new record says differently from the old one."""
    before = before or {}
    out = [("changed", {"field": f, "from": _brief(f, before.get(f)), "to": _brief(f, after.get(f))})
           for f in ("type", "date", "location") if _brief(f, before.get(f)) != _brief(f, after.get(f))]
    for kind in ("killed", "wounded", "kidnapped"):
        old, new = _triple(before.get(kind)), _triple(after.get(kind))
        if old != new:
            out.append(("figure", {"kind": kind, "from": old, "to": new}))
    old, new = _perpetrator(before), _perpetrator(after)
    if old != new:
        out.append(("attribution", {"from": old, "to": new, "compclaim": after.get("compclaim", False)}))
    return out


BRIEF = {"date": ("value", "precision"), "location": ("city", "region", "country_code")}


def _brief(field: str, value):
    if isinstance(value, dict):
        return {k: value.get(k) for k in BRIEF[field] if value.get(k) is not None}
    return value


def _triple(figure: dict | None) -> dict | None:
    return {k: figure.get(k) for k in ("low", "best", "high")} if figure else None


def _perpetrator(record: dict) -> dict | None:
    perps = record.get("perpetrators") or []
    return {"name": perps[0]["name"], "basis": perps[0]["basis"]} if perps else None
