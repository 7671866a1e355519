"""The roles component: windows, decoding, the predict/set_annotations split, and the shipped model."""
from __future__ import annotations

import numpy as np
import pytest

from claimwatch.errors import PipelineConfigError
from claimwatch.extract import roles
from claimwatch.extract.roles import Candidate, DecodeConfig, RolesComponent, decode, select, window_bounds
from claimwatch.model import Incident, RoleSpan, Span

MODEL_PRESENT = all((roles.MODEL_DIR / name).exists() for name in roles.MODEL_FILES)


@pytest.mark.parametrize(
    "n_tokens,max_len,overlap,expected",
    [
        (5, 10, 2, [(0, 5)]),
        (8, 10, 2, [(0, 8)]),
        (9, 10, 2, [(0, 8), (6, 9)]),
        (20, 10, 2, [(0, 8), (6, 14), (12, 20)]),
    ],
)
def test_roles_window_bounds_cover_every_token(n_tokens, max_len, overlap, expected):
    assert window_bounds(n_tokens, max_len, overlap) == expected


def probs_for(n_tokens: int, marks: dict[int, tuple[str, float]]) -> np.ndarray:
    """Token label probabilities: O everywhere except the marked tokens (label, probability)."""
    probs = np.zeros((n_tokens, len(roles.LABELS)), dtype=np.float32)
    probs[:, 0] = 1.0
    for t, (label, p) in marks.items():
        probs[t, 0] = 1.0 - p
        probs[t, roles.LABELS.index(label)] = p
    return probs


@pytest.mark.parametrize("text", ["fmln guerrillas used dynamite"])
def test_roles_decode_spans_and_scores(text):
    offsets = [(0, 4), (5, 15), (16, 20), (21, 24), (24, 26), (26, 29)]  # "dyn" "##am" "##ite" pieces
    probs = probs_for(6, {
        0: ("B-PerpInd", 0.9), 1: ("I-PerpInd", 0.7),
        3: ("B-Weapon", 0.8), 4: ("I-Weapon", 0.6),  # the last piece falls below the floor
    })
    cands = decode(text, offsets, probs, token_floor=0.3)
    assert [(c.role, text[c.start : c.end]) for c in cands] == [("PerpInd", "fmln guerrillas"), ("Weapon", "dynamite")]
    assert cands[0].score == pytest.approx(0.8)


@pytest.mark.parametrize("gate,expected", [(0.0, ["PerpOrg:fmln"]), (0.95, [])])
def test_roles_select_thresholds_dedup_and_gate(gate, expected):
    text = "the FMLN said fmln units and the army fought"
    config = DecodeConfig(thresholds=tuple((r, 0.5) for r in roles.ROLES), gate=gate)
    cands = [
        Candidate("PerpOrg", 4, 8, 0.6), Candidate("PerpOrg", 14, 18, 0.9),  # same filler twice
        Candidate("PerpInd", 33, 37, 0.4),  # below its threshold
    ]
    spans = select(text, cands, config)
    assert [f"{s.role}:{s.evidence.text}" for s in spans] == expected
    assert all(s.evidence.text == text[s.evidence.start : s.evidence.end] for s in spans)


@pytest.mark.parametrize("n_articles", [2])
def test_roles_set_annotations_from_hand_built_prediction(article_from, n_articles, tmp_path):
    for name in roles.MODEL_FILES:
        (tmp_path / name).write_text("")
    component = RolesComponent(tmp_path)  # files exist: nothing is loaded until predict
    articles = [article_from(f"guerrillas threw a grenade {i}", id=str(i)) for i in range(n_articles)]
    prediction = [[RoleSpan("Weapon", articles[0].span(19, 26), 0.9)], []]
    component.set_annotations(articles, prediction)
    assert articles[0].roles[0].evidence.text == "grenade"
    assert articles[1].roles == []


@pytest.mark.parametrize("text", ["guerrillas threw a grenade at the mayor's house ."])
def test_roles_skip_articles_without_an_incident(article_from, text, tmp_path):
    for name in roles.MODEL_FILES:
        (tmp_path / name).write_text("")  # empty files: loading them would fail, so nothing may load
    article = article_from(text)
    RolesComponent(tmp_path).pipe([article])
    assert article.roles == [] and article.trace["roles_ran"]


@pytest.mark.parametrize("missing", ["model.onnx"])
def test_roles_missing_model_is_a_config_error(tmp_path, missing):
    for name in roles.MODEL_FILES:
        if name != missing:
            (tmp_path / name).write_text("")
    with pytest.raises(PipelineConfigError, match=r"\[E201\].*model\.onnx"):
        RolesComponent(tmp_path)


@pytest.mark.slow
@pytest.mark.skipif(not MODEL_PRESENT, reason="roles model files are not in claimwatch/data/roles")
@pytest.mark.parametrize(
    "text,weapon",
    [("fmln guerrillas attacked the police station in san miguel with dynamite yesterday .", "dynamite")],
)
def test_roles_model_tags_fillers(article_from, text, weapon):
    article = article_from(text)
    article.incidents = [Incident("main", "bombing", [article.span(text.index("attacked"), text.index(" the police"))])]
    RolesComponent().pipe([article])
    found = {(s.role, s.evidence.text) for s in article.roles}
    assert ("Weapon", weapon) in found
    # the perpetrator is among the tagger's candidates; whether it passes the role's threshold
    # (tuned on MUC-4 dev for precision) is the decoder's call, not the tagger's
    (candidates,) = roles.load_tagger().candidates([text])
    perpetrators = {text[c.start : c.end] for c in candidates if c.role in ("PerpInd", "PerpOrg")}
    assert perpetrators & {"fmln guerrillas", "guerrillas", "fmln"}, candidates


@pytest.mark.slow
@pytest.mark.skipif(not MODEL_PRESENT, reason="roles model files are not in claimwatch/data/roles")
@pytest.mark.parametrize("text", ["Urban guerrillas of the FMLN blew up a power tower with DYNAMITE in Usulutan."])
def test_roles_model_offsets_point_into_cased_text(article_from, text):
    article = article_from(text)
    (prediction,) = RolesComponent().predict([article])
    assert prediction, "the model found no role filler"
    assert all(s.evidence == Span.of(text, s.evidence.start, s.evidence.end) for s in prediction)
    assert any(s.role == "Weapon" and s.evidence.text == "DYNAMITE" for s in prediction)


@pytest.mark.slow
@pytest.mark.skipif(not MODEL_PRESENT, reason="roles model files are not in claimwatch/data/roles")
def test_roles_model_windows_of_different_lengths_tag_as_alone():
    """The shipped model has no attention mask (it runs one unpadded window per call); a batch of
    windows of different lengths must still give each window the logits it gets alone."""
    tagger = roles.load_tagger()
    short, long = ([roles.CLS_ID, *ids, roles.SEP_ID] for ids in (
        tagger.tokenizer.encode("a bomb exploded", add_special_tokens=False).ids,
        tagger.tokenizer.encode("guerrillas blew up a power tower in usulutan with dynamite", add_special_tokens=False).ids,
    ))
    together = tagger.run([short, long])
    assert together.shape[:2] == (2, len(long))
    assert np.allclose(together[0, : len(short)], tagger.run([short])[0], atol=1e-5)
    assert np.allclose(together[1], tagger.run([long])[0], atol=1e-5)
