"""The database schema, as SQLAlchemy Core tables, and its migrations.

    articles ──< mentions ──< values        (each report, the incidents it reports, each value with evidence)
                   │    └──< statements
                   └─ incident_id ──> incidents ──< incident_events   (resolved incidents and their history)
    failures                                                           (inputs or stages that failed, retryable)
    incident_merges, incident_links                                    (v2: merged-away incidents; coordinated parts)

A mention is one article's record of one incident; resolution points mentions at `incidents`.
Migrations are numbered functions applied in order and recorded in `schema_version`; a new column
or table is a new migration, never an edit of an old one.
"""
from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version", metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("applied_at", sa.String(32), nullable=False),
)

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("ext_id", sa.String(512), nullable=False, index=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("channel", sa.String(64)),
    sa.Column("fmt", sa.String(16)),
    sa.Column("origin", sa.Text),
    sa.Column("published", sa.String(10), index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.String(32), nullable=False),
    sa.Column("relevant", sa.Boolean),
)

incidents = sa.Table(
    "incidents", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("type", sa.String(32), index=True),
    sa.Column("date", sa.String(10), index=True),
    sa.Column("country_code", sa.String(2), index=True),
    sa.Column("city", sa.Text),
    sa.Column("region", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("killed", sa.Integer),
    sa.Column("wounded", sa.Integer),
    sa.Column("record", sa.JSON, nullable=False),  # the merged record, with evidence
    sa.Column("first_seen", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
    sa.Column("background_only", sa.Boolean, nullable=False, default=False),
)

mentions = sa.Table(
    "mentions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("type", sa.String(32)),
    sa.Column("date", sa.String(10)),
    sa.Column("country_code", sa.String(2)),
    sa.Column("city", sa.Text),
    sa.Column("record", sa.JSON, nullable=False),  # the article's incident record, with evidence
    sa.Column("incident_id", sa.Integer, sa.ForeignKey("incidents.id"), index=True),
    sa.Column("link_reason", sa.JSON),  # why it joined its incident: features and score, or "manual"
    sa.Column("pinned", sa.Boolean, nullable=False, default=False),  # set by a hand split/join
)

values = sa.Table(
    "values", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("mention_id", sa.Integer, sa.ForeignKey("mentions.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("field", sa.String(32), nullable=False),
    sa.Column("value", sa.JSON),
    sa.Column("qualifier", sa.String(64)),
    sa.Column("evidence_text", sa.Text, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
)

statements = sa.Table(
    "statements", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("mention_id", sa.Integer, sa.ForeignKey("mentions.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("by", sa.Text),
    sa.Column("by_id", sa.String(64)),
    sa.Column("against", sa.JSON),
    sa.Column("channel", sa.String(64)),
    sa.Column("date", sa.String(10)),
    sa.Column("hedged", sa.Boolean, nullable=False, default=False),
    sa.Column("evidence_text", sa.Text, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
)

incident_events = sa.Table(
    "incident_events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("incident_id", sa.Integer, sa.ForeignKey("incidents.id"), nullable=False, index=True),
    sa.Column("at", sa.String(32), nullable=False),  # report time (publication date) or wall time for manual acts
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id")),
    sa.Column("action", sa.String(32), nullable=False),  # opened, joined, figure, statement, split, join
    sa.Column("detail", sa.JSON),
)

failures = sa.Table(
    "failures", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("stage", sa.String(16), nullable=False),
    sa.Column("code", sa.String(8), nullable=False, index=True),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("article_ext_id", sa.String(512)),
    sa.Column("payload", sa.LargeBinary),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("retried_at", sa.String(32)),
    sa.Column("resolved", sa.Boolean, nullable=False, default=False),
)


incident_merges = sa.Table(
    "incident_merges", metadata,
    sa.Column("gone_id", sa.Integer, sa.ForeignKey("incidents.id"), primary_key=True),  # kept, with its history
    sa.Column("into_id", sa.Integer, sa.ForeignKey("incidents.id"), nullable=False, index=True),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("by", sa.String(16), nullable=False),  # resolve (a report bridged them) or manual (join)
    sa.Column("reason", sa.JSON),
)

incident_links = sa.Table(
    "incident_links", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("incident_id", sa.Integer, sa.ForeignKey("incidents.id"), nullable=False, index=True),
    sa.Column("related_id", sa.Integer, sa.ForeignKey("incidents.id"), nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),  # coordinated: parts of one attack in several places
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id")),  # the report that tells them together
    sa.Column("at", sa.String(32), nullable=False),
)


def _v1_initial(conn: sa.Connection) -> None:
    metadata.create_all(conn, tables=[articles, incidents, mentions, values, statements, incident_events, failures])


def _v2_merges_and_links(conn: sa.Connection) -> None:
    """Incidents merged into others (by resolve or by hand) stay, as tombstones; related incidents."""
    metadata.create_all(conn, tables=[incident_merges, incident_links])


MIGRATIONS: list[Callable[[sa.Connection], None]] = [_v1_initial, _v2_merges_and_links]
