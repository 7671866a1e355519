"""`read(paths)`: files and folders in, `Article`s and `Failure`s out, one bad input never stopping the rest.

The format comes from the extension, and from the first bytes where the extension does not say:

    .txt .text .md   text        .jsonl .ndjson      jsonl
    .html .htm       html        .xml .rss .atom     feed
    .json            a Telegram export when it lists "messages", else E111
    no extension     sniffed: markup, a JSON object, else text

A folder is read recursively, hidden entries left out: its files in name order, then its subfolders
in name order. A folder holding a Telegram export's `result.json` is that export, and its photos and
files are not read. A folder that cannot be listed is a failure of its own.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import IngestError, UnknownFormat, UnreadableInput, UsageError
from ..model import Article
from .feeds import read_feed_file
from .html import read_html_file
from .items import IngestItem, to_failure
from .jsonl import read_jsonl_file
from .options import DEFAULT_OPTIONS, IngestOptions
from .telegram import EXPORT_FILE, LOOKS_LIKE_EXPORT, read_telegram_file
from .text import parse_published, read_text_file

BY_EXTENSION = {
    ".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".json": "json",
}
SINGLE_ARTICLE_FORMATS = ("text", "html")
_SNIFF_BYTES = 64 * 1024
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
_HTML_ROOTS = (b"<html", b"<!doctype html")

Reader = Callable[[Path, IngestOptions, str], Iterator[IngestItem]]


def read(
    paths: Iterable[str | Path] | str | Path,
    options: IngestOptions | None = None,
    published: str | dt.date | None = None,
    id: str | None = None,
) -> Iterator[IngestItem]:
    """Articles from files and folders, with a `Failure` in place of every input that is not one.

    `published` overrides every article's date; `id` names the article of a single text or HTML file.
    Both are checked before anything is read: a bad one raises (E110, E501).
    """
    paths = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(path) for path in paths]
    date = parse_published(published)
    if id is not None:
        _check_single(paths)
    return _read_all(paths, options or DEFAULT_OPTIONS, date, id)


def _check_single(paths: list[Path]) -> None:
    if len(paths) != 1 or BY_EXTENSION.get(paths[0].suffix.lower()) not in SINGLE_ARTICLE_FORMATS:
        raise UsageError("an id can only be given for one .txt or .html file")


def _read_all(
    paths: list[Path], options: IngestOptions, date: dt.date | None, id: str | None
) -> Iterator[IngestItem]:
    for path in paths:
        for item in _read_path(path, options, id):
            if date is not None and isinstance(item, Article):
                item.published = date
            yield item


def _read_path(path: Path, options: IngestOptions, id: str | None) -> Iterator[IngestItem]:
    if path.is_dir():
        yield from _read_folder(path, options)
    else:
        yield from read_file(path, options, id or path.stem)


def _read_folder(root: Path, options: IngestOptions) -> Iterator[IngestItem]:
    for entry in walk(root):
        if isinstance(entry, OSError):
            yield to_failure(_unreadable(entry), str(entry.filename), None, options)
        else:
            yield from read_file(entry, options, entry.relative_to(root).with_suffix("").as_posix())


def walk(root: Path) -> Iterator[Path | OSError]:
    """The files under `root` (a folder's own before its subfolders') and each unlistable folder's error."""
    errors: list[OSError] = []
    for folder, folders, files in os.walk(root, onerror=errors.append):
        yield from _drain(errors)
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        names = sorted(name for name in files if not name.startswith("."))
        if EXPORT_FILE in names and _holds_export(Path(folder)):
            folders[:], names = [], [EXPORT_FILE]
        yield from (Path(folder, name) for name in names)
    yield from _drain(errors)


def _holds_export(folder: Path) -> bool:
    try:
        return is_telegram_export(folder / EXPORT_FILE)
    except UnreadableInput:
        return False  # then the folder is read as any other, and reading the file records why it failed


def _drain(errors: list[OSError]) -> list[OSError]:
    drained = errors[:]
    errors.clear()
    return drained


def _unreadable(error: OSError) -> UnreadableInput:
    return UnreadableInput(f"{error.filename}: {error.strerror or error}")


def read_file(path: Path, options: IngestOptions | None = None, name: str | None = None) -> Iterator[IngestItem]:
    """The items of one file; whatever stops the file as a whole becomes one `Failure`."""
    options = options or DEFAULT_OPTIONS
    try:
        yield from READERS[detect_format(path)](path, options, name or path.stem)
    except IngestError as error:
        yield to_failure(error, str(path), _payload(path, error, options), options)


def _payload(path: Path, error: IngestError, options: IngestOptions) -> bytes | None:
    if isinstance(error, UnreadableInput) or not path.is_file():
        return None
    return head(path, options.max_payload_bytes)


def detect_format(path: Path) -> str:
    """"text", "html", "jsonl", "feed" or "telegram", from the extension, else from the first bytes."""
    fmt = BY_EXTENSION.get(path.suffix.lower())
    if fmt == "json":
        return _json_format(path)
    return fmt or _sniff(path)


def _json_format(path: Path) -> str:
    if is_telegram_export(path):
        return "telegram"
    raise UnknownFormat(f"{path}: a .json file that is not a Telegram channel export")


def is_telegram_export(path: Path) -> bool:
    return bool(LOOKS_LIKE_EXPORT.search(head(path, _SNIFF_BYTES)))


def _sniff(path: Path) -> str:
    start = head(path, _SNIFF_BYTES).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"\x00" in start:
        return "text"  # the text reader says it is binary, and why
    if start.startswith(b"<"):
        return _markup_format(start, path)
    if start.startswith(b"{"):
        return "telegram" if LOOKS_LIKE_EXPORT.search(start) else "jsonl"
    if not path.suffix:
        return "text"
    raise UnknownFormat(f"{path}: unknown extension {path.suffix!r}")


def _markup_format(start: bytes, path: Path) -> str:
    if any(root in start for root in _FEED_ROOTS):
        return "feed"
    if any(root in start for root in _HTML_ROOTS):
        return "html"
    raise UnknownFormat(f"{path}: markup that is neither a feed nor an HTML page")


def head(path: Path, size: int) -> bytes:
    """The first `size` bytes of a file."""
    try:
        with path.open("rb") as stream:
            return stream.read(size)
    except OSError as error:
        raise UnreadableInput(f"{path}: {error.strerror or error}") from error


def _single(reader: Callable[..., Article]) -> Reader:
    def read_one(path: Path, options: IngestOptions, name: str) -> Iterator[IngestItem]:
        yield reader(path, options, id=name)

    return read_one


READERS: dict[str, Reader] = {
    "text": _single(read_text_file),
    "html": _single(read_html_file),
    "jsonl": lambda path, options, name: read_jsonl_file(path, options, name=name),
    "feed": lambda path, options, name: read_feed_file(path, options, name=name),
    "telegram": lambda path, options, name: read_telegram_file(path, options),
}
