from __future__ import annotations

import datetime as dt
import json

import pytest

from claimwatch.errors import BadFeed, EmptyInput
from claimwatch.ingest.feeds import read_feed_file
from claimwatch.model import Article, Failure

FIRST = (
    "Gunmen attacked a police post in the hills north of the city overnight, killing three officers, "
    "the interior ministry said on Friday."
)
SECOND = "A roadside bomb struck a convoy of aid trucks on the main highway, wounding two drivers."
RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Northern Wire</title><link>https://wire.example/</link><description>News</description>
<item>
  <title>Police post attacked</title>
  <link>https://wire.example/police-post</link>
  <guid>wire-1001</guid>
  <pubDate>Fri, 12 Apr 2024 23:30:00 +0300</pubDate>
  <description>&lt;p&gt;{FIRST}&lt;/p&gt;&lt;figure&gt;&lt;figcaption&gt;The post after the attack&lt;/figcaption&gt;&lt;/figure&gt;</description>
</item>
<item>
  <title>Aid convoy hit</title>
  <link>https://wire.example/convoy</link>
  <pubDate>Sat, 13 Apr 2024 08:00:00 GMT</pubDate>
  <description>{SECOND}</description>
</item>
</channel></rss>
"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Border Monitor</title><id>urn:border</id><updated>2024-04-14T10:00:00Z</updated>
<entry>
  <title>Convoy struck</title>
  <id>urn:border:77</id>
  <updated>2024-04-14T01:15:00-05:00</updated>
  <summary>Short summary only.</summary>
  <content type="html">&lt;p&gt;{SECOND}&lt;/p&gt;</content>
</entry>
<entry>
  <title>No link, no id</title>
  <summary>{FIRST}</summary>
</entry>
</feed>
"""


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["wire.xml"])
def test_feeds_read_feed_file_reads_rss_items(tmp_path, name):
    path = write(tmp_path, name, RSS)
    first, second = list(read_feed_file(path))
    assert (first.id, first.title, first.url) == ("wire-1001", "Police post attacked", "https://wire.example/police-post")
    assert first.text == FIRST
    assert first.published == dt.date(2024, 4, 12)  # as written, not moved to UTC
    assert (first.source, first.channel, first.fmt, first.origin) == ("Northern Wire", None, "feed", f"{path}#1")
    assert (second.id, second.text, second.published) == ("https://wire.example/convoy", SECOND, dt.date(2024, 4, 13))


@pytest.mark.parametrize("name", ["border.atom"])
def test_feeds_read_feed_file_reads_atom_content_over_summary(tmp_path, name):
    path = write(tmp_path, name, ATOM)
    first, second = list(read_feed_file(path))
    assert (first.id, first.text, first.published, first.source) == (
        "urn:border:77", SECOND, dt.date(2024, 4, 14), "Border Monitor"
    )
    assert (second.id, second.text, second.url, second.published) == ("border:2", FIRST, None, None)


@pytest.mark.parametrize("name", ["border.atom"])
def test_feeds_read_feed_file_names_entries_after_the_given_name(tmp_path, name):
    path = write(tmp_path, name, ATOM)
    assert [item.id for item in read_feed_file(path, name="sub/border")] == ["urn:border:77", "sub/border:2"]


@pytest.mark.parametrize(
    "text",
    [
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Cut',
        "<rss><chan",
        "this is not xml at all",
    ],
)
def test_feeds_read_feed_file_rejects_a_broken_feed(tmp_path, text):
    path = write(tmp_path, "broken.xml", text)
    with pytest.raises(BadFeed) as caught:
        list(read_feed_file(path))
    assert caught.value.code == "E107"


@pytest.mark.parametrize("text", ['<?xml version="1.0"?><catalog><book id="1"/></catalog>'])
def test_feeds_read_feed_file_rejects_xml_that_is_no_feed(tmp_path, text):
    path = write(tmp_path, "books.xml", text)
    with pytest.raises(BadFeed) as caught:
        list(read_feed_file(path))
    assert caught.value.message == f"[E107] feed could not be parsed: {path}: neither RSS nor Atom"


@pytest.mark.parametrize("text", ["", "  \n"])
def test_feeds_read_feed_file_rejects_an_empty_file(tmp_path, text):
    with pytest.raises(EmptyInput):
        list(read_feed_file(write(tmp_path, "empty.rss", text)))


@pytest.mark.parametrize("cut", ["<item><title>Aid convoy hit</title><link>https://wire.exa"])
def test_feeds_read_feed_file_keeps_entries_before_a_truncation(tmp_path, cut):
    truncated = RSS[: RSS.index("<item>", RSS.index("</item>"))] + cut
    path = write(tmp_path, "truncated.rss", truncated)
    items = list(read_feed_file(path))
    assert [type(item) for item in items] == [Article, Failure, Failure]
    assert items[0].text == FIRST
    assert (items[1].source, items[1].code) == (f"{path}#2", "E101")  # the cut-off item has no text
    assert (items[2].source, items[2].code) == (str(path), "E107")
    assert items[2].message.endswith("; 2 entries read before it")
    assert items[2].payload == truncated.encode("utf-8")


@pytest.mark.parametrize(
    "item,code",
    [
        ("<item><guid>g-1</guid><title>Title only</title></item>", "E101"),
        (f"<item><guid>g-1</guid><pubDate>sometime soon</pubDate><description>{SECOND}</description></item>", "E110"),
    ],
)
def test_feeds_read_feed_file_records_a_bad_entry_and_goes_on(tmp_path, item, code):
    path = write(tmp_path, "wire.rss", RSS.replace("<item>", item + "<item>", 1))
    bad, *rest = list(read_feed_file(path))
    assert (bad.source, bad.code, bad.article_id, bad.stage) == (f"{path}#1", code, "g-1", "ingest")
    assert json.loads(bad.payload)["id"] == "g-1"
    assert [article.id for article in rest] == ["wire-1001", "https://wire.example/convoy"]
