"""Tests for the dates component and its `resolve` function."""
from __future__ import annotations

import datetime as dt

import pytest

from claimwatch.extract.dates import find_dates, make_dates, resolve
from claimwatch.extract.pipeline import REGISTRY

THU = dt.date(2024, 1, 4)  # the Kerman article's publication date, a Thursday
LEAP_FRI = dt.date(2024, 3, 1)
COMMON_WED = dt.date(2023, 3, 1)


def _found(article) -> list[tuple[str, str | None, str | None]]:
    return [(value.phrase, value.value, value.precision) for value in find_dates(article)]


@pytest.mark.parametrize(
    "phrase,anchor,future,expected",
    [
        # weekdays: the most recent on or before the anchor, the anchor itself on its own weekday
        ("on Wednesday", THU, False, ("2024-01-03", "day")),
        ("on Thursday", THU, False, ("2024-01-04", "day")),
        ("Thursday", THU, True, ("2024-01-04", "day")),
        ("Friday", THU, False, ("2023-12-29", "day")),
        ("Friday", THU, True, ("2024-01-05", "day")),
        ("Monday", THU, False, ("2024-01-01", "day")),
        ("late on Tuesday", THU, False, ("2024-01-02", "day")),
        ("Tuesday night", THU, False, ("2024-01-02", "day")),
        ("early Monday", THU, False, ("2024-01-01", "day")),
        ("on Sunday night", THU, False, ("2023-12-31", "day")),
        ("overnight Wednesday", THU, False, ("2024-01-03", "day")),
        ("last Thursday", THU, False, ("2023-12-28", "day")),
        ("last Friday", THU, False, ("2023-12-29", "day")),
        ("this past Sunday", THU, False, ("2023-12-31", "day")),
        ("this Friday", THU, False, ("2023-12-29", "day")),
        ("this Friday", THU, True, ("2024-01-05", "day")),
        ("next Monday", THU, False, ("2024-01-08", "day")),
        ("next Thursday", THU, False, ("2024-01-11", "day")),
        ("ON WEDNESDAY", THU, False, ("2024-01-03", "day")),
        ("Thursday", LEAP_FRI, False, ("2024-02-29", "day")),
        ("Wednesday", COMMON_WED, False, ("2023-03-01", "day")),
        ("Tuesday", COMMON_WED, False, ("2023-02-28", "day")),
        # day words
        ("yesterday", THU, False, ("2024-01-03", "day")),
        ("today", THU, False, ("2024-01-04", "day")),
        ("earlier today", THU, False, ("2024-01-04", "day")),
        ("this morning", THU, False, ("2024-01-04", "day")),
        ("last night", THU, False, ("2024-01-03", "day")),
        ("overnight", THU, False, ("2024-01-04", "day")),
        ("tomorrow", THU, False, ("2024-01-05", "day")),
        ("the day before", THU, False, ("2024-01-03", "day")),
        ("the day before yesterday", THU, False, ("2024-01-02", "day")),
        ("yesterday", dt.date(2024, 1, 1), False, ("2023-12-31", "day")),
        ("yesterday", LEAP_FRI, False, ("2024-02-29", "day")),
        ("yesterday", COMMON_WED, False, ("2023-02-28", "day")),
        # absolute dates
        ("Sept. 18, 2016", THU, False, ("2016-09-18", "day")),
        ("September 18, 2016", None, False, ("2016-09-18", "day")),
        ("18 September 2016", None, False, ("2016-09-18", "day")),
        ("on the 3rd of January 2024", None, False, ("2024-01-03", "day")),
        ("Wednesday, Sept. 20, 2023", None, False, ("2023-09-20", "day")),
        ("2024-01-03", None, False, ("2024-01-03", "day")),
        ("Feb. 29, 2024", None, False, ("2024-02-29", "day")),
        ("Feb. 29, 2023", None, False, (None, None)),
        ("2023-02-30", None, False, (None, None)),
        # month and day without a year: the most recent not after the anchor
        ("Jan. 3", THU, False, ("2024-01-03", "day")),
        ("January 3", THU, False, ("2024-01-03", "day")),
        ("3 January", THU, False, ("2024-01-03", "day")),
        ("Jan 3rd", THU, False, ("2024-01-03", "day")),
        ("Jan. 4", THU, False, ("2024-01-04", "day")),
        ("Jan. 5", THU, False, ("2023-01-05", "day")),
        ("Dec. 31", THU, False, ("2023-12-31", "day")),
        ("Dec. 31", THU, True, ("2024-12-31", "day")),
        ("Feb. 29", LEAP_FRI, False, ("2024-02-29", "day")),
        ("Feb. 29", COMMON_WED, False, ("2020-02-29", "day")),
        ("Sunday, February 17", dt.date(2008, 2, 14), False, ("2008-02-17", "day")),
        ("Monday, Dec. 30", dt.date(2020, 1, 2), False, ("2019-12-30", "day")),
        ("Christmas Day", THU, False, ("2023-12-25", "day")),
        ("Feb. 30", THU, False, (None, None)),
        # months
        ("in March", THU, False, ("2023-03-01", "month")),
        ("in March", THU, True, ("2024-03-01", "month")),
        ("in January", THU, False, ("2024-01-01", "month")),
        ("last January", THU, False, ("2023-01-01", "month")),
        ("last July", dt.date(2009, 10, 19), False, ("2009-07-01", "month")),
        ("next March", THU, False, ("2024-03-01", "month")),
        ("mid-June", THU, False, ("2023-06-01", "month")),
        ("in May 2005", None, False, ("2005-05-01", "month")),
        ("last month", THU, False, ("2023-12-01", "month")),
        ("earlier this month", THU, False, ("2024-01-01", "month")),
        ("next month", THU, False, ("2024-02-01", "month")),
        # weeks: the Monday of the week
        ("last week", THU, False, ("2023-12-25", "week")),
        ("this week", THU, False, ("2024-01-01", "week")),
        ("next week", THU, False, ("2024-01-08", "week")),
        ("last weekend", THU, False, ("2023-12-30", "week")),  # its Saturday
        # years
        ("in 2016", THU, False, ("2016-01-01", "year")),
        ("2016", None, False, ("2016-01-01", "year")),
        ("last year", THU, False, ("2023-01-01", "year")),
        ("earlier this year", THU, False, ("2024-01-01", "year")),
        ("in the 1990s", THU, False, (None, None)),
        # counted back
        ("two days ago", THU, False, ("2024-01-02", "day")),
        ("5 days ago", THU, False, ("2023-12-30", "day")),
        ("three weeks ago", THU, False, ("2023-12-11", "week")),
        ("two months ago", THU, False, ("2023-11-01", "month")),
        ("five years ago", THU, False, ("2019-01-01", "year")),
        ("a year ago", THU, False, ("2023-01-01", "year")),
        ("years ago", THU, False, (None, "year")),
        ("a few days ago", THU, False, (None, "day")),
        ("more than a year ago", THU, False, (None, "year")),
        ("two decades ago", THU, False, (None, "year")),
        # no anchor: relative phrases keep their precision and get no value
        ("on Wednesday", None, False, (None, "day")),
        ("yesterday", None, False, (None, "day")),
        ("last month", None, False, (None, "month")),
        ("Jan. 3", None, False, (None, "day")),
        ("two days ago", None, False, (None, "day")),
        # not dates
        ("10 minutes", THU, False, (None, None)),
        ("2 p.m.", THU, False, (None, None)),
        ("for three days", THU, False, (None, None)),
        ("", THU, False, (None, None)),
        # Easter's movable feasts (a plain weekday reading of "Good Friday" would be the day before THU)
        ("Good Friday", THU, False, ("2023-04-07", "day")),
        ("Easter Sunday", THU, False, ("2023-04-09", "day")),
    ],
)
def test_dates_resolve(phrase, anchor, future, expected):
    assert resolve(phrase, anchor, future) == expected


@pytest.mark.parametrize(
    "text,published,expected",
    [
        (
            "Gunmen attacked the base on Wednesday. On Jan. 2, police were warned.",
            "2024-01-04",
            [("on Wednesday", "2024-01-03", "day"), ("On Jan. 2", "2024-01-02", "day")],
        ),
        (
            "The blast came a day after clashes that killed 12 in March and April.",
            "2024-05-10",
            [("in March", "2024-03-01", "month"), ("April", "2024-04-01", "month")],
        ),
        ("Officials said yesterday that 2000 people fled.", None, [("yesterday", None, "day")]),
    ],
)
def test_dates_find_without_spacy(article_from, text, published, expected):
    assert _found(article_from(text, published)) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,expected",
    [
        ("Militants attacked a checkpoint on Monday.", [("on Monday", "2024-01-01", "day")]),
        ("The talks will resume on Monday.", [("on Monday", "2024-01-08", "day")]),
        ("The trial is due to open on Monday.", [("on Monday", "2024-01-08", "day")]),
        ("The group vowed it will avenge the attack on Tuesday.", [("on Tuesday", "2024-01-02", "day")]),
        (
            "He was born in March and left in 1998.",
            [("in March", "2023-03-01", "month"), ("in 1998", "1998-01-01", "year")],
        ),
        ("Between 1990 and 2017, 500 died.", [("1990", "1990-01-01", "year"), ("2017", "2017-01-01", "year")]),
        ("It violates resolutions 1718 and 1874.", []),
        ("The curfew began at 1800 (0000 GMT).", []),
        ("Some 2000 people marched on the capital.", []),
        ("He flew on Flight 2009 under Resolution 2231.", []),
        ("On Monday, the council will vote.", [("On Monday", "2024-01-08", "day")]),
        ("They will march on Monday; in March they marched again.", [
            ("on Monday", "2024-01-08", "day"), ("in March", "2023-03-01", "month"),
        ]),
        ("Saturday's attack killed 12.", [("Saturday", "2023-12-30", "day")]),
        ("Police held him the day before the attack.", []),
        ("An overnight curfew was imposed after USA Today reported it.", []),
        ("Crowds gathered after Friday prayers; the Good Friday Agreement was signed.", []),
        ("Crowds gathered after Friday prayers on Good Friday.", [("on Good Friday", "2023-04-07", "day")]),
        ("The Sunday Times said a 45-year-old man was held for three days.", []),
        ("Officials may release the names, and a march is planned.", []),
        ("The explosions came 10 minutes apart at 2 p.m., more than 100 days after the truce.", []),
        ("It was the worst attack since the 1990s.", [("the 1990s", None, None)]),
        ("On Christmas Day gunmen struck.", [("On Christmas Day", "2023-12-25", "day")]),
        ("A suspect in the 2012 Pune bombings was held.", [("2012", "2012-01-01", "year")]),
    ],
)
def test_dates_find_in_sentences(nlp_article, text, expected):
    assert _found(nlp_article(text, "2024-01-04")) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,published,expected",
    [
        (
            "the army denied today that guerrillas attacked the farm 2 days ago.  he added that on 3 february "
            "president cerezo met the diplomatic corps.  the rebels struck on thursday, 25 may, in the north.",
            "1989-11-15",
            [
                ("today", "1989-11-15", "day"), ("2 days ago", "1989-11-13", "day"),
                ("on 3 february", "1989-02-03", "day"), ("on thursday, 25 may", "1989-05-25", "day"),
            ],
        ),
    ],
)
def test_dates_find_lower_case(nlp_article, text, published, expected):
    assert _found(nlp_article(text, published)) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Bombs exploded on Wednesday – the fourth anniversary of the general's killing by a drone.",
            ("fourth anniversary", "2020-01-03", "day", "2024-01-03"),
        ),
        (
            "On Monday, marking one year since the massacre, families met.",
            ("one year since", "2023-01-01", "day", "2024-01-01"),
        ),
        ("The 10th anniversary of the siege fell on Tuesday.", ("10th anniversary", "2014-01-02", "day", "2024-01-02")),
        (
            "Two years after the 2007 attack, on Monday, the group struck again.",
            ("Two years after", "2022-01-01", "day", "2024-01-01"),
        ),
        (
            "Crowds marked the one-year anniversary last month.",
            ("one-year anniversary", "2022-12-01", "month", "2023-12-01"),
        ),
    ],
)
def test_dates_anniversary(nlp_article, text, expected):
    article = nlp_article(text, "2024-01-04")
    found = [(v.phrase, v.value, v.precision, v.counted_from) for v in find_dates(article) if v.counted_from]
    assert found == [expected]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Crowds gathered on Wednesday to mark the anniversary of the revolution.",
        "The group celebrated its first anniversary with a parade.",
    ],
)
def test_dates_anniversary_needs_number_and_date(nlp_article, text):
    assert [v for v in find_dates(nlp_article(text, "2024-01-04")) if v.counted_from or "anniv" in v.phrase] == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,published,expected",
    [
        (
            "Police said on Wednesday that the attack on 3 January 2024, the fourth anniversary, killed 9.",
            None,
            [
                ("on Wednesday", None, "day", True, None),
                ("on 3 January 2024", "2024-01-03", "day", False, None),
                ("fourth anniversary", "2020-01-03", "day", True, "2024-01-03"),
            ],
        ),
    ],
)
def test_dates_no_publication_date(nlp_article, text, published, expected):
    found = find_dates(nlp_article(text, published))
    assert [(v.phrase, v.value, v.precision, v.relative, v.counted_from) for v in found] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "spans",
    [
        [
            (73, 84, "on Thursday", "2024-01-04"),
            (414, 426, "on Wednesday", "2024-01-03"),
            (433, 451, "fourth anniversary", "2020-01-03"),
            (1003, 1017, "Sept. 18, 2016", "2016-09-18"),
        ],
    ],
)
def test_dates_kerman_reference(nlp_article, kerman, spans):
    text, gold = kerman
    article = nlp_article(text, gold["published"])
    values = find_dates(article)
    assert set(spans) <= {(v.evidence.start, v.evidence.end, v.evidence.text, v.value) for v in values}
    assert all(text[v.evidence.start:v.evidence.end] == v.phrase for v in values)


@pytest.mark.slow
@pytest.mark.parametrize("text,published", [("Gunmen struck late on Tuesday. On Friday, more died.", "2024-01-04")])
def test_dates_component_fills_article_in_order(nlp_article, text, published):
    article = make_dates()(nlp_article(text, published))
    assert [(v.evidence.start, v.phrase, v.value) for v in article.dates] == [
        (14, "late on Tuesday", "2024-01-02"), (31, "On Friday", "2023-12-29"),
    ]


@pytest.mark.parametrize("name,requires,assigns", [("dates", ("doc", "sentences"), ("dates",))])
def test_dates_component_registered(name, requires, assigns):
    info = REGISTRY[name]
    assert (info.requires, info.assigns) == (requires, assigns)
