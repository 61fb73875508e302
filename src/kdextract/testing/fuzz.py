"""Fuzzing kdextract: random and Swedish-shaped inputs, and the checks every result must pass.

``fuzz_text(rnd)`` draws one input: random code points from awkward ranges (controls, lone
surrogates, combining marks, other scripts' digits, line and paragraph separators), fragments of
the genre glued at random (dates, amounts with 1 to 40 digits, headings, names, bullets, tables,
OCR damage), or a municipal-style text with random edits. ``check_parse``, ``check_dates`` and
``check_amounts`` run a public function on one input and raise ``FuzzFailure`` when the result
breaks a promise: every offset inside the text and quoting it exactly, a JSON round trip that
gives the same result, the same result twice, and no exception but a ``KdextractError``.
``tests/test_fuzz.py`` runs them under hypothesis; ``benchmarks/fuzz.py`` runs many more.

>>> import random
>>> text = fuzz_text(random.Random(3))
>>> isinstance(text, str)
True
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence

from pydantic import BaseModel

from kdextract.errors import InternalError, KdextractError
from kdextract.models import Document, Located, Section
from kdextract.testing.adversarial import FAMILY, GIVEN, MONTHS, municipal_text

#: Code point ranges that break naive text handling, drawn from with the weights beside them.
AWKWARD: list[tuple[int, int, int]] = [
    (0x20, 0x7E, 30),  # ASCII
    (0xC0, 0xFF, 8),  # Latin-1 letters, å ä ö among them
    (0x00, 0x1F, 3),  # controls, tab and line breaks (NUL among them)
    (0x7F, 0x9F, 1),  # DEL and C1 controls, U+0085 among them
    (0x0300, 0x036F, 2),  # combining marks
    (0x0660, 0x0669, 1),  # Arabic-Indic digits (\d matches them)
    (0xFF10, 0xFF19, 1),  # full-width digits
    (0x2000, 0x206F, 2),  # spaces, dashes, quotes, separators U+2028/2029, bidi marks
    (0xD800, 0xDFFF, 1),  # lone surrogates
    (0xFEFF, 0xFEFF, 1),  # BOM / zero-width no-break space
    (0x1F300, 0x1F6FF, 1),  # emoji (outside the BMP)
    (0x0400, 0x04FF, 1),  # Cyrillic
]
FRAGMENTS: list[str] = [
    "den 3 maj 2020", "2020-13-45", "31 februari", "v. 53", "kl. 25.61", "fr.o.m. 1 jan", "1–3 maj", "år 0000",
    "senast den 9 september", "i mitten av oktober", "Q3 2024", "vecka 12", "HT 2023", "2019/20", "9999-12-31",
    "1 000 kr", "2,5 mnkr", "-3 tkr", "1" * 29 + " kr", "9" * 40, "0,000001 kr", "tre miljoner kronor", "€ 12",
    "1.822.000,50 SEK", "10–15 mnkr", "5k", "kr", "miljarder", "½", "1/2",
    "§ 12 Budget", "# Rubrik", "1. Inledning", "• punkt", "- ", "Justeras", "Vid protokollet", "Närvarande:",
    "Kommunstyrelsen beslutar att", "Ordförande", "(S)", "AB", "Kommun", "nämnden", "Dnr KS 2020/123",
    "f6r", "pa", "{", "#", "ctt", "1", "l", "I", "\t", "\n", "\n\n", "  ", ".", ",", ":", ";", "(", ")", "-", "–",
    "\u00a0", "\u00ad", "\u200b", "\r\n", "\u2028", "\f",
]


class FuzzFailure(AssertionError):
    """A fuzz input broke one of kdextract's promises."""


def fuzz_text(rnd: random.Random, max_len: int = 400) -> str:
    """One fuzz input of at most about ``max_len`` characters: random, genre-shaped or an edited document."""
    kind = rnd.random()
    if kind < 0.3:
        return random_text(rnd, rnd.randint(0, max_len))
    if kind < 0.75:
        return genre_text(rnd, rnd.randint(1, max(1, max_len // 8)))
    return edited_document(rnd, rnd.randint(50, max(50, max_len)))


def random_text(rnd: random.Random, length: int) -> str:
    """``length`` code points drawn from ``AWKWARD``."""
    ranges = [(lo, hi) for lo, hi, _ in AWKWARD]
    weights = [w for _, _, w in AWKWARD]
    return "".join(chr(rnd.randint(*rnd.choices(ranges, weights)[0])) for _ in range(length))


def genre_text(rnd: random.Random, pieces: int) -> str:
    """``pieces`` fragments of the genre, names, numbers and random words, glued by spaces or nothing."""
    out: list[str] = []
    for _ in range(pieces):
        roll = rnd.random()
        if roll < 0.6:
            out.append(rnd.choice(FRAGMENTS))
        elif roll < 0.75:
            out.append(f"{rnd.choice(GIVEN)} {rnd.choice(FAMILY)}")
        elif roll < 0.9:
            out.append(str(rnd.randint(0, 10 ** rnd.randint(1, 30))))
        else:
            out.append(rnd.choice(MONTHS) if rnd.random() < 0.5 else random_text(rnd, rnd.randint(1, 6)))
        out.append(rnd.choice([" ", " ", "", "\n", ", "]))
    return "".join(out)


def edited_document(rnd: random.Random, length: int) -> str:
    """A municipal-style text of ``length`` characters with a few random cuts, copies and insertions."""
    text = municipal_text(length, seed=rnd.randint(0, 10 ** 6))
    for _ in range(rnd.randint(1, 6)):
        a = rnd.randint(0, len(text))
        b = min(len(text), a + rnd.randint(0, 40))
        roll = rnd.random()
        if roll < 0.35:
            text = text[:a] + text[b:]
        elif roll < 0.7:
            text = text[:b] + text[a:b] * rnd.randint(1, 5) + text[b:]
        else:
            text = text[:a] + genre_text(rnd, rnd.randint(1, 3)) + text[a:]
    return text


# -- checks ------------------------------------------------------------------------------------

def _models(value: object) -> Iterator[BaseModel]:
    """``value`` and every model inside it, depth first."""
    if isinstance(value, BaseModel):
        yield value
        for _, field in value:
            yield from _models(field)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _models(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _models(item)


def check_offsets(text: str, items: Sequence[BaseModel] | BaseModel, what: str) -> None:
    """Every located item in ``items`` lies inside ``text`` and quotes it exactly."""
    for model in _models(items):
        if isinstance(model, Located):
            if not 0 <= model.start <= model.end <= len(text) or text[model.start:model.end] != model.text:
                raise FuzzFailure(f"{what}: {type(model).__name__} at {model.start}:{model.end} quotes "
                                  f"{model.text!r}, the text there is {text[model.start:model.end]!r}")
        elif isinstance(model, Section):
            spans = [(model.start, model.end), (model.title_start, model.title_end), (model.body_start, model.body_end)]
            if any(not 0 <= a <= b <= len(text) for a, b in spans):
                raise FuzzFailure(f"{what}: section {model.id} has offsets {spans} outside 0:{len(text)}")


def _round_trip(model: BaseModel, what: str) -> str:
    data = model.model_dump_json()
    if type(model).model_validate_json(data) != model:
        raise FuzzFailure(f"{what}: {type(model).__name__} changes in a JSON round trip")
    return data


def _guarded(what: str, run: Callable[[], object]) -> object | None:
    """``run()``; None for a ``KdextractError`` (a documented refusal), ``FuzzFailure`` for anything else,
    ``InternalError`` included (it is how parse() reports its own bugs)."""
    try:
        return run()
    except InternalError as exc:
        raise FuzzFailure(f"{what}: raised InternalError: {exc}") from exc
    except KdextractError:
        return None
    except Exception as exc:
        raise FuzzFailure(f"{what}: raised {type(exc).__name__}: {exc}") from exc


def check_parse(text: str, *, ner: bool = False) -> Document | None:
    """``kdextract.parse(text)`` keeps every promise (None: it refused the input with a ``KdextractError``)."""
    from kdextract.api import parse

    first = _guarded("parse", lambda: parse(text, ner=ner))
    if first is None:
        return None
    assert isinstance(first, Document)
    if len(first.text) != len(text):
        raise FuzzFailure(f"parse: the document's text has {len(first.text)} characters, the input {len(text)}")
    check_offsets(first.text, first, "parse")
    data = _round_trip(first, "parse")
    again = _guarded("parse (again)", lambda: parse(text, ner=ner))
    if not isinstance(again, Document) or again.model_dump_json() != data:
        raise FuzzFailure("parse: a second parse of the same text gives another result")
    return first


def check_finder(name: str, find: Callable[[str], Sequence[BaseModel]], text: str) -> None:
    """A finder (``find_dates``, ``find_amounts``) keeps every promise on ``text``."""
    found = _guarded(name, lambda: find(text))
    if found is None:
        return
    assert isinstance(found, list)
    check_offsets(text, found, name)
    dumps = [_round_trip(item, name) for item in found]
    again = _guarded(f"{name} (again)", lambda: find(text))
    if not isinstance(again, list) or [item.model_dump_json() for item in again] != dumps:
        raise FuzzFailure(f"{name}: a second run on the same text gives another result")


def check_all(text: str, *, ner: bool = False) -> None:
    """``parse``, ``find_dates`` and ``find_amounts`` keep every promise on ``text``."""
    from kdextract.parsers.amounts import find_amounts
    from kdextract.parsers.dates import find_dates

    check_parse(text, ner=ner)
    check_finder("find_dates", find_dates, text)
    check_finder("find_amounts", find_amounts, text)
