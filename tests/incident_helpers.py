"""Helpers the extraction tests share (importable: `tests` is on pytest's path)."""

import re

from claimwatch.extract.events import TRIGGERS


def main_incident(article):
    """The one main incident of an extracted report (fails if there is none, or more than one)."""
    (main,) = [i for i in article.incidents if i.role == "main"]
    return main


def trigger_pattern(kind: str) -> re.Pattern:
    """The compiled trigger pattern of one incident type, as the event tagger uses it."""
    (pattern,) = [p for name, p in TRIGGERS if name == kind]
    return re.compile(pattern, re.I)
