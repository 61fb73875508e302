"""Words that a line's end cut in two, put together again where a flattened copy left a blank in the cut.

``normalize`` joins a word hyphenated at a line's end ("Budgetupp-\\nföljning"). Where the text was flattened, the
break is one blank ("Budgetupp- följning"), which a suspended compound also has before its other part ("kultur- och
fritid", "sjuk- hälso- och sjukvård") and a dash that sets two phrases apart ("Svar på remiss- omstart för …"): the
blank is dropped only where the lexicon knows the joined word and the halves are no words of their own, or the
joined word is a listed form; a capitalised part after it (a name: "Stor- Stockholm") keeps hyphen and blank.

An item's title cut inside a word without a hyphen ("1. Sam\\nmanträdet öppnas", flattened "1. Mö tet öppnas") is
put together where the joined word is a listed form and a half is none, or the frequency corpus has the joined word
more often than both halves: only in an item's title (its first ``TITLE_WORDS`` words after the number).

>>> t = "§ 4 Budgetupp- följning och kultur- och fritid"
>>> [(t[a:b], new) for a, b, new, _ in word_break_edits(t)]
[('- ', '')]
>>> t = "1. Mö tet öppnas 2. Val av justerare"
>>> [(a, t[a:b]) for a, b, _, _ in word_break_edits(t)]
[(5, ' ')]
"""

from __future__ import annotations

import regex

from kdextract.pattern_cache import compile_re
from kdextract.text.lexicon import Lexicon, load_lexicon
from kdextract.text.view import Replacement

#: A hyphen after two lower-case letters and a blank, the lower-case part after it (captured in the lookahead).
_HYPHEN_BLANK = compile_re(r"(?<=\p{Ll}\p{Ll})-[ \t]+(?=(\p{Ll}+))")
#: An item's number at a line's start or after a blank ("§ 4", "4.", "§4"), the blanks after it.
_ITEM_NUMBER = compile_re(r"(?:^|(?<=\s))(?:§[ \t]*\d{1,3}|\d{1,3}\.)[ \t]+(?=\p{Lu})")
#: A title's words after the number: letters, and the one blank or line break after each.
_TITLE_WORD = compile_re(r"\p{L}+(?:[ \t]|\n(?=\p{Ll}))?")
#: The words of a title read for a cut.
TITLE_WORDS = 6
#: What ends a suspended compound's other part ("sjuk- hälso- och …", "el- vatten-, …").
_SUSPENDED_AFTER = ("-", ",")


def word_break_edits(text: str, keep: frozenset[str] = frozenset()) -> list[Replacement]:
    """The blanks of cut words in ``text`` to drop (``keep``: the conjunctions after a suspended compound)."""
    lex = load_lexicon()
    reps: list[Replacement] = []
    for m in _HYPHEN_BLANK.finditer(text):
        tail = m.group(1)
        if tail in keep or text.startswith(_SUSPENDED_AFTER, m.end(1)):
            continue  # "kultur- och fritid", "sjuk- hälso- och sjukvård", "el-, vatten- och"
        head = text[_word_start(text, m.start()):m.start()].casefold()
        whole = head + tail
        if lex.parts(whole) and (whole in lex or not lex.parts(head) or not lex.parts(tail)):
            reps.append((m.start(), m.end(), "", "hyphenation"))
    for m in _ITEM_NUMBER.finditer(text):
        reps += _cut_title_word(text, m.end(), lex)
    return sorted(reps)


def _word_start(text: str, end: int) -> int:
    """Where the word that ends at ``end`` starts."""
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start


def _cut_title_word(text: str, start: int, lex: Lexicon) -> list[Replacement]:
    """The break or blank inside the first cut word of the title at ``start``, if any."""
    words: list[regex.Match[str]] = []
    pos = start
    for _ in range(TITLE_WORDS):
        w = _TITLE_WORD.match(text, pos)
        if w is None:
            break
        words.append(w)
        pos = w.end()
        if w.group()[-1:] not in " \t\n":
            break
    for a, b in zip(words, words[1:]):
        head, tail = a.group().rstrip().casefold(), b.group().rstrip()
        whole = head + tail
        if tail.islower() and whole in lex and (head not in lex or tail not in lex
                                                or lex.count(whole) > lex.count(head) + lex.count(tail)):
            return [(a.end() - 1, a.end(), "", "word cut by a line break")]
    return []
