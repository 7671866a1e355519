"""Ingest into the store: read, extract, store, resolve; failures recorded and retryable."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from . import batch
from .ingest import read_payload
from .model import Article, Failure
from .store.db import Database


def ingest_paths(paths: Iterable[str | Path], db: str | Path, published=None, fail_fast: bool = False,
                 progress: Callable = lambda items: items, profile: str = "default") -> batch.Summary:
    """Store every report under `paths`; a text already stored (same content hash) is skipped."""
    database = Database(db)
    items = batch.read_inputs(paths, published=published)
    extracted = batch.extract_all(_skip_known(database, items), fail_fast, profile=profile)
    return store_items(database, extracted, progress)


def _skip_known(database: Database, items):
    """Drop articles whose text is already stored before the costly extraction (resumable runs)."""
    for item in items:
        if isinstance(item, Article) and database.has_article(item.content_hash):
            item.trace["duplicate"] = True
            item.relevant = False  # every component skips it; the store counts it as already stored
        yield item


def store_items(database: Database, items, progress: Callable = lambda items: items) -> batch.Summary:
    from .resolve import resolve

    summary = batch.Summary()
    for item in progress(items):
        summary.read += 1
        if isinstance(item, Failure):
            summary.count_failure(item)
            database.add_failure(item)
            continue
        stored = database.add_article(item)
        summary.stored += int(stored.new)
        summary.duplicates += int(not stored.new)
        summary.incidents += len(stored.mention_ids)
    resolve(database)
    return summary


def list_failures(db: str | Path) -> list[dict]:
    rows = Database(db).failures()
    for row in rows:
        row.pop("payload", None)
    return rows


def _retry_items(row: dict):
    """An extraction failure kept the article text; an ingest failure kept the input's bytes."""
    payload = row["payload"] or b""
    if row["stage"] == "extract":
        return [Article(id=row["article_ext_id"] or row["source"], text=payload.decode("utf-8"), origin=row["source"])]
    return read_payload(payload, row["source"])


def retry_failures(db: str | Path) -> batch.Summary:
    """Run every unresolved failure's kept payload through ingest again."""
    database = Database(db)
    summary = batch.Summary()
    for row in database.failures():
        items = list(_retry_items(row))
        result = store_items(database, batch.extract_all(items))
        ok = result.failed == 0 and result.read > 0
        database.mark_failure_retried(row["id"], resolved=ok)
        summary.stored += result.stored
        summary.failed += int(not ok)
    return summary
