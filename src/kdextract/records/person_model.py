"""The NER model's person entities as person candidates: cut where a lost line break ran two names together,
and kept only where the name checks pass."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import is_first_name, is_role, is_sentence_start, lower_word_elsewhere
from kdextract.records.person_candidate import PCand
from kdextract.records.person_names import after_place_noun, name_ok
from kdextract.records.project_rules import rules as project_rules
from kdextract.records.word_index import word_index
from kdextract.text.fold import fold
from kdextract.text.lexicon import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

_WORDS = compile_re(r"\S+")
#: The runs of words between column gaps of three spaces or more ("Eva Ek        Per Holm": two signatures).
#: A capitalised word right before a name, after a line's start, a label's colon, a comma or a bracket.
_WORD_BEFORE = compile_re(r"(?m)(?:^|(?<=[,:(]))[ \t]*(\p{Lu}\p{Ll}{2,})[ ]\Z")
_COLUMN_RUN = compile_re(r"\S+(?: {1,2}\S+)*")


def find_model(text: str, ner: Doc) -> Iterator[PCand]:
    """The model's PER entities that pass the name checks, each cut into the names it runs together."""
    for ent in ner.ents:
        if ent.label_ != "PER":
            continue
        for s, e in _names_run_together(text, ent.start_char, ent.end_char):
            if (cand := _model_name(text, s, e)) is not None:
                yield cand


def _names_run_together(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The names in a model entity where a lost line break ran two together: one on each side of a column gap
    ("Eva Ek        Per Holm"; no name crosses a gap: where a side is one word, the entity misread a table's row
    and only a side that opens with a listed given name is a name: "Norrby        Lena Ek" ends an agenda item's
    title and names its presenter), and "Eva Ek Per Holm" (given name, surname, given name, surname) in two; else
    the entity."""
    parts = [(start + m.start(), start + m.end()) for m in _COLUMN_RUN.finditer(text[start:end])]
    if len(parts) < 2:
        parts = [(start, end)]
    elif any(len(text[a:b].split()) < 2 for a, b in parts):
        parts = [(a, b) for a, b in parts if is_first_name(text[a:b].split()[0])]
    out = []
    for a, b in parts:
        words = [(a + m.start(), a + m.end()) for m in _WORDS.finditer(text[a:b])]
        given = [is_first_name(text[x:y].strip(",.;:")) for x, y in words]
        if given == [True, False, True, False]:
            out += [(words[0][0], words[1][1]), (words[2][0], words[3][1])]
        else:
            out.append((a, b))
    return out


def _model_name(text: str, s: int, e: int) -> PCand | None:
    """The name the model's entity ``text[s:e]`` gives, or None where the name checks reject it."""
    surface = text[s:e].strip(" .,;:()\"'")
    s = text.find(surface, s)
    e = s + len(surface)
    if surface.endswith("s") and any(b <= s or a >= e for a, b in word_index(text).occurrences(surface[:-1])):
        surface, e = surface[:-1], e - 1  # "Anna Bergs" where "Anna Berg" stands elsewhere
    tokens = surface.split()
    if "\n" in surface or "\t" in surface or not 2 <= len(tokens) <= 4:
        return None
    given = is_first_name(tokens[0])
    if after_place_noun(text, s):
        return None  # "i verksamhetsområdet Hovby Norra": a place
    if not name_ok(tokens, text, strict=not given) or (not given and len(tokens) > 3):
        return None
    if not given and (lower_word_elsewhere(text, tokens[0]) or is_sentence_start(text, s)
                      or tokens[0].casefold() in load_lexicon().common or _named_as_project(text, s)):
        return None  # (a common noun opens a place's name: "Café Solhöjden")
    if not given and len(tokens) == 2 and (w := _WORD_BEFORE.search(text, max(0, s - 40), s)) is not None \
            and _opens_name(text, w.group(1)) and name_ok([w.group(1), *tokens], text, strict=True):
        s, surface = w.start(1), f"{w.group(1)} {surface}"  # "Abdirahman | Hersi Farah": the given name too
    return PCand(s, e, surface, rule="model", score=0.75, explanation="PER entity of the NER model")


def _opens_name(text: str, word: str) -> bool:
    """``word``, right before a model's name of two unlisted words, is its given name: no common word, no role,
    not written in lower case elsewhere."""
    return word.casefold() not in load_lexicon().common and not is_role(word) and not lower_word_elsewhere(text, word)


def _named_as_project(text: str, start: int) -> bool:
    """A project's word stands right before ``start`` ("projektet Solväg Norr"): the name is the project's."""
    before = fold(text[max(0, start - 30):start]).lower()
    return any(m.end() == len(before) for m in project_rules().intro.finditer(before))
