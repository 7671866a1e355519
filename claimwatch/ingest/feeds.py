"""RSS and Atom files -> one `Article` per entry, through feedparser.

The feed is parsed from its bytes, never fetched, and no link in it is followed: an entry's text is
what the feed carries (its content, else its summary), HTML fragments reduced to text. An entry
that cannot become an article is a `Failure` for that entry (origin `path#n`, n counting from 1)
and the others go on. A malformed feed with entries left is read as far as it goes, and a `BadFeed`
failure says it was cut short; one with no entries at all raises `BadFeed`.
"""
from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import feedparser

from ..errors import BadDate, BadFeed, EmptyInput, IngestError
from ..model import Article
from .html import strip_tags
from .items import IngestItem, to_failure
from .options import DEFAULT_OPTIONS, IngestOptions
from .text import check_text, date_or_none, read_bytes

# bozo reasons that say nothing about the entries themselves
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
_PAYLOAD_FIELDS = ("id", "link", "title", "published", "updated", "summary")
_DATE_FIELDS = ("published", "updated")


def read_feed_file(
    path: str | Path, options: IngestOptions | None = None, name: str | None = None
) -> Iterator[IngestItem]:
    """Every entry of a feed file; ids fall back to "<name>:<n>", name defaulting to the file's stem."""
    options = options or DEFAULT_OPTIONS
    path = Path(path)
    raw = read_bytes(path, options.max_export_bytes)
    parsed = _parse(raw, path)
    source = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, 1):
        yield _entry_item(entry, f"{path}#{n}", f"{name or path.stem}:{n}", source, options)
    if _cut_short(parsed):
        yield to_failure(_bozo(parsed, path), str(path), raw, options)


def _parse(raw: bytes, path: Path):
    if not raw.strip():
        raise EmptyInput(str(path))
    parsed = feedparser.parse(io.BytesIO(raw))  # a stream, so feedparser never treats it as a URL
    if not parsed.entries and parsed.bozo:
        raise _bozo(parsed, path)
    if not parsed.version:
        raise BadFeed(f"{path}: neither RSS nor Atom")
    return parsed


def _cut_short(parsed) -> bool:
    return bool(parsed.bozo) and not isinstance(parsed.get("bozo_exception"), _HARMLESS)


def _bozo(parsed, path: Path) -> BadFeed:
    reason = parsed.get("bozo_exception")
    kept = f"; {len(parsed.entries)} entries read before it" if parsed.entries else ""
    return BadFeed(f"{path}: {reason}{kept}")


def _entry_item(entry, origin: str, fallback_id: str, source: str | None, options: IngestOptions) -> IngestItem:
    article_id = entry.get("id") or entry.get("link") or fallback_id
    try:
        return _entry_article(entry, article_id, origin, source, options)
    except IngestError as error:
        return to_failure(error, origin, _entry_payload(entry), options, article_id=article_id)


def _entry_article(entry, article_id: str, origin: str, source: str | None, options: IngestOptions) -> Article:
    text = check_text(entry_text(entry), origin, options)
    return Article(
        id=article_id, text=text, published=entry_date(entry, origin), title=entry.get("title") or None,
        url=entry.get("link") or None, source=source, origin=origin, fmt="feed",
    )


def entry_text(entry) -> str:
    """The entry's content, else its summary, as text."""
    details = [*entry.get("content", []), entry.get("summary_detail")]
    detail = next((d for d in details if d and (d.get("value") or "").strip()), None)
    if detail is None:
        return ""
    return strip_tags(detail["value"]) if "html" in (detail.get("type") or "") else detail["value"].strip()


def entry_date(entry, origin: str) -> dt.date | None:
    """The date as the feed wrote it; feedparser's reading (in UTC) when only it can read the string."""
    field = next((field for field in _DATE_FIELDS if dict.get(entry, field)), None)
    if field is None:
        return None
    written, parsed = entry[field], dict.get(entry, f"{field}_parsed")  # dict.get: no feedparser aliasing
    date = date_or_none(written) or (dt.date(*parsed[:3]) if parsed else None)
    if date is None:
        raise BadDate(f"{origin}: {written!r}")
    return date


def _entry_payload(entry) -> bytes:
    fields = {key: dict.get(entry, key) for key in _PAYLOAD_FIELDS}
    fields["content"] = [part.get("value") for part in entry.get("content", [])]
    return json.dumps(fields, ensure_ascii=False, default=str).encode("utf-8")
