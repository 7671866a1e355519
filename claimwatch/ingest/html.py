"""HTML -> `Article`: trafilatura keeps the main text and drops menus, captions, comments and tables.

The page's own metadata (title, publication date, site name, canonical URL) fills the article's
fields; the date comes from the page's markup only, never guessed from its body. A page is read as
UTF-8 unless it declares another charset. Paragraphs are separated by a blank line, as in text files
and JSONL dumps, so one report reads the same whatever format it came in. `strip_tags` is the light
way for HTML fragments (feed summaries), which are too short for main-text extraction.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import trafilatura
from trafilatura.settings import set_date_params

from ..errors import BadHTML, EmptyInput
from ..model import Article
from .options import DEFAULT_OPTIONS, IngestOptions
from .text import check_text, decode, parse_published, read_bytes

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_CHARSET_SNIFF_BYTES = 4096
# As browsers do: pages that say Latin-1 or ASCII are windows-1252.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252"}
PARAGRAPH_BREAK = "\n\n"
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "figure", "figcaption"})
_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "table", "tr", "section", "article", "header", "footer",
})


def read_html_file(path: str | Path, options: IngestOptions | None = None, id: str | None = None) -> Article:
    """An HTML page as one article; the id defaults to the file's stem."""
    options = options or DEFAULT_OPTIONS
    path = Path(path)
    html = decode_html(read_bytes(path, options.max_html_bytes), str(path), options)
    return html_to_article(html, id or path.stem, str(path), options)


def decode_html(raw: bytes, source: str, options: IngestOptions | None = None) -> str:
    return decode(raw, source, options, encoding=declared_charset(raw) or "utf-8")


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in a meta tag near its top, if any."""
    match = _CHARSET.search(raw[:_CHARSET_SNIFF_BYTES])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    return _CHARSET_ALIASES.get(name, name)


def html_to_article(
    html: str, id: str, origin: str, options: IngestOptions | None = None, url: str | None = None
) -> Article:
    """Extract the main text and metadata of a page; `BadHTML` when nothing is left."""
    if not html.strip():
        raise EmptyInput(origin)
    document = _extract(html, url)
    if document is None or not (document.text or "").strip():
        raise BadHTML(f"{origin}: no main text found")
    text = check_text(paragraphs(document.text), origin, options)
    return Article(
        id=id, text=text, published=parse_published(document.date), title=document.title or None,
        url=document.url or url, source=document.sitename or document.hostname or None, origin=origin, fmt="html",
    )


def _extract(html: str, url: str | None):
    return trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=False, with_metadata=True,
        date_extraction_params=set_date_params(extensive=False),
    )


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def strip_tags(html: str) -> str:
    """The text of an HTML fragment, one paragraph per block; scripts and captions are dropped."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return paragraphs("".join(collector.parts))


def paragraphs(text: str) -> str:
    """Each non-blank line of `text` as a paragraph, spaces collapsed, with a blank line between."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return PARAGRAPH_BREAK.join(line for line in lines if line)
