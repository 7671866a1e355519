"""JSONL dumps -> one `Article` per line, read line by line so a dump of any size streams.

    {"id": ..., "text" | "html": ..., "published"?: ..., "url"?: ..., "title"?: ..., "source"?: ...}

A line that is not such an object (not JSON, not an object, no text or html, a field of the wrong
type, a published value that is not a date) is a `BadJSONL` failure with its line number and the raw
line as payload; a text that fails the shared checks keeps that check's code. Either way the next
line goes on. Blank lines are skipped. A line without an id gets "<name>:<line no>".
An "html" line goes through the HTML extraction; the line's own fields win over the page's metadata.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import BadJSONL, EmptyInput, IngestError, TooLarge, UnreadableInput
from ..model import Article
from .html import html_to_article
from .items import IngestItem, to_failure
from .options import DEFAULT_OPTIONS, IngestOptions
from .text import check_text, date_or_none, decode

_STRING_FIELDS = ("text", "html", "published", "url", "title", "source")
_SKIP_CHUNK = 1 << 20


def read_jsonl_file(
    path: str | Path, options: IngestOptions | None = None, name: str | None = None
) -> Iterator[IngestItem]:
    """Every line of a JSONL file, in order: an `Article`, or a `Failure` for a line that is not one."""
    options = options or DEFAULT_OPTIONS
    path = Path(path)
    seen = 0
    with _open(path) as stream:
        for number, raw, whole in _lines(stream, options.max_html_bytes):
            if raw.strip():
                seen += 1
                yield _line_item(raw, whole, number, path, name or path.stem, options)
    if not seen:
        raise EmptyInput(str(path))


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as error:
        raise UnreadableInput(f"{path}: {error.strerror or error}") from error


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, line, whether it is whole): a line over `limit` bytes is cut there and its rest skipped."""
    for number in count(1):
        line = stream.readline(limit + 1)
        if not line:
            return
        whole = len(line) <= limit or line.endswith(b"\n")
        if not whole:
            _skip_rest_of_line(stream)
        yield number, line, whole


def _skip_rest_of_line(stream: BinaryIO) -> None:
    chunk = stream.readline(_SKIP_CHUNK)
    while chunk and not chunk.endswith(b"\n"):
        chunk = stream.readline(_SKIP_CHUNK)


def _line_item(raw: bytes, whole: bool, number: int, path: Path, name: str, options: IngestOptions) -> IngestItem:
    source = f"{path}:{number}"
    article_id = None
    try:
        record = _record(raw, whole, source, options)
        article_id = _record_id(record, name, number)
        return _record_article(record, article_id, source, options)
    except IngestError as error:
        return to_failure(error, source, raw, options, article_id=article_id)


def _record(raw: bytes, whole: bool, source: str, options: IngestOptions) -> dict[str, Any]:
    if not whole:
        raise TooLarge(f"{source}: line longer than {options.max_html_bytes} bytes")
    record = _json(decode(raw, source, options), source)
    if not isinstance(record, dict):
        raise BadJSONL(f"{source}: a JSON {type(record).__name__}, not an object")
    _check_fields(record, source)
    return record


def _json(line: str, source: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        raise BadJSONL(f"{source}: not JSON ({error.msg} at column {error.colno})") from error


def _check_fields(record: dict[str, Any], source: str) -> None:
    for key in _STRING_FIELDS:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise BadJSONL(f"{source}: {key!r} must be a string, not {type(record[key]).__name__}")
    if record.get("id") is not None and not isinstance(record["id"], (str, int)):
        raise BadJSONL(f"{source}: 'id' must be a string or an integer")
    if record.get("text") is None and record.get("html") is None:
        raise BadJSONL(f"{source}: neither 'text' nor 'html'")


def _record_id(record: dict[str, Any], name: str, number: int) -> str:
    given = record.get("id")
    return str(given) if given is not None and str(given).strip() else f"{name}:{number}"


def _record_article(record: dict[str, Any], article_id: str, source: str, options: IngestOptions) -> Article:
    published = _record_date(record.get("published"), source)
    if record.get("text") is None:
        article = html_to_article(record["html"], article_id, source, options, url=record.get("url"))
    else:
        article = Article(id=article_id, text=check_text(record["text"], source, options), origin=source)
    return _with_fields(article, record, published)


def _record_date(value: str | None, source: str) -> dt.date | None:
    if value is None or not value.strip():
        return None
    date = date_or_none(value)
    if date is None:
        raise BadJSONL(f"{source}: 'published' is not a date: {value!r}")
    return date


def _with_fields(article: Article, record: dict[str, Any], published: dt.date | None) -> Article:
    article.published = published or article.published
    article.title = record.get("title") or article.title
    article.url = record.get("url") or article.url
    article.source = record.get("source") or article.source
    article.fmt = "jsonl"
    return article
