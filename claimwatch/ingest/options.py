"""The settings of the ingest stage: one small, explicit object, passed down to every reader.

Limits are in bytes of UTF-8. A file is measured with `stat` before it is read, so an oversized
input is refused without being loaded.
"""
from __future__ import annotations

from dataclasses import dataclass

MB = 1_000_000


@dataclass(frozen=True)
class IngestOptions:
    max_text_bytes: int = 5 * MB  # the text of one article; also a .txt file
    max_html_bytes: int = 10 * MB  # an .html file, or the html of one JSONL line
    max_export_bytes: int = 200 * MB  # a feed or a Telegram export, which are parsed whole
    max_payload_bytes: int = 1 * MB  # how much of a failed input a Failure keeps
    check_language: bool = True
    language_min_words: int = 30  # shorter texts are not language-checked
    min_english_ratio: float = 0.15  # share of words that must be English function words
    max_control_ratio: float = 0.05  # share of control bytes above which input is binary


DEFAULT_OPTIONS = IngestOptions()
