"""The spaCy component's POS table must give exactly what the attribute ruler it replaces gives."""
import pytest

from claimwatch.extract import nlp as nlp_module
from claimwatch.extract.nlp import POS_COMPONENT, PosTable, load_nlp

TEXT = (
    "Police said that the bomb, which is believed to have been hidden in a car, did not go off "
    "because it was found early. Gunmen who have attacked the town since Monday are not known. "
    "If the group does claim it, officials will say so, although they have had no word yet.\n\n"
    "BOGOTA, 12 Jan 89 -- The army says it's been fighting the rebels whilst they've held the area."
)


@pytest.fixture(scope="module")
def pipelines():
    import spacy

    reference = spacy.load(nlp_module.SPACY_MODEL, exclude=list(nlp_module.DISABLE))
    reference.enable_pipe("senter")
    return reference, load_nlp()


def test_the_attribute_ruler_is_replaced(pipelines):
    _, ours = pipelines
    assert POS_COMPONENT in ours.pipe_names and "attribute_ruler" not in ours.pipe_names


def test_pos_and_tags_equal_the_attribute_rulers(pipelines):
    reference, ours = pipelines
    expected = [(t.text, t.tag_, t.pos_) for t in reference(TEXT)]
    got = [(t.text, t.tag_, t.pos_) for t in ours(TEXT)]
    assert got == expected
    # the word-specific patterns win over the tag's: 'that'/IN is SCONJ, 'is'/VBZ is AUX, 'not' is PART
    pos = {(text, tag): p for text, tag, p in got}
    assert pos[("that", "IN")] == "SCONJ" and pos[("is", "VBZ")] == "AUX" and pos[("not", "RB")] == "PART"


def test_table_reads_tag_and_word_patterns():
    table = PosTable([
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"TAG": "IN", "LOWER": {"IN": ["that", "if"]}}]], "attrs": {"POS": "SCONJ"}},
        {"patterns": [[{"TAG": "MD", "LOWER": "will"}]], "attrs": {"POS": "AUX"}},
        {"patterns": [[{"LOWER": "do", "DEP": "ROOT"}]], "attrs": {"POS": "VERB"}},  # needs the parser
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}},  # no POS
    ])
    assert table.by_tag == {"NN": "NOUN"}
    assert table.by_word == {("that", "IN"): "SCONJ", ("if", "IN"): "SCONJ", ("will", "MD"): "AUX"}
