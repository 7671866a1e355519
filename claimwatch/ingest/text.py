"""Plain text: bytes -> checked text -> `Article`, and the checks every other reader shares.

    read_bytes(path, limit)   stat first, so an oversized file is refused unread      E104, E112
    decode(raw, source)       UTF-8 (a BOM is dropped, line ends become "\\n")         E102, E103
    check_text(text, source)  not empty, not too large, English on longer texts      E101, E104, E105
    parse_published(value)    YYYY-MM-DD, ISO 8601 datetimes, RFC 822 feed dates     E110

No encoding is guessed: bytes are UTF-8 unless the input itself declares another (an HTML meta
charset, an XML declaration), and bytes that are neither are an error the user can act on.
A text file is kept whole, so offsets into `article.text` are offsets into what we store; its first
line becomes the title when it looks like a headline.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from email.utils import parsedate_tz
from itertools import islice
from pathlib import Path

from ..errors import BadDate, BinaryInput, EmptyInput, EncodingError, NotEnglish, TooLarge, UnreadableInput
from ..model import Article
from .options import DEFAULT_OPTIONS, IngestOptions

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_TIME = re.compile(r"[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?", re.IGNORECASE)
_HAS_MONTH_NAME = re.compile(r"[A-Za-z]{3}")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LANGUAGE_SAMPLE_WORDS = 2000
_HEADLINE_MAX_CHARS = 200
_HEADLINE_BAD_ENDINGS = (".", ",", ";", ":")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = "\ufeff"

# Common English function words, written for this check; a text in another language shares few.
ENGLISH_STOPWORDS = frozenset("""
a about above after again against all also an and any are as at be been before being below between
both but by can could did do does doing down during each few for from further had has have having he
her here hers herself him himself his how i if in into is it its itself just me more most my myself
no nor not now of off on once only or other our ours ourselves out over own same she should so some
such than that the their theirs them themselves then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your yours
yourself yourselves said says since among across amid because people officials told according
""".split())


def parse_published(value: str | dt.date | None) -> dt.date | None:
    """A publication date from YYYY-MM-DD, an ISO 8601 datetime or an RFC 822 date; blank is None.

    A datetime keeps the calendar date it was written with, in its own time zone.
    """
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    if not isinstance(value, str):
        raise BadDate(repr(value))
    if not value.strip():
        return None
    date = date_or_none(value)
    if date is None:
        raise BadDate(repr(value))
    return date


def date_or_none(text: str) -> dt.date | None:
    """The date `parse_published` reads in `text`, or None when it reads none."""
    text = text.strip()
    if _ISO_DAY.match(text):
        return _iso_date(text)
    parts = parsedate_tz(text) if _HAS_MONTH_NAME.search(text) else None
    return _valid_date(*parts[:3]) if parts else None


def _iso_date(text: str) -> dt.date | None:
    rest = text[10:]
    if rest and not _ISO_TIME.fullmatch(rest):
        return None
    return _valid_date(*map(int, text[:10].split("-")))


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    if not (dt.MINYEAR <= year <= dt.MAXYEAR and 1 <= month <= 12):
        return None
    return dt.date(year, month, day) if 1 <= day <= calendar.monthrange(year, month)[1] else None


def check_text(text: str, source: str, options: IngestOptions | None = None) -> str:
    """Return `text` when it can become an article, else raise the coded reason."""
    options = options or DEFAULT_OPTIONS
    if not text.strip():
        raise EmptyInput(source)
    size = len(text.encode("utf-8"))
    if size > options.max_text_bytes:
        raise TooLarge(f"{source}: {size} bytes of text, limit {options.max_text_bytes}")
    if options.check_language:
        _check_english(text, source, options)
    return text


def english_ratio(text: str) -> tuple[float, int]:
    """Share of English function words among the first words of `text`, and how many words were read."""
    words = [match.group().lower() for match in islice(_WORD.finditer(text), _LANGUAGE_SAMPLE_WORDS)]
    if not words:
        return 0.0, 0
    return sum(word in ENGLISH_STOPWORDS for word in words) / len(words), len(words)


def _check_english(text: str, source: str, options: IngestOptions) -> None:
    ratio, words = english_ratio(text)
    if words > options.language_min_words and ratio < options.min_english_ratio:
        raise NotEnglish(f"{source}: {ratio:.0%} English function words, need {options.min_english_ratio:.0%}")


def decode(raw: bytes, source: str, options: IngestOptions | None = None, encoding: str = "utf-8") -> str:
    """Bytes to text: a leading BOM is dropped and line ends become "\\n".

    `encoding` is UTF-8 unless the input itself declares another (an HTML meta charset); none is guessed.
    """
    options = options or DEFAULT_OPTIONS
    if raw.startswith(_UTF16_BOMS):
        raise EncodingError(f"{source}: starts with a UTF-16 byte order mark; save it as UTF-8")
    _check_not_binary(raw, source, options)
    text = _decode_as(raw, encoding, source).removeprefix(_UTF8_BOM)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_not_binary(raw: bytes, source: str, options: IngestOptions) -> None:
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise BinaryInput(f"{source}: NUL byte at offset {nul}")
    control = len(raw) - len(raw.translate(None, _CONTROL_BYTES))
    if raw and control / len(raw) > options.max_control_ratio:
        raise BinaryInput(f"{source}: {control / len(raw):.0%} control bytes")


def _decode_as(raw: bytes, encoding: str, source: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        byte = raw[error.start]
        raise EncodingError(f"{source}: byte 0x{byte:02x} at offset {error.start} is not {encoding}") from error
    except LookupError as error:
        raise EncodingError(f"{source}: declares an unknown encoding {encoding!r}") from error


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, refused by size before it is read."""
    try:
        info = path.stat()
        _check_size(path, info.st_size, limit)
        return path.read_bytes()
    except OSError as error:
        raise UnreadableInput(f"{path}: {error.strerror or error}") from error


def _check_size(path: Path, size: int, limit: int) -> None:
    if not path.is_file():
        raise UnreadableInput(f"{path}: not a regular file")
    if size > limit:
        raise TooLarge(f"{path}: {size} bytes, limit {limit}")


def headline(text: str) -> str | None:
    """The first line, when it stands alone above a blank line and reads like a headline."""
    lines = text.lstrip().split("\n", 2)
    if len(lines) < 3 or lines[1].strip():
        return None
    first = lines[0].strip()
    if len(first) > _HEADLINE_MAX_CHARS or first.endswith(_HEADLINE_BAD_ENDINGS):
        return None
    return first


def read_text_file(path: str | Path, options: IngestOptions | None = None, id: str | None = None) -> Article:
    """A UTF-8 text file as one article; the id defaults to the file's stem."""
    options = options or DEFAULT_OPTIONS
    path = Path(path)
    text = check_text(decode(read_bytes(path, options.max_text_bytes), str(path), options), str(path), options)
    return Article(id=id or path.stem, text=text, title=headline(text), origin=str(path), fmt="text")
