"""Tests for the shipped Swedish NER model, the tokenizer exceptions and the NER engines."""

from __future__ import annotations

import builtins
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

spacy = pytest.importorskip("spacy")

from kdextract.errors import EngineUnavailableError, KdextractError, ModelNotFoundError
from kdextract.nlp import engine as engine_mod
from kdextract.nlp.engine import get_engine, label_map, model_path, stanza_to_spacy
from kdextract.nlp.tokenizer import BARE_TOKENIZER, abbreviation_variants, load_abbreviations

MUNICIPAL = (
    "Kommundirektören Eva Lindqvist träffade Försäkringskassan i Luleå den 3 maj 2024. "
    "Mötet handlade bl.a. om samverkan kring ekonomiskt bistånd."
)
REQUIRED_ABBREVIATIONS = [
    "bl.a.", "t.ex.", "enl.", "ordf.", "dnr", "ca", "tkr", "mnkr", "kl.", "m.m.", "o.s.v.",
    "s.k.", "fr.o.m.", "t.o.m.", "resp.", "jfr", "st.", "nr", "kap.", "f.d.",
]


@pytest.fixture(scope="module")
def spacy_engine() -> Any:
    return get_engine("spacy")


# --------------------------------------------------------------------------- shipped model


def test_shipped_model_exists_small_and_loads() -> None:
    path = model_path()
    assert (path / "config.cfg").is_file()
    assert (path / "meta.json").is_file()
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    assert size <= 30 * 1024 * 1024, f"model is {size / 1e6:.1f} MB"
    nlp = spacy.load(path)  # plain spaCy, no kdextract registry needed
    assert "ner" in nlp.pipe_names
    assert set(nlp.get_pipe("ner").labels) <= {"PER", "ORG", "LOC", "MISC"}
    # tokenizer special cases are serialised with the pipeline
    assert [t.text for t in nlp.make_doc("Se bl.a. t.ex. fr.o.m. i år.")][:4] == ["Se", "bl.a.", "t.ex.", "fr.o.m."]


def test_engine_imports_spacy_without_its_command_line_package() -> None:
    code = """
import sys
import kdextract
kdextract.parse("Kommunstyrelsen i Ekby sammanträdde. Närvarande: Lisa Holm (S).")
assert "spacy" in sys.modules and "spacy.cli" not in sys.modules and "typer" not in sys.modules
import spacy
assert spacy.info()["spacy_version"] == spacy.__version__
import spacy.cli
assert callable(spacy.cli.download) and callable(spacy.cli.info)
"""
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_spacy_imported_before_is_left_as_it_is() -> None:
    from kdextract.nlp.spacy_import import import_spacy

    cli = sys.modules.get("spacy.cli")
    assert import_spacy() is spacy and sys.modules.get("spacy.cli") is cli


def test_model_path_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KDEXTRACT_MODEL", str(tmp_path / "nowhere"))
    with pytest.raises(ModelNotFoundError, match="KDEXTRACT_MODEL"):
        model_path()
    monkeypatch.setenv("KDEXTRACT_MODEL", str(tmp_path))
    (tmp_path / "config.cfg").write_text("", encoding="utf-8")
    assert model_path() == tmp_path
    assert issubclass(ModelNotFoundError, KdextractError)


def test_engine_finds_person_and_organisation_with_offsets(spacy_engine: Any) -> None:
    assert spacy_engine.name.startswith("spacy:sv_kdextract_ner-")
    doc = spacy_engine(MUNICIPAL)
    ents = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
    start = MUNICIPAL.index("Eva Lindqvist")
    assert (start, start + len("Eva Lindqvist"), "PER") in ents
    fk = MUNICIPAL.index("Försäkringskassan")
    lulea = MUNICIPAL.index("Luleå")
    assert (fk, fk + len("Försäkringskassan"), "ORG") in ents or (lulea, lulea + 5, "LOC") in ents
    assert all(e.label_ in {"PER", "ORG", "LOC", "MISC"} for e in doc.ents)
    assert len(list(doc.sents)) == 2


def test_engine_pipe_and_cache(spacy_engine: Any) -> None:
    assert get_engine("spacy") is spacy_engine
    texts = ["Eva Lindqvist bor i Luleå.", "Inga namn här."]
    docs = list(spacy_engine.pipe(texts, batch_size=2))
    assert [d.text for d in docs] == texts
    with pytest.raises(ValueError):
        get_engine("nonsense")


# --------------------------------------------------------------------------- gazetteer ruler


@pytest.fixture(scope="module")
def shipped_nlp() -> Any:
    return spacy.load(model_path())


def _after_model(nlp: Any, text: str, model_ents: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """Run only the shipped gazetteer ruler on ``text`` as if the model had found ``model_ents``."""

    doc = nlp.make_doc(text)
    spans = []
    for surface, label in model_ents:
        span = doc.char_span(text.index(surface), text.index(surface) + len(surface), label=label)
        assert span is not None
        spans.append(span)
    doc.ents = spans  # every other token O, as after the ner component
    doc = nlp.get_pipe("gazetteer")(doc)
    return [(e.text, e.label_, e.ent_id_) for e in doc.ents]


def _phrase_patterns(nlp: Any) -> dict[str, list[list[str]]]:
    ruler = nlp.get_pipe("gazetteer")
    return {nlp.vocab.strings[key]: [[t.orth_ for t in doc] for doc in docs] for key, docs in ruler.phrase_patterns.items()}


def test_engine_loads_the_pipeline_spacy_loads(shipped_nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # the gazetteer's phrase patterns are made by the tokenizer alone while the pipeline loads
    loads: list[dict[str, Any]] = []
    real_load = spacy.load
    monkeypatch.setattr(spacy, "load", lambda path, **kw: loads.append(kw) or real_load(path, **kw))
    nlp = engine_mod._load_spacy(model_path())
    # spaCy's standard tokenizer is built without rules: the pipeline's tokenizer file sets them all
    bare = {"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}}
    assert loads == [{"disable": shipped_nlp.pipe_names, "config": bare}]
    assert nlp.tokenizer.to_bytes() == shipped_nlp.tokenizer.to_bytes()
    assert nlp.pipe_names == shipped_nlp.pipe_names and not nlp.disabled
    assert nlp.config.to_str() == shipped_nlp.config.to_str() and nlp.meta == shipped_nlp.meta
    assert nlp.get_pipe("gazetteer").patterns == shipped_nlp.get_pipe("gazetteer").patterns
    assert _phrase_patterns(nlp) == _phrase_patterns(shipped_nlp) and _phrase_patterns(nlp)
    doc, expected = nlp(MUNICIPAL), shipped_nlp(MUNICIPAL)
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [(e.text, e.label_, e.ent_id_) for e in expected.ents]


def test_engine_loads_a_ruler_on_norms_with_its_pipeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "NORM"}).add_patterns(
        [{"label": "LOC", "pattern": "Nya Zeeland"}])
    nlp.to_disk(tmp_path)
    loads: list[dict[str, Any]] = []
    real_load = spacy.load
    monkeypatch.setattr(spacy, "load", lambda path, **kw: loads.append(kw) or real_load(path, **kw))
    loaded = engine_mod._load_spacy(tmp_path)
    # a plain load: the tokenizer alone is not known to give its phrase patterns
    assert [kw["disable"] for kw in loads] == [[]]
    assert loaded.pipe_names == ["sentencizer", "entity_ruler"]


def test_gazetteer_ruler_is_a_builtin_component_after_the_model(shipped_nlp: Any) -> None:
    assert shipped_nlp.pipe_names[-1] == "gazetteer"
    assert shipped_nlp.get_pipe_meta("gazetteer").factory == "entity_ruler"
    assert shipped_nlp.pipe_names.index("ner") < shipped_nlp.pipe_names.index("gazetteer")


def test_gazetteer_fills_places_the_model_missed(shipped_nlp: Any) -> None:
    text = "Delegationen reste via Kroatien till Tanzanias huvudstad och vidare till Nya Zeeland."
    assert _after_model(shipped_nlp, text, []) == [
        ("Kroatien", "LOC", "gazetteer:place"),
        ("Tanzanias", "LOC", "gazetteer:place"),
        ("Nya Zeeland", "LOC", "gazetteer:place"),
    ]


def test_gazetteer_keeps_the_models_entities(shipped_nlp: Any) -> None:
    text = "Uppsala vann mot Luleå, och Stockholms läns landsting betalade resan."
    model = [("Uppsala", "ORG"), ("Luleå", "ORG"), ("Stockholms läns landsting", "ORG")]
    assert _after_model(shipped_nlp, text, model) == [(s, lab, "") for s, lab in model]


def test_gazetteer_relabels_a_person_that_is_a_country_but_not_a_municipality(shipped_nlp: Any) -> None:
    text = "Hon flyttade från Moçambique till Kalix förra året."
    assert _after_model(shipped_nlp, text, [("Moçambique", "PER"), ("Kalix", "PER")]) == [
        ("Moçambique", "LOC", "gazetteer:relabel"),
        ("Kalix", "PER", ""),
    ]


def test_gazetteer_multiword_place_wins_an_overlap(shipped_nlp: Any) -> None:
    text = "Besöket i Sri Lanka var kort."
    assert _after_model(shipped_nlp, text, [("Sri", "PER")]) == [("Sri Lanka", "LOC", "gazetteer:place")]


def test_gazetteer_skips_municipalities_that_are_common_words(shipped_nlp: Any) -> None:
    text = "Mark och vatten ingår i planen."
    assert _after_model(shipped_nlp, text, []) == []


# --------------------------------------------------------------------------- abbreviations


def test_abbreviation_list_is_data_and_complete() -> None:
    abbreviations = load_abbreviations()
    for abbr in REQUIRED_ABBREVIATIONS:
        assert abbr in abbreviations
    assert abbreviation_variants("bl.a.") == ["bl.a.", "Bl.a."]


@pytest.mark.parametrize("abbr", REQUIRED_ABBREVIATIONS)
def test_abbreviations_are_single_tokens_without_sentence_break(spacy_engine: Any, abbr: str) -> None:
    text = f"Nämnden beslutade {abbr} Lisa Berg ska utreda frågan. Nästa ärende togs upp."
    doc = spacy_engine(text)
    assert abbr in [t.text for t in doc]
    sents = [s.text for s in doc.sents]
    assert len(sents) == 2, sents
    assert sents[0].endswith("frågan.")


def test_abbreviations_a_tokenizer_has_are_not_added_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from kdextract.nlp.tokenizer import add_abbreviation_special_cases

    nlp = spacy.blank("sv")
    forms = add_abbreviation_special_cases(nlp)
    assert forms == sum(len(abbreviation_variants(a)) for a in load_abbreviations())
    added: list[str] = []
    tokenizer = SimpleNamespace(rules=nlp.tokenizer.rules, add_special_case=lambda form, _: added.append(form))
    assert add_abbreviation_special_cases(tokenizer) == forms and added == []  # a loaded pipeline's case
    tokenizer.rules = {}
    assert add_abbreviation_special_cases(tokenizer) == forms and len(added) == forms


def test_capitalised_abbreviation_at_sentence_start(spacy_engine: Any) -> None:
    doc = spacy_engine("Bl.a. Luleå kommun deltar. T.ex. genom möten.")
    assert [t.text for t in doc][:2] == ["Bl.a.", "Luleå"]
    assert [s.text for s in doc.sents] == ["Bl.a. Luleå kommun deltar.", "T.ex. genom möten."]


# --------------------------------------------------------------------------- stanza conversion

STANZA_TEXT = "  Eva Lindqvist bor i Luleå.\n\nHon arbetar på  Försäkringskassan i maj."


def _stanza_like_tokens(text: str) -> list[list[tuple[str, int, int]]]:
    import re

    sentences, current = [], []
    for m in re.finditer(r"\w+|[^\w\s]", text):
        current.append((m.group(), m.start(), m.end()))
        if m.group() == ".":
            sentences.append(current)
            current = []
    return sentences


def _check_converted(doc: Any) -> None:
    assert doc.text == STANZA_TEXT
    ents = [(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents]
    ev = STANZA_TEXT.index("Eva")
    fk = STANZA_TEXT.index("Försäkringskassan")
    assert ents == [
        ("Eva Lindqvist", "PER", ev, ev + 13),
        ("Luleå", "LOC", STANZA_TEXT.index("Luleå"), STANZA_TEXT.index("Luleå") + 5),
        ("Försäkringskassan", "ORG", fk, fk + 17),
    ]  # TME ("maj") is dropped by the label map
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["Eva Lindqvist bor i Luleå.", "Hon arbetar på  Försäkringskassan i maj."]


def test_stanza_to_spacy_duck_typed() -> None:
    sentences = [
        SimpleNamespace(tokens=[SimpleNamespace(text=t, start_char=s, end_char=e) for t, s, e in sent])
        for sent in _stanza_like_tokens(STANZA_TEXT)
    ]

    def ent(label: str, surface: str) -> SimpleNamespace:
        start = STANZA_TEXT.index(surface)
        return SimpleNamespace(type=label, start_char=start, end_char=start + len(surface), text=surface)

    stanza_doc = SimpleNamespace(
        text=STANZA_TEXT,
        sentences=sentences,
        ents=[ent("PRS", "Eva Lindqvist"), ent("LOC", "Luleå"), ent("ORG", "Försäkringskassan"), ent("TME", "maj")],
    )
    doc = stanza_to_spacy(stanza_doc, spacy.blank("sv").vocab, label_map("stanza"))
    _check_converted(doc)


def test_stanza_to_spacy_partial_token_expands() -> None:
    text = "Möte i Luleåkommun idag."
    stanza_doc = {
        "text": text,
        "sentences": [{"tokens": [{"text": w, "start_char": s, "end_char": s + len(w)} for w, s in
                                  [("Möte", 0), ("i", 5), ("Luleåkommun", 7), ("idag", 19), (".", 23)]]}],
        "ents": [{"type": "place", "start_char": 7, "end_char": 12}],
    }
    doc = stanza_to_spacy(stanza_doc, spacy.blank("sv").vocab, label_map("stanza"))
    assert [(e.text, e.label_) for e in doc.ents] == [("Luleåkommun", "LOC")]


def test_stanza_to_spacy_real_document() -> None:
    pytest.importorskip("stanza")
    from stanza.models.common.doc import Document

    bio = {"Eva": "B-PRS", "Lindqvist": "E-PRS", "Luleå": "S-LOC", "Försäkringskassan": "S-ORG", "maj": "S-TME"}
    sentences = [
        [
            {"id": (i + 1,), "text": t, "misc": f"start_char={s}|end_char={e}", "ner": bio.get(t, "O")}
            for i, (t, s, e) in enumerate(sent)
        ]
        for sent in _stanza_like_tokens(STANZA_TEXT)
    ]
    stanza_doc = Document(sentences, text=STANZA_TEXT)
    assert {e.type for e in stanza_doc.ents} == {"PRS", "LOC", "ORG", "TME"}
    _check_converted(stanza_to_spacy(stanza_doc, spacy.blank("sv").vocab, label_map("stanza")))


def test_stanza_missing_gives_install_hint(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "stanza" or name.startswith("stanza."):
            raise ImportError("No module named 'stanza'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "stanza", raising=False)
    monkeypatch.setattr(builtins, "__import__", fake_import)
    monkeypatch.setattr(engine_mod, "_ENGINES", {})
    for kwargs in ({"model_path": tmp_path}, {}):
        with pytest.raises(EngineUnavailableError) as info:
            get_engine("stanza", **kwargs)
        message = str(info.value)
        assert 'pip install "kdextract[stanza]"' in message
        assert "stanza.download" in message


def test_stanza_without_models_is_unavailable(tmp_path: Path) -> None:
    pytest.importorskip("stanza")
    with pytest.raises(EngineUnavailableError, match="kdextract\\[stanza\\]"):
        get_engine("stanza", model_path=tmp_path / "missing")
