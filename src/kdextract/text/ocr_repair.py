"""The OCR repairer: replacements that undo look-alike letters, lost å/ä/ö and letter bullets.

``kdextract.text.ocr.repair`` decides whether a text needs it; this module does the work.
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from collections.abc import Container, Iterator
from typing import NamedTuple

import regex

from kdextract.pattern_cache import compile_re
from kdextract.resources import load_lines, read_text
from kdextract.text.fold import fold
from kdextract.text.lexicon import load_lexicon
from kdextract.text.ocr_codes import code_repairs
from kdextract.text.ocr_confusions import ConfusionRules, confusion_table
from kdextract.text.ocr_letters import (capitals_for_l, digits_read_as_letters, inner_i_as_l, letters_for_digits,
                                        marks_for_digits, zero_for_o)
from kdextract.text.ocr_marks import caps_apostrophes, letter_bullets, stray_mark_lines
from kdextract.text.ocr_spaces import run_together, split_words
from kdextract.text.ocr_numbers import digit_repairs
from kdextract.text.ocr_several import several_look_alikes
from kdextract.text.ocr_variants import variants
from kdextract.text.spans import Coverage
from kdextract.text.view import Replacement

#: A word as OCR leaves it: letters, digits and the stand-ins "{" and "#", at least one letter.
#: (Starts only where a run of such characters starts, and never gives back what it took: linear time.)
TOKEN = compile_re(r"(?<![\p{L}\p{N}{#])[\p{N}{#]*+\p{L}[\p{L}\p{N}{#]*+")
ORDINAL = compile_re(r"\d+\p{Ll}{1,2}")
_LONE_I = compile_re(r"(?<=(?:^|[ \t])(\p{L}{2,})[ \t]+)([1l])(?=[ \t]+(\p{L}[\p{L}-]*)([\p{L}\d]*))", regex.M)
_STAND_INS = frozenset("{#")
_MARKED = compile_re(r"[åäöÅÄÖ]")
#: Blanks between two words of one line.
_SAME_LINE_GAP = compile_re(r"[ \t]+")
#: A digit between two words (``Repairer.replacements``' name context).
_NUMBER = compile_re(r"\p{N}")
#: A lower-case word (capitalised or not) whose only inner capitals are "I": OCR's "l" ("tilI", "UtdeIning").
_I_FOR_L = compile_re(r"\p{L}\p{Ll}*+(?:I\p{Ll}*+)++")
#: A capitalised word inside a sentence shorter than this (a name more often than a compound noun)
#: is repaired only to a listed word or name: read as a compound, "Strandin" becomes "Stråndin".
_LISTED_NAMES_BELOW = 10
#: Longest token repaired: a longer one is no word (the lexicon's longest has 33 letters), and the
#: search costs the square of a token's length.
_MAX_WORD = 64
#: Most a candidate's frequency lowers its score (0.1 per factor of ten).
_MAX_FREQUENCY_BONUS = 0.3
#: Most tokens whose repair is kept for later texts (a few hundred bytes each: some 6 MB).
_FIXES_KEPT = 20_000
#: Tokens and contexts -> repair (None: left alone); depends on nothing else, so kept across texts.
_FIXES: dict[tuple[str, _Context], str | None] = {}
#: No repair ever (a repair holds a letter): marks a token not looked at yet.
_UNSEEN = "\x00"
#: Words after which "ar" is "år" (a noun after a count), not "är".
_QUANTIFIERS = frozenset(ConfusionRules.load().quantifiers)
#: Abbreviations of the genre the word list lacks ("mnkr", "dnr"): listed, as frequent as common words.
_GENRE_WORDS = frozenset(ConfusionRules.load().genre_words)
_GENRE_COUNT = 1000
#: Month names, and their first three letters: a lone "1" before a word that starts one is a day.
_MONTHS = tuple(ConfusionRules.load().number_words.months)
_MONTH_STARTS = tuple({m[:3] for m in _MONTHS})
#: A count just before a word ("3 ar", not a year as in "2024 ar"): the word is counted ("år").
_AFTER_COUNT = compile_re(r"(?<!\d)\d{1,3}[ \t]+$")
#: Parts of a compound reading of a word from which one look-alike letter away from a listed word is the likelier one.
_MANY_PARTS = 3


class Repairer:
    """The replacements that repair one OCR-damaged text (each token's repair kept for later texts)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lex = load_lexicon()
        self.table = confusion_table()

    def replacements(self) -> list[Replacement]:
        reps = stray_mark_lines(self.text)
        stray = Coverage((s, e) for s, e, _, _ in reps)
        reps.extend(rep for rep in letter_bullets(self.text, self.table) if not stray.overlaps(rep[0], rep[1]))
        reps.extend(self._lone_i())
        reps.extend(caps_apostrophes(self.text))
        taken = Coverage((s, e) for s, e, _, _ in reps)
        for rep in code_repairs(self.text) + digit_repairs(self.text):
            if not taken.overlaps(rep[0], rep[1]):
                reps.append(rep)
                taken.add(rep[0], rep[1])
        tokens = list(TOKEN.finditer(self.text))
        for s, e, joined in split_words(self.text, tokens):
            if not taken.overlaps(s, e):
                reps.append(_minimal(s, self.text[s:e], joined, "ocr: split word"))
                taken.add(s, e)  # both halves, not repaired one by one
        for s, e, parted in run_together(self.text, tokens):
            if not taken.overlaps(s, e):
                reps.append(_minimal(s, self.text[s:e], parted, "ocr: words run together"))
                taken.add(s, e)
        spelled: Counter[str] | None = None  # capitalised words of this text (lower case) -> how often
        elsewhere: dict[str, str | None] = {}  # this text's unknown capitalised words -> repair
        read_before = ""  # the token before, as repaired
        for k, m in enumerate(tokens):
            if taken.overlaps(m.start(), m.end()) or m.end() - m.start() > _MAX_WORD:
                read_before = ""
                continue
            tok = m.group()
            prev = tokens[k - 1].group() if k else ""
            after = tokens[k + 1].group() if k + 1 < len(tokens) else ""
            # a number between (a letterhead's date in its column) parts the words: no name runs across it
            name_prev = "" if k and _NUMBER.search(self.text, tokens[k - 1].end(), m.start()) else prev
            name_after = "" if after and _NUMBER.search(self.text, m.end(), tokens[k + 1].start()) else after
            context = _Context(
                name_position=self._name_position(m.start()),
                in_name=name_prev[:1].isupper() and name_after[:1].isupper(),
                before_name=name_after[:1].isupper() and name_after[1:].islower(),
                counted=bool(_AFTER_COUNT.search(self.text, max(0, m.start() - 8), m.start()))
                or fold(prev) in _folded(_QUANTIFIERS),
                after_given=(tok[:1].isupper() or tok[:1] == "0") and read_before.lower() in _given_names()
                and _SAME_LINE_GAP.fullmatch(self.text, tokens[k - 1].end(), m.start()) is not None,
            )
            key = (tok, context)
            new = _FIXES.get(key, _UNSEEN)
            if new is _UNSEEN:
                if len(_FIXES) >= _FIXES_KEPT:
                    _FIXES.clear()
                new = _FIXES[key] = self._fix(tok, context)
            if new is None and tok[:1].isupper() and (ell := inner_i_as_l(tok))[1:].islower() \
                    and ell.lower() not in self.lex:  # (an inner "I" is OCR's "l": "WibergIund")
                if spelled is None:
                    spelled = Counter(inner_i_as_l(t).lower() for t in (n.group() for n in tokens) if t[:1].isupper())
                if tok not in elsewhere:
                    elsewhere[tok] = self._spelled_elsewhere(tok, spelled)
                new = elsewhere[tok]
            if new is not None:
                reps.append(_minimal(m.start(), tok, new, f"ocr: {tok} -> {new}"))
            read_before = tok if new is None else new
        return reps

    # -- words -----------------------------------------------------------------

    def _name_position(self, start: int) -> bool:
        """Whether a capitalised word here is inside a sentence (likely a name)."""
        text = self.text
        if not text[start].isupper():
            return False
        i = start - 1
        newlines = 0
        while i >= 0 and text[i] in " \t\n":
            newlines += text[i] == "\n"
            i -= 1
        if i < 0 or newlines >= 2 or text[i] in ".!?:;":
            return False
        return text[i] not in "\"'”»(–—-•*"

    def _fix(self, tok: str, context: _Context) -> str | None:
        cased = [c for c in tok if c.isupper() or c.islower()]
        uppers = sum(c.isupper() for c in cased)
        if uppers >= 2 and uppers == len(cased):
            return None  # acronym or code: KSAU, E18, VMKF
        if uppers == len(cased) and not tok.isalpha() and len(cased) <= 2:
            return None  # P4, A4, B1
        if (caps := capitals_for_l(tok, self.lex)) is not None:
            return caps  # "MlNNESANTECKNINGAR": see ``text.ocr_letters``
        named = context.in_name or context.after_given or context.before_name
        if (read := zero_for_o(tok, self.lex, named)) is not None:
            return read  # "0skarsson", "01le": see ``text.ocr_letters``
        if (read := letters_for_digits(tok, self.lex, context.after_given)) is not None:
            if not (context.after_given or context.name_position or context.in_name):
                read = self._real_word(read, context, 0) or read  # "f0r": "for" is "för", far more frequent
            return _recase(tok, read)  # "Ka1mar", "1än": see ``text.ocr_letters``
        if ORDINAL.fullmatch(tok):
            return None  # 3e, 1a
        low = tok.lower()
        if low in _GENRE_WORDS or tok[:1].isupper() and low in _given_names() \
                or context.before_name and tok in _particles():
            return None  # (a given name as the name list spells it: "Siri" is no "Sin"; a particle: "van der Berg")
        if _I_FOR_L.fullmatch(tok):
            ell = tok[0].lower() + tok[1:].replace("I", "l")
            if ell in self.lex:
                return _recase(tok, ell)
        lex = self.lex
        # inner capitals make a word careful (a code, "McKinsey"), except an "I" alone: the glyph of "l"
        mixed = uppers > (1 if tok[0].isupper() else 0) and not _I_FOR_L.fullmatch(tok)
        # A capitalised word inside a sentence is most likely a name: å/ä/ö only, unless it
        # is long enough to be a compound noun.
        careful = (context.name_position and len(tok) < 8) or mixed or context.after_given
        # A word with an intact å/ä/ö was read by an engine that prints them: no ASCII letter of it
        # stands for a lost one; in a short name "i", "d" and "G" are mostly letters.
        plain = 2 if _MARKED.search(tok) else 1 if context.name_position and len(tok) < 8 else 0
        if tok.isalpha() and (lex.count(low) > 0 or len(low) > 3 and low in lex):
            if careful or context.in_name:
                return None
            best = self._real_word(low, context, plain)
        elif tok.isalpha() and len(low) > 3 and lex.parts(low):
            if careful or context.in_name:
                return None
            best = self._compound(low, plain)
        else:
            best = self._unknown(tok, careful, plain, listed=context.name_position and len(tok) < _LISTED_NAMES_BELOW)
            if best is None and context.before_name and tok.isalnum() and tok[0].isupper() and len(low) > 2:
                # a given name with one look-alike letter (or digit: "Er1k", "Mat5") misread, before its surname
                # ("Emrna Möller"), where only one name is so near (not "Jari", which reads as "Jan" and as "Jarl")
                names = {c for c, _, _, _ in variants(tok, 0.8, 1, False, insert=False) if c in _given_names()}
                best = names.pop() if len(names) == 1 else None
            if best is None and not (context.in_name or context.after_given):
                best = several_look_alikes(low, lex)  # "Kornrnunfu11rnäktige": see ``text.ocr_several``
        given = "i" + low[1:]
        if context.before_name and tok[:1] == "l" and low[1:2] not in "aeiouyåäöj" and given in _given_names():
            return "I" + tok[1:]  # "lngvar Nordell", "lda Berg": no word opens so, a capital "I" read as "l"
        if best is None or best == low:
            return None
        return _recase(tok, best, best in lex.names and best not in lex.common)

    def _real_word(self, low: str, context: _Context, plain: int) -> str | None:
        """A far more frequent å/ä/ö form of a listed word (``pa`` -> ``på``), or None."""
        lex = self.lex
        own = lex.count(low)
        options = []
        for cand, cost, edits, _ in variants(low, 0.7, 1, careful=True, insert=False, plain=plain):
            count = lex.count(cand)
            if count >= 3 and count >= 30 * own and edits == 1:
                options.append((count, cand))
        if not options:
            return None
        if context.counted and any(c == "år" for _, c in options):
            return "år"  # "två år", "innevarande år", not "är"
        return max(options)[1]

    def _compound(self, low: str, plain: int) -> str | None:
        """A listed word that a compound-looking word may be with å/ä/ö restored ("fordelar"), or, where only
        a split in three or more parts reads it ("kornmunstyrelsen": korn+mun+styrelsen), with one look-alike
        letter undone."""
        lex = self.lex
        best: tuple[float, str] | None = None
        for cand, cost, _, _ in variants(low, 0.7, 2, careful=True, insert=False, plain=plain):
            if cand in lex.common and (best is None or cost < best[0]):
                best = (cost, cand)
        if best is None and lex.parts(low) >= _MANY_PARTS:
            return next((c for c, _, _, _ in variants(low, 0.8, 1, False, insert=False, plain=plain)
                         if c in lex.common), None)
        return best[1] if best else None

    def _unknown(self, tok: str, careful: bool, plain: int, listed: bool) -> str | None:
        """The listed word (or compound) ``tok`` most likely is an OCR reading of, or None.

        First only å/ä/ö and their stand-ins are undone (cheap, and most of the damage);
        letter confusions and dropped letters are tried only where that finds nothing, and
        they must land on a listed word or a two-part compound. ``plain``: see ``variants``;
        ``listed``: a listed word or name only, no compound (a short name read as one is no repair).
        """
        n = len(tok)
        if n <= 2 and sum(c.isalpha() for c in tok) < 2 and not any(c in _STAND_INS or c.isdigit() for c in tok):
            return None
        if careful:
            return (self._best(variants(tok, 0.7, 3, True, insert=False, plain=plain), strict=False, listed=listed)
                    or (_first_in(variants(tok, 0.7, 3, True, insert=False), self.lex.names) if plain < 2 else None)
                    or _first_in(variants(tok, 0.8, 2, False, insert=False), _GENRE_WORDS)
                    or marks_for_digits(tok))
        limit = 0.7 if n <= 2 else 0.8 if n == 3 else 1.2 if n <= 5 else 1.6
        best = self._best(variants(tok, min(limit, 1.0), 3, True, insert=False, plain=plain), strict=False, listed=listed)
        if best is None:
            depth = 1 if n <= 2 else 2 if n <= 5 else 3
            best = self._best(variants(tok, limit, depth, False, insert=n >= 3, plain=plain), strict=True, listed=listed)
        return best or marks_for_digits(tok)

    def _best(self, found: Iterator[tuple[str, float, int, bool]], strict: bool, listed: bool) -> str | None:
        lex = self.lex
        counts, common, names = lex.counts, lex.common, lex.names  # looked up for every candidate
        best: str | None = None
        best_score = math.inf
        for cand, cost, _, inserted in found:  # cheapest first
            if cost - _MAX_FREQUENCY_BONUS > best_score:
                break
            if not cand.isalpha():
                continue
            count = _GENRE_COUNT if cand in _GENRE_WORDS else counts.get(cand, 0)
            if len(cand) <= 3:
                if count < (20 if len(cand) <= 2 else 3):
                    continue
                parts, tail = 1, cand
            elif cand in common or cand in names or cand in _GENRE_WORDS:
                if len(cand) <= 4 and count == 0 or (strict and (inserted or cost >= 0.8) and len(cand) <= 6
                                                     and count == 0):
                    continue
                parts, tail = 1, cand
            elif listed or strict and (inserted or cost > 1.0):
                continue
            else:
                parts, tail = lex.analyse(cand)
                if not parts or parts > (2 if strict else 3):
                    continue
                count = counts.get(tail, 0)
                if len(tail) < 5 and count == 0:
                    continue
            score = cost + 0.35 * (parts - 1) - min(_MAX_FREQUENCY_BONUS, 0.1 * math.log10(1 + count))
            if score < best_score:
                best, best_score = cand, score
        return best

    def _spelled_elsewhere(self, tok: str, spelled: Counter[str]) -> str | None:
        """An unknown capitalised word one or two look-alike letters from one the same text prints at
        least as often ("Holrn" -> "Holm", "Emii" -> "Emil"): a name damaged in one place, intact in
        another. No letter put back (that would join "Hanson" and "Hansson")."""
        if (ell := inner_i_as_l(tok)) != tok:  # read as another word of the text prints it ("Wiberglund")
            return ell if spelled[ell.lower()] > 1 else None
        low = tok.lower()
        own = spelled[low]
        for cand, _, _, _ in variants(tok, 0.8, 2, False, insert=False):
            if spelled.get(cand, 0) >= own and cand != low:
                return _recase(tok, cand)
        return None

    # -- other marks -----------------------------------------------------------

    def _lone_i(self) -> list[Replacement]:
        """A "1" or "l" standing alone between words, where Swedish has "i"."""
        table = self.table
        reps: list[Replacement] = []
        not_before = _folded(table.one_for_i_not_before)
        for m in _LONE_I.finditer(self.text):
            before, after = m.group(1).lower(), m.group(3).lower()
            month = digits_read_as_letters(after + m.group(4)).lower()  # "1 ju1i 2027": a day before its month
            if before in table.one_for_i_not_after or after in table.one_for_i_not_before \
                    or fold(after) in not_before \
                    or len(month) >= 3 and month.startswith(_MONTH_STARTS) and _month_start(month):
                continue  # "1 ar", "1 manad": a number before a unit that lost its å/ä/ö; "1 okto ber": a day
            if m.group(2) == "1" and not m.group(3)[0].isalpha():
                continue
            reps.append((m.start(2), m.end(2), "i", "ocr: i"))
        return reps


def _month_start(word: str) -> bool:
    """Whether ``word`` begins a month's name ("okto" of an "okto ber" split by OCR)."""
    return any(month.startswith(word) for month in _MONTHS)


class _Context(NamedTuple):
    #: a capitalised word inside a sentence (likely a name)
    name_position: bool
    #: between two capitalised words ("Centre for Local"): inside a name, not Swedish prose
    in_name: bool
    #: after a number or a quantifier ("två ar")
    counted: bool
    #: before a capitalised word ("Emrna Möller"): a given name before its surname
    before_name: bool = False
    #: a capitalised word (or one a "0" opens: "Britt 0hman") after a given name on the same line ("Göran Selander"):
    #: a surname, no compound
    after_given: bool = False


def _first_in(found: Iterator[tuple[str, float, int, bool]], words: Container[str]) -> str | None:
    """The cheapest of ``found`` in ``words``: a listed name ("Tyresd" -> "Tyresö", not "Sige" -> "Säge")
    or a genre abbreviation ("Dnt" -> "Dnr") where a capitalised word is read with care."""
    return next((cand for cand, _, _, _ in found if cand in words), None)


@functools.lru_cache(maxsize=4)
def _folded(words: frozenset[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


def _recase(tok: str, low: str, name: bool = False) -> str:
    """``low`` cased as ``tok``; a digit that opens a word read as a listed ``name`` ("0jebyn") was its capital."""
    if tok[:1].isupper() or (not tok[:1].isalpha() and (name or any(c.isupper() for c in tok[:2]))):
        return low[:1].upper() + low[1:]
    return low


@functools.lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """The given names of ``first_names.txt`` in lower case, spelled as listed (not folded)."""
    return frozenset(n.lower() for n in load_lines("first_names.txt"))


@functools.lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    """The lower-case words inside surnames (``people.json`` ``name_particles``): "der" before "Berg" is no "det"."""
    return frozenset(json.loads(read_text("people.json"))["name_particles"]["words"])


def _minimal(start: int, old: str, new: str, reason: str) -> Replacement:
    """The replacement of ``old`` at ``start`` by ``new``, trimmed to the changed characters."""
    a = 0
    while a < len(old) and a < len(new) and old[a] == new[a]:
        a += 1
    b = 0
    while b < len(old) - a and b < len(new) - a and old[-1 - b] == new[-1 - b]:
        b += 1
    if a + b == len(old):  # pure insertion: take a neighbouring character along
        if b:
            b -= 1
        elif a:
            a -= 1
    return (start + a, start + len(old) - b, new[a:len(new) - b], reason)
