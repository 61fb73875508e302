"""Associations and clubs named by their compound's head: 'Åsby Ridklubb', 'Hembygdsföreningen Åsen'.

A capitalised compound ending in an association head (``association_suffixes``: "förening", "klubb"...)
after one or two capitalised name words on its line is a name; so is a capitalised definite compound
(``association_heads_before_name``: "föreningen"...) before one to three capitalised words or "i" and a
place ("Hembygdsföreningen i Åsen"); so is a lower-case head (``association_lower_heads``) after its place's
capitalised name ("Holmsta intresseförening", "Ekby byalag"), whose bare definite compound later in the text
("intresseföreningen") is that association where it is the only one of that compound. A definite noun of a kind of association (``association_kinds``), alone
or as a compound's end, before "i" and a place names the association of that place ("Byalaget i Mossvik"), and
before one to three capitalised name words names that association ("Spelmanslaget Stråket"). The bare
compound ("Bygdegårdsförening") is no name, nor is a name word that opens a sentence and is a common word.
A capitalised definite compound of a federation or a seat of learning is a name by itself
(``definite_compound_names``: "Kommunförbundet", "Linnéuniversitetet").
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import (
    WB_R,
    is_first_name,
    is_sentence_start,
    key_of,
    kind_words,
    lower_word_elsewhere,
    org_rules,
    region_genitive,
)
from kdextract.records.org_candidates import FULL_OFFICIAL, Cand
from kdextract.text.required_words import may_match
from kdextract.text.word_starts import after_blanks

#: The most name words read before an indefinite head, and after a definite one.
_BEFORE, _AFTER = 2, 3
_NAME_WORD = compile_re(r"\p{Lu}[\p{L}\-]*")
#: A name word after one or two spaces or a tab: a wider gap ends a table's cell ("Spelmanslaget Ek   Kurser").
_BLANKS_AND_WORD = compile_re(r"(?:[ ]{1,2}|\t)(\p{Lu}[\p{L}\-]*)" + WB_R)
#: "i" and a capitalised place name after a definite head: "Idrottsklubben i Åsby"
#: (not a municipality's or a county's own name: "Hembygdsföreningen i Ekby kommun" is two names)
_IN_PLACE = compile_re(r"[ \t]+i[ \t]+(\p{Lu}\p{Ll}[\p{L}\-]*)" + WB_R
                       + r"(?![ \t]+(?:" + kind_words("municipality", "county", "region") + r")\b)")
#: A definite noun in the genitive before a lower-case head: an owner, no place's name ("Kommunens", "Stadens")
_DEFINITE_GENITIVE = compile_re(r"\p{Ll}(?:en|et|[ae]rna|orna|na)s[ \t]+\Z")
#: The blank-separated words of a line before a position (read backwards, at most a few).
_WORDS_BACK = compile_re(r"(?r)(?:[^ \t\n]+[ \t]+){1,%d}" % _BEFORE)
#: A full line's last word before the break that opens the next line (read backwards): a name wrapped there.
_WRAPPED_WORD = compile_re(r"(?r)(?<=[ \t])(\p{Lu}[\p{L}\-]*)[ \t]*\n")
#: The first name word on the next line after a head that ends a full line ("… och Scoutkåren" / "Tornfalken …"),
#: matched from the line break, after the head's blanks (``after_blanks``).
_WRAP_AND_WORD = compile_re(r"\n(\p{Lu}[\p{L}\-]*)" + WB_R)
#: Shortest line that a column's end wraps (a shorter one ends where its writer ended it).
_WRAPPED_LINE = 50


@lru_cache(maxsize=1)
def _compound_re() -> regex.Pattern[str]:
    """A capitalised word ending in an association head (with a genitive -s): the head is read from the word's end."""
    rules = org_rules()
    heads = sorted(rules.association_suffixes.words + rules.association_heads_before_name.words, key=len, reverse=True)
    return compile_re(r"(?<![\p{L}\p{N}\-])\p{Lu}\p{Ll}++(?<=\p{L}{2}(?:" + "|".join(map(regex.escape, heads))
                         + r")s?)" + WB_R)


@lru_cache(maxsize=1)
def _kind_re() -> regex.Pattern[str]:
    """A capitalised word that is, or ends in, a definite noun of a kind of association ("Byalaget")."""
    kinds = sorted(org_rules().association_kinds.words, key=lambda w: (-len(w), w))
    return compile_re(r"(?<![\p{L}\p{N}\-])\p{Lu}\p{Ll}++(?<=(?i:" + "|".join(map(regex.escape, kinds)) + r"))" + WB_R)


@lru_cache(maxsize=1)
def _lower_head_re() -> regex.Pattern[str]:
    """A lower-case compound of three or more letters and a ``compound_ends`` head, or a ``words`` head alone or
    ending a compound, with a genitive -s ("intresseförening", "byalags"); a ``words`` head alone may be capitalised
    as part of the name ("Ekby Byalag")."""
    heads = org_rules().association_lower_heads
    ends = "|".join(map(regex.escape, sorted(heads.compound_ends, key=lambda w: (-len(w), w))))
    words = "|".join(map(regex.escape, sorted(heads.words, key=lambda w: (-len(w), w))))
    capitalised = "|".join(map(regex.escape, sorted((w.capitalize() for w in heads.words), key=lambda w: (-len(w), w))))
    return compile_re(r"(?<![\p{L}\p{N}\-])(?:\p{Ll}{3,}(?:" + ends + r")|\p{Ll}*(?:" + words + r")|(?:" + capitalised
                      + r"))s?" + WB_R)


@lru_cache(maxsize=1)
def _lower_heads() -> frozenset[str]:
    """The heads of ``_lower_head_re``, one of which each of its matches holds as written (a pre-check: most texts
    hold none, and the pattern tries every lower-case word)."""
    heads = org_rules().association_lower_heads
    return frozenset(heads.compound_ends) | frozenset(heads.words) | frozenset(w.capitalize() for w in heads.words)


@lru_cache(maxsize=1)
def _heads() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rules = org_rules()
    return tuple(rules.association_suffixes.words), tuple(rules.association_heads_before_name.words)


def place_after(text: str, end: int) -> regex.Match[str] | None:
    """The "i Hällmyran" right after an association's name or kind word at ``end``: the place it belongs to,
    any capitalised word that no determiner, given name or sentence's first word makes something else."""
    place = _IN_PLACE.match(text, end)
    return place if place is not None and not _stop(text, place.start(1), place.group(1)) else None


def _stop(text: str, start: int, word: str) -> bool:
    rules = org_rules()
    low = word.lower()
    return (low in rules.company_initial_stopwords or low in rules.name_initial_determiners.words or is_first_name(word)
            or (is_sentence_start(text, start) and lower_word_elsewhere(text, word)))


def _words_before(text: str, start: int) -> int | None:
    """Where the one or two capitalised name words before ``start`` (on its line) begin, if there are any (a bracket
    may open them)."""
    m = _WORDS_BACK.match(text, 0, start)
    if m is None:
        return _wrapped_before(text, start)
    first = None
    pos = m.start()
    for token in m.group().split():
        s = text.index(token, pos)
        pos = s + len(token)
        if token.startswith("(") and len(token) > 1:  # "(Ekby moskéförening)": the bracket opens the name
            token, s, first = token[1:], s + 1, None
        if not _NAME_WORD.fullmatch(token) or (first is None and _stop(text, s, token)):
            first = None  # a name is capitalised words in a row, not opened by a common word
            continue
        if first is None:
            first = s
    return first


def _wrapped_before(text: str, start: int) -> int | None:
    """The name word that ends the full line before a compound opening its line ("… Kungsörs" /
    "Företagarförening ansvarar …"): where it begins, if there is one."""
    m = _WRAPPED_WORD.match(text, 0, start)
    if m is None or m.end() != start or _stop(text, m.start(1), m.group(1)):
        return None
    line_start = text.rfind("\n", 0, m.start()) + 1
    return m.start(1) if m.end(1) - line_start >= _WRAPPED_LINE else None


def words_after(text: str, end: int) -> int | None:
    """Where the one to three capitalised name words after ``end`` (on its line, or opening the next where the
    head ends a full line) end, if there are any."""
    last = None
    for _ in range(_AFTER):
        m = _BLANKS_AND_WORD.match(text, end)
        if m is None and last is None and end - (text.rfind("\n", 0, end) + 1) >= _WRAPPED_LINE:
            m = _WRAP_AND_WORD.match(text, after_blanks(text, end))
        if m is None or is_first_name(m.group(1)) or (last is not None and lower_word_elsewhere(text, m.group(1))):
            break
        if last is None and (_stop(text, m.start(1), m.group(1)) or lower_word_elsewhere(text, m.group(1))):
            break
        last = end = m.end()
    return last


def find_associations(text: str) -> Iterator[Cand]:
    """'Åsby Ridklubb', 'Nolby Bygdegårdsförenings', 'Hembygdsföreningen Åsen'."""
    after, before = _heads()
    for m in _compound_re().finditer(text):
        word = m.group()
        gen = word.endswith("s")  # no head ends in "s"
        low = (word[:-1] if gen else word).lower()
        start: int | None
        end: int | None
        if low.endswith(after):
            start, end = _words_before(text, m.start()), m.end()
            explanation = f"capitalised name before '{next(h for h in after if low.endswith(h))}'"
        elif gen:
            continue
        else:
            start, end = m.start(), words_after(text, m.end())
            if end is None and (place := _IN_PLACE.match(text, m.end())) is not None \
                    and not _stop(text, place.start(1), place.group(1)):
                end = place.end()  # "Hembygdsföreningen i Åsen": the place it belongs to
            explanation = f"'{word}' followed by a name"
        if start is None or end is None:
            continue
        surface = text[start:end]
        form = " ".join((surface[:-1] if gen else surface).split())  # a name wrapped over a line: one line
        yield Cand(start, end, surface, kind="association", key="assoc:" + key_of(form), form=form,
                   full=FULL_OFFICIAL, rule="organisations/association_name", method="rule", score=0.8,
                   explanation=explanation, genitive=gen)
    for m in _lower_head_re().finditer(text) if may_match(_lower_heads(), text) else ():  # "Ekby byalag"
        start = _words_before(text, m.start())
        if start is None or _DEFINITE_GENITIVE.search(text, start, m.start()) and not region_genitive(
                text[start:m.start()].split()[-1]):
            continue  # ("Kommunens pensionärsförening": a common noun's owner, no place)
        gen = m.group().endswith("s")
        form = text[start:m.end() - 1] if gen else text[start:m.end()]
        head = m.group()[:-1] if gen else m.group()  # its bare definite form ("sameföreningen") is this one
        yield Cand(start, m.end(), text[start:m.end()], kind="association", key="assoc:" + key_of(form), form=form,
                   full=FULL_OFFICIAL, rule="organisations/association_name", method="rule", score=0.8,
                   explanation=f"place name before '{m.group()}'", genitive=gen, head_key="body:" + key_of(head))
    for m in _kind_re().finditer(text):
        if (place := place_after(text, m.end())) is not None:
            end, explanation = place.end(), f"'{m.group()}' and the place it belongs to"
        elif (named := words_after(text, m.end())) is not None:
            end, explanation = named, f"'{m.group()}' followed by a name"  # "Spelmanslaget Stråket"
        else:
            continue
        yield Cand(m.start(), end, text[m.start():end], kind="association", key="assoc:" + key_of(text[m.start():end]),
                   form=text[m.start():end], full=FULL_OFFICIAL, rule="organisations/association_name",
                   method="rule", score=0.8, explanation=explanation)


@lru_cache(maxsize=1)
def _definite_compound_re() -> regex.Pattern[str]:
    """A capitalised word of three or more letters and a ``definite_compound_names`` head, with a genitive -s; no
    capitalised word right before or after it on its line (a longer name: "Svenska Kommunförbundet")."""
    heads = sorted(org_rules().definite_compound_names.heads, key=len, reverse=True)
    return compile_re(r"(?<![\p{L}\p{N}\-])(?<!\p{Lu}\p{Ll}*[ \t]+)\p{Lu}\p{Ll}++(?<=\p{L}{3}(?:"
                         + "|".join(map(regex.escape, heads)) + r")s?)" + WB_R + r"(?![ \t]+\p{Lu})")


def find_definite_compounds(text: str) -> Iterator[Cand]:
    """'Kommunförbundet', 'Linnéuniversitetets': a federation or a seat of learning named by its compound alone."""
    rules = org_rules()
    heads = rules.definite_compound_names.heads
    if not any(h in text for h in heads):
        return  # every match ends in a head as written (most texts name none: the scan tried every capital)
    for m in _definite_compound_re().finditer(text):
        word = m.group()
        gen = word.endswith("s") and not any(word.endswith(h) for h in heads)
        form = word[:-1] if gen else word
        if form in rules.head_then_name or (is_sentence_start(text, m.start()) and lower_word_elsewhere(text, form)):
            continue
        head = next(h for h in heads if form.endswith(h))
        yield Cand(m.start(), m.end(), word, kind=heads[head], key="assoc:" + key_of(form), form=form,
                   full=FULL_OFFICIAL, rule="organisations/definite_compound", method="rule", score=0.8,
                   explanation=f"capitalised compound of '{head}'", genitive=gen)
