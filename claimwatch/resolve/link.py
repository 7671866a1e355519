"""Resolution against the database: link new mentions, split and join by hand, keep the history.

`resolve(db)` is incremental: it loads the mentions no incident holds yet, seeds the in-memory
`Resolver` with the already-linked mentions whose dates fall in their window (with their incident
ids, hand pins and hand splits), adds the new mentions in order of publication, and writes what
changed: new incidents, links (with their reasons in `mentions.link_reason`), merged incidents
(kept as tombstones in `incident_merges`), rebuilt records and one `incident_events` row per change
(`at` = the publication date of the report that caused it; wall time for acts by hand).

`split(db, mention_id)` moves a mention into an incident of its own; `join(db, a, b)` moves all of
b into a. Both pin what they touch (`mentions.pinned`): a later `resolve` never merges a pinned
incident into another and never puts a split mention back with the mentions it was split from.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa

from ..errors import NotFound, ResolveError
from ..store import schema as s
from ..store.db import Database, now
from .cluster import AMBIGUITY_MARGIN, Resolver, report_order
from .features import WINDOW_DAYS
from .profile import SPAN_DAYS, profile
from .record import changes, incident_record, row
from .scoring import Weights, load_weights
from .types import Decision, Member, Profile

CHUNK = 20_000
MEMBER_COLUMNS = (s.mentions.c.id, s.mentions.c.article_id, s.mentions.c.ordinal, s.mentions.c.role,
                  s.mentions.c.record, s.mentions.c.incident_id, s.mentions.c.pinned, s.mentions.c.link_reason,
                  s.mentions.c.date, s.articles.c.ext_id, s.articles.c.published, s.articles.c.source,
                  s.articles.c.title)


@dataclass
class Pending:
    """A mention on its way through resolution."""

    row: dict
    member: Member
    profile: Profile


@dataclass
class State:
    """An incident as this run rebuilds it: its members so far and its record."""

    members: list[Member] = field(default_factory=list)
    record: dict | None = None


# ---------------------------------------------------------------- reading

def member_query():
    return sa.select(*MEMBER_COLUMNS).join(s.articles, s.articles.c.id == s.mentions.c.article_id)


def to_member(row: dict) -> Member:
    return Member(row["id"], row["ext_id"], row["published"], row["source"], row["role"], row["record"])


def _pending(row: dict) -> Pending:
    published = dt.date.fromisoformat(row["published"]) if row["published"] else None
    made = profile(row["record"], row["id"], row["article_id"], published, row["title"] or "")
    return Pending(row, to_member(row), made)


def _unlinked(conn: sa.Connection, limit: int) -> list[Pending]:
    """The next `limit` unlinked mentions in order of publication (undated reports last)."""
    published = s.articles.c.published
    query = (member_query().where(s.mentions.c.incident_id.is_(None))
             .order_by(published.is_(None), published, s.mentions.c.article_id, s.mentions.c.ordinal).limit(limit))
    return [_pending(dict(r._mapping)) for r in conn.execute(query)]


def _window(new: list[Pending]) -> tuple[str, str] | None:
    """ISO bounds of the dates an already-linked mention may have and still be compared with a new one."""
    dated = [p.profile for p in new if p.profile.lo is not None]
    if not dated:
        return None
    lo = min(p.lo for p in dated) - WINDOW_DAYS - SPAN_DAYS["year"]
    hi = max(p.hi for p in dated) + WINDOW_DAYS
    return dt.date.fromordinal(lo).isoformat(), dt.date.fromordinal(hi).isoformat()


def _linked_in_window(conn: sa.Connection, window: tuple[str, str]) -> list[Pending]:
    lo, hi = window
    dated = s.mentions.c.date.between(lo, hi)
    undated = sa.and_(s.mentions.c.date.is_(None), s.articles.c.published.between(lo, hi))
    query = member_query().where(s.mentions.c.incident_id.is_not(None), sa.or_(dated, undated))
    return [_pending(dict(r._mapping)) for r in conn.execute(query)]


def _seed(conn: sa.Connection, resolver: Resolver, new: list[Pending]) -> None:
    window = _window(new)
    for pending in _linked_in_window(conn, window) if window else []:
        resolver.seed(pending.profile, pending.row["incident_id"], bool(pending.row["pinned"]))
        for other in (pending.row["link_reason"] or {}).get("apart_from", []) if pending.row["pinned"] else []:
            resolver.keep_apart(pending.profile.key, other)


def members_of(conn: sa.Connection, incident_id: int) -> list[Member]:
    query = member_query().where(s.mentions.c.incident_id == incident_id).order_by(s.mentions.c.id)
    return [to_member(dict(r._mapping)) for r in conn.execute(query)]


def _stored_record(conn: sa.Connection, incident_id: int) -> dict | None:
    return conn.execute(sa.select(s.incidents.c.record).where(s.incidents.c.id == incident_id)).scalar()


# ---------------------------------------------------------------- writing

def _event(conn: sa.Connection, incident_id: int, at: str | None, action: str, detail: dict,
           article_id: int | None = None) -> None:
    conn.execute(s.incident_events.insert().values(incident_id=incident_id, at=at or now(), article_id=article_id,
                                                   action=action, detail=detail))


def _new_incident(conn: sa.Connection) -> int:
    stamp = now()
    values = {"record": {}, "first_seen": stamp, "updated_at": stamp, "background_only": True}
    return conn.execute(s.incidents.insert().values(**values)).inserted_primary_key[0]


def _save(conn: sa.Connection, incident_id: int, record: dict) -> None:
    conn.execute(s.incidents.update().where(s.incidents.c.id == incident_id).values(**row(record), updated_at=now()))


def _rebuild(conn: sa.Connection, incident_id: int, state: State, at: str | None, article_id: int | None) -> None:
    """Recompute the record from the members; one event per change, dated `at`."""
    record = incident_record(state.members) if state.members else {}
    for action, detail in changes(state.record, record) if state.members else []:
        _event(conn, incident_id, at, action, detail, article_id)
    state.record = record


def _reason(decision: Decision, weights: Weights, bridged: list[int]) -> dict:
    if decision.opened:
        nearest = {"mention": decision.best.other, **weights.reasons(decision.best.features, decision.best.score)} \
            if decision.best else None
        if decision.alike:  # it fitted two incidents alike: evidence for neither (see cluster.AMBIGUITY_MARGIN)
            return {"rule": "ambiguous", "threshold": round(weights.threshold, 4), "nearest": nearest,
                    "fits_alike": list(decision.alike), "margin": AMBIGUITY_MARGIN}
        return {"rule": "opened", "threshold": round(weights.threshold, 4), "nearest": nearest}
    return {"rule": "scored", "mention": decision.best.other, "bridged": bridged,
            **weights.reasons(decision.best.features, decision.best.score)}


# ---------------------------------------------------------------- resolve

def resolve(db: Database, weights: Weights | None = None, chunk: int = CHUNK) -> int:
    """Link every unlinked mention to an incident (joining, opening or bridging); return how many.

    Mentions are taken `chunk` at a time, in order of publication, each chunk in its own
    transaction, so that a large first ingest never holds every record in memory at once."""
    weights = weights or load_weights()
    linked = 0
    while True:
        with db.engine.begin() as conn:
            new = _unlinked(conn, chunk)
            if not new:
                return linked
            resolver = Resolver(weights)
            _seed(conn, resolver, new)
            new = report_order(new, lambda pending: pending.profile)
            decisions = [resolver.add(pending.profile) for pending in new]
            _write(conn, resolver, weights, new, decisions)
        linked += len(new)


def _final_ids(conn: sa.Connection, resolver: Resolver, new: list[Pending]) -> dict[int, int]:
    """Cluster -> incident id for every final cluster of a new mention; new clusters get new rows."""
    ids = {}
    for pending in new:
        root = resolver.cluster(pending.profile.key)
        if root not in ids:
            ids[root] = root if root > 0 else _new_incident(conn)
    return ids


def _write(conn: sa.Connection, resolver: Resolver, weights: Weights, new: list[Pending],
           decisions: list[Decision]) -> None:
    ids = _final_ids(conn, resolver, new)
    states: dict[int, State] = {}
    for pending, decision in zip(new, decisions):
        incident_id = ids[resolver.cluster(pending.profile.key)]  # not decision.cluster: it may have been displaced
        state = states.get(incident_id) or states.setdefault(incident_id, _state(conn, incident_id))
        gone = [c for c in decision.bridged if c > 0]
        for old in gone:
            _absorb(conn, state, old, incident_id, pending, decision)
        reason = _reason(decision, weights, gone)
        if pending.profile.key in resolver.displaced:
            by, score = resolver.displaced[pending.profile.key]
            reason = {"rule": "displaced", "by_mention": by, "score": round(score, 4), "first": reason}
        _link(conn, pending, incident_id, reason)
        action = "joined" if state.members else "opened"
        state.members.append(pending.member)
        at, article_id = pending.member.published, pending.row["article_id"]
        _event(conn, incident_id, at, action, _joined_detail(pending, decision), article_id)
        _rebuild(conn, incident_id, state, at, article_id)
    for incident_id, state in states.items():
        _save(conn, incident_id, state.record)
    _link_coordinated(conn, new, {p.profile.key: ids[resolver.cluster(p.profile.key)] for p in new})


def _state(conn: sa.Connection, incident_id: int) -> State:
    return State(members_of(conn, incident_id), _stored_record(conn, incident_id) or None)


def _joined_detail(pending: Pending, decision: Decision) -> dict:
    detail = {"mention": pending.member.mention, "article": pending.member.article, "role": pending.member.role}
    if not decision.opened:
        detail.update(score=round(decision.best.score, 4), matched=decision.best.other)
    return detail


def _link(conn: sa.Connection, pending: Pending, incident_id: int, reason: dict) -> None:
    conn.execute(s.mentions.update().where(s.mentions.c.id == pending.member.mention)
                 .values(incident_id=incident_id, link_reason=reason))


def _absorb(conn: sa.Connection, state: State, gone: int, into: int, pending: Pending, decision: Decision) -> None:
    """A report bridged two stored incidents: move `gone`'s mentions into `into`, keep `gone` as a tombstone."""
    moved = members_of(conn, gone)
    reason = {"rule": "bridged", "via_mention": pending.member.mention, "score": round(decision.best.score, 4)}
    _move(conn, gone, into, reason)
    conn.execute(s.incident_merges.insert().values(gone_id=gone, into_id=into, at=pending.member.published or now(),
                                                   by="resolve", reason=reason))
    state.members.extend(moved)
    _event(conn, into, pending.member.published, "merged", {"from": gone, **reason}, pending.row["article_id"])
    _event(conn, gone, pending.member.published, "merged_into", {"into": into, **reason}, pending.row["article_id"])


def _move(conn: sa.Connection, gone: int, into: int, moved: dict, pin: bool = False) -> None:
    rows = conn.execute(sa.select(s.mentions.c.id, s.mentions.c.link_reason).where(s.mentions.c.incident_id == gone))
    for mention_id, reason in list(rows):
        values = {"incident_id": into, "link_reason": {**(reason or {}), "moved": {"from": gone, **moved}}}
        if pin:
            values["pinned"] = True
        conn.execute(s.mentions.update().where(s.mentions.c.id == mention_id).values(**values))


def _link_coordinated(conn: sa.Connection, new: list[Pending], incident_of: dict[int, int]) -> None:
    """Main mentions one report tells together, on one day, in different incidents: linked as coordinated parts."""
    together: dict[tuple[int, str], set[int]] = defaultdict(set)
    for pending in new:
        date = (pending.member.record.get("date") or {})
        if pending.member.role == "main" and date.get("value") and (date.get("precision") or "day") == "day":
            together[pending.row["article_id"], date["value"]].add(incident_of[pending.profile.key])
    for (article_id, _), incidents in together.items():
        ordered = sorted(incidents)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                conn.execute(s.incident_links.insert().values(incident_id=a, related_id=b, kind="coordinated",
                                                              article_id=article_id, at=now()))


# ---------------------------------------------------------------- by hand

def split(db: Database, mention_id: int) -> int:
    """Move a mention into an incident of its own, pinned apart from its former fellows; return the new id."""
    with db.engine.begin() as conn:
        found = conn.execute(sa.select(s.mentions.c.incident_id).where(s.mentions.c.id == mention_id)).first()
        if found is None or found.incident_id is None:
            raise NotFound(f"linked mention {mention_id}")
        old = found.incident_id
        others = [m.mention for m in members_of(conn, old) if m.mention != mention_id]
        if not others:
            raise ResolveError(f"mention {mention_id} is already alone in incident {old}")
        new = _new_incident(conn)
        reason = {"rule": "manual", "action": "split", "from_incident": old, "apart_from": others, "at": now()}
        conn.execute(s.mentions.update().where(s.mentions.c.id == mention_id)
                     .values(incident_id=new, pinned=True, link_reason=reason))
        _event(conn, old, None, "split", {"mention": mention_id, "into": new})
        _event(conn, new, None, "split", {"mention": mention_id, "from": old})
        for incident_id in (old, new):
            _refresh(conn, incident_id)
    return new


def join(db: Database, keep: int, gone: int) -> int:
    """Move every mention of incident `gone` into `keep`, pinned; `gone` stays as a tombstone."""
    if keep == gone:
        raise ResolveError(f"cannot join incident {keep} with itself")
    with db.engine.begin() as conn:
        for incident_id in (keep, gone):
            _live(conn, incident_id)
        reason = {"rule": "manual", "action": "join", "at": now()}
        _move(conn, gone, keep, reason, pin=True)
        conn.execute(s.mentions.update().where(s.mentions.c.incident_id == keep).values(pinned=True))
        merge = {"gone_id": gone, "into_id": keep, "at": now(), "by": "manual", "reason": reason}
        conn.execute(s.incident_merges.insert().values(**merge))
        _event(conn, keep, None, "join", {"from": gone})
        _event(conn, gone, None, "merged_into", {"into": keep, "by": "manual"})
        _refresh(conn, keep)
    return keep


def _live(conn: sa.Connection, incident_id: int) -> None:
    if conn.execute(sa.select(s.incidents.c.id).where(s.incidents.c.id == incident_id)).first() is None:
        raise NotFound(f"incident {incident_id}")
    merges = s.incident_merges
    merged = conn.execute(sa.select(merges.c.into_id).where(merges.c.gone_id == incident_id)).first()
    if merged:
        raise ResolveError(f"incident {incident_id} was merged into {merged.into_id}")


def _refresh(conn: sa.Connection, incident_id: int) -> None:
    """Rebuild a record after an act by hand; changes are dated now."""
    state = State(members_of(conn, incident_id), _stored_record(conn, incident_id) or None)
    _rebuild(conn, incident_id, state, None, None)
    if state.members:
        _save(conn, incident_id, state.record)
