import pytest

from claimwatch.extract.zones import classify_line, find_zones
from claimwatch.model import Article


@pytest.mark.parametrize("line,first,kind", [
    ("Monday, June 8, 2009", False, "dateline"),
    ("By Jane Roe and John Doe", False, "byline"),
    ("In this March 3, 2019, file photo, a police officer stands guard outside the station.", False, "caption"),
    ("The minister speaks to reporters in Kabul (AP Photo/Some One).", False, "caption"),
    ("Reactions abroad", False, "subhead"),
    ("Bomb kills nine in Baghdad", True, None),
    ("A car bomb exploded near a market on Monday, police said.", False, None),
])
def test_zones_classify_line(line, first, kind):
    assert classify_line(line, first) == kind


@pytest.mark.parametrize("text,zone", [
    ("Blast kills three\n\nSunday, April 4, 2010\n\nA bomb went off on Sunday.", "Sunday, April 4, 2010"),
])
def test_zones_find_zones_spans_match_text(text, zone):
    article = Article(id="t", text=text)
    zones = find_zones(article)
    assert [z.text for z in zones] == [zone]
    assert all(text[z.start:z.end] == z.text for z in zones)


@pytest.mark.parametrize("text,zone", [
    ("Title here\n\nKABUL, Aug. 27 (Sample Wire) — A bomb exploded.", "KABUL, Aug. 27 (Sample Wire) — "),
    ("Title here\n\nBAGHDAD (Reuters) - Gunmen attacked a checkpoint.", "BAGHDAD (Reuters) - "),
    ("Title here\n\nEL PASO, Texas, Aug. 4 — A gunman opened fire.", "EL PASO, Texas, Aug. 4 — "),
    # capitals beyond ASCII: read as a dateline, the town is where the report was filed, not the scene
    ("Title here\n\nAKÇAKALE, Turkey, Nov 2 (Sample Wire) — A car bomb tore through a market.",
     "AKÇAKALE, Turkey, Nov 2 (Sample Wire) — "),
    ("Title here\n\nPOPAYÁN, Colombia, Sept 20 (Wire) — A car bomb exploded.", "POPAYÁN, Colombia, Sept 20 (Wire) — "),
    ("Title here\n\nŞANLIURFA, Türkiye, Nov 2 (Wire) — A bomb went off.", "ŞANLIURFA, Türkiye, Nov 2 (Wire) — "),
])
def test_zones_dateline_prefix(text, zone):
    article = Article(id="t", text=text)
    assert [z.text for z in find_zones(article)] == [zone]
    assert article.dateline is not None and article.dateline.text == zone  # where it was filed, for the rules


@pytest.mark.parametrize("text", ["Gunmen attacked a checkpoint in Kabul on Monday."])
def test_zones_no_dateline(text):
    article = Article(id="t", text=text)
    find_zones(article)
    assert article.dateline is None
