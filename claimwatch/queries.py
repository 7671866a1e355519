"""Read-side queries over the store, shared by the CLI and the web API."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from .errors import NotFound
from .model import Incident, to_dict
from .store import schema as s
from .store.db import Database

LIST_COLUMNS = ["id", "type", "date", "country_code", "city", "killed", "wounded", "perpetrators", "reports"]
CONTEXT = 60


def flat(incident: Incident | dict) -> dict[str, Any]:
    """A one-line summary of an incident record."""
    record = to_dict(incident) if isinstance(incident, Incident) else incident
    location = record.get("location") or {}
    return {
        "role": record.get("role"), "type": record.get("type"), "date": (record.get("date") or {}).get("value"),
        "country_code": location.get("country_code"), "city": location.get("city"),
        "killed": (record.get("killed") or {}).get("value"), "wounded": (record.get("wounded") or {}).get("value"),
        "perpetrators": [f"{p['name']} ({p['basis']})" for p in record.get("perpetrators") or []],
    }


def list_incidents(db: str | Path, country=None, type=None, since=None, until=None, actor=None,
                   include_background: bool = False, as_of: str | None = None) -> list[dict]:
    """Incidents, filtered; with `as_of` (YYYY-MM-DD), as they stood on that day (see `records_as_of`)."""
    database = Database(db)
    if as_of:
        then = records_as_of(database, as_of)
        rows = [_list_row({"id": i, "record": record}, members) for i, (record, members) in then.items()]
        rows.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["id"]))
        return [r for r in rows if _wanted(r, country, type, since, until, include_background)
                and (not actor or _mentions_actor(r, actor))]
    table = s.incidents
    query = sa.select(table).where(table.c.id.not_in(sa.select(s.incident_merges.c.gone_id))) \
        .order_by(table.c.date.is_(None), table.c.date, table.c.id)
    conditions = [
        (country, lambda: table.c.country_code == country.upper()), (type, lambda: table.c.type == type),
        (since, lambda: table.c.date >= since), (until, lambda: table.c.date <= until),
        (not include_background, lambda: table.c.background_only == sa.false()),
    ]
    for wanted, condition in conditions:
        if wanted:
            query = query.where(condition())
    members = _members(database)
    rows = [_list_row(row, members.get(row["id"], [])) for row in database.rows(query)]
    return [row for row in rows if not actor or _mentions_actor(row, actor)]


def _wanted(row: dict, country, type, since, until, include_background: bool) -> bool:
    checks = [
        not country or (row["country_code"] or "").upper() == country.upper(), not type or row["type"] == type,
        not since or (row["date"] or "") >= since, not until or (row["date"] or "9999") <= until,
        include_background or row["role"] == "main",
    ]
    return all(checks)


def _members(database: Database, as_of: str | None = None) -> dict[int, list[dict]]:
    query = (sa.select(s.mentions.c.incident_id, s.mentions.c.role, s.articles.c.ext_id, s.articles.c.published)
             .join(s.articles, s.articles.c.id == s.mentions.c.article_id).order_by(s.articles.c.published))
    if as_of:
        query = query.where(s.articles.c.published <= as_of)
    out: dict[int, list[dict]] = {}
    for row in database.rows(query):
        out.setdefault(row["incident_id"], []).append(
            {"id": row["ext_id"], "published": row["published"], "role": row["role"]})
    return out


def _list_row(row: dict, members: list[dict]) -> dict:
    summary = flat(row["record"])
    main = list(dict.fromkeys(m["id"] for m in members if m["role"] == "main"))
    summary.update(id=row["id"], reports=main,
                   background_reports=[i for i in dict.fromkeys(m["id"] for m in members if m["role"] != "main")
                                       if i not in main])
    return summary


def records_as_of(database: Database, as_of: str) -> dict[int, tuple[dict, list[dict]]]:
    """Each incident as it stood on `as_of`: its record rebuilt from the reports published by then.

    Membership is today's (hand splits and joins apply to the past too); reports without a
    publication date are left out, since when they were known cannot be told.
    """
    from .resolve.link import member_query, to_member
    from .resolve.record import incident_record

    members = _members(database, as_of)
    grouped: dict[int, list] = {}
    query = member_query().where(s.articles.c.published <= as_of, s.mentions.c.incident_id.is_not(None))
    for row in database.rows(query.order_by(s.mentions.c.id)):
        grouped.setdefault(row["incident_id"], []).append(to_member(row))
    return {i: (incident_record(known), members[i]) for i, known in sorted(grouped.items())}


def _mentions_actor(row: dict, actor: str) -> bool:
    return actor.casefold() in json.dumps(row["perpetrators"], ensure_ascii=False).casefold()


def get_incident(db: str | Path, incident_id: int) -> dict:
    database = Database(db)
    rows = list(database.rows(sa.select(s.incidents).where(s.incidents.c.id == incident_id)))
    if not rows:
        raise NotFound(f"incident {incident_id}")
    mentions = list(database.rows(
        sa.select(s.mentions, s.articles.c.ext_id, s.articles.c.text, s.articles.c.published, s.articles.c.title)
        .join(s.articles, s.articles.c.id == s.mentions.c.article_id)
        .where(s.mentions.c.incident_id == incident_id).order_by(s.articles.c.published, s.mentions.c.id)))
    merged = list(database.rows(sa.select(s.incident_merges).where(s.incident_merges.c.gone_id == incident_id)))
    return {"id": incident_id, "record": rows[0]["record"], "reports": [_report(m) for m in mentions],
            "merged_into": merged[0]["into_id"] if merged else None, "related": _related(database, incident_id)}


def _related(database: Database, incident_id: int) -> list[dict]:
    links = s.incident_links
    query = sa.select(links).where(sa.or_(links.c.incident_id == incident_id, links.c.related_id == incident_id))
    return [{"incident": r["related_id"] if r["incident_id"] == incident_id else r["incident_id"], "kind": r["kind"]}
            for r in database.rows(query)]


def _report(mention: dict) -> dict:
    return {"mention": mention["id"], "article": mention["ext_id"], "published": mention["published"],
            "title": mention["title"], "role": mention["role"], "record": mention["record"],
            "link_reason": mention["link_reason"], "pinned": mention["pinned"],
            "evidence": list(_quotes(mention["record"], mention["text"]))}


def incident_history(db: str | Path, incident_id: int) -> list[dict]:
    """How the incident's record changed, and which report (or act by hand) changed it, oldest first."""
    database = Database(db)
    events = s.incident_events
    query = (sa.select(events, s.articles.c.ext_id).outerjoin(s.articles, s.articles.c.id == events.c.article_id)
             .where(events.c.incident_id == incident_id).order_by(events.c.at, events.c.id))
    rows = [{"at": r["at"], "action": r["action"], "report": r["ext_id"], "detail": r["detail"]}
            for r in database.rows(query)]
    if not rows and not list(database.rows(sa.select(s.incidents.c.id).where(s.incidents.c.id == incident_id))):
        raise NotFound(f"incident {incident_id}")
    return rows


def render_history(incident_id: int, history: list[dict]) -> str:
    lines = [f"incident {incident_id}: history"]
    for event in history:
        by = f"report {event['report']}" if event["report"] else "by hand"
        lines.append(f"  {event['at'][:19]:<19}  {event['action']:<12} {by:<32} {_detail(event['detail'])}")
    return "\n".join(lines)


def _detail(detail: dict | None) -> str:
    if not detail:
        return ""
    if "from" in detail and "to" in detail:
        label = detail.get("kind") or detail.get("field") or "perpetrator"
        before, after = (json.dumps(detail[k], ensure_ascii=False) for k in ("from", "to"))
        return f"{label}: {before} -> {after}"
    return json.dumps(detail, ensure_ascii=False)


def _quotes(record: Any, text: str, path: str = ""):
    """Every evidence span in a record, quoted with its context in the article."""
    if isinstance(record, dict):
        for key, value in record.items():
            if key == "evidence" or key.endswith("_evidence"):
                for span in value if isinstance(value, list) else [value]:
                    yield {"field": path or key, **span, "context": _context(text, span)}
            else:
                yield from _quotes(value, text, f"{path}.{key}" if path else key)
    elif isinstance(record, list):
        for i, item in enumerate(record):
            yield from _quotes(item, text, f"{path}[{i}]")


def _context(text: str, span: dict) -> str:
    start, end = span["start"], span["end"]
    before = text[max(0, start - CONTEXT):start].replace("\n", " ")
    after = text[end:end + CONTEXT].replace("\n", " ")
    return f"…{before}[{text[start:end]}]{after}…"


def render(incident: dict) -> str:
    """The incident for people: the summary line, then each report's evidence in context."""
    summary = flat(incident["record"])
    lines = [f"incident {incident['id']}: " + "  ".join(f"{k}={v}" for k, v in summary.items() if v not in (None, []))]
    if incident.get("merged_into"):
        lines.append(f"  merged into incident {incident['merged_into']}")
    for link in incident.get("related") or []:
        lines.append(f"  related: incident {link['incident']} ({link['kind']})")
    for report in incident["reports"]:
        lines.append(f"\n  report {report['article']} (mention {report.get('mention')}, {report['published']}, "
                     f"{report['role']}): {report['title'] or ''}")
        lines += [f"    {q['field']:<28} {q['context']}" for q in report["evidence"]]
    return "\n".join(lines)
