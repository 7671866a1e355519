from __future__ import annotations

import datetime as dt
import importlib
import json
import os

import pytest

from claimwatch.errors import BadDate, UnknownFormat, UsageError
from claimwatch.ingest import IngestOptions, detect_format, read
from claimwatch.model import Article

ENGLISH = (
    "Unidentified attackers set fire to the offices of an opposition party in the northern city late on Thursday, "
    "destroying records and two cars parked outside, a party spokesman said. Nobody was hurt in the fire."
)
SPANISH = (
    "Atacantes desconocidos incendiaron la sede de un partido de la oposición en la ciudad del norte el jueves "
    "por la noche. El fuego destruyó archivos y dos coches que estaban aparcados delante del edificio, según "
    "un portavoz del partido, que añadió que nadie resultó herido y que la policía ya investiga lo ocurrido."
)
PAGE = f"<html><head><title>Party office burned</title></head><body><article><p>{ENGLISH}</p></article></body></html>"
RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><guid>w-1</guid><title>Offices burned</title><description>{ENGLISH}</description></item>
</channel></rss>"""
TELEGRAM = {"name": "North Watch", "type": "public_channel", "id": 5, "messages": [
    {"id": 1, "type": "service", "date": "2024-02-01T10:00:00", "action": "create_channel", "text": ""},
    {"id": 2, "type": "message", "date": "2024-02-02T10:00:00", "text": ["Fire at the ", {"type": "bold", "text": "party office"}]},
]}
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"


def put(folder, name: str, content: str | bytes):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def summary(items) -> list[tuple[str, str, str]]:
    return [
        ("article", item.id, item.fmt) if isinstance(item, Article) else ("failure", item.source, item.code)
        for item in items
    ]


@pytest.mark.parametrize("folder_name", ["inbox"])
def test_readers_read_walks_a_folder_in_order_and_goes_on_past_bad_files(tmp_path, folder_name):
    root = tmp_path / folder_name
    put(root, "a-report.txt", "Party office burned\n\n" + ENGLISH)
    put(root, "b-page.html", PAGE)
    put(root, "c-broken.html", "<html><body><div><p>")
    put(root, "d-dump.jsonl", json.dumps({"text": ENGLISH}) + "\n{oops\n")
    put(root, "e-wire.rss", RSS)
    put(root, "f-spanish.txt", SPANISH)
    put(root, "g-table.csv", "a,b\n1,2\n")
    put(root, ".DS_Store", PNG_BYTES)
    put(root, "nested/h-note.txt", ENGLISH)
    put(root, "telegram/result.json", json.dumps(TELEGRAM))
    put(root, "telegram/photos/photo_1.jpg", PNG_BYTES)
    assert summary(read([root])) == [
        ("article", "a-report", "text"),
        ("article", "b-page", "html"),
        ("failure", str(root / "c-broken.html"), "E106"),
        ("article", "d-dump:1", "jsonl"),
        ("failure", f"{root / 'd-dump.jsonl'}:2", "E108"),
        ("article", "w-1", "feed"),
        ("failure", str(root / "f-spanish.txt"), "E105"),
        ("failure", str(root / "g-table.csv"), "E111"),
        ("article", "nested/h-note", "text"),
        ("article", "North Watch/2", "telegram"),
    ]


@pytest.mark.parametrize(
    "name,content,code",
    [
        ("empty.txt", b"", "E101"),
        ("image.txt", PNG_BYTES, "E102"),
        ("latin.txt", "Un café au coin de la rue.".encode("latin-1"), "E103"),
        ("spanish.txt", SPANISH.encode("utf-8"), "E105"),
        ("broken.html", b"<html><body><div><p>", "E106"),
        ("broken.xml", b'<?xml version="1.0"?><rss version="2.0"><channel><ti', "E107"),
        ("empty.jsonl", b"\n", "E101"),
        ("result.json", b'{"messages": [1, 2', "E109"),
        ("other.json", b'{"rows": []}', "E111"),
        ("image.png", PNG_BYTES, "E102"),
    ],
)
def test_readers_read_turns_a_bad_file_into_a_failure_with_its_bytes(tmp_path, name, content, code):
    path = put(tmp_path, name, content)
    (failure,) = list(read([path]))
    assert (failure.source, failure.stage, failure.code, failure.payload) == (str(path), "ingest", code, content)


@pytest.mark.parametrize("size", [50_000_000])
def test_readers_read_refuses_a_huge_file_with_a_capped_payload(tmp_path, size):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.write(b"word " * 1000)
        stream.truncate(size)
    (failure,) = list(read([path], IngestOptions(max_payload_bytes=100)))
    assert (failure.code, failure.payload) == ("E104", b"word " * 20)


@pytest.mark.parametrize("names", [["missing.txt", "missing"]])
def test_readers_read_records_missing_paths(tmp_path, names):
    paths = [tmp_path / name for name in names]
    assert summary(read(paths)) == [("failure", str(path), "E112") for path in paths]


@pytest.mark.parametrize("published", ["2024-07-01", dt.date(2024, 7, 1), "Mon, 01 Jul 2024 12:00:00 GMT"])
def test_readers_read_overrides_the_publication_date(tmp_path, published):
    path = put(tmp_path, "dump.jsonl", json.dumps({"text": ENGLISH, "published": "2020-01-01"}))
    (article,) = list(read([path], published=published))
    assert article.published == dt.date(2024, 7, 1)


@pytest.mark.parametrize("name", ["report.txt", "page.html"])
def test_readers_read_names_a_single_article(tmp_path, name):
    path = put(tmp_path, name, PAGE if name.endswith(".html") else ENGLISH)
    (article,) = list(read(path, id="case-42"))
    assert article.id == "case-42"


@pytest.mark.parametrize("names", [["a.txt", "b.txt"], ["dump.jsonl"], ["folder"]])
def test_readers_read_refuses_an_id_for_many_articles(tmp_path, names):
    with pytest.raises(UsageError):
        read([tmp_path / name for name in names], id="case-42")


@pytest.mark.parametrize("published", ["next Tuesday", "2024-13-01"])
def test_readers_read_refuses_a_bad_date_override_before_reading(tmp_path, published):
    with pytest.raises(BadDate):
        read([tmp_path / "never-read.txt"], published=published)


@pytest.mark.parametrize(
    "name,content,fmt",
    [
        ("notes", ENGLISH, "text"),
        ("page", "\ufeff  <!DOCTYPE html>" + PAGE, "html"),
        ("wire", RSS, "feed"),
        ("dump", json.dumps({"text": ENGLISH}), "jsonl"),
        ("export", json.dumps(TELEGRAM), "telegram"),
        ("notes.md", ENGLISH, "text"),
        ("feed.ATOM", RSS, "feed"),
        ("raw.bin", PNG_BYTES, "text"),
    ],
)
def test_readers_detect_format_uses_extension_then_content(tmp_path, name, content, fmt):
    assert detect_format(put(tmp_path, name, content)) == fmt


@pytest.mark.parametrize("name,content", [("data.csv", "a,b\n"), ("layout.svg", "<svg></svg>"), ("x.json", "[1]")])
def test_readers_detect_format_refuses_what_it_cannot_tell(tmp_path, name, content):
    with pytest.raises(UnknownFormat):
        detect_format(put(tmp_path, name, content))


@pytest.mark.parametrize("name", ["result.json"])
def test_readers_read_takes_only_the_export_from_a_telegram_folder(tmp_path, name):
    folder = tmp_path / "ChatExport"
    put(folder, name, json.dumps(TELEGRAM))
    put(folder, "photos/photo_2.jpg", PNG_BYTES)
    put(folder, "notes.txt", ENGLISH)
    assert summary(read(folder)) == [("article", "North Watch/2", "telegram")]


@pytest.mark.parametrize("name", ["result.json"])
def test_readers_read_walks_a_folder_whose_result_json_is_no_export(tmp_path, name):
    put(tmp_path, name, '{"rows": []}')
    put(tmp_path, "notes.txt", ENGLISH)
    assert summary(read(tmp_path)) == [("article", "notes", "text"), ("failure", str(tmp_path / name), "E111")]


@pytest.mark.parametrize("name", ["locked"])
def test_readers_read_records_an_unlistable_folder(tmp_path, monkeypatch, name):
    locked = tmp_path / name
    put(locked, "inside.txt", ENGLISH)
    put(tmp_path, "open.txt", ENGLISH)
    scandir = os.scandir

    def refuse_locked(path):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_locked)
    assert summary(read(tmp_path)) == [("article", "open", "text"), ("failure", str(locked), "E112")]


@pytest.mark.parametrize("count", [3])
def test_readers_read_is_lazy(tmp_path, count):
    for number in range(count):
        put(tmp_path, f"{number}.txt", ENGLISH)
    items = read(tmp_path)
    first = next(items)
    assert isinstance(first, Article) and first.id == "0"
    assert [item.id for item in items] == ["1", "2"]


@pytest.mark.parametrize("module", ["claimwatch.ingest"])
def test_readers_ingest_exports_its_public_names(module):
    package = importlib.import_module(module)
    assert sorted(package.__all__) == sorted(name for name in package.__all__ if hasattr(package, name))
    assert {"read", "IngestOptions", "parse_published", "IngestItem"} <= set(package.__all__)


@pytest.mark.parametrize("paragraphs", [[ENGLISH, "Police said they were looking for two men seen running from the building."]])
def test_readers_read_gives_a_report_the_same_text_in_every_format(tmp_path, paragraphs):
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    put(tmp_path, "a.jsonl", json.dumps({"id": "r", "text": "\n\n".join(paragraphs)}))
    put(tmp_path, "b.html", f"<html><body><nav>Home</nav><article>{body}</article></body></html>")
    put(tmp_path, "c.rss", RSS.replace(ENGLISH, body.replace("<", "&lt;").replace(">", "&gt;")))
    texts = {item.fmt: item.text for item in read(tmp_path)}
    assert texts == {fmt: "\n\n".join(paragraphs) for fmt in ("jsonl", "html", "feed")}
