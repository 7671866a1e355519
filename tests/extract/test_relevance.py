import pytest

from claimwatch.extract.relevance import is_relevant


@pytest.mark.parametrize("text,expected", [
    ("A suicide bomber struck a market in the capital.", True),
    ("Gunmen abducted two aid workers on Sunday.", True),
    ("The central bank left interest rates unchanged on Thursday.", False),
    ("The parliament approved the budget after a long debate.", False),
])
def test_relevance_is_relevant(text, expected):
    assert is_relevant(text) is expected
