"""kdextract's inference ops for the NER model: thinc's results, numpy's BLAS, one BLAS thread."""

from __future__ import annotations

from typing import Any

import pytest

spacy = pytest.importorskip("spacy")
numpy = pytest.importorskip("numpy")
threadpoolctl = pytest.importorskip("threadpoolctl")

from thinc.api import NumpyOps

from kdextract.nlp import blas
from kdextract.nlp.engine import get_engine, model_path

TEXT = (
    "Nämndsekreteraren Jonas Ek skickade protokollet till Länsstyrelsen i Västerbotten. "
    "Ordföranden Maria Alm (C) och kommundirektören Per Sjö deltog; mötet hölls i Umeå."
)


@pytest.mark.parametrize("nw", [1, 2, 3])
def test_seq2col_is_thincs_window(nw: int) -> None:
    rng = numpy.random.default_rng(nw)
    ours, thincs = blas.inference_ops(), NumpyOps()
    for _ in range(200):
        lengths = rng.integers(0, 7, size=int(rng.integers(1, 6))).astype("int32")
        seq = rng.standard_normal((int(lengths.sum()), 4)).astype("float32")
        assert numpy.array_equal(ours.seq2col(seq, nw, lengths=lengths), thincs.seq2col(seq, nw, lengths=lengths))
        if len(seq):
            assert numpy.array_equal(ours.seq2col(seq, nw), thincs.seq2col(seq, nw))


@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (True, False), (False, True), (True, True)])
def test_gemm_is_thincs_product(trans1: bool, trans2: bool) -> None:
    rng = numpy.random.default_rng(7)
    x = rng.standard_normal((6, 5) if trans1 else (5, 6)).astype("float32")
    y = rng.standard_normal((3, 6) if trans2 else (6, 3)).astype("float32")
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    ours = blas.inference_ops()
    assert numpy.allclose(ours.gemm(x, y, trans1=trans1, trans2=trans2), expected, atol=1e-5)
    out = numpy.empty((5, 3), dtype="float32")
    assert ours.gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    assert numpy.allclose(out, expected, atol=1e-5)


def _entities(nlp: Any, text: str) -> list[tuple[int, int, str]]:
    return [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]


def test_the_engine_runs_its_tok2vec_on_inference_ops_with_the_same_entities() -> None:
    engine = get_engine("spacy")
    ops_class = type(blas.inference_ops())
    assert {type(node.ops) for node in engine.nlp.get_pipe("tok2vec").model.walk()} == {ops_class}
    assert all(type(node.ops) is not ops_class for node in engine.nlp.get_pipe("ner").model.walk())
    plain = spacy.load(model_path())
    assert _entities(engine.nlp, TEXT) == _entities(plain, TEXT)
    assert [(e.start_char, e.end_char) for e in engine(TEXT).ents] == [(s, e) for s, e, _ in _entities(plain, TEXT)]


def test_one_blas_thread_inside_and_the_setting_back_after() -> None:
    before = [lib["num_threads"] for lib in threadpoolctl.threadpool_info() if lib["user_api"] == "blas"]
    with blas.one_blas_thread():
        inside = [lib["num_threads"] for lib in threadpoolctl.threadpool_info() if lib["user_api"] == "blas"]
    after = [lib["num_threads"] for lib in threadpoolctl.threadpool_info() if lib["user_api"] == "blas"]
    assert before, "threadpoolctl finds numpy's BLAS here"
    assert inside == [1] * len(before)
    assert after == before


def test_without_a_known_blas_the_model_keeps_thincs_ops(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blas, "_blas_limiter", lambda: None)
    nlp = spacy.load(model_path())
    assert blas.use_inference_ops(nlp) is False
    assert all(type(node.ops) is NumpyOps for node in nlp.get_pipe("tok2vec").model.walk())
    with blas.one_blas_thread():
        assert _entities(nlp, TEXT)
