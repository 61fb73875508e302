"""NER engines: the shipped spaCy model (default) or Stanza, both returning spaCy ``Doc`` objects.

Every engine returns a ``spacy.tokens.Doc`` whose ``doc.ents`` carry kdextract's labels
(``PER``, ``ORG``, ``LOC``, ``MISC``) and whose ``doc.sents`` are set.  Backend labels are
mapped through ``kdextract/resources/sv/ner_labels.json``; labels it does not list are dropped.

Texts longer than ``kdextract.nlp.chunks.CHUNK_CHARS`` are read in pieces cut at paragraph ends
and joined back (``pipe_in_chunks``), so any length within ``max_chars`` works in bounded memory.
spaCy and Stanza are imported lazily, on first use, so ``import kdextract`` stays fast.
"""

from __future__ import annotations

import os
import pathlib
import threading
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any, Protocol

from kdextract.errors import EngineUnavailableError, ModelNotFoundError
from kdextract.nlp.blas import one_blas_thread, use_inference_ops
from kdextract.nlp.chunks import CHUNK_CHARS, pipe_in_chunks
from kdextract.nlp.spacy_import import import_spacy
from kdextract.resources import Rules

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

__all__ = [
    "MODEL_DIRNAME",
    "MODEL_ENV_VAR",
    "NerEngine",
    "SpacyEngine",
    "StanzaEngine",
    "get_engine",
    "label_map",
    "model_path",
    "stanza_to_spacy",
]

MODEL_ENV_VAR = "KDEXTRACT_MODEL"
MODEL_DIRNAME = "sv_kdextract_ner"
OUR_LABELS = frozenset({"PER", "ORG", "LOC", "MISC"})
#: ``ent_id_`` start of the entities a rule of the pipeline made, not its network: the shipped
#: pipeline's place-name ruler (``models/build_ruler.py``) marks them "gazetteer:place" or
#: "gazetteer:relabel".
RULER_ID_PREFIX = "gazetteer:"
STANZA_INSTALL_HINT = (
    'Install it with: pip install "kdextract[stanza]"; then download the Swedish models once, on a '
    'machine with network access, with: python -c "import stanza; stanza.download(\'sv\', '
    "model_dir='/path/to/stanza_resources', processors='tokenize,ner')\" and pass that directory as "
    "model_path (get_engine('stanza', model_path='/path/to/stanza_resources'))."
)


def made_by_ruler(ent: Span) -> bool:
    """Whether the pipeline's place-name ruler made ``ent`` (or relabelled it), not the network."""
    return ent.ent_id_.startswith(RULER_ID_PREFIX)


class NerEngine(Protocol):
    """What kdextract needs from a NER backend."""

    name: str

    def __call__(self, text: str) -> Doc: ...

    def pipe(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]: ...


# --------------------------------------------------------------------------- configuration


class NerLabelRules(Rules, file="ner_labels.json"):
    """Backend label -> kdextract label (PER, ORG, LOC, MISC), per backend."""

    spacy: dict[str, str]
    stanza: dict[str, str]


def _label_config() -> dict[str, dict[str, str]]:
    data = NerLabelRules.load()
    return {"spacy": data.spacy, "stanza": data.stanza}


def label_map(backend: str) -> dict[str, str]:
    """Backend label -> kdextract label, from ``resources/sv/ner_labels.json``."""
    try:
        return dict(_label_config()[backend])
    except KeyError:
        raise KeyError(f"no NER label mapping for backend {backend!r} in ner_labels.json") from None


def _map_label(label: str, mapping: Mapping[str, str]) -> str | None:
    """Map a backend label (tolerating ``B-``/``S-``-style prefixes) to ours; ``None`` drops it."""
    if label in mapping:
        return mapping[label]
    if len(label) > 2 and label[1] == "-" and label[0] in "BIESU":
        return mapping.get(label[2:])
    return None


def model_path() -> pathlib.Path:
    """Directory of the shipped spaCy NER pipeline.

    Looked up in order: the ``KDEXTRACT_MODEL`` environment variable; package data
    ``kdextract/_model/sv_kdextract_ner`` (wheel installs); ``<repo>/models/sv_kdextract_ner``
    (source checkouts).  Raises :class:`~kdextract.errors.ModelNotFoundError` if none exists.
    """
    env = os.environ.get(MODEL_ENV_VAR)
    if env:
        path = pathlib.Path(env).expanduser()
        if (path / "config.cfg").is_file():
            return path
        raise ModelNotFoundError(
            f"{MODEL_ENV_VAR}={env!r} does not point to a spaCy pipeline directory (no config.cfg). "
            f"Unset {MODEL_ENV_VAR} to use the model shipped with kdextract, or point it to a "
            "directory written by nlp.to_disk()."
        )
    candidates: list[pathlib.Path] = []
    try:
        packaged = resources.files("kdextract") / "_model" / MODEL_DIRNAME
        candidates.append(pathlib.Path(str(packaged)))
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - exotic loaders
        pass
    candidates.append(pathlib.Path(__file__).resolve().parents[3] / "models" / MODEL_DIRNAME)
    for path in candidates:
        if (path / "config.cfg").is_file():
            return path
    searched = ", ".join(str(p) for p in candidates)
    raise ModelNotFoundError(
        f"The kdextract NER model {MODEL_DIRNAME!r} was not found (searched: {searched}). "
        "Reinstall kdextract from a wheel that includes it, train it from a source checkout with "
        f"'python models/train_ner.py', or set {MODEL_ENV_VAR} to a spaCy pipeline directory. "
        "Extraction without NER is available with ner=False."
    )


# --------------------------------------------------------------------------- spaCy backend


#: Rulers that turn their phrase patterns into ``Doc``s with the pipeline when they load.
_RULERS = ("entity_ruler", "span_ruler")
#: Phrase-matcher attributes that the tokenizer alone sets.
_TOKENIZER_ATTRS = (None, "ORTH", "TEXT", "LOWER")
#: spaCy's components that run nothing when they load, the rulers aside (a pipeline of others loads as is).
_QUIET_FACTORIES = frozenset({"tok2vec", "ner", "sentencizer", "senter", "parser", "tagger", "morphologizer",
                              *_RULERS})


def _load_spacy(path: pathlib.Path) -> Language:
    """``spacy.load(path)``, with the components disabled while it loads where that makes the same pipeline.

    A ruler turns its phrase patterns into ``Doc``s by running the components before it when it
    loads; where they match on the tokens' text alone (``phrase_matcher_attr`` ORTH, TEXT or LOWER),
    the tokenizer makes the same ``Doc``s without running the network on every pattern.
    """
    import_spacy()
    from spacy.util import load_config

    from kdextract.nlp.tokenizer import load_pipeline

    config = load_config(path / "config.cfg")
    components = config.get("components", {})
    disabled = set(config["nlp"].get("disabled") or ())
    names = [name for name in config["nlp"]["pipeline"] if name not in disabled]
    factories = [components.get(name, {}).get("factory") for name in names]
    if not set(factories) <= _QUIET_FACTORIES or any(
            factory in _RULERS and components[name].get("phrase_matcher_attr") not in _TOKENIZER_ATTRS
            for name, factory in zip(names, factories)):
        return load_pipeline(path, config, [])
    nlp = load_pipeline(path, config, names)
    for name in names:
        nlp.enable_pipe(name)
    return nlp


def _ensure_sentences(nlp: Language) -> None:
    if not any(nlp.has_pipe(p) for p in ("sentencizer", "senter", "parser")):
        nlp.add_pipe("sentencizer")


class SpacyEngine:
    """The shipped spaCy pipeline (or any spaCy pipeline directory), labels mapped to ours."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        from kdextract.nlp.tokenizer import add_abbreviation_special_cases

        self.path = pathlib.Path(path) if path is not None else model_path()
        if not (self.path / "config.cfg").is_file():
            raise ModelNotFoundError(f"{self.path} is not a spaCy pipeline directory (no config.cfg).")
        self.nlp: Language = _load_spacy(self.path)
        add_abbreviation_special_cases(self.nlp)  # no-op for the shipped model; helps custom ones
        _ensure_sentences(self.nlp)
        use_inference_ops(self.nlp)
        self._labels = label_map("spacy")
        meta = self.nlp.meta
        self.name = f"spacy:{meta.get('lang', 'sv')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"

    def _relabel(self, doc: Doc) -> Doc:
        if all(ent.label_ in OUR_LABELS for ent in doc.ents):
            return doc
        from spacy.tokens import Span

        ents = []
        for ent in doc.ents:
            label = _map_label(ent.label_, self._labels)
            if label is not None:
                ents.append(Span(doc, ent.start, ent.end, label=label, span_id=ent.id))
        doc.set_ents(ents, default="outside")
        return doc

    def __call__(self, text: str) -> Doc:
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
        for doc in pipe_in_chunks(self._read, texts, batch_size, min(CHUNK_CHARS, self.nlp.max_length)):
            yield self._relabel(doc)

    def _read(self, pieces: list[str]) -> Iterator[Doc]:
        with one_blas_thread():
            return iter(list(self.nlp.pipe(pieces, batch_size=len(pieces))))

    def __repr__(self) -> str:
        return f"SpacyEngine({str(self.path)!r})"


# --------------------------------------------------------------------------- Stanza backend


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def stanza_to_spacy(stanza_doc: Any, vocab: Vocab, label_map: Mapping[str, str]) -> Doc:
    """Convert a Stanza ``Document`` (or a duck-typed equivalent) into a spaCy ``Doc``.

    Reads ``stanza_doc.text``, ``stanza_doc.sentences[*].tokens[*]`` (``text``,
    ``start_char``, ``end_char``) and ``stanza_doc.ents`` (or ``entities``: ``type``,
    ``start_char``, ``end_char``); plain dicts with those keys work too.  Words and
    trailing spaces are rebuilt from the token offsets, other whitespace between tokens
    becomes whitespace tokens (as spaCy's own tokenizer does), so ``doc.text`` equals the
    Stanza text and character offsets are shared.  Each Stanza sentence starts a spaCy
    sentence.  Entities are attached with ``doc.char_span(..., alignment_mode="expand")``
    and labels mapped by ``label_map``; unlisted labels are dropped, and of overlapping
    entities the first one wins.
    """
    from spacy.tokens import Doc

    text: str = _get(stanza_doc, "text", "") or ""
    tokens: list[tuple[int, int, bool]] = []  # (start, end, starts a sentence)
    pos = 0
    for sentence in _get(stanza_doc, "sentences", []) or []:
        first = True
        for token in _get(sentence, "tokens", []) or []:
            start, end = _get(token, "start_char"), _get(token, "end_char")
            if start is None or end is None:  # no offsets: find the token text in the document text
                tok_text = str(_get(token, "text", ""))
                found = text.find(tok_text, pos)
                if not tok_text or found < 0:
                    continue
                start, end = found, found + len(tok_text)
            start, end = int(start), int(end)
            if start < pos or end <= start or end > len(text):
                continue  # overlapping or out-of-range token: skip rather than corrupt the Doc
            tokens.append((start, end, first))
            first = False
            pos = end
    words: list[str] = []
    spaces: list[bool] = []
    sent_starts: list[bool | int | None] = []

    def add_gap(gap: str, *, leading: bool) -> None:
        if not gap:
            return
        if not leading and gap[0] == " " and words and not spaces[-1]:
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)
            sent_starts.append(leading and not words[:-1])

    pos = 0
    seen_token = False
    for start, end, first in tokens:
        add_gap(text[pos:start], leading=not words)
        words.append(text[start:end])
        spaces.append(False)
        # a leading whitespace token already opened the first sentence
        sent_starts.append(len(words) == 1 or (first and seen_token))
        seen_token = True
        pos = end
    add_gap(text[pos:], leading=not words)
    if not words:
        return Doc(vocab, words=[], spaces=[])
    doc = Doc(vocab, words=words, spaces=spaces, sent_starts=sent_starts)
    ents = []
    taken: set[int] = set()
    for ent in _get(stanza_doc, "ents", None) or _get(stanza_doc, "entities", None) or []:
        label = _map_label(str(_get(ent, "type", "")), label_map)
        start, end = _get(ent, "start_char"), _get(ent, "end_char")
        if label is None or start is None or end is None:
            continue
        span = doc.char_span(int(start), int(end), label=label, alignment_mode="expand")
        if span is None or len(span) == 0 or any(i in taken for i in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        ents.append(span)
    doc.set_ents(ents, default="outside")
    return doc


class StanzaEngine:
    """Stanza's Swedish tokenizer + NER, converted to spaCy Docs with kdextract labels."""

    def __init__(self, model_path: str | os.PathLike[str]) -> None:
        try:
            import stanza
        except ImportError as exc:
            raise EngineUnavailableError(f"The 'stanza' NER engine needs the stanza package. {STANZA_INSTALL_HINT}") from exc
        import_spacy()
        import spacy

        self.path = pathlib.Path(model_path)
        if not self.path.is_dir():
            raise EngineUnavailableError(f"Stanza resources directory {str(self.path)!r} does not exist. {STANZA_INSTALL_HINT}")
        try:
            self.pipeline = stanza.Pipeline(
                "sv", dir=str(self.path), processors="tokenize,ner", download_method=None, verbose=False
            )
        except Exception as exc:  # stanza raises assorted errors for missing model files
            raise EngineUnavailableError(
                f"Could not load Stanza's Swedish tokenize/ner models from {str(self.path)!r}: {exc}. "
                f"{STANZA_INSTALL_HINT}"
            ) from exc
        self.vocab = spacy.blank("sv").vocab
        self._labels = label_map("stanza")
        self.name = "stanza:sv"

    def __call__(self, text: str) -> Doc:
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
        return pipe_in_chunks(self._read, texts, batch_size)

    def _read(self, pieces: list[str]) -> Iterator[Doc]:
        for piece in pieces:
            yield stanza_to_spacy(self.pipeline(piece), self.vocab, self._labels)

    def __repr__(self) -> str:
        return f"StanzaEngine({str(self.path)!r})"


# --------------------------------------------------------------------------- factory

_ENGINES: dict[tuple[str, str | None], NerEngine] = {}
_LOCK = threading.Lock()


def get_engine(engine: str = "spacy", *, model_path: str | os.PathLike[str] | None = None) -> NerEngine:
    """Return the NER engine ``engine`` ("spacy" or "stanza"), loaded once per (engine, path).

    ``"spacy"`` uses the shipped model (see :func:`model_path`) unless ``model_path`` names
    another spaCy pipeline directory.  ``"stanza"`` needs ``model_path``: a local Stanza
    resources directory holding the Swedish tokenize and ner models; it raises
    :class:`~kdextract.errors.EngineUnavailableError` with an install hint when stanza or
    its models are missing.
    """
    kind = engine.strip().lower()
    if kind not in ("spacy", "stanza"):
        raise ValueError(f"unknown NER engine {engine!r}; choose 'spacy' or 'stanza'")
    if kind == "stanza" and model_path is None:
        try:
            import stanza  # noqa: F401
        except ImportError:
            raise EngineUnavailableError(f"The 'stanza' NER engine needs the stanza package. {STANZA_INSTALL_HINT}") from None
        raise EngineUnavailableError(
            f"The 'stanza' NER engine needs model_path, a local Stanza resources directory. {STANZA_INSTALL_HINT}"
        )
    key = (kind, str(pathlib.Path(model_path).resolve()) if model_path is not None else None)
    with _LOCK:
        cached = _ENGINES.get(key)
        if cached is None:
            cached = SpacyEngine(model_path) if kind == "spacy" else StanzaEngine(model_path)  # type: ignore[arg-type]
            _ENGINES[key] = cached
        return cached
