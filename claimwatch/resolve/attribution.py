"""Who did it: the history of claims, accusations and denials, and the perpetrator on a ladder.

Timeline: every statement of every member report (claim, accusation, denial, condemnation) with
who made it, against whom, through what channel, on what date (the statement's own date, else the
report's), and the report it came from; and every perpetrator a report names, with its basis.

Ladder of certainty, highest first (`LADDER`):

1. **claimed** — the actor claimed it (a claim statement by it, or a perpetrator the report says
   claimed it);
2. **official** — an official attribution: the report states the perpetrator as fact (basis
   "reported"), or a state or state agency of the incident's own country accuses it;
3. **accused** — anyone else accuses it (basis "accused", or an accusation statement);
4. **suspected** — hedged accusations and perpetrators the report only suspects.

Each actor (one registry entry: "Daesh" and "IS militants" are one; without the registry, one
folded name) takes the highest level any report gives it. A parent organisation named beside one
of its own branches ("Islamic State" beside "IS-K") is folded into the branch. The perpetrator is
the highest on the ladder among *named* actors (registry entries, organisations, states; a mere
description — "gunmen", "a bomber" — comes after every named actor, whatever its level; ties:
more reports, then the earliest); the others are kept as competing attributions, and `compclaim`
is true when two or more unrelated actors claimed it (GTD's compclaim). A denial never removes an
attribution; it is recorded beside it (`denied`).
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from .profile import registry_lookup, actor_key
from .types import Member

LADDER = ("claimed", "official", "accused", "suspected")
BASIS_LEVEL = {"claimed": "claimed", "reported": "official", "accused": "accused", "suspected": "suspected"}
STATE_KINDS = ("state", "state_agency")
NAMED_KINDS = ("organization", "state", "state_agency")


def statement_entries(member: Member) -> list[dict]:
    out = []
    for statement in member.record.get("statements") or []:
        entry = {k: statement.get(k) for k in ("kind", "by", "by_id", "against", "channel", "hedged")}
        out.append({**entry, "date": statement.get("date") or member.published, "article": member.article,
                    "published": member.published, "source": member.source, "role": member.role,
                    "mention": member.mention, "evidence": statement.get("evidence")})
    return out


def timeline(members: list[Member]) -> list[dict]:
    """Statements, oldest first (by statement date, then report date)."""
    entries = [e for member in members for e in statement_entries(member)]
    return sorted(entries, key=lambda e: (e["date"] or "", e["published"] or "", e["mention"]))


# ---------------------------------------------------------------- the ladder

@lru_cache(maxsize=4096)
def _entry(key: str):
    """The registry entry behind a key, when the registry is installed and knows it."""
    if key.startswith("~") or registry_lookup() is None:
        return None
    from ..extract import registry

    return registry.load_registry().get(key) if hasattr(registry, "load_registry") else None


def _official(by: str | None, by_id: str | None, country: str | None) -> bool:
    entry = _entry(actor_key(by, by_id)[0]) if by else None
    return bool(entry and entry.kind in STATE_KINDS and country and entry.country == country)


def _levels(member: Member, country: str | None) -> list[tuple[str, str, str, bool]]:
    """(actor key, display name, level, named) for every attribution one report makes."""
    out = []
    for perp in member.record.get("perpetrators") or []:
        key, name = actor_key(perp.get("name") or "", perp.get("actor_id"))
        named = not key.startswith("~") or perp.get("kind") in NAMED_KINDS
        out.append((key, name, BASIS_LEVEL.get(perp.get("basis"), "suspected"), named))
    for st in member.record.get("statements") or []:
        if st.get("kind") == "claim" and st.get("by"):
            out.append((*actor_key(st["by"], st.get("by_id")), "claimed", True))
        elif st.get("kind") == "accusation":
            official = _official(st.get("by"), st.get("by_id"), country)
            level = "suspected" if st.get("hedged") else "official" if official else "accused"
            ids = st.get("against_ids") or []
            out += [(*actor_key(n, ids[i] if i < len(ids) else None), level, True)
                    for i, n in enumerate(st.get("against") or [])]
    return [item for item in out if item[0] != "~"]


def _denials(members: list[Member]) -> set[str]:
    return {actor_key(st["by"], st.get("by_id"))[0] for m in members for st in m.record.get("statements") or []
            if st.get("kind") == "denial" and st.get("by")}


def _tally(members: list[Member], country: str | None) -> dict[str, dict]:
    actors: dict[str, dict] = {}
    for member in members:
        for key, name, level, named in _levels(member, country):
            actor = actors.setdefault(key, {"name": name, "actor_id": None if key.startswith("~") else key,
                                            "rank": len(LADDER), "articles": set(), "first": member.published,
                                            "named": False})
            actor["rank"] = min(actor["rank"], LADDER.index(level))
            actor["named"] |= named
            actor["articles"].add(member.article)
            actor["first"] = min(filter(None, (actor["first"], member.published)), default=None)
    return actors


def _fold_parents(actors: dict[str, dict], parents: Callable[[str], list]) -> dict[str, dict]:
    """Drop a parent organisation named beside one of its branches; the branch keeps the higher level."""
    for key in list(actors):
        for parent in parents(key) if not key.startswith("~") else []:
            if parent.id in actors and parent.id != key:
                gone = actors.pop(parent.id)
                actors[key]["rank"] = min(actors[key]["rank"], gone["rank"])
                actors[key]["articles"] |= gone["articles"]
    return actors


def _parents(key: str) -> list:
    if registry_lookup() is None:
        return []
    from ..extract import registry

    return registry.parents(key) if hasattr(registry, "parents") else []


def perpetrators(members: list[Member], country: str | None = None) -> tuple[list[dict], bool]:
    """(perpetrators, highest on the ladder first; compclaim)."""
    actors = _fold_parents(_tally(members, country), _parents)
    denied = _denials(members)
    ordered = sorted(actors.items(), key=lambda kv: (not kv[1]["named"], kv[1]["rank"], -len(kv[1]["articles"]),
                                                     kv[1]["first"] or "", kv[0]))
    out = [{"name": a["name"], "actor_id": a["actor_id"], "basis": LADDER[a["rank"]], "reports": len(a["articles"]),
            "first": a["first"], "denied": key in denied, "named": a["named"]} for key, a in ordered]
    claimed = sum(1 for p in out if p["basis"] == "claimed" and p["named"])
    return out, claimed >= 2
