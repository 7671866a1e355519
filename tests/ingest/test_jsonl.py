from __future__ import annotations

import datetime as dt
import json

import pytest

from claimwatch.errors import EmptyInput
from claimwatch.ingest.jsonl import read_jsonl_file
from claimwatch.ingest.options import IngestOptions
from claimwatch.model import Article, Failure

REPORT_A = "Two explosions hit a crowded bus station in the capital on Sunday evening, killing eleven people."
REPORT_B = "Security forces said they had arrested three suspects linked to the bus station bombings."
REPORT_C = "The government declared three days of mourning for the victims of the bus station attack."
PAGE = (
    "<html><head><title>Station attack | Capital Times</title>"
    '<meta property="article:published_time" content="2024-06-02"></head><body><article>'
    f"<p>{REPORT_A}</p><p>{REPORT_B}</p></article></body></html>"
)


def line(**fields) -> str:
    return json.dumps(fields)


def write_lines(tmp_path, lines: list[str], name: str = "dump.jsonl"):
    path = tmp_path / name
    path.write_bytes(b"".join(text.encode("utf-8") + b"\n" for text in lines))
    return path


@pytest.mark.parametrize(
    "bad,code,message",
    [
        ("{not json", "E108", "not JSON (Expecting property name enclosed in double quotes at column 2)"),
        ('["a", "list"]', "E108", "a JSON list, not an object"),
        ('{"id": "x", "title": "no body"}', "E108", "neither 'text' nor 'html'"),
        ('{"id": "x", "text": "Fine text.", "published": "last week"}', "E108", "'published' is not a date: 'last week'"),
        ('{"id": "x", "text": 42}', "E108", "'text' must be a string, not int"),
        ('{"id": ["x"], "text": "Fine text."}', "E108", "'id' must be a string or an integer"),
        ('{"id": "x", "text": "   "}', "E101", ""),
    ],
)
def test_jsonl_read_jsonl_file_records_a_bad_line_and_goes_on(tmp_path, bad, code, message):
    path = write_lines(tmp_path, [line(id="a", text=REPORT_A), bad, line(id="c", text=REPORT_C)])
    first, failure, last = list(read_jsonl_file(path))
    assert (first.id, first.text, last.id, last.text) == ("a", REPORT_A, "c", REPORT_C)
    assert isinstance(failure, Failure)
    assert (failure.source, failure.stage, failure.code) == (f"{path}:2", "ingest", code)
    assert failure.message.endswith(f"{path}:2: {message}" if message else f"{path}:2")
    assert failure.payload == bad.encode("utf-8") + b"\n"


@pytest.mark.parametrize("bad,article_id", [('{"id": "x", "text": "ok", "published": "soon"}', "x"), ("[1]", None)])
def test_jsonl_read_jsonl_file_names_the_article_of_a_bad_line_when_it_can(tmp_path, bad, article_id):
    (failure,) = list(read_jsonl_file(write_lines(tmp_path, [bad])))
    assert failure.article_id == article_id


@pytest.mark.parametrize("name", ["reports.ndjson"])
def test_jsonl_read_jsonl_file_fills_every_field(tmp_path, name):
    path = write_lines(tmp_path, [
        line(id=17, text=REPORT_A, published="2024-06-02T21:10:00+03:00", url="https://t.example/17",
             title="Station attack", source="Capital Times"),
    ], name)
    (article,) = list(read_jsonl_file(path))
    assert (article.id, article.text, article.published) == ("17", REPORT_A, dt.date(2024, 6, 2))
    assert (article.url, article.title, article.source) == ("https://t.example/17", "Station attack", "Capital Times")
    assert (article.origin, article.fmt, article.channel) == (f"{path}:1", "jsonl", None)


@pytest.mark.parametrize("name", [None, "batch/june"])
def test_jsonl_read_jsonl_file_numbers_lines_without_an_id(tmp_path, name):
    path = write_lines(tmp_path, ["", line(text=REPORT_A), "   ", line(id="", text=REPORT_B)])
    stem = name or "dump"
    assert [article.id for article in read_jsonl_file(path, name=name)] == [f"{stem}:2", f"{stem}:4"]


@pytest.mark.parametrize("published,expected", [(None, dt.date(2024, 6, 2)), ("2024-06-03", dt.date(2024, 6, 3))])
def test_jsonl_read_jsonl_file_extracts_html_lines(tmp_path, published, expected):
    path = write_lines(tmp_path, [line(id="h", html=PAGE, published=published, source="Wire")])
    (article,) = list(read_jsonl_file(path))
    assert article.text == f"{REPORT_A}\n\n{REPORT_B}"
    assert (article.title, article.published, article.source, article.fmt) == ("Station attack", expected, "Wire", "jsonl")


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_jsonl_read_jsonl_file_rejects_an_empty_file(tmp_path, content):
    path = tmp_path / "empty.jsonl"
    path.write_bytes(content)
    with pytest.raises(EmptyInput):
        list(read_jsonl_file(path))


@pytest.mark.parametrize("limit", [200])
def test_jsonl_read_jsonl_file_skips_an_overlong_line(tmp_path, limit):
    long_line = line(id="long", text="word " * 100)
    path = write_lines(tmp_path, [long_line, line(id="b", text=REPORT_B)])
    failure, article = list(read_jsonl_file(path, IngestOptions(max_html_bytes=limit)))
    assert (failure.source, failure.code, len(failure.payload)) == (f"{path}:1", "E104", limit + 1)
    assert (article.id, article.origin) == ("b", f"{path}:2")


@pytest.mark.parametrize("raw,code", [("Café".encode("latin-1"), "E103"), (b"\x00\x01\x02", "E102")])
def test_jsonl_read_jsonl_file_records_undecodable_lines(tmp_path, raw, code):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(line(id="a", text=REPORT_A).encode() + b"\n" + raw + b"\n" + line(id="c", text=REPORT_C).encode())
    items = list(read_jsonl_file(path))
    assert [type(item) for item in items] == [Article, Failure, Article]
    assert (items[1].source, items[1].code, items[1].payload) == (f"{path}:2", code, raw + b"\n")
