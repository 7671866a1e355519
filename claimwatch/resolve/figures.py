"""The history of an incident's casualty figures, and the low / best / high derived from it.

Every figure every member report gives becomes a timeline entry: the number (value, low, high),
its qualifier ("at least", "so far"), the phrase and evidence, and the report (id, outlet,
publication date, main or background) that gave it. Figures about the attackers are left out.

Derivation, per kind (killed, wounded, kidnapped), modelled on UCDP GED's best / low / high:

* only *headline* figures count (the one figure each report gives as the incident's toll); the
  others ("13 of them US service members") stay in the timeline as partial counts;
* **best** = the headline figure of the most recently published report that gives one (UCDP:
  the most reliable, most recent figure); on one day, an exact figure beats a lower bound ("at
  least"), then the larger number wins;
* **low** = the lowest headline figure (its `low` when it gives a range) — every earlier toll is a
  credible lower bound; **high** = the highest (its `high` when it gives a range);
* vague amounts ("dozens") have no number and are only in the timeline.

Background reports (an anniversary piece) are in the timeline and count: a later official toll is
information about the incident even when the report is not news of it.
"""
from __future__ import annotations

from ..model import FIGURE_KINDS
from .types import Member

LOWER_BOUND = ("at least", "more than", "over", "so far", "nearly", "up to")


def _same_span(a: dict, b: dict) -> bool:
    ea, eb = a.get("evidence") or {}, b.get("evidence") or {}
    return bool(ea) and ea.get("start") == eb.get("start") and ea.get("end") == eb.get("end")


def _entry(member: Member, figure: dict, headline: bool) -> dict:
    fields = ("kind", "value", "low", "high", "qualifier", "phrase")
    entry = {k: figure.get(k) for k in fields if figure.get(k) is not None}
    return {**entry, "headline": headline, "article": member.article, "published": member.published,
            "source": member.source, "role": member.role, "mention": member.mention, "evidence": figure.get("evidence")}


def mention_figures(member: Member) -> list[dict]:
    """Every figure of one mention, its headline figures marked."""
    record = member.record
    headlines = [dict(record[kind], kind=kind) for kind in FIGURE_KINDS if record.get(kind)]
    others = [f for f in record.get("figures") or [] if f.get("about", "victims") != "attackers"
              and not any(_same_span(f, h) and f.get("kind") == h["kind"] for h in headlines)]
    return [_entry(member, f, True) for f in headlines] + [_entry(member, f, False) for f in others]


def timeline(members: list[Member]) -> list[dict]:
    """All figures, oldest report first."""
    entries = [e for member in members for e in mention_figures(member)]
    return sorted(entries, key=lambda e: (e["published"] or "", e["mention"], e["kind"], not e["headline"]))


def _number(entry: dict) -> int | None:
    return entry.get("value") if entry.get("value") is not None else entry.get("low", entry.get("high"))


def _recency(entry: dict) -> tuple:
    exact = (entry.get("qualifier") or "").lower() not in LOWER_BOUND
    return entry["published"] or "", exact, _number(entry)


def derive(entries: list[dict], kind: str) -> dict | None:
    """{low, best, high, value, basis} for one kind, or None when no report gives a number."""
    counted = [e for e in entries if e["kind"] == kind and e["headline"] and _number(e) is not None]
    if not counted:
        return None
    best = max(counted, key=_recency)
    low = min(e.get("low", _number(e)) for e in counted)
    high = max(e.get("high", _number(e)) for e in counted)
    value = _number(best)
    return {"value": value, "best": value, "low": min(low, value), "high": max(high, value),
            "qualifier": best.get("qualifier"), "reports": len(counted),
            "basis": {"article": best["article"], "published": best["published"], "source": best["source"]},
            "evidence": best.get("evidence")}
