from __future__ import annotations

import datetime as dt
import json

import pytest

from claimwatch.errors import BadTelegram, BinaryInput, EncodingError
from claimwatch.ingest.telegram import message_text, read_telegram_file

CLAIM = "Our fighters struck an army checkpoint near the river crossing at dawn and destroyed two vehicles."


def export(messages: list, **top) -> dict:
    return {"name": "Frontline Dispatch", "type": "public_channel", "id": 1987654321, "messages": messages, **top}


def message(number: int, text, kind: str = "message", date: str = "2024-03-23T01:15:00", **more) -> dict:
    return {"id": number, "type": kind, "date": date, "date_unixtime": "1711156500", "from": "Frontline Dispatch",
            "text": text, **more}


def write(tmp_path, data) -> object:
    folder = tmp_path / "ChatExport_2024-03-25"
    folder.mkdir()
    path = folder / "result.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("channel", ["Frontline Dispatch"])
def test_telegram_read_telegram_file_reads_messages_and_skips_service_ones(tmp_path, channel):
    path = write(tmp_path, export([
        message(1, "", kind="service", action="create_channel", title=channel),
        message(2, CLAIM),
        message(3, [{"type": "bold", "text": "URGENT:"}, " a car bomb went off at the ",
                    {"type": "text_link", "text": "market", "href": "https://example.org"}, " in the old town."],
                date="2024-03-24T18:00:00"),
        message(4, "", kind="service", action="pin_message", message_id=2),
        message(5, "", photo="photos/photo_5.jpg"),
    ]))
    first, second = list(read_telegram_file(path))
    assert (first.id, first.text, first.published) == (f"{channel}/2", CLAIM, dt.date(2024, 3, 23))
    assert (second.id, second.text) == (f"{channel}/3", "URGENT: a car bomb went off at the market in the old town.")
    assert second.published == dt.date(2024, 3, 24)
    assert (first.source, first.channel, first.fmt, first.origin) == (channel, "Telegram", "telegram", f"{path}#2")


@pytest.mark.parametrize("top,prefix", [({"name": None}, "1987654321"), ({"name": "", "id": None}, "ChatExport_2024-03-25")])
def test_telegram_read_telegram_file_names_a_nameless_channel(tmp_path, top, prefix):
    path = write(tmp_path, export([message(9, CLAIM)], **top))
    assert [article.id for article in read_telegram_file(path)] == [f"{prefix}/9"]


@pytest.mark.parametrize(
    "bad,code,article_id",
    [
        (message(7, CLAIM, date="around noon", date_unixtime=None), "E109", "Frontline Dispatch/7"),
        (message(7, {"type": "bold"}), "E109", "Frontline Dispatch/7"),
        (message(7, ["ok ", {"type": "mention"}]), "E109", "Frontline Dispatch/7"),
        ({"type": "message", "text": CLAIM}, "E109", None),
        ("not a message", "E109", None),
    ],
)
def test_telegram_read_telegram_file_records_a_bad_message_and_goes_on(tmp_path, bad, code, article_id):
    path = write(tmp_path, export([message(6, CLAIM), bad, message(8, CLAIM)]))
    first, failure, last = list(read_telegram_file(path))
    assert (first.id, last.id) == ("Frontline Dispatch/6", "Frontline Dispatch/8")
    assert (failure.code, failure.article_id, failure.stage) == (code, article_id, "ingest")
    assert json.loads(failure.payload) == bad


@pytest.mark.parametrize("date,stamp,expected", [("2024-03-23T01:15:00", None, dt.date(2024, 3, 23)),
                                                 ("not a date", "1711156500", dt.date(2024, 3, 23)),
                                                 (None, None, None)])
def test_telegram_read_telegram_file_reads_dates(tmp_path, date, stamp, expected):
    path = write(tmp_path, export([message(1, CLAIM, date=date, date_unixtime=stamp)]))
    (article,) = list(read_telegram_file(path))
    assert article.published == expected


@pytest.mark.parametrize(
    "data,detail",
    [
        ([1, 2], "a JSON list, not an object"),
        ({"name": "x", "messages": "none"}, "no 'messages' list"),
        ({"personal_information": {}, "chats": {"list": []}}, "a whole-account export; export the channel on its own"),
    ],
)
def test_telegram_read_telegram_file_rejects_other_json(tmp_path, data, detail):
    path = write(tmp_path, data)
    with pytest.raises(BadTelegram) as caught:
        list(read_telegram_file(path))
    assert caught.value.message == f"[E109] not a Telegram channel export: {path}: {detail}"


@pytest.mark.parametrize("content,error", [(b'{"messages": [', BadTelegram), (b"\x89PNG\x00", BinaryInput),
                                           ('{"name": "Café"}'.encode("latin-1"), EncodingError)])
def test_telegram_read_telegram_file_rejects_unreadable_exports(tmp_path, content, error):
    path = tmp_path / "result.json"
    path.write_bytes(content)
    with pytest.raises(error):
        list(read_telegram_file(path))


@pytest.mark.parametrize(
    "value,expected",
    [("plain", "plain"), (["a ", {"type": "italic", "text": "b"}, " c"], "a b c"), ([], "")],
)
def test_telegram_message_text_joins_pieces(value, expected):
    assert message_text(value) == expected


@pytest.mark.parametrize("numbers", [[12, 11, 30]])
def test_telegram_read_telegram_file_yields_in_export_order(tmp_path, numbers):
    path = write(tmp_path, export([message(number, CLAIM) for number in numbers]))
    assert [article.id for article in read_telegram_file(path)] == [f"Frontline Dispatch/{n}" for n in numbers]
