"""Long texts through a NER model in bounded pieces, each text's pieces joined back into one ``Doc``.

spaCy refuses texts longer than ``nlp.max_length`` (error E088), and a network's working memory
grows with the text it reads at once. ``pipe_in_chunks`` cuts every text into pieces of at most
``CHUNK_CHARS`` characters, at a paragraph end where it can (else a line end, a sentence end, a
space), reads the pieces in batches of at most ``BATCH_CHARS`` characters, and joins the pieces
of each text into one ``Doc`` whose text is the input text exactly, so every character offset of
an entity holds. Texts up to ``CHUNK_CHARS`` are read whole, as before; the ``Doc`` of a longer
text keeps only what the record builders read: its entities (and a sentence per piece).

>>> text = "Första stycket.\\n\\nAndra stycket, lite längre.\\n\\nTredje."
>>> [text[s:e] for s, e in chunk_spans(text, size=30)]
['Första stycket.\\n\\n', 'Andra stycket, lite längre.\\n\\n', 'Tredje.']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: Longest piece of text the model reads at once.
CHUNK_CHARS = 20_000
#: Most characters the model reads in one batch (its working memory grows with them: ~5 KB a character).
BATCH_CHARS = 20_000
#: Where a piece may end, best first: after a blank line, a line, a sentence, a word.
_CUTS = ("\n\n", "\n", ". ", " ")


def chunk_spans(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces that cover ``text`` in order, each at most ``size`` characters long.

    A piece ends after the last blank line in its second half, else after the last line end,
    sentence end (". ") or space there, else at ``size`` characters.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start + size // 2, start + size)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _cut(text: str, lo: int, hi: int) -> int:
    for sep in _CUTS:
        i = text.rfind(sep, lo, hi)
        if i >= 0:
            return i + len(sep)
    return hi


def pipe_in_chunks(read: Callable[[list[str]], Iterable[Doc]], texts: Iterable[str], batch_size: int,
                   size: int = CHUNK_CHARS) -> Iterator[Doc]:
    """One ``Doc`` per text, in order; ``read`` turns a batch of pieces into their ``Doc``s, in order.

    Pieces are at most ``size`` characters; a batch holds at most ``batch_size`` pieces and
    ``BATCH_CHARS`` characters (one longer piece alone). A text read whole gives the model's
    ``Doc`` without its token vectors (``doc.tensor``: 512 bytes a token, read by nothing
    downstream). A text read in pieces gives an entity ``Doc`` (see ``entity_doc``): the pieces'
    entities are kept as each piece is read, and the piece's ``Doc`` is let go.
    """
    import numpy

    queue: deque[tuple[str, list[tuple[int, int]]]] = deque()  # texts cut so far, with their pieces

    def pieces() -> Iterator[str]:
        for text in texts:
            spans = chunk_spans(text, size)
            queue.append((text, spans))
            for start, end in spans:
                yield text[start:end]

    ents: list[tuple[int, int, str, str]] = []
    done = 0
    for doc in _batches(read, pieces(), batch_size):
        text, spans = queue[0]
        if len(spans) == 1:
            doc.tensor = numpy.zeros((0,), dtype="float32")
            queue.popleft()
            yield doc
            continue
        offset = spans[done][0]
        ents.extend((offset + e.start_char, offset + e.end_char, e.label_, e.ent_id_) for e in doc.ents)
        done += 1
        if done == len(spans):
            queue.popleft()
            yield entity_doc(text, ents, [start for start, _ in spans])
            ents, done = [], 0


def entity_doc(text: str, ents: Sequence[tuple[int, int, str, str]], sentence_starts: Sequence[int]) -> Doc:
    """A ``Doc`` of ``text`` with entities ``(start, end, label, ent_id)``: one token per entity and per
    stretch between (``ent_id``: the rule of the pipeline that made the entity, "" for the model's own).

    Its text is ``text`` exactly, so entity offsets hold; it starts a sentence at each of
    ``sentence_starts`` (the pieces' starts). A full token-level ``Doc`` of a long text costs about
    250 bytes a token and three times that to join; this one costs two tokens per entity. Its words
    live in a vocabulary of its own, so the model's shared vocabulary does not grow with them.
    """
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    starts = set(sentence_starts)
    cuts = sorted({0, len(text), *starts, *(s for s, _, _, _ in ents), *(e for _, e, _, _ in ents)})
    bounds = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
    doc = Doc(Vocab(), words=[text[a:b] for a, b in bounds], spaces=[False] * len(bounds),
              sent_starts=[a in starts for a, _ in bounds])
    token_at = {a: i for i, (a, _) in enumerate(bounds)}
    doc.ents = [Span(doc, token_at[s], token_at[s] + 1, label=label, span_id=ent_id) for s, _, label, ent_id in ents]
    return doc


def _batches(read: Callable[[list[str]], Iterable[Doc]], pieces: Iterator[str], batch_size: int) -> Iterator[Doc]:
    batch: list[str] = []
    chars = 0
    for piece in pieces:
        if batch and (len(batch) >= batch_size or chars + len(piece) > BATCH_CHARS):
            yield from read(batch)
            batch, chars = [], 0
        batch.append(piece)
        chars += len(piece)
    if batch:
        yield from read(batch)
