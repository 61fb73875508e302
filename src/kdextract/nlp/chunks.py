"""Long texts through a NER model in bounded pieces, each text's pieces joined back into one ``Doc``.

spaCy refuses texts longer than ``nlp.max_length`` (error E088), and a network's working memory
grows with the text it reads at once. ``pipe_in_chunks`` cuts every text into pieces of at most
``CHUNK_CHARS`` characters, at a paragraph end where it can (else a line end, a sentence end, a
space), reads the pieces in batches of at most ``BATCH_CHARS`` characters, and joins the pieces
of each text into one ``Doc`` whose text is the input text exactly, so every character offset of
an entity holds. Texts up to ``CHUNK_CHARS`` are read whole, as before.

>>> text = "Första stycket.\\n\\nAndra stycket, lite längre.\\n\\nTredje."
>>> [text[s:e] for s, e in chunk_spans(text, size=30)]
['Första stycket.\\n\\n', 'Andra stycket, lite längre.\\n\\n', 'Tredje.']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: Longest piece of text the model reads at once.
CHUNK_CHARS = 20_000
#: Most characters the model reads in one batch (its working memory grows with them: ~4 KB a character).
BATCH_CHARS = 40_000
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
    ``BATCH_CHARS`` characters (one longer piece alone). The docs keep tokens, entities and sentences; the network's token vectors
    (``doc.tensor``) are dropped, as nothing downstream reads them and they take 512 bytes a token.
    """
    import numpy
    from spacy.tokens import Doc

    counts: deque[int] = deque()  # pieces per text, appended as texts are cut

    def pieces() -> Iterator[str]:
        for text in texts:
            spans = chunk_spans(text, size)
            counts.append(len(spans))
            for start, end in spans:
                yield text[start:end]

    parts: list[Doc] = []
    for doc in _batches(read, pieces(), batch_size):
        doc.tensor = numpy.zeros((0,), dtype="float32")
        parts.append(doc)
        if len(parts) == counts[0]:
            counts.popleft()
            yield parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            parts = []


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
