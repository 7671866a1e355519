"""Ingest: reports in, `Article`s out, and a coded `Failure` for every input that cannot be one.

    .txt            text.read_text_file           -+
    .html           html.read_html_file            |
    .xml .rss       feeds.read_feed_file           +-> readers.read(paths) -> Article | Failure, ...
    .jsonl          jsonl.read_jsonl_file          |
    result.json     telegram.read_telegram_file   -+

Every reader shares the checks of `text` (UTF-8, not binary, not empty, not too large, English) and
the limits of `IngestOptions`. Readers raise coded `IngestError`s (E1xx); `read` records each as a
`Failure`, keeping the input's bytes, and goes on, so one bad input never stops a batch.
"""
from __future__ import annotations

from .feeds import read_feed_file
from .html import html_to_article, read_html_file, strip_tags
from .items import IngestItem, to_failure
from .jsonl import read_jsonl_file
from .options import IngestOptions
from .readers import detect_format, read, read_file
from .retry import read_payload
from .telegram import read_telegram_file
from .text import check_text, decode, parse_published, read_text_file

__all__ = [
    "IngestItem", "IngestOptions", "check_text", "decode", "detect_format", "html_to_article", "parse_published",
    "read", "read_feed_file", "read_file", "read_html_file", "read_jsonl_file", "read_payload", "read_telegram_file",
    "read_text_file", "strip_tags", "to_failure",
]
