"""Word boundaries OCR got wrong: a word split with a space ("okto ber"), two words run together.

``split_words``: two letter tokens one space apart on a line are joined where the second is lower
case, at least one of the two is no listed word, and the joined word is a listed word or name, or
(the second no listed word) is printed whole elsewhere in the same text at least as often as split
(a name split in one place, intact in another; not "Ekudde gård" beside "Ekuddegård", nor two
words whose space OCR lost elsewhere); where neither lower-case half
is a word (the first not even a compound), a compound of listed parts will do ("bibl
ioteksplan"), and where the second is a listed word (no function word) that the space cut off the
last part of a compound ("Utbetalningsbesk edet"), the joined compound; after a given name, a short tail
with a surname's ending is joined to the
capitalised word before it ("Gunnel Ahl berg"), and so is one that is no listed word where a party
code, a comma, a column gap or a full stop ends the name ("Rune Gill emyr (S)", "Eva Schr öder,", "… är Mikae1
Ber gh."); the given name may show one look-alike letter itself ("Christcr Hell ander,", "Mikae1"). Otherwise two listed words ("för slag") are
never joined: the space may be real.

``run_together``: a word that is no listed word but a short word no compound starts with
("och", "enligt"; ``run_together`` in ``resources/sv/ocr_confusions.json``) followed by a
listed word, or by a long compound where the whole is none ("enhetschefsmöte" stays) or only a compound
that takes the short word for a part ("attbarnomsorgsnämnden"), gets its space back ("enligtsocialnämnden",
"attjustera"); so does one before a listed word that lost its å/ä/ö, where the whole token is none that did
("inomsocialforvaltningen", not "tillfdrordnad"); one that also begins compounds ("för", "inom",
``run_together_prefixes``) only before a listed word of eight letters or more ("forkommunstyrelsen");
a long unit or month name run onto a listed word is split off and read ("efterfebruarl" ->
"efter februari", "miljonerkronor"), and so is a short word that no compound ends with run onto a listed
word of six letters or more (``run_together_after``: "kommunstyrelsenhar", "beslutadeatt"); after an amount, a
unit and the word run onto it are parted ("4 200 kronorper år"). A short word run into a compound that lost its
å/ä/ö gets its space back where no listed word but a compound of listed parts reads the rest, the one of fewest
parts ("attvalnamndsordforanden" -> "att valnämndsordföranden"). After a given name, a capitalised token that ends in a verb of minutes
(``name_verbs``, also without its å/ä/ö) is the surname and the verb run together ("Rut Askredovisade").

>>> from kdextract.text.ocr_repair import TOKEN
>>> text = "Protokollet justeras den 3 okto ber av Eva Brandekrantz. Eva Brand ekrantz deltog inte."
>>> [(text[a:b], joined) for a, b, joined in split_words(text, list(TOKEN.finditer(text)))]
[('okto ber', 'oktober'), ('Brand ekrantz', 'Brandekrantz')]
>>> text = "Beslutet fattades enligtsocialnämndens förslag."
>>> [(text[a:b], new) for a, b, new in run_together(text, list(TOKEN.finditer(text)))]
[('enligtsocialnämndens', 'enligt socialnämndens')]
"""

from __future__ import annotations

import functools
from collections import Counter
from itertools import pairwise

import regex

from kdextract.pattern_cache import compile_re
from kdextract.resources import load_lines
from kdextract.text.fold import fold_key
from kdextract.text.lexicon import Lexicon, load_lexicon
from kdextract.text.ocr_confusions import ConfusionRules
from kdextract.text.ocr_letters import digits_read_as_letters
from kdextract.text.ocr_numbers import NUMBER_WORD_TAILS
from kdextract.text.ocr_variants import variants
from kdextract.text.word_starts import after_blanks

#: Short words no compound starts with, which OCR may run into the next word.
_RUN_TOGETHER = tuple(sorted(ConfusionRules.load().run_together, key=len, reverse=True))
#: Short words no compound ends with, run onto the word before ("beslutadeatt"), and that word's fewest letters.
_AFTER = tuple(sorted(ConfusionRules.load().run_together_after, key=lambda w: (-len(w), w)))
_MIN_LISTED_HEAD = 6
#: Units of an amount, longest first, and the amount they follow (its last digit group, a space).
_UNITS = tuple(sorted(ConfusionRules.load().number_words.units, key=lambda w: (-len(w), w)))
_AMOUNT_BEFORE = compile_re(r"(?<![\p{L}\d])\d[\d ,.]*[ \t]$")
#: Short words that also begin compounds: split off only before a long listed word ("forkommunstyrelsen").
_PREFIXES = tuple(sorted(ConfusionRules.load().run_together_prefixes, key=len, reverse=True))
#: Endings of surnames: a short lower-case word with one (an ending itself or no listed word), after
#: a given name and a capitalised word, is the surname's tail ("Gunnel Ahl berg", "Torbjörn Fahl sson").
_SURNAME_ENDINGS = tuple(ConfusionRules.load().surname_endings)
_MAX_TAIL = 8
#: The end of a name in a list or a sentence: a party code, a comma, a column gap or a full stop after it.
_NAME_END = compile_re(r"[ \t]*[(,]|[ \t]{2,}\S|\.(?!\S)")
#: A party code in brackets after a name ("(S)", "(c)", "(MP)"), matched after the name's blanks (``after_blanks``).
_CODE_AFTER = compile_re(r"\(\p{L}{1,3}\)")
#: Lower-case words that end a name's line without being part of it: codes, abbreviations, function words.
_NO_TAILS = frozenset(ConfusionRules.load().list_codes + ConfusionRules.load().function_words
                      + ConfusionRules.load().name_marks + [a.rstrip(".") for a in load_lines("abbreviations.txt")])
_MIN_END_TAIL = 2
#: Longest listed word taken for a tail at a name's end, after a head that is no word ("Schr öder").
_MAX_LISTED_TAIL = 5
#: Fewest letters of the word after a run-together short word (more for a compound).
_MIN_REST = 4
#: Verbs that follow a name in minutes, folded (no å/ä/ö: OCR may have lost them) and as listed, longest first.
_NAME_VERBS = tuple(sorted(((fold_key(v), v) for v in ConfusionRules.load().name_verbs), key=lambda p: (-len(p[0]), p)))
_MIN_SURNAME = 2
#: Highest cost of the one look-alike letter that a given name before a split surname may show ("Christcr").
_GIVEN_COST = 0.8
#: Longest token looked at (its splits cost the square of its length; no word is longer).
_MAX_WORD = 64
#: Fewest letters of a listed word that a unit or a month name ran onto.
_MIN_HEAD = 3
#: Fewest letters of the listed word that ends a compound the list lacks ("tertialrapport": "rapport").
_MIN_LISTED_PART = 5
_MIN_COMPOUND_REST = 8
#: Highest cost of the å/ä/ö repairs of a word that a short word ran into ("regionfullmiktige").
_MARK_COST = 0.7
#: Highest cost of the å/ä/ö repairs that make the whole token a listed word (then it is no two words).
_WORD_COST = 1.2


def split_words(text: str, tokens: list[regex.Match[str]]) -> list[tuple[int, int, str]]:
    """``(start, end, joined)`` of each split word, ``tokens`` being the text's word tokens in order."""
    lex = load_lexicon()
    printed: Counter[str] | None = None
    spaced = [a.end() + 1 == b.start() and text[a.end()] == " " for a, b in pairwise(tokens)]
    pairs = [(a, b) for (a, b), one in zip(pairwise(tokens), spaced) if one]
    split: Counter[tuple[str, str]] | None = None
    listed: dict[str, bool] = {}  # a text repeats its words: each looked up once
    out: list[tuple[int, int, str]] = []
    for k, (a, b) in enumerate(pairwise(tokens)):
        if not spaced[k] or out and out[-1][1] == a.end():
            continue
        first, second = a.group(), b.group()
        if not (first.isalpha() and first[-1].islower() and second.isalpha() and second.islower()):
            continue
        if k and spaced[k - 1] and (_surname_tail(tokens[k - 1].group(), first, second)
                                    or _NAME_END.match(text, b.end()) and _name_end_tail(
                                        tokens[k - 1].group(), first, second,
                                        _CODE_AFTER.match(text, after_blanks(text, b.end())) is not None)):
            out.append((a.start(), b.end(), first + second))
            continue
        if (across := _tail_across(lex, first, second)) is not None:  # "tertialrapportjanu ari"
            out.append((a.start(), b.end(), across))
            continue
        first_listed, second_listed = _listed(listed, lex, first.lower()), _listed(listed, lex, second)
        if first_listed and second_listed:
            continue
        joined = first + second
        if joined.lower() not in lex and (second_listed or not first.islower() or lex.known(first)
                                          or not lex.known(joined)):  # no compound of two non-words
            if second_listed:
                if not _cuts_part(lex, first.lower(), second, joined.lower()):
                    continue
                out.append((a.start(), b.end(), joined))
                continue
            if printed is None or split is None:
                printed = Counter(t.group() for t in tokens)
                split = Counter((x.group(), y.group()) for x, y in pairs)
            if printed[joined] < split[first, second]:  # a space lost elsewhere is no evidence
                continue
        out.append((a.start(), b.end(), joined))
    return out


def run_together(text: str, tokens: list[regex.Match[str]]) -> list[tuple[int, int, str]]:
    """``(start, end, split)`` of each token that is a short word run into the next one."""
    lex = load_lexicon()
    out: list[tuple[int, int, str]] = []
    for k, m in enumerate(tokens):
        tok = m.group()
        if not (tok.isalpha() and tok[1:].islower() and len(tok) <= _MAX_WORD) or tok.lower() in lex:
            continue
        parted = _parted(lex, tok) if len(tok) >= 6 else None
        if parted is None and k and tok[0].isupper() and fold_key(tokens[k - 1].group()) in _given_names():
            parted = _name_verb(tok)
        if parted is None and _AMOUNT_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            parted = _after_unit(lex, tok)
        if parted is not None:
            out.append((m.start(), m.end(), parted))
    return out


def _name_verb(tok: str) -> str | None:
    """A surname and the verb of minutes that OCR ran onto it, the verb as listed: "Lindhalsade" -> "Lind hälsade"."""
    low = fold_key(tok)
    if len(low) != len(tok):
        return None
    for folded, verb in _NAME_VERBS:
        if low.endswith(folded) and len(low) - len(folded) >= _MIN_SURNAME:
            return f"{tok[:len(tok) - len(verb)]} {verb}"
    return None


def _after_unit(lex: Lexicon, tok: str) -> str | None:
    """A unit after an amount, and the words that OCR ran onto it: "krförett" -> "kr för ett"."""
    low = tok.lower()
    for unit in _UNITS:
        rest = tok[len(unit):]
        if low.startswith(unit) and len(rest) >= 2:
            words = rest if rest.lower() in lex else _parted(lex, rest)
            if words is not None:
                return f"{tok[:len(unit)]} {words}"
    return None


def _parted(lex: Lexicon, tok: str) -> str | None:
    """``tok`` as the short word and the word that OCR ran together, or None."""
    low = tok.lower()
    for short in _RUN_TOGETHER:
        rest = low[len(short):]
        if low.startswith(short) and len(rest) >= _MIN_REST and (rest in lex or len(
                rest) >= _MIN_COMPOUND_REST and lex.known(rest) and _no_compound(lex, tok, rest)):
            return f"{tok[:len(short)]} {tok[len(short):]}"
    for short in _PREFIXES:
        rest = low[len(short):]
        if low.startswith(short) and len(rest) >= _MIN_COMPOUND_REST and rest in lex:
            return f"{tok[:len(short)]} {tok[len(short):]}"
    for short in _AFTER:
        head = low[:-len(short)]
        if low.endswith(short) and len(head) >= _MIN_LISTED_HEAD and head in lex:  # "kommunstyrelsenhar"
            return f"{tok[:len(head)]} {tok[len(head):]}"
    for k in range(_MIN_HEAD, len(low) - _MIN_REST):
        if low[k:] in NUMBER_WORD_TAILS and _word_or_compound(lex, low[:k]):  # "miljonerkronor", "efterfebruarl"
            return f"{tok[:k]} {NUMBER_WORD_TAILS[low[k:]]}"
    if lex.known(low) or any(c in lex for c, _, _, _ in variants(low, _WORD_COST, 3, True, insert=False)):
        return None  # a word of its own, or one that lost its å/ä/ö ("tillfdrordnad", "forutsdttning")
    for short in _RUN_TOGETHER + _PREFIXES:  # the rest lost its å/ä/ö too: "attregionfullmiktige"
        rest = low[len(short):]
        if low.startswith(short) and len(rest) >= _MIN_COMPOUND_REST:
            read = [c for c, _, _, _ in variants(rest, _MARK_COST, 2, True, insert=False)]
            word = next((c for c in read if c in lex), None)
            if word is None and short in _RUN_TOGETHER:
                word = _damaged_compound(lex, tok[:len(short)], read)
            if word is not None:
                return f"{tok[:len(short)]} {word}"
    return None


def _word_or_compound(lex: Lexicon, head: str) -> bool:
    """``head`` is a listed word or ends in one of five letters or more (a compound the list lacks: "tertialrapport")."""
    return head in lex or any(head[j:] in lex for j in range(1, len(head) - _MIN_LISTED_PART + 1))


def _tail_across(lex: Lexicon, first: str, second: str) -> str | None:
    """A long month or unit name that a space split and whose first piece OCR ran onto the word before
    ("tertialrapportjanu ari" -> "tertialrapport januari"), else None."""
    joined = (first + second).lower()
    for k in range(_MIN_HEAD, len(first)):
        if joined[k:] in NUMBER_WORD_TAILS and _word_or_compound(lex, joined[:k]):
            return f"{first[:k]} {NUMBER_WORD_TAILS[joined[k:]]}"
    return None


def _damaged_compound(lex: Lexicon, short: str, read: list[str]) -> str | None:
    """The reading in ``read`` (of a damaged rest after a run-together ``short`` word) that is a compound of listed
    parts, the fewest, and that the short word does not start ("attvalnamndsordforande": att + valnämndsordförande)."""
    parts = {c: n for c in read if (n := lex.parts(c)) > 1 and _no_compound(lex, short + c, c)}
    return min(parts, key=parts.__getitem__) if parts else None


def _no_compound(lex: Lexicon, tok: str, rest: str) -> bool:
    """Whether ``tok`` is no compound but a short word run into ``rest``: it is none, or (in lower case) only one
    that takes the short word, which starts no compound, for a part ("attregionfullmäktige": att+region+fullmäktige)."""
    low = tok.lower()
    return not lex.known(low) or tok.islower() and lex.parts(low) > lex.parts(rest)


def _cuts_part(lex: Lexicon, first: str, second: str, joined: str) -> bool:
    """Whether a space cut the last part of a compound ``joined`` in two, ``second`` a listed word (no function word)
    but the shorter piece of that part, ``first`` no listed word ("Utbetalningsbesk edet": "beskedet" cut)."""
    if second in _NO_TAILS or second in _AFTER or second in _PREFIXES:  # a word after a word: "Centre for"
        return False
    parts, last = lex.analyse(joined)
    return parts > 1 and len(second) <= _MAX_TAIL and len(last) - len(second) >= _MIN_REST


def _listed(seen: dict[str, bool], lex: Lexicon, word: str) -> bool:
    found = seen.get(word)
    if found is None:
        found = seen[word] = word in lex
    return found


def _surname_tail(before: str, first: str, second: str) -> bool:
    """Whether ``second`` is the tail of a surname split off after a given name ("Gunnel Ahl berg")."""
    return (first[0].isupper() and len(second) <= _MAX_TAIL and second.endswith(_SURNAME_ENDINGS)
            and (second in _SURNAME_ENDINGS or second not in load_lexicon())
            and _given(before))


def _name_end_tail(before: str, first: str, second: str, coded: bool) -> bool:
    """Whether ``second``, ending a name in a list, is its surname's tail ("Rune Gill emyr (S)", "Eva Schr öder,").

    A tail that is no listed word (nor a code, an abbreviation or a function word) or, where the
    head is none either, a short listed one ("Lindw all"); after a given name, or after any capitalised
    word where a party code follows (``coded``: "Sigvor Dahn berg (C)").
    """
    if not (first[0].isupper() and _MIN_END_TAIL <= len(second) <= _MAX_TAIL) or second in _NO_TAILS:
        return False
    lex = load_lexicon()
    if second in lex and (len(second) > _MAX_LISTED_TAIL or lex.known(first.lower())):
        return False
    return _given(before) or coded and before.istitle() and before.isalpha()


def _given(word: str) -> bool:
    """Whether ``word`` is a given name, as printed or with one look-alike letter misread ("Christcr", "Mikae1")."""
    names = _given_names()
    if fold_key(digits_read_as_letters(word)) in names:
        return True  # (as printed, or with a digit for a letter: "Mikae1")
    return word[:1].isupper() and word.isalpha() and any(
        fold_key(c) in names for c, _, _, _ in variants(word, _GIVEN_COST, 1, False, insert=False))


@functools.cache
def _given_names() -> frozenset[str]:
    return frozenset(fold_key(n) for n in load_lines("first_names.txt"))
