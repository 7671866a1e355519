"""The store: SQLite by default (a path), PostgreSQL by URL, the same code for both."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from ..errors import NotFound, SchemaError
from ..model import Article, Failure, to_dict
from . import schema as s

PAYLOAD_LIMIT = 1_000_000


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def engine_for(db: str | Path) -> sa.Engine:
    """A path means SQLite; anything with `://` is an SQLAlchemy URL (postgresql+psycopg://...)."""
    url = str(db)
    if "://" not in url:
        url = "sqlite:///" + url
    engine = sa.create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


@dataclass
class Stored:
    article_id: int
    new: bool
    mention_ids: list[int]


class Database:
    def __init__(self, db: str | Path) -> None:
        self.engine = engine_for(db)
        self.migrate()

    # ------------------------------------------------------------ schema
    def migrate(self) -> int:
        """Apply the migrations not yet applied; return the schema version."""
        with self.engine.begin() as conn:
            s.schema_version.create(conn, checkfirst=True)
            done = {row.version for row in conn.execute(sa.select(s.schema_version.c.version))}
            for version, migration in enumerate(s.MIGRATIONS, start=1):
                if version not in done:
                    migration(conn)
                    conn.execute(s.schema_version.insert().values(version=version, applied_at=now()))
            latest = conn.execute(sa.select(sa.func.max(s.schema_version.c.version))).scalar()
        if latest is not None and latest > len(s.MIGRATIONS):
            raise SchemaError(f"database is at version {latest}, newer than this claimwatch ({len(s.MIGRATIONS)})")
        return latest or 0

    # ------------------------------------------------------------ writes
    def has_article(self, content_hash: str) -> bool:
        with self.engine.connect() as conn:
            query = sa.select(s.articles.c.id).where(s.articles.c.content_hash == content_hash)
            return conn.execute(query).first() is not None

    def add_article(self, article: Article) -> Stored:
        """Store an extracted article and its incident mentions; a known text is not stored twice."""
        with self.engine.begin() as conn:
            found = conn.execute(
                sa.select(s.articles.c.id).where(s.articles.c.content_hash == article.content_hash)
            ).first()
            if found:
                return Stored(found.id, False, [])
            article_id = conn.execute(s.articles.insert().values(**_article_row(article))).inserted_primary_key[0]
            mention_ids = [self._add_mention(conn, article_id, i, incident)
                           for i, incident in enumerate(to_dict(article.incidents + article.recounted))]
        return Stored(article_id, True, mention_ids)

    def _add_mention(self, conn: sa.Connection, article_id: int, ordinal: int, record: dict) -> int:
        location = record.get("location") or {}
        mention_id = conn.execute(s.mentions.insert().values(
            article_id=article_id, ordinal=ordinal, role=record["role"], type=record.get("type"),
            date=(record.get("date") or {}).get("value"), country_code=location.get("country_code"),
            city=location.get("city"), record=record,
        )).inserted_primary_key[0]
        rows = list(_value_rows(mention_id, record))
        if rows:
            conn.execute(s.values.insert(), rows)
        statement_rows = [_statement_row(mention_id, st) for st in record.get("statements", [])]
        if statement_rows:
            conn.execute(s.statements.insert(), statement_rows)
        return mention_id

    def add_failure(self, failure: Failure) -> int:
        """Record a failure; the same input failing the same way again is recorded once."""
        payload = (failure.payload or b"")[:PAYLOAD_LIMIT] or None
        with self.engine.begin() as conn:
            known = conn.execute(sa.select(s.failures.c.id).where(
                s.failures.c.source == failure.source, s.failures.c.code == failure.code,
                s.failures.c.resolved == sa.false(),
                s.failures.c.payload.is_(None) if payload is None else s.failures.c.payload == payload)).first()
            if known:
                return known.id
            return conn.execute(s.failures.insert().values(
                source=failure.source, stage=failure.stage, code=failure.code, message=failure.message,
                article_ext_id=failure.article_id, payload=payload,
                created_at=now(),
            )).inserted_primary_key[0]

    def mark_failure_retried(self, failure_id: int, resolved: bool) -> None:
        with self.engine.begin() as conn:
            conn.execute(s.failures.update().where(s.failures.c.id == failure_id)
                         .values(retried_at=now(), resolved=resolved))

    # ------------------------------------------------------------ reads
    def failures(self, include_resolved: bool = False) -> list[dict]:
        query = sa.select(s.failures).order_by(s.failures.c.id)
        if not include_resolved:
            query = query.where(s.failures.c.resolved == sa.false())
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def article(self, article_id: int) -> dict:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(s.articles).where(s.articles.c.id == article_id)).first()
        if row is None:
            raise NotFound(f"article {article_id}")
        return dict(row._mapping)

    def rows(self, query) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield dict(row._mapping)

    def execute(self, statements: Iterable) -> None:
        with self.engine.begin() as conn:
            for statement in statements:
                conn.execute(statement)


def _article_row(article: Article) -> dict:
    return {
        "ext_id": article.id, "content_hash": article.content_hash, "title": article.title, "url": article.url,
        "source": article.source, "channel": article.channel, "fmt": article.fmt, "origin": article.origin,
        "published": article.published.isoformat() if article.published else None, "text": article.text,
        "ingested_at": now(), "relevant": article.relevant,
    }


VALUE_FIELDS = ("date", "location", "killed", "wounded", "kidnapped")
LIST_FIELDS = ("weapons", "perpetrators", "targets", "victims", "figures")


def _value_rows(mention_id: int, record: dict) -> Iterator[dict]:
    for field in VALUE_FIELDS:
        if record.get(field):
            yield from _evidence_rows(mention_id, field, record[field])
    for field in LIST_FIELDS:
        for item in record.get(field) or []:
            yield from _evidence_rows(mention_id, field, item)
    if record.get("suicide") is not None and record.get("suicide_evidence"):
        yield from _evidence_rows(mention_id, "suicide", {"value": record["suicide"],
                                                          "evidence": record["suicide_evidence"]})


def _evidence_rows(mention_id: int, field: str, value: dict) -> Iterator[dict]:
    evidence = value.get("evidence")
    for span in evidence if isinstance(evidence, list) else [evidence] if evidence else []:
        yield {"mention_id": mention_id, "field": field, "value": {k: v for k, v in value.items() if k != "evidence"},
               "qualifier": value.get("qualifier"), "evidence_text": span["text"],
               "evidence_start": span["start"], "evidence_end": span["end"]}


def _statement_row(mention_id: int, statement: dict) -> dict:
    evidence = statement["evidence"]
    return {"mention_id": mention_id, "kind": statement["kind"], "by": statement.get("by"),
            "by_id": statement.get("by_id"), "against": statement.get("against") or [],
            "channel": statement.get("channel"), "date": statement.get("date"),
            "hedged": bool(statement.get("hedged")), "evidence_text": evidence["text"],
            "evidence_start": evidence["start"], "evidence_end": evidence["end"]}
