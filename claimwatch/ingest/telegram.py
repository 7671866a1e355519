"""Telegram Desktop channel exports (`result.json`) -> one `Article` per message with text.

Service messages (pins, joins, title changes) and messages without text (a photo with no caption)
are not reports and are passed over. A message's text is either a string or a list of strings and
styled pieces (`{"type": "bold", "text": ...}`); the pieces are joined as the reader sees them.
Ids are "<channel>/<message id>", the channel being its name, else its numeric id.
A message that cannot become an article is a `Failure` for that message and the others go on.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import BadTelegram, IngestError
from ..model import Article
from .items import IngestItem, to_failure
from .options import DEFAULT_OPTIONS, IngestOptions
from .text import check_text, date_or_none, decode, read_bytes

CHANNEL = "Telegram"
EXPORT_FILE = "result.json"
# an export names its messages near the top of the file
LOOKS_LIKE_EXPORT = re.compile(rb'"messages"\s*:\s*\[')
_MAX_STAMP_DIGITS = 11  # seconds since 1970, up to the year 5138


def read_telegram_file(path: str | Path, options: IngestOptions | None = None) -> Iterator[IngestItem]:
    """Every message with text in a channel export, in the export's order."""
    options = options or DEFAULT_OPTIONS
    path = Path(path)
    export = _load(decode(read_bytes(path, options.max_export_bytes), str(path), options), path)
    channel = str(export.get("name") or export.get("id") or path.parent.name)
    for message in export["messages"]:
        if _is_report(message):
            yield _message_item(message, channel, path, options)


def _load(text: str, path: Path) -> dict[str, Any]:
    export = _json(text, path)
    if not isinstance(export, dict):
        raise BadTelegram(f"{path}: a JSON {type(export).__name__}, not an object")
    if "chats" in export and "messages" not in export:
        raise BadTelegram(f"{path}: a whole-account export; export the channel on its own")
    if not isinstance(export.get("messages"), list):
        raise BadTelegram(f"{path}: no 'messages' list")
    return export


def _json(text: str, path: Path) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BadTelegram(f"{path}: not JSON ({error.msg} at line {error.lineno})") from error


def _is_report(message: Any) -> bool:
    """False for service messages and for messages with no text; malformed ones are kept, to fail."""
    if not isinstance(message, dict):
        return True
    return message.get("type") != "service" and message.get("text") not in ("", [], None)


def _message_item(message: Any, channel: str, path: Path, options: IngestOptions) -> IngestItem:
    number = message.get("id") if isinstance(message, dict) else None
    origin = f"{path}#{number}"
    article_id = f"{channel}/{number}" if number is not None else None
    try:
        return _message_article(message, article_id, channel, origin, options)
    except IngestError as error:
        payload = json.dumps(message, ensure_ascii=False).encode("utf-8")
        return to_failure(error, origin, payload, options, article_id=article_id)


def _message_article(
    message: Any, article_id: str | None, channel: str, origin: str, options: IngestOptions
) -> Article:
    if article_id is None:
        raise BadTelegram(f"{origin}: a message without an id")
    text = check_text(message_text(message["text"], origin), origin, options)
    return Article(
        id=article_id, text=text, published=_message_date(message, origin), source=channel, channel=CHANNEL,
        origin=origin, fmt="telegram",
    )


def message_text(value: Any, origin: str = "message") -> str:
    """The plain text of a message: a string, or a list of strings and `{"text": ...}` pieces."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        raise BadTelegram(f"{origin}: 'text' is a {type(value).__name__}")
    return "".join(_piece_text(piece, origin) for piece in value)


def _piece_text(piece: Any, origin: str) -> str:
    text = piece.get("text") if isinstance(piece, dict) else piece
    if not isinstance(text, str):
        raise BadTelegram(f"{origin}: a piece of text that is not a string: {piece!r}")
    return text


def _message_date(message: dict[str, Any], origin: str) -> dt.date | None:
    written, stamp = message.get("date"), message.get("date_unixtime")
    if written is None and stamp is None:
        return None
    date = date_or_none(written) if isinstance(written, str) else None
    if date is None and str(stamp).isdigit() and len(str(stamp)) <= _MAX_STAMP_DIGITS:
        date = dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc).date()
    if date is None:
        raise BadTelegram(f"{origin}: date {written!r} is not a date")
    return date
