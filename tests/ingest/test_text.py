from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from claimwatch.errors import BadDate, BinaryInput, EmptyInput, EncodingError, NotEnglish, TooLarge, UnreadableInput
from claimwatch.ingest.options import IngestOptions
from claimwatch.ingest.text import check_text, decode, english_ratio, headline, parse_published, read_text_file

ENGLISH = (
    "Gunmen opened fire on a bus carrying workers to a cement factory on the outskirts of the town early on "
    "Tuesday, killing four people and wounding at least nine others, the local police chief said. No group has "
    "said it was behind the attack, which came two days after a similar assault on a checkpoint in the area."
)
SPANISH = (
    "Hombres armados dispararon contra un autobús que llevaba obreros a una fábrica de cemento en las afueras "
    "del pueblo el martes por la mañana. Cuatro personas murieron y otras nueve quedaron heridas, según el jefe "
    "de la policía local. Ningún grupo se ha atribuido el ataque, que ocurrió dos días después de otro asalto."
)
FRENCH = (
    "Des hommes armés ont ouvert le feu sur un bus qui transportait des ouvriers vers une cimenterie à la sortie "
    "de la ville mardi matin. Quatre personnes ont été tuées et neuf autres blessées, selon le chef de la police "
    "locale. Aucun groupe n'a revendiqué l'attaque, survenue deux jours après un autre assaut dans la région."
)
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2024-01-03", dt.date(2024, 1, 3)),
        (" 2024-01-03 ", dt.date(2024, 1, 3)),
        ("2024-01-03T08:15:00Z", dt.date(2024, 1, 3)),
        ("2024-01-03T23:30:00.250+05:00", dt.date(2024, 1, 3)),
        ("2024-01-03 08:15", dt.date(2024, 1, 3)),
        ("Wed, 03 Jan 2024 08:15:00 GMT", dt.date(2024, 1, 3)),
        ("Sat, 23 Mar 24 01:15 +0300", dt.date(2024, 3, 23)),
        (dt.date(2024, 1, 3), dt.date(2024, 1, 3)),
        (dt.datetime(2024, 1, 3, 23, 59), dt.date(2024, 1, 3)),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_text_parse_published_reads_dates(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "value", ["yesterday", "2024-02-30", "03/01/2024", "2024-01-03Tnoon", "Mon, 31 Feb 2024 10:00:00 GMT", 20240103]
)
def test_text_parse_published_rejects_non_dates(value):
    with pytest.raises(BadDate) as caught:
        parse_published(value)
    assert caught.value.code == "E110"


@pytest.mark.parametrize("text", ["", "   \n\t \n"])
def test_text_check_text_rejects_empty(text):
    with pytest.raises(EmptyInput) as caught:
        check_text(text, "t.txt")
    assert caught.value.message == "[E101] input holds no text: t.txt"


@pytest.mark.parametrize("text", ["é" * 6, "abcdefg"])
def test_text_check_text_rejects_more_bytes_than_the_limit(text):
    with pytest.raises(TooLarge) as caught:
        check_text(text, "t.txt", IngestOptions(max_text_bytes=5))
    assert caught.value.code == "E104"


@pytest.mark.parametrize("text", [SPANISH, FRENCH, SPANISH + " " + FRENCH])
def test_text_check_text_rejects_other_languages(text):
    with pytest.raises(NotEnglish) as caught:
        check_text(text, "t.txt")
    assert caught.value.code == "E105"


@pytest.mark.parametrize(
    "text,options",
    [
        (ENGLISH, IngestOptions()),
        ("Explosión en el mercado central: cuatro muertos.", IngestOptions()),  # too short to judge
        (SPANISH, IngestOptions(check_language=False)),
    ],
)
def test_text_check_text_keeps_text_unchanged(text, options):
    assert check_text(text, "t.txt", options) is text


@pytest.mark.parametrize("text,low,high", [(ENGLISH, 0.3, 1.0), (SPANISH, 0.0, 0.1), (FRENCH, 0.0, 0.1)])
def test_text_english_ratio_separates_languages(text, low, high):
    ratio, words = english_ratio(text)
    assert low <= ratio <= high
    assert words > 30


@pytest.mark.parametrize(
    "raw,expected",
    [
        (b"one\ntwo", "one\ntwo"),
        (b"\xef\xbb\xbfone", "one"),
        (b"one\r\ntwo\rthree", "one\ntwo\nthree"),
        ("Zürich – “quoted”".encode("utf-8"), "Zürich – “quoted”"),
        (b"", ""),
    ],
)
def test_text_decode_reads_utf8(raw, expected):
    assert decode(raw, "t.txt") == expected


@pytest.mark.parametrize(
    "raw,message",
    [
        (PNG_BYTES, "[E102] input looks binary, not text: t.txt: NUL byte at offset 8"),
        (b"ab\x01\x02\x03\x04cdefghij", "[E102] input looks binary, not text: t.txt: 29% control bytes"),
    ],
)
def test_text_decode_rejects_binary(raw, message):
    with pytest.raises(BinaryInput) as caught:
        decode(raw, "t.txt")
    assert caught.value.message == message


@pytest.mark.parametrize(
    "raw,message",
    [
        ("Café crème".encode("latin-1"), "[E103] input is not valid UTF-8: t.txt: byte 0xe9 at offset 3 is not utf-8"),
        (
            "text".encode("utf-16"),
            "[E103] input is not valid UTF-8: t.txt: starts with a UTF-16 byte order mark; save it as UTF-8",
        ),
    ],
)
def test_text_decode_rejects_other_encodings(raw, message):
    with pytest.raises(EncodingError) as caught:
        decode(raw, "t.txt")
    assert caught.value.message == message


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Four killed in bus attack\n\nGunmen opened fire.", "Four killed in bus attack"),
        ("\n  Four killed in bus attack  \n\nGunmen opened fire.", "Four killed in bus attack"),
        ("Gunmen opened fire on a bus.\n\nFour were killed.", None),
        ("Four killed in bus attack\nGunmen opened fire.", None),
        ("Four killed in bus attack", None),
        ("x" * 201 + "\n\nbody", None),
    ],
)
def test_text_headline_takes_a_standalone_first_line(text, expected):
    assert headline(text) == expected


@pytest.mark.parametrize("name", ["bus-attack.txt"])
def test_text_read_text_file_keeps_the_whole_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\xef\xbb\xbfFour killed in bus attack\r\n\r\n" + ENGLISH.encode("utf-8") + b"\r\n")
    article = read_text_file(path)
    assert article.text == "Four killed in bus attack\n\n" + ENGLISH + "\n"
    assert article.title == "Four killed in bus attack"
    assert article.text[27:33] == "Gunmen"
    assert (article.id, article.origin, article.fmt, article.published) == ("bus-attack", str(path), "text", None)


@pytest.mark.parametrize("id", ["report-7"])
def test_text_read_text_file_takes_a_given_id(tmp_path, id):
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    assert read_text_file(path, id=id).id == id


@pytest.mark.parametrize("size", [50_000_000])
def test_text_read_text_file_refuses_a_huge_file_unread(tmp_path, monkeypatch, size):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(size)  # sparse: 50 MB on paper, nothing written

    def never(self):
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", never)
    started = time.perf_counter()
    with pytest.raises(TooLarge) as caught:
        read_text_file(path)
    assert time.perf_counter() - started < 1.0
    assert caught.value.message == f"[E104] input is larger than the limit: {path}: {size} bytes, limit 5000000"


@pytest.mark.parametrize(
    "content,error",
    [(b"", EmptyInput), (b"  \n\n", EmptyInput), (PNG_BYTES, BinaryInput), ("Café".encode("latin-1"), EncodingError)],
)
def test_text_read_text_file_rejects_bad_files(tmp_path, content, error):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(error):
        read_text_file(path)


@pytest.mark.parametrize("name", ["missing.txt"])
def test_text_read_text_file_reports_a_missing_file(tmp_path, name):
    with pytest.raises(UnreadableInput) as caught:
        read_text_file(tmp_path / name)
    assert caught.value.message == f"[E112] input cannot be read: {tmp_path / name}: No such file or directory"


@pytest.mark.parametrize("text", [SPANISH])
def test_text_read_text_file_rejects_non_english(tmp_path, text):
    path = tmp_path / "es.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NotEnglish):
        read_text_file(path)
