from __future__ import annotations

import datetime as dt

import pytest

from claimwatch.errors import BadHTML, EmptyInput, EncodingError, NotEnglish
from claimwatch.ingest.html import declared_charset, html_to_article, paragraphs, read_html_file, strip_tags

PARAGRAPH_1 = (
    "A car bomb exploded near the entrance of the regional court on Monday morning, killing six people and "
    "wounding more than twenty, according to the provincial health office."
)
PARAGRAPH_2 = (
    "Witnesses said the blast shattered windows across the street. Police sealed off the area and said they "
    "had detained two men who were seen leaving the car shortly before it blew up."
)
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Car bomb hits court | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier">
<meta property="article:published_time" content="2024-05-06T09:40:00+02:00">
<link rel="canonical" href="https://valley-courier.example/news/court-bomb">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Car bomb hits court</h1>
<p>{PARAGRAPH_1}</p>
<figure><img src="court.jpg"><figcaption>Firefighters at the scene of the explosion.</figcaption></figure>
<p>{PARAGRAPH_2}</p>
</article>
<footer>Subscribe to our newsletter. Copyright the Valley Courier.</footer>
</body></html>
"""
FRENCH_PAGE = """<html><head><title>Explosion au tribunal</title></head><body><article>
<p>Une voiture piégée a explosé lundi matin devant l'entrée du tribunal régional, faisant six morts et plus de
vingt blessés, selon les services de santé de la province.</p>
<p>Des témoins ont raconté que le souffle a brisé les vitres dans toute la rue. La police a bouclé le quartier
et a indiqué avoir interpellé deux hommes vus en train de quitter la voiture peu avant l'explosion.</p>
</article></body></html>"""


@pytest.mark.parametrize("name", ["court-bomb.html"])
def test_html_read_html_file_keeps_main_text_and_metadata(tmp_path, name):
    path = tmp_path / name
    path.write_text(PAGE, encoding="utf-8")
    article = read_html_file(path)
    assert article.text == f"Car bomb hits court\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}"
    assert article.title == "Car bomb hits court"
    assert article.published == dt.date(2024, 5, 6)
    assert article.source == "The Valley Courier"
    assert article.url == "https://valley-courier.example/news/court-bomb"
    assert (article.id, article.origin, article.fmt) == ("court-bomb", str(path), "html")


@pytest.mark.parametrize("boilerplate", ["Firefighters at the scene", "Subscribe to our newsletter", "Sport"])
def test_html_read_html_file_drops_captions_and_boilerplate(tmp_path, boilerplate):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    assert boilerplate not in read_html_file(path).text


@pytest.mark.parametrize(
    "html", ["<html><body><div><p>", "<html><head><title>Nothing</title></head><body></body></html>", "<<<>>>"]
)
def test_html_html_to_article_rejects_pages_without_text(html):
    with pytest.raises(BadHTML) as caught:
        html_to_article(html, "x", "x.html")
    assert caught.value.message == "[E106] no article text could be extracted from HTML: x.html: no main text found"


@pytest.mark.parametrize("content", [b"", b" \n "])
def test_html_read_html_file_rejects_an_empty_file(tmp_path, content):
    path = tmp_path / "empty.html"
    path.write_bytes(content)
    with pytest.raises(EmptyInput):
        read_html_file(path)


@pytest.mark.parametrize("html", [FRENCH_PAGE])
def test_html_html_to_article_rejects_non_english(html):
    with pytest.raises(NotEnglish):
        html_to_article(html, "x", "x.html")


@pytest.mark.parametrize("charset", ["iso-8859-1", "windows-1252"])
def test_html_read_html_file_honours_a_declared_charset(tmp_path, charset):
    page = PAGE.replace('<meta charset="utf-8">', f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">')
    page = page.replace("Monday morning", "Monday morning at the café")
    path = tmp_path / "latin.html"
    path.write_bytes(page.encode("cp1252"))
    assert "at the café, killing" in read_html_file(path).text


@pytest.mark.parametrize("name", ["undeclared.html"])
def test_html_read_html_file_rejects_undeclared_non_utf8(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(PAGE.replace('<meta charset="utf-8">', "").replace("Monday", "Lundi été").encode("latin-1"))
    with pytest.raises(EncodingError):
        read_html_file(path)


@pytest.mark.parametrize(
    "raw,expected",
    [
        (b'<meta charset="UTF-8">', "utf-8"),
        (b"<meta charset=ISO-8859-1>", "cp1252"),
        (b'<meta http-equiv="content-type" content="text/html; charset=koi8-r">', "koi8-r"),
        (b"<p>no declaration</p>", None),
    ],
)
def test_html_declared_charset_reads_meta_tags(raw, expected):
    assert declared_charset(raw) == expected


@pytest.mark.parametrize(
    "html,expected",
    [
        ("<p>Six <b>killed</b> in blast</p><p>Police&nbsp;said &amp; more</p>", "Six killed in blast\n\nPolice said & more"),
        ("Line one<br>Line  two", "Line one\n\nLine two"),
        ("<p>Text</p><figure><img src=x><figcaption>A caption</figcaption></figure><script>var x;</script>", "Text"),
        ("plain words", "plain words"),
        ("<div><p>", ""),
    ],
)
def test_html_strip_tags_keeps_text_only(html, expected):
    assert strip_tags(html) == expected


@pytest.mark.parametrize(
    "text,expected", [("a\nb", "a\n\nb"), ("  a   b \n\n\n c ", "a b\n\nc"), ("\n \n", "")]
)
def test_html_paragraphs_separates_with_blank_lines(text, expected):
    assert paragraphs(text) == expected
