"""Letters with a mark that a fax or a character set without them printed as "?" ("M?te", "Fr?din", "?vrigt",
"tv? ?r"): each such "?" becomes the å, ä or ö that makes a listed word.

A question mark ends a word and stands before a blank and a capital; one between two letters, before a letter
at the start of a word, or before a hyphen ("milj?- och") is no punctuation. At a word's end it counts only
before a blank and a lower-case word or a digit ("tv? ?r"), and only where the word it gives is listed.
Words in a web address ("sida.php?id=4") are left alone. Also: a mark alone on its line that a stamp or the page's
margin left on a scan ("|", "~"; ``stray_mark_lines``), taken out; a letter standing in for a list's bullet
(``letter_bullets``), made a bullet.

>>> text = "M?te om avloppen i h?st. ?vrigt: Fr?din ska ringa tv? g?nger. Vad kostar det? Inget."
>>> [(text[s:e], new) for s, e, new, _ in lost_mark_repairs(text)]
[('M?te', 'Möte'), ('h?st', 'höst'), ('?vrigt', 'Övrigt'), ('Fr?din', 'Frödin'), ('tv?', 'två'), ('g?nger', 'gånger')]
"""

from __future__ import annotations

from itertools import product

import regex

from kdextract.pattern_cache import compile_re
from kdextract.text.lexicon import Lexicon, load_lexicon
from kdextract.text.ocr_confusions import ConfusionRules, ConfusionTable
from kdextract.text.view import Replacement

#: A run of letters and "?" with at least one of each, not inside a web address or a number.
_WORD = compile_re(r"(?<![\p{L}\p{N}?/=&%.@_])(?=[\p{L}?]*\?)(?=[\p{L}?]*\p{L})[\p{L}?]+(?![\p{N}/=&%@_])")
#: What may follow a word-final "?" that stands for a letter: a hyphen, or a blank and a lower-case word or a digit.
_AFTER_FINAL = compile_re(r"-|[ \t]+(?:\p{Ll}|\?\p{L}|\p{N})")
_LETTERS = "åäö"
#: A line's first mark and the blank after it (a bullet's place).
_LINE = compile_re(r"(?m)^[ \t]*(\S+)[ \t]+(?=\S)")
#: Most "?" in one word tried (three letters each).
_MAX_MARKS = 3


def lost_mark_repairs(text: str) -> list[Replacement]:
    """Replacements that restore the lost å/ä/ö that ``text`` prints as "?" (none where no word is found)."""
    if "?" not in text:
        return []
    lex = load_lexicon()
    reps: list[Replacement] = []
    for m in _WORD.finditer(text):
        tok = m.group()
        final = tok.endswith("?")
        if final and not _AFTER_FINAL.match(text, m.end()):
            tok = tok.rstrip("?")
            if "?" not in tok or not any(c.isalpha() for c in tok):
                continue
            final = False
        if tok.count("?") > _MAX_MARKS:
            continue
        found = _best(tok.lower(), lex, compounds=not final)
        if found is not None:
            new = _recase(tok, found, sentence_start=_sentence_start(text, m.start()))
            reps.append((m.start(), m.start() + len(tok), new, f"ocr: {tok} -> {new}"))
    return reps


def _best(low: str, lex: Lexicon, *, compounds: bool) -> str | None:
    """The likeliest reading of ``low`` with each "?" an å, ä or ö: the most frequent listed one, else a listed
    form, else (``compounds``) the compound of fewest parts; None where none is known."""
    parts = low.split("?")
    best: tuple[int, int, int] | None = None
    found = None
    for letters in product(_LETTERS, repeat=len(parts) - 1):
        word = parts[0] + "".join(c + p for c, p in zip(letters, parts[1:]))
        n = lex.parts(word) if compounds else int(word in lex)
        if not n:
            continue
        score = (lex.count(word), int(word in lex), -n)
        if best is None or score > best:
            best, found = score, word
    return found


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\n\f.:!" or text[i].isdigit()


def _recase(tok: str, low: str, *, sentence_start: bool) -> str:
    letters = [c for c in tok if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return low.upper()
    out = "".join(n.upper() if o.isupper() else n for o, n in zip(tok, low))
    if tok[0] == "?" and (sentence_start or len(tok) > 1 and tok[1].isupper()):
        out = out[0].upper() + out[1:]
    return out


#: A line of nothing but one or two marks that a stamp or the page's margin left ("   ~", "|"), a "\r\n" line too.
_STRAY_LINE = compile_re("(?m)^[ \\t]*+\\K[" + regex.escape("".join(sorted(ConfusionRules.load().stray_marks)))
                         + "]{1,2}(?=[ \\t]*+\\r?$)")


def stray_mark_lines(text: str) -> list[Replacement]:
    """The stray marks alone on their lines, taken out: the line is blank, as on the page."""
    return [(m.start(), m.end(), "", "ocr: stray mark") for m in _STRAY_LINE.finditer(text)]


#: A guillemet that opens a line before a column gap ("»    Yttrandet ska …").
_OPENING_GUILLEMET = compile_re(r"(?m)^[ \t]*+\K[«»](?=[ \t]{2,}\S)")
#: A guillemet that ends a line after a column gap ("… beslutar   «").
_CLOSING_GUILLEMET = compile_re(r"(?m)[«»](?<=\S[ \t]{2,}[«»])(?=[ \t]*+\r?$)")  # (the look back only at a mark)


def edge_guillemets(text: str) -> list[Replacement]:
    """A lone "«" or "»" that a margin mark left at a line's edge, apart from the line's text by a column gap, made a
    blank (the text keeps its column): a quotation mark stands against its word, and a list that takes "»" for its
    bullet opens two lines or more so (left alone)."""
    if "«" not in text and "»" not in text:
        return []
    opening = list(_OPENING_GUILLEMET.finditer(text))
    found = (opening if len(opening) == 1 else []) + list(_CLOSING_GUILLEMET.finditer(text))
    return [(m.start(), m.end(), " ", "ocr: stray mark") for m in found]


_CAPS_APOSTROPHE = compile_re(r"(?<![\p{L}\p{N}])(\p{Lu})['’](\p{Lu}{1,4})(?![\p{L}\p{N}'’])")


def caps_apostrophes(text: str) -> list[Replacement]:
    """A stray apostrophe inside a capitalised abbreviation ("I'T" -> "IT")."""
    return [(m.end(1), m.start(2), "", "ocr: stray mark") for m in _CAPS_APOSTROPHE.finditer(text)]


def letter_bullets(text: str, table: ConfusionTable) -> list[Replacement]:
    """Letters and signs standing in for bullets at the start of list lines -> "•"."""
    glyphs, real = table.bullet_glyphs, table.real_bullets
    lines: list[tuple[int, str | None]] = []  # (glyph start, glyph) per non-blank line
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            m = _LINE.match(line)
            glyph = m.group(1) if m else None
            lines.append((pos + (m.start(1) if m else 0), glyph))
        pos += len(line) + 1
    reps: list[Replacement] = []
    for i, (start, glyph) in enumerate(lines):
        if glyph is None or glyph not in glyphs:
            continue
        neighbours = [lines[j][1] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        if glyph != "•" and any(g is not None and (g in glyphs or g in real) for g in neighbours):
            reps.append((start, start + len(glyph), "•", "ocr: bullet"))
    return reps
